"""File → Export status to Excel…: the team lead's workbook from the window.

Driven on a real database through the window, as a team lead would: the dialog's choices,
the progress dialog, Cancel (no file, no half-written file, nothing audited), the audit
entry of a written report, and the file handed to the system to open.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from tests.ui.conftest import wait_idle
from ui.app import Session
from ui.i18n import Translations
from ui.mainwindow import MainWindow
from ui.reportactions import FOLDER_KEY
from ui.reportdialog import ReportDialog, ReportRequest, proposed_name
from workbench.audit import AuditAction, AuditEntry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


@pytest.fixture
def loaded(qtbot: QtBot, session: Session, demo_export: list[Path]) -> Session:
    """The workbench with the demo export imported."""
    window = session.window
    offer = window.shown.dialog
    assert isinstance(offer, QMessageBox)
    offer.button(QMessageBox.StandardButton.No).click()
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        window.importer.import_paths(demo_export)
    wait_idle(qtbot, window)
    assert window.importer.dialog is not None
    window.importer.dialog.close()
    return session


@pytest.fixture
def opened(loaded: Session, state: QSettings, tmp_path: Path) -> Iterator[list[Path]]:
    """The files the window handed to the system to open (none really is).

    The report's folder is the test's own, as if the last report had gone there.
    """
    state.setValue(FOLDER_KEY, str(tmp_path))
    handed: list[Path] = []

    def record(path: Path) -> bool:
        handed.append(path)
        return True

    loaded.window.reports.open_file = record
    yield handed


def audit_log(qtbot: QtBot, window: MainWindow) -> list[AuditEntry]:
    """The audit log, read on the worker as everything else is."""
    found: list[list[AuditEntry]] = []
    window.backend.submit(lambda workbench: workbench.audit.audit_log(), on_done=found.append)
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def open_dialog(qtbot: QtBot, window: MainWindow) -> ReportDialog:
    """File → Export status to Excel…, and the dialog it opens."""
    window.export_status_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.reports.dialog, ReportDialog))
    dialog = window.reports.dialog
    assert isinstance(dialog, ReportDialog)
    return dialog


def cancel_button(progress: QProgressDialog) -> QPushButton:
    """The progress dialog's Cancel button."""
    button = progress.findChild(QPushButton)
    assert isinstance(button, QPushButton) and button.text() == "Annullér"
    return button


def hold_worker(window: MainWindow) -> threading.Event:
    """Keep the database worker busy until the returned event is set."""
    gate = threading.Event()
    window.backend.submit(lambda _workbench: gate.wait(20))
    return gate


def test_the_file_menu_offers_the_export_in_both_languages(
        qtbot: QtBot, loaded: Session, translations: Translations) -> None:
    window = loaded.window
    assert window.export_status_action in window.file_menu.actions()
    assert window.export_status_action.text() == "&Eksportér status til Excel…"
    assert window.file_menu.title() == "&Filer"
    translations.switch("en")
    qtbot.waitUntil(lambda: window.export_status_action.text() == "E&xport status to Excel…")


def test_the_dialog_offers_every_team_and_names_the_file_after_team_and_day(
        qtbot: QtBot, loaded: Session, opened: list[Path], tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, loaded.window)
    teams = [dialog.team.itemText(index) for index in range(dialog.team.count())]
    assert teams[0] == "Alle teams" and len(teams) > 2  # the window speaks Danish
    assert dialog.path.text() == str(tmp_path / f"status-alle-teams-{TODAY.isoformat()}.xlsx")
    dialog.team.setCurrentIndex(2)
    team = dialog.team.currentText()
    assert Path(dialog.path.text()).name == proposed_name(team, TODAY)
    assert proposed_name("Team Nord", TODAY) == f"status-team-nord-{TODAY.isoformat()}.xlsx"
    dialog.browse.click()
    browser = dialog.findChild(QFileDialog, "report-file")
    assert isinstance(browser, QFileDialog) and browser.isVisible()
    browser.fileSelected.emit(str(tmp_path / "mine"))  # chosen without the suffix
    dialog.team.setCurrentIndex(1)  # no longer renames the file the user chose
    assert dialog.request() == ReportRequest(tmp_path / "mine.xlsx", TODAY,
                                             dialog.team.currentText(), False)
    dialog.reject()


