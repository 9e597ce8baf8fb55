"""Nothing silently lost: per-replica sequence numbers, resend requests, and a digest.

Every replica numbers its own entries 1, 2, 3, ... without gaps (``team.seq``). A receiver
knows, per replica, which numbers it holds (applied or held back); a number missing below the
highest one it holds, or below the last number that replica says it has published, is a
*gap*: a batch file deleted before this member read it, a hub row removed, a folder cleaned
up. The receiver names its gaps in its published state; the author's replica, at its next
sync, reads that and publishes those entries again from its own log. Receiving them twice
is harmless.

Each replica also publishes a digest of what it holds (SHA-256 over the sorted ids of the
entries it applied) and how many entries it holds of each replica. ``team status`` compares
its own with each teammate's last published one and says that the team is in sync, or who
differs and by how much.

A state is sealed with the team key like an entry (it names replicas and counts only).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select, union_all

from workbench.store.models import sync_entries, sync_held
from workbench.sync.entries import Entry
from workbench.sync.outbox import entry_from_row
from workbench.sync.sealing import NotAuthenticError, TeamKey

#: Entries re-published per sync at most (the rest at the next one).
RESEND_LIMIT = 20_000
_STATE_PURPOSE = b"workbench team state"


@dataclass(frozen=True)
class ReplicaState:
    """What one replica last published about itself."""

    member: str
    node: str
    #: The highest sequence number it has given its own entries.
    last_seq: int
    digest: str
    #: Entries it holds, per replica (node).
    counts: dict[str, int]
    #: The numbers it misses, per replica: [first, last] ranges.
    wants: dict[str, list[list[int]]] = field(default_factory=dict)
    #: When it was published (UTC, ISO).
    at: str = ""

    def to_json(self) -> dict[str, Any]:
        """The state as JSON."""
        return {"member": self.member, "node": self.node, "last_seq": self.last_seq,
                "digest": self.digest, "counts": self.counts, "wants": self.wants,
                "at": self.at}

    @classmethod
    def from_json(cls, data: Any) -> ReplicaState:
        """A state from JSON; ValueError if it is not one."""
        try:
            return cls(str(data["member"]), str(data["node"]), int(data["last_seq"]),
                       str(data["digest"]),
                       {str(k): int(v) for k, v in dict(data["counts"]).items()},
                       {str(k): [[int(a), int(b)] for a, b in v]
                        for k, v in dict(data["wants"]).items()}, str(data.get("at", "")))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not a replica state: {error}") from None

    def seal(self, key: TeamKey) -> bytes:
        """The state as sealed bytes for the transport."""
        plain = json.dumps(self.to_json(), sort_keys=True).encode("utf-8")
        return key.encrypt(plain, _STATE_PURPOSE)

    @classmethod
    def open(cls, key: TeamKey, blob: bytes) -> ReplicaState | None:
        """A published state, or None if it is not one of this team's (or damaged)."""
        try:
            return cls.from_json(json.loads(key.decrypt(blob, _STATE_PURPOSE)))
        except (NotAuthenticError, ValueError):
            return None


def _numbers(connection: Connection) -> Any:
    """(node, seq) of every entry held here: applied, or held back."""
    return union_all(
        select(sync_entries.c.node, sync_entries.c.seq).where(sync_entries.c.node.is_not(None)),
        select(sync_held.c.node, sync_held.c.seq).where(sync_held.c.node.is_not(None)),
    ).subquery()


def counts(connection: Connection) -> dict[str, tuple[int, int]]:
    """Per replica: (how many of its numbers are held here, the highest one)."""
    numbers = _numbers(connection)
    return {str(node): (int(count), int(highest)) for node, count, highest in connection.execute(
        select(numbers.c.node, func.count(func.distinct(numbers.c.seq)), func.max(numbers.c.seq))
        .group_by(numbers.c.node))}


def gaps(connection: Connection, published: dict[str, int]) -> dict[str, list[list[int]]]:
    """Per replica, the ranges of numbers missing here (below what it or others show)."""
    held = counts(connection)
    missing: dict[str, list[list[int]]] = {}
    for node in set(held) | set(published):
        count, highest = held.get(node, (0, 0))
        top = max(highest, published.get(node, 0))
        if count >= top:
            continue
        numbers = _numbers(connection)
        present = sorted(int(seq) for seq in connection.execute(
            select(func.distinct(numbers.c.seq)).where(numbers.c.node == node)).scalars())
        ranges: list[list[int]] = []
        expected = 1
        for seq in [*present, top + 1]:
            if seq > expected:
                ranges.append([expected, min(seq - 1, top)])
            expected = max(expected, seq + 1)
        missing[node] = ranges
    return missing


def digest(connection: Connection) -> str:
    """SHA-256 over the sorted ids of every entry applied here (short hex)."""
    hashed = hashlib.sha256()
    for entry_id in connection.execute(
            select(sync_entries.c.entry_id).order_by(sync_entries.c.entry_id)).scalars():
        hashed.update(entry_id.encode("ascii"))
    return hashed.hexdigest()[:16]


def applied_counts(connection: Connection) -> dict[str, int]:
    """Per replica, how many of its entries are applied here."""
    return {str(node): int(count) for node, count in connection.execute(
        select(sync_entries.c.node, func.count()).where(sync_entries.c.node.is_not(None))
        .group_by(sync_entries.c.node))}


def requested(connection: Connection, node: str, states: Sequence[ReplicaState]) -> list[Entry]:
    """My own entries the teammates ask for again (their gaps in my numbers)."""
    wanted: set[int] = set()
    for peer in states:
        for first, last in peer.wants.get(node, []):
            if last - first > RESEND_LIMIT:
                last = first + RESEND_LIMIT
            wanted.update(range(first, last + 1))
            if len(wanted) >= RESEND_LIMIT:
                break
    if not wanted:
        return []
    chosen = sorted(wanted)[:RESEND_LIMIT]
    rows: list[Any] = []
    for start in range(0, len(chosen), 500):
        rows.extend(connection.execute(
            select(sync_entries).where(sync_entries.c.node == node,
                                       sync_entries.c.local.is_(True),
                                       sync_entries.c.seq.in_(chosen[start:start + 500]))).all())
    return [entry_from_row(row._mapping) for row in sorted(rows, key=lambda r: r.seq)]


@dataclass(frozen=True)
class Convergence:
    """How this replica compares with each teammate's last published state."""

    in_sync: bool
    #: Per teammate replica that differs: (member, node, what it holds of each replica vs me).
    differences: list[tuple[str, str, dict[str, tuple[int, int]]]]
    #: The member each replica (node) belongs to, where known.
    names: dict[str, str] = field(default_factory=dict)


def compare(mine: str, my_counts: dict[str, int], peers: Sequence[ReplicaState],
            names: dict[str, str] | None = None) -> Convergence:
    """Compare my digest and counts with the teammates' published ones."""
    differences = []
    for peer in peers:
        if peer.digest == mine:
            continue
        nodes = set(my_counts) | set(peer.counts)
        split = {node: (peer.counts.get(node, 0), my_counts.get(node, 0)) for node in nodes
                 if peer.counts.get(node, 0) != my_counts.get(node, 0)}
        differences.append((peer.member, peer.node, split))
    known = {peer.node: peer.member for peer in peers} | (names or {})
    return Convergence(not differences, differences, known)
