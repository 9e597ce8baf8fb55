"""Conflicts a person can see: two concurrent changes of one field, the kept and the lost value.

Every value a team entity's field was given stays in the field history. Most replaced values
are ordinary sequential edits: their successor's author had seen them (the successor's
*base*, the value its author saw, is that value or a later one). A *conflict* is a value
whose successor was written without having seen it — two members changed the field at the
same time, neither knowing of the other — and whose value differs from it. Last-writer-wins
kept the later one; the case panel and ``workbench case show`` show both, with author and
time, so a person can put right what the clock decided.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from workbench.store.models import field_history, sync_entities
from workbench.sync.entries import EntityType, decode_value
from workbench.sync.views import FieldChange, clock_time


@dataclass(frozen=True)
class Conflict:
    """Two concurrent values of one field: the one kept and the one that lost."""

    entity_type: EntityType
    entity_id: str
    case_id: str | None
    field: str
    kept: FieldChange
    lost: FieldChange


def case_conflicts(connection: Connection, case_id: str) -> list[Conflict]:
    """The conflicts on the team entities of one case, oldest first."""
    entity_ids = list(connection.execute(select(sync_entities.c.entity_id).where(
        sync_entities.c.case_id == case_id)).scalars())
    found: list[Conflict] = []
    for start in range(0, len(entity_ids), 500):
        found.extend(_conflicts(connection, entity_ids[start:start + 500], case_id))
    return sorted(found, key=lambda c: (c.lost.hlc, c.entity_id, c.field))


def _conflicts(connection: Connection, entity_ids: list[str],
               case_id: str | None) -> list[Conflict]:
    histories: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in connection.execute(select(field_history).where(
            field_history.c.entity_id.in_(entity_ids))):
        histories[(row.entity_id, row.field)].append(row)
    found = []
    for (entity_id, name), rows in histories.items():
        ordered = sorted(rows, key=lambda r: (r.hlc, r.entry_id))
        for older, newer in itertools.pairwise(ordered):
            base = newer.base_hlc
            if base is not None and base < older.hlc and older.value != newer.value:
                found.append(Conflict(EntityType(newer.entity_type), entity_id, case_id, name,
                                      _change(newer), _change(older)))
    return found


def _change(row: Any) -> FieldChange:
    """A field_history row as the value it records."""
    return FieldChange(
        entity_type=EntityType(row.entity_type), entity_id=row.entity_id, field=row.field,
        value=decode_value(row.value), author=row.author, hlc=row.hlc, at=clock_time(row.hlc),
        superseded_by=row.superseded_by)
