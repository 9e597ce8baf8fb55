"""A glance at a closed SQLite database's settings, without opening the store.

``workbench deadline`` needs a database's calendar settings (its closure days) and its
language; opening the store for them loads SQLAlchemy and Alembic (about 0.6 s, four times
the date sum). A file that was closed cleanly and has not changed since
(``integrity.ShutdownRecord`` finds no cause to check it) is read here with the standard
library, read-only and without creating a journal beside it. Whenever that trust is
missing — no record, an unclean close, a change, a due check, another program writing while
it is read, an encrypted or unreadable file, no settings table — the glance answers None and
the caller opens the store, which checks and migrates as always.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from workbench.store.integrity import ShutdownRecord

#: The first bytes of every plain SQLite database (an encrypted one has none of them).
SQLITE_HEADER = b"SQLite format 3\x00"


def stored_settings(database: Path, keys: Iterable[str]) -> dict[str, str] | None:
    """The stored values (JSON text) of those of ``keys`` the user saved, by key.

    None if the file cannot be trusted or read without opening the store (see above).
    """
    wanted = set(keys)
    try:
        with database.open("rb") as stream:
            if stream.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
    except OSError:
        return None
    record = ShutdownRecord(database)
    if record.reason_to_check() is not None:
        return None
    # immutable: no lock, no -wal or -shm file made; a writer meanwhile shows below.
    uri = f"{database.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute("SELECT key, value FROM settings").fetchall()
    except (sqlite3.Error, OSError, ValueError):
        return None
    if ShutdownRecord(database).reason_to_check() is not None:
        return None  # written to while it was read: what was read may be half of it
    return {str(key): str(value) for key, value in rows if key in wanted}
