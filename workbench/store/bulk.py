"""Bulk inserts: the one place where the import trades SQLAlchemy's comfort for speed.

SQLAlchemy's executemany costs several microseconds per row in parameter processing; for
the 5·10⁵ rows of a whole-centre export that is seconds. On SQLite the rows therefore go
straight to the driver's executemany through ``exec_driver_sql``, with dates already turned
into the ISO text SQLAlchemy itself stores them as (so both read back identically). Other
databases get SQLAlchemy Core executemany, which on PostgreSQL is batched by the driver.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Select, Table

#: Rows per executemany: big enough to be fast, small enough to keep memory flat.
CHUNK = 20_000


class BulkInserter:
    """Inserts many rows into tables on one connection, the fast way for its database."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._raw = connection.dialect.name == "sqlite"
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

    def insert(self, table: Table, columns: Sequence[str],
               rows: Iterable[tuple[object, ...]]) -> int:
        """Insert ``rows`` (values in ``columns`` order, via ``date``/``flag``); count them."""
        if self._raw:
            names = ", ".join(columns)
            marks = ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"

            def send(chunk: list[tuple[object, ...]]) -> None:
                self.connection.exec_driver_sql(sql, chunk)
        else:
            statement = table.insert()

            def send(chunk: list[tuple[object, ...]]) -> None:
                self.connection.execute(statement, [dict(zip(columns, row, strict=True))
                                                     for row in chunk])
        count = 0
        iterator = iter(rows)
        while chunk := list(islice(iterator, CHUNK)):
            send(chunk)
            count += len(chunk)
        return count



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
