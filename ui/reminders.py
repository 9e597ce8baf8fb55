"""Reminders in the window: the scheduled checks, what they show, and the export folder.

On each ``nag-check`` tick the UI thread asks the worker which reminders the core finds due
now (the core records them, so none repeats too soon, across restarts too) and shows them:
in the window's nag bar and, where the desktop has a system tray, as a tray message, with
the number of waiting inquiries on the tray icon's tooltip. Clicking one opens its inquiry.

On each ``export-folder`` tick it asks the worker whether the export folder holds an export
never imported, and imports it quietly, once. An export that failed to import is not tried
again on every tick: the folder's content at the last attempt is remembered until it changes.

Everything here runs in the UI thread; the database is only reached through the backend.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ui import jobs, texts
from ui.nagbar import SNOOZE_HOURS
from ui.scheduling import ReminderClocks, ReminderSchedule, SleepWatch
from ui.tray import NagTray
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow


class Reminders(QObject):
    """Checks on schedule what is due and shows it; imports a new export from the folder."""

    # A check's result has been shown (tests wait for it).
    checked = Signal(object)
    # The export folder has been looked at: the new export found there, or None.
    folder_checked = Signal(object)

    def __init__(self, window: MainWindow, clocks: ReminderClocks,
                 tray: NagTray | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.backend = window.backend
        self.clocks = clocks
        self.tray = tray
        self.schedule = ReminderSchedule(self)
        self.watch = SleepWatch(clocks, self)
        self._active = False
        self._checking = False
        self._looking = False
        self._last_attempt: jobs.Fingerprint | None = None
        # Queued: the checks run in the UI thread's next turn, after the scheduler's own.
        queued = Qt.ConnectionType.QueuedConnection
        self.schedule.nag_check_due.connect(self.check_nags, queued)
        self.schedule.folder_check_due.connect(self.check_folder, queued)
        self.schedule.team_sync_due.connect(self.sync_team, queued)
        self._in_team = False
        window.team_changed.connect(self._team_changed)
        self.watch.woke.connect(self.schedule.run_soon)
        window.nag_bar.open_requested.connect(self.open)
        window.nag_bar.snooze_requested.connect(self.snooze)
        window.started.connect(self.start)
        if tray is not None:
            tray.setParent(self)
            tray.nag_clicked.connect(self._open_from_tray)
            tray.window_requested.connect(self._bring_up_window)

    def start(self) -> None:
        """Check now, then on schedule, and after every sleep."""
        if self._active:
            return
        self._active = True
        if self.tray is not None:
            self.tray.show()
        self.schedule.start()
        self.schedule.set_team_sync(self._in_team)
        self.watch.start()

    @Slot()
    def sync_team(self) -> None:
        """The scheduled team sync: like "Sync now", but a failure is said quietly."""
        if self._active:
            self.window.team_actions.sync_now(quiet=True)

    def _team_changed(self, joined: bool) -> None:
        """Sync on schedule only while the database is in a team."""
        self._in_team = joined
        if self._active:
            self.schedule.set_team_sync(joined)

    def stop(self) -> None:
        """Stop checking (the window is closing)."""
        self._active = False
        self.watch.stop()
        self.schedule.shutdown()
        if self.tray is not None:
            self.tray.hide()

    # -- reminders ------------------------------------------------------------------------

    @Slot()
    def check_nags(self) -> None:
        """Ask the core which reminders are due now; show them when the answer comes."""
        if not self._active or self._checking:
            return
        self._checking = True
        now = self.clocks.now()
        self.backend.submit(lambda workbench: jobs.check_nags(workbench, now),
                            on_done=self._show, on_error=self._check_failed)

    def _show(self, check: jobs.NagCheck) -> None:
        self._checking = False
        if check.nags:
            self.window.nag_bar.show_nags(check.nags)
        if self.tray is not None:
            self.tray.show_nags(check.nags)
            self.tray.set_waiting(check.waiting)
        self.checked.emit(check)

    def _check_failed(self, error: WorkbenchError) -> None:
        """A check that failed says so quietly: it is tried again at the next tick."""
        self._checking = False
        self.window.statusBar().showMessage(texts.fill(
            self.tr("The reminders could not be checked: %1"), error), 15_000)

    def open(self, due: jobs.DueNag) -> None:
        """Show what a reminder is about: its inquiry, or for the digest the overdue list."""
        if due.nag.inquiry_id is None:
            self.window.open_overdue_list()
        else:
            self.window.open_inquiry(due.nag.inquiry_id)
        self.window.nag_bar.drop(due)

    def snooze(self, due: jobs.DueNag) -> None:
        """Silence one inquiry's reminders for a while (the core keeps the snooze)."""
        inquiry_id = due.nag.inquiry_id
        if inquiry_id is None:
            return
        until = self.clocks.now() + dt.timedelta(hours=SNOOZE_HOURS)

        def snoozed(_: None) -> None:
            self.window.nag_bar.drop(due)
            self.window.statusBar().showMessage(texts.fill(
                self.tr("No reminders about %1 until %2."), due.citizen or due.nag.case_id,
                until.strftime("%H:%M")), 8000)

        self.backend.submit(lambda workbench: jobs.snooze(workbench, inquiry_id, until),
                            on_done=snoozed, on_error=self.window.show_error)

    def _open_from_tray(self, due: jobs.DueNag) -> None:
        self._bring_up_window()
        self.open(due)

    def _bring_up_window(self) -> None:
        """Show the window in front, as it was before it was minimised."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    # -- the export folder ----------------------------------------------------------------

    @Slot()
    def check_folder(self) -> None:
        """Look for a new export in the export folder, unless an import is under way."""
        if not self._active or self._looking or self.window.importer.running:
            return
        self._looking = True
        self.backend.submit(jobs.new_export, on_done=self._found_export,
                            on_error=self._look_failed)

    def _found_export(self, export: jobs.NewExport | None) -> None:
        """Import a new export once; one that failed waits until the folder changes."""
        self._looking = False
        if export is not None and export.fingerprint != self._last_attempt \
                and not self.window.importer.running:
            self._last_attempt = export.fingerprint
            self.window.importer.import_quietly(export.paths)
        self.folder_checked.emit(export)

    def _look_failed(self, error: WorkbenchError) -> None:
        self._looking = False
        self.window.statusBar().showMessage(texts.fill(
            self.tr("The export folder could not be read: %1"), error), 15_000)
