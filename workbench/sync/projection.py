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
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from workbench.store.models import (
    SOURCE_CENTRAL,
    SOURCE_LOCAL,
    events,
    exemptions,
    inquiries,
    notes,
    pauses,
)
from workbench.sync.entries import EntityType, FieldValue

Values = Mapping[str, FieldValue]


def project(
    connection: Connection, entity_type: EntityType, entity_id: str, attributes: Values,
    current: Values,
) -> None:
    """Bring the case tables in line with one entity (whose case is known here)."""
    if entity_type is EntityType.EVENT:
        _project_event(connection, entity_id, attributes, current)
    elif entity_type is EntityType.NOTE:
        _project_note(connection, entity_id, attributes, current)
    elif entity_type is EntityType.INQUIRY:
        _project_inquiry(connection, entity_id, attributes, current)
    elif entity_type in (EntityType.PAUSE, EntityType.EXEMPTION):
        _project_waiver(connection, entity_type, entity_id, attributes, current)
    # A cover assignment lives in the team tables only (see workbench.sync.covers).


def _project_event(connection: Connection, entity_id: str, attributes: Values,
                   current: Values) -> None:
    """One event row while the registration stands; the export's row (or none) once withdrawn."""
    key = (events.c.case_id == attributes["case_id"],
           events.c.date == _date(attributes["date"]),
           events.c.kind == attributes["kind"])
    row = connection.execute(select(events.c.id, events.c.source, events.c.confirmed)
                             .where(*key)).first()
    central_has_it = row is not None and (row.source == SOURCE_CENTRAL or bool(row.confirmed))
    if current.get("present") is True:
        values: dict[str, Any] = {
            "source": SOURCE_LOCAL, "registered_by": current.get("registered_by"),
            "registered_at": _datetime(current.get("registered_at")),
            "confirmed": central_has_it, "entity_id": entity_id,
        }
        if row is None:
            connection.execute(events.insert().values(
                case_id=attributes["case_id"], date=_date(attributes["date"]),
                kind=attributes["kind"], **values))
        else:
            connection.execute(events.update().where(events.c.id == row.id).values(**values))
    elif row is not None and central_has_it:
        connection.execute(events.update().where(events.c.id == row.id).values(
            source=SOURCE_CENTRAL, registered_by=None, registered_at=None, confirmed=False,
            entity_id=None))
    elif row is not None:
        connection.execute(events.delete().where(events.c.id == row.id))


def _project_note(connection: Connection, entity_id: str, attributes: Values,
                  current: Values) -> None:
    """The note's row with its current text; no row once it is deleted (a tombstone)."""
    row_id = connection.execute(select(notes.c.id).where(notes.c.entity_id == entity_id)
                                ).scalar()
    text = current.get("text")
    if current.get("deleted") is True or not isinstance(text, str):
        if row_id is not None:
            connection.execute(notes.delete().where(notes.c.id == row_id))
        return
    if row_id is None:
        connection.execute(notes.insert().values(
            case_id=attributes["case_id"], author=attributes["author"],
            written_at=_datetime(attributes["written_at"]), text=text, entity_id=entity_id))
    else:
        connection.execute(notes.update().where(notes.c.id == row_id).values(text=text))


def _project_inquiry(connection: Connection, entity_id: str, attributes: Values,
                     current: Values) -> None:
    """The inquiry's row with its current answer (if any)."""
    row_id = connection.execute(select(inquiries.c.id).where(inquiries.c.entity_id == entity_id)
                                ).scalar()
    answer = {"answered_on": _date(current.get("answered_on")),
              "answered_by": current.get("answered_by")}
    if row_id is None:
        connection.execute(inquiries.insert().values(
            case_id=attributes["case_id"], channel=attributes["channel"],
            received=_date(attributes["received"]), registered_by=attributes["registered_by"],
            registered_at=_datetime(attributes["registered_at"]), entity_id=entity_id, **answer))
    else:
        connection.execute(inquiries.update().where(inquiries.c.id == row_id).values(**answer))


def _project_waiver(connection: Connection, entity_type: EntityType, entity_id: str,
                    attributes: Values, current: Values) -> None:
    """A pause's or exemption's row, with its end and whether it was withdrawn.

    Only team entries write these rows; an import never touches them.
    """
    table = pauses if entity_type is EntityType.PAUSE else exemptions
    changing: dict[str, Any] = {"withdrawn": current.get("withdrawn") is True}
    if entity_type is EntityType.PAUSE:
        changing["ends"] = _date(current.get("ends"))
    row_id = connection.execute(select(table.c.id).where(table.c.entity_id == entity_id)
                                ).scalar()
    if row_id is not None:
        connection.execute(table.update().where(table.c.id == row_id).values(**changing))
        return
    fixed: dict[str, Any] = {
        "case_id": attributes["case_id"], "reason": attributes["reason"],
        "registered_by": attributes["registered_by"],
        "registered_at": _datetime(attributes["registered_at"]), "entity_id": entity_id,
    }
    if entity_type is EntityType.PAUSE:
        fixed["starts"] = _date(attributes["starts"])
    else:
        fixed["rule_id"] = attributes["rule_id"]
    connection.execute(table.insert().values(**fixed, **changing))


def _date(value: FieldValue) -> dt.date | None:
    """A date field (ISO text) as a date."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _datetime(value: FieldValue) -> dt.datetime | None:
    """A time field (ISO text, naive UTC as the store keeps times) as a datetime."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
