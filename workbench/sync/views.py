"""The team's read side: cover assignments, the field history and who did what.

Plain frozen dataclasses, like ``workbench.views``, for the UI and the command line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select

from workbench.store.models import field_history, inquiries, notes, sync_entities, sync_entries
from workbench.sync.entries import EntityType, FieldValue, decode_value
from workbench.sync.hlc import Timestamp
from workbench.sync.payloads import CoverAttributes, CoverFields, known


def clock_time(hlc: str) -> dt.datetime:
    """The wall-clock time (UTC) of a hybrid logical clock timestamp."""
    return dt.datetime.fromtimestamp(Timestamp.parse(hlc).wall_ms / 1000, dt.UTC)


@dataclass(frozen=True)
class CoverRow:
    """Who covers an absent colleague's cases (or one case of theirs), and when."""

    entity_id: str
    absent: str
    #: None: all of the absent colleague's cases.
    case_id: str | None
    #: None once the cover is cancelled.
    covering: str | None
    starts: dt.date | None
    ends: dt.date | None
    #: Who made the current assignment, and when.
    assigned_by: str
    assigned_at: dt.datetime

    def active_on(self, day: dt.date) -> bool:
        """True if the cover holds on ``day``."""
        return (self.covering is not None and self.starts is not None
                and self.ends is not None and self.starts <= day <= self.ends)


@dataclass(frozen=True)
class FieldChange:
    """One value a team entity's field was given; the current one has no ``superseded_by``."""

    entity_type: EntityType
    entity_id: str
    field: str
    value: FieldValue
    author: str
    hlc: str
    at: dt.datetime
    #: The timestamp of the value that replaced this one; None for the current value.
    superseded_by: str | None

    @property
    def is_current(self) -> bool:
        """True for the field's value now."""
        return self.superseded_by is None


@dataclass(frozen=True)
class TeamActivity:
    """One team entry: who changed what, when, and whether it was made here."""

    at: dt.datetime
    author: str
    entity_type: EntityType
    entity_id: str
    case_id: str | None
    values: dict[str, FieldValue]
    local: bool


def covers(connection: Connection) -> list[CoverRow]:
    """Every cover assignment ever made (cancelled ones have no ``covering``)."""
    entities = connection.execute(
        select(sync_entities.c.entity_id, sync_entities.c.attributes)
        .where(sync_entities.c.entity_type == EntityType.COVER.value)
    ).all()
    rows = []
    for entity_id, attributes_text in entities:
        attributes = json.loads(attributes_text)
        current = {change.field: change for change in field_changes(connection, entity_id)
                   if change.is_current}
        if not {"covering", "starts", "ends"} <= current.keys():
            continue  # a cover entry is always written whole; this one is not (yet) complete
        decider = current["covering"]
        cover = CoverAttributes.from_json(attributes)
        now = CoverFields.from_json({name: change.value for name, change in current.items()})
        rows.append(CoverRow(
            entity_id=entity_id, absent=cover.absent, case_id=cover.case_id,
            covering=_text(known(now.covering)),
            starts=known(now.starts), ends=known(now.ends),
            assigned_by=decider.author, assigned_at=decider.at,
        ))
    return sorted(rows, key=lambda r: (r.absent, r.case_id or "", r.entity_id))


def field_changes(connection: Connection, entity_id: str) -> list[FieldChange]:
    """Every value of every field of an entity, field by field, oldest first."""
    rows = connection.execute(
        select(field_history).where(field_history.c.entity_id == entity_id)
        .order_by(field_history.c.field, field_history.c.hlc)
    ).all()
    return [FieldChange(
        entity_type=EntityType(row.entity_type), entity_id=row.entity_id, field=row.field,
        value=decode_value(row.value), author=row.author, hlc=row.hlc, at=clock_time(row.hlc),
        superseded_by=row.superseded_by,
    ) for row in rows]


def superseded_on_case(connection: Connection, case_id: str) -> list[FieldChange]:
    """The replaced values of the team entities of one case (the "who changed what" trail)."""
    entity_ids = connection.execute(
        select(sync_entities.c.entity_id).where(sync_entities.c.case_id == case_id)
    ).scalars().all()
    changes = [change for entity_id in entity_ids
               for change in field_changes(connection, entity_id) if not change.is_current]
    return sorted(changes, key=lambda c: c.hlc)


def entity_of(connection: Connection, entity_type: EntityType, row_id: int) -> str | None:
    """The team entity id of a local inquiry or note row."""
    table = inquiries if entity_type is EntityType.INQUIRY else notes
    found = connection.execute(select(table.c.entity_id).where(table.c.id == row_id)).scalar()
    return None if found is None else str(found)


def activity(
    connection: Connection, *, case_id: str | None = None, author: str | None = None,
    limit: int = 200,
) -> list[TeamActivity]:
    """The newest team entries (of one case and/or author), newest first."""
    query = select(sync_entries).order_by(sync_entries.c.hlc.desc()).limit(limit)
    if case_id is not None:
        query = query.where(sync_entries.c.case_id == case_id)
    if author is not None:
        query = query.where(sync_entries.c.author == author)
    return [TeamActivity(
        at=clock_time(row.hlc), author=row.author, entity_type=EntityType(row.entity_type),
        entity_id=row.entity_id, case_id=row.case_id, values=json.loads(row.payload),
        local=bool(row.local),
    ) for row in connection.execute(query)]


def _text(value: FieldValue) -> str | None:
    return value if isinstance(value, str) else None
