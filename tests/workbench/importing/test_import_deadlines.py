"""An import's stored deadlines: an import into an empty store marks all its cases at once.

Its cases are all new, so they get no deadline row (more than ``EVALUATED_AT_ONCE``
cases: not evaluated until the first read, which evaluates an open case without a row) or
are evaluated in the import's transaction (fewer); any row left from cases that are gone is
dropped. A later import marks only the cases it changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from tests.helpers.exports import Case, write_cases, write_events
from workbench import deadlines
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.store.models import case_deadlines, open_milestones

DAY = dt.date(2026, 3, 10)
CASES = [Case("S1"), Case("S2", caseworker="XY"), Case("S3", closed="2026-02-01"),
         Case("S4", scheme="kontanthjælp", start="2026-02-02")]
EVENTS = [("S1", "2026-01-20", "samtale"), ("S2", "2026-02-03", "samtale"),
          ("S1", "2026-01-20", "samtale")]


@pytest.fixture(autouse=True)
def no_site_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT chose no profile here: a new database takes today's law."""
    config = tmp_path / "empty-site-config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))


def _files(folder: Path, rows: list[Case]) -> list[Path]:
    folder.mkdir()
    return [write_cases(folder / "sager.csv", rows),
            write_events(folder / "haendelser.csv", EVENTS)]


def _as_of(workbench: Workbench) -> dict[str, dt.date | None]:
    with workbench.database.transaction() as connection:
        return dict(connection.execute(select(case_deadlines.c.case_id,
                                              case_deadlines.c.as_of)).all())


def _leave_a_row_of_a_case_that_is_gone(workbench: Workbench) -> None:
    """What a tool that replaced the cases wholesale may leave: rows of no case."""
    with workbench.database.transaction(write=True) as connection:
        connection.execute(insert(case_deadlines).values(
            case_id="GONE", caseworker="AB", team=None, next_due=DAY, as_of=DAY))
        connection.execute(insert(open_milestones).values(
            case_id="GONE", position=0, rule_id="SDP-1", occurrence=1, due=DAY))


@pytest.mark.parametrize("at_once", [0, 3])
def test_an_import_into_an_empty_store_writes_no_deadline_row(
        workbench: Workbench, tmp_path: Path, at_once: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """More cases than ``EVALUATED_AT_ONCE``: no row at all, every case not evaluated yet."""
    monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", at_once)
    _leave_a_row_of_a_case_that_is_gone(workbench)
    summary = workbench.imports.import_files(_files(tmp_path / "a", CASES), today=DAY)
    assert (summary.new, summary.events_added, len(summary.rejected)) == (4, 2, 0)
    assert _as_of(workbench) == {}
    with workbench.database.transaction() as connection:
        assert connection.execute(select(open_milestones.c.case_id)).all() == []
    assert workbench.deadlines.verify(DAY) == []
    with workbench.database.transaction() as connection:
        owners = dict(connection.execute(select(case_deadlines.c.case_id,
                                                case_deadlines.c.caseworker)).all())
    assert owners == {"S1": "ABC", "S2": "XY", "S4": "ABC"}  # S3 is closed
    rows = workbench.cases.caseload(DAY)
    assert {row.case_id for row in rows} == {"S1", "S2", "S4"}
    assert sum(workbench.deadlines.counts(DAY)) == 3


def test_an_import_into_an_empty_store_of_few_cases_evaluates_them_at_once(
        workbench: Workbench, tmp_path: Path) -> None:
    """At most ``EVALUATED_AT_ONCE`` cases: evaluated in the import's own transaction."""
    workbench.deadlines.today = DAY
    _leave_a_row_of_a_case_that_is_gone(workbench)
    workbench.imports.import_files(_files(tmp_path / "a", CASES), today=DAY)
    # S3 is closed: evaluated, it has no row.
    assert _as_of(workbench) == {"S1": DAY, "S2": DAY, "S4": DAY}
    with workbench.database.transaction() as connection:
        assert "GONE" not in set(connection.execute(select(open_milestones.c.case_id)
                                                    ).scalars())
    assert workbench.deadlines.verify(DAY) == []


def test_a_later_import_marks_only_the_cases_it_changed(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", 0)
    workbench.imports.import_files(_files(tmp_path / "a", CASES), today=DAY)
    assert workbench.deadlines.verify(DAY) == []
    changed = [CASES[0], CASES[1].but(caseworker="ZZ"), *CASES[2:]]
    summary = workbench.imports.import_files(_files(tmp_path / "b", changed), today=DAY)
    assert summary.updated == 1
    as_of = _as_of(workbench)
    assert as_of["S2"] is None
    assert as_of["S1"] == as_of["S4"] == DAY
    assert workbench.deadlines.verify(DAY) == []



def _first_read_counts(workbench: Workbench) -> object:
    return tuple(workbench.deadlines.counts(DAY))


def _first_read_status(workbench: Workbench) -> object:
    return [tuple(row) for row in workbench.deadlines.status_table(DAY)]


def _first_read_list(workbench: Workbench) -> object:
    return [(row.case_id, row.status, row.next_due) for row in workbench.cases.caseload(DAY)]


@pytest.mark.parametrize("first_read", [_first_read_counts, _first_read_status,
                                        _first_read_list])
def test_the_first_read_after_an_import_without_rows_evaluates_every_open_case(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        first_read: Callable[[Workbench], object]) -> None:
    monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", 0)
    workbench.imports.import_files(_files(tmp_path / "a", CASES), today=DAY)
    assert _as_of(workbench) == {}

    first = first_read(workbench)

    assert set(_as_of(workbench)) == {"S1", "S2", "S4"}  # S3 is closed
    assert workbench.deadlines.verify(DAY) == []
    workbench.deadlines.recompute_all(DAY)  # every case evaluated afresh
    assert first_read(workbench) == first
    assert len(workbench.cases.caseload(DAY)) == sum(workbench.deadlines.counts(DAY)) == 3


def test_a_calendar_change_before_the_first_read_leaves_the_many_cases_to_it(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More cases than ``EVALUATED_AT_ONCE`` (with no row yet): not evaluated in the change."""
    monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", 3)
    workbench.imports.import_files(_files(tmp_path / "a", CASES), today=DAY)
    settings = workbench.settings.load()

    workbench.settings.save(dataclasses.replace(
        settings, closure_days=(*settings.closure_days, dt.date(2026, 3, 12))))

    assert _as_of(workbench) == {}
    assert workbench.deadlines.verify(DAY) == []
