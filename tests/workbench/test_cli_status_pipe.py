"""``workbench status | head -1``: the command learns that its reader has gone.

The rows are written in pieces (``cli._write_text``): one write of them all, where stdout
is unbuffered (``PYTHONUNBUFFERED``), stops short at the closed pipe without a word, and
the command ended with 0 as if everything had been read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import demo
from workbench.cli import _WRITE_CHUNK, EXIT_BROKEN_PIPE, EXIT_OK, main
from workbench.session import Workbench

TODAY = dt.date(2026, 3, 10)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pipe")
    files = demo.write_export(demo.generate(8000, 1, TODAY), folder / "export")
    path = folder / "workbench.db"
    with Workbench.open(path) as workbench:
        workbench.imports.import_files(files, today=TODAY)
    return path


@pytest.mark.parametrize("style", ["table", "csv"])
def test_a_reader_that_stops_reading_is_noticed_with_unbuffered_output(
        database: Path, style: str) -> None:
    argv = ["--db", str(database), "status", "--today", TODAY.isoformat(), "--format", style]
    with contextlib.redirect_stdout(io.StringIO()) as everything:
        assert main(argv) == EXIT_OK
    # Many pieces more than a pipe holds (64 KiB): the closed pipe shows at a later one.
    assert len(everything.getvalue()) > 6 * _WRITE_CHUNK
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", *argv],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1",
             "WORKBENCH_LANGUAGE": "da"})
    assert process.stdout is not None and process.stderr is not None
    first = everything.getvalue().splitlines(keepends=True)[0]
    assert process.stdout.readline() == first.encode("utf-8")
    process.stdout.close()
    error = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == EXIT_BROKEN_PIPE
    assert error == b""
