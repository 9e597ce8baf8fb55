"""Helpers for the team sync tests: a small export, an in-memory transport, replica state."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.helpers.exports import Case, write_cases, write_events
from tests.workbench.conftest import _backends, _fresh_postgres_database
from workbench.session import Workbench
from workbench.store.models import events, field_history, inquiries, notes, sync_entries
from workbench.sync import views as sync_views
from workbench.sync.entries import EntityType, Entry
from workbench.sync.folder import FolderTransport
from workbench.sync.hub import HubTransport
from workbench.sync.sealing import Sealed, TeamKey
from workbench.sync.transport import Pulled, Transport
from workbench.sync.views import FieldChange, TeamActivity

EXPORT_DAY = dt.date(2026, 3, 10)
#: A team key for tests that use a transport on its own.
TEST_KEY = TeamKey(bytes(range(32)))


def sealed(entries: Sequence[Entry], member: str, node: str = "ab") -> list[Sealed]:
    """Entries as a member publishes them: numbered 1, 2, ... and sealed with TEST_KEY."""
    return [TEST_KEY.seal(dataclasses.replace(entry, node=node, seq=n), member)
            for n, entry in enumerate(entries, start=1)]
CASE_IDS = ("S1", "S2", "S3")


def write_export(folder: Path, case_ids: Sequence[str] = CASE_IDS,
                 history: Sequence[tuple[str, str, str]] = ()) -> list[Path]:
    """A cases file (caseworkers AB, CD, EF in turn) and an events file."""
    folder.mkdir(parents=True, exist_ok=True)
    owners = ("AB", "CD", "EF")
    rows = [Case(case_id, caseworker=owners[n % 3]) for n, case_id in enumerate(case_ids)]
    return [write_cases(folder / "sager.csv", rows),
            write_events(folder / "haendelser.csv", list(history))]


class MemoryTransport:
    """A transport that keeps entries in a list: the test decides what each pull sees."""

    def __init__(self) -> None:
        self.log: list[Sealed] = []
        self.published: dict[str, bytes] = {}

    def describe(self) -> str:
        return "memory"

    def push(self, entries: Sequence[Sealed]) -> None:
        self.log.extend(entries)

    def pull(self, cursor: str | None) -> Pulled:
        start = int(cursor or 0)
        return Pulled(list(self.log[start:]), str(len(self.log)))

    def publish_state(self, node: str, blob: bytes) -> None:
        self.published[node] = blob

    def states(self) -> list[bytes]:
        return list(self.published.values())


def outbox(workbench: Workbench) -> list[dict[str, Any]]:
    """The pending entries, as stored."""
    with workbench.database.transaction() as connection:
        rows = connection.execute(select(sync_entries).where(sync_entries.c.pending.is_(True))
                                  .order_by(sync_entries.c.hlc)).all()
    return [dict(row._mapping) for row in rows]


def team_state(workbench: Workbench) -> dict[str, Any]:
    """What a replica holds of the team's work, without local autoincrement ids."""
    with workbench.database.transaction() as connection:
        event_rows = {
            (row.case_id, row.date, row.kind): (row.source, row.registered_by, row.registered_at,
                                                bool(row.confirmed), row.entity_id)
            for row in connection.execute(select(events))
        }
        note_rows = {
            row.entity_id: (row.case_id, row.author, row.written_at, row.text)
            for row in connection.execute(select(notes))
        }
        inquiry_rows = {
            row.entity_id: (row.case_id, row.channel, row.received, row.registered_by,
                            row.registered_at, row.answered_on, row.answered_by)
            for row in connection.execute(select(inquiries))
        }
        history = {
            (row.entity_id, row.field, row.value, row.author, row.hlc, row.superseded_by)
            for row in connection.execute(select(field_history))
        }
        entry_ids = set(connection.execute(select(sync_entries.c.entry_id)).scalars())
    return {"events": event_rows, "notes": note_rows, "inquiries": inquiry_rows,
            "history": history, "entries": entry_ids, "covers": workbench.registrations.covers()}


def history_of(workbench: Workbench, entity_id: str) -> list[FieldChange]:
    """Every value each field of a team entity had, by whom and when (sync.views)."""
    with workbench.database.transaction() as connection:
        return sync_views.field_changes(connection, entity_id)


def entity_of(workbench: Workbench, entity_type: EntityType, row_id: int) -> str | None:
    """The team entity id of an inquiry or note row."""
    with workbench.database.transaction() as connection:
        return sync_views.entity_of(connection, entity_type, row_id)


def replaced_on_case(workbench: Workbench, case_id: str) -> list[FieldChange]:
    """The replaced values on a case's team entities, oldest first."""
    with workbench.database.transaction() as connection:
        return sync_views.superseded_on_case(connection, case_id)


def activity_of(workbench: Workbench, *, case_id: str | None = None,
                author: str | None = None) -> list[TeamActivity]:
    """The newest team entries (of a case, of an author)."""
    with workbench.database.transaction() as connection:
        return sync_views.activity(connection, case_id=case_id, author=author, limit=200)


def transport_kinds() -> list[Any]:
    """The shared folder always; the PostgreSQL hub wherever the store tests use the server."""
    return ["folder" if backend == "sqlite" else pytest.param("hub", marks=pytest.mark.postgres)
            for backend in _backends()]


class Meeting:
    """Where a test team's entries meet: a fresh shared folder, or a fresh hub database."""

    def __init__(self, kind: str, folder: Path) -> None:
        self.kind = kind
        self.folder = folder
        self._database = _fresh_postgres_database() if kind == "hub" else None
        self.url = next(self._database) if self._database is not None else ""
        folder.mkdir(parents=True, exist_ok=True)
        if kind == "hub":
            HubTransport(self.url, ()).prepare()

    def transport(self, me: str, members: Sequence[str]) -> Transport:
        """A member's transport to this meeting place (the hub learns the members)."""
        if self.kind == "hub":
            hub = HubTransport(self.url, members, me)
            hub.prepare()
            return hub
        return FolderTransport(self.folder, me, members)

    def join(self, workbench: Workbench, me: str, members: Sequence[str]) -> None:
        """Let a workbench join the team that meets here."""
        if self.kind == "hub":
            workbench.team.join(me, members, server=self.url)
        else:
            workbench.team.join(me, members, folder=self.folder)

    def close(self) -> None:
        """Drop the hub database (if any)."""
        if self._database is not None:
            next(self._database, None)
