"""The shared-folder transport: immutable batch files, one subfolder per member.

Layout: ``<folder>/<INITIALS>/b-<number>-<random>.jsonl`` and, per replica, its published
state ``<folder>/<INITIALS>/state-<node>.bin``; ``<folder>/team-key.json`` names the team key
(its id, never the key). A member writes only its own subfolder, and never changes a batch
once it has its final name, so there is no write conflict on an SMB share and no locking is
needed. Files and the member's subfolder are created readable by their owner only where the
share honours permissions; what is in them is sealed with the team key either way.

Writing a batch: the lines go to a temporary name (``.b-....part``), are flushed and
fsync'ed, and only then renamed to the final name (the rename is atomic on NTFS, SMB and
POSIX file systems); the folder is fsync'ed where the platform allows it; finally the batch
is read back and verified, so the entries leave the outbox only when the team can read them.

A batch is JSON lines: a header (format, version, member, entry count), the sealed entries,
and a trailer (entry count and SHA-256 of the entry lines). A file whose trailer is missing
or does not match — torn by a crash, or not yet completely visible through a network share's
cache — is skipped and read on a later pull. A batch of a newer format version is reported
as such (a teammate runs a newer version) and read once this one is upgraded.

The cursor keeps, per member, the highest batch name up to which everything was read
(``upto``) and the names read beyond it (``seen``: those after a batch that was unreadable),
so a skipped batch is retried without reading the others again. Batch numbers come from the
member's own stored counter (``reserve``), never only from the folder listing: a clean-up of
the folder must not make a new batch reuse a number the others have read past. If a batch
goes missing all the same, the receivers see the gap in the sequence numbers and ask for a
resend (``workbench.sync.streams``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import SyncError
from workbench.sync.entries import MalformedEntryError
from workbench.sync.sealing import Sealed
from workbench.sync.transport import Pulled

FORMAT = "workbench-team-batch"
#: Version 1 carried entries in clear; it is no longer read (a member without the key could
#: have written it).
VERSION = 2
BATCH_NAME = re.compile(r"^b-(\d{10})-[0-9a-f]{8}\.jsonl$")
STATE_NAME = re.compile(r"^state-([0-9a-z]{1,32})\.bin$")
KEY_MARKER = "team-key.json"
TEMPORARY_SUFFIX = ".part"
#: Entries per batch file.
BATCH_ENTRIES = 500


class TornBatchError(ValueError):
    """A batch file is incomplete or damaged; it is read later."""


class NewerBatchError(ValueError):
    """A batch file of a newer format version than this one reads."""


class OldBatchError(ValueError):
    """A batch file of the old format, with entries in clear: never applied."""


def encode_batch(member: str, entries: Sequence[Sealed]) -> bytes:
    """A batch file's bytes: header, one line per entry, trailer with count and checksum."""
    lines = b"".join(_line(entry.to_json()) for entry in entries)
    header = _line({"format": FORMAT, "version": VERSION, "member": member,
                    "count": len(entries)})
    trailer = _line({"count": len(entries), "sha256": hashlib.sha256(lines).hexdigest()})
    return header + lines + trailer


def decode_batch(data: bytes) -> list[Sealed]:
    """The sealed entries of a batch file; TornBatchError unless it is complete and intact.

    NewerBatchError for a newer format, OldBatchError for the old one in clear.
    """
    if not data.endswith(b"\n"):
        raise TornBatchError("the file does not end with a complete line")
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        raise TornBatchError("the file has no header and trailer")
    header, trailer = _object(lines[0]), _object(lines[-1])
    body = lines[1:-1]
    version = header.get("version")
    if header.get("format") != FORMAT or not isinstance(version, int):
        raise TornBatchError(f"not a batch of format {FORMAT}")
    if version > VERSION:
        raise NewerBatchError(f"a batch of format version {version}")
    if version < VERSION:
        raise OldBatchError(f"a batch of format version {version}")
    if not header.get("count") == trailer.get("count") == len(body):
        raise TornBatchError("the entry count does not match")
    if trailer.get("sha256") != hashlib.sha256(b"".join(body)).hexdigest():
        raise TornBatchError("the checksum does not match")
    try:
        return [Sealed.from_json(_object(line)) for line in body]
    except MalformedEntryError as error:
        raise TornBatchError(str(error)) from None


