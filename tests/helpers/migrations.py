"""Putting a test database at a given migration, as an older installation left it."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine

from workbench.store import database as store_database
from workbench.store.database import resolve_url


def migrate(connection: Connection, revision: str, *, down: bool = False) -> None:
    """Upgrade (or, ``down``, downgrade) the store on ``connection`` to ``revision``."""
    config = Config()
    config.set_main_option("script_location", str(store_database._MIGRATIONS))
    config.attributes["connection"] = connection
    (command.downgrade if down else command.upgrade)(config, revision)


def at_revision(database_url: str, revision: str) -> None:
    """Build a new database at ``database_url`` (a path or a URL) up to ``revision``."""
    engine = create_engine(resolve_url(database_url))
    try:
        with engine.begin() as connection:
            migrate(connection, revision)
    finally:
        engine.dispose()
