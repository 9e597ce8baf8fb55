"""The registrations manager (``wb.registrations``): events, notes, covers, and corrections.

``RegistrationManager`` is what the window and the command line share for a caseworker's own
changes. Each change is a team entry
(``workbench.sync``), so the mini-team receives a withdrawal or an edited note as an
ordinary change, with who made it; each correction is also written to the audit log in the
same transaction. Nothing is wiped: a withdrawn event stays in the team's field history with
who withdrew it and why, and ``withdrawn_events`` lists it for the case's history.

A date the user typed that makes no sense (an event after today, or before the case's
start) is refused with a message saying so, never replaced by another date.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from workbench import audit
from workbench.audit import AuditAction
from workbench.bounds import checked_date
from workbench.errors import DuplicateEventError, InputError, UnknownCaseError
from workbench.managers.base import Manager, case_of, required_initials, row_of
from workbench.store.models import SOURCE_LOCAL, cases, events, notes, sync_entities, utc_now
from workbench.sync import views as sync_views
from workbench.sync.entries import (
    EntityType,
    cover_entity_id,
    event_entity_id,
    new_entity_id,
)
from workbench.sync.payloads import (
    CoverAttributes,
    CoverFields,
    EventAttributes,
    EventFields,
    NoteAttributes,
    NoteFields,
    known,
    values_of,
)
from workbench.sync.replica import Replica
from workbench.sync.views import CoverRow
from workbench.views import EventRow
from workbench.vocabulary import EventKind


@dataclass(frozen=True)
class Registered:
    """What one registration stored: the event, and the note saved with it (if any)."""

    event_id: int
    note_id: int | None = None


@dataclass(frozen=True)
class WithdrawnEvent:
    """An event that was withdrawn: enough to register it again (to undo the withdrawal)."""

    case_id: str
    kind: EventKind
    date: dt.date


@dataclass(frozen=True)
class DeletedNote:
    """A note that was deleted: its team entity, so that it can be brought back."""

    case_id: str
    entity_id: str


def _initials(by: str) -> str:
    """Who makes a change must be known."""
    initials = by.strip()
    if not initials:
        raise InputError(key="edits.initials_needed")
    return initials


def _text(text: str) -> str:
    """A note must say something."""
    if not text.strip():
        raise InputError(key="edits.note_text_needed")
    return text


class RegistrationManager(Manager):
    """A caseworker's own registrations on cases and the corrections of them.

    Each registration is also a team entry (workbench.sync), written in the same
    transaction: Replica.record stores the entry and applies it to the case tables, exactly
    as a teammate's entry is applied, so both show the same rows.
    """

    # --- registering ---------------------------------------------------------------------

    def register_event(self, case_id: str, kind: EventKind, on: dt.date, *, by: str) -> int:
        """Record a local event; DuplicateEventError if the case already has it."""
        initials = required_initials(by)
        checked_date(on, "dates.event")
        entity_id = event_entity_id(case_id, on.isoformat(), kind.value)
        with self._database.transaction(write=True) as connection:
            case_of(connection, case_id)
            duplicate = connection.execute(select(events.c.id).where(
                events.c.case_id == case_id, events.c.date == on, events.c.kind == kind.value,
            )).first()
            if duplicate is not None:
                raise _duplicate_event(case_id, kind, on)
            try:
                with connection.begin_nested():
                    Replica(connection).record(
                        initials, EntityType.EVENT, entity_id, case_id, values_of(
                            EventAttributes(case_id=case_id, date=on, kind=kind.value),
                            EventFields(present=True, registered_by=initials,
                                        registered_at=utc_now())))
            except IntegrityError:  # registered by someone else meanwhile (PostgreSQL)
                raise _duplicate_event(case_id, kind, on) from None
            return row_of(connection, events, entity_id)

    def check_event_date(self, case_id: str, on: dt.date, today: dt.date) -> None:
        """Refuse, with a message, an event dated after today or before the case's start."""
        with self._database.transaction() as connection:
            start = connection.execute(select(cases.c.start).where(cases.c.case_id == case_id)
                                       ).scalar()
        if start is None:
            raise UnknownCaseError(case_id)
        if on > today:
            raise InputError(key="edits.future_date", date=on.isoformat(),
                             today=today.isoformat())
        if on < start:
            raise InputError(key="edits.before_start", date=on.isoformat(),
                             start=start.isoformat())

    def register(self, case_id: str, kind: EventKind, on: dt.date, *, by: str,
                 today: dt.date, note: str | None = None) -> Registered:
        """Register an event (and save ``note`` with it, if given) after checking its date."""
        self.check_event_date(case_id, on, today)
        event_id = self.register_event(case_id, kind, on, by=by)
        note_id = self.add_note(case_id, note, by=by) if note and note.strip() else None
        return Registered(event_id, note_id)

    # --- withdrawing and correcting events -----------------------------------------------

    def withdraw(self, event_id: int, *, reason: str, by: str) -> WithdrawnEvent:
        """Withdraw a local event registered in error, saying why (audited, sent to the team).

        An event the central export contains cannot be withdrawn: the export rules.
        """
        initials = _initials(by)
        why = reason.strip()
        if not why:
            raise InputError(key="edits.reason_needed")
        with self._database.transaction(write=True) as connection:
            event = connection.execute(select(events).where(events.c.id == event_id)).first()
            if event is None:
                raise InputError(key="edits.unknown_event", event_id=event_id)
            if event.source != SOURCE_LOCAL or event.confirmed or event.entity_id is None:
                raise InputError(key="edits.central_event", event_id=event_id)
            Replica(connection).record(initials, EntityType.EVENT, event.entity_id,
                                       event.case_id, values_of(
                                           EventAttributes(case_id=event.case_id,
                                                           date=event.date, kind=event.kind),
                                           EventFields(present=False, withdrawn_reason=why)))
            audit.record(connection, AuditAction.WITHDRAW_EVENT, initials=initials,
                         case_id=event.case_id,
                         detail=f"event {event_id}: {event.kind} {event.date.isoformat()}")
        return WithdrawnEvent(event.case_id, EventKind(event.kind), event.date)

    def correct(self, event_id: int, kind: EventKind, on: dt.date, *, reason: str, by: str,
                today: dt.date) -> tuple[WithdrawnEvent, int]:
        """Withdraw an event and register the right one instead (kind and/or date).

        Everything is checked before anything is changed: the new date, and that the case
        has no such event already.
        """
        with self._database.transaction() as connection:
            case_id = connection.execute(select(events.c.case_id).where(events.c.id == event_id)
                                         ).scalar()
            clash = None if case_id is None else connection.execute(select(events.c.id).where(
                events.c.case_id == case_id, events.c.date == on, events.c.kind == kind.value,
                events.c.id != event_id)).first()
        if case_id is None:
            raise InputError(key="edits.unknown_event", event_id=event_id)
        if clash is not None:
            raise InputError(key="edits.duplicate_event", case_id=case_id, kind=kind.value,
                             date=on.isoformat())
        self.check_event_date(case_id, on, today)
        withdrawn = self.withdraw(event_id, reason=reason, by=by)
        return withdrawn, self.register_event(case_id, kind, on, by=by)

    # --- notes ---------------------------------------------------------------------------

    def add_note(self, case_id: str, text: str, *, by: str) -> int:
        """Add a note to a case; its id. InputError for an empty note."""
        author = required_initials(by)
        if not text.strip():
            raise InputError(key="service.empty_note")
        entity_id = new_entity_id()
        with self._database.transaction(write=True) as connection:
            case_of(connection, case_id)
            Replica(connection).record(author, EntityType.NOTE, entity_id, case_id, values_of(
                NoteAttributes(case_id=case_id, author=author, written_at=utc_now()),
                NoteFields(text=text)))
            return row_of(connection, notes, entity_id)

    def edit_note(self, note_id: int, text: str, *, by: str) -> str:
        """Give a note a new text (audited); the text it had (the old one stays in history)."""
        initials = _initials(by)
        _text(text)
        with self._database.transaction(write=True) as connection:
            note = self._note(connection, note_id)
            Replica(connection).record(initials, EntityType.NOTE, note.entity_id, note.case_id,
                                       values_of(NoteFields(text=text)))
            audit.record(connection, AuditAction.EDIT_NOTE, initials=initials,
                         case_id=note.case_id, detail=f"note {note_id}")
        return str(note.text)

    def delete_note(self, note_id: int, *, by: str) -> DeletedNote:
        """Delete a note (audited; a tombstone: its texts stay in the field history)."""
        initials = _initials(by)
        with self._database.transaction(write=True) as connection:
            note = self._note(connection, note_id)
            Replica(connection).record(initials, EntityType.NOTE, note.entity_id, note.case_id,
                                       values_of(NoteFields(deleted=True)))
            audit.record(connection, AuditAction.DELETE_NOTE, initials=initials,
                         case_id=note.case_id, detail=f"note {note_id}")
        return DeletedNote(note.case_id, note.entity_id)

    def restore_note(self, deleted: DeletedNote, *, by: str) -> None:
        """Bring a deleted note back (to undo its deletion); it gets a new id."""
        initials = _initials(by)
        with self._database.transaction(write=True) as connection:
            Replica(connection).record(initials, EntityType.NOTE, deleted.entity_id,
                                       deleted.case_id, values_of(NoteFields(deleted=False)))
            audit.record(connection, AuditAction.EDIT_NOTE, initials=initials,
                         case_id=deleted.case_id, detail="deleted note brought back")

    @staticmethod
    def _note(connection: Connection, note_id: int) -> NoteLine:
        note = connection.execute(select(notes.c.case_id, notes.c.entity_id, notes.c.text)
                                  .where(notes.c.id == note_id)).first()
        if note is None or note.entity_id is None:
            raise InputError(key="edits.unknown_note", note_id=note_id)
        return NoteLine(note.case_id, note.entity_id, note.text)

    # --- covers --------------------------------------------------------------------------

    def assign_cover(
        self, absent: str, covering: str, starts: dt.date, ends: dt.date, *, by: str,
        case_id: str | None = None,
    ) -> None:
        """Let ``covering`` cover ``absent``'s cases (or one case) from ``starts`` to ``ends``.

        One assignment per absent colleague (and per case): a new one replaces it for the
        whole team, and the one it replaced stays in the field history.
        """
        initials = required_initials(by)
        if not absent.strip() or not covering.strip() or absent.strip() == covering.strip():
            raise InputError(key="service.cover_people")
        if ends < starts:
            raise InputError(key="service.cover_ends_first", ends=ends.isoformat(),
                             starts=starts.isoformat())
        self._record_cover(absent.strip(), case_id, initials, CoverFields(
            covering=covering.strip(), starts=starts, ends=ends), audited=False)

    def covers(self, on: dt.date | None = None) -> list[CoverRow]:
        """The cover assignments (only those holding on ``on``, if given)."""
        with self._database.transaction() as connection:
            rows = sync_views.covers(connection)
        return [row for row in rows if on is None or row.active_on(on)]

    def cancel_cover(self, absent: str, *, by: str, case_id: str | None = None) -> CoverRow:
        """End the cover of ``absent``'s cases (or one case) for the team; the cover it was."""
        initials = _initials(by)
        name = absent.strip()
        current = [row for row in self.covers()
                   if row.absent == name and row.case_id == case_id and row.covering]
        if not current:
            scope = f" (sag {case_id})" if case_id else ""
            raise InputError(key="edits.no_cover", absent=name, scope=scope)
        self._record_cover(name, case_id, initials,
                           CoverFields(covering=None, starts=None, ends=None))
        return current[0]

    def restore_cover(self, cover: CoverRow, *, by: str) -> None:
        """Put a cancelled cover back as it was (to undo the cancellation)."""
        assert cover.covering and cover.starts and cover.ends
        self._record_cover(cover.absent, cover.case_id, _initials(by), CoverFields(
            covering=cover.covering, starts=cover.starts, ends=cover.ends))

    def _record_cover(self, absent: str, case_id: str | None, by: str,
                      cover: CoverFields, *, audited: bool = True) -> None:
        with self._database.transaction(write=True) as connection:
            if case_id is not None:
                case_of(connection, case_id)
            Replica(connection).record(by, EntityType.COVER, cover_entity_id(absent, case_id),
                                       case_id, values_of(
                                           CoverAttributes(absent=absent, case_id=case_id),
                                           cover))
            if audited:
                audit.record(connection, AuditAction.CANCEL_COVER if cover.covering is None
                             else AuditAction.ASSIGN_COVER, initials=by, case_id=case_id,
                             detail=f"cover of {absent}")


