"""The miniteam in the window: joining, syncing now and on schedule, who registered what, cover."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.sync_support import EXPORT_DAY, write_export
from tests.ui.conftest import arguments, wait_idle
from tests.ui.test_reminders import CASES, MONDAY, NINE, WEDNESDAY, FakeClock, export_files
from tests.ui.test_window import visible_rows
from ui.app import Session, start_session
from ui.casepanel import CasePanel
from ui.i18n import Translations
from ui.models import Owner
from ui.scheduling import TEAM_SYNC
from ui.team import CoverDialog, TeamDialog
from workbench.engine import Status
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.sync.streams import Convergence
from workbench.sync.team import TeamSettings, TeamStatus
from workbench.vocabulary import EventKind

Starter = Callable[[Path], Session]

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


def make_database(path: Path, export: Path, me: str) -> Path:
    with Workbench.open(str(path)) as workbench:
        workbench.imports.import_files(export_files(export, CASES), today=MONDAY)
        workbench.settings.save(Settings(my_initials=me, language="en"))
    return path


@pytest.fixture
def databases(tmp_path: Path) -> tuple[Path, Path, Path]:
    """AB's and CD's databases, each with the same export; and the folder they could share."""
    folder = tmp_path / "share"
    folder.mkdir()
    return (make_database(tmp_path / "ab.db", tmp_path / "export-ab", "AB"),
            make_database(tmp_path / "cd.db", tmp_path / "export-cd", "CD"), folder)


@pytest.fixture
def start(qtbot: QtBot, state: QSettings, translations: Translations) -> Iterator[Starter]:
    sessions: list[Session] = []

    def started(database: Path) -> Session:
        session = start_session(arguments(database, today=WEDNESDAY), state, translations,
                                clocks=FakeClock(NINE).clocks())
        sessions.append(session)
        qtbot.addWidget(session.window)
        qtbot.waitUntil(lambda: session.window.shown.team is not None, timeout=20_000)
        wait_idle(qtbot, session.window)
        return session

    yield started
    for session in sessions:
        session.close()


def join_in_window(qtbot: QtBot, session: Session, members: str, folder: Path) -> None:
    window = session.window
    window.team_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, TeamDialog)
    assert "no team" in dialog.status.text()
    dialog.members.setText(members)
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(window.team_changed):
        dialog.buttons.accepted.emit()
    wait_idle(qtbot, window)


def test_a_teammates_conversation_arrives_with_its_author_at_sync_now(
        qtbot: QtBot, databases: tuple[Path, Path, Path], start: Starter) -> None:
    ab, cd, folder = databases
    with Workbench.open(str(ab)) as workbench:
        workbench.team.join("AB", ["AB", "CD"], folder=folder)
        workbench.registrations.register_event("S1", EventKind.SAMTALE, MONDAY, by="AB")
        workbench.team.sync_now()
    session: Session = start(cd)
    window = session.window
    assert session.reminders.schedule.job(TEAM_SYNC) is None
    join_in_window(qtbot, session, "AB, CD", folder)
    assert session.reminders.schedule.job(TEAM_SYNC).id == TEAM_SYNC
    assert session.reminders.schedule.job(TEAM_SYNC).trigger.interval == dt.timedelta(minutes=5)
    window.lists.owner_filter.setCurrentIndex(0)
    assert window.lists.select_case("S1")
    window.case_actions.show_case("S1")
    wait_idle(qtbot, window)
    assert not [row for row in window.panel.events.rows if row.registered_by == "AB"]
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.sync_action.trigger()
    wait_idle(qtbot, window)
    assert "received 1" in window.statusBar().currentMessage()
    assert window.shown.team is not None and window.shown.team.last_sync is not None
    events = window.panel.events
    mine = [line for line in range(events.rowCount())
            if events.rows[line].kind is EventKind.SAMTALE]
    assert mine
    column = next(column for column in range(events.columnCount())
                  if events.headerData(column, Qt.Orientation.Horizontal) == "Registered by")
    text = events.index(mine[0], column).data()
    assert text.startswith("AB ")
    # The team dialog now tells the team's state.
    window.team_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, TeamDialog)
    assert "AB, CD" in dialog.status.text() and "never" not in dialog.status.text()
    dialog.reject()


def test_the_first_member_is_shown_the_join_code_the_others_type_in(
        qtbot: QtBot, databases: tuple[Path, Path, Path], start: Starter,
        private_keyring: Path) -> None:
    ab, cd, folder = databases
    first: Session = start(ab)
    join_in_window(qtbot, first, "AB, CD", folder)
    box = first.window.shown.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "join-code"
    code = box.text().split()[-1]
    assert code.startswith("WBT1-")
    box.accept()
    private_keyring.unlink()  # CD's computer: its keyring has no team key
    second: Session = start(cd)
    window = second.window
    window.team_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, TeamDialog)
    dialog.members.setText("AB, CD")
    dialog.folder.setText(str(folder))
    dialog.join_code.setText(code)
    with qtbot.waitSignal(window.team_changed):
        dialog.buttons.accepted.emit()
    wait_idle(qtbot, window)
    assert window.shown.team is not None and window.shown.team.settings is not None
    assert not isinstance(window.shown.dialog, QMessageBox)  # no new key, no code to show


def test_no_team_no_scheduled_sync_and_sync_now_says_so(
        qtbot: QtBot, databases: tuple[Path, Path, Path], start: Starter) -> None:
    session: Session = start(databases[0])
    assert session.reminders.schedule.job(TEAM_SYNC) is None
    session.window.sync_action.trigger()
    assert "no team" in session.window.statusBar().currentMessage()


def test_cover_shows_the_absent_colleagues_cases(
        qtbot: QtBot, databases: tuple[Path, Path, Path], start: Starter) -> None:
    session: Session = start(databases[0])
    window = session.window
    window.cover_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, CoverDialog)
    dialog.absent.setCurrentText("CD")
    with qtbot.waitSignal(window.refreshed):
        dialog.buttons.accepted.emit()
    wait_idle(qtbot, window)
    combo = window.lists.owner_filter
    index = combo.findData(Owner(cover="CD").key)
    assert index >= 0 and combo.itemText(index) == "Covering for CD"
    combo.setCurrentIndex(index)
    shown = {row.case_id for status in Status for row in visible_rows(window, status)}
    assert shown == {"S3"}


def test_the_team_dialog_shows_held_entries_with_their_authors_and_convergence(
        qtbot: QtBot) -> None:
    settings = TeamSettings("CD", ("AB", "CD"), "folder", "/srv/team")
    status = TeamStatus(settings=settings, last_sync=None, pending=0, parked=0,
                        held={"invalid": 2, "ahead": 1}, quarantine_authors=("AB", "ZZ"),
                        convergence=Convergence(False, [("AB", "n1", {"n2": (0, 1)})]),
                        missing=3)
    dialog = TeamDialog(status, "CD")
    qtbot.addWidget(dialog)

    shown = dialog.held.text()
    assert "2 (from AB, ZZ)" in shown and "ahead: 1" in shown
    assert "Differs from: AB." in shown and "asked for again: 3" in shown
    in_sync = TeamDialog(dataclasses.replace(status, convergence=Convergence(True, []),
                                             held={}, quarantine_authors=(), missing=0), "CD")
    qtbot.addWidget(in_sync)
    assert "In sync with the team." in in_sync.held.text()
    assert "Quarantined: 0 (from -)" in in_sync.held.text()


def test_the_case_panel_shows_a_conflict_with_the_kept_and_the_lost_value(
        qtbot: QtBot, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    team = []
    for me in ("AB", "CD"):
        workbench = Workbench.open(str(tmp_path / f"{me}.db"))
        workbench.imports.import_files(write_export(tmp_path / f"export-{me}"), today=EXPORT_DAY)
        workbench.team.join(me, ["AB", "CD"], folder=share)
        team.append(workbench)
    ab, cd = team
    note = ab.registrations.add_note("S1", "Ringet op", by="AB")
    ab.team.sync_now()
    cd.team.sync_now()
    [shown] = cd.cases.case_detail("S1", EXPORT_DAY).notes
    ab.registrations.edit_note(note, "Ringet op, ingen svar", by="AB")  # at the same time
    cd.registrations.edit_note(shown.note_id, "Ringet op, møde aftalt", by="CD")
    ab.team.sync_now()
    cd.team.sync_now()
    detail = cd.cases.case_detail("S1", EXPORT_DAY)
    for workbench in team:
        workbench.close()

    panel = CasePanel(EXPORT_DAY)
    qtbot.addWidget(panel)
    panel.show_detail(detail)

    table = panel.conflict_table
    assert table.rowCount() == 1
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    assert cells[0] == "note.text"
    assert {cells[1], cells[4]} == {"Ringet op, ingen svar", "Ringet op, møde aftalt"}
    assert {cells[2], cells[5]} == {"AB", "CD"}
    assert cells[3] and cells[6]
    assert panel.tabs.tabText(3).endswith("(1)")
