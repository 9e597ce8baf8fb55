"""A smoke run of the report benchmark on tiny data: the script itself keeps working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_report.py"


def test_the_report_benchmark_runs_and_prints_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--open-cases", "150", "--rounds", "1", "--report-only"],
        capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for figure in ("open cases", "bare write-only dump", "workbench status",
                   "report, end to end", "report, reading stage", "report, writing stage",
                   "report end to end / bare dump", "report reading stage / bare dump",
                   "report writing stage / bare dump",
                   "workbench status / bare dump"):
        assert figure in result.stdout
