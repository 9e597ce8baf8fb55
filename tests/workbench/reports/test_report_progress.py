"""The report says how far it got, and a cancelled report leaves nothing behind.

The window runs the report with a progress bar and a Cancel button (``ui/reportactions``);
these are the core's promises it relies on: every step reported in order, and after a
cancel no file (neither the report nor a temporary one), an older report untouched and no
audit entry.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.reportdata import TODAY, Store, store_fixture, table_rows
from workbench.errors import InputError
from workbench.messages import render
from workbench.reports import write_status_report
from workbench.reports.status import STEPS, ReportCancelledError
from workbench.reports.tables import CHECKPOINT_ROWS, Column, ReportBook, write_table


@pytest.fixture(scope="module", params=["sqlite"])
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


def exports(store: Store) -> list[str]:
    """The files the audit log records as exported."""
    return [entry.file or "" for entry in store.workbench.audit.audit_log()
            if entry.action.value.endswith("export")]


def test_every_step_is_reported_in_order(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_status_report(store.workbench, tmp_path / "status.xlsx", TODAY,
                        progress=lambda done, total: seen.append((done, total)))
    assert seen == [(step, STEPS) for step in range(1, STEPS + 1)]


@pytest.mark.parametrize("after", [0, 1, 3, STEPS - 1])
def test_a_cancelled_report_writes_no_file_and_audits_nothing(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    target = tmp_path / "report" / "status.xlsx"
    target.parent.mkdir()
    # openpyxl streams each sheet to a temporary file: none may stay behind either.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    seen: list[int] = []
    audited = exports(store)

    with pytest.raises(ReportCancelledError):
        write_status_report(store.workbench, target, TODAY,
                            progress=lambda done, _total: seen.append(done),
                            cancelled=lambda: len(seen) >= after)

    assert len(seen) == after
    assert list(target.parent.iterdir()) == []  # neither the report nor a temporary one
    assert list(scratch.iterdir()) == []
    assert exports(store) == audited


def test_a_report_cancelled_before_it_started_reads_nothing(store: Store,
                                                           tmp_path: Path) -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    with pytest.raises(ReportCancelledError):
        write_status_report(store.workbench, tmp_path / "status.xlsx", TODAY,
                            cancelled=cancelled)
    assert len(asked) == 1  # asked once, before the cases were read
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_report_leaves_an_older_one_as_it_was(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "status.xlsx"
    write_status_report(store.workbench, target, TODAY)
    before = target.read_bytes()

    with pytest.raises(ReportCancelledError) as raised:
        write_status_report(store.workbench, target, TODAY, cancelled=lambda: True)

    assert target.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["status.xlsx"]
    assert raised.value.in_language("da") == render("report.cancelled", language="da")
    assert "no file was written" in raised.value.in_language("en")


def test_a_long_table_asks_whether_to_stop_every_few_thousand_rows(tmp_path: Path) -> None:
    asked: list[int] = []
    book = ReportBook.new("t", checkpoint=lambda: asked.append(1))
    rows = [[number] for number in range(2 * CHECKPOINT_ROWS + 1)]

    table = write_table(book, "Lang", [Column("Tal")], rows)
    book.workbook.save(tmp_path / "long.xlsx")

    assert len(asked) == 3
    assert table.last_row == len(rows) + 1


def test_a_checkpoint_that_raises_stops_the_table(tmp_path: Path) -> None:
    def stop() -> None:
        raise ReportCancelledError

    book = ReportBook.new("t", checkpoint=stop)
    with pytest.raises(ReportCancelledError):
        write_table(book, "Lang", [Column("Tal")], [[1], [2]])
    book.workbook.save(tmp_path / "stopped.xlsx")
    assert table_rows(load_workbook(tmp_path / "stopped.xlsx")["Lang"]) == []


def test_an_unknown_team_is_named_in_both_languages(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        write_status_report(store.workbench, tmp_path / "x.xlsx", TODAY, team="Ingen")
    assert "ingen åbne sager i teamet 'Ingen'" in raised.value.in_language("da")
    assert "no open cases in team 'Ingen'" in raised.value.in_language("en")
    assert list(tmp_path.iterdir()) == []
