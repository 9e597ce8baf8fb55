"""Changes as small operations that say what they changed (after Anki's ``CollectionOp``).

An ``Op`` is a function run on the one database worker (``ui.backend.Backend``) that
returns its result together with a ``Changes`` value: which cases, whether the inquiries,
the settings, the team or the covers changed. ``Operations`` runs ops and is the one place
that broadcasts applied changes (``changed(changes, initiator)``); the lists, the case
panel and the inquiries view each subscribe and read again only what concerns them
(``ui.refresh``). A full read of everything happens only when ``Changes.full`` says so:
at start-up, at midnight, after an import or a sync that brought entries.

The builders at the end are one line each, as in Anki's ``operations/note.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from ui.backend import Backend
from workbench.errors import WorkbenchError
from workbench.vocabulary import Channel, EventKind

if TYPE_CHECKING:
    # The worker imports the database layer; the UI thread only names its types.
    from workbench.managers.registrations import DeletedNote, Registered, WithdrawnEvent
    from workbench.session import Workbench
    from workbench.settings import Settings
    from workbench.sync.team import SyncReport
    from workbench.sync.views import CoverRow

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so each view can tell whether to read again."""

    #: The cases whose rows, milestones or history changed; None: every case may have.
    cases: frozenset[str] | None = frozenset()
    inquiries: bool = False
    settings: bool = False
    team: bool = False
    covers: bool = False

    @property
    def full(self) -> bool:
        """Everything shown may have changed: read all of it again (a ``Snapshot``)."""
        return self.cases is None or self.settings or self.covers

    def touches(self, case_id: str | None) -> bool:
        """Whether ``case_id`` (a case shown somewhere) may have changed."""
        return case_id is not None and (self.cases is None or case_id in self.cases)

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once."""
        cases = None if self.cases is None or other.cases is None else self.cases | other.cases
        return Changes(cases, self.inquiries or other.inquiries, self.settings or other.settings,
                       self.team or other.team, self.covers or other.covers)


#: Everything may have changed (start-up, midnight, an import, a sync that brought entries).
EVERYTHING = Changes(cases=None, inquiries=True, settings=True, team=True, covers=True)
#: Nothing changed (a sync that brought nothing still moves the team's sync time).
NOTHING = Changes()


def of_cases(*case_ids: str, inquiries: bool = False) -> Changes:
    """These cases changed (and the inquiries, if said)."""
    return Changes(cases=frozenset(case_ids), inquiries=inquiries)


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an op's function returns in the worker: its result and what it changed."""

    value: T
    changes: Changes


Work = Callable[["Workbench"], Done[T]]


class Op(Generic[T]):
    """A change to run on the worker: ``Op(work).success(...).failure(...).run(operations)``.

    Without a failure callback a refused change is shown to the user in their language.
    """

    def __init__(self, work: Work[T]) -> None:
        self.work = work
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[WorkbenchError], object] | None = None

    def success(self, callback: Callable[[T], object]) -> Op[T]:
        """Call ``callback(result)`` in the UI thread once the change is stored."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[WorkbenchError], object]) -> Op[T]:
        """Call ``callback(error)`` instead of showing the error."""
        self._failure = callback
        return self

    def run(self, operations: Operations, initiator: object | None = None) -> None:
        """Send the op to the worker through ``operations``."""
        operations.run(self, initiator)

    def succeeded(self, value: T) -> None:
        """The change is stored (called by ``Operations``)."""
        if self._success is not None:
            self._success(value)

    def failed(self, error: WorkbenchError, show: Callable[[WorkbenchError], object]) -> None:
        """The core refused the change; nothing was changed (called by ``Operations``)."""
        (self._failure or show)(error)


class Operations(QObject):
    """Runs ops on the worker and broadcasts what they changed, once, to every view."""

    #: The changes an op (or a start-up, midnight, an import) made, and who made them.
    changed = Signal(object, object)
    #: Every view has read and drawn what the last changes concern (tests wait for it).
    drawn = Signal(object)

    def __init__(self, backend: Backend, show_error: Callable[[WorkbenchError], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        #: Shows a refused change or a failed read in the user's language.
        self.show_error = show_error

    def run(self, op: Op[T], initiator: object | None = None) -> None:
        """Run ``op`` on the worker; on success call it back, then broadcast its changes."""
        def done(result: Done[T]) -> None:
            op.succeeded(result.value)
            self.apply(result.changes, initiator)

        self.backend.submit(op.work, on_done=done,
                            on_error=lambda error: op.failed(error, self.show_error))

    def apply(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell every view what changed; ``drawn`` follows once their reads are drawn.

        The views send their reads while they hear of the changes, and the worker answers
        in order, so a job sent after them answers after their reads have been drawn.
        """
        self.changed.emit(changes, initiator)
        self.backend.submit(lambda _workbench: None,
                            on_done=lambda _none: self.drawn.emit(changes))


