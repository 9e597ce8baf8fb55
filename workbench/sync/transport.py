"""What a transport does: carry sealed entries and each member's state between the team.

Two transports implement it: a shared folder of batch files (``workbench.sync.folder``, the
default, for an SMB share) and a PostgreSQL hub (``workbench.sync.hub``, for a centre). Both
may deliver an entry more than once and in any order, or lose one (a deleted batch file or
row): the replica does not mind the first, and asks for a resend of the second
(``workbench.sync.streams``). They carry entries sealed with the team key
(``workbench.sync.sealing``) and never see what is inside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from workbench.sync.sealing import Sealed


@dataclass(frozen=True)
class Pulled:
    """What one pull brought, and where the next pull goes on from."""

    entries: list[Sealed]
    #: Opaque text: hand it back to the next ``pull``; store it only once these are applied.
    cursor: str
    #: Batches seen but not readable yet (a torn or half-copied file); taken next time.
    unreadable: list[str] = field(default_factory=list)
    #: Batches of a newer format than this version reads (a teammate upgraded first).
    newer: list[str] = field(default_factory=list)


class Transport(Protocol):
    """Carries sealed entries and members' states to and from the team."""

    def describe(self) -> str:
        """Where the entries go, in words for the user (no passwords)."""

    def push(self, entries: Sequence[Sealed]) -> None:
        """Hand entries to the team for good; SyncError if that is not possible now."""

    def pull(self, cursor: str | None) -> Pulled:
        """The team's entries since ``cursor`` (None: from the start); SyncError on failure."""

    def publish_state(self, node: str, blob: bytes) -> None:
        """Replace this replica's published state (sealed bytes); SyncError on failure."""

    def states(self) -> list[bytes]:
        """Every replica's last published state (sealed bytes), mine included."""
