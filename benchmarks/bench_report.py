"""The team lead's report against a bare baseline measured in the same run (issue 7).

The baseline is the least any report can do: openpyxl's write-only mode appending the very
cell values of the finished report (read back from it), sheet by sheet, with no styles, no
rules, no chart and no database. The report is timed end to end — reading and evaluating
the cases through the service, computing the figures and writing the workbook — and, apart,
its writing stage alone. Rounds alternate report and baseline so that a busy machine slows
both; the medians are compared.

Bound: the report at most 1.5x the baseline, for 20,000 open cases.

Run: ``.venv/bin/python benchmarks/bench_report.py`` (``--open-cases``, ``--rounds``;
``--report-only`` prints without judging, for a smoke run on tiny data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from workbench import demo
from workbench.reports import write_status_report
from workbench.reports.status import gather, write_workbook
from workbench.service import Workbench
from workbench.vocabulary import Channel

TODAY = dt.date(2026, 11, 22)
BOUND = 1.5
INQUIRIES = 400


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build_database(path: Path, open_cases: int, seed: int) -> int:
    """A store with at least ``open_cases`` open demo cases and some inquiries; their count."""
    generated = math.ceil(open_cases / (1 - demo.CLOSED_SHARE) * 1.02)
    export = demo.generate(generated, seed, TODAY)
    files = demo.write_export(export, path.parent / "export")
    with Workbench.open(path) as workbench:
        workbench.import_files(files, today=TODAY)
        rows = workbench.caseload(TODAY)
        for number, row in enumerate(rows[:INQUIRIES]):
            channel = Channel.PHONE if number % 2 else Channel.MAIL
            received = TODAY - dt.timedelta(days=number % 20)
            inquiry = workbench.add_inquiry(row.case_id, channel, received, by=row.caseworker)
            if number % 3 == 0:
                workbench.answer_inquiry(inquiry, TODAY, by=row.caseworker)
        return len(rows)


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


def main() -> int:
    """Build the database, time report and baseline in alternating rounds, print, judge."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open-cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report-only", action="store_true",
                        help="print the figures without judging them (a smoke run)")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        work = Path(folder)
        database = work / "store" / "bench.db"
        database.parent.mkdir()
        started = time.perf_counter()
        open_cases = build_database(database, arguments.open_cases, arguments.seed)
        print(f"database: {open_cases} open cases, {INQUIRIES} inquiries "
              f"(built in {time.perf_counter() - started:.1f} s)")
        if open_cases < arguments.open_cases:
            print(f"FAIL: only {open_cases} open cases", file=sys.stderr)
            return 1

        report, dump = work / "report.xlsx", work / "dump.xlsx"
        with Workbench.open(database) as workbench:
            write_status_report(workbench, report, TODAY)  # warm-up: imports, profile cache
            cells = report_cells(report)
            print(f"cells: {sum(len(row) for _, rows in cells for row in rows):,} in "
                  f"{len(cells)} sheets")
            report_times, write_times, dump_times = [], [], []
            for _ in range(arguments.rounds):
                report_times.append(timed(lambda: write_status_report(workbench, report,
                                                                      TODAY)))
                data = gather(workbench, TODAY)
                write_times.append(timed(lambda data=data: write_workbook(data, report)))
                dump_times.append(timed(lambda: bare_dump(cells, dump)))

    report_s, write_s, dump_s = (statistics.median(times) for times in
                                 (report_times, write_times, dump_times))
    ratio = report_s / dump_s
    print(f"bare write-only dump:      {dump_s:7.2f} s (median of {arguments.rounds})")
    print(f"report, end to end:        {report_s:7.2f} s  = {ratio:.2f}x the dump "
          f"(bound {BOUND}x)")
    print(f"report, writing stage:     {write_s:7.2f} s  = {write_s / dump_s:.2f}x the dump")
    print(f"report, reading+evaluating:{report_s - write_s:7.2f} s")
    if ratio > BOUND and not arguments.report_only:
        print(f"FAIL: the report took {ratio:.2f}x the bare dump (bound {BOUND}x)",
              file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
