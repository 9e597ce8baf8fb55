"""Living on the desktop: one instance per database, the tray, start at logon, the app id."""

from __future__ import annotations

import configparser
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.ui.conftest import arguments, evening_clocks, wait_idle
from ui import app as app_module
from ui import autostart
from ui.app import Session, start_session
from ui.appid import APP_USER_MODEL_ID, DESKTOP_FILE_NAME, set_app_id
from ui.autostart import LogonCheckBox, RunKeyStart, XdgAutostart, start_command
from ui.i18n import Translations
from ui.singleinstance import SingleInstance, instance_key
from ui.tray import NagTray
from ui.traykeeper import NOTICE_SHOWN_KEY

# The offscreen platform cannot do what a desktop's window manager does with a window.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise\(\)|requestActivate\(\))")

# -- one instance per database ------------------------------------------------------------


@pytest.fixture
def first(tmp_path: Path) -> Iterator[SingleInstance]:
    """The first workbench on a database, holding its lock."""
    instance = SingleInstance(instance_key(str(tmp_path / "workbench.db")), tmp_path)
    assert instance.acquire()
    yield instance
    instance.release()


def test_a_second_start_on_the_same_database_is_refused_and_wakes_the_first(
        qtbot: QtBot, tmp_path: Path, first: SingleInstance) -> None:
    # Another spelling of the same file is the same database.
    second = SingleInstance(instance_key(str(tmp_path / "." / "workbench.db")), tmp_path)
    assert second.key == first.key
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.ask_running_instance()


def test_another_database_runs_beside_it_and_a_released_lock_is_free(
        tmp_path: Path, first: SingleInstance) -> None:
    other = SingleInstance(instance_key(str(tmp_path / "test.db")), tmp_path)
    assert other.acquire()
    other.release()
    first.release()
    again = SingleInstance(first.key, tmp_path)
    assert again.acquire()
    again.release()


def test_the_lock_of_a_crashed_workbench_is_taken_over(tmp_path: Path) -> None:
    key = instance_key(str(tmp_path / "workbench.db"))
    # A process that took the lock and died without releasing it.
    script = ("import sys, os; from PySide6.QtCore import QLockFile; "
              f"lock = QLockFile({str(tmp_path / (key + '.lock'))!r}); "
              "assert lock.tryLock(0); os._exit(0)")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert (tmp_path / f"{key}.lock").exists()
    survivor = SingleInstance(key, tmp_path)
    assert survivor.acquire()
    survivor.release()


def test_a_second_start_shows_the_running_window_and_ends(
        qtbot: QtBot, tmp_path: Path, first: SingleInstance,
        capsys: pytest.CaptureFixture[str]) -> None:
    second = SingleInstance(first.key, tmp_path)
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert app_module.refuse_second_start(second) == 0
    assert "already running on this database" in capsys.readouterr().err
    first.release()  # a holder that does not answer (stopped in a debugger, say)
    held = QLockFile(str(first.lock_path))
    assert held.tryLock(0)
    try:
        assert app_module.refuse_second_start(SingleInstance(first.key, tmp_path)) == 2
        assert "does not answer" in capsys.readouterr().err
    finally:
        held.unlock()
    third = SingleInstance(first.key, tmp_path)
    assert app_module.refuse_second_start(third) is None
    third.release()


# -- the tray -----------------------------------------------------------------------------


