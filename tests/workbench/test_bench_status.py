"""A smoke run of the status benchmark with tiny caseloads: the script itself keeps working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_status.py"
FIGURES = (
    "recompute_all, large (s)",
    "status all open / bare read + csv",
    "status --caseworker, large / small",
    "new process: status all open / bare read + csv",
)


def test_the_status_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--small", "150", "--large", "400", "--runs", "1",
         "--report-only", "--dir", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for figure in FIGURES:
        assert figure in result.stdout
    assert "verify differences                                        0.000" in result.stdout
