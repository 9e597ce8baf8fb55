"""Everyday edits in the window: the note box stays with its case, corrections, Undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from tests.ui.conftest import wait_idle
from tests.ui.test_window import become, loaded, press, show_everyones_cases, visible_rows
from ui.app import Session
from ui.editdialogs import NoteDialog, WithdrawDialog
from ui.mainwindow import MainWindow
from workbench.engine import Status
from workbench.session import Workbench
from workbench.views import EventRow

__all__ = ["loaded"]  # the fixture, shared with test_window

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


@pytest.fixture
def me(qtbot: QtBot, loaded: Session) -> MainWindow:
    """The window with the demo caseload, the caseworker AB, everyone's cases shown."""
    window = loaded.window
    become(qtbot, window, "AB")
    show_everyones_cases(window)
    return window


def pick(qtbot: QtBot, window: MainWindow, case_id: str) -> None:
    """Select a case in the lists as a click would, and wait until the panel shows it."""
    assert window.lists.select_case(case_id)
    qtbot.waitUntil(lambda: window.panel.case_id == case_id)
    wait_idle(qtbot, window)


def two_cases(window: MainWindow) -> tuple[str, str]:
    rows = visible_rows(window, Status.GREEN)
    return rows[0].case_id, rows[1].case_id


def notes_of(tmp_path: Path, case_id: str) -> list[str]:
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        return [note.text for note in workbench.cases.case_detail(case_id, TODAY).notes]


def question(window: MainWindow) -> QMessageBox:
    box = window.case_actions.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "unsaved-note"
    return box


def answer(qtbot: QtBot, window: MainWindow, button: str) -> None:
    box = question(window)
    clicked = box.findChild(QPushButton, button)
    assert clicked is not None
    clicked.click()
    wait_idle(qtbot, window)


def test_a_note_typed_on_one_case_is_never_saved_on_the_next(
        qtbot: QtBot, me: MainWindow, tmp_path: Path) -> None:
    """Regression: the note box kept its text across cases and saved it on the new one."""
    first, second = two_cases(me)
    pick(qtbot, me, first)
    qtbot.keyClicks(me.panel.note_text, "Borgeren er syg i dag")

    me.lists.select_case(second)
    box = question(me)
    assert first in box.text()
    assert me.panel.case_id == first  # nothing else is shown while it asks
    answer(qtbot, me, "save-note-here")

    qtbot.waitUntil(lambda: me.panel.case_id == second)
    assert me.panel.note_text.toPlainText() == ""
    assert notes_of(tmp_path, first) == ["Borgeren er syg i dag"]
    assert notes_of(tmp_path, second) == []


def test_stay_keeps_the_case_and_the_text_and_discard_drops_it(
        qtbot: QtBot, me: MainWindow, tmp_path: Path) -> None:
    first, second = two_cases(me)
    pick(qtbot, me, first)
    qtbot.keyClicks(me.panel.note_text, "Halvskrevet")

    me.lists.select_case(second)
    answer(qtbot, me, "stay")
    assert me.lists.selected_case == first and me.panel.case_id == first
    assert me.panel.note_text.toPlainText() == "Halvskrevet"

    me.lists.select_case(second)
    answer(qtbot, me, "discard-note")
    qtbot.waitUntil(lambda: me.panel.case_id == second)
    assert me.panel.note_text.toPlainText() == ""
    assert notes_of(tmp_path, first) == [] and notes_of(tmp_path, second) == []


def test_a_note_is_saved_with_the_registration(
        qtbot: QtBot, me: MainWindow, tmp_path: Path) -> None:
    case_id = two_cases(me)[0]
    pick(qtbot, me, case_id)
    qtbot.keyClicks(me.panel.note_text, "Aftalt praktik")
    assert me.panel.note_with_event.isEnabled() and me.panel.note_with_event.isChecked()

    with qtbot.waitSignal(me.refreshed):
        qtbot.mouseClick(me.panel.register_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, me)

    detail = me.panel.detail
    assert detail is not None
    assert [(e.date, e.registered_by) for e in detail.events if e.source == "local"] == [
        (TODAY, "AB")]
    assert [n.text for n in detail.notes] == ["Aftalt praktik"]
    assert me.panel.note_text.toPlainText() == ""


def test_a_future_date_is_refused_with_a_message_and_kept_to_correct(
        qtbot: QtBot, me: MainWindow) -> None:
    case_id = two_cases(me)[0]
    pick(qtbot, me, case_id)
    future = TODAY + dt.timedelta(days=3)
    me.panel.event_date.setDate(future)

    qtbot.mouseClick(me.panel.register_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, me)

    box = me.shown.dialog
    assert isinstance(box, QMessageBox)
    assert future.isoformat() in box.informativeText()
    assert "efter i dag" in box.informativeText()
    assert me.panel.event_date.date().toPython() == future
    detail = me.panel.detail
    assert detail is not None and not any(e.source == "local" for e in detail.events)


