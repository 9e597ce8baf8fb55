"""The shared-folder transport: immutable batch files, one subfolder per member.

Layout: ``<folder>/<INITIALS>/b-<number>-<random>.jsonl``. A member writes only its own
subfolder, and never changes a file once it has its final name, so there is no write
conflict on an SMB share and no locking is needed.

Writing a batch: the lines go to a temporary name (``.b-....part``), are flushed and
fsync'ed, and only then renamed to the final name (the rename is atomic on NTFS, SMB and
POSIX file systems); the folder is fsync'ed where the platform allows it; finally the batch
is read back and verified, so the entries leave the outbox only when the team can read them.

A batch is JSON lines: a header (format, version, member, entry count), the entries, and a
trailer (entry count and SHA-256 of the entry lines). A file whose trailer is missing or does
not match — torn by a crash, or not yet completely visible through a network share's cache —
is skipped and read on a later pull.

The cursor keeps, per member, the highest batch name up to which everything was read
(``upto``) and the names read beyond it (``seen``: those after a batch that was unreadable),
so a skipped batch is retried without reading the others again. Batch numbers only grow (the
writer numbers a new batch after the highest one in its folder), so a new batch always sorts
after ``upto``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import SyncError
from workbench.sync.entries import Entry, MalformedEntryError
from workbench.sync.transport import Pulled

FORMAT = "workbench-team-batch"
VERSION = 1
BATCH_NAME = re.compile(r"^b-(\d{10})-[0-9a-f]{8}\.jsonl$")
TEMPORARY_SUFFIX = ".part"
#: Entries per batch file.
BATCH_ENTRIES = 500


class TornBatchError(ValueError):
    """A batch file is incomplete or damaged (or of a newer format); it is read later."""


def encode_batch(member: str, entries: Sequence[Entry]) -> bytes:
    """A batch file's bytes: header, one line per entry, trailer with count and checksum."""
    lines = b"".join(_line(entry.to_json()) for entry in entries)
    header = _line({"format": FORMAT, "version": VERSION, "member": member,
                    "count": len(entries)})
    trailer = _line({"count": len(entries), "sha256": hashlib.sha256(lines).hexdigest()})
    return header + lines + trailer


def decode_batch(data: bytes) -> list[Entry]:
    """The entries of a batch file; TornBatchError unless it is complete and intact."""
    if not data.endswith(b"\n"):
        raise TornBatchError("the file does not end with a complete line")
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        raise TornBatchError("the file has no header and trailer")
    header, trailer = _object(lines[0]), _object(lines[-1])
    body = lines[1:-1]
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise TornBatchError(f"not a batch of format {FORMAT} version {VERSION}")
    if not header.get("count") == trailer.get("count") == len(body):
        raise TornBatchError("the entry count does not match")
    if trailer.get("sha256") != hashlib.sha256(b"".join(body)).hexdigest():
        raise TornBatchError("the checksum does not match")
    try:
        return [Entry.from_json(_object(line)) for line in body]
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
        self.temporary.replace(self.final)
        _fsync_folder(self.final.parent)
        if self.final.read_bytes() != self.data:
            self.final.unlink()  # never leave a damaged batch of mine for the others to skip
            raise SyncError(f"the batch {self.final} did not read back as written; it is "
                            "sent again at the next sync")


class FolderTransport:
    """Batch files in a shared folder: my subfolder for writing, everyone's for reading."""

    def __init__(self, root: Path, me: str, members: Sequence[str]) -> None:
        self.root = root
        self.me = me
        self.members = tuple(members)

    def describe(self) -> str:
        """The shared folder."""
        return f"folder {self.root}"

    # --- writing -------------------------------------------------------------------------

    def push(self, entries: Sequence[Entry]) -> None:
        """Write the entries as batch files into my subfolder."""
        if not entries:
            return
        folder = self.root / self.me
        try:
            if not self.root.is_dir():
                raise SyncError(f"the shared folder {self.root} cannot be reached")
            for start in range(0, len(entries), BATCH_ENTRIES):
                self.stage(entries[start:start + BATCH_ENTRIES]).publish()
        except OSError as error:
            raise SyncError(f"cannot write to the shared folder {folder}: {error}") from None

    def stage(self, entries: Sequence[Entry]) -> StagedBatch:
        """Write a batch under a temporary name (readers ignore it), flushed and fsync'ed."""
        folder = self.root / self.me
        folder.mkdir(exist_ok=True)
        name = f"b-{self._next_number(folder):010d}-{secrets.token_hex(4)}.jsonl"
        staged = StagedBatch(temporary=folder / f".{name}{TEMPORARY_SUFFIX}",
                             final=folder / name, data=encode_batch(self.me, entries))
        with staged.temporary.open("wb") as stream:
            stream.write(staged.data)
            stream.flush()
            os.fsync(stream.fileno())
        return staged

    @staticmethod
    def _next_number(folder: Path) -> int:
        """One more than the highest batch number in my subfolder."""
        numbers = [int(match[1]) for path in folder.iterdir()
                   if (match := BATCH_NAME.match(path.name))]
        return max(numbers, default=0) + 1

    # --- reading -------------------------------------------------------------------------

    def pull(self, cursor: str | None) -> Pulled:
        """Every member's batches not read yet (my own too: they may come from another PC)."""
        cursors = _decode_cursor(cursor)
        entries: list[Entry] = []
        unreadable: list[str] = []
        for member in self.members:
            member_cursor = cursors.setdefault(member, MemberCursor())
            for name, batch in self._new_batches(member, member_cursor):
                if batch is None:
                    unreadable.append(f"{member}/{name}")
                else:
                    entries.extend(batch)
        return Pulled(entries, _encode_cursor(cursors), unreadable)

    def _new_batches(
        self, member: str, cursor: MemberCursor
    ) -> Iterator[tuple[str, list[Entry] | None]]:
        """A member's unread batches (None for one that cannot be read yet); moves the cursor."""
        folder = self.root / member
        try:
            if not self.root.is_dir():
                raise SyncError(f"the shared folder {self.root} cannot be reached")
            if not folder.is_dir():  # the member has not sent anything yet
                return
            names = sorted(path.name for path in folder.iterdir()
                           if BATCH_NAME.match(path.name))
            for name in names:
                if not cursor.is_new(name):
                    continue
                try:
                    batch = decode_batch((folder / name).read_bytes())
                except TornBatchError:
                    yield name, None
                    continue
                cursor.seen.add(name)
                yield name, batch
        except OSError as error:
            raise SyncError(f"cannot read the shared folder {folder}: {error}") from None
        cursor.advance(names)


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
