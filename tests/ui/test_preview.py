"""'Vis først': the window's preview of an import changes nothing, then imports on request."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle
from tests.ui.test_window import close_summary, dismiss_demo_offer, import_and_wait
from ui.app import Session
from ui.preview import ImportPreviewDialog
from workbench.siteconfig import SITE_CONFIG_ENV

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def database_files(database: Path) -> dict[str, str]:
    """The database, its write-ahead log and its backups, each with its hash.

    The shared-memory index (-shm) is left out: SQLite rewrites it on reads too.
    """
    files = [*database.parent.glob(database.name + "*"), *database.parent.glob("backups/*")]
    files = [path for path in files if not path.name.endswith("-shm")]
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(files)}


def preview(qtbot: QtBot, session: Session, paths: list[Path]) -> ImportPreviewDialog:
    """Run 'Vis først' on ``paths`` and return the dialog it opens."""
    window = session.window
    with qtbot.waitSignal(window.importer.previewed, timeout=30_000):
        window.importer.preview_paths(paths)
    wait_idle(qtbot, window)
    dialog = window.importer.dialog
    assert isinstance(dialog, ImportPreviewDialog)
    return dialog


def test_the_preview_shows_tables_counts_and_unknown_words_and_changes_nothing(
    qtbot: QtBot, session: Session, demo_export: list[Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session.window
    dismiss_demo_offer(window)
    import_and_wait(qtbot, window, demo_export)
    close_summary(window)
    it_folder = tmp_path / "it"
    (it_folder / "mappings").mkdir(parents=True)
    monkeypatch.setenv(SITE_CONFIG_ENV, str(it_folder / "config.toml"))
    (it_folder / "mappings" / "kommune.toml").write_text(
        '[values."Hændelse"]\n"samtale" = ["Kaffesamtale"]\n', encoding="utf-8")
    case_id = window.shown.cases[0].case_id
    events = tmp_path / "haendelser.csv"
    events.write_text(f"Sags-ID;Dato;Hændelse\n{case_id};01-11-2026;kaffemøde\n"
                      f"{case_id};02-11-2026;Kaffesamtale\n{case_id};03-11-2026;Kaffemøde\n",
                      encoding="utf-8")
    database = tmp_path / "workbench.db"
    before = database_files(database)
    lists_before = [row.case_id for row in window.shown.cases]

    dialog = preview(qtbot, session, [demo_export[0], events])

    assert database_files(database) == before
    assert [row.case_id for row in window.shown.cases] == lists_before
    tables = dialog.tables
    assert [tables.item(row, 0).text() for row in range(tables.rowCount())] == [
        demo_export[0].name, "haendelser.csv"]
    assert tables.item(0, 1).text() == "sager" and tables.item(1, 3).text() == "canonical"
    assert dialog.values["events_added"].text() == "1"
    assert dialog.values["rejected"].text() == "2"
    words = dialog.unknown_words
    assert words.rowCount() == 1
    assert [words.item(0, column).text() for column in range(4)] == [
        "Hændelse", "kaffemøde", "2", "haendelser.csv, linje 2"]  # the window speaks Danish
    assert dialog.rejected_rows.rowCount() == 2
    assert not dialog.warning.isVisibleTo(dialog)

    button = dialog.findChild(QPushButton, "preview-import")
    assert button is not None
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        button.click()
    wait_idle(qtbot, window)
    summary = close_summary(window)
    assert summary.summary.events_added == 1
    assert len(database_files(database)) == len(before) + 1  # the import's backup


def test_closing_the_preview_imports_nothing(
    qtbot: QtBot, session: Session, demo_export: list[Path], tmp_path: Path
) -> None:
    dismiss_demo_offer(session.window)
    database = tmp_path / "workbench.db"
    before = database_files(database)

    dialog = preview(qtbot, session, demo_export)
    assert dialog.values["new"].text() == "300"
    dialog.reject()
    wait_idle(qtbot, session.window)

    assert database_files(database) == before
    assert session.window.shown.cases == ()


def test_the_preview_action_asks_for_files_in_the_export_folder(
    qtbot: QtBot, session: Session
) -> None:
    window = session.window
    dismiss_demo_offer(window)

    window.preview_import_action.trigger()

    chooser = window.importer.dialog
    assert isinstance(chooser, QFileDialog)
    assert chooser.fileMode() is QFileDialog.FileMode.ExistingFiles
    chooser.reject()