# -- the builders: one line each -------------------------------------------------------------


def _doing(work: Callable[[Workbench], object], changes: Changes) -> Op[None]:
    """An op for a change that has no result to give back."""
    def run(wb: Workbench) -> Done[None]:
        work(wb)
        return Done(None, changes)
    return Op(run)


def register_event(case_id: str, kind: EventKind, on: dt.date, note: str, *, by: str,
                   today: dt.date) -> Op[Registered]:
    """Register an event (and its note) on ``case_id``."""
    return Op(lambda wb: Done(wb.registrations.register(case_id, kind, on, by=by, today=today,
                                                   note=note or None), of_cases(case_id)))


def withdraw_event(case_id: str, event_id: int, reason: str, *,
                   by: str) -> Op[WithdrawnEvent]:
    """Withdraw an event registered in error."""
    return Op(lambda wb: Done(wb.registrations.withdraw(event_id, reason=reason, by=by),
                              of_cases(case_id)))


def correct_event(case_id: str, event_id: int, kind: EventKind, on: dt.date, reason: str, *,
                  by: str, today: dt.date) -> Op[tuple[WithdrawnEvent, int]]:
    """Withdraw an event and register the right one instead."""
    return Op(lambda wb: Done(wb.registrations.correct(event_id, kind, on, reason=reason, by=by,
                                                  today=today), of_cases(case_id)))


def add_note(case_id: str, text: str, *, by: str) -> Op[int]:
    """Save a note on ``case_id``."""
    return Op(lambda wb: Done(wb.registrations.add_note(case_id, text, by=by), of_cases(case_id)))


def edit_note(case_id: str, note_id: int, text: str, *, by: str) -> Op[str]:
    """Give a note of ``case_id`` a new text."""
    return Op(lambda wb: Done(wb.registrations.edit_note(note_id, text, by=by), of_cases(case_id)))


def delete_note(case_id: str, note_id: int, *, by: str) -> Op[DeletedNote]:
    """Delete a note of ``case_id``."""
    return Op(lambda wb: Done(wb.registrations.delete_note(note_id, by=by), of_cases(case_id)))


def add_inquiry(case_id: str, channel: Channel, received: dt.date, *, by: str) -> Op[int]:
    """Register a citizen's inquiry on ``case_id``."""
    return Op(lambda wb: Done(wb.inquiries.add(case_id, channel, received, by=by),
                              of_cases(case_id, inquiries=True)))


def answer_inquiry(case_id: str, inquiry_id: int, answered_on: dt.date, *,
                   by: str) -> Op[None]:
    """Register the reply to an inquiry of ``case_id``."""
    return _doing(lambda wb: wb.inquiries.answer(inquiry_id, answered_on, by=by),
                  of_cases(case_id, inquiries=True))


def on_case(case_id: str, work: Callable[[Workbench], T]) -> Op[T]:
    """Any change to one case (a pause, an exemption, an undo)."""
    return Op(lambda wb: Done(work(wb), of_cases(case_id)))


def save_settings(settings: Settings) -> Op[None]:
    """Store new settings (the amber window may change every status)."""
    return _doing(lambda wb: wb.settings.save(settings), EVERYTHING)


def assign_cover(absent: str, starts: dt.date, ends: dt.date, *, by: str) -> Op[None]:
    """Let me (``by``) cover an absent colleague's cases."""
    return _doing(lambda wb: wb.registrations.assign_cover(absent, by, starts, ends, by=by),
                  Changes(covers=True, team=True))


def cancel_cover(absent: str, case_id: str | None, *, by: str) -> Op[CoverRow]:
    """End a cover in force."""
    return Op(lambda wb: Done(wb.registrations.cancel_cover(absent, by=by, case_id=case_id),
                              Changes(covers=True, team=True)))


def restore_cover(cover: CoverRow, *, by: str) -> Op[None]:
    """Bring back a cover cancelled by mistake."""
    return _doing(lambda wb: wb.registrations.restore_cover(cover, by=by),
                  Changes(covers=True, team=True))


def join_team(me: str, members: Collection[str], folder: str | None, server: str | None,
              join_code: str | None) -> Op[str | None]:
    """Join a miniteam; a new team's join code comes back to hand on."""
    return Op(lambda wb: Done(wb.team.join(me, list(members), folder=folder, server=server,
                                           join_code=join_code).join_code, EVERYTHING))


def sync_now() -> Op[SyncReport]:
    """Sync with the team; what teammates sent may touch any case (then all is read again)."""
    def work(wb: Workbench) -> Done[SyncReport]:
        report = wb.team.sync_now()
        return Done(report, EVERYTHING if report.total_received else Changes(team=True))
    return Op(work)
