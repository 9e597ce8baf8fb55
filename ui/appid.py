"""The app's identity for the desktop's notifications and taskbar.

Windows groups a process's taskbar button and attributes its toasts by its
AppUserModelID; without one, a tray message from ``python.exe`` or a PyInstaller exe shows
under a generic name and the Action Center cannot link it to the start-menu entry. The
installer's shortcut carries the same id (``workbench.iss``, [Icons] ``AppUserModelID``).
On Linux the desktop (notification portal, Wayland) identifies the app by its .desktop
file's name, which ``installer/linux`` installs.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

#: The Windows AppUserModelID (also in installer/windows/workbench.iss).
APP_USER_MODEL_ID = "Jobcenter.CaseworkerWorkbench"
#: The freedesktop application id (installer/linux/<id>.desktop).
DESKTOP_FILE_NAME = "dk.jobcenter.CaseworkerWorkbench"


def _windows_setter() -> Callable[[str], object]:
    """shell32's SetCurrentProcessExplicitAppUserModelID (Windows only)."""
    shell32 = getattr(ctypes, "windll").shell32  # noqa: B009 - windll exists on Windows only
    setter: Callable[[str], object] = shell32.SetCurrentProcessExplicitAppUserModelID
    return setter


def set_app_id(app: QGuiApplication, platform: str = sys.platform,
               windows_setter: Callable[[], Callable[[str], object]] = _windows_setter,
               ) -> str:
    """Give this process the app's id; returns the id the platform uses."""
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    if platform == "win32":
        windows_setter()(APP_USER_MODEL_ID)
        return APP_USER_MODEL_ID
    return DESKTOP_FILE_NAME
