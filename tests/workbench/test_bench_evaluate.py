"""A smoke run of the evaluation benchmark on a tiny caseload: the script keeps working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_evaluate.py"
FIGURES = (
    "bare read + group per case",
    "first read after the import",
    "evaluate + store the stale rows",
    "recompute_all",
    "verify",
)


def test_the_evaluation_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--cases", "300", "--rounds", "1", "--dir",
         str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for figure in FIGURES:
        assert f"\n{figure} " in result.stdout
    assert "x bare" in result.stdout
    assert "verify differences                              0" in result.stdout
