"""The miniteam's actions: the team dialog and joining, syncing now, covering a colleague.

``TeamActions`` keeps the team's status as last read (in ``Shown``) and says when this
database joined a team, so the schedule syncs it. A sync that brought entries makes every
view read again; one that brought none only moves the team's sync time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import ops, texts
from ui.caseactions import CaseActions
from ui.ops import Changes, Operations
from ui.shown import Shown
from ui.team import CoverDialog, TeamDialog, format_moment
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.sync.team import SyncReport, TeamStatus


class TeamActions(QObject):
    """Team dialog, join, sync now, cover and cancel a cover."""

    #: True when the database joined a team (or is found in one), False if not.
    team_changed = Signal(bool)
    #: A sync has been shown, or has failed.
    synced = Signal()
    #: A short message for the status bar.
    status = Signal(str)

    def __init__(self, operations: Operations, shown: Shown, case_actions: CaseActions, *,
                 today: Callable[[], dt.date], have_initials: Callable[[], bool],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._operations = operations
        self._shown = shown
        self._case_actions = case_actions
        self._today = today
        self._have_initials = have_initials
        self._window = parent
        self._syncing = False
        operations.changed.connect(self._changed)

    def apply_team(self, status: TeamStatus) -> None:
        """Remember the team; say so when this database joined one (the schedule follows)."""
        was_in = self._shown.in_team
        self._shown.team = status
        if self._shown.in_team != was_in:
            self.team_changed.emit(self._shown.in_team)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        """Only the team changed (a sync that brought nothing): read its status alone."""
        if changes.team and not changes.full:
            self.read_status()

    def read_status(self) -> None:
        """Read the team's status and remember it (a full read asks once it is drawn)."""
        self._operations.backend.submit(lambda workbench: workbench.team.status(),
                                        on_done=self.apply_team,
                                        on_error=self._operations.show_error)

    def open_team(self) -> None:
        """Show the team's status and offer to join one."""
        dialog = TeamDialog(self._shown.team, self._shown.initials, self._window)
        dialog.submitted.connect(self.join_team)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._shown.dialog = dialog

    def join_team(self, me: str, members: Sequence[str], folder: str | None,
                  server: str | None, join_code: str | None = None) -> None:
        """Join a miniteam (from the team dialog); show a new team's join code."""
        ops.join_team(me, members, folder, server, join_code).success(
            self._joined).run(self._operations, self)

    def _joined(self, join_code: str | None) -> None:
        if not join_code:
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Join code"), texts.fill(
            self.tr("The team's key was made now. Give your teammates this join code "
                    "(it is shown only now):\n\n%1"), join_code),
            QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("join-code")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._shown.dialog = box

    def sync_now(self, *, quiet: bool = False) -> None:
        """Sync with the team on the worker, then show what came and the sync time.

        ``quiet`` (the scheduled sync) says a failure in the status bar, not in a box.
        """
        if not self._shown.in_team:
            if not quiet:
                self.status.emit(self.tr("This workbench is in no team: join one first "
                                         "(Team…)."))
            return
        if self._syncing:
            return
        self._syncing = True

        def done(report: SyncReport) -> None:
            self._syncing = False
            self.status.emit(texts.fill(self.tr("Synced: sent %1, received %2 (%3)"),
                                        report.total_sent, report.total_received,
                                        format_moment(report.time)))

        def failed(error: WorkbenchError) -> None:
            self._syncing = False
            self._operations.drawn.disconnect(self._sync_drawn)
            if quiet:
                self.status.emit(texts.fill(
                    self.tr("The team sync failed; it is tried again: %1"), error))
            else:
                self._operations.show_error(error)
            self.synced.emit()

        self._operations.drawn.connect(self._sync_drawn)
        ops.sync_now().success(done).failure(failed).run(self._operations, self)

    def _sync_drawn(self, _changes: Changes) -> None:
        """What the sync brought is drawn: say so once (tests and the schedule wait)."""
        if not self._syncing:
            self._operations.drawn.disconnect(self._sync_drawn)
            self.synced.emit()

    def open_cover(self) -> None:
        """Cover an absent colleague's cases from one day to another."""
        if not self._have_initials():
            return
        team = self._shown.team
        members = team.settings.members if team and team.settings else ()
        me = self._shown.initials
        colleagues = [name for name in dict.fromkeys((*members, *self._shown.caseworkers))
                      if name != me]
        dialog = CoverDialog(colleagues, self._today(), self._window)
        dialog.submitted.connect(self.assign_cover)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._shown.dialog = dialog

    def assign_cover(self, absent: str, starts: dt.date, ends: dt.date) -> None:
        """Cover an absent colleague's cases myself (from the cover dialog)."""
        if self._have_initials():
            ops.assign_cover(absent, starts, ends, by=self._shown.initials).run(
                self._operations, self)

    def cancel_cover(self) -> None:
        """End a cover in force (any member may): chosen from the team's covers."""
        if not self._have_initials():
            return
        self._operations.backend.submit(
            lambda workbench: [(row.absent, row.case_id) for row in workbench.registrations.covers()
                               if row.covering is not None],
            on_done=self._offer_cover_cancel, on_error=self._operations.show_error)

    def _offer_cover_cancel(self, covers: list[tuple[str, str | None]]) -> None:
        if not covers:
            self.status.emit(self.tr("No colleague is covered now."))
        self._case_actions.cancel_cover(covers)
