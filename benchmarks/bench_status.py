"""``workbench status`` on stored deadlines against a bare baseline in the same run (issue 18).

The deadlines are stored (workbench.deadlines), so a status is a comparison with today:

* ``workbench status`` of every open case (CSV, in-process, opening included) at N cases,
  against the least any status can do: sqlite3 reading the same rows (case, caseworker,
  scheme, next due, milestone, plan-by and the comparison with today) and csv.writer
  writing them: at most 1.5x;
* ``workbench status --caseworker X`` of one caseworker's ~150 cases at a small and a large
  caseload: the large at most 3x the small;
* what the stored deadlines cost where they are made: evaluating and storing every case
  (``recompute_all``), and ``verify`` (for the note, no bound);
* both of the first as a new process each, Python's start and every import included, as a
  person at a prompt meets them (for the note, no bound: the bare baseline imports sqlite3
  and csv, the command SQLAlchemy, Alembic and the rules).

Run: ``.venv/bin/python benchmarks/bench_status.py`` (defaults: 10,000 and 100,000 cases).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from scratchdb import scratch_database

from workbench import demo
from workbench.cli import main as cli_main
from workbench.session import Workbench

TODAY = dt.date(2026, 11, 22)
AMBER_DAYS = 21
BOUNDS = {
    "status all open / bare read + csv": 1.5,
    "status --caseworker, large / small": 3.0,
}
COLUMNS = ("case_id", "caseworker", "scheme", "status", "next_due", "milestone", "plan_by")
BARE_QUERY = """
SELECT c.case_id, c.caseworker, c.scheme,
       CASE WHEN d.next_due IS NULL THEN 'green'
            WHEN d.next_due < :today THEN 'red'
            WHEN d.next_due <= :until THEN 'amber' ELSE 'green' END,
       coalesce(d.next_due, ''), coalesce(d.rule_id, ''), coalesce(d.plan_by, '')
FROM cases c JOIN case_deadlines d ON d.case_id = c.case_id
WHERE c.closed_on IS NULL OR c.closed_on > :today
ORDER BY coalesce(d.next_due, '9999-12-31'), c.case_id
"""
#: The same on PostgreSQL (psycopg's parameters; dates turned into text explicitly; the
#: Sags-IDs in code point order, as the status prints them and SQLite's BINARY sorts: in
#: the database's own collation, even C.UTF-8, the sort takes 1.6 times as long).
#: Both sort as the status query does: on ``next_due IS NULL, next_due`` PostgreSQL's sort
#: took 1.7 times as long (the order is the same).
BARE_QUERY_PG = (BARE_QUERY.replace(":today", "%(today)s").replace(":until", "%(until)s")
                 .replace("coalesce(d.next_due, '')", "coalesce(d.next_due::text, '')")
                 .replace("coalesce(d.plan_by, '')", "coalesce(d.plan_by::text, '')")
                 .replace("'9999-12-31'), c.case_id\n", "'9999-12-31'), c.case_id COLLATE \"C\"\n"))


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def build(folder: Path, cases: int) -> tuple[Path, str, float, float]:
    """A database of ``cases`` demo cases: it, a caseworker with ~150 open, two times.

    The import's time and the first read's, which evaluates the cases that a whole-centre
    import leaves to it.
    """
    export = demo.generate(cases, 7, TODAY)
    files = demo.write_export(export, folder / f"export-{cases}")
    database = folder / f"status-{cases}.db"
    with Workbench.open(database) as workbench:
        seconds = timed(lambda: workbench.imports.import_files(files, today=TODAY))
        first = timed(lambda: workbench.cases.caseload(TODAY))
    loads = Counter(case.caseworker for case in export.cases if case.closed_on is None)
    caseworker = min(loads, key=lambda person: (abs(loads[person] - 150), person))
    return database, caseworker, seconds, first


def status_command(database: Path | str, *options: str) -> Callable[[], object]:
    """``workbench status`` (CSV) in-process, opening the database included; warmed once."""
    argv = ["--db", str(database), "status", "--today", TODAY.isoformat(), "--format", "csv",
            *options]

    def once() -> object:
        with contextlib.redirect_stdout(io.StringIO()):
            return cli_main(argv)

    once()  # warm: imports, the profile, rows evaluated for another day
    return once


def bare_read(database: Path) -> Callable[[], int]:
    """The bare read + CSV write of the same rows with sqlite3 and csv; returns the count."""
    until = (TODAY + dt.timedelta(days=AMBER_DAYS)).isoformat()

    def once() -> int:
        connection = sqlite3.connect(database)
        try:
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(connection.execute(
                BARE_QUERY, {"today": TODAY.isoformat(), "until": until}))
            return out.getvalue().count("\n") - 1
        finally:
            connection.close()

    return once


def status_process(database: Path) -> Callable[[], object]:
    """``workbench status`` (CSV) as a new process, its output thrown away."""
    return _process(["-m", "workbench", "--db", str(database), "status", "--today",
                     TODAY.isoformat(), "--format", "csv"])


def bare_process(database: Path) -> Callable[[], object]:
    """``bare_read`` as a new process that prints the rows, its output thrown away."""
    until = (TODAY + dt.timedelta(days=AMBER_DAYS)).isoformat()
    code = "\n".join([
        "import csv, io, sqlite3, sys",
        f"connection = sqlite3.connect({str(database)!r})",
        "out = io.StringIO()",
        "writer = csv.writer(out, lineterminator='\\n')",
        f"writer.writerow({COLUMNS!r})",
        f"writer.writerows(connection.execute({BARE_QUERY!r}, "
        f"{{'today': {TODAY.isoformat()!r}, 'until': {until!r}}}))",
        "connection.close()",
        "sys.stdout.write(out.getvalue())",
    ])
    return _process(["-c", code])


def _process(arguments: list[str]) -> Callable[[], object]:
    """Run this Python with ``arguments``, this checkout's workbench first on its path."""
    root = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "PYTHONPATH": path}

    def once() -> object:
        return subprocess.run([sys.executable, *arguments], stdout=subprocess.DEVNULL,
                              env=environment, check=True)

    return once


