"""Opening the store: which database, how SQLite is set up for safety, migrations, backups.

SQLite is set up so that nothing a caseworker registered is ever lost: write-ahead logging,
``synchronous=FULL`` (a committed transaction survives a power cut), foreign keys enforced,
a busy timeout instead of instant "database is locked", and real transactions. Python 3.11's
sqlite3 module does not emit BEGIN before a SELECT, so reads inside a transaction would not be
repeatable; following SQLAlchemy's recipe, the driver's own transaction handling is switched
off and SQLAlchemy emits BEGIN itself (BEGIN IMMEDIATE for writes, so that a writer takes the
lock up front instead of failing half-way when another process wrote in between).

A unit of work (``Database.unit_of_work``, ``Database.reading``) is one transaction that
several calls share, in the manner of Datasette's ``execute_fn``: while it is open on a
thread, every ``transaction()`` that thread opens on the same database is the unit's
connection, so several reads see one snapshot and a failure rolls back every write in it.
SQLite gives a transaction one snapshot from its first read (write-ahead log); PostgreSQL's
default READ COMMITTED does not, so a unit there runs at REPEATABLE READ.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from workbench import messages
from workbench.database_path import APP_NAME as APP_NAME
from workbench.database_path import DATABASE_ENV as DATABASE_ENV
from workbench.database_path import default_database_path as default_database_path
from workbench.errors import StoreError, WriteError
from workbench.store import encryption, recovery, touched
from workbench.store.location import refuse_network_database

BUSY_TIMEOUT_MS = 30_000
BACKUPS_KEPT = 5
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Any constant will do: PostgreSQL sessions opening the store migrate one at a time.
_MIGRATION_LOCK_KEY = 0x5742_0001
_WRITE_OPTION = "workbench_write"
#: PostgreSQL's isolation level for a unit of work: one snapshot for all its statements.
UNIT_ISOLATION = "REPEATABLE READ"


def resolve_url(url_or_path: str | os.PathLike[str] | None = None) -> URL:
    """The database URL for a path or URL; None means ``WORKBENCH_DB`` or the default file."""
    chosen = os.fspath(url_or_path) if url_or_path is not None else os.environ.get(DATABASE_ENV)
    if not chosen:
        return _sqlite_url(default_database_path())
    if "://" in chosen:
        try:
            return make_url(chosen)
        except ArgumentError:
            raise StoreError(key="store.not_a_url", url=repr(chosen)) from None
    return _sqlite_url(Path(chosen))


def _sqlite_url(path: Path) -> URL:
    """A SQLite URL for a file path (made absolute, so a later chdir changes nothing)."""
    return URL.create("sqlite+pysqlite", database=str(path.expanduser().resolve()))


def _sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL; None for other back ends and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def _create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (it holds CPR numbers)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Hand transaction control to SQLAlchemy and switch on the safety settings."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


class MigrationError(Exception):
    """Alembic could not bring the schema to the newest revision (its CommandError)."""


#: ``revision = '0009'`` and ``down_revision = '0007'`` (or None) in a migration's file.
_REVISION_LINE = re.compile(
    r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:'([^']*)'|"([^"]*)"|(None))\s*$""",
    re.MULTILINE)


def _head_revision() -> str | None:
    """The newest revision of the migrations, read from their files; None if unsure.

    Unsure (Alembic decides): a file whose revisions are not written as plain strings,
    or a history with more than one head.
    """
    revisions: set[str] = set()
    below: set[str] = set()
    for path in (_MIGRATIONS / "versions").glob("*.py"):
        found = dict((name, plain or double or None)
                     for name, plain, double, _none in _REVISION_LINE.findall(
                         path.read_text(encoding="utf-8")))
        if not found.get("revision") or "down_revision" not in found:
            return None
        revisions.add(str(found["revision"]))
        if found["down_revision"] is not None:
            below.add(str(found["down_revision"]))
    heads = revisions - below
    return heads.pop() if len(heads) == 1 else None


def _at_head(connection: Connection) -> bool:
    """Whether the database is at the migrations' newest revision (nothing to migrate)."""
    head = _head_revision()
    if head is None:
        return False
    try:
        with connection.begin_nested():
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return False  # no version table: a new database
    return [row[0] for row in stamped] == [head]


