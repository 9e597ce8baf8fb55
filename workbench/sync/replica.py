"""One database as a replica of the team's work: record local changes, take in teammates' ones.

Local and remote entries go through one ``_apply``, inside the caller's transaction:

1. the entry is stored under its id; an id already stored is ignored (receiving twice, or
   receiving one's own entry back, changes nothing);
2. the first entry that carries an entity's attributes creates the entity (if two carry
   them, the earliest timestamp's are kept: the same on every replica);
3. each field value joins the field's history; the value with the latest timestamp is the
   current one, and every other value records the timestamp of the value that followed it
   (``superseded_by``) — so the history, too, does not depend on arrival order;
4. the entity is projected onto the case tables, or *parked* while its case is unknown here.

Because every step is a function of the set of entries received, replicas that received the
same entries hold the same state: application is idempotent and commutative.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, Table, exists, func, select

from workbench.store.models import (
    SOURCE_LOCAL,
    cases,
    events,
    field_history,
    inquiries,
    notes,
    sync_entities,
    sync_entries,
    utc_now,
)
from workbench.sync import state
from workbench.sync.entries import (
    EntityType,
    Entry,
    FieldValue,
    decode_value,
    encode_value,
    event_entity_id,
    new_entity_id,
)
from workbench.sync.hlc import HybridClock, Timestamp, new_node_id
from workbench.sync.projection import project


@dataclass
class Received:
    """What taking in a batch of teammates' entries did."""

    #: New entries per entity type ("event", "note", ...); repeats are not counted.
    entries: Counter[str] = field(default_factory=Counter)
    #: Field values that replaced a different value, or arrived already replaced by one.
    conflicts: int = 0


