"""Restoring a backup over a database that is *not* damaged, without losing what came since.

A damaged database is simply replaced (``workbench.store.recovery``). An intact one holds work
the backup lacks: the local changes made since it (team entries, some maybe not yet sent) and
the audit entries written since it. ``what_it_loses`` counts them, so the command line can
refuse and say so; ``restore_keeping_work`` restores anyway and then carries the audit entries
into the restored database (the audit log is append-only, also across a restore) and offers
the local changes back into its outbox, from the replaced file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workbench import audit
from workbench.audit import AuditAction
from workbench.store import encryption
from workbench.store.database import Database
from workbench.store.models import audit_log, sync_entries
from workbench.store.recovery import restore_backup
from workbench.sync.entries import Entry
from workbench.sync.outbox import entry_from_row
from workbench.sync.replica import Replica


@dataclass(frozen=True)
class SinceBackup:
    """What the database holds that the backup does not."""

    #: Local team entries (registrations, notes, corrections) the backup lacks.
    local_changes: tuple[Entry, ...]
    #: Audit entries written after the backup's last one, as column values.
    audit_entries: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Restored:
    """A restore over an intact database: where the old file is, and what was carried over."""

    kept: Path
    audit_entries: int
    local_changes: int


def _backup_contents(backup: Path) -> tuple[int, set[str]]:
    """The backup's last audit entry id and its team entry ids."""
    key = encryption.file_key(backup)
    connect: Any = (lambda: encryption.connect(backup, key)) if key is not None else \
        (lambda: sqlite3.connect(backup))
    with contextlib.closing(connect()) as db:
        def rows(query: str) -> list[Any]:
            try:
                return list(db.execute(query))
            except sqlite3.DatabaseError:  # a backup older than the table
                return []
        last = rows("SELECT max(id) FROM audit_log")
        entry_ids = {str(row[0]) for row in rows("SELECT entry_id FROM sync_entries")}
    return (int(last[0][0] or 0) if last else 0), entry_ids


def what_it_loses(database: Path, backup: Path) -> SinceBackup:
    """The local changes and audit entries in ``database`` that ``backup`` does not hold."""
    last_audit, backed_up = _backup_contents(backup)
    store = Database.open(database)
    try:
        with store.transaction() as connection:
            local = [entry_from_row(row._mapping) for row in connection.execute(
                select(sync_entries).where(sync_entries.c.local.is_(True))
                .order_by(sync_entries.c.hlc))]
            audits = [dict(row._mapping) for row in connection.execute(
                select(audit_log).where(audit_log.c.id > last_audit).order_by(audit_log.c.id))]
    finally:
        store.dispose()
    return SinceBackup(tuple(e for e in local if e.entry_id not in backed_up), tuple(audits))


def restore_keeping_work(database: Path, backup: Path, *, initials: str) -> Restored:
    """Restore ``backup`` over an intact ``database`` and carry over what came since it.

    The audit entries written since the backup are copied into the restored database, with
    their times, followed by one entry for the restore itself; the local changes since it go
    back into the outbox (and onto the case tables), so nothing made here is lost.
    """
    since = what_it_loses(database, backup)
    kept = restore_backup(database, backup)
    store = Database.open(database)
    try:
        with store.transaction(write=True) as connection:
            for entry in since.audit_entries:
                connection.execute(audit_log.insert().values(
                    {name: value for name, value in entry.items() if name != "id"}))
            taken = Replica(connection).take_back(since.local_changes)
            audit.record(connection, AuditAction.RESTORE_BACKUP, initials=initials,
                         file=str(backup), detail=(
                             f"carried over {len(since.audit_entries)} audit entries and "
                             f"{taken} local changes; the old file is kept as {kept.name}"))
    finally:
        store.dispose()
    return Restored(kept, len(since.audit_entries), taken)
