"""Migration 0010: the events' key becomes a unique index; the entity index holds set ids only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, insert, select
from sqlalchemy.exc import IntegrityError

from tests.helpers.migrations import at_revision
from workbench.session import Workbench
from workbench.store.database import resolve_url
from workbench.store.models import cases, events

DAY = dt.date(2026, 2, 1)


def _event(**fields: object) -> dict[str, object]:
    return {"case_id": "S1", "date": DAY, "kind": "samtale", "source": "central",
            "confirmed": False, "entity_id": None, **fields}


def test_the_events_survive_the_migration_and_keep_their_guarantees(database_url: str) -> None:
    at_revision(database_url, "0009")
    engine = create_engine(resolve_url(database_url))
    with engine.begin() as connection:
        connection.execute(insert(cases).values(
            case_id="S1", cpr="0101901234", name="Anne", scheme="sygedagpenge",
            caseworker="ABC", team=None, start=DAY, closed_on=None))
        connection.execute(insert(events), [
            _event(), _event(kind="screening"),
            _event(date=DAY + dt.timedelta(days=1), source="local", entity_id="e-1")])
    engine.dispose()

    with Workbench.open(database_url) as workbench:
        with workbench.database.transaction() as connection:
            stored = connection.execute(select(
                events.c.date, events.c.kind, events.c.source, events.c.entity_id)
                .order_by(events.c.id)).all()
        assert [tuple(row) for row in stored] == [
            (DAY, "samtale", "central", None), (DAY, "screening", "central", None),
            (DAY + dt.timedelta(days=1), "samtale", "local", "e-1")]
        # Central events without an entity id are many; a key or an entity id only once.
        with workbench.database.transaction(write=True) as connection:
            connection.execute(insert(events).values(**_event(kind="afklaring")))
        for repeated in (_event(), _event(date=DAY + dt.timedelta(days=9), entity_id="e-1")):
            with pytest.raises(IntegrityError), \
                    workbench.database.transaction(write=True) as connection:
                connection.execute(insert(events).values(**repeated))
