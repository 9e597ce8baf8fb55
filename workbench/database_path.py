"""Which database a command or the window means, named without loading the store.

The per-user default file, ``WORKBENCH_DB``, a path or a URL: ``workbench.store.database``
turns the choice into a SQLAlchemy URL to open it; the window's one-instance lock
(``ui.singleinstance``) only needs a name for it, on the UI thread, without SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

APP_NAME = "caseworker-workbench"
DATABASE_ENV = "WORKBENCH_DB"


def default_database_path() -> Path:
    """The per-user database file: in the user's data folder, never in a shared place."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "workbench.db"


def database_identity(url_or_path: str | os.PathLike[str] | None = None) -> str:
    """One name for a database, the same for every spelling of its path; no password in it.

    None means ``WORKBENCH_DB``, else the per-user default file (as the store resolves it).
    """
    chosen = os.fspath(url_or_path) if url_or_path is not None else os.environ.get(DATABASE_ENV)
    if not chosen:
        return f"file:{default_database_path().expanduser().resolve()}"
    if "://" not in chosen:
        return f"file:{Path(chosen).expanduser().resolve()}"
    parts = urlsplit(chosen)
    if parts.password is None:
        return chosen
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
