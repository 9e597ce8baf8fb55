"""Ops say what they changed, and each view reads again only that (issue 17, Build 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle
from tests.ui.test_window import (
    _red_case_a_conversation_fixes,
    become,
    close_summary,
    import_and_wait,
    loaded,
    press,
    show_everyones_cases,
)
from ui import ops
from ui.app import Session
from ui.mainwindow import MainWindow
from ui.ops import Changes
from workbench.engine import Status
from workbench.errors import WorkbenchError
from workbench.views import CaseRow

__all__ = ["loaded"]  # the fixture, shared with test_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


class Heard:
    """What the window's signals said while a test acted."""

    def __init__(self, window: MainWindow) -> None:
        self.changes: list[tuple[Changes, object]] = []
        self.resets = 0
        self.full_reads = 0
        window.operations.changed.connect(lambda changes, by: self.changes.append((changes,
                                                                                   by)))
        window.full_refresh.drawn.connect(self._full)
        for section in window.lists.sections.values():
            section.model.modelReset.connect(self._reset)
            section.proxy.modelReset.connect(self._reset)

    def _full(self) -> None:
        self.full_reads += 1

    def _reset(self) -> None:
        self.resets += 1


def rows_by_case(window: MainWindow) -> dict[str, CaseRow]:
    return {row.case_id: row for section in window.lists.sections.values()
            for row in section.model.rows}


@pytest.fixture
def me(qtbot: QtBot, loaded: Session) -> MainWindow:
    """The window with the demo caseload, the caseworker AB (in Danish), everyone's cases."""
    window = loaded.window
    become(qtbot, window, "AB")
    show_everyones_cases(window)
    return window


def test_a_registration_reads_only_that_cases_row_and_the_panel(
        qtbot: QtBot, me: MainWindow) -> None:
    case_id = _red_case_a_conversation_fixes(qtbot, me)
    before = rows_by_case(me)
    red_before = me.lists.sections[Status.RED].count
    heard = Heard(me)
    press(qtbot, me, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(me.refreshed):
        qtbot.keyClick(me.panel.register_button, Qt.Key.Key_Return)
    wait_idle(qtbot, me)

    assert heard.changes == [(ops.of_cases(case_id), me.case_actions)]
    # No list was reset and nothing was read in full: the other rows are the same objects.
    assert heard.resets == 0 and heard.full_reads == 0
    after = rows_by_case(me)
    assert after.keys() == before.keys()
    assert all(after[other] is row for other, row in before.items() if other != case_id)
    assert after[case_id] is not before[case_id]
    assert after[case_id].status is not Status.RED
    assert me.lists.sections[Status.RED].count == red_before - 1
    assert me.lists.sections[Status.RED].count_label.text().endswith(f"{red_before - 1} sager")
    # The case stays selected, in the list it moved to, and the panel shows the event.
    assert me.lists.selected_case == case_id
    moved = me.lists.sections[after[case_id].status]
    current = moved.table.selectionModel().currentIndex()
    assert moved.model.row_at(moved.proxy.mapToSource(current).row()).case_id == case_id
    detail = me.panel.detail
    assert detail is not None and detail.case_id == case_id
    assert [event.registered_by for event in detail.events if event.source == "local"] == ["AB"]
    assert {row.case_id: row for row in me.shown.cases}[case_id] == after[case_id]


def test_a_change_to_another_case_leaves_the_panel_alone(qtbot: QtBot, me: MainWindow) -> None:
    shown_case, other = (row.case_id for row in me.shown.cases[:2])
    assert me.lists.select_case(shown_case)
    qtbot.waitUntil(lambda: me.panel.case_id == shown_case)
    wait_idle(qtbot, me)
    detail = me.panel.detail
    heard = Heard(me)
    with qtbot.waitSignal(me.refreshed):
        ops.add_note(other, "Ringet op", by="AB").run(me.operations)
    wait_idle(qtbot, me)
    assert heard.changes == [(ops.of_cases(other), None)]
    assert me.panel.detail is detail  # not read again: the note is on another case
    assert heard.resets == 0 and heard.full_reads == 0


def test_an_import_reads_everything_again(qtbot: QtBot, me: MainWindow,
                                          demo_export: list[Path]) -> None:
    heard = Heard(me)
    import_and_wait(qtbot, me, demo_export)
    close_summary(me)
    assert [changes.full for changes, _by in heard.changes] == [True]
    assert heard.changes[0][1] is me.importer
    assert heard.full_reads == 1


def test_a_refused_op_reaches_its_failure_callback_and_changes_nothing(
        qtbot: QtBot, me: MainWindow) -> None:
    heard = Heard(me)
    failed: list[WorkbenchError] = []
    succeeded: list[int] = []
    ops.add_note("2026-999999", "Ringet op", by="AB").success(succeeded.append).failure(
        failed.append).run(me.operations)
    wait_idle(qtbot, me)
    assert len(failed) == 1 and succeeded == []
    assert "2026-999999" in failed[0].in_language("da")
    assert heard.changes == []
    assert not isinstance(me.shown.dialog, QMessageBox)  # the callback took it


def test_a_refused_op_without_a_callback_says_why_in_the_users_language(
        qtbot: QtBot, me: MainWindow) -> None:
    ops.add_note("2026-999999", "Ringet op", by="AB").run(me.operations)
    wait_idle(qtbot, me)
    box = me.shown.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "error-box"
    assert box.text() == "Det lykkedes ikke; intet er ændret."
    assert "2026-999999" in box.informativeText()
    box.close()


def test_a_new_day_reads_everything_again(qtbot: QtBot, me: MainWindow) -> None:
    heard = Heard(me)
    me.full_refresh.check_day()  # still the same day: nothing to read
    assert heard.changes == [] and not me.backend.busy
    tomorrow = me.shown.day + dt.timedelta(days=1)
    me.clock.fixed = tomorrow
    with qtbot.waitSignal(me.refreshed, timeout=30_000):
        me.full_refresh.check_day()
    wait_idle(qtbot, me)
    assert [changes.full for changes, _by in heard.changes] == [True]
    assert heard.full_reads == 1 and me.shown.day == tomorrow
    assert me.panel.event_date.date().toPython() == tomorrow