def bare_read_postgres(url: str) -> Callable[[], int]:
    """``bare_read`` on PostgreSQL with psycopg."""
    import psycopg
    from sqlalchemy import make_url

    parts = make_url(url)
    dsn = (f"host={parts.host} port={parts.port or 5432} dbname={parts.database} "
           f"user={parts.username}" + (f" password={parts.password}" if parts.password else ""))
    until = TODAY + dt.timedelta(days=AMBER_DAYS)

    def once() -> int:
        with psycopg.connect(dsn) as connection:
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(COLUMNS)
            # All at once: psycopg hands out rows one by one in Python, 3 µs each.
            writer.writerows(connection.execute(BARE_QUERY_PG, {"today": TODAY, "until": until}
                                                ).fetchall())
            return out.getvalue().count("\n") - 1

    return once


def postgres_figures(server: str, folder: Path, cases: int, runs: int) -> dict[str, float]:
    """Import and ``status`` of ``cases`` cases in a fresh database on a PostgreSQL server."""
    name = f"bench_status_{int(time.time())}"
    figures: dict[str, float] = {}
    with scratch_database(server, name) as url:
        files = demo.write_export(demo.generate(cases, 7, TODAY), folder / f"export-pg-{cases}")
        with Workbench.open(url) as workbench:
            figures[f"PostgreSQL: import {cases} cases (s)"] = timed(
                lambda: workbench.imports.import_files(files, today=TODAY))
            figures["PostgreSQL: first read after it (s)"] = timed(
                lambda: workbench.cases.caseload(TODAY))
        status_all, bare, ratio = interleaved_ms(status_command(url), bare_read_postgres(url),
                                                 runs)
        figures["PostgreSQL: status all open, median (ms)"] = status_all
        figures["PostgreSQL: bare read + csv, median (ms)"] = bare
        figures["PostgreSQL: status all open / bare read + csv"] = ratio
    return figures


def interleaved_ms(first: Callable[[], object], second: Callable[[], object], runs: int,
                   ) -> tuple[float, float, float]:
    """Medians of both (ms) and the median ratio, the two run by turns.

    The machine is shared: by turns, a busy moment slows both of a pair alike.
    """
    pairs = [(timed(first), timed(second)) for _ in range(runs)]
    return (statistics.median(a for a, _ in pairs) * 1000,
            statistics.median(b for _, b in pairs) * 1000,
            statistics.median(a / b for a, b in pairs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--postgres", metavar="URL",
                        help="also on this PostgreSQL server (a URL of its postgres database)")
    parser.add_argument("--report-only", action="store_true",
                        help="exit 0 even if a bound is missed (a smoke run's tiny sizes)")
    arguments = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = arguments.dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        small, small_worker, _, _ = build(folder, arguments.small)
        large, large_worker, import_s, first_s = build(folder, arguments.large)
        figures[f"import {arguments.large} cases (s)"] = import_s
        figures["first read after it, evaluating them (s)"] = first_s
        with Workbench.open(large) as workbench:
            figures["recompute_all, large (s)"] = timed(workbench.deadlines.recompute_all)
            differences: list[object] = []
            figures["verify, large (s)"] = timed(
                lambda: differences.extend(workbench.deadlines.verify(TODAY)))
        figures["verify differences"] = len(differences)
        rows = bare_read(large)()
        status_all, bare, ratio = interleaved_ms(status_command(large), bare_read(large),
                                                 arguments.runs)
        figures[f"status all open ({rows} rows), median (ms)"] = status_all
        figures["bare read + csv, median (ms)"] = bare
        figures["status all open / bare read + csv"] = ratio
        status_all, bare, ratio = interleaved_ms(status_process(large), bare_process(large),
                                                 arguments.runs)
        figures["new process: status all open, median (ms)"] = status_all
        figures["new process: bare read + csv, median (ms)"] = bare
        figures["new process: status all open / bare read + csv"] = ratio
        at_large, at_small, ratio = interleaved_ms(
            status_command(large, "--caseworker", large_worker),
            status_command(small, "--caseworker", small_worker), arguments.runs * 4)
        figures[f"status --caseworker at {arguments.small}, median (ms)"] = at_small
        figures[f"status --caseworker at {arguments.large}, median (ms)"] = at_large
        figures["status --caseworker, large / small"] = ratio
        if arguments.postgres:
            figures.update(postgres_figures(arguments.postgres, folder, arguments.large,
                                            arguments.runs))
    kept = True
    for name, value in figures.items():
        bound = BOUNDS.get(name)
        verdict = "" if bound is None else f"  (bound {bound:g}) " + (
            "ok" if value <= bound else "MISSED")
        kept = kept and (bound is None or value <= bound)
        print(f"{name:52} {value:10.3f}{verdict}")
    if differences:
        return 1
    return 0 if kept or arguments.report_only else 1


if __name__ == "__main__":
    sys.exit(main())
