"""When the store reads its whole file for damage: not at every open, but when there is cause.

``PRAGMA quick_check`` reads every page: 0.08 s at 20,000 cases, 0.39 s at 100,000, 3.9 s at
1,000,000, at every open of the window and every command. A file that was closed cleanly and
not touched since holds what it held when it was last found intact, so the check runs when:

* the last session did not close cleanly: the record says "open" (a crash, a kill, a power
  cut, or another program still has it open), or SQLite left a write-ahead log beside it;
* the file changed since the clean close: another size, inode or modification time. At the
  clean close the file's modification time is set to a time of our choosing to the
  nanosecond, so that any later write by anyone (a copy, a restore, a program writing garbage)
  shows, however coarse the clock that stamps it; a file system that cannot keep that stamp
  gets no trust and the check runs at every open, as before;
* there is no record (a database from before this, a record that cannot be read);
* the last check is more than ``CHECK_EVERY`` old: damage a file cannot show in its metadata
  (a failing disk) is found within a week.

``Database.backup`` checks before every copy too, so a damaged file never becomes a backup.
The record lives beside the database as ``.<name>.closed`` (owner-only, as the database).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

#: Damage a file's metadata does not show is looked for at least this often.
CHECK_EVERY = dt.timedelta(days=7)
#: The record of ``workbench.db`` is ``.workbench.db.closed``.
RECORD_NAME = ".{}.closed"
_OPEN, _CLOSED = "open", "closed"


@dataclass(frozen=True)
class Fingerprint:
    """What a file's metadata says about its content: changed content changes one of these."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Fingerprint:
        """The fingerprint of the file ``path`` as it is now."""
        status = path.stat()
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


@dataclass(frozen=True)
class _Record:
    """The stored record: how the last session ended, the file then, the last check."""

    state: str
    checked_at: float
    fingerprint: Fingerprint | None = None


class ShutdownRecord:
    """The clean-close record of one SQLite database file, and the decision it supports.

    ``reason_to_check`` before opening; ``opened`` once open (the record says "open" until
    ``closed`` writes the clean close).
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(RECORD_NAME.format(database.name))
        self._checked_at = time.time()
        #: The clean-close record found at the open, if it was trusted.
        self._clean: _Record | None = None

    def reason_to_check(self, now: float | None = None) -> str | None:
        """Why the file must be checked before this open; None if there is no cause."""
        if not self.database.exists() or self.database.stat().st_size == 0:
            return None  # nothing written yet: nothing to damage
        record = self._read()
        if record is None:
            return "no record of a clean close"
        self._checked_at = record.checked_at
        wal = self.database.with_name(self.database.name + "-wal")
        if record.state != _CLOSED:
            return "the last session did not close cleanly"
        if wal.exists() and wal.stat().st_size > 0:
            return "SQLite left a write-ahead log (a session ended without closing)"
        if record.fingerprint != Fingerprint.of(self.database):
            return "the file changed after it was closed"
        if (now if now is not None else time.time()) - record.checked_at \
                > CHECK_EVERY.total_seconds():
            return f"the last check is more than {CHECK_EVERY.days} days old"
        self._clean = record
        return None

    def opened(self, *, checked: bool) -> None:
        """The database is open (and was checked now, if ``checked``): the record says so."""
        if checked:
            self._checked_at = time.time()
        self._write(_Record(_OPEN, self._checked_at))

    def closed(self) -> None:
        """The last connection is closed: stamp the file and record the clean close.

        Without a stamp the file system keeps exactly, no fingerprint is recorded and the
        next open checks. A file this session did not change keeps its stamp and its record
        as they were, byte for byte.
        """
        unchanged = self._clean
        with contextlib.suppress(OSError):
            if unchanged is not None and unchanged.checked_at == self._checked_at \
                    and Fingerprint.of(self.database) == unchanged.fingerprint:
                self._write(unchanged)
                return
        fingerprint = None
        with contextlib.suppress(OSError):
            fingerprint = self._stamp()
        self._write(_Record(_CLOSED if fingerprint else _OPEN, self._checked_at, fingerprint))

    def _stamp(self) -> Fingerprint | None:
        """Set the file's modification time to now, its nanoseconds drawn at random."""
        if not self.database.exists():
            return None
        now = time.time_ns()
        chosen = now - now % 1_000_000 + 1 + secrets.randbelow(999_998)
        status = self.database.stat()
        os.utime(self.database, ns=(status.st_atime_ns, chosen))
        fingerprint = Fingerprint.of(self.database)
        return fingerprint if fingerprint.mtime_ns == chosen else None

    def _read(self) -> _Record | None:
        """The stored record; None if there is none or it cannot be read."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            printed = data.get("fingerprint")
            return _Record(str(data["state"]), float(data["checked_at"]),
                           Fingerprint(**printed) if printed else None)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _write(self, record: _Record) -> None:
        """Replace the record at once (written aside, then renamed); a failure is logged.

        A record that cannot be written only costs a check at the next open.
        """
        temporary = self.path.with_name(self.path.name + ".new")
        try:
            handle = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(asdict(record), stream)
            temporary.replace(self.path)
        except OSError as error:
            log.warning("cannot write %s: %s", self.path, error)
            with contextlib.suppress(OSError):
                temporary.unlink()
