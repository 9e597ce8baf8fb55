"""The settings and "who am I": the settings dialog, the identity dialog, and applying them.

Every registration records who made it, so the controllers ask ``have_initials`` first; it
opens the identity dialog when the initials are missing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui import ops
from ui.dialogs import SettingsDialog
from ui.i18n import Translations, current_language
from ui.identity import IdentityDialog
from ui.ops import Operations
from ui.shown import Shown

if TYPE_CHECKING:
    from workbench.settings import Settings


class SettingsActions(QObject):
    """Opens the settings and identity dialogs, saves and applies the settings."""

    #: The settings read or saved now are in force (the window shows the profile).
    applied = Signal(object)
    #: A short message for the status bar.
    status = Signal(str)

    def __init__(self, operations: Operations, shown: Shown, state: QSettings,
                 translations: Translations | None, today: Callable[[], dt.date],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._operations = operations
        self._shown = shown
        self._state = state
        self._translations = translations
        self._today = today
        self._window = parent

    def apply(self, settings: Settings) -> None:
        """Put ``settings`` in force: remember them, switch the language if it changed."""
        self._shown.settings = settings
        if self._translations is not None and settings.language != current_language():
            self._translations.try_switch(settings.language)
        if self._state.value("language") != settings.language:
            # Remembered outside the database, so the next start opens in it at once.
            self._state.setValue("language", settings.language)
        self.applied.emit(settings)

    def open_settings(self) -> None:
        """Open the settings dialog (once they have been read from the database)."""
        settings = self._shown.settings
        if settings is None:
            return
        dialog = SettingsDialog(settings, self._shown.profiles or (settings.profile_name,),
                                self._shown.teams(), self._today(), self._window)
        dialog.submitted.connect(self.save_settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._shown.dialog = dialog

    def save_settings(self, settings: Settings) -> None:
        """Store new settings; everything is read again with them (the amber window)."""
        ops.save_settings(settings).run(self._operations, self)

    def have_initials(self) -> bool:
        """Registrations carry the caseworker's initials: ask for them if they are missing."""
        if self._shown.initials:
            return True
        self._shown.dialog = self.ask_who()
        self.status.emit(self.tr("Every registration records who made it: enter your "
                                 "initials, then register again."))
        return False

    def ask_who(self, then: Callable[[], None] | None = None) -> IdentityDialog:
        """Ask for my initials and team; save them; then ``then`` (answered or not)."""
        current = self._shown.settings
        dialog = IdentityDialog(self._shown.teams(), current.my_initials if current else "",
                                (current.my_team or "") if current else "", self._window)

        def save(initials: str, team: str) -> None:
            if self._shown.settings is not None:
                self.save_settings(dataclasses.replace(self._shown.settings,
                                                       my_initials=initials,
                                                       my_team=team or None))

        dialog.submitted.connect(save)
        if then is not None:
            dialog.finished.connect(lambda _result: then())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
