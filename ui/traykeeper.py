"""Closing the window keeps the workbench in the tray, so its reminders keep coming.

A caseworker closes the window at lunch as they would any other; the citizen who rang at
11:50 must still be called back by 14:00, so the reminders must keep running. Where the
desktop has a system tray, closing the window hides it: the program and its reminders go
on, the tray icon brings the window back (click, or its menu's "Open"), and File → Quit or
the tray menu's "Quit" end the program. The first time, a one-line tray message says so.
Where there is no tray, closing the window quits, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ui.mainwindow import MainWindow
from ui.singleinstance import bring_forward
from ui.tray import NagTray

#: Remembered once the first-time notice has been shown.
NOTICE_SHOWN_KEY = "tray/close-notice-shown"
NOTICE_MS = 10_000


class TrayKeeper(QObject):
    """Hides the window on close while a tray icon can bring it back; quits on Quit."""

    # The window was hidden to the tray (tests wait for it).
    hidden_to_tray = Signal()
    # The program is to end: File → Quit or the tray menu's Quit.
    quit_requested = Signal()

    def __init__(self, window: MainWindow, tray: NagTray, state: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.tray = tray
        self.state = state
        self.quitting = False
        self.menu = QMenu(window)
        self.menu.setObjectName("tray-menu")
        self.open_action = QAction(self.menu)
        self.open_action.triggered.connect(lambda _checked=False: bring_forward(window))
        self.quit_action = QAction(self.menu)
        self.quit_action.triggered.connect(lambda _checked=False: self.quit())
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        tray.icon.setContextMenu(self.menu)
        # File → Quit ends the program instead of closing (that is, hiding) the window.
        window.quit_action.triggered.disconnect()
        window.quit_action.triggered.connect(lambda _checked=False: self.quit())
        window.installEventFilter(self)
        # Logging off or shutting down Windows closes the window for real.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.commitDataRequest.connect(self.session_ending)
        self.retranslate()

    def session_ending(self, _manager: object = None) -> None:
        """The desktop session ends: let the window close instead of hiding it."""
        self.quitting = True

    def retranslate(self) -> None:
        """Set the menu's texts in the current language."""
        self.open_action.setText(self.tr("&Open Caseworker Workbench"))
        self.quit_action.setText(self.tr("&Quit"))

    def quit(self) -> None:
        """End the program: the window closes for real and the event loop stops."""
        self.quitting = True
        self.window.close()
        self.quit_requested.emit()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """A close of the window hides it instead, unless the program is quitting."""
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if (watched is self.window and event.type() == QEvent.Type.Close
                and not self.quitting and self.tray.icon.isVisible()):
            event.ignore()
            self.window.save_state()
            # Hidden, the window is no longer "the last window": only Quit ends the program.
            QApplication.setQuitOnLastWindowClosed(False)
            self.window.hide()
            self._first_time_notice()
            self.hidden_to_tray.emit()
            return True
        return super().eventFilter(watched, event)

    def _first_time_notice(self) -> None:
        """Once per user: say that the workbench is still running, and where."""
        if self.state.value(NOTICE_SHOWN_KEY, False, type=bool):
            return
        self.tray.icon.showMessage(
            self.tr("Caseworker Workbench is still running"),
            self.tr("Reminders keep coming; the tray icon opens the window, its menu quits."),
            QSystemTrayIcon.MessageIcon.Information, NOTICE_MS)
        self.state.setValue(NOTICE_SHOWN_KEY, True)
