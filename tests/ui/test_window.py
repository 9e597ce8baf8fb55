"""End to end: the window on a real database, driven as a caseworker would drive it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from tests.ui.conftest import arguments, evening_clocks, wait_idle
from ui.app import Session, start_session
from ui.dialogs import ImportSummaryDialog, NewInquiryDialog, SettingsDialog
from ui.i18n import Translations
from ui.identity import IdentityDialog
from ui.mainwindow import MainWindow
from ui.models import CaseTableModel
from workbench import cli, demo
from workbench.engine import Status
from workbench.views import CaseRow

CONVERSATION_RULES = {"SDP1", "SDP2", "RF1", "KH1", "FL3"}

# The offscreen platform has no window system to pass size limits, raising or grabs on to.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


def cli_status(database: Path, capsys: pytest.CaptureFixture[str],
               *extra: str) -> Counter[str]:
    """How many cases of each status ``workbench status`` reports for the database."""
    capsys.readouterr()
    code = cli.main(["--db", str(database), "status", "--today", TODAY.isoformat(),
                     "--format", "csv", *extra])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    return Counter(row["status"] for row in rows)


def list_counts(window: MainWindow) -> dict[str, int]:
    return {status.value: count for status, count in window.lists.counts().items()}


def visible_rows(window: MainWindow, status: Status) -> list[CaseRow]:
    section = window.lists.sections[status]
    return [section.model.row_at(section.proxy.mapToSource(section.proxy.index(line, 0)).row())
            for line in range(section.proxy.rowCount())]


def dismiss_demo_offer(window: MainWindow) -> None:
    offer = window.shown.dialog
    assert isinstance(offer, QMessageBox)
    assert offer.objectName() == "demo-offer"
    offer.button(QMessageBox.StandardButton.No).click()


def import_and_wait(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        window.importer.import_paths(paths)
    wait_idle(qtbot, window)


def close_summary(window: MainWindow) -> ImportSummaryDialog:
    dialog = window.importer.dialog
    assert isinstance(dialog, ImportSummaryDialog)
    dialog.accept()
    return dialog


@pytest.fixture
def loaded(qtbot: QtBot, session: Session, demo_export: list[Path]) -> Session:
    """The workbench with the demo export imported, the caseworker "AB" of no team."""
    dismiss_demo_offer(session.window)
    import_and_wait(qtbot, session.window, demo_export)
    close_summary(session.window)
    return session


def become(qtbot: QtBot, window: MainWindow, initials: str, language: str = "da") -> None:
    """Fill in the settings dialog as a new user would."""
    window.settings_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.initials.setText(initials)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    with qtbot.waitSignal(window.refreshed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, window)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a shortcut the way a user does: with the main window active."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifier)


def choose(combo: QComboBox, text: str) -> None:
    """Pick an item of a combo box as the user would (which also emits ``activated``)."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def show_everyones_cases(window: MainWindow) -> None:
    """Pick "Alle sager" (everyone's cases) in the owner filter."""
    choose(window.lists.owner_filter, "Alle sager")


def database_of(session: Session, tmp_path: Path) -> Path:
    del session
    return tmp_path / "workbench.db"


