"""The local case store: schema, migrations, connection set-up and backups.

SQLite by default (one file per caseworker, in the per-user data folder), PostgreSQL for a
centre that shares one database. Everything above this package talks SQLAlchemy Core.

``Database`` and its helpers are loaded when first asked for, so that a module of this
package that needs no SQLAlchemy (``integrity``, ``glance``) loads without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.store.database import Database, default_database_path, resolve_url

__all__ = ["Database", "default_database_path", "resolve_url"]


def __getattr__(name: str) -> Any:
    """``Database``, ``default_database_path``, ``resolve_url`` from ``store.database``."""
    if name in __all__:
        from workbench.store import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
