"""The outbox: local entries not yet handed to the team's transport.

An entry leaves the outbox only after the transport has it for good (the batch file is
renamed into place and read back, or the hub committed it). Sending twice is harmless —
receivers ignore an entry id they have — so a crash between sending and marking only means
the entry is sent again next time.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, RowMapping, func, select

from workbench.store.models import sync_entries
from workbench.sync.entries import EntityType, Entry

#: Entries read from the outbox and pushed at a time (a first join may send thousands).
BATCH_SIZE = 5000


def pending(connection: Connection, limit: int = BATCH_SIZE) -> list[Entry]:
    """The oldest local entries still to send, oldest first."""
    rows = connection.execute(
        select(*ENTRY_COLUMNS).where(sync_entries.c.pending.is_(True))
        .order_by(sync_entries.c.hlc).limit(limit)
    ).all()
    return [entry_from_row(row._mapping) for row in rows]


#: The columns an entry is made of (not the bookkeeping beside them).
ENTRY_COLUMNS = (sync_entries.c.entry_id, sync_entries.c.author, sync_entries.c.hlc,
                 sync_entries.c.entity_type, sync_entries.c.entity_id, sync_entries.c.case_id,
                 sync_entries.c.payload, sync_entries.c.bases, sync_entries.c.node,
                 sync_entries.c.seq)


def pending_count(connection: Connection) -> int:
    """How many local entries are still to send."""
    return int(connection.execute(
        select(func.count()).select_from(sync_entries).where(sync_entries.c.pending.is_(True))
    ).scalar_one())


def mark_sent_upto(connection: Connection, hlc: str) -> None:
    """Take the oldest entries up to ``hlc`` out of the outbox: what ``pending`` handed out.

    One statement for a whole batch: local entries are stamped by one clock, so those made
    while the batch was on its way are all later than it.
    """
    connection.execute(sync_entries.update().where(
        sync_entries.c.pending.is_(True), sync_entries.c.hlc <= hlc).values(pending=False))


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
        bases=json.loads(mapping["bases"]) if mapping["bases"] else {},
        node=mapping["node"], seq=mapping["seq"],
    )
