"""Starting the window: read the settings, ask who I am, offer the demo, or a backup.

``StartUp`` runs once the worker has opened the database (or failed to): the first full
read follows, or the demo offer on an empty database; a database that cannot be opened is
said so, and a damaged one with an intact backup is offered that backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ui import jobs, texts
from ui.backend import Backend
from ui.i18n import current_language
from ui.importing import ImportController, error_box
from ui.ops import EVERYTHING, Changes, Operations
from ui.settingsactions import SettingsActions
from ui.shown import Shown
from workbench.backups import CorruptDatabaseError, backup_time
from workbench.errors import WorkbenchError


class StartUp(QObject):
    """The window's start: settings first, then the data (or the demo, or a backup)."""

    #: The database is open and the settings are read, and the lists are drawn if there
    #: are any: the reminders may start.
    started = Signal()

    def __init__(self, backend: Backend, operations: Operations, shown: Shown,
                 settings: SettingsActions, importer: ImportController, *, demo: bool,
                 window: QMainWindow) -> None:
        super().__init__(window)
        self._backend = backend
        self._operations = operations
        self._shown = shown
        self._settings = settings
        self._importer = importer
        self._demo = demo
        self._window = window

    def start(self) -> None:
        """Read the settings; then show the data, or offer the demo on an empty database."""
        self._backend.submit(jobs.start_up, on_done=self._started,
                             on_error=self._operations.show_error)

    def _started(self, start: jobs.StartUp) -> None:
        self._shown.profiles = start.profiles
        self._settings.apply(start.settings)
        if not start.settings.my_initials and not self._demo:
            # Who am I, before anything else (the demo's people are fictional: it waits).
            self._shown.dialog = self._settings.ask_who(then=lambda: self._show(start))
        elif not start.empty:
            # The lists first: what is not the lists (the reminders, their scheduler and
            # first checks, the tray) starts once the first full read is drawn.
            self._operations.drawn.connect(self._first_drawn)
            self._show(start)
            return
        else:
            self._show(start)
        self.started.emit()

    def _first_drawn(self, changes: Changes) -> None:
        if not changes.full:
            return  # an inquiries read the settings asked for, drawn before the lists
        self._operations.drawn.disconnect(self._first_drawn)
        self.started.emit()

    def _show(self, start: jobs.StartUp) -> None:
        """Show the data, or offer the demo on an empty database (or load it: --demo)."""
        if start.empty and self._demo:
            self._importer.import_demo()
        elif start.empty:
            self._shown.dialog = self._offer_demo()
        else:
            self._operations.apply(EVERYTHING, self)

    def _offer_demo(self) -> QMessageBox:
        """First start on an empty database: offer the fictional demo caseload."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Welcome"),
                          self.tr("The database is empty."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self._window)
        box.setObjectName("demo-offer")
        box.setInformativeText(self.tr(
            "Load a demo caseload of fictional citizens to try the workbench? You can "
            "import your own export later (Import now, F5)."))
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self._importer.import_demo)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def cannot_open(self, error: WorkbenchError) -> None:
        """The database cannot be opened: say so, and close when the user has read it.

        A damaged database with an intact backup is offered that backup instead.
        """
        if isinstance(error, CorruptDatabaseError) and error.backup is not None:
            self._shown.dialog = self._offer_backup(error.path, error.backup)
            return
        box = error_box(self._window, self.tr("Caseworker Workbench"),
                        self.tr("The database could not be opened."),
                        error.in_language(current_language()))
        box.finished.connect(self._window.close)
        self._shown.dialog = box

    def _offer_backup(self, database: Path, backup: Path) -> QMessageBox:
        """Ask to restore the latest backup (named by its time); No closes the window."""
        made = backup_time(backup)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Caseworker Workbench"), texts.fill(
            self.tr("The database is damaged and cannot be opened. Restore the latest "
                    "backup, from %1?"), f"{texts.format_date(made.date())} {made:%H:%M}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._window)
        box.setObjectName("restore-offer")
        box.setInformativeText(self.tr("Work registered after the backup must be registered "
                                       "again. The damaged file is kept beside it."))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _result: self._restore(database, backup)
                             if box.clickedButton() is restore else self._window.close())
        box.open()
        return box

    def _restore(self, database: Path, backup: Path) -> None:
        """Restore the backup in the worker thread, then start as usual."""
        self._backend.open(lambda: jobs.restore_and_open(database, backup),
                           on_done=lambda _: self.start(), on_error=self.cannot_open)
