"""Which cases a transaction changed, so that their stored deadlines follow in it.

The code that changes what the engine reads (events, pauses, exemptions, attributes, the
cases themselves, the profile) marks the cases here, on the transaction's connection; before
the transaction commits, ``Database.transaction`` hands them to whoever stores deadlines
(``workbench.deadlines``), which re-evaluates exactly those cases in the same transaction.
Where nobody does (a tool that opened the store without the session, such as a restore),
the marked cases' rows are left not evaluated (``leave_unevaluated``; an open case without
a row is not evaluated either), which every read of them evaluates first: the store itself
does not evaluate.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from workbench.store.models import case_deadlines, cases, open_milestones

_KEY = "workbench.touched_cases"


class AllCases:
    """Every case: the profile or the calendar changed.

    ``new``: every case is new in this transaction (an import into a store that held no
    case), so no stored deadline row belongs to any of them yet.
    """

    def __init__(self, *, new: bool = False) -> None:
        self.new = new


#: The mark for "every case".
ALL_CASES = AllCases()
#: The mark for "every case, each one new in this transaction" (``touch_all_new``).
ALL_NEW_CASES = AllCases(new=True)
Touched = set[str] | AllCases


def touch(connection: Connection, case_ids: Iterable[str]) -> None:
    """Mark these cases as changed in the connection's current transaction."""
    marked = connection.info.get(_KEY)
    if isinstance(marked, AllCases):
        return
    if marked is None:
        marked = connection.info[_KEY] = set()
    marked.update(case_ids)


def touch_all(connection: Connection) -> None:
    """Mark every case as changed (a new profile or calendar)."""
    connection.info[_KEY] = ALL_CASES


def touch_all_new(connection: Connection) -> None:
    """Mark every case as changed and new: the store held no case when this transaction began.

    An import into an empty store says so before it inserts its cases: then no deadline row
    is written for them (``leave_unevaluated``) or they are evaluated all at once, and
    nobody needs to collect 10⁶ Sags-IDs to mark them.
    """
    connection.info[_KEY] = ALL_NEW_CASES


def take(connection: Connection) -> Touched | None:
    """The cases marked so far (None if none), unmarking them."""
    marked: Touched | None = connection.info.pop(_KEY, None)
    if isinstance(marked, AllCases):
        return marked
    return marked or None


#: Cases per statement of ``leave_unevaluated``.
_CHUNK = 2_000


def leave_unevaluated(connection: Connection, touched: Touched) -> None:
    """Mark the stored deadlines of ``touched`` not evaluated (``as_of`` NULL, or no row).

    Every read evaluates such a case before it uses it (``workbench.deadlines``): an open
    case whose row is not evaluated, or that has no row. For ``ALL_NEW_CASES`` no row is
    written at all (at 10⁶ cases, a row each took seconds): whatever rows were stored
    belong to no case, and the new cases are not evaluated until a read evaluates them.
    """
    if isinstance(touched, AllCases):
        if touched.new:
            connection.execute(open_milestones.delete())
            connection.execute(case_deadlines.delete())
        else:
            connection.execute(case_deadlines.update().values(as_of=None))
        return
    case_ids = sorted(touched)
    for start in range(0, len(case_ids), _CHUNK):
        chunk = case_ids[start:start + _CHUNK]
        connection.execute(open_milestones.delete().where(open_milestones.c.case_id.in_(chunk)))
        connection.execute(case_deadlines.delete().where(case_deadlines.c.case_id.in_(chunk)))
        connection.execute(case_deadlines.insert().from_select(
            ["case_id", "caseworker", "team"],
            select(cases.c.case_id, cases.c.caseworker, cases.c.team)
            .where(cases.c.case_id.in_(chunk))))