class TrayIcon(QSystemTrayIcon):
    """A tray icon that records its messages instead of asking the desktop to show them."""

    def __init__(self) -> None:
        super().__init__(QIcon())
        self.messages: list[str] = []
        self.visible = False

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def isVisible(self) -> bool:  # noqa: N802 - Qt API
        return self.visible

    def showMessage(self, title: str, body: str,  # noqa: N802 - Qt API
                    icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None:
        self.messages.append(title)


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> Iterator[TrayIcon]:
    """A desktop with a system tray."""
    icon = TrayIcon()
    monkeypatch.setattr(NagTray, "if_available", lambda parent=None: NagTray(icon))
    yield icon
    QApplication.setQuitOnLastWindowClosed(True)


def started(qtbot: QtBot, tmp_path: Path, state: QSettings,
            translations: Translations) -> Session:
    session = start_session(arguments(tmp_path / "workbench.db"), state, translations,
                            evening_clocks())
    qtbot.addWidget(session.window)
    qtbot.waitUntil(lambda: session.reminders.tray is not None
                    and session.reminders.tray.icon.isVisible(), timeout=20_000)
    wait_idle(qtbot, session.window)
    return session


def test_closing_the_window_keeps_the_reminders_running_in_the_tray(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations,
        with_tray: TrayIcon) -> None:
    session = started(qtbot, tmp_path, state, translations)
    assert session.keeper is not None
    try:
        with qtbot.waitSignal(session.keeper.hidden_to_tray):
            session.window.close()
        assert session.window.isHidden()
        assert with_tray.messages == ["Caseworker Workbench kører stadig"]  # in Danish, the default
        assert state.value(NOTICE_SHOWN_KEY, False, type=bool)
        # The reminders still check while the window is hidden.
        with qtbot.waitSignal(session.reminders.checked, timeout=20_000):
            session.reminders.check_nags()
        # The tray icon brings the window back; a second close says nothing more.
        session.reminders.tray.window_requested.emit()  # type: ignore[union-attr]
        assert session.window.isVisible()
        session.window.close()
        assert session.window.isHidden()
        assert with_tray.messages == ["Caseworker Workbench kører stadig"]  # in Danish, the default
    finally:
        session.close()


def test_quit_ends_the_program_instead_of_hiding(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations,
        with_tray: TrayIcon) -> None:
    session = started(qtbot, tmp_path, state, translations)
    assert session.keeper is not None
    try:
        with qtbot.waitSignal(session.keeper.quit_requested):
            session.window.quit_action.trigger()
        assert session.keeper.quitting and not session.window.isVisible()
        assert with_tray.messages == []
        menu = [action.text() for action in session.keeper.menu.actions() if action.text()]
        assert menu == ["&Åbn Caseworker Workbench", "&Afslut"]
    finally:
        session.close()


def test_a_logoff_closes_the_window_for_real(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations,
        with_tray: TrayIcon) -> None:
    session = started(qtbot, tmp_path, state, translations)
    assert session.keeper is not None
    try:
        session.keeper.session_ending()
        assert session.window.close()
        assert not session.window.isVisible() and with_tray.messages == []
    finally:
        session.close()


def test_without_a_tray_closing_the_window_closes_it(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NagTray, "if_available", lambda parent=None: None)
    session = start_session(arguments(tmp_path / "workbench.db"), state, translations,
                            evening_clocks())
    qtbot.addWidget(session.window)
    wait_idle(qtbot, session.window)
    try:
        assert session.keeper is None
        assert session.window.close()
        assert not session.window.isVisible()
        assert QApplication.quitOnLastWindowClosed()
    finally:
        session.close()


# -- start at logon -----------------------------------------------------------------------


def test_the_xdg_autostart_entry_starts_this_database(tmp_path: Path) -> None:
    place = XdgAutostart(tmp_path / "autostart")
    assert not place.enabled()
    place.set_enabled(True, start_command("/home/ab/my work.db"))
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(place.path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == f"{sys.executable} -m ui --db '/home/ab/my work.db'"
    assert place.enabled()
    place.set_enabled(False, [])
    assert not place.path.exists() and not place.enabled()


def test_the_windows_run_key_holds_a_quoted_command(tmp_path: Path) -> None:
    # The Run key read through QSettings; an INI file stands in for the registry here.
    key = QSettings(str(tmp_path / "run.ini"), QSettings.Format.IniFormat)
    place = RunKeyStart(key)
    place.set_enabled(True, [r"C:\Program Files\Caseworker Workbench\workbench-gui.exe"])
    assert key.value(autostart.RUN_VALUE) == (
        r'"C:\Program Files\Caseworker Workbench\workbench-gui.exe"')
    assert place.enabled()
    place.set_enabled(False, [])
    assert not place.enabled() and not key.contains(autostart.RUN_VALUE)


def test_the_settings_checkbox_writes_the_logon_entry(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    place = XdgAutostart(tmp_path)
    monkeypatch.setattr(autostart, "logon_start", lambda: place)
    monkeypatch.setattr(autostart, "_database", [str(tmp_path / "w.db")])
    box = LogonCheckBox()
    qtbot.addWidget(box)
    assert not box.isChecked()
    box.setChecked(True)
    box.apply()
    assert place.enabled() and f"--db {tmp_path / 'w.db'}" in place.path.read_text()
    assert LogonCheckBox().isChecked()


# -- the app id -----------------------------------------------------------------------------


def test_the_app_id_reaches_windows_and_the_desktop(qapp: QApplication) -> None:
    ids: list[str] = []
    assert set_app_id(qapp, "win32", lambda: ids.append) == APP_USER_MODEL_ID
    assert ids == [APP_USER_MODEL_ID]
    assert set_app_id(qapp, "linux") == DESKTOP_FILE_NAME
    assert qapp.desktopFileName() == DESKTOP_FILE_NAME
    iss = (Path(__file__).resolve().parents[2] / "installer" / "windows" / "workbench.iss")
    assert f'AppUserModelID: "{APP_USER_MODEL_ID}"' in iss.read_text(encoding="utf-8")