def test_the_report_is_written_with_progress_audited_and_opened(
        qtbot: QtBot, loaded: Session, opened: list[Path], tmp_path: Path) -> None:
    window = loaded.window
    dialog = open_dialog(qtbot, window)
    dialog.team.setCurrentIndex(1)
    team = dialog.team.currentText()
    target = tmp_path / proposed_name(team, TODAY)
    assert dialog.path.text() == str(target)  # in the folder of the state, see `opened`
    gate = hold_worker(window)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    progress = window.reports.progress
    assert progress is not None and progress.isVisible()
    shown: list[tuple[int, int]] = []
    bar: list[int] = []  # what the bar showed as each step came in

    def step(done: int, total: int) -> None:
        shown.append((done, total))
        bar.append(progress.value())

    window.reports.progressed.connect(step)

    with qtbot.waitSignal(window.reports.written, timeout=30_000) as written:
        gate.set()

    assert shown == [(step, 10) for step in range(1, 11)]
    assert bar[1:] == list(range(1, 10))
    assert window.reports.progress is None and not window.reports.running
    assert opened == [target]
    assert written.args[0].path == target and written.args[0].team == team
    sheet = load_workbook(target)["Sager"]
    assert sheet.oddHeader.center.text == team
    entry = audit_log(qtbot, window)[-1]
    assert (entry.action, entry.file) == (AuditAction.REPORT_EXPORT, str(target))
    assert team in (entry.detail or "")
    assert "Statusarket er skrevet" in window.statusBar().currentMessage()


def test_cancel_leaves_no_file_no_half_written_file_and_no_audit_entry(
        qtbot: QtBot, loaded: Session, opened: list[Path], tmp_path: Path) -> None:
    window = loaded.window
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "status.xlsx"
    before = audit_log(qtbot, window)
    gate = hold_worker(window)
    window.reports.write(ReportRequest(target, TODAY, None, include_cpr=True))
    progress = window.reports.progress
    assert progress is not None

    with qtbot.waitSignal(window.reports.cancelled, timeout=30_000):
        cancel_button(progress).click()
        gate.set()

    wait_idle(qtbot, window)
    assert list(folder.iterdir()) == []
    assert opened == []
    assert audit_log(qtbot, window) == before
    assert window.reports.progress is None and not window.reports.running
    assert "afbrudt; der blev ikke skrevet nogen fil" in window.statusBar().currentMessage()


def test_a_cancelled_report_leaves_the_older_one_as_it_was(
        qtbot: QtBot, loaded: Session, opened: list[Path], tmp_path: Path) -> None:
    window = loaded.window
    target = tmp_path / "status.xlsx"
    with qtbot.waitSignal(window.reports.written, timeout=30_000):
        window.reports.write(ReportRequest(target, TODAY, None, include_cpr=False))
    older = target.read_bytes()
    gate = hold_worker(window)
    window.reports.write(ReportRequest(target, TODAY, None, include_cpr=False))
    assert window.reports.progress is not None

    with qtbot.waitSignal(window.reports.cancelled, timeout=30_000):
        cancel_button(window.reports.progress).click()
        gate.set()

    assert target.read_bytes() == older
    assert [path.name for path in tmp_path.iterdir() if path.suffix == ".xlsx"] == [
        "status.xlsx"]
    assert opened == [target]  # the first report only


def test_a_report_that_cannot_be_written_says_why_and_writes_nothing(
        qtbot: QtBot, loaded: Session, opened: list[Path], tmp_path: Path) -> None:
    window = loaded.window
    target = tmp_path / "missing" / "status.xlsx"

    with qtbot.waitSignal(window.reports.failed, timeout=30_000):
        window.reports.write(ReportRequest(target, TODAY, None, include_cpr=False))

    box = window.reports.dialog
    assert isinstance(box, QMessageBox)
    assert box.informativeText() == f"mappen '{target.parent}' findes ikke"  # in Danish
    assert not target.parent.exists() and opened == []
    box.close()
