"""Taking in what the team sent: only what passes every check is applied; the rest is held.

For each sealed entry, in this order:

1. a format version newer than this one reads **waits** (``newer``): a teammate runs a newer
   version; it is tried again at every sync, and applied once this workbench is upgraded;
2. a publisher who is not a member, an entry the team key did not seal (or that was changed
   on the way), or one that breaks a rule a local change keeps (``workbench.sync.validate``)
   is **quarantined** (``invalid``): kept, counted and shown with its author, never applied,
   until a person drops it (``workbench team quarantine --drop ID``);
3. an entry whose clock is more than five minutes ahead of this computer's is **held back**
   (``ahead``) and tried again at every sync;
4. everything else is applied, as one batch.

Nothing here raises for a bad entry: one teammate's damaged or hostile entry never stops the
others' from arriving.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, func, select

from workbench.errors import InputError
from workbench.logs import mask_cpr_numbers
from workbench.store.models import sync_held, utc_now
from workbench.sync.apply import known_entry_ids
from workbench.sync.entries import Entry, MalformedEntryError
from workbench.sync.hlc import Timestamp
from workbench.sync.replica import Received, Replica
from workbench.sync.sealing import VERSION, NotAuthenticError, Sealed, TeamKey
from workbench.sync.validate import InvalidEntryError, check

INVALID = "invalid"
NEWER = "newer"
AHEAD = "ahead"
DROPPED = "dropped"


@dataclass
class Intake:
    """What taking in one pull did."""

    received: Received = field(default_factory=Received)
    #: Entries held now, per reason (invalid, newer, ahead), new ones and retried ones.
    held: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class HeldEntry:
    """A teammate's entry that is not applied, and why."""

    entry_id: str
    reason: str
    #: Message key of workbench.messages.sync, and the detail (no personal data).
    problem: str
    detail: str
    #: Who published it, and who made it (if it could be read).
    member: str
    author: str
    held_at: str


def take_in(connection: Connection, replica: Replica, key: TeamKey, members: Sequence[str],
            sealed: Iterable[Sealed]) -> Intake:
    """Check the sealed entries; apply the good ones as a batch, hold the others."""
    intake = Intake()
    arriving = {entry.entry_id: entry for entry in sealed}
    retried = _held_for_retry(connection)
    for entry in retried:
        arriving.setdefault(entry.entry_id, entry)
    known = known_entry_ids(connection, list(arriving))
    held_ids = set(_held_ids(connection, list(arriving)))
    good: list[Entry] = []
    holds: list[dict[str, object]] = []
    retried_ids = {entry.entry_id for entry in retried}
    for entry in arriving.values():
        if entry.entry_id in known or (entry.entry_id in held_ids
                                       and entry.entry_id not in retried_ids):
            continue
        verdict = _verdict(replica, key, members, entry)
        if isinstance(verdict, Entry):
            good.append(verdict)
        else:
            holds.append(verdict)
            intake.held[str(verdict["reason"])] += 1
    if retried_ids:
        connection.execute(delete(sync_held).where(sync_held.c.entry_id.in_(retried_ids)))
    if holds:
        connection.execute(sync_held.insert(), holds)
    intake.received = replica.receive(good)
    return intake


def _verdict(replica: Replica, key: TeamKey, members: Sequence[str],
             sealed: Sealed) -> Entry | dict[str, object]:
    """The entry to apply, or the row that holds it back."""
    if sealed.version > VERSION:
        return _hold(sealed, NEWER, "sync.newer_version", f"format version {sealed.version}")
    if sealed.member not in members:
        return _hold(sealed, INVALID, "sync.unknown_member", "published by a non-member")
    try:
        entry = key.open(sealed)
    except NotAuthenticError:
        return _hold(sealed, INVALID, "sync.not_authentic", "not sealed with the team key")
    except MalformedEntryError as error:
        return _hold(sealed, INVALID, "sync.malformed", str(error)[:200])
    try:
        check(entry)
    except InvalidEntryError as error:
        return _hold(sealed, INVALID, error.problem, error.detail[:200], entry.author)
    if replica.clock.is_ahead(Timestamp.parse(entry.hlc)):
        return _hold(sealed, AHEAD, "sync.clock_ahead", "the clock is ahead", entry.author)
    return entry


def _hold(sealed: Sealed, reason: str, problem: str, detail: str,
          author: str | None = None) -> dict[str, object]:
    return {"entry_id": sealed.entry_id, "reason": reason, "problem": problem,
            "detail": mask_cpr_numbers(detail)[:200], "member": sealed.member,
            "author": mask_cpr_numbers(author or sealed.member)[:100],
            "node": sealed.node, "seq": sealed.seq,
            "envelope": json.dumps(sealed.to_json()), "held_at": utc_now()}


def _held_for_retry(connection: Connection) -> list[Sealed]:
    """The held entries that may pass now (newer format, clock ahead)."""
    return [Sealed.from_json(json.loads(envelope)) for envelope in connection.execute(
        select(sync_held.c.envelope).where(sync_held.c.reason.in_((NEWER, AHEAD)))).scalars()]


def _held_ids(connection: Connection, entry_ids: list[str]) -> list[str]:
    found: list[str] = []
    for start in range(0, len(entry_ids), 500):
        found.extend(connection.execute(select(sync_held.c.entry_id).where(
            sync_held.c.entry_id.in_(entry_ids[start:start + 500]))).scalars())
    return found


class Quarantine:
    """The entries held back here: list them, count them, drop a quarantined one."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def entries(self) -> list[HeldEntry]:
        """Every held entry, oldest first."""
        return [HeldEntry(row.entry_id, row.reason, row.problem, row.detail, row.member,
                          row.author, row.held_at.isoformat(timespec="seconds"))
                for row in self.connection.execute(
                    select(sync_held).where(sync_held.c.reason != DROPPED)
                    .order_by(sync_held.c.held_at, sync_held.c.entry_id))]

    def counts(self) -> dict[str, int]:
        """How many entries are held, per reason."""
        return {str(reason): int(count) for reason, count in self.connection.execute(
            select(sync_held.c.reason, func.count()).where(sync_held.c.reason != DROPPED)
            .group_by(sync_held.c.reason))}

    def authors(self, reason: str = INVALID) -> list[str]:
        """Who made (or published) the held entries of a reason."""
        return sorted(set(self.connection.execute(
            select(sync_held.c.author).where(sync_held.c.reason == reason)).scalars()))

    def drop(self, entry_id: str) -> None:
        """Discard a quarantined entry for good; InputError if there is none with that id.

        Its id and number stay (reason ``dropped``, without its content), so it is neither
        taken in again nor asked for again as a gap.
        """
        removed = self.connection.execute(sync_held.update().where(
            sync_held.c.entry_id == entry_id, sync_held.c.reason == INVALID)
            .values(reason=DROPPED, envelope="", detail=""))
        if removed.rowcount == 0:
            raise InputError(key="sync.quarantine_unknown", entry_id=entry_id)