def _on_sqlite_begin(connection: Connection) -> None:
    """Emit BEGIN ourselves: IMMEDIATE for a write, so the write lock is taken up front."""
    write = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextlib.contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite's foreign keys off on ``connection`` for the block, which holds its transaction.

    Set on the driver's connection before the transaction begins (inside one the pragma
    does nothing, silently) and on again once it has ended; a connection whose keys are not
    found on again (read back) is dropped rather than returned to the pool without them.
    """
    driver: Any = connection.connection.dbapi_connection
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        if not _foreign_keys_back_on(driver):
            connection.invalidate()


def _foreign_keys_back_on(driver: Any) -> bool:
    """Turn SQLite's foreign keys on on a driver connection; whether they are on now.

    Any error counts as not on: sqlite3's and SQLCipher's driver raise different classes.
    """
    try:
        driver.execute("PRAGMA foreign_keys=ON")
        return bool(driver.execute("PRAGMA foreign_keys").fetchone()[0])
    except Exception:  # whichever driver's error: the connection is dropped
        return False


def _check_foreign_keys(connection: Connection) -> None:
    """IntegrityError if any row refers to a row that does not exist (SQLite, every table)."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        table, _rowid, parent, _key = broken
        raise IntegrityError("PRAGMA foreign_key_check", None, sqlite3.IntegrityError(
            f"FOREIGN KEY constraint failed: a row of {table} refers to no row of {parent}"))


