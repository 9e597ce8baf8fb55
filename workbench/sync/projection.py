"""Projecting team entities onto the case tables the rest of the workbench reads.

The lists, the engine and the reports read ``events``, ``notes``, ``inquiries``, ``pauses``
and ``exemptions``. A team
entity's row there is a pure function of its attributes, its fields' current values and the
central export's rows, so replicas that hold the same entries (and imported the same export)
show the same rows, whatever order the entries arrived in.

Conversations meet the central export here: a registration of an event the export already
has turns that row into a local, confirmed one (registered by the teammate); withdrawing it
turns it back into the export's row. An export never removes a team's registration: the
import only adds central events and confirms local ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, select

from workbench.store.models import (
    SOURCE_CENTRAL,
    SOURCE_LOCAL,
    events,
    exemptions,
    inquiries,
    notes,
    pauses,
)
from workbench.store.touched import touch
from workbench.sync.entries import EntityType
from workbench.sync.payloads import (
    EventAttributes,
    EventFields,
    ExemptionAttributes,
    ExemptionFields,
    InquiryAttributes,
    InquiryFields,
    NoteAttributes,
    NoteFields,
    PauseAttributes,
    PauseFields,
    Values,
    known,
)

_T = TypeVar("_T")
#: Ids per ``IN (...)`` query.
CHUNK = 500
#: The entities the engine reads (workbench.deadlines stores what it makes of them).
_DEADLINE_TYPES = frozenset({EntityType.EVENT, EntityType.PAUSE, EntityType.EXEMPTION})


@dataclass(frozen=True)
class EntityView:
    """What projecting one entity needs: its type, case, attributes and current values."""

    entity_id: str
    entity_type: EntityType
    case_id: str | None
    attributes: Values
    current: Values


def project_many(connection: Connection, entities: Sequence[EntityView]) -> None:
    """Bring the case tables in line with entities whose case is known here.

    A handful of statements per entity type, however many entities: the rows there are read
    in one query per table and written with one executemany per kind of change.
    """
    by_type: dict[EntityType, list[EntityView]] = {}
    for entity in entities:
        by_type.setdefault(entity.entity_type, []).append(entity)
    # Events, pauses and exemptions move deadlines: the local registrations and the
    # teammates' entries both come here, and their cases' stored deadlines follow.
    touch(connection, (str(entity.case_id) for entity in entities
                       if entity.case_id is not None and entity.entity_type in _DEADLINE_TYPES))
    if EntityType.EVENT in by_type:
        _project_events(connection, by_type[EntityType.EVENT])
    if EntityType.NOTE in by_type:
        _project_notes(connection, by_type[EntityType.NOTE])
    if EntityType.INQUIRY in by_type:
        _project_inquiries(connection, by_type[EntityType.INQUIRY])
    # Pauses and exemptions are few (a handful per case, ever): one entity at a time.
    for waiver_type in (EntityType.PAUSE, EntityType.EXEMPTION):
        for entity in by_type.get(waiver_type, ()):
            _project_waiver(connection, waiver_type, entity.entity_id, entity.attributes,
                            entity.current)
    # A cover assignment lives in the team tables only (see workbench.sync.views).


def chunks(items: Sequence[_T], size: int = CHUNK) -> Iterator[Sequence[_T]]:
    """``items`` in slices of at most ``size``, one ``IN (...)`` query each."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def execute_many(connection: Connection, statement: Any, rows: list[dict[str, Any]]) -> None:
    """Run ``statement`` for each of ``rows`` (an executemany), if there are any."""
    if rows:
        connection.execute(statement, rows)


def _project_events(connection: Connection, entities: Sequence[EntityView]) -> None:
    """One event row while a registration stands; the export's row (or none) once withdrawn."""
    decoded = [(entity, EventAttributes.from_json(entity.attributes)) for entity in entities]
    case_ids = sorted({str(attributes.case_id) for _, attributes in decoded})
    existing: dict[tuple[str, dt.date, str], Any] = {}
    for chunk in chunks(case_ids):
        for found in connection.execute(
                select(events.c.id, events.c.case_id, events.c.date, events.c.kind,
                       events.c.source, events.c.confirmed).where(events.c.case_id.in_(chunk))):
            existing[(found.case_id, found.date, found.kind)] = found
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    back_to_central: list[dict[str, Any]] = []
    deletes: list[dict[str, Any]] = []
    for entity, attributes in decoded:
        current = EventFields.from_json(entity.current)
        day = attributes.date
        assert day is not None  # checked before it was applied (workbench.sync.validate)
        key = (str(attributes.case_id), day, str(attributes.kind))
        row = existing.get(key)
        central_has_it = row is not None and (row.source == SOURCE_CENTRAL or bool(row.confirmed))
        if current.present is True:
            values: dict[str, Any] = {
                "source": SOURCE_LOCAL, "registered_by": known(current.registered_by),
                "registered_at": known(current.registered_at),
                "confirmed": central_has_it, "entity_id": entity.entity_id,
            }
            if row is None:
                inserts.append({"case_id": key[0], "date": day, "kind": key[2], **values})
            else:
                updates.append({"b_id": row.id, **values})
        elif row is not None and central_has_it:
            back_to_central.append({"b_id": row.id})
        elif row is not None:
            deletes.append({"b_id": row.id})
    execute_many(connection, events.insert(), inserts)
    execute_many(connection, events.update().where(events.c.id == bindparam("b_id")).values(
        source=bindparam("source"), registered_by=bindparam("registered_by"),
        registered_at=bindparam("registered_at"), confirmed=bindparam("confirmed"),
        entity_id=bindparam("entity_id")), updates)
    execute_many(connection, events.update().where(events.c.id == bindparam("b_id")).values(
        source=SOURCE_CENTRAL, registered_by=None, registered_at=None, confirmed=False,
        entity_id=None), back_to_central)
    execute_many(connection, events.delete().where(events.c.id == bindparam("b_id")), deletes)


