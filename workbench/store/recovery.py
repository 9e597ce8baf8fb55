"""A damaged database at start: find it, name the latest good backup, restore it safely.

``Database.backup`` keeps the newest copies in ``backups/`` beside the database. When the
live file is no SQLite database any more, or ``PRAGMA integrity_check`` finds damage, the
front ends offer the newest backup that is itself intact. Restoring never deletes the
damaged file: it is copied aside as ``workbench.db.corrupt-<stamp>`` (with its -wal and -shm
files moved beside it, so they cannot be replayed onto the backup), then the backup is
copied in with SQLite's backup API into a temporary file that replaces the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from workbench.backups import BACKUP_FOLDER as BACKUP_FOLDER
from workbench.backups import CorruptDatabaseError as CorruptDatabaseError
from workbench.backups import backup_time as backup_time
from workbench.backups import backups_of as backups_of
from workbench.errors import StoreError
from workbench.messages import text
from workbench.store import encryption

log = logging.getLogger(__name__)


def integrity_problem(path: Path, *, thorough: bool = True) -> str | None:
    """What is wrong with the SQLite file ``path``; None if it is intact (or not there yet).

    ``thorough`` runs ``integrity_check``; otherwise ``quick_check``, which skips matching
    indexes to table rows and is about five times faster (0.2 s against 1.2 s on a 40 MB
    store): quick enough for an open with cause, while a backup to restore is checked thoroughly.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    pragma = "integrity_check" if thorough else "quick_check"
    if encryption.is_encrypted(path):  # SQLCipher: only its key reads it
        key = encryption.file_key(path)
        if key is None:  # a damaged header and a lost key look the same from outside
            return ("not a readable SQLite database: damaged, or encrypted with a key this "
                    "user's keyring does not hold")
        return encryption.integrity_problem(path, key, pragma)
    try:
        # Read-write on purpose: read-only cannot open a WAL database whose -shm is missing.
        with contextlib.closing(sqlite3.connect(path)) as db:
            results = [row[0] for row in db.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as error:
        return f"not a readable SQLite database ({error})"
    if results == ["ok"]:
        return None
    return f"integrity check failed ({results[0]})"


def latest_backup(path: Path) -> Path | None:
    """The newest backup of ``path`` that is itself intact; None if there is none."""
    for candidate in reversed(backups_of(path)):
        if integrity_problem(candidate) is None:
            return candidate
    return None


def ensure_intact(path: Path) -> None:
    """Raise CorruptDatabaseError, naming the latest backup, if ``path`` is damaged.

    This runs at an open with cause (``workbench.store.integrity``) and before every backup,
    so it uses the quick check.
    """
    problem = integrity_problem(path, thorough=False)
    if problem is not None:
        log.error("the database %s is damaged: %s", path, problem)
        raise CorruptDatabaseError(path, problem, latest_backup(path))


def restore_backup(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the database ``path``; return where the old file was kept.

    Nothing is deleted: the old database (and its -wal and -shm files) stays beside it as
    ``<name>.corrupt-<stamp>``. StoreError if the backup is itself damaged.
    """
    problem = integrity_problem(backup)
    if problem is not None or not backup.is_file():
        raise StoreError(key="store.backup_unusable", backup=str(backup),
                         problem=problem or text("store.no_such_file"))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.corrupt-{stamp}")
    if path.exists():
        shutil.copy2(path, kept)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(kept.with_name(kept.name + suffix))
    _copy_with_backup_api(backup, path)
    log.warning("restored %s from the backup %s; the damaged file is kept as %s",
                path, backup, kept)
    return kept


def _copy_with_backup_api(source: Path, target: Path) -> None:
    """Copy a database page by page (SQLite's backup API), then swap it in at once.

    An encrypted backup is copied with its key and stays encrypted; the restored database
    keeps that key in the keyring under its own path.
    """
    temporary = target.with_name(f"{target.name}.restoring")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    key = encryption.file_key(source)
    if key is not None:
        encryption.backup(source, temporary, key)
        encryption.remember_key(target, key)
    else:
        with contextlib.closing(sqlite3.connect(source)) as origin, \
                contextlib.closing(sqlite3.connect(temporary)) as copy:
            origin.backup(copy)
    temporary.replace(target)
