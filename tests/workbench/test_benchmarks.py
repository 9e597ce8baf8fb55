"""A smoke run of the import benchmark with a tiny export: the script itself keeps working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_import.py"
FIGURES = (
    "baseline (s, best)",
    "full import / baseline",
    "re-import, same files / baseline",
    "re-import, same rows in new files / baseline",
    "re-import, one row changed / baseline",
    "xlsx import / csv import",
    "status median (ms)",
    "import peak memory (MB)",
)


def test_the_import_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--cases", "300", "--events", "1000", "--repeat", "1",
         "--status-runs", "3", "--report-only", "--dir", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for figure in FIGURES:
        assert figure in result.stdout
