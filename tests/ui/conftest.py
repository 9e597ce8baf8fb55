"""Fixtures of the UI tests: isolated translations and window state, a running workbench."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from ui.app import Session, start_session
from ui.i18n import Translations
from ui.identity import IdentityDialog
from ui.mainwindow import MainWindow
from ui.scheduling import ReminderClocks
from workbench import demo

DEMO_CASES = 300


@pytest.fixture(scope="session")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Translations]:
    """The app's translators, compiled into a private cache (not the user's)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield Translations()
    patch.undo()


@pytest.fixture(autouse=True)
def english(qapp: QApplication, translations: Translations) -> None:
    """Each test starts in English (the source language) unless it switches."""
    translations.switch("en")


@pytest.fixture
def state(tmp_path: Path) -> QSettings:
    """Window geometry and column widths, kept in this test's own file."""
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A fictional central export of 300 cases, written on TODAY."""
    folder = tmp_path_factory.mktemp("export")
    return demo.write_export(demo.generate(DEMO_CASES, seed=7, today=TODAY), folder)


def evening_clocks() -> ReminderClocks:
    """Reminder clocks fixed at 18:00 on TODAY, after working hours.

    With the real clock, a suite run between 08 and 16 would see the morning digest appear
    (and be recorded in the database) in tests that are not about reminders.
    """
    evening = dt.datetime.combine(TODAY, dt.time(18, 0))
    return ReminderClocks(now=lambda: evening)


def arguments(database: Path, *, today: dt.date = TODAY, with_demo: bool = False
              ) -> argparse.Namespace:
    """The command line ``workbench-gui --db … --today …`` parsed."""
    return argparse.Namespace(db=str(database), today=today, demo=with_demo)


@pytest.fixture
def session(qtbot: QtBot, tmp_path: Path, state: QSettings,
            translations: Translations) -> Iterator[Session]:
    """A started workbench on an empty database, its start-up answered."""
    running = start_session(arguments(tmp_path / "workbench.db"), state, translations,
                            evening_clocks())
    qtbot.addWidget(running.window)
    wait_idle(qtbot, running.window)
    # A first start asks who I am before anything else; these tests become someone later.
    asked = running.window.shown.dialog
    assert isinstance(asked, IdentityDialog)
    asked.reject()
    wait_idle(qtbot, running.window)
    yield running
    running.close()


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = 20_000) -> None:
    """Wait until the worker has answered every job sent so far."""
    qtbot.waitUntil(lambda: not window.backend.busy, timeout=timeout)
