"""A big read straight from the database driver: plain tuples, no SQLAlchemy rows.

``workbench status`` prints every open case: 10⁵ rows at a centre. SQLAlchemy's ``Row``
objects and result handling cost about half as much again as the query itself there
(0.12 s of 0.35 s at 100,000 cases), for rows whose every column the database has already
turned into text. So the statement is compiled by SQLAlchemy, with bound parameters (a
caseworker's initials are typed by a person, and never go into the SQL text), and run on
the driver's own cursor of the same connection and transaction.

For SQLite (``sqlite3``, SQLCipher's driver) and PostgreSQL with psycopg, whose paramstyles
SQLAlchemy compiles for; any other database, or a parameter this module does not know how
the database stores, or one SQLAlchemy renders only when it runs the statement (the list of
an ``IN``), reads through SQLAlchemy as usual. No result processing happens: only
for columns that need none (text, integers; dates cast to text in the query).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select

#: The databases and drivers whose cursors are used directly.
_DRIVERS = {("sqlite", "pysqlite"), ("sqlite", "pysqlcipher"), ("postgresql", "psycopg")}


def driver_rows(connection: Connection, statement: Select[Any]) -> Sequence[tuple[Any, ...]]:
    """All rows of ``statement`` as plain tuples, from the driver's cursor where it can."""
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect)
    parameters = compiled.construct_params()
    values = _driver_values(dialect.name, parameters.values())
    rendered_later = compiled.post_compile_params or compiled.literal_execute_params  # IN
    if (dialect.name, dialect.driver) not in _DRIVERS or values is None or rendered_later:
        return [tuple(row) for row in connection.execute(statement)]
    by_name = dict(zip(parameters, values, strict=True))
    bound: Sequence[Any] | dict[str, Any] = (
        [by_name[name] for name in compiled.positiontup or ()] if compiled.positional
        else by_name)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), bound)
        return cursor.fetchall()
    finally:
        cursor.close()


def _driver_values(database: str, values: Any) -> list[Any] | None:
    """``values`` as the driver takes them for ``database``; None if one is not known.

    SQLite stores a date as its ISO text (as SQLAlchemy's ``Date`` does, and
    ``workbench.store.bulk``); psycopg takes dates as they are.
    """
    taken: list[Any] = []
    for value in values:
        if value is not None and (isinstance(value, dt.datetime)
                                  or not isinstance(value, str | int | float | dt.date)):
            return None
        if isinstance(value, dt.date) and database == "sqlite":
            value = value.isoformat()
        taken.append(value)
    return taken
