"""Start at logon: the workbench starts with the user's session, so reminders start too.

Windows: a value in the user's Run key (``HKCU/Software/Microsoft/Windows/CurrentVersion/Run``
through ``QSettings``' native format; no administrator rights). Linux and other freedesktop
systems: an XDG autostart entry, ``~/.config/autostart/<app id>.desktop``. Either holds the
command that starts this program on this database: the installed ``workbench-gui.exe``, or
``python -m ui`` in a source checkout.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QWidget

from ui.appid import DESKTOP_FILE_NAME

RUN_KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"
RUN_VALUE = "CaseworkerWorkbench"
#: The database this process runs on (``--db``), so logon starts the same one.
_database: list[str | None] = [None]


def remember_database(database: str | None) -> None:
    """Note the ``--db`` this workbench was started with (the app does, at start)."""
    _database[0] = database


def start_command(database: str | None = None) -> list[str]:
    """The command line that starts this workbench (the bundle's exe, or ``python -m ui``).

    Without ``database``, the one this process was started with.
    """
    database = database if database is not None else _database[0]
    command = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m",
                                                                       "ui"]
    if database:
        command += ["--db", database]
    return command


class LogonStart(Protocol):
    """Where the system keeps "start this at logon"."""

    def enabled(self) -> bool:
        """True when the workbench starts at logon."""
        ...

    def set_enabled(self, enabled: bool, command: Sequence[str]) -> None:
        """Start ``command`` at logon, or no longer."""
        ...


class RunKeyStart:
    """The Windows Run key of the current user (or any ``QSettings`` standing in for it)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings(RUN_KEY, QSettings.Format.NativeFormat)

    def enabled(self) -> bool:
        """True when the Run key has the workbench's value."""
        return bool(self.settings.value(RUN_VALUE, ""))

    def set_enabled(self, enabled: bool, command: Sequence[str]) -> None:
        """Write or remove the workbench's value (a quoted Windows command line)."""
        if enabled:
            self.settings.setValue(RUN_VALUE, subprocess.list2cmdline(list(command)))
        else:
            self.settings.remove(RUN_VALUE)
        self.settings.sync()


class XdgAutostart:
    """An XDG autostart entry in ``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``)."""

    def __init__(self, folder: Path | None = None) -> None:
        config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        self.path = (folder or Path(config) / "autostart") / f"{DESKTOP_FILE_NAME}.desktop"

    def enabled(self) -> bool:
        """True when the autostart entry exists and is not switched off."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return False
        return "Hidden=true" not in text and "X-GNOME-Autostart-enabled=false" not in text

    def set_enabled(self, enabled: bool, command: Sequence[str]) -> None:
        """Write or remove the autostart entry."""
        if not enabled:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        exec_line = " ".join(shlex.quote(part).replace("%", "%%") for part in command)
        self.path.write_text(
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Caseworker Workbench\n"
            f"Exec={exec_line}\n"
            f"Icon={DESKTOP_FILE_NAME}\n"
            "X-GNOME-Autostart-enabled=true\n",
            encoding="utf-8")


def logon_start(platform: str = sys.platform) -> LogonStart:
    """The place of "start at logon" on this system."""
    if platform == "win32":
        return RunKeyStart()
    return XdgAutostart()


class LogonCheckBox(QCheckBox):
    """Settings' "Start the workbench when I log on": shows and changes the system's entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start-at-logon")
        self.place = logon_start()
        self.setText(self.tr("&Start the workbench when I log on (reminders from the start)"))
        self.setChecked(self.place.enabled())

    def apply(self) -> None:
        """Write the choice to the system, if it changed."""
        if self.isChecked() != self.place.enabled():
            self.place.set_enabled(self.isChecked(), start_command())
