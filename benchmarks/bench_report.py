"""The team lead's report against a bare baseline measured in the same run (issues 7, 18).

The baseline is the least any report can do: openpyxl's write-only mode appending the very
cell values of the finished report (read back from it), sheet by sheet, with no styles, no
rules, no chart and no database. Four things are timed, in alternating rounds so that a
busy machine slows each alike, and compared by their medians:

* the report end to end — reading and evaluating the cases through the service, the
  figures, the sheets, styles, rules and chart, the save — against the bare dump: the
  issue's bound, 1.2x;
* the report's reading stage alone (``gather``: the cases evaluated, the inquiries and
  settings read), printed: what the engine's evaluation costs;
* the report's writing stage alone (from data already read), printed: what the sheets
  cost beside the cells themselves (the report writes its common cells as XML text,
  ``workbench.reports.rows``, so this is well under the bare dump);
* ``workbench status`` for the same cases, printed.

Times are CPU seconds of this process (``time.process_time``): the machines that run this
are shared, and CPU time is what the report's own work costs. Wall-clock times are printed
beside them.

Run: ``.venv/bin/python benchmarks/bench_report.py`` (``--open-cases``, ``--rounds``;
``--report-only`` prints without judging, for a smoke run on tiny data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from workbench import demo
from workbench.bulk import collector_paused
from workbench.reports import write_status_report
from workbench.reports.status import ReportData, gather, write_workbook
from workbench.session import Workbench
from workbench.vocabulary import Channel

TODAY = dt.date(2026, 11, 22)
BOUND = 1.2
INQUIRIES = 400


@dataclass
class Timings:
    """CPU and wall-clock seconds of one kind of run, round by round."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def measure(self, action: Callable[[], object]) -> None:
        """Run ``action`` once and record how long it took."""
        cpu, wall = time.process_time(), time.perf_counter()
        action()
        self.cpu.append(time.process_time() - cpu)
        self.wall.append(time.perf_counter() - wall)

    @property
    def median_cpu(self) -> float:
        """The median CPU time."""
        return statistics.median(self.cpu)

    @property
    def median_wall(self) -> float:
        """The median wall-clock time."""
        return statistics.median(self.wall)


def build_database(path: Path, open_cases: int, seed: int) -> tuple[int, int]:
    """A store with at least ``open_cases`` open demo cases and some inquiries; their counts."""
    generated = math.ceil(open_cases / (1 - demo.CLOSED_SHARE) * 1.02)
    export = demo.generate(generated, seed, TODAY)
    files = demo.write_export(export, path.parent / "export")
    with Workbench.open(path) as workbench:
        workbench.imports.import_files(files, today=TODAY)
        rows = workbench.cases.caseload(TODAY)
        for number, row in enumerate(rows[:INQUIRIES]):
            channel = Channel.PHONE if number % 2 else Channel.MAIL
            received = TODAY - dt.timedelta(days=number % 20)
            inquiry = workbench.inquiries.add(row.case_id, channel, received, by=row.caseworker)
            if number % 3 == 0:
                workbench.inquiries.answer(inquiry, TODAY, by=row.caseworker)
        return len(rows), min(len(rows), INQUIRIES)


def report_cells(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every sheet's cell values, as the finished report holds them."""
    workbook = load_workbook(path, read_only=True)
    try:
        return [(sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)])
                for sheet in workbook.worksheets]
    finally:
        workbook.close()


def bare_dump(cells: list[tuple[str, list[tuple[Any, ...]]]], path: Path) -> None:
    """The baseline: the same values appended in write-only mode, nothing else."""
    workbook = Workbook(write_only=True)
    for title, rows in cells:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def measure(database: Path, work: Path, rounds: int) -> dict[str, Timings]:
    """Time status, the report (whole, reading and writing stage) and the dump, round by round."""
    report, dump = work / "report.xlsx", work / "dump.xlsx"
    timings = {name: Timings() for name in ("status", "report", "reading", "writing", "dump")}
    with Workbench.open(database) as workbench:
        write_status_report(workbench, report, TODAY)  # warm-up: imports, profile cache
        cells = report_cells(report)
        print(f"cells: {sum(len(row) for _, rows in cells for row in rows):,} in "
              f"{len(cells)} sheets")
        read: list[ReportData] = []
        for _ in range(rounds):
            timings["status"].measure(lambda: workbench.cases.caseload(TODAY))
            timings["report"].measure(lambda: write_status_report(workbench, report, TODAY))
            with collector_paused():  # as write_status_report holds it over both stages
                timings["reading"].measure(lambda: read.append(gather(workbench, TODAY)))
                timings["writing"].measure(functools.partial(write_workbook, read.pop(),
                                                             report))
            timings["dump"].measure(lambda: bare_dump(cells, dump))
    return timings


def judge(timings: dict[str, Timings], rounds: int) -> list[str]:
    """Print the figures; the bounds that were not met."""
    status, report, reading, writing, dump = (timings[name] for name in (
        "status", "report", "reading", "writing", "dump"))
    print(f"medians of {rounds} rounds, CPU seconds (wall-clock in brackets):")
    for label, timing in (("bare write-only dump", dump), ("workbench status", status),
                          ("report, end to end", report), ("report, reading stage", reading),
                          ("report, writing stage", writing)):
        print(f"  {label:24} {timing.median_cpu:7.2f} s  ({timing.median_wall:6.2f} s)")
    end_to_end = report.median_cpu / dump.median_cpu
    print(f"  {'report end to end / bare dump':40} {end_to_end:5.2f}x  (bound {BOUND}x)")
    print(f"  {'report reading stage / bare dump':40} "
          f"{reading.median_cpu / dump.median_cpu:5.2f}x")
    print(f"  {'report writing stage / bare dump':40} "
          f"{writing.median_cpu / dump.median_cpu:5.2f}x")
    print(f"  {'workbench status / bare dump':40} {status.median_cpu / dump.median_cpu:5.2f}x")
    return ["report end to end / bare dump"] if end_to_end > BOUND else []


def main() -> int:
    """Build the database, time the rounds, print the figures and judge them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open-cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report-only", action="store_true",
                        help="print the figures without judging them (a smoke run)")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        work = Path(folder)
        database = work / "store" / "bench.db"
        database.parent.mkdir()
        started = time.perf_counter()
        open_cases, inquiries = build_database(database, arguments.open_cases, arguments.seed)
        print(f"database: {open_cases} open cases, {inquiries} inquiries "
              f"(built in {time.perf_counter() - started:.1f} s)")
        if open_cases < arguments.open_cases:
            print(f"FAIL: only {open_cases} open cases", file=sys.stderr)
            return 1
        timings = measure(database, work, arguments.rounds)

    failed = judge(timings, arguments.rounds)
    if failed and not arguments.report_only:
        print(f"FAIL: over the bound: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