def _rows_by_entity(connection: Connection, table: Any, entity_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in chunks(entity_ids):
        found.update((row.entity_id, row.id) for row in connection.execute(
            select(table.c.entity_id, table.c.id).where(table.c.entity_id.in_(chunk))))
    return found


def _project_notes(connection: Connection, entities: Sequence[EntityView]) -> None:
    """A note's row with its current text; no row once it is deleted (a tombstone)."""
    existing = _rows_by_entity(connection, notes, [e.entity_id for e in entities])
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    deletes: list[dict[str, Any]] = []
    for entity in entities:
        row_id = existing.get(entity.entity_id)
        current = NoteFields.from_json(entity.current)
        text = current.text
        if current.deleted is True or not isinstance(text, str):
            if row_id is not None:
                deletes.append({"b_id": row_id})
        elif row_id is None:
            attributes = NoteAttributes.from_json(entity.attributes)
            inserts.append({"case_id": attributes.case_id, "author": attributes.author,
                            "written_at": attributes.written_at, "text": text,
                            "entity_id": entity.entity_id})
        else:
            updates.append({"b_id": row_id, "text": text})
    execute_many(connection, notes.insert(), inserts)
    execute_many(connection, notes.update().where(notes.c.id == bindparam("b_id"))
                  .values(text=bindparam("text")), updates)
    execute_many(connection, notes.delete().where(notes.c.id == bindparam("b_id")), deletes)


def _project_inquiries(connection: Connection, entities: Sequence[EntityView]) -> None:
    """An inquiry's row with its current answer (if any)."""
    existing = _rows_by_entity(connection, inquiries, [e.entity_id for e in entities])
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for entity in entities:
        current = InquiryFields.from_json(entity.current)
        answer = {"answered_on": known(current.answered_on),
                  "answered_by": known(current.answered_by)}
        row_id = existing.get(entity.entity_id)
        if row_id is None:
            attributes = InquiryAttributes.from_json(entity.attributes)
            inserts.append({
                "case_id": attributes.case_id, "channel": attributes.channel,
                "received": attributes.received,
                "registered_by": attributes.registered_by,
                "registered_at": attributes.registered_at,
                "entity_id": entity.entity_id, **answer})
        else:
            updates.append({"b_id": row_id, **answer})
    execute_many(connection, inquiries.insert(), inserts)
    execute_many(connection, inquiries.update().where(inquiries.c.id == bindparam("b_id"))
                  .values(answered_on=bindparam("answered_on"),
                          answered_by=bindparam("answered_by")), updates)


def _project_waiver(connection: Connection, entity_type: EntityType, entity_id: str,
                    attributes: Values, current: Values) -> None:
    """A pause's or exemption's row, with its end and whether it was withdrawn.

    Only team entries write these rows; an import never touches them.
    """
    table = pauses if entity_type is EntityType.PAUSE else exemptions
    fixed: dict[str, Any]
    changing: dict[str, Any]
    if entity_type is EntityType.PAUSE:
        pause = PauseAttributes.from_json(attributes)
        pause_now = PauseFields.from_json(current)
        changing = {"withdrawn": pause_now.withdrawn is True, "ends": known(pause_now.ends)}
        fixed = {"case_id": pause.case_id, "reason": pause.reason,
                 "registered_by": pause.registered_by, "registered_at": pause.registered_at,
                 "starts": pause.starts}
    else:
        exemption = ExemptionAttributes.from_json(attributes)
        changing = {"withdrawn": ExemptionFields.from_json(current).withdrawn is True}
        fixed = {"case_id": exemption.case_id, "reason": exemption.reason,
                 "registered_by": exemption.registered_by,
                 "registered_at": exemption.registered_at, "rule_id": exemption.rule_id}
    row_id = connection.execute(select(table.c.id).where(table.c.entity_id == entity_id)
                                ).scalar()
    if row_id is not None:
        connection.execute(table.update().where(table.c.id == row_id).values(**changing))
        return
    connection.execute(table.insert().values(**fixed, entity_id=entity_id, **changing))
