"""The PostgreSQL hub transport: the team's sealed entries in one table on a centre's server.

``team_log`` holds every entry pushed, once per team: ``(team, entry_id)`` is unique and a
push is ``INSERT ... ON CONFLICT DO NOTHING``, so pushing again is harmless. Its ``bigserial``
column ``seq`` is the pull cursor: a pull reads the rows after the last sequence number seen.

Teams. One hub serves many mini-teams; each team connects as its own database role, and the
``team`` column of every table defaults to that role (``current_user``). Row-level security
(forced, so it binds the tables' owner too) lets a role see and write its own team's rows
only. ``team_members`` lists a team's members, in their one normal form (upper-case
initials); a row of ``team_log`` must name a member (a foreign key), so the hub refuses a push
whose author is not one. ``team_states`` keeps each replica's last published state;
``team_keys`` the id of the team's key (never the key). What the hub stores of an entry is
sealed with the team key: the server's administrators cannot read note texts either.

Sequence gaps. A sequence number is handed out when a row is inserted, not when it is
committed: with two concurrent pushes, the one holding 7 may commit after the one holding 8.
A reader that saw 8 would move its cursor past 7 and never read it. Every push therefore
takes a transaction-level advisory lock before inserting; the lock is held until commit, so
pushes insert and commit one after the other and the committed sequence numbers only ever
grow: whatever a reader sees is a prefix of what it will ever see below that number. The
remaining gaps (a rolled-back push, an entry that was there already) are numbers that will
never be used, and skipping them loses nothing. A row deleted on the server is noticed by the
receivers' per-replica numbers (``workbench.sync.streams``), and its author pushes it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    func,
    make_url,
    select,
    text,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from workbench.errors import SyncError, TeamSetupError
from workbench.sync.sealing import Sealed
from workbench.sync.transport import Pulled

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql

#: The advisory lock every push holds until it commits (any constant; "WBHB").
PUSH_LOCK = 0x5742_4842
SCHEMA_LOCK = PUSH_LOCK + 1
#: Rows per pull query and per insert statement.
PAGE = 1000

metadata = MetaData()


def insert(table: Table) -> postgresql.Insert:
    """PostgreSQL's INSERT (ON CONFLICT) on ``table``.

    Its dialect is loaded when the hub is used, not with this module: every session loads
    the module (``workbench.sync.team``), and on a SQLite database the window's opening
    would pay some 20 ms for a dialect it never uses.
    """
    from sqlalchemy.dialects import postgresql as dialect

    return dialect.insert(table)


def _team_column() -> Column[str]:
    return Column("team", String(63), nullable=False, server_default=text("current_user"))


hub_members = Table(
    "team_members", metadata, _team_column(),
    Column("member", String(20), nullable=False),
    PrimaryKeyConstraint("team", "member"),
    CheckConstraint("member = upper(member)", name="ck_team_members_normal_form"),
)
hub_entries = Table(
    "team_log", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    _team_column(),
    Column("entry_id", String(36), nullable=False),
    #: The member who pushed it (a foreign key: the hub refuses anyone else).
    Column("member", String(20), nullable=False),
    Column("node", String(32), nullable=False),
    Column("member_seq", BigInteger, nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("pushed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("team", "entry_id", name="uq_team_log_entry"),
    ForeignKeyConstraint(["team", "member"], ["team_members.team", "team_members.member"],
                         name="fk_team_log_member"),
)
hub_states = Table(
    "team_states", metadata, _team_column(),
    Column("node", String(32), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("team", "node"),
)
hub_keys = Table(
    "team_keys", metadata, _team_column(),
    Column("key_id", String(32), nullable=False),
    PrimaryKeyConstraint("team"),
)
#: Every hub table: each team's rows visible to that team's role only.
TEAM_TABLES = (hub_members, hub_entries, hub_states, hub_keys)


def hub_url(text_url: str) -> URL:
    """A PostgreSQL URL for the hub (``postgresql://`` gets the psycopg driver)."""
    try:
        url = make_url(text_url)
    except ArgumentError:
        raise TeamSetupError(key="sync.error.not_a_url", url=repr(text_url)) from None
    if url.get_backend_name() != "postgresql":
        raise TeamSetupError(key="sync.error.not_postgresql", driver=url.drivername)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


class HubTransport:
    """Entries on a PostgreSQL server, read back by sequence number."""

    def __init__(self, url: str, members: Sequence[str], me: str | None = None) -> None:
        self.url = hub_url(url)
        self.members = tuple(members)
        self.me = me

    def describe(self) -> str:
        """The server, without its password."""
        return f"server {self.url.render_as_string(hide_password=True)}"

    def _engine(self) -> Engine:
        return create_engine(self.url, pool_pre_ping=True)

    def prepare(self) -> None:
        """Create the tables and their row-level security if the hub is new; add the members.

        One member at a time (an advisory lock), so two joining at once do not both create
        them. The tables are usable by every role (``PUBLIC``) and show each role its own
        team's rows only. SyncError if the server cannot be reached.
        """
        engine = self._engine()
        try:
            with engine.begin() as connection:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": SCHEMA_LOCK})
                if not connection.dialect.has_table(connection, hub_entries.name):
                    metadata.create_all(connection, checkfirst=True)
                    for table in TEAM_TABLES:
                        _secure(connection, table.name)
                if self.members:
                    connection.execute(
                        insert(hub_members).values([{"member": m} for m in self.members])
                        .on_conflict_do_nothing())
        except SQLAlchemyError as error:
            raise _unreachable(self, error) from None
        finally:
            engine.dispose()

    def key_id(self) -> str | None:
        """The id of the key this team's entries are sealed with (None while none is named)."""
        found = self._read(select(hub_keys.c.key_id))
        return None if not found else str(found[0][0])

    def claim_key_id(self, key_id: str) -> str:
        """Name the team's key on the hub unless one is named; the id named now."""
        self._write(lambda connection: connection.execute(
            insert(hub_keys).values(key_id=key_id).on_conflict_do_nothing()))
        named = self.key_id()
        assert named is not None
        return named

    def publish_state(self, node: str, blob: bytes) -> None:
        """Replace this replica's state row."""
        self._write(lambda connection: connection.execute(
            insert(hub_states).values(node=node, body=blob).on_conflict_do_update(
                index_elements=["team", "node"], set_={"body": blob, "updated_at": func.now()})))

    def states(self) -> list[bytes]:
        """Every replica's last state of this team."""
        return [bytes(row[0]) for row in self._read(select(hub_states.c.body)
                                                    .order_by(hub_states.c.node))]

    def _read(self, query: Any) -> list[Any]:
        engine = self._engine()
        try:
            with engine.begin() as connection:
                return list(connection.execute(query).all())
        except SQLAlchemyError as error:
            raise _unreachable(self, error) from None
        finally:
            engine.dispose()

    def _write(self, work: Any) -> None:
        engine = self._engine()
        try:
            with engine.begin() as connection:
                work(connection)
        except SQLAlchemyError as error:
            raise _unreachable(self, error) from None
        finally:
            engine.dispose()

    def push(self, entries: Sequence[Sealed]) -> None:
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
    def insert(connection: Connection, entries: Sequence[Sealed]) -> None:
        """Insert entries in the caller's transaction, holding the push lock until it ends.

        A push whose member the hub does not list fails on the foreign key: nothing of it is
        stored, and the member hears so (SyncError) instead of "pending: 0".
        """
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUSH_LOCK})
        # One executemany: the statement is compiled once, whatever the number of rows.
        connection.execute(insert(hub_entries).on_conflict_do_nothing(
            index_elements=["team", "entry_id"]), [_row(entry) for entry in entries])

    def pull(self, cursor: str | None) -> Pulled:
        """The members' entries with a sequence number after the cursor, in sequence order."""
        last = int(cursor) if cursor else 0
        entries: list[Sealed] = []
        engine = self._engine()
        try:
            with engine.begin() as connection:
                while True:
                    rows = connection.execute(
                        select(hub_entries)
                        .where(hub_entries.c.seq > last,
                               hub_entries.c.member.in_(self.members))
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


def _secure(connection: Connection, table: str) -> None:
    """Row-level security on a new hub table: each team's role sees and writes its own rows."""
    connection.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    connection.exec_driver_sql(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    connection.exec_driver_sql(
        f"CREATE POLICY {table}_own_team ON {table} "
        "USING (team = current_user) WITH CHECK (team = current_user)")
    rights = "SELECT, INSERT" if table == hub_entries.name else "SELECT, INSERT, UPDATE"
    connection.exec_driver_sql(f"GRANT {rights} ON {table} TO PUBLIC")
    if table == hub_entries.name:
        connection.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {table}_seq_seq TO PUBLIC")


def _row(entry: Sealed) -> dict[str, Any]:
    """A sealed entry as a hub row."""
    return {"entry_id": entry.entry_id, "member": entry.member, "node": entry.node,
            "member_seq": entry.seq, "hlc": entry.hlc, "version": entry.version,
            "payload": entry.blob}


def _entry(row: Any) -> Sealed:
    """A hub row as a sealed entry."""
    return Sealed(entry_id=row["entry_id"], member=row["member"], node=row["node"],
                  seq=int(row["member_seq"]), hlc=row["hlc"], version=int(row["version"]),
                  blob=bytes(row["payload"]))


def _unreachable(hub: HubTransport, error: SQLAlchemyError) -> SyncError:
    """The one-line error for a hub that cannot be used right now."""
    cause = getattr(error, "orig", None) or error  # the driver's own words, if any
    lines = str(cause).strip().splitlines()
    detail = lines[0] if lines else type(error).__name__
    return SyncError(key="sync.error.hub", hub=hub.describe(), detail=detail)
