"""Which cases a transaction changed, so that their stored deadlines follow in it.

The code that changes what the engine reads (events, pauses, exemptions, attributes, the
cases themselves, the profile) marks the cases here, on the transaction's connection; before
the transaction commits, ``Database.transaction`` hands them to whoever stores deadlines
(``workbench.deadlines``), which re-evaluates exactly those cases in the same transaction.
The store itself knows nothing of deadlines.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

_KEY = "workbench.touched_cases"


class AllCases:
    """Every case: the profile or the calendar changed."""


#: The mark for "every case".
ALL_CASES = AllCases()
Touched = set[str] | AllCases


def touch(connection: Connection, case_ids: Iterable[str]) -> None:
    """Mark these cases as changed in the connection's current transaction."""
    marked = connection.info.get(_KEY)
    if marked is ALL_CASES:
        return
    if marked is None:
        marked = connection.info[_KEY] = set()
    marked.update(case_ids)


def touch_all(connection: Connection) -> None:
    """Mark every case as changed (a new profile or calendar)."""
    connection.info[_KEY] = ALL_CASES


def take(connection: Connection) -> Touched | None:
    """The cases marked so far (None if none), unmarking them."""
    marked: Touched | None = connection.info.pop(_KEY, None)
    if isinstance(marked, AllCases):
        return marked
    return marked or None