class Replica:
    """The team state of one database, on one connection inside one transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        node = new_node_id()
        stored = state.lock(connection, {state.NODE: node,
                                         state.CLOCK: Timestamp(0, 0, node).encode(),
                                         state.ADOPTED: False})
        self.clock = HybridClock(stored[state.NODE], Timestamp.parse(stored[state.CLOCK]))
        if not stored[state.ADOPTED]:
            self._adopt_untracked_work()
            state.write(connection, {state.ADOPTED: True})

    # --- local changes -----------------------------------------------------------------

    def record(
        self,
        author: str,
        entity_type: EntityType,
        entity_id: str,
        case_id: str | None,
        values: Mapping[str, FieldValue],
    ) -> Entry:
        """Make a local change: an outbox entry, applied here in the same transaction."""
        entry = Entry(
            entry_id=str(uuid.uuid4()), author=author, hlc=self.clock.tick().encode(),
            entity_type=entity_type, entity_id=entity_id, case_id=case_id, values=dict(values),
        )
        self._apply(entry, local=True)
        self._save_clock()
        return entry

    def take_back(self, entries: Iterable[Entry]) -> int:
        """Take one's own entries back as local outbox entries (from a replaced database file).

        Their ids are kept, so a teammate who already has one ignores it; how many were new.
        """
        taken = 0
        for entry in sorted(entries, key=lambda e: e.hlc):
            self.clock.observe(Timestamp.parse(entry.hlc))
            taken += self._apply(entry, local=True) is not None
        self._save_clock()
        return taken

    # --- teammates' changes ------------------------------------------------------------

    def receive(self, entries: Iterable[Entry]) -> Received:
        """Take in teammates' entries, in any order, any number of times."""
        received = Received()
        for entry in sorted(entries, key=lambda e: e.hlc):
            self.clock.observe(Timestamp.parse(entry.hlc))
            conflicts = self._apply(entry, local=False)
            if conflicts is not None:
                received.entries[entry.entity_type.value] += 1
                received.conflicts += conflicts
        self._save_clock()
        return received

    def apply_parked(self) -> int:
        """Project the parked entities whose case is known now; how many are still parked."""
        query = select(sync_entities.c.entity_id).where(
            sync_entities.c.parked.is_(True),
            exists().where(cases.c.case_id == sync_entities.c.case_id),
        )
        for entity_id in list(self.connection.execute(query).scalars()):
            self._project(entity_id)
        return self.parked_count()

    def parked_count(self) -> int:
        """Entities waiting for a case this database does not know yet."""
        return count_parked(self.connection)

    # --- applying one entry ------------------------------------------------------------

    def _apply(self, entry: Entry, *, local: bool) -> int | None:
        """Store and apply an entry; None if it was here already, else the conflicts it made."""
        known = self.connection.execute(
            select(sync_entries.c.entry_id).where(sync_entries.c.entry_id == entry.entry_id)
        ).first()
        if known is not None:
            return None
        self.connection.execute(sync_entries.insert().values(
            entry_id=entry.entry_id, author=entry.author, hlc=entry.hlc,
            entity_type=entry.entity_type.value, entity_id=entry.entity_id,
            case_id=entry.case_id, payload=entry.encode_values(), local=local, pending=local,
            recorded_at=utc_now(),
        ))
        self._remember_attributes(entry)
        conflicts = sum(self._write_field(entry, name, value)
                        for name, value in entry.field_values().items())
        self._project(entry.entity_id)
        return conflicts

    def _remember_attributes(self, entry: Entry) -> None:
        """Create the entity from the earliest entry that carries its attributes."""
        attributes = entry.attributes()
        if attributes is None:
            return
        stored_hlc = self.connection.execute(
            select(sync_entities.c.attributes_hlc)
            .where(sync_entities.c.entity_id == entry.entity_id)
        ).scalar()
        values = {"entity_type": entry.entity_type.value, "case_id": entry.case_id,
                  "attributes": json.dumps(attributes, sort_keys=True, ensure_ascii=False),
                  "attributes_hlc": entry.hlc}
        if stored_hlc is None:
            self.connection.execute(sync_entities.insert().values(
                entity_id=entry.entity_id, parked=False, **values))
        elif entry.hlc < stored_hlc:
            self.connection.execute(sync_entities.update()
                                    .where(sync_entities.c.entity_id == entry.entity_id)
                                    .values(**values))

    def _write_field(self, entry: Entry, name: str, value: FieldValue) -> int:
        """Add a value to a field's history; 1 if it differs from the value it meets, else 0."""
        encoded = encode_value(value)
        this_field = _field_is(entry.entity_id, name)
        current = self.connection.execute(
            select(field_history.c.value).where(*this_field,
                                                field_history.c.superseded_by.is_(None))
        ).scalar()
        self.connection.execute(field_history.insert().values(
            entity_id=entry.entity_id, entity_type=entry.entity_type.value, field=name,
            value=encoded, author=entry.author, hlc=entry.hlc, entry_id=entry.entry_id,
            superseded_by=None,
        ))
        self._relink(this_field)
        return int(current is not None and current != encoded)

    def _relink(self, this_field: tuple[ColumnElement[bool], ...]) -> None:
        """Point each value of a field at the next newer one; the newest points nowhere."""
        rows = self.connection.execute(
            select(field_history.c.id, field_history.c.hlc, field_history.c.superseded_by)
            .where(*this_field)
            .order_by(field_history.c.hlc, field_history.c.entry_id)
        ).all()
        successors = [row.hlc for row in rows[1:]] + [None]
        for row, successor in zip(rows, successors, strict=True):
            if row.superseded_by != successor:
                self.connection.execute(field_history.update()
                                        .where(field_history.c.id == row.id)
                                        .values(superseded_by=successor))

    def _project(self, entity_id: str) -> None:
        """Show the entity in the case tables, or park it until its case is known."""
        entity = self.connection.execute(
            select(sync_entities).where(sync_entities.c.entity_id == entity_id)).first()
        if entity is None:  # only field values so far: the creating entry is still to come
            return
        entity_type = EntityType(entity.entity_type)
        case_known = entity.case_id is None or entity_type is EntityType.COVER or bool(
            self.connection.execute(select(exists().where(cases.c.case_id == entity.case_id))
                                    ).scalar())
        if case_known:
            project(self.connection, entity_type, entity_id, json.loads(entity.attributes),
                    self.current_values(entity_id))
        if bool(entity.parked) == case_known:
            self.connection.execute(sync_entities.update()
                                    .where(sync_entities.c.entity_id == entity_id)
                                    .values(parked=not case_known))

    def current_values(self, entity_id: str) -> dict[str, FieldValue]:
        """The current value of each of an entity's fields."""
        rows = self.connection.execute(
            select(field_history.c.field, field_history.c.value)
            .where(field_history.c.entity_id == entity_id,
                   field_history.c.superseded_by.is_(None))
        )
        return {name: decode_value(value) for name, value in rows}

    def _save_clock(self) -> None:
        """Persist the clock's last reading, so it never runs backwards after a restart."""
        state.write(self.connection, {state.CLOCK: self.clock.last.encode()})

    # --- work made before the team feature ---------------------------------------------

    def _adopt_untracked_work(self) -> None:
        """Give entries to local work stored before there were entries, so a team gets it."""
        self._adopt_events()
        self._adopt_notes()
        self._adopt_inquiries()

    def _adopt_events(self) -> None:
        """Local events registered before entries existed."""
        rows = self.connection.execute(
            select(events).where(events.c.source == SOURCE_LOCAL, events.c.entity_id.is_(None))
        ).all()
        for row in rows:
            date_iso = row.date.isoformat()
            self.record(row.registered_by or "unknown", EntityType.EVENT,
                        event_entity_id(row.case_id, date_iso, row.kind), row.case_id, {
                            "case_id": row.case_id, "date": date_iso, "kind": row.kind,
                            "present": True, "registered_by": row.registered_by,
                            "registered_at": _iso(row.registered_at),
                        })

    def _adopt_notes(self) -> None:
        """Notes written before entries existed: they get an entity id first."""
        rows = self.connection.execute(select(notes).where(notes.c.entity_id.is_(None))).all()
        for row in rows:
            entity_id = self._claim(notes, row.id)
            self.record(row.author, EntityType.NOTE, entity_id, row.case_id, {
                "case_id": row.case_id, "author": row.author,
                "written_at": _iso(row.written_at), "text": row.text,
            })

    def _adopt_inquiries(self) -> None:
        """Inquiries (and their answers) registered before entries existed."""
        rows = self.connection.execute(
            select(inquiries).where(inquiries.c.entity_id.is_(None))).all()
        for row in rows:
            entity_id = self._claim(inquiries, row.id)
            values: dict[str, FieldValue] = {
                "case_id": row.case_id, "channel": row.channel,
                "received": row.received.isoformat(), "registered_by": row.registered_by,
                "registered_at": _iso(row.registered_at),
            }
            if row.answered_on is not None:
                values |= {"answered_on": row.answered_on.isoformat(),
                           "answered_by": row.answered_by}
            self.record(row.registered_by, EntityType.INQUIRY, entity_id, row.case_id, values)

    def _claim(self, table: Table, row_id: int) -> str:
        """Give an existing row a new entity id (so its projection finds it)."""
        entity_id = new_entity_id()
        self.connection.execute(table.update().where(table.c.id == row_id)
                                .values(entity_id=entity_id))
        return entity_id


def count_parked(connection: Connection) -> int:
    """Entities waiting for a case this database does not know yet."""
    return int(connection.execute(
        select(func.count()).select_from(sync_entities).where(sync_entities.c.parked.is_(True))
    ).scalar_one())


def _field_is(entity_id: str, name: str) -> tuple[ColumnElement[bool], ...]:
    """The condition for the history rows of one field of one entity."""
    return (field_history.c.entity_id == entity_id, field_history.c.field == name)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    """A stored date or time as ISO text (None stays None)."""
    return value.isoformat() if value is not None else None