@dataclass(frozen=True)
class NoteLine:
    """A stored note's case, team entity and text."""

    case_id: str
    entity_id: str
    text: str


def withdrawn_events(connection: Connection, case_id: str) -> tuple[EventRow, ...]:
    """The case's withdrawn registrations, with who withdrew each, when and why.

    They are no events any more (the engine never sees them); the case history shows them
    struck through, so a withdrawal is visible rather than gone. Read from the team's field
    history, so a teammate's withdrawal shows exactly like one's own.
    """
    entities = connection.execute(
        select(sync_entities.c.entity_id, sync_entities.c.attributes).where(
            sync_entities.c.case_id == case_id,
            sync_entities.c.entity_type == EntityType.EVENT.value)
    ).all()
    rows = []
    for entity_id, attributes_text in entities:
        current = {change.field: change
                   for change in sync_views.field_changes(connection, entity_id)
                   if change.is_current}
        now = EventFields.from_json({name: change.value for name, change in current.items()})
        if now.present is not False:
            continue
        attributes = EventAttributes.from_json(json.loads(attributes_text))
        rows.append(EventRow(
            event_id=0, date=attributes.date, kind=EventKind(attributes.kind),
            source=SOURCE_LOCAL, registered_by=known(now.registered_by), registered_at=None,
            confirmed=False, withdrawn_by=current["present"].author,
            withdrawn_at=current["present"].at, withdrawn_reason=known(now.withdrawn_reason),
        ))
    return tuple(sorted(rows, key=lambda row: (row.date, row.kind.value)))


def _duplicate_event(case_id: str, kind: EventKind, on: dt.date) -> DuplicateEventError:
    """The error for an event the case already has."""
    return DuplicateEventError(key="service.duplicate_event", case_id=case_id,
                               kind=kind.value, date=on.isoformat())