def _create_engine(url: URL, key: str | None = None) -> Engine:
    """An engine for ``url``, with the SQLite set-up when it is SQLite (SQLCipher with a key)."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    if key is not None:
        url = url.set(drivername="sqlite+pysqlcipher", password=encryption.raw_key(key))
    engine = create_engine(
        url,
        # One Workbench is used by one thread at a time, but not always the thread that
        # opened it (the UI opens it, then works on it from a worker thread).
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


class Database:
    """An open, migrated store: an engine plus the transactions and backups built on it."""

    def __init__(self, engine: Engine, sqlite_path: Path | None, key: str | None = None) -> None:
        self.engine = engine
        #: The SQLite database file; None for PostgreSQL.
        self.sqlite_path = sqlite_path
        #: The SQLCipher key of an encrypted database file; None for a plain one.
        self._key = key
        #: Called before a transaction that marked cases (``workbench.store.touched``)
        #: commits, with its connection and those cases: the stored deadlines follow there
        #: (without it, the cases' rows are left not evaluated).
        self.before_commit: Callable[[Connection, touched.Touched], None] | None = None
        #: Per thread: the unit of work open on it, if any (see ``unit_of_work``).
        self._units = threading.local()

    @property
    def encrypted(self) -> bool:
        """True for a SQLite database encrypted with SQLCipher."""
        return self._key is not None

    @classmethod
    def open(cls, url_or_path: str | os.PathLike[str] | None = None) -> Database:
        """Open (creating it if need be) and migrate the database; StoreError if impossible."""
        url = resolve_url(url_or_path)
        sqlite_path = _sqlite_file(url)
        where = str(sqlite_path) if sqlite_path else url.render_as_string(hide_password=True)
        if sqlite_path is not None:
            refuse_network_file(sqlite_path, url_or_path)
        try:
            key = _encryption_key(sqlite_path) if sqlite_path is not None else None
            if sqlite_path is not None:
                _create_private_file(sqlite_path)
            engine = _create_engine(url, key)
        except (OSError, SQLAlchemyError, ImportError) as error:
            raise StoreError(key="store.cannot_open", where=where,
                             problem=_first_line(error)) from None
        database = cls(engine, sqlite_path, key)
        try:
            database.migrate()
        except (OSError, SQLAlchemyError, MigrationError) as error:
            engine.dispose()
            raise StoreError(key="store.cannot_open", where=where,
                             problem=_first_line(error)) from None
        return database

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic, run in-process).

        A database at the newest revision already (every open but the first after an
        update) is left as it is without loading Alembic, which would find nothing to do
        and costs a quarter of the window's start-up imports. MigrationError if Alembic
        cannot migrate it.
        """
        with self.transaction(write=True) as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": _MIGRATION_LOCK_KEY})
            if _at_head(connection):
                return
            from alembic import command
            from alembic.config import Config
            from alembic.util import CommandError

            config = Config()
            config.set_main_option("script_location", str(_MIGRATIONS))
            config.attributes["connection"] = connection
            try:
                command.upgrade(config, "head")
            except CommandError as error:
                raise MigrationError(str(error)) from error

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False,
                    keys_at_commit: bool = False) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises.

        Inside a unit of work on this thread it is the unit's connection instead: a read
        just joins it; a write runs in a savepoint of it, so a write that fails and is
        caught leaves the unit as it was, and the unit commits or rolls back all of it.

        ``keys_at_commit``, for a write of 10⁶ rows on SQLite (not in a unit of work): the
        foreign keys are checked once, just before the commit (``PRAGMA
        foreign_key_check``), instead of row by row; a row that breaks one raises
        IntegrityError there and the transaction rolls back. No ON DELETE action runs in
        it. Elsewhere the keys are checked row by row as always.
        """
        unit = self._open_unit()
        if unit is not None:
            if write and not unit.write:
                raise ReadOnlyUnitError
            if write:
                with unit.connection.begin_nested():
                    yield unit.connection
            else:
                yield unit.connection
            return
        with self.engine.connect() as connection:
            if write:
                connection.execution_options(**{_WRITE_OPTION: True})
            at_commit = keys_at_commit and connection.dialect.name == "sqlite"
            with _foreign_keys_off(connection) if at_commit else contextlib.nullcontext(), \
                    self._committing(connection, check_keys=at_commit):
                yield connection

    @contextlib.contextmanager
    def unit_of_work(self, *, write: bool = False) -> Iterator[Connection]:
        """One transaction shared by every ``transaction()`` this thread opens inside it.

        Several reads in it see one snapshot of the store (REPEATABLE READ on PostgreSQL);
        it commits when the block ends and rolls back everything if it raises. A write
        needs ``write=True`` (on SQLite the write lock is then taken up front). A unit
        opened inside another joins it, as a transaction does.
        """
        unit = self._open_unit()
        if unit is not None:
            with self.transaction(write=write) as connection:
                yield connection
            return
        with self.engine.connect() as connection:
            if write:
                connection.execution_options(**{_WRITE_OPTION: True})
            if connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level=UNIT_ISOLATION)
            with self._committing(connection):
                self._units.current = _Unit(connection, write)
                try:
                    yield connection
                finally:
                    self._units.current = None

    @contextlib.contextmanager
    def _committing(self, connection: Connection, *, check_keys: bool = False,
                    ) -> Iterator[None]:
        """Begin a transaction; before it commits, hand the cases it marked on.

        The marked cases (``workbench.store.touched``) go to ``before_commit``, so their
        stored deadlines change in the same transaction, for a transaction and for a unit
        of work (whose writes' savepoints mark on the same connection) alike. Then, if
        ``check_keys``, every foreign key is checked (SQLite).
        """
        with connection.begin():
            touched.take(connection)  # nothing a rolled-back transaction marked
            yield
            changed = touched.take(connection)
            if changed is not None:
                (self.before_commit or touched.leave_unevaluated)(connection, changed)
            if check_keys:
                _check_foreign_keys(connection)

    def reading(self) -> contextlib.AbstractContextManager[Connection]:
        """A read-only unit of work: several reads that see one snapshot of the store."""
        return self.unit_of_work(write=False)

    def _open_unit(self) -> _Unit | None:
        """The unit of work open on this thread, if any."""
        unit: _Unit | None = getattr(self._units, "current", None)
        return unit

    def backup(self) -> Path | None:
        """Copy a SQLite database with SQLite's online backup API; keep the newest few.

        The copies go to ``backups/`` beside the database: the folder is the owner's only
        (0700), each copy readable by the owner only (0600), as the database itself; on
        Windows the per-user profile folder already keeps other users out. A copy that cannot
        be completed (a full disk) is removed and WriteError names it: a half copy is no
        backup. The database is checked first (``quick_check``): a damaged one is not
        copied, it raises CorruptDatabaseError naming the latest intact backup, so damage
        never pushes the good copies out. PostgreSQL is backed up by whoever runs the
        server: None is returned.
        """
        if self.sqlite_path is None:
            return None
        recovery.ensure_intact(self.sqlite_path)
        folder = self.sqlite_path.parent / "backups"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{self.sqlite_path.stem}-{stamp}.db"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            folder.chmod(0o700)
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            self._copy_into(target)
        except (OSError, sqlite3.Error) as error:
            _remove_partial_copy(target)
            raise WriteError(str(target), _storage_failure(error)) from None
        except BaseException:  # Ctrl+C: no half copy either
            _remove_partial_copy(target)
            raise
        self._prune_backups(folder)
        return target

    def _copy_into(self, target: Path) -> None:
        """Copy the live database page by page into the empty file ``target``.

        The copy of an encrypted database is encrypted with the same key.
        """
        assert self.sqlite_path is not None
        if self._key is not None:
            encryption.backup(self.sqlite_path, target, self._key)
            encryption.remember_key(target, self._key)
            return
        with contextlib.closing(sqlite3.connect(self.sqlite_path)) as source, \
                contextlib.closing(sqlite3.connect(target)) as copy:
            source.backup(copy)

    def _prune_backups(self, folder: Path) -> None:
        """Delete all but the newest BACKUPS_KEPT copies (names sort by time)."""
        assert self.sqlite_path is not None
        copies = sorted(folder.glob(f"{self.sqlite_path.stem}-*.db"))
        for old in copies[:-BACKUPS_KEPT]:
            old.unlink()
            if self._key is not None:
                encryption.forget_key(old)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


class _Unit:
    """A unit of work in progress: its connection, and whether it may write."""

    __slots__ = ("connection", "write")

    def __init__(self, connection: Connection, write: bool) -> None:
        self.connection = connection
        self.write = write


class ReadOnlyUnitError(RuntimeError):
    """A write was asked for inside a read-only unit of work (a programming error)."""

    def __init__(self) -> None:
        super().__init__("a write inside a read-only unit of work: open it with write=True")


def _encryption_key(path: Path) -> str | None:
    """The key an encrypted database (or a new one with WORKBENCH_ENCRYPT=1) opens with.

    None for a plain database. StoreError if the key is missing or does not fit, or the
    optional encryption packages are not installed.
    """
    if encryption.is_encrypted(path):
        key = encryption.database_key(path)
        encryption.connect(path, key).close()  # a wrong key fails here, with a clear message
        return key
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and encryption.encryption_requested():
        encryption.sqlcipher()
        return encryption.database_key(path, create=True)
    return None


def refuse_network_file(path: Path, url_or_path: str | os.PathLike[str] | None) -> None:
    """NetworkDatabaseError if the SQLite file ``path`` lies on a network share.

    The path is also judged as the user wrote it (``url_or_path``, else ``WORKBENCH_DB``):
    resolving it loses a UNC prefix.
    """
    given = os.fspath(url_or_path) if url_or_path is not None else None
    refuse_network_database(path, given=given or os.environ.get(DATABASE_ENV))


def encrypt_database_file(url_or_path: str | os.PathLike[str] | None = None) -> Path:
    """Encrypt a plain SQLite database in place (see ``workbench.store.encryption``)."""
    url = resolve_url(url_or_path)
    path = _sqlite_file(url)
    if path is None:
        raise StoreError(key="store.encrypt_not_sqlite")
    refuse_network_file(path, url_or_path)
    encryption.encrypt_database(path)
    return path


def _remove_partial_copy(target: Path) -> None:
    """Delete a backup copy that failed half-way, with any journal SQLite left beside it."""
    for leftover in (target, target.with_name(target.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _storage_failure(error: OSError | sqlite3.Error) -> OSError | str | messages.Text:
    """What went wrong writing a file, as WriteError words it (SQLite's "full" included)."""
    if isinstance(error, OSError):
        return error
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return messages.text("store.disk_full")
    return _first_line(error)


def _first_line(error: BaseException) -> str:
    """The first line of an error's message: enough for a one-line report."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
