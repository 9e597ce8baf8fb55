"""What a transport does: carry entries between the members of a team.

Two transports implement it: a shared folder of batch files (``workbench.sync.folder``, the
default, for an SMB share) and a PostgreSQL hub (``workbench.sync.hub``, for a centre). Both
may deliver an entry more than once and in any order; the replica does not mind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from workbench.sync.entries import Entry


@dataclass(frozen=True)
class Pulled:
    """What one pull brought, and where the next pull goes on from."""

    entries: list[Entry]
    #: Opaque text: hand it back to the next ``pull``; store it only once these are applied.
    cursor: str
    #: Batches seen but not readable yet (a torn or half-copied file); taken next time.
    unreadable: list[str] = field(default_factory=list)


class Transport(Protocol):
    """Carries entries to and from the team."""

    def describe(self) -> str:
        """Where the entries go, in words for the user (no passwords)."""

    def push(self, entries: Sequence[Entry]) -> None:
        """Hand local entries to the team for good; SyncError if that is not possible now."""

    def pull(self, cursor: str | None) -> Pulled:
        """The team's entries since ``cursor`` (None: from the start); SyncError on failure."""
