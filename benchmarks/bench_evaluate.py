"""The rules engine's evaluation of a whole caseload against a bare baseline (issue 18).

A change touching more than ``EVALUATED_AT_ONCE`` cases (a whole-centre first import, a
profile switch) only marks them; the first read evaluates and stores them all. Timed, in
rounds that take turns so that a busy moment of the shared machine slows each alike:

* the first read after the import (``wb.cases.caseload``: every case evaluated and stored,
  then the list read), each round on a fresh copy of the freshly imported database;
* evaluating and storing the stale rows alone (``wb.deadlines.refresh_stale``), the part of
  the first read that is the engine's, also on a fresh copy;
* ``recompute_all`` and ``verify`` on the evaluated database;
* the bare baseline: the least any evaluation must do, sqlite3 reading the same cases and
  events rows and grouping the events per case in Python.

Each figure is printed with its ratio to the bare baseline's median (the median of the
per-round ratios). No bound: the figures are for the note.

Run: ``.venv/bin/python benchmarks/bench_evaluate.py`` (``--cases`` 100,000 by default,
``--rounds`` 3; ``--dir`` keeps the databases).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from workbench import deadlines, demo
from workbench.bulk import collector_paused
from workbench.session import Workbench

TODAY = dt.date(2026, 11, 22)


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def build(folder: Path, cases: int) -> Path:
    """A database into which ``cases`` demo cases were imported and not yet read.

    Any number of cases is left to the first read, as a whole-centre import leaves them.
    """
    files = demo.write_export(demo.generate(cases, 7, TODAY), folder / "export")
    database = folder / "imported.db"
    at_once, deadlines.EVALUATED_AT_ONCE = deadlines.EVALUATED_AT_ONCE, 0
    try:
        with Workbench.open(database) as workbench:
            workbench.imports.import_files(files, today=TODAY)
    finally:
        deadlines.EVALUATED_AT_ONCE = at_once
    return database


def fresh_copy(imported: Path, name: str) -> Path:
    """A copy of the imported database (and no record of how it was closed)."""
    copy = imported.with_name(name)
    shutil.copyfile(imported, copy)
    for leftover in imported.parent.glob(f".{name}*"):
        leftover.unlink()
    return copy


def bare(database: Path) -> int:
    """The baseline: sqlite3 reads every case and event, grouped per case; the cases."""
    connection = sqlite3.connect(database)
    try:
        by_case: dict[str, list[tuple[str, str]]] = defaultdict(list)
        found = connection.execute("SELECT case_id, cpr, name, scheme, caseworker, team, "
                                   "start, closed_on FROM cases").fetchall()
        for case_id, day, kind in connection.execute(
                "SELECT case_id, date, kind FROM events").fetchall():
            by_case[case_id].append((day, kind))
        return len([(row, by_case.get(row[0], [])) for row in found])
    finally:
        connection.close()


def first_read(imported: Path) -> float:
    """The first read after the import, on a fresh copy: seconds."""
    database = fresh_copy(imported, "first-read.db")
    with Workbench.open(database) as workbench:
        return timed(lambda: workbench.cases.caseload(TODAY))


def refresh_stale(imported: Path) -> float:
    """Evaluating and storing every row the import left, on a fresh copy: seconds."""
    database = fresh_copy(imported, "refresh-stale.db")
    with Workbench.open(database) as workbench, collector_paused():
        return timed(lambda: workbench.deadlines.refresh_stale(TODAY))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path)
    arguments = parser.parse_args()
    rounds: dict[str, list[float]] = defaultdict(list)
    differences = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = arguments.dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        imported = build(folder, arguments.cases)
        evaluated = fresh_copy(imported, "evaluated.db")
        with Workbench.open(evaluated) as workbench:
            workbench.cases.caseload(TODAY)
        for _ in range(arguments.rounds):
            rounds["bare read + group per case"].append(timed(lambda: bare(imported)))
            rounds["first read after the import"].append(first_read(imported))
            rounds["evaluate + store the stale rows"].append(refresh_stale(imported))
            with Workbench.open(evaluated) as workbench:
                rounds["recompute_all"].append(timed(workbench.deadlines.recompute_all))
                found: list[object] = []
                rounds["verify"].append(timed(
                    lambda: found.extend(workbench.deadlines.verify(TODAY))))  # noqa: B023
                differences += len(found)
    baseline = rounds["bare read + group per case"]
    print(f"{arguments.cases} cases, medians of {arguments.rounds} rounds")
    for name, seconds in rounds.items():
        ratio = statistics.median(a / b for a, b in zip(seconds, baseline, strict=True))
        print(f"{name:40} {statistics.median(seconds):8.3f} s  {ratio:6.2f}x bare")
    print(f"{'verify differences':40} {differences:8d}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
