"""A smoke run of the import benchmark's PostgreSQL figures against the test server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workbench.conftest import PG_URL_ENV

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_import.py"
FIGURES = (
    "PostgreSQL: full import (s, best)",
    "PostgreSQL: bare csv + COPY (s, best)",
    "PostgreSQL: full import / bare csv + COPY",
    "PostgreSQL: full import / baseline (SQLite)",
)


@pytest.mark.postgres
def test_the_import_benchmark_reports_the_postgresql_import(tmp_path: Path) -> None:
    server = os.environ.get(PG_URL_ENV)
    if not server:
        pytest.fail(f"{PG_URL_ENV} is not set: no PostgreSQL server to import into",
                    pytrace=False)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--cases", "300", "--events", "1000", "--repeat", "1",
         "--status-runs", "3", "--skip-xlsx", "--report-only", "--dir", str(tmp_path),
         "--postgres", server],
        capture_output=True, text=True, check=False, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    for figure in FIGURES:
        found = re.search(rf"^{re.escape(figure)} +([0-9.]+)$", result.stdout, re.MULTILINE)
        assert found is not None, figure
        assert float(found.group(1)) > 0
