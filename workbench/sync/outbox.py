"""The outbox: local entries not yet handed to the team's transport.

An entry leaves the outbox only after the transport has it for good (the batch file is
renamed into place and read back, or the hub committed it). Sending twice is harmless —
receivers ignore an entry id they have — so a crash between sending and marking only means
the entry is sent again next time.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from sqlalchemy import Connection, RowMapping, bindparam, func, select

from workbench.store.models import field_history, sync_entries
from workbench.sync.entries import EntityType, Entry

#: Entries per batch: a week offline is a few hundred; a batch stays small either way.
BATCH_SIZE = 1000


def pending(connection: Connection, limit: int = BATCH_SIZE) -> list[Entry]:
    """The oldest local entries still to send, oldest first."""
    rows = connection.execute(
        select(sync_entries).where(sync_entries.c.pending.is_(True))
        .order_by(sync_entries.c.hlc).limit(limit)
    ).all()
    return with_bases(connection, [entry_from_row(row._mapping) for row in rows])


def with_bases(connection: Connection, entries: Sequence[Entry]) -> list[Entry]:
    """The entries with the bases of their values (kept in the field history)."""
    bases: dict[str, dict[str, str]] = {}
    ids = [entry.entry_id for entry in entries]
    for start in range(0, len(ids), 500):
        for entry_id, name, base in connection.execute(
                select(field_history.c.entry_id, field_history.c.field, field_history.c.base_hlc)
                .where(field_history.c.entry_id.in_(ids[start:start + 500]),
                       field_history.c.base_hlc.is_not(None))):
            bases.setdefault(entry_id, {})[name] = base
    return [dataclasses.replace(entry, bases=bases.get(entry.entry_id, {}))
            for entry in entries]


def pending_count(connection: Connection) -> int:
    """How many local entries are still to send."""
    return int(connection.execute(
        select(func.count()).select_from(sync_entries).where(sync_entries.c.pending.is_(True))
    ).scalar_one())


def mark_sent(connection: Connection, entry_ids: Sequence[str]) -> None:
    """Take entries out of the outbox: the transport has them."""
    if entry_ids:
        connection.execute(
            sync_entries.update().where(sync_entries.c.entry_id == bindparam("b_id"))
            .values(pending=False),
            [{"b_id": entry_id} for entry_id in entry_ids],
        )


def resend_all(connection: Connection) -> None:
    """Put every local entry back in the outbox (a new transport has none of them yet)."""
    connection.execute(sync_entries.update().where(sync_entries.c.local.is_(True))
                       .values(pending=True))


def entry_from_row(mapping: RowMapping) -> Entry:
    """An entry as stored in ``sync_entries``."""
    return Entry(
        entry_id=str(mapping["entry_id"]), author=str(mapping["author"]),
        hlc=str(mapping["hlc"]), entity_type=EntityType(mapping["entity_type"]),
        entity_id=str(mapping["entity_id"]),
        case_id=None if mapping["case_id"] is None else str(mapping["case_id"]),
        values=json.loads(str(mapping["payload"])),
        node=mapping["node"], seq=mapping["seq"],
    )