def test_imported_demo_lists_count_what_the_cli_status_reports(
        loaded: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counts = list_counts(loaded.window)
    expected = cli_status(database_of(loaded, tmp_path), capsys)
    assert counts == {"red": expected["red"], "amber": expected["amber"],
                      "green": expected["green"]}
    assert all(counts.values()), "the demo should fill all three lists"
    heading = loaded.window.lists.sections[Status.RED].count_label.text()
    assert str(counts["red"]) in heading


def test_colleague_filter_counts_what_the_cli_reports_for_that_caseworker(
        qtbot: QtBot, loaded: Session, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    lists = loaded.window.lists
    colleague = loaded.window.shown.cases[0].caseworker
    choose(lists.owner_filter, colleague)
    expected = cli_status(database_of(loaded, tmp_path), capsys, "--caseworker", colleague)
    counts = list_counts(loaded.window)
    assert counts == {"red": expected["red"], "amber": expected["amber"],
                      "green": expected["green"]}
    assert all(row.caseworker == colleague
               for status in Status for row in visible_rows(loaded.window, status))


def test_register_conversation_on_a_red_case_moves_it_out_of_red(
        qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    become(qtbot, window, "AB")
    assert window.lists.owner_filter.currentText() == "Mine sager (AB)"
    show_everyones_cases(window)
    case_id = _red_case_a_conversation_fixes(qtbot, window)
    window.panel.event_kind.setCurrentIndex(window.panel.event_kind.findData("tilbud"))
    press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.event_kind.currentData() == "samtale"
    assert window.panel.event_date.date().toPython() == TODAY
    with qtbot.waitSignal(window.refreshed):
        qtbot.keyClick(window.panel.register_button, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    red_ids = {row.case_id for row in visible_rows(window, Status.RED)}
    assert case_id not in red_ids
    assert any(row.case_id == case_id for row in window.shown.cases)
    detail = window.panel.detail
    assert detail is not None and detail.case_id == case_id
    local = [event for event in detail.events if event.source == "local"]
    assert [(event.date, event.registered_by) for event in local] == [(TODAY, "AB")]
    sources = {window.panel.events.index(line, 2).data()
               for line in range(window.panel.events.rowCount())}
    assert "Lokal" in sources


def _red_case_a_conversation_fixes(qtbot: QtBot, window: MainWindow) -> str:
    """Select red cases one by one until one is red only for want of a conversation."""
    for row in visible_rows(window, Status.RED):
        assert window.lists.select_case(row.case_id)
        qtbot.waitUntil(lambda row=row: window.panel.case_id == row.case_id)
        detail = window.panel.detail
        assert detail is not None
        overdue = {m.rule_id for m in detail.milestones if m.status is Status.RED}
        if overdue and overdue <= CONVERSATION_RULES and \
                not any(e.date == TODAY for e in detail.events):
            return row.case_id
    raise AssertionError("the demo export has no red case a conversation would fix")


def test_add_and_answer_an_inquiry(qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    become(qtbot, window, "AB")
    show_everyones_cases(window)
    scope = window.inquiries.scope
    assert scope.currentText() == "Mine henvendelser (AB)"
    with qtbot.waitSignal(window.refreshed):
        choose(scope, "Alle henvendelser")
    before = window.inquiries.open_count()
    target = visible_rows(window, Status.GREEN)[0]
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.shown.dialog
    assert isinstance(dialog, NewInquiryDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.case.clear()
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.case, f"{target.name} ({target.case_id})")
    assert ok.isEnabled()
    dialog.mail.setChecked(True)
    assert dialog.due.text().startswith(("07-12-2026", "08-12-2026"))
    with qtbot.waitSignal(window.refreshed):
        ok.click()
    wait_idle(qtbot, window)
    assert window.inquiries.open_count() == before + 1
    new = [row for row in window.inquiries.model.rows if row.case_id == target.case_id]
    assert len(new) == 1
    assert new[0].registered_by == "AB"
    window.tabs.setCurrentIndex(1)
    assert window.inquiries.select_inquiry(new[0].inquiry_id)
    assert window.inquiries.answer_button.isEnabled()
    with qtbot.waitSignal(window.refreshed):
        qtbot.mouseClick(window.inquiries.answer_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.inquiries.open_count() == before
    assert all(row.inquiry_id != new[0].inquiry_id for row in window.inquiries.model.rows)


def test_registering_without_initials_asks_for_them(qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.shown.dialog
    assert isinstance(dialog, IdentityDialog)
    assert not window.backend.busy
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.initials, "cd")
    with qtbot.waitSignal(window.refreshed):
        ok.click()
    wait_idle(qtbot, window)
    assert window.shown.initials == "CD"
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.shown.dialog, NewInquiryDialog)


def test_a_first_start_asks_who_i_am_before_anything_else(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations) -> None:
    running = start_session(arguments(tmp_path / "first.db"), state, translations,
                            evening_clocks())
    qtbot.addWidget(running.window)
    try:
        window = running.window
        wait_idle(qtbot, window)
        dialog = window.shown.dialog
        assert isinstance(dialog, IdentityDialog)  # not the demo offer: that comes next
        qtbot.keyClicks(dialog.initials, "ab")
        dialog.team.setCurrentText("Team Syd")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        wait_idle(qtbot, window)
        assert window.shown.settings is not None
        settings = window.shown.settings
        assert (settings.my_initials, settings.my_team) == ("AB", "Team Syd")
        assert isinstance(window.shown.dialog, QMessageBox)
        assert window.shown.dialog.objectName() == "demo-offer"
    finally:
        running.close()


def test_search_narrows_every_list_and_ctrl_f_finds_the_field(
        qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    total = sum(list_counts(window).values())
    window.tabs.setCurrentIndex(1)
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is window.lists.search
    qtbot.keyClicks(window.lists.search, "hansen")
    shown = [row for status in Status for row in visible_rows(window, status)]
    assert 0 < len(shown) < total
    assert all("hansen" in row.name.lower() for row in shown)
    one = window.shown.cases[5]
    window.lists.search.setText(one.case_id)
    assert [row.case_id for s in Status for row in visible_rows(window, s)] == [one.case_id]
    window.lists.search.clear()
    assert sum(list_counts(window).values()) == total


def test_scheme_filter_keeps_only_that_scheme(qtbot: QtBot, loaded: Session) -> None:
    lists = loaded.window.lists
    total = sum(list_counts(loaded.window).values())
    choose(lists.scheme_filter, "Kontanthjælp")
    shown = [row for status in Status for row in visible_rows(loaded.window, status)]
    assert 0 < len(shown) < total
    assert {row.scheme.value for row in shown} == {"kontanthjælp"}


def test_the_window_speaks_danish_and_switches_to_english(
        qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    lists = window.lists
    assert lists.sections[Status.RED].title_label.text() == "Overskredet"
    assert lists.sections[Status.AMBER].title_label.text() == "Inden for 3 uger"
    assert lists.sections[Status.GREEN].title_label.text() == "Rettidig"
    model = lists.sections[Status.RED].model
    header = model.headerData(CaseTableModel.CASEWORKER, Qt.Orientation.Horizontal)
    assert header == "Sagsbehandler"
    assert model.index(0, CaseTableModel.WEEK).data().startswith("sagsuge ")
    assert window.tabs.tabText(0).startswith("Sager (")
    assert window.conversation_action.text() == "&Registrér samtale…"
    assert lists.scheme_filter.itemText(1) == "Sygedagpenge"
    become(qtbot, window, "AB", language="en")
    assert window.state.value("language") == "en"
    assert lists.sections[Status.RED].title_label.text() == "Overdue"
    assert lists.sections[Status.AMBER].title_label.text() == "Within 3 weeks"
    assert model.headerData(CaseTableModel.CASEWORKER, Qt.Orientation.Horizontal) == "Caseworker"
    assert window.tabs.tabText(0).startswith("Cases (")
    assert lists.owner_filter.currentText() == "My cases (AB)"
    become(qtbot, window, "AB", language="da")
    assert lists.sections[Status.GREEN].title_label.text() == "Rettidig"


def test_a_bad_file_is_refused_with_its_name_and_the_lists_stay(
        qtbot: QtBot, loaded: Session, tmp_path: Path) -> None:
    window = loaded.window
    before = (list_counts(window), window.shown.cases)
    bad = tmp_path / "not-an-export.csv"
    bad.write_text("Fornavn;Efternavn\nAnna;Jensen\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.refused):
        window.importer.import_paths([bad])
    wait_idle(qtbot, window)
    box = window.importer.dialog
    assert isinstance(box, QMessageBox)
    assert box.objectName() == "error-box"
    assert "not-an-export.csv" in box.informativeText()
    assert (list_counts(window), window.shown.cases) == before
    assert window.importer.progress is None


def test_a_truncated_export_is_imported_only_when_confirmed(
        qtbot: QtBot, loaded: Session, tmp_path: Path) -> None:
    window = loaded.window
    before = list_counts(window)
    export = demo.generate(100, seed=7, today=TODAY)
    truncated = demo.write_export(demo.DemoExport(export.cases[:40], ()), tmp_path / "cut")
    with qtbot.waitSignal(window.importer.refused):
        window.importer.import_paths(truncated[:1])
    box = window.importer.dialog
    assert isinstance(box, QMessageBox)
    assert box.objectName() == "truncation-box"
    assert list_counts(window) == before
    anyway = box.findChild(QPushButton, "import-anyway")
    assert anyway is not None
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        anyway.click()
    wait_idle(qtbot, window)
    assert sum(list_counts(window).values()) < sum(before.values())
    summary = close_summary(window)
    assert summary.summary.closed > 0


def test_rejected_rows_are_listed_in_the_summary(
        qtbot: QtBot, loaded: Session, tmp_path: Path, demo_export: list[Path]) -> None:
    window = loaded.window
    events = tmp_path / "haendelser.csv"
    case_id = window.shown.cases[0].case_id
    events.write_text(f"Sags-ID;Dato;Hændelse\n{case_id};01-11-2026;kaffemøde\n"
                      f"{case_id};02-11-2026;samtale\n", encoding="utf-8")
    import_and_wait(qtbot, window, [demo_export[0], events])
    dialog = close_summary(window)
    table = dialog.rejected_rows
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "haendelser.csv"
    assert "kaffemøde" in table.item(0, 3).text()


def test_dropping_files_on_the_window_imports_them(
        qtbot: QtBot, session: Session, demo_export: list[Path]) -> None:
    window = session.window
    dismiss_demo_offer(window)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in demo_export])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        window.dropEvent(event)
    assert sum(list_counts(window).values()) > 0


def test_f5_imports_the_export_folder(
        qtbot: QtBot, session: Session, demo_export: list[Path], tmp_path: Path) -> None:
    window = session.window
    dismiss_demo_offer(window)
    folder = tmp_path / "eksport"
    folder.mkdir()
    for path in demo_export:
        shutil.copy(path, folder)
    window.settings_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.initials.setText("ab")
    dialog.export_folder.setText(str(folder))
    with qtbot.waitSignal(window.refreshed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.shown.settings.my_initials == "AB"
    wait_idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(window.shown.cases) > 200, timeout=30_000)
    summary = close_summary(window)
    assert sorted(Path(name).name for name in summary.summary.files) == \
        sorted(path.name for path in demo_export)


def test_first_start_offers_the_demo_and_yes_loads_it(qtbot: QtBot, session: Session) -> None:
    offer = session.window.shown.dialog
    assert isinstance(offer, QMessageBox)
    with qtbot.waitSignal(session.window.refreshed, timeout=30_000):
        offer.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot, session.window)
    assert all(list_counts(session.window).values())
    assert session.window.inquiries.open_count() > 0


def test_demo_flag_loads_the_demo_without_asking(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations) -> None:
    running = start_session(arguments(tmp_path / "demo.db", with_demo=True), state,
                            translations, evening_clocks())
    qtbot.addWidget(running.window)
    try:
        with qtbot.waitSignal(running.window.refreshed, timeout=30_000):
            pass
        wait_idle(qtbot, running.window)
        assert sum(list_counts(running.window).values()) > 200
        assert not isinstance(running.window.shown.dialog, QMessageBox)
    finally:
        running.close()


def test_window_layout_and_column_widths_are_remembered(
        qtbot: QtBot, loaded: Session, tmp_path: Path, state: QSettings,
        translations: Translations) -> None:
    window = loaded.window
    header = window.lists.sections[Status.RED].table.horizontalHeader()
    header.resizeSection(CaseTableModel.NAME, 333)
    window.resize(640, 480)
    size = window.size()
    assert size.height() == 480
    window.close()
    again = start_session(arguments(tmp_path / "workbench.db"), state, translations,
                          evening_clocks())
    qtbot.addWidget(again.window)
    try:
        wait_idle(qtbot, again.window)
        restored = again.window.lists.sections[Status.RED].table.horizontalHeader()
        assert restored.sectionSize(CaseTableModel.NAME) == 333
        assert again.window.size() == size
    finally:
        again.close()


def next_tab_stop(widget: QWidget) -> QWidget:
    """The widget Tab moves to from ``widget``."""
    candidate = widget.nextInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isVisible()):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_runs_from_search_through_the_lists(loaded: Session) -> None:
    lists = loaded.window.lists
    assert next_tab_stop(lists.search) is lists.scheme_filter
    assert next_tab_stop(lists.scheme_filter) is lists.owner_filter
    tables = [lists.sections[status].table for status in Status]
    assert next_tab_stop(lists.owner_filter) is tables[0]
    assert next_tab_stop(tables[0]) is tables[1]
    assert next_tab_stop(tables[1]) is tables[2]


def test_the_selected_case_stays_selected_while_searching_without_reloading_it(
        qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    row = visible_rows(window, Status.AMBER)[3]
    assert window.lists.select_case(row.case_id)
    qtbot.waitUntil(lambda: window.panel.case_id == row.case_id)
    wait_idle(qtbot, window)
    qtbot.keyClicks(window.lists.search, row.name.split()[0])
    assert not window.backend.busy, "typing must not reload the case from the database"
    table = window.lists.sections[Status.AMBER].table
    selected = table.selectionModel().selectedRows()
    assert [table.model().index(index.row(), CaseTableModel.CASE_ID).data()
            for index in selected] == [row.case_id]


def test_a_shorter_amber_window_renames_the_list_and_matches_the_cli(
        qtbot: QtBot, loaded: Session, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    window = loaded.window
    window.settings_action.trigger()
    dialog = window.shown.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.amber_days.setValue(14)
    dialog.closure_date.setDate(dialog.closure_date.date().addDays(3))
    dialog.add_closure.click()
    with qtbot.waitSignal(window.refreshed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_idle(qtbot, window)
    assert window.shown.settings is not None
    assert window.shown.settings.amber_days == 14
    assert len(window.shown.settings.closure_days) == 1
    assert window.lists.sections[Status.AMBER].title_label.text() == "Inden for 2 uger"
    expected = cli_status(database_of(loaded, tmp_path), capsys)
    assert list_counts(window) == {"red": expected["red"], "amber": expected["amber"],
                                   "green": expected["green"]}


def test_python_m_ui_offers_the_documented_options() -> None:
    result = subprocess.run([sys.executable, "-m", "ui", "--help"], capture_output=True,
                            text=True, check=True, timeout=60)
    for option in ("--db", "--demo", "--today"):
        assert option in result.stdout


def test_a_note_added_in_the_panel_shows_at_once(qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    become(qtbot, window, "AB")
    show_everyones_cases(window)
    row = visible_rows(window, Status.GREEN)[0]
    assert window.lists.select_case(row.case_id)
    qtbot.waitUntil(lambda: window.panel.case_id == row.case_id)
    panel = window.panel
    assert not panel.note_button.isEnabled()
    qtbot.keyClicks(panel.note_text, "Ringede, aftalt møde")
    assert panel.note_button.isEnabled()
    with qtbot.waitSignal(window.refreshed):
        qtbot.mouseClick(panel.note_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert panel.detail is not None
    assert [(note.author, note.text) for note in panel.detail.notes] == \
        [("AB", "Ringede, aftalt møde")]
    assert panel.notes.index(0, 2).data() == "Ringede, aftalt møde"
    assert panel.tabs.tabText(1) == "Noter (1)"
    assert panel.note_text.toPlainText() == ""


def test_refreshes_asked_for_while_one_runs_fold_into_one(
        qtbot: QtBot, loaded: Session) -> None:
    window = loaded.window
    drawn: list[None] = []
    window.full_refresh.drawn.connect(lambda: drawn.append(None))
    for _ in range(4):
        window.full_refresh.read()
    wait_idle(qtbot, window)
    assert len(drawn) == 2
