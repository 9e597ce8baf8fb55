"""Backups of the database by name and time, and the error that offers one: no store needed.

``workbench.store`` makes and restores the copies (``Database.backup``,
``workbench.store.recovery``); what is here only reads their names, so the UI thread can name
the latest backup of a damaged database without loading the store (SQLAlchemy, Alembic).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbench.errors import StoreError

#: The folder beside the database that holds its copies.
BACKUP_FOLDER = "backups"
#: How a copy's name says when it was made: ``workbench-20261130-061500-123456.db``.
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


def backups_of(path: Path) -> list[Path]:
    """The backups of the database ``path``, oldest first (their names sort by time)."""
    return sorted((path.parent / BACKUP_FOLDER).glob(f"{path.stem}-*.db"))


def backup_time(backup: Path) -> dt.datetime:
    """When a backup was made (local time), from its name, else from the file's time."""
    stamp = backup.stem.rsplit("-", 3)[-3:]
    try:
        return dt.datetime.strptime("-".join(stamp), STAMP_FORMAT)
    except ValueError:
        return dt.datetime.fromtimestamp(backup.stat().st_mtime)


class CorruptDatabaseError(StoreError):
    """The database file is damaged; the message names the latest backup and how to restore."""

    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is None:
            super().__init__(key="store.damaged_no_backup", path=str(path), problem=problem)
            return
        super().__init__(key="store.damaged", path=str(path), problem=problem,
                         backup=str(backup), time=f"{backup_time(backup):%Y-%m-%d %H:%M}")
