"""An unexpected error shows a copyable report without CPR numbers, and is logged."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ui import app
from ui.crash import CrashDialog
from workbench import logs

# The offscreen platform has no window system to pass size hints on to.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _raise_with_cpr() -> None:
    raise RuntimeError("cannot draw case of 010190-1234")


def _unexpected() -> CrashDialog:
    try:
        _raise_with_cpr()
    except RuntimeError:
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        dialog = app._report_unexpected(kind, error, trace)
    assert dialog is not None
    return dialog


def test_the_dialog_shows_the_masked_report_and_copies_it(qtbot: QtBot) -> None:
    dialog = _unexpected()
    qtbot.waitUntil(dialog.isVisible)

    report = dialog.text.toPlainText()
    assert report.rstrip().endswith("RuntimeError: cannot draw case of 010190-xxxx")
    assert "_raise_with_cpr" in report and "Python " in report
    assert "1234" not in report
    assert "RuntimeError: cannot draw case of 010190-xxxx" in dialog.message.text()

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    dialog.reject()


def test_the_error_is_logged_masked(qtbot: QtBot, private_log_folder: Path) -> None:
    path = logs.configure_logging()
    dialog = _unexpected()
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = path.read_text(encoding="utf-8")
    assert "unexpected error" in written and "010190-xxxx" in written
    assert "010190-1234" not in written
    dialog.reject()