def register_today(qtbot: QtBot, window: MainWindow) -> EventRow:
    with qtbot.waitSignal(window.refreshed):
        qtbot.mouseClick(window.panel.register_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    detail = window.panel.detail
    assert detail is not None
    [event] = [e for e in detail.events if e.source == "local"]
    return event


def select_history_row(window: MainWindow, wanted: EventRow) -> None:
    model = window.panel.events
    line = next(n for n in range(model.rowCount())
                if model.row_at(n).date == wanted.date and model.row_at(n).kind == wanted.kind)
    window.panel.tabs.setCurrentIndex(0)
    window.panel.event_table.setCurrentIndex(model.index(line, 0))


def test_withdraw_shows_it_struck_through_and_ctrl_z_brings_it_back(
        qtbot: QtBot, me: MainWindow) -> None:
    case_id = two_cases(me)[0]
    pick(qtbot, me, case_id)
    event = register_today(qtbot, me)
    select_history_row(me, event)
    assert me.panel.withdraw_button.isEnabled()

    me.panel.withdraw_button.click()
    dialog = me.case_actions.dialog
    assert isinstance(dialog, WithdrawDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "Forkert borger")
    with qtbot.waitSignal(me.refreshed):
        ok.click()
    wait_idle(qtbot, me)

    detail = me.panel.detail
    assert detail is not None and not any(e.source == "local" for e in detail.events)
    [gone] = detail.withdrawn_events
    assert (gone.withdrawn_by, gone.withdrawn_reason) == ("AB", "Forkert borger")
    model = me.panel.events
    line = next(n for n in range(model.rowCount()) if model.row_at(n).withdrawn)
    assert model.index(line, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "Forkert borger" in model.index(line, 3).data()
    assert me.undo_action.isEnabled()

    with qtbot.waitSignal(me.refreshed):
        press(qtbot, me, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, me)
    detail = me.panel.detail
    assert detail is not None
    assert [(e.date, e.kind) for e in detail.events if e.source == "local"] == [
        (event.date, event.kind)]
    assert not me.undo_action.isEnabled()


def test_a_wrong_kind_is_corrected_in_one_step(qtbot: QtBot, me: MainWindow) -> None:
    case_id = two_cases(me)[0]
    pick(qtbot, me, case_id)
    event = register_today(qtbot, me)
    select_history_row(me, event)
    me.panel.withdraw_button.click()
    dialog = me.case_actions.dialog
    assert isinstance(dialog, WithdrawDialog)
    qtbot.keyClicks(dialog.reason, "Var en screening")
    dialog.instead.setChecked(True)
    dialog.kind.setCurrentIndex(dialog.kind.findData("screening"))
    with qtbot.waitSignal(me.refreshed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, me)

    detail = me.panel.detail
    assert detail is not None
    assert [e.kind.value for e in detail.events if e.source == "local"] == ["screening"]
    assert [e.kind.value for e in detail.withdrawn_events] == ["samtale"]


def test_a_note_is_edited_then_deleted_and_undo_brings_it_back(
        qtbot: QtBot, me: MainWindow) -> None:
    case_id = two_cases(me)[0]
    pick(qtbot, me, case_id)
    qtbot.keyClicks(me.panel.note_text, "Første udgave")
    with qtbot.waitSignal(me.refreshed):
        qtbot.mouseClick(me.panel.note_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, me)
    me.panel.tabs.setCurrentIndex(1)
    me.panel.note_table.setCurrentIndex(me.panel.notes.index(0, 0))
    assert me.panel.edit_note_button.isEnabled()

    me.panel.edit_note_button.click()
    dialog = me.case_actions.dialog
    assert isinstance(dialog, NoteDialog)
    dialog.text.setPlainText("Rettet udgave")
    with qtbot.waitSignal(me.refreshed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, me)
    assert [n.text for n in me.panel.detail.notes] == ["Rettet udgave"]  # type: ignore[union-attr]

    me.panel.tabs.setCurrentIndex(1)
    me.panel.note_table.setCurrentIndex(me.panel.notes.index(0, 0))
    me.panel.delete_note_button.click()
    box = me.case_actions.dialog
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(me.refreshed):
        box.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot, me)
    assert me.panel.detail is not None and me.panel.detail.notes == ()

    with qtbot.waitSignal(me.refreshed):
        me.undo_action.trigger()
    wait_idle(qtbot, me)
    assert [n.text for n in me.panel.detail.notes] == ["Rettet udgave"]


def test_ctrl_z_withdraws_a_registration_made_by_mistake(
        qtbot: QtBot, me: MainWindow) -> None:
    case_id = two_cases(me)[0]
    pick(qtbot, me, case_id)
    register_today(qtbot, me)
    assert me.undo_action.text().startswith("Fortryd registrering")

    with qtbot.waitSignal(me.refreshed):
        me.undo_action.trigger()
    wait_idle(qtbot, me)

    detail = me.panel.detail
    assert detail is not None and not any(e.source == "local" for e in detail.events)
    assert [(e.withdrawn_by, e.withdrawn_reason) for e in detail.withdrawn_events] == [
        ("AB", "Fortrudt")]


def test_a_cover_is_cancelled_from_the_file_menu(
        qtbot: QtBot, me: MainWindow, tmp_path: Path) -> None:
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        workbench.registrations.assign_cover("EF", "AB", TODAY, TODAY + dt.timedelta(days=7),
                                             by="AB")
    me.cancel_cover_action.trigger()
    wait_idle(qtbot, me)
    dialog = me.case_actions.dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("EF")
    with qtbot.waitSignal(me.refreshed):
        dialog.accept()
    wait_idle(qtbot, me)
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        assert workbench.registrations.covers(TODAY) == []
        assert [e.action.value for e in workbench.audit.audit_log()][-1] == "cancel_cover"
    assert me.undo_action.isEnabled()
