"""Applying entries as a batch: a few statements per table, however many entries arrive.

A first join of a team with months of history, or a member back from holiday, brings
thousands of entries at once. Applying them one by one built and compiled some eighteen
SQLAlchemy statements per entry; here each step reads what it needs for the whole batch in
one query per table (``IN`` over chunks of ids) and writes with one executemany per kind of
change. A single local change goes the same way, as a batch of one, so both paths show the
same rows.

The steps, inside the caller's transaction:

1. entries already stored (by id) are dropped: receiving twice changes nothing;
2. the new entries are stored;
3. the earliest entry that carries an entity's attributes creates it;
4. each field value joins the field's history; the value with the latest timestamp is the
   current one, and every other value records the timestamp of the value that followed it
   (``superseded_by``), whatever the order of arrival;
5. the entities are projected onto the case tables, or parked while their case is unknown.

Conflicts. A value is *concurrent* with the one before it when its author had not seen that
one (its ``base``, the value the author saw, is older); only such pairs are conflicts, and only
when the values differ. Sequential edits (each author saw the previous value) are not.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, exists, select

from workbench.store.models import cases, field_history, sync_entities, sync_entries, utc_now
from workbench.sync.entries import EntityType, Entry, decode_value, encode_value
from workbench.sync.projection import EntityView, chunks, execute_many, project_many


@dataclass
class Applied:
    """What applying a batch did."""

    #: New entries per entity type ("event", "note", ...); repeats are not counted.
    entries: Counter[str] = field(default_factory=Counter)
    #: New field values that are concurrent with a different value (a conflict).
    conflicts: int = 0


def known_entry_ids(connection: Connection, entry_ids: Sequence[str]) -> set[str]:
    """Which of these entry ids are stored already."""
    known: set[str] = set()
    for chunk in chunks(entry_ids):
        known.update(connection.execute(
            select(sync_entries.c.entry_id).where(sync_entries.c.entry_id.in_(chunk))).scalars())
    return known


def apply_entries(connection: Connection, entries: Iterable[Entry], *, local: bool) -> Applied:
    """Store and apply the entries not stored yet; what they changed."""
    unique = {entry.entry_id: entry for entry in entries}
    known = known_entry_ids(connection, list(unique))
    new = [entry for entry_id, entry in unique.items() if entry_id not in known]
    applied = Applied()
    if not new:
        return applied
    now = utc_now()
    connection.execute(sync_entries.insert(), [{
        "entry_id": e.entry_id, "author": e.author, "hlc": e.hlc,
        "entity_type": e.entity_type.value, "entity_id": e.entity_id, "case_id": e.case_id,
        "payload": e.encode_values(), "local": local, "pending": local, "recorded_at": now,
        "node": e.node, "seq": e.seq,
        "bases": json.dumps(dict(e.bases), sort_keys=True) if e.bases else None,
    } for e in new])
    entity_ids = sorted({e.entity_id for e in new})
    entities = _remember_attributes(connection, new, entity_ids)
    applied.conflicts = _write_fields(connection, new, entity_ids, entities)
    project_entities(connection, [entities[eid] for eid in entity_ids if eid in entities])
    applied.entries.update(e.entity_type.value for e in new)
    return applied


@dataclass
class _Entity:
    entity_id: str
    entity_type: EntityType
    case_id: str | None
    attributes: dict[str, Any]
    attributes_hlc: str
    parked: bool
    current: dict[str, Any] = field(default_factory=dict)


def _load_entities(connection: Connection, entity_ids: Sequence[str]) -> dict[str, _Entity]:
    found: dict[str, _Entity] = {}
    for chunk in chunks(entity_ids):
        for row in connection.execute(select(sync_entities)
                                      .where(sync_entities.c.entity_id.in_(chunk))):
            found[row.entity_id] = _Entity(
                row.entity_id, EntityType(row.entity_type), row.case_id,
                json.loads(row.attributes), row.attributes_hlc, bool(row.parked))
    return found


def _remember_attributes(connection: Connection, new: Sequence[Entry],
                         entity_ids: Sequence[str]) -> dict[str, _Entity]:
    """Create each entity from the earliest entry that carries its attributes."""
    entities = _load_entities(connection, entity_ids)
    inserts: dict[str, _Entity] = {}
    updates: dict[str, _Entity] = {}
    for entry in sorted(new, key=lambda e: e.hlc):
        attributes = entry.attributes()
        if attributes is None:
            continue
        stored = entities.get(entry.entity_id)
        if stored is not None and stored.attributes_hlc <= entry.hlc:
            continue
        entity = _Entity(entry.entity_id, entry.entity_type, entry.case_id, attributes,
                         entry.hlc, stored.parked if stored is not None else False)
        entities[entry.entity_id] = entity
        if stored is None or entry.entity_id in inserts:
            inserts[entry.entity_id] = entity
        else:
            updates[entry.entity_id] = entity

    def row(entity: _Entity) -> dict[str, Any]:
        return {"entity_type": entity.entity_type.value, "case_id": entity.case_id,
                "attributes": json.dumps(entity.attributes, sort_keys=True, ensure_ascii=False),
                "attributes_hlc": entity.attributes_hlc}

    execute_many(connection, sync_entities.insert(),
                  [{"entity_id": e.entity_id, "parked": False, **row(e)}
                   for e in inserts.values()])
    execute_many(connection, sync_entities.update()
                  .where(sync_entities.c.entity_id == bindparam("b_id"))
                  .values(entity_type=bindparam("entity_type"), case_id=bindparam("case_id"),
                          attributes=bindparam("attributes"),
                          attributes_hlc=bindparam("attributes_hlc")),
                  [{"b_id": e.entity_id, **row(e)} for e in updates.values()])
    return entities


def _write_fields(connection: Connection, new: Sequence[Entry], entity_ids: Sequence[str],
                  entities: dict[str, _Entity]) -> int:
    """Add the new values to the history, relink it, note current values; the conflicts."""
    written = [{
        "entity_id": e.entity_id, "entity_type": e.entity_type.value, "field": name,
        "value": encode_value(value), "author": e.author, "hlc": e.hlc,
        "entry_id": e.entry_id, "superseded_by": None, "base_hlc": e.bases.get(name),
    } for e in new for name, value in e.field_values().items()]
    execute_many(connection, field_history.insert(), written)
    new_ids = {e.entry_id for e in new}
    histories: dict[tuple[str, str], list[Any]] = {}
    for chunk in chunks(entity_ids):
        for row in connection.execute(
                select(field_history.c.id, field_history.c.entity_id, field_history.c.field,
                       field_history.c.value, field_history.c.hlc, field_history.c.entry_id,
                       field_history.c.superseded_by, field_history.c.base_hlc)
                .where(field_history.c.entity_id.in_(chunk))):
            histories.setdefault((row.entity_id, row.field), []).append(row)
    relinks: list[dict[str, Any]] = []
    conflicts = 0
    for (entity_id, name), rows in histories.items():
        rows.sort(key=lambda r: (r.hlc, r.entry_id))
        successors = [r.hlc for r in rows[1:]] + [None]
        for row, successor in zip(rows, successors, strict=True):
            if row.superseded_by != successor:
                relinks.append({"b_id": row.id, "superseded_by": successor})
        for index, row in enumerate(rows):
            if row.entry_id in new_ids and (
                    (index > 0 and concurrent(rows[index - 1], row))
                    or (index + 1 < len(rows) and concurrent(row, rows[index + 1]))):
                conflicts += 1
        entity = entities.get(entity_id)
        if entity is not None:
            entity.current[name] = decode_value(rows[-1].value)
    execute_many(connection, field_history.update()
                  .where(field_history.c.id == bindparam("b_id"))
                  .values(superseded_by=bindparam("superseded_by")), relinks)
    return conflicts


def concurrent(older: Any, newer: Any) -> bool:
    """True if ``newer``'s author wrote it without having seen ``older`` and they differ."""
    base = newer.base_hlc
    return base is not None and base < older.hlc and older.value != newer.value


