"""Bulk inserts and reads: the one place where the import trades SQLAlchemy's comfort for speed.

SQLAlchemy's executemany costs several microseconds per row in parameter processing; for
the 5·10⁵ rows of a whole-centre export that is seconds. So on SQLite the rows go straight
to the driver's executemany through ``exec_driver_sql``, with dates already turned into the
ISO text SQLAlchemy itself stores them as (so both read back identically); on PostgreSQL
with psycopg they go through COPY, in the same transaction. Any other database gets
SQLAlchemy Core executemany.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, Table
from sqlalchemy.exc import IntegrityError

#: Rows per executemany: big enough to be fast, small enough to keep memory flat.
CHUNK = 20_000
T = TypeVar("T")


class BulkInserter:
    """Inserts many rows into tables on one connection, the fast way for its database."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._dialect = connection.dialect.name
        self._driver = connection.dialect.driver
        self._raw = self._dialect == "sqlite"
        self._dates: dict[dt.date, object] = {}

    def date(self, day: dt.date | None) -> object:
        """A date as this database's insert takes it (memoised: exports repeat dates)."""
        if day is None:
            return None
        value = self._dates.get(day)
        if value is None:
            value = self._dates[day] = day.isoformat() if self._raw else day
        return value

    def flag(self, value: bool) -> object:
        """A boolean as this database's insert takes it."""
        return int(value) if self._raw else value

    @property
    def dates_as_text(self) -> bool:
        """Whether ``date`` gives a date's ISO text (SQLite), so ISO text is already one."""
        return self._raw

    def insert(self, table: Table, columns: Sequence[str],
               rows: Iterable[tuple[object, ...]],
               constants: Mapping[str, object] | None = None) -> int:
        """Insert ``rows`` (values in ``columns`` order, via ``date``/``flag``); count them.

        ``constants``: columns whose value is the same in every row (text, a number, NULL),
        given once rather than in each row (on SQLite written into the statement).
        """
        literals = [_sql_literal(value) for value in (constants or {}).values()]
        if self._dialect == "sqlite":
            return self._sqlite_insert(table, columns, rows, dict(zip(constants or {}, literals,
                                                                      strict=True)))
        if constants:
            columns = (*columns, *constants)
            same = tuple(constants.values())
            rows = (row + same for row in rows)
        if self._dialect == "postgresql" and self._driver == "psycopg":
            return self._copy(table, columns, rows)
        return self._core_insert(table, columns, rows)

    def _sqlite_insert(self, table: Table, columns: Sequence[str],
                       rows: Iterable[tuple[object, ...]], constants: Mapping[str, str],
                       ) -> int:
        """The driver's executemany, chunk by chunk (``constants``: each column's SQL text)."""
        marks = ", ".join([*("?" for _ in columns), *constants.values()])
        names = ", ".join([*columns, *constants])
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
        count = 0
        for chunk in chunks(rows):
            self.connection.exec_driver_sql(sql, chunk)
            count += len(chunk)
        return count

    def _copy(self, table: Table, columns: Sequence[str],
              rows: Iterable[tuple[object, ...]]) -> int:
        """PostgreSQL's COPY through psycopg, in the connection's open transaction."""
        sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        count = 0
        psycopg_connection: Any = self.connection.connection.dbapi_connection
        cursor = psycopg_connection.cursor()
        try:
            with cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        finally:
            cursor.close()
        return count

    def _core_insert(self, table: Table, columns: Sequence[str],
                     rows: Iterable[tuple[object, ...]]) -> int:
        """SQLAlchemy Core executemany, for any other database."""
        statement = table.insert()
        count = 0
        for chunk in chunks(rows):
            self.connection.execute(statement, [dict(zip(columns, row, strict=True))
                                                for row in chunk])
            count += len(chunk)
        return count


def _sql_literal(value: object) -> str:
    """A constant as SQL text: NULL, a number or a quoted text (nothing else is taken)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):  # a bool is an int
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for a {type(value).__name__}")


@contextlib.contextmanager
def indexes_deferred(connection: Connection, table: Table,
                     repeated: Mapping[str, Callable[[Connection], object]] | None = None,
                     only: Collection[str] | None = None) -> Iterator[None]:
    """Drop ``table``'s indexes (not its keys) for a bulk write into it, build them after.

    For a write of many rows (into an empty table, or most of one rewritten): building an
    index from all its rows at once (a sort) takes half the time of growing it row by row
    in random key order, as a caseworker or team index grows (10⁶ cases). In the
    connection's transaction, so a rollback brings the indexes back as they were.

    A unique index that the written rows break (IntegrityError) is the writer's to mend if
    ``repeated`` names it: once its build is undone (in a savepoint), ``repeated[name]``
    removes the rows that repeat a key, and the index is built again. Otherwise the error
    stands. ``only``: just the indexes of these names.
    """
    mend = repeated or {}
    indexes = sorted((index for index in table.indexes if only is None or index.name in only),
                     key=lambda index: str(index.name))
    for index in indexes:
        index.drop(connection)
    yield
    for index in indexes:
        remove_repeated = mend.get(str(index.name))
        if remove_repeated is None:
            index.create(connection)
            continue
        try:
            with connection.begin_nested():
                index.create(connection)
        except IntegrityError:
            remove_repeated(connection)
            index.create(connection)


def chunks(rows: Iterable[T]) -> Iterator[list[T]]:
    """Lists of at most CHUNK rows: big enough to be fast, small enough to keep memory flat."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def fetch_rows(connection: Connection, query: Select[Any]) -> list[tuple[Any, ...]]:
    """All rows of ``query`` as plain tuples, straight from the driver.

    For the 10⁵-row key lists of an import: SQLAlchemy's Row objects and result processing
    cost more than the query itself there. Only for columns that need no result processing
    (text, integers; dates cast to text), as no type conversion happens here.
    """
    sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def iter_rows(connection: Connection, query: Select[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query`` as plain tuples, CHUNK at a time, without holding them all.

    As ``fetch_rows`` on SQLite (straight from the driver, for columns that need no result
    processing); elsewhere through SQLAlchemy with a server-side cursor.
    """
    if connection.dialect.name != "sqlite":
        # Per statement: Connection.execution_options would set it for the whole connection.
        result = connection.execute(query, execution_options={"yield_per": CHUNK})
        for row in result:
            yield tuple(row)
        return
    sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(CHUNK):
            yield from rows
    finally:
        cursor.close()
