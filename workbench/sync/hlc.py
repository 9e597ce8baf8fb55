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
_ENCODED = re.compile(rf"^(\d{{{WALL_DIGITS}}})-(\d{{{COUNTER_DIGITS}}})-([0-9a-z]{{1,32}})$")


def physical_now_ms() -> int:
    """The computer's clock in milliseconds since 1970."""
    return time.time_ns() // 1_000_000


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
        physical: Callable[[], int] = physical_now_ms,
    ) -> None:
        self.node = node
        self.last = last or Timestamp(0, 0, node)
        self._physical = physical

    def tick(self) -> Timestamp:
        """A timestamp for a change made here: after every reading made or observed so far."""
        return self._advance(self._physical(), self.last.wall_ms, self.last.counter)

    def observe(self, remote: Timestamp) -> Timestamp:
        """Move past a teammate's timestamp, so later local changes sort after it."""
        if (remote.wall_ms, remote.counter) <= (self.last.wall_ms, self.last.counter):
            return self.tick()
        return self._advance(self._physical(), remote.wall_ms, remote.counter)

    def _advance(self, physical: int, wall_ms: int, counter: int) -> Timestamp:
        """The next reading after (wall_ms, counter): the physical time if it is later."""
        if physical > wall_ms:
            wall_ms, counter = physical, 0
        elif counter < _COUNTER_LIMIT:
            counter += 1
        else:
            wall_ms, counter = wall_ms + 1, 0
        self.last = Timestamp(wall_ms, counter, self.node)
        return self.last
