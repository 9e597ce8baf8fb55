"""The tray icon: a desktop message when a reminder is due, and the waiting count.

A caseworker on the phone has the workbench behind other windows; the tray message reaches
them there, and clicking it opens the inquiry. The icon's tooltip says how many of their
inquiries wait for a reply. On a desktop without a system tray there is no icon at all,
and the window's nag bar alone does the job.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from ui.icons import app_icon
from ui.jobs import DueNag
from ui.nagbar import most_pressing_first, nag_text

# How long a tray message stays up, in milliseconds (the desktop may choose otherwise).
MESSAGE_MS = 15_000


class NagTray(QObject):
    """The workbench's tray icon and its reminder messages."""

    # The user clicked the message of this reminder.
    nag_clicked = Signal(object)
    # The user clicked the icon itself: bring the window up.
    window_requested = Signal()

    def __init__(self, icon: QSystemTrayIcon | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = icon if icon is not None else QSystemTrayIcon(app_icon())
        self.icon.setParent(self)
        self.shown: DueNag | None = None
        self.icon.messageClicked.connect(self._message_clicked)
        self.icon.activated.connect(self._activated)
        self.set_waiting(None)

    @classmethod
    def if_available(cls, parent: QObject | None = None) -> NagTray | None:
        """A tray icon if the desktop has a system tray; None if it has none."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        return cls(parent=parent)

    def show(self) -> None:
        """Put the icon in the tray."""
        self.icon.show()

    def hide(self) -> None:
        """Take the icon out of the tray."""
        self.icon.hide()

    def set_waiting(self, count: int | None) -> None:
        """Say on the tooltip how many inquiries wait for a reply (None: not known yet)."""
        name = self.tr("Caseworker Workbench")
        if count is None:
            self.icon.setToolTip(name)
        else:
            self.icon.setToolTip(f"{name}\n" + self.tr("%n inquiry(s) waiting for a reply",
                                                       "", count))

    def show_nags(self, nags: Sequence[DueNag]) -> None:
        """One message for the reminders just due: the most urgent, and how many more."""
        if not nags:
            return
        ordered = most_pressing_first(nags)
        self.shown = ordered[0]
        body = nag_text(self.shown)
        if len(ordered) > 1:
            body += "\n" + self.tr("%n more reminder(s) in the workbench", "", len(ordered) - 1)
        urgent = self.shown.nag.urgent
        title = self.tr("Overdue inquiry") if urgent else self.tr("Reminder")
        icon = (QSystemTrayIcon.MessageIcon.Warning if urgent
                else QSystemTrayIcon.MessageIcon.Information)
        self.icon.showMessage(title, body, icon, MESSAGE_MS)

    def _message_clicked(self) -> None:
        if self.shown is not None:
            self.nag_clicked.emit(self.shown)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.window_requested.emit()
