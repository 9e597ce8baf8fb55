"""A database of its own on a PostgreSQL server for one benchmark round, dropped after it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def scratch_database(server: str, name: str) -> Iterator[str]:
    """The URL of a new database ``name`` on the server of ``server`` (a URL), dropped after."""
    from sqlalchemy import create_engine, make_url

    admin = create_engine(make_url(server), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()