def _line(value: dict[str, Any]) -> bytes:
    """One JSON line."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8") + b"\n"


def _object(line: bytes) -> dict[str, Any]:
    """A JSON object from one line; TornBatchError if it is not one."""
    try:
        value = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise TornBatchError("a line is not JSON") from None
    if not isinstance(value, dict):
        raise TornBatchError("a line is not a JSON object")
    return value


@dataclass
class MemberCursor:
    """How far one member's batches have been read."""

    #: Every batch named up to this one has been read ('' while none has).
    upto: str = ""
    #: Batches after ``upto`` that have been read (they followed an unreadable one).
    seen: set[str] = field(default_factory=set)

    def is_new(self, name: str) -> bool:
        """True for a batch not read yet."""
        return name > self.upto and name not in self.seen

    def advance(self, names: Sequence[str]) -> None:
        """Move ``upto`` over the read batches that follow it without a gap (names sorted)."""
        for name in names:
            if name <= self.upto:
                continue
            if name not in self.seen:
                break
            self.seen.discard(name)
            self.upto = name


@dataclass(frozen=True)
class StagedBatch:
    """A batch written under its temporary name, waiting to be published."""

    temporary: Path
    final: Path
    data: bytes

    def publish(self) -> None:
        """Rename into place, fsync the folder, read back: then the batch is there for good."""
        if self.final.exists():  # never replace a batch (a counter restored from a backup)
            self.temporary.unlink()
            raise SyncError(key="sync.error.batch_exists", batch=str(self.final))
        self.temporary.replace(self.final)
        _fsync_folder(self.final.parent)
        if self.final.read_bytes() != self.data:
            self.final.unlink()  # never leave a damaged batch of mine for the others to skip
            raise SyncError(key="sync.error.batch_unread", batch=str(self.final))