def project_entities(connection: Connection, entities: Sequence[_Entity]) -> None:
    """Project entities whose case is known; park the others (and unpark the known ones)."""
    case_ids = sorted({e.case_id for e in entities
                       if e.case_id is not None and e.entity_type is not EntityType.COVER})
    known_cases: set[str] = set()
    for chunk in chunks(case_ids):
        known_cases.update(connection.execute(
            select(cases.c.case_id).where(cases.c.case_id.in_(chunk))).scalars())
    shown: list[EntityView] = []
    flips: list[dict[str, Any]] = []
    for entity in entities:
        case_known = (entity.case_id is None or entity.entity_type is EntityType.COVER
                      or entity.case_id in known_cases)
        if case_known:
            shown.append(EntityView(entity.entity_id, entity.entity_type, entity.case_id,
                                    entity.attributes, entity.current))
        if entity.parked == case_known:
            flips.append({"b_id": entity.entity_id, "parked": not case_known})
    project_many(connection, shown)
    execute_many(connection, sync_entities.update()
                  .where(sync_entities.c.entity_id == bindparam("b_id"))
                  .values(parked=bindparam("parked")), flips)


def reproject(connection: Connection, entity_ids: Sequence[str]) -> None:
    """Project these entities again from their stored attributes and current values."""
    entities = _load_entities(connection, entity_ids)
    for chunk in chunks(list(entities)):
        for row in connection.execute(
                select(field_history.c.entity_id, field_history.c.field, field_history.c.value)
                .where(field_history.c.entity_id.in_(chunk),
                       field_history.c.superseded_by.is_(None))):
            entities[row.entity_id].current[row.field] = decode_value(row.value)
    project_entities(connection, list(entities.values()))


def parked_with_known_case(connection: Connection) -> list[str]:
    """The parked entities whose case this database knows now."""
    return list(connection.execute(select(sync_entities.c.entity_id).where(
        sync_entities.c.parked.is_(True),
        exists().where(cases.c.case_id == sync_entities.c.case_id),
    )).scalars())
