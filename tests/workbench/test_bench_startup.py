"""A smoke run of the start-up benchmark on small databases: the script keeps working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_startup.py"
FIGURES = (
    "python -c pass (s, best)",
    "holidays DK (s, best)",
    "--help / python -c pass",
    "--version / python -c pass",
    "deadline / holidays DK",
    "deadline, no database / holidays DK",
    "rules --profile / holidays DK",
    "status at 300 cases (s, best)",
    "status at 1,000 cases (s, best)",
    "status, large / small",
)


def test_the_startup_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--small", "300", "--large", "1000", "--runs", "1",
         "--report-only", "--dir", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for figure in FIGURES:
        assert f"{figure}: " in result.stdout
