"""A hybrid logical clock: timestamps that order every change of a team, on every replica.

A timestamp is (wall milliseconds, counter, node). The wall part follows the computer's clock
while it moves forward; the counter orders changes made within one millisecond, or while the
clock stands still or runs behind a timestamp already seen; the node (a random id per
database) breaks the remaining ties, so the order is total. Observing a teammate's timestamp
moves the clock past it: a change made after seeing another one always sorts after it, even
when this computer's clock is slow. That is what makes last-writer-wins mean "the later
decision wins".

Timestamps are encoded as fixed-width text whose string order is the timestamp order, so the
database sorts and compares them as plain strings.

A teammate's timestamp more than ``MAX_AHEAD_MS`` (5 minutes) ahead of this computer's clock
is refused (``ClockAheadError``): observing it would drag every later local change into that
teammate's future, and a maximal one would leave the clock nowhere to go. The caller holds
such an entry back and tries it again later. So the wall part never runs more than a few
minutes ahead of the real time, and never out of its digits.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

#: Digits of the wall part (milliseconds since 1970: 13 digits until the year 2286).
WALL_DIGITS = 15
#: Digits of the counter; a counter that would overflow moves the wall part on by 1 ms.
COUNTER_DIGITS = 5
_COUNTER_LIMIT = 10**COUNTER_DIGITS - 1
_WALL_LIMIT = 10**WALL_DIGITS - 1
#: How far a teammate's clock may run ahead of ours before its entries are held back.
MAX_AHEAD_MS = 5 * 60 * 1000
_ENCODED = re.compile(rf"^(\d{{{WALL_DIGITS}}})-(\d{{{COUNTER_DIGITS}}})-([0-9a-z]{{1,32}})$")


def physical_now_ms() -> int:
    """The computer's clock in milliseconds since 1970."""
    return time.time_ns() // 1_000_000


class ClockAheadError(ValueError):
    """A teammate's timestamp is too far ahead of this computer's clock to be observed."""


def new_node_id() -> str:
    """A random node id for a new replica (12 hex digits: collisions are not a concern)."""
    return secrets.token_hex(6)


@dataclass(frozen=True, order=True)
class Timestamp:
    """One hybrid logical clock reading; compares in the clock's total order."""

    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        """The timestamp as text whose string order is the timestamp order."""
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        """A timestamp from its text; ValueError if it is not one."""
        match = _ENCODED.match(text)
        if match is None:
            raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])

    def __str__(self) -> str:
        return self.encode()


class HybridClock:
    """The clock of one replica; its last reading is persisted by whoever owns it."""

    def __init__(
        self,
        node: str,
        last: Timestamp | None = None,
        physical: Callable[[], int] | None = None,
    ) -> None:
        self.node = node
        self._physical = physical or (lambda: physical_now_ms())
        self.last = last or Timestamp(0, 0, node)
        if self.last.wall_ms > self._physical() + MAX_AHEAD_MS:
            # A reading left by an older version that observed a clock from the future: start
            # again from the real time rather than live in that future (or overflow there).
            self.last = Timestamp(self._physical(), 0, node)

    def tick(self) -> Timestamp:
        """A timestamp for a change made here: after every reading made or observed so far."""
        return self._advance(self._physical(), self.last.wall_ms, self.last.counter)

    def is_ahead(self, remote: Timestamp) -> bool:
        """True if ``remote`` is more than MAX_AHEAD_MS ahead of this computer's clock."""
        return remote.wall_ms > self._physical() + MAX_AHEAD_MS

    def observe(self, remote: Timestamp) -> Timestamp:
        """Move past a teammate's timestamp, so later local changes sort after it.

        ClockAheadError if it is more than MAX_AHEAD_MS ahead of this computer's clock.
        """
        if self.is_ahead(remote):
            raise ClockAheadError(f"a teammate's clock is ahead of this computer's: {remote}")
        if (remote.wall_ms, remote.counter) <= (self.last.wall_ms, self.last.counter):
            return self.tick()
        return self._advance(self._physical(), remote.wall_ms, remote.counter)

    def _advance(self, physical: int, wall_ms: int, counter: int) -> Timestamp:
        """The next reading after (wall_ms, counter): the physical time if it is later."""
        if physical > wall_ms:
            wall_ms, counter = physical, 0
        elif counter < _COUNTER_LIMIT:
            counter += 1
        elif wall_ms < _WALL_LIMIT:
            wall_ms, counter = wall_ms + 1, 0
        else:  # unreachable while observe refuses the future; never write an unsortable one
            raise ClockAheadError("the clock has no readings left")
        self.last = Timestamp(wall_ms, counter, self.node)
        return self.last
