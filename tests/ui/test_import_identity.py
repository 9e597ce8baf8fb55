"""Issue 13 in the window: renamed citizens in the import summary, the configured calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from tests.ui.conftest import arguments, evening_clocks, wait_idle
from ui.app import Session, start_session
from ui.dialogs import ImportSummaryDialog, NewInquiryDialog
from ui.i18n import Translations
from workbench import demo
from workbench.session import Workbench

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


def import_and_wait(qtbot: QtBot, session: Session, paths: list[Path]) -> ImportSummaryDialog:
    window = session.window
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        window.importer.import_paths(paths)
    wait_idle(qtbot, window)
    dialog = window.importer.dialog
    assert isinstance(dialog, ImportSummaryDialog)
    return dialog


def dismiss_demo_offer(session: Session) -> None:
    offer = session.window.shown.dialog
    assert isinstance(offer, QMessageBox)
    offer.button(QMessageBox.StandardButton.No).click()


def test_the_import_summary_lists_renamed_citizens(
        qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    dismiss_demo_offer(session)
    export = demo.generate(20, seed=7, today=TODAY)
    first = import_and_wait(qtbot, session, demo.write_export(export, tmp_path / "a"))
    assert first.summary.renamed == () and first.renamed.text() == ""
    first.accept()
    renamed = replace(export.cases[3], name="Nyt Navn")
    changed = demo.DemoExport((*export.cases[:3], renamed, *export.cases[4:]), export.events)
    dialog = import_and_wait(qtbot, session, demo.write_export(changed, tmp_path / "b"))
    assert dialog.summary.renamed == (renamed.case_id,)
    assert dialog.renamed.text() == renamed.case_id
    assert dialog.renamed.isVisibleTo(dialog)
    counts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Omdøbte borgere:" in counts
    dialog.accept()


@pytest.fixture
def site_without_fixed_closures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT's config: 24 December is a working day here, and 7 December is a closure day."""
    config = tmp_path / "config.toml"
    config.write_text('fixed_closure_days = ["06-05", "12-31"]\n'
                      "closure_days = [2026-12-07]\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))


@pytest.fixture
def configured_session(site_without_fixed_closures: None, qtbot: QtBot, tmp_path: Path,
                       state: QSettings, translations: Translations) -> Iterator[Session]:
    database = tmp_path / "workbench.db"
    with Workbench.open(database) as workbench:  # a caseworker who has set up
        workbench.settings.save(replace(workbench.settings.load(), my_initials="AB"))
    running = start_session(arguments(database, today=dt.date(2026, 12, 22)), state,
                            translations, evening_clocks(dt.date(2026, 12, 22)))
    qtbot.addWidget(running.window)
    wait_idle(qtbot, running.window)
    yield running
    running.close()


def test_the_new_inquiry_dialog_uses_the_site_calendar(
        qtbot: QtBot, configured_session: Session) -> None:
    window = configured_session.window
    assert window.shown.settings is not None
    assert window.shown.settings.fixed_closure_days == ("06-05", "12-31")
    window.inquiry_actions.new_inquiry(None)
    dialog = window.shown.dialog
    assert isinstance(dialog, NewInquiryDialog)
    dialog.phone.setChecked(True)
    # Tue 22 Dec + 2 working days: Wed 23 Dec, and Thu 24 Dec is a working day here.
    assert dialog.due.text().startswith("24-12-2026")
    dialog.close()


def test_the_site_calendar_reaches_the_dialog_through_settings(
        configured_session: Session) -> None:
    settings = configured_session.window.shown.settings
    assert settings is not None
    calendar = settings.calendar()
    assert calendar.is_working_day(dt.date(2026, 12, 24))
    assert not calendar.is_working_day(dt.date(2026, 12, 7))
    assert not calendar.is_working_day(dt.date(2026, 12, 31))
