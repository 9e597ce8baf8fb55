"""The core's errors reach the window in the window's language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from tests.ui.conftest import wait_idle
from ui.app import Session
from ui.i18n import Translations
from workbench import messages
from workbench.errors import UnknownCaseError
from workbench.session import Workbench

# The offscreen platform says so whenever a dialog opens.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _shown(session: Session) -> str:
    """The detail of the error box the window shows now."""
    box = session.window.shown.dialog
    assert isinstance(box, QMessageBox)
    return box.informativeText()


def test_switching_the_window_switches_the_core(translations: Translations) -> None:
    translations.switch("da")
    assert messages.current_language() == "da"
    assert str(UnknownCaseError("S9")) == "der er ingen sag med Sags-ID 'S9'"
    translations.switch("en")
    assert messages.current_language() == "en"
    assert str(UnknownCaseError("S9")) == "no case with Sags-ID 'S9'"


def test_an_error_from_the_worker_is_shown_in_the_window_language(
        qtbot: QtBot, session: Session, translations: Translations) -> None:
    def unknown_case(workbench: Workbench) -> object:
        return workbench.cases.case_detail("S404", TODAY)

    translations.switch("da")
    session.backend.submit(unknown_case, on_done=print, on_error=session.window.show_error)
    wait_idle(qtbot, session.window)
    assert _shown(session) == "der er ingen sag med Sags-ID 'S404'"

    translations.switch("en")
    session.backend.submit(unknown_case, on_done=print, on_error=session.window.show_error)
    wait_idle(qtbot, session.window)
    assert _shown(session) == "no case with Sags-ID 'S404'"


def test_an_error_made_before_a_switch_is_shown_in_the_new_language(
        session: Session, translations: Translations) -> None:
    translations.switch("da")
    error = UnknownCaseError("S7")
    translations.switch("en")
    session.window.show_error(error)
    assert _shown(session) == "no case with Sags-ID 'S7'"
