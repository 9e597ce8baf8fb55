"""The PostgreSQL hub transport: one table of entries on a centre's server.

``team_entries`` holds every entry pushed, once: ``entry_id`` is unique and a push is
``INSERT ... ON CONFLICT (entry_id) DO NOTHING``, so pushing again is harmless. Its
``bigserial`` column ``seq`` is the pull cursor: a pull reads the rows after the last
sequence number seen, of the team's members only (one hub can serve many mini-teams).

Sequence gaps. A sequence number is handed out when a row is inserted, not when it is
committed: with two concurrent pushes, the one holding 7 may commit after the one holding 8.
A reader that saw 8 would move its cursor past 7 and never read it. Every push therefore
takes a transaction-level advisory lock before inserting; the lock is held until commit, so
pushes insert and commit one after the other and the committed sequence numbers only ever
grow: whatever a reader sees is a prefix of what it will ever see below that number. The
remaining gaps (a rolled-back push, an entry that was there already) are numbers that will
never be used, and skipping them loses nothing. Pushes are short, so serialising them costs
a centre nothing noticeable.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    make_url,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from workbench.errors import SyncError, TeamSetupError
from workbench.sync.entries import EntityType, Entry
from workbench.sync.transport import Pulled

#: The advisory lock every push holds until it commits (any constant; "WBHB").
PUSH_LOCK = 0x5742_4842
SCHEMA_LOCK = PUSH_LOCK + 1
#: Rows per pull query and per insert statement.
PAGE = 1000

metadata = MetaData()
hub_entries = Table(
    "team_entries", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("entry_id", String(36), nullable=False, unique=True),
    Column("author", String(100), nullable=False, index=True),
    Column("hlc", String(64), nullable=False),
    Column("entity_type", String(16), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("case_id", String(64)),
    Column("payload", Text, nullable=False),
    Column("pushed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)


def hub_url(text_url: str) -> URL:
    """A PostgreSQL URL for the hub (``postgresql://`` gets the psycopg driver)."""
    try:
        url = make_url(text_url)
    except ArgumentError:
        raise TeamSetupError(f"not a server URL: {text_url!r} (expected postgresql://...)"
                             ) from None
    if url.get_backend_name() != "postgresql":
        raise TeamSetupError(f"the team hub must be a PostgreSQL server, not {url.drivername}")
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


class HubTransport:
    """Entries on a PostgreSQL server, read back by sequence number."""

    def __init__(self, url: str, members: Sequence[str]) -> None:
        self.url = hub_url(url)
        self.members = tuple(members)

    def describe(self) -> str:
        """The server, without its password."""
        return f"server {self.url.render_as_string(hide_password=True)}"

    def _engine(self) -> Engine:
        return create_engine(self.url, pool_pre_ping=True)

    def prepare(self) -> None:
        """Create the entries table if the hub is new (joining a team does this).

        One member at a time (an advisory lock), so two joining at once do not both create
        it. SyncError if the server cannot be reached.
        """
        engine = self._engine()
        try:
            with engine.begin() as connection:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": SCHEMA_LOCK})
                metadata.create_all(connection, checkfirst=True)
        except SQLAlchemyError as error:
            raise _unreachable(self, error) from None
        finally:
            engine.dispose()

    def push(self, entries: Sequence[Entry]) -> None:
        """Insert the entries (those already there are skipped), under the push lock."""
        if not entries:
            return
        engine = self._engine()
        try:
            with engine.begin() as connection:
                self.insert(connection, entries)
        except SQLAlchemyError as error:
            raise _unreachable(self, error) from None
        finally:
            engine.dispose()

    @staticmethod
    def insert(connection: Connection, entries: Sequence[Entry]) -> None:
        """Insert entries in the caller's transaction, holding the push lock until it ends."""
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUSH_LOCK})
        for start in range(0, len(entries), PAGE):
            rows = [_row(entry) for entry in entries[start:start + PAGE]]
            connection.execute(insert(hub_entries).values(rows)
                               .on_conflict_do_nothing(index_elements=["entry_id"]))

    def pull(self, cursor: str | None) -> Pulled:
        """The members' entries with a sequence number after the cursor, in sequence order."""
        last = int(cursor) if cursor else 0
        entries: list[Entry] = []
        engine = self._engine()
        try:
            with engine.begin() as connection:
                while True:
                    rows = connection.execute(
                        select(hub_entries)
                        .where(hub_entries.c.seq > last,
                               hub_entries.c.author.in_(self.members))
                        .order_by(hub_entries.c.seq).limit(PAGE)
                    ).all()
                    entries.extend(_entry(row._mapping) for row in rows)
                    if rows:
                        last = int(rows[-1].seq)
                    if len(rows) < PAGE:
                        break
        except SQLAlchemyError as error:
            raise _unreachable(self, error) from None
        finally:
            engine.dispose()
        return Pulled(entries, str(last))


def _row(entry: Entry) -> dict[str, Any]:
    """An entry as a hub row."""
    return {"entry_id": entry.entry_id, "author": entry.author, "hlc": entry.hlc,
            "entity_type": entry.entity_type.value, "entity_id": entry.entity_id,
            "case_id": entry.case_id, "payload": entry.encode_values()}


def _entry(row: Any) -> Entry:
    """A hub row as an entry."""
    return Entry(entry_id=row["entry_id"], author=row["author"], hlc=row["hlc"],
                 entity_type=EntityType(row["entity_type"]), entity_id=row["entity_id"],
                 case_id=row["case_id"], values=json.loads(row["payload"]))


def _unreachable(hub: HubTransport, error: SQLAlchemyError) -> SyncError:
    """The one-line error for a hub that cannot be used right now."""
    cause = getattr(error, "orig", None) or error  # the driver's own words, if any
    lines = str(cause).strip().splitlines()
    detail = lines[0] if lines else type(error).__name__
    return SyncError(f"cannot use the team hub ({hub.describe()}): {detail}")
