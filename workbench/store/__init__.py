"""The local case store: schema, migrations, connection set-up and backups.

SQLite by default (one file per caseworker, in the per-user data folder), PostgreSQL for a
centre that shares one database. Everything above this package talks SQLAlchemy Core.
"""

from workbench.store.database import Database, default_database_path, resolve_url

__all__ = ["Database", "default_database_path", "resolve_url"]
