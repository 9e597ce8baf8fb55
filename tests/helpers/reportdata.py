"""A store for the report tests: a demo export plus hand-made cases, and sheet readers.

The hand-made cases are the ones a demo would only hit by chance: citizens whose names
begin with = + - @ (formula injection), a caseworker whose initials do too, sickness benefit
cases entering week 39 tomorrow and week 47 in a week, one whose week-52 assessment falls due
in ten days, and closures this month.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from tests.workbench.conftest import _backends, _fresh_postgres_database
from workbench import demo
from workbench.calendar import add_months
from workbench.session import Workbench
from workbench.store.models import cases
from workbench.vocabulary import Channel, EventKind, Scheme

TODAY = dt.date(2026, 5, 20)
DEMO_CASES = 160
DEMO_SEED = 11
TEAM = "Team Test"
#: Initials that would run as a formula if written carelessly.
FORMULA_WORKER = "=9+9"
FORMULA_NAMES = ("=1+1", "+4512345678", "-2+3", "@SUM(1,2)")
#: Hand-made sickness benefit cases and what the screening list should say of them.
WEEK_39 = "T-39"
WEEK_47 = "T-47"
WEEK_52 = "T-52"
CLOSED_THIS_MONTH = ("T-C1", "T-C2")
DUE_TODAY = "T-D0"


def _case(case_id: str, name: str, start: dt.date, *, scheme: Scheme = Scheme.SYGEDAGPENGE,
          closed_on: dt.date | None = None, caseworker: str = FORMULA_WORKER) -> demo.DemoCase:
    """A hand-made case in the test team, with a fictional CPR number."""
    rng = random.Random(case_id)
    cpr = demo.fictional_cpr(rng, dt.date(1980, 3, 14))
    return demo.DemoCase(case_id, cpr, name, scheme, caseworker, TEAM, start, closed_on)


def hand_made() -> tuple[list[demo.DemoCase], list[demo.DemoEvent]]:
    """The hand-made cases and their events."""
    talk = EventKind.SAMTALE
    made = [
        _case(f"T-F{n}", name, TODAY - dt.timedelta(days=30 + n), scheme=Scheme.KONTANTHJAELP)
        for n, name in enumerate(FORMULA_NAMES)
    ]
    made += [
        # Day 1 of week 39 is start + 38 weeks: tomorrow.
        _case(WEEK_39, "Uge Niogtredive", TODAY + dt.timedelta(days=1) - dt.timedelta(weeks=38)),
        # Day 1 of week 47 is start + 46 weeks: a week from today.
        _case(WEEK_47, "Uge Syvogfyrre", TODAY + dt.timedelta(days=7) - dt.timedelta(weeks=46)),
        # The end of week 52 is start + 363 days: ten days from today.
        _case(WEEK_52, "Uge Tooghalvtreds", TODAY + dt.timedelta(days=10 - 363)),
        # KH1 falls due 3 months after the start: today, and still open (not yet decided).
        _case(DUE_TODAY, "Frist Idag", add_months(TODAY, -3), scheme=Scheme.KONTANTHJAELP),
    ]
    made += [
        _case(case_id, "Afsluttet Borger", TODAY - dt.timedelta(days=90),
              closed_on=TODAY - dt.timedelta(days=n + 1), scheme=Scheme.KONTANTHJAELP)
        for n, case_id in enumerate(CLOSED_THIS_MONTH)
    ]
    happened = [
        demo.DemoEvent(WEEK_39, TODAY - dt.timedelta(days=200), talk),
        demo.DemoEvent(WEEK_39, TODAY - dt.timedelta(days=10), EventKind.SCREENING),
        demo.DemoEvent(WEEK_47, TODAY - dt.timedelta(days=30), talk),
        demo.DemoEvent(CLOSED_THIS_MONTH[0], TODAY - dt.timedelta(days=60), talk),
    ]
    return made, happened


def build_store(workbench: Workbench, folder: Path) -> None:
    """Import the demo export with the hand-made cases, then add the demo's local work."""
    export = demo.generate(DEMO_CASES, DEMO_SEED, TODAY)
    made, happened = hand_made()
    export = demo.DemoExport(export.cases + tuple(made), export.events + tuple(happened))
    files = demo.write_export(export, folder)
    summary = workbench.imports.import_files(files, today=TODAY)
    assert not summary.rejected, summary.rejected
    demo.add_local_work(workbench, TODAY, DEMO_SEED)
    inquiry = workbench.inquiries.add(WEEK_39, Channel.PHONE, TODAY - dt.timedelta(days=9),
                                      by="TST")
    workbench.inquiries.answer(inquiry, TODAY - dt.timedelta(days=1), by="TST")


@dataclass(frozen=True)
class Store:
    """An open workbench on the built store, and the URL or path it lives at."""

    workbench: Workbench
    url: str
    folder: Path


def store_fixture(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Build the store once per backend (SQLite, and PostgreSQL as the store tests do)."""
    folder = tmp_path_factory.mktemp("report")
    if request.param == "sqlite":
        urls: Iterator[str] = iter([str(folder / "workbench.db")])
    else:
        urls = _fresh_postgres_database()
    url = next(urls)
    with Workbench.open(url) as workbench:
        build_store(workbench, folder / "export")
        yield Store(workbench, url, folder)
    next(urls, None)  # let a PostgreSQL database be dropped


BACKENDS = _backends()


def table_rows(sheet: Worksheet) -> list[dict[str, Any]]:
    """A sheet's table as dicts by heading: the rows from 2 down to the first empty one."""
    header = [cell.value for cell in sheet[1]]
    rows = []
    for cells in sheet.iter_rows(min_row=2):
        if all(cell.value is None for cell in cells):
            break
        rows.append({heading: cell.value for heading, cell in zip(header, cells, strict=False)
                     if heading is not None})
    return rows


def table_cells(sheet: Worksheet, heading: str) -> list[Any]:
    """The cells (not values) of one column of a sheet's table."""
    header = [cell.value for cell in sheet[1]]
    column = header.index(heading)
    found = []
    for cells in sheet.iter_rows(min_row=2):
        if all(cell.value is None for cell in cells):
            break
        found.append(cells[column])
    return found


def notes_text(sheet: Worksheet) -> str:
    """Everything written in column A below the table, as one text."""
    texts = [str(cell.value) for (cell,) in sheet.iter_rows(min_col=1, max_col=1)
             if isinstance(cell.value, str)]
    return " ".join(texts)


def stored_cases(workbench: Workbench) -> list[Any]:
    """Every case row of the store, straight from the table."""
    with workbench.database.transaction() as connection:
        return list(connection.execute(select(cases)).all())
