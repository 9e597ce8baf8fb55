"""An events table an earlier import applied as it is now is not read again.

Each of its rows was added or found then and is stored still, so the import changes
nothing by reading it; it must read it when that import rejected some of its rows (a case
may be known now) or had a later export date (a date then allowed may be too far ahead now).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.helpers.exports import Case, write_cases, write_events
from workbench.importing import importer
from workbench.session import Workbench
from workbench.store.models import events, import_files

DAY = dt.date(2026, 3, 10)
EVENTS = [("S1", "2026-01-20", "samtale"), ("S2", "2026-02-03", "samtale"),
          ("S1", "2026-02-20", "screening")]


def _files(folder: Path, cases: Sequence[Case], rows: Sequence[tuple[str, str, str]],
           ) -> list[Path]:
    folder.mkdir()
    return [write_cases(folder / "sager.csv", cases),
            write_events(folder / "haendelser.csv", rows)]


def _stored_events(workbench: Workbench) -> list[tuple[object, ...]]:
    with workbench.database.transaction() as connection:
        return sorted(tuple(row) for row in connection.execute(
            select(events.c.case_id, events.c.date, events.c.kind, events.c.import_id)))


def _unread(*_arguments: object) -> set[str]:
    raise AssertionError("the events table was read again")


def test_an_events_table_applied_before_is_not_read_again(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = workbench.imports.import_files(
        _files(tmp_path / "a", [Case("S1"), Case("S2")], EVENTS), today=DAY)
    assert first.events_added == 3
    before = _stored_events(workbench)
    monkeypatch.setattr(importer._ImportRun, "_stored_event_keys", _unread)
    # The cases file changed, so the import as a whole is not the same as before.
    summary = workbench.imports.import_files(
        _files(tmp_path / "b", [Case("S1", name="Anne Hansen"), Case("S2")], EVENTS),
        today=DAY + dt.timedelta(days=1))
    assert (summary.updated, summary.events_added, summary.events_confirmed) == (1, 0, 0)
    assert _stored_events(workbench) == before
    with workbench.database.transaction() as connection:
        rows = connection.execute(select(import_files.c.content, import_files.c.rows)
                                  .order_by(import_files.c.id)).all()
    assert [tuple(row) for row in rows] == [("cases", 2), ("events", 3)] * 2


def test_an_events_table_with_a_rejected_row_is_read_again(
        workbench: Workbench, tmp_path: Path) -> None:
    """Its event of a case the first export lacked is added once the case comes."""
    rows = [*EVENTS, ("S3", "2026-02-05", "samtale")]
    first = workbench.imports.import_files(
        _files(tmp_path / "a", [Case("S1"), Case("S2")], rows), today=DAY)
    assert (first.events_added, len(first.rejected)) == (3, 1)
    summary = workbench.imports.import_files(
        _files(tmp_path / "b", [Case("S1"), Case("S2"), Case("S3")], rows), today=DAY)
    assert (summary.new, summary.events_added, summary.rejected) == (1, 1, ())
    assert ("S3", dt.date(2026, 2, 5)) in {row[:2] for row in _stored_events(workbench)}


def test_an_events_table_of_a_later_export_date_is_read_again(
        workbench: Workbench, tmp_path: Path) -> None:
    """A date two years ahead of the later export is too far ahead of an earlier one."""
    rows = [*EVENTS, ("S2", "2027-12-01", "samtale")]
    first = workbench.imports.import_files(
        _files(tmp_path / "a", [Case("S1"), Case("S2")], rows), today=DAY)
    assert (first.events_added, first.rejected) == (4, ())
    summary = workbench.imports.import_files(
        _files(tmp_path / "b", [Case("S1", name="Anne Hansen"), Case("S2")], rows),
        today=dt.date(2025, 6, 1))
    assert summary.events_added == 0
    assert [(row.line, row.field) for row in summary.rejected] == [(5, "Dato")]
