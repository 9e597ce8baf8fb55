"""One database as a replica of the team's work: record local changes, take in teammates' ones.

Local and remote entries are applied by ``workbench.sync.apply`` as a batch, inside the
caller's transaction (a local change is a batch of one): stored under their ids (an id
already stored is ignored), the earliest attributes create the entity, each value joins its
field's history, and the entities are projected onto the case tables or parked.

Because every step is a function of the set of entries received, replicas that received the
same entries hold the same state: application is idempotent and commutative.

Each local entry gets this replica's next sequence number (``team.seq``, in the same
transaction, so the numbers have no gaps) and, per field it writes, the timestamp of the
value it replaces here (its *base*), which tells a conflict from a sequential edit.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, func, select

from workbench.store.models import (
    SOURCE_LOCAL,
    events,
    field_history,
    inquiries,
    notes,
    sync_entities,
)
from workbench.sync import state
from workbench.sync.apply import (
    apply_entries,
    parked_with_known_case,
    reproject,
)
from workbench.sync.entries import (
    SCHEMAS,
    EntityType,
    Entry,
    FieldValue,
    decode_value,
    event_entity_id,
    new_entity_id,
)
from workbench.sync.hlc import HybridClock, Timestamp, new_node_id
from workbench.sync.payloads import (
    EventAttributes,
    EventFields,
    InquiryAttributes,
    InquiryFields,
    NoteAttributes,
    NoteFields,
    values_of,
)


@dataclass
class Received:
    """What taking in a batch of teammates' entries did."""

    #: New entries per entity type ("event", "note", ...); repeats are not counted.
    entries: Counter[str] = field(default_factory=Counter)
    #: New field values concurrent with a different value (neither author saw the other).
    conflicts: int = 0


class Replica:
    """The team state of one database, on one connection inside one transaction."""

    def __init__(self, connection: Connection,
                 physical: Callable[[], int] | None = None) -> None:
        self.connection = connection
        node = new_node_id()
        stored = state.lock(connection, {state.NODE: node,
                                         state.CLOCK: Timestamp(0, 0, node).encode(),
                                         state.ADOPTED: False, state.SEQ: 0})
        self.clock = HybridClock(stored[state.NODE], Timestamp.parse(stored[state.CLOCK]),
                                 physical)
        # A new node (a new database, or a copy told to be a replica of its own) numbers its
        # entries from 1: the numbers are per node.
        self.seq = 0 if stored[state.NODE] == node else int(stored[state.SEQ])
        if not stored[state.ADOPTED]:
            self._adopt_untracked_work()
            state.write(connection, {state.ADOPTED: True})

    @property
    def node(self) -> str:
        """The node id of this replica."""
        return self.clock.node

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
        self.seq += 1
        entry = Entry(
            entry_id=str(uuid.uuid4()), author=author, hlc=self.clock.tick().encode(),
            entity_type=entity_type, entity_id=entity_id, case_id=case_id, values=dict(values),
            bases=self._bases(entity_id, entity_type, values), node=self.node, seq=self.seq,
        )
        apply_entries(self.connection, [entry], local=True)
        state.write(self.connection, {state.CLOCK: self.clock.last.encode(),
                                      state.SEQ: self.seq})
        return entry

    def take_back(self, entries: Iterable[Entry]) -> int:
        """Take one's own entries back as local outbox entries (from a replaced database file).

        Their ids, clocks and sequence numbers are kept, so a teammate who already has one
        ignores it and this replica's numbering goes on without a gap; how many were new.
        """
        batch = sorted(entries, key=lambda entry: entry.hlc)
        if not batch:
            return 0
        self.clock.observe(Timestamp.parse(batch[-1].hlc))
        applied = apply_entries(self.connection, batch, local=True)
        own_numbers = [entry.seq for entry in batch
                       if entry.node == self.node and entry.seq is not None]
        self.seq = max([self.seq, *own_numbers])
        state.write(self.connection, {state.CLOCK: self.clock.last.encode(),
                                      state.SEQ: self.seq})
        return sum(applied.entries.values())

    def _bases(self, entity_id: str, entity_type: EntityType,
               values: Mapping[str, FieldValue]) -> dict[str, str]:
        """Per field written, the timestamp of its current value here ('' for none)."""
        fields = [name for name in entity_type_fields(entity_type) if name in values]
        current: dict[str, str] = dict(self.connection.execute(
            select(field_history.c.field, field_history.c.hlc).where(
                field_history.c.entity_id == entity_id,
                field_history.c.superseded_by.is_(None))).all())
        return {name: current.get(name, "") for name in fields}

    # --- teammates' changes ------------------------------------------------------------

    def receive(self, entries: Iterable[Entry]) -> Received:
        """Take in teammates' (checked) entries, in any order, any number of times.

        The caller holds back entries whose clock is too far ahead (``clock.is_ahead``).
        """
        batch = list(entries)
        received = Received()
        if not batch:
            return received
        self.clock.observe(Timestamp.parse(max(entry.hlc for entry in batch)))
        applied = apply_entries(self.connection, batch, local=False)
        received.entries, received.conflicts = applied.entries, applied.conflicts
        self._save_clock()
        return received

    def apply_parked(self) -> int:
        """Project the parked entities whose case is known now; how many are still parked."""
        reproject(self.connection, parked_with_known_case(self.connection))
        return self.parked_count()

    def parked_count(self) -> int:
        """Entities waiting for a case this database does not know yet."""
        return count_parked(self.connection)

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
            self.record(row.registered_by or "unknown", EntityType.EVENT,
                        event_entity_id(row.case_id, row.date.isoformat(), row.kind),
                        row.case_id, values_of(
                            EventAttributes(case_id=row.case_id, date=row.date, kind=row.kind),
                            EventFields(present=True, registered_by=row.registered_by,
                                        registered_at=row.registered_at)))

    def _adopt_notes(self) -> None:
        """Notes written before entries existed: they get an entity id first."""
        rows = self.connection.execute(select(notes).where(notes.c.entity_id.is_(None))).all()
        for row in rows:
            entity_id = self._claim(notes, row.id)
            self.record(row.author, EntityType.NOTE, entity_id, row.case_id, values_of(
                NoteAttributes(case_id=row.case_id, author=row.author,
                               written_at=row.written_at),
                NoteFields(text=row.text)))

    def _adopt_inquiries(self) -> None:
        """Inquiries (and their answers) registered before entries existed."""
        rows = self.connection.execute(
            select(inquiries).where(inquiries.c.entity_id.is_(None))).all()
        for row in rows:
            entity_id = self._claim(inquiries, row.id)
            attributes = InquiryAttributes(
                case_id=row.case_id, channel=row.channel, received=row.received,
                registered_by=row.registered_by, registered_at=row.registered_at)
            answer = (InquiryFields() if row.answered_on is None else
                      InquiryFields(answered_on=row.answered_on, answered_by=row.answered_by))
            self.record(row.registered_by, EntityType.INQUIRY, entity_id, row.case_id,
                        values_of(attributes, answer))

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


def entity_type_fields(entity_type: EntityType) -> tuple[str, ...]:
    """The last-writer-wins fields of an entity type."""
    return SCHEMAS[entity_type].fields

