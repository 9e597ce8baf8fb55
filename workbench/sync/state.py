"""The team's settings and bookkeeping, kept in the database's settings table.

Every key starts with ``team.``; values are JSON, like the user's settings beside them. The
user's settings (``workbench.settings.Settings``) never touch these keys.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from workbench.store.models import settings

PREFIX = "team."
#: This database's node id in the hybrid logical clock.
NODE = "team.node"
#: The clock's last reading: persisted so that it is monotonic across restarts.
CLOCK = "team.clock"
#: The sequence number of the last local entry (they are numbered 1, 2, 3, ... per replica).
SEQ = "team.seq"
#: The number of the last batch file written to the shared folder (never reused).
BATCH = "team.batch"
#: The id of the team key (the key itself is in the OS keyring).
KEY_ID = "team.key_id"
#: The teammates' replicas' states as last read: digest, counts, what they miss.
PEERS = "team.peers"
#: True once the local work made before the team feature existed has entries.
ADOPTED = "team.adopted"
ME = "team.me"
MEMBERS = "team.members"
TRANSPORT = "team.transport"
TARGET = "team.target"
#: The transport's pull cursor (opaque text).
CURSOR = "team.cursor"
LAST_SYNC = "team.last_sync"


def read(connection: Connection, *keys: str, for_update: bool = False) -> dict[str, Any]:
    """The stored values of ``keys`` (decoded); a key never stored is absent."""
    query = select(settings.c.key, settings.c.value).where(settings.c.key.in_(keys))
    if for_update:
        query = query.with_for_update()
    return {key: json.loads(value) for key, value in connection.execute(query)}


def lock(connection: Connection, defaults: dict[str, Any]) -> dict[str, Any]:
    """The values of ``defaults``' keys, locked until the transaction ends.

    A key never stored is created with its default first, with INSERT ... ON CONFLICT DO
    NOTHING: on a PostgreSQL store shared by several people, two first-ever changes at once
    must not both create the clock (a missing row cannot be locked), and the second must then
    wait for, and see, the first one's clock.
    """
    stored = read(connection, *defaults, for_update=True)
    missing = [key for key in defaults if key not in stored]
    if not missing:
        return stored
    # Loaded here, not with the module: the window's first read needs neither dialect's
    # insert, and loading PostgreSQL's costs a SQLite database's opening some 20 ms.
    rows = [{"key": key, "value": json.dumps(defaults[key])} for key in missing]
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        connection.execute(postgresql.insert(settings).values(rows)
                           .on_conflict_do_nothing(index_elements=["key"]))
    else:
        from sqlalchemy.dialects import sqlite

        connection.execute(sqlite.insert(settings).values(rows)
                           .on_conflict_do_nothing(index_elements=["key"]))
    return read(connection, *defaults, for_update=True)


def write(connection: Connection, values: dict[str, Any]) -> None:
    """Store ``values`` (JSON-encoded), replacing what the keys held."""
    for key, value in values.items():
        encoded = json.dumps(value, ensure_ascii=False)
        updated = connection.execute(
            settings.update().where(settings.c.key == key).values(value=encoded))
        if updated.rowcount == 0:
            connection.execute(settings.insert().values(key=key, value=encoded))


def forget(connection: Connection, *keys: str) -> None:
    """Remove ``keys`` from the settings."""
    connection.execute(settings.delete().where(settings.c.key.in_(keys)))
