"""Benchmark one registration until the lists and the panel show it (issue 18, bound 100 ms).

In one process: the window is started on a demo caseload of N cases and filled (setup, not
measured); then a conversation is registered on the selected case as an op, and the time is
taken from the op's submission until the lists hold the case's new row and the panel its new
event (``Operations.drawn``). The bare baseline in the same run: the same registration done
straight on a ``Workbench`` of the same database, so the ratio says what the window adds
(the reads of the changed row and the panel, and drawing them). Median of several
registrations on different cases.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window_change.py
[--cases N]`` (20,000 and 100,000 for the note).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TODAY = dt.date(2026, 11, 23)
BOUND_MS = 100.0
REGISTRATIONS = 7


def build_database(folder: Path, cases: int) -> Path:
    """A database holding a demo export of ``cases`` cases (setup: not measured)."""
    from workbench import demo
    from workbench.session import Workbench
    from workbench.settings import Settings

    database = folder / "bench.db"
    files = demo.write_export(demo.generate(cases, seed=11, today=TODAY), folder / "export")
    with Workbench.open(str(database)) as workbench:
        workbench.imports.import_files(files, today=TODAY)
        workbench.settings.save(Settings(my_initials="AB"))
    return database


def bare(database: Path, case_ids: list[str]) -> list[float]:
    """The registrations alone, straight on the database (the baseline)."""
    from workbench.session import Workbench
    from workbench.vocabulary import EventKind

    timings = []
    with Workbench.open(str(database)) as workbench:
        for case_id in case_ids:
            begin = time.perf_counter()
            workbench.registrations.register(case_id, EventKind.FAELLESSAMTALE, TODAY, by="BB",
                                        today=TODAY)
            timings.append((time.perf_counter() - begin) * 1000)
    return timings


def window_changes(database: Path) -> tuple[list[float], list[str], int]:
    """Start the window, then time registrations until the lists and panel show them."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import ops
    from ui.app import start_session
    from workbench.vocabulary import EventKind

    app = QApplication.instance() or QApplication(sys.argv[:1])
    state = QSettings(str(database.with_suffix(".ini")), QSettings.Format.IniFormat)
    session = start_session(argparse.Namespace(db=str(database), today=TODAY, demo=False),
                            state)
    window = session.window

    def wait(condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 900
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not get there")
            app.processEvents()

    wait(lambda: bool(window.shown.cases) and not window.backend.busy)
    window.lists.owner_filter.setCurrentIndex(0)  # everyone's cases
    stride = max(1, len(window.shown.cases) // REGISTRATIONS)
    case_ids = [row.case_id for row in window.shown.cases[::stride]][:REGISTRATIONS]
    timings = []
    for case_id in case_ids:
        window.lists.select_case(case_id)
        wait(lambda case_id=case_id: window.panel.case_id == case_id
             and not window.backend.busy)
        drawn: list[object] = []
        window.operations.drawn.connect(drawn.append)
        begin = time.perf_counter()
        ops.register_event(case_id, EventKind.SAMTALE, TODAY, "", by="AB", today=TODAY).run(
            window.operations)
        wait(lambda drawn=drawn: bool(drawn))
        timings.append((time.perf_counter() - begin) * 1000)
        window.operations.drawn.disconnect(drawn.append)
        detail = window.panel.detail
        assert detail is not None and detail.case_id == case_id
        assert any(event.date == TODAY and event.source == "local" for event in detail.events)
    rows = len(window.shown.cases)
    session.close()
    return timings, case_ids, rows


def main() -> int:
    """Build the database, measure, print the figures and check the bound."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    arguments = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bench-change-") as folder:
        database = build_database(Path(folder), arguments.cases)
        timings, case_ids, rows = window_changes(database)
        baseline = bare(database, case_ids)
    window_ms, bare_ms = statistics.median(timings), statistics.median(baseline)
    print(json.dumps({"cases": arguments.cases, "rows": rows,
                      "window_ms": [round(t, 1) for t in timings],
                      "bare_ms": [round(t, 1) for t in baseline]}))
    print(f"registration until lists and panel show it, {rows} open cases: "
          f"median {window_ms:.1f} ms (bound {BOUND_MS:.0f} ms); the bare registration "
          f"{bare_ms:.1f} ms; ratio {window_ms / bare_ms:.1f}x")
    return 0 if window_ms <= BOUND_MS else 1


if __name__ == "__main__":
    sys.exit(main())
