"""Fixtures of the UI tests: isolated translations and window state, a running workbench."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
#: How long a wait for a signal or a condition lasts before the test fails: how long a failing
#: test hangs, not a speed bound. pytest-qt's default of 5 s is within reach of a loaded
#: machine, where a thread of the test's own process was measured 3 s behind the UI thread.
WAIT_MS = 20_000


class PatientQtBot(QtBot):
    """``qtbot`` whose waits without a timeout of their own wait WAIT_MS."""

    def waitSignal(self, signal: Any, *, timeout: int = WAIT_MS,  # noqa: N802 - pytest-qt API
                   **options: Any) -> Any:
        return super().waitSignal(signal, timeout=timeout, **options)

    def waitSignals(self, signals: Any, *, timeout: int = WAIT_MS,  # noqa: N802 - pytest-qt API
                    **options: Any) -> Any:
        return super().waitSignals(signals, timeout=timeout, **options)

    def waitUntil(self, callback: Callable[[], bool | None], *,  # noqa: N802 - pytest-qt API
                  timeout: int = WAIT_MS) -> None:
        super().waitUntil(callback, timeout=timeout)


@pytest.fixture
def qtbot(qapp: QApplication, request: pytest.FixtureRequest) -> QtBot:
    """pytest-qt's ``qtbot``, patient enough for a shared machine (see WAIT_MS)."""
    return PatientQtBot(request)


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


@pytest.fixture(autouse=True)
def collecting() -> Iterator[None]:
    """Python collects by itself again after each test (a session's collector pauses it)."""
    yield
    gc.enable()


@pytest.fixture
def state(tmp_path: Path) -> QSettings:
    """Window geometry and column widths, kept in this test's own file."""
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A fictional central export of 300 cases, written on TODAY."""
    folder = tmp_path_factory.mktemp("export")
    return demo.write_export(demo.generate(DEMO_CASES, seed=7, today=TODAY), folder)


def evening_clocks(day: dt.date = TODAY) -> ReminderClocks:
    """Reminder clocks fixed at 18:00 on ``day``, after working hours.

    With the real clock, a suite run between 08 and 16 would see the morning digest appear
    (and be recorded in the database) in tests that are not about reminders.
    """
    evening = dt.datetime.combine(day, dt.time(18, 0))
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


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = WAIT_MS) -> None:
    """Wait until the worker has answered every job sent so far."""
    qtbot.waitUntil(lambda: not window.backend.busy, timeout=timeout)