class FolderTransport:
    """Batch files in a shared folder: my subfolder for writing, everyone's for reading."""

    def __init__(self, root: Path, me: str, members: Sequence[str],
                 reserve: Callable[[int, int], int] | None = None) -> None:
        self.root = root
        self.me = me
        self.members = tuple(members)
        #: Hands out the next batch numbers (after a floor; how many) from a stored counter.
        self._reserve = reserve or _counter()

    def describe(self) -> str:
        """The shared folder."""
        return f"folder {self.root}"

    # --- writing -------------------------------------------------------------------------

    def push(self, entries: Sequence[Sealed]) -> None:
        """Write the entries as batch files into my subfolder."""
        if not entries:
            return
        folder = self.root / self.me
        try:
            if not self.root.is_dir():
                raise SyncError(key="sync.error.unreachable", folder=str(self.root))
            starts = range(0, len(entries), BATCH_ENTRIES)
            first = self._reserve(self._highest_number(self.my_folder()), len(starts))
            for number, start in enumerate(starts, start=first):
                self.stage(entries[start:start + BATCH_ENTRIES], number).publish()
        except OSError as error:
            raise SyncError(key="sync.error.cannot_write", folder=str(folder),
                            error=error) from None

    def stage(self, entries: Sequence[Sealed], number: int | None = None) -> StagedBatch:
        """Write a batch under a temporary name (readers ignore it), flushed and fsync'ed."""
        folder = self.my_folder()
        if number is None:
            number = self._reserve(self._highest_number(folder), 1)
        name = f"b-{number:010d}-{secrets.token_hex(4)}.jsonl"
        staged = StagedBatch(temporary=folder / f".{name}{TEMPORARY_SUFFIX}",
                             final=folder / name, data=encode_batch(self.me, entries))
        _write_private(staged.temporary, staged.data)
        return staged

    def my_folder(self) -> Path:
        """My subfolder, created owner-only where the share allows it."""
        folder = self.root / self.me
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder

    @staticmethod
    def _highest_number(folder: Path) -> int:
        """The highest batch number in my subfolder (0 for none): a floor, not the counter.

        Another computer of mine may have written batches my counter does not know of.
        """
        numbers = [int(match[1]) for path in folder.iterdir()
                   if (match := BATCH_NAME.match(path.name))]
        return max(numbers, default=0)

    # --- states and the key's id -------------------------------------------------------------

    def publish_state(self, node: str, blob: bytes) -> None:
        """Replace my replica's state file (written aside, then renamed over the old one)."""
        try:
            folder = self.my_folder()
            temporary = folder / f".state-{node}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}"
            _write_private(temporary, blob)
            temporary.replace(folder / f"state-{node}.bin")
        except OSError as error:
            raise SyncError(key="sync.error.cannot_write", folder=str(self.root),
                            error=error) from None

    def states(self) -> list[bytes]:
        """Every member's replicas' last states (a file being replaced is read next time)."""
        found = []
        try:
            for member in self.members:
                folder = self.root / member
                if not folder.is_dir():
                    continue
                for path in sorted(folder.iterdir()):
                    if STATE_NAME.match(path.name):
                        with contextlib.suppress(FileNotFoundError):
                            found.append(path.read_bytes())
        except OSError as error:
            raise SyncError(key="sync.error.cannot_read", folder=str(self.root),
                            error=error) from None
        return found

    def key_id(self) -> str | None:
        """The id of the team key the folder's team uses (None while it has none)."""
        try:
            stored = json.loads((self.root / KEY_MARKER).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise SyncError(key="sync.error.cannot_read_file", file=str(self.root / KEY_MARKER),
                            error=error) from None
        return str(stored["key_id"]) if isinstance(stored, dict) and "key_id" in stored else None

    def claim_key_id(self, key_id: str) -> str:
        """Name the team key on the share unless one is named; the id named now."""
        try:
            _write_private(self.root / KEY_MARKER, _line({"format": FORMAT, "key_id": key_id}))
        except FileExistsError:
            pass  # another first member was faster: theirs counts
        except OSError as error:
            raise SyncError(key="sync.error.cannot_write", folder=str(self.root),
                            error=error) from None
        named = self.key_id()
        if named is None:
            raise SyncError(key="sync.error.marker_lost", folder=str(self.root),
                            file=KEY_MARKER)
        return named

    # --- reading -------------------------------------------------------------------------

    def pull(self, cursor: str | None) -> Pulled:
        """Every member's batches not read yet (my own too: they may come from another PC)."""
        cursors = _decode_cursor(cursor)
        entries: list[Sealed] = []
        unreadable: list[str] = []
        newer: list[str] = []
        for member in self.members:
            member_cursor = cursors.setdefault(member, MemberCursor())
            for name, batch in self._new_batches(member, member_cursor):
                if isinstance(batch, str):
                    newer.append(f"{member}/{name}")
                elif batch is None:
                    unreadable.append(f"{member}/{name}")
                else:
                    entries.extend(batch)
        return Pulled(entries, _encode_cursor(cursors), unreadable, newer)

    def _new_batches(
        self, member: str, cursor: MemberCursor
    ) -> Iterator[tuple[str, list[Sealed] | str | None]]:
        """A member's unread batches (None for one that cannot be read yet); moves the cursor."""
        folder = self.root / member
        try:
            if not self.root.is_dir():
                raise SyncError(key="sync.error.unreachable", folder=str(self.root))
            if not folder.is_dir():  # the member has not sent anything yet
                return
            names = sorted(path.name for path in folder.iterdir()
                           if BATCH_NAME.match(path.name))
            for name in names:
                if not cursor.is_new(name):
                    continue
                try:
                    batch = decode_batch((folder / name).read_bytes())
                except FileNotFoundError:  # cleaned up meanwhile: a gap the sequence shows
                    cursor.seen.add(name)
                    continue
                except TornBatchError:
                    yield name, None
                    continue
                except NewerBatchError:
                    yield name, "newer"
                    continue
                except OldBatchError:
                    batch = []
                cursor.seen.add(name)
                yield name, batch
        except OSError as error:
            raise SyncError(key="sync.error.cannot_read", folder=str(folder),
                            error=error) from None
        cursor.advance(names)


def _write_private(path: Path, data: bytes) -> None:
    """Write a new file readable by its owner only (where the share honours it), fsync'ed."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _counter() -> Callable[[int, int], int]:
    """A batch counter in memory (tests and tools that use a transport on its own)."""
    last = 0

    def reserve(floor: int, count: int) -> int:
        nonlocal last
        first = max(last, floor) + 1
        last = first + count - 1
        return first

    return reserve


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where a folder can be fsync'ed (POSIX); Windows cannot open one.

    Some network file systems refuse fsync on a folder; the batch is read back right after,
    so a refusal here is not an error.
    """
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _decode_cursor(text: str | None) -> dict[str, MemberCursor]:
    """The per-member cursors from their stored text."""
    if not text:
        return {}
    return {member: MemberCursor(value["upto"], set(value["seen"]))
            for member, value in json.loads(text).items()}


def _encode_cursor(cursors: dict[str, MemberCursor]) -> str:
    """The per-member cursors as text."""
    return json.dumps({member: {"upto": c.upto, "seen": sorted(c.seen)}
                       for member, c in sorted(cursors.items())}, sort_keys=True)
