"""Stored deadlines: each open case's open milestones, so that a status is a comparison.

The engine (``workbench.engine``) stays the one definition. What it works out for a case
depends on the case's facts, events, pauses, exemptions, attributes and the profile, and on
the evaluation date only in a few known ways; so its result is stored per case
(``case_deadlines``: the milestone that falls due first and the earliest plan-by date;
``open_milestones``: every open milestone) and red / amber / green is ``next_due`` compared
with today on an index. How a stored row depends on the date:

* it holds from ``as_of`` (the date it was evaluated for) to the day before
  ``fresh_until``: the first day on which the engine could answer otherwise although nothing
  was registered: a count window ends (its plan-by date goes, the next window begins), a
  rule comes into force (``applies_from``) or is repealed (``applies_until``), an event or
  a pause dated in the future begins to count, a pause still on adds a day, the case starts
  or closes;
* the amber window is part of the comparison only, never stored.

The rows are re-evaluated in the transaction of every change (``workbench.store.touched``
marks the cases; ``Database.transaction`` hands them here before it commits): exactly the
cases a change touched, or all of them when the profile or the calendar changes. A read
that meets rows that do not hold for its date (or an open case without a row: not evaluated
yet) re-evaluates those first. ``verify`` proves
the stored rows equal a fresh evaluation through the cases manager's own path (``wb.cases``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    String,
    Table,
    case,
    cast,
    collate,
    func,
    null,
    or_,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from workbench.attributes import attributes_of
from workbench.bulk import collector_paused
from workbench.calendar import iso_week, week_since
from workbench.cpr import Cpr
from workbench.engine import (
    DEFAULT_AMBER_DAYS,
    CaseEvaluation,
    CaseEvent,
    CaseFacts,
    Milestone,
    Status,
    evaluate_case,
    status_for_due,
)
from workbench.pauses import NO_WAIVERS, waivers_of
from workbench.rules import CountRule, Rule, RuleProfile
from workbench.store.bulk import BulkInserter, fetch_rows, indexes_deferred
from workbench.store.database import Database
from workbench.store.driverread import driver_rows
from workbench.store.models import case_deadlines, cases, events, open_milestones, settings
from workbench.store.touched import ALL_CASES, AllCases, Touched, leave_unevaluated
from workbench.views import CaseRow
from workbench.vocabulary import EventKind, Scheme

#: Cases evaluated and written per round: memory stays flat at any caseload.
CHUNK = 2_000
#: Changes touching more cases than this leave them to the first read (``_after_change``).
EVALUATED_AT_ONCE = 20_000
#: An evaluated case that is closed by the day read for (``_store_or_evaluate``).
_CLOSED = object()
log = logging.getLogger(__name__)
#: The setting that holds ``fingerprint`` of the profile the stored rows were evaluated with.
_FINGERPRINT_KEY = "deadlines.profile"
_ONE_DAY = dt.timedelta(days=1)
_EVENT_KINDS = {kind.value: kind for kind in EventKind}
_SCHEMES = {scheme.value: scheme for scheme in Scheme}
_CASE_COLUMNS = (cases.c.case_id, cases.c.cpr, cases.c.name, cases.c.scheme, cases.c.caseworker,
                 cases.c.team, cases.c.start, cases.c.closed_on)
_DEADLINE_COLUMNS = ("case_id", "caseworker", "team", "next_due", "rule_id", "plan_by", "as_of",
                     "fresh_until")
_MILESTONE_COLUMNS = ("case_id", "position", "rule_id", "occurrence", "due", "window_end",
                      "plan_by")
AnyRow = Row[*tuple[Any, ...]]


class EvaluatedLike(Protocol):
    """What ``verify`` compares with: a case as the cases manager evaluates it freshly."""

    @property
    def case_id(self) -> str: ...  # noqa: D102

    @property
    def caseworker(self) -> str: ...  # noqa: D102

    @property
    def team(self) -> str | None: ...  # noqa: D102

    @property
    def evaluation(self) -> CaseEvaluation: ...  # noqa: D102

    @property
    def row(self) -> CaseRow | None: ...  # noqa: D102


class StoredMilestone(NamedTuple):
    """An open milestone as stored: what the lists and the comparison need of it."""

    rule_id: str
    occurrence: int
    due: dt.date
    window_end: dt.date | None
    plan_by: dt.date | None


@dataclasses.dataclass(frozen=True)
class Difference:
    """One case whose stored deadlines differ from a fresh evaluation."""

    case_id: str
    #: What differs: "missing" (no stored row), "stale" (stored, not open), "row",
    #: "milestones" or "list" (the list row shown).
    what: str
    stored: str
    fresh: str


class Counts(NamedTuple):
    """How many open cases are red, amber and green."""

    red: int
    amber: int
    green: int


class Deadlines:
    """The stored deadlines of one database: recompute, read by status, verify."""

    def __init__(
        self,
        database: Database,
        rules_of: Callable[[Connection], tuple[RuleProfile, int]],
        evaluated: Callable[[dt.date], Sequence[EvaluatedLike]],
    ) -> None:
        """Keep ``database``'s deadlines; ``rules_of`` gives the profile and amber window.

        ``evaluated`` is the cases manager's fresh evaluation of every case (for ``verify``).
        """
        self._database = database
        self._rules_of = rules_of
        self._evaluated = evaluated
        #: The date the rows are evaluated for when a change re-evaluates them: the last
        #: date read for, else the real today.
        self.today: dt.date | None = None
        database.before_commit = self._after_change

    # --- recompute ---------------------------------------------------------------------

    def _as_of(self) -> dt.date:
        return self.today or dt.date.today()

    def _after_change(self, connection: Connection, touched: Touched) -> None:
        """Re-evaluate the cases a transaction changed, in it, before it commits.

        More than ``EVALUATED_AT_ONCE`` cases (a first import, a new profile) are only
        marked not evaluated, in the same transaction, so that a whole-centre import does
        not also pay for evaluating every case: the first read evaluates them (a read
        never uses a row that is not evaluated for its day).
        """
        if isinstance(touched, AllCases):
            # The cases, not the rows: an open case may have none (not evaluated yet).
            count = self._count(connection, cases)
            if count > EVALUATED_AT_ONCE:
                leave_unevaluated(connection, touched)
            else:
                self.refresh_all(connection, self._as_of())
        elif len(touched) > EVALUATED_AT_ONCE:
            leave_unevaluated(connection, touched)
        else:
            self.refresh(connection, sorted(touched), self._as_of())

    @staticmethod
    def _follow_profile(connection: Connection, profile: RuleProfile) -> bool:
        """If the rows were evaluated with another profile, leave them all unevaluated.

        True if they were (in this write transaction).
        """
        current = fingerprint(profile)
        stored = _stored_fingerprint(connection)
        if stored == current:
            return False
        # Not where no row is evaluated yet (a first import's): 1.5 s at 30,000 cases on
        # PostgreSQL, for nothing.
        if connection.execute(select(case_deadlines.c.case_id).where(
                case_deadlines.c.as_of.isnot(None)).limit(1)).first() is not None:
            leave_unevaluated(connection, ALL_CASES)
        if stored is None:
            connection.execute(settings.insert().values(key=_FINGERPRINT_KEY, value=current))
        else:
            connection.execute(settings.update().where(settings.c.key == _FINGERPRINT_KEY)
                               .values(value=current))
        return True

    def _check_profile(self, profile: RuleProfile, stored: str | None) -> bool:
        """Before a read: rows evaluated with another profile are left to be evaluated.

        False if they were and the database could not take it (a full disk).
        """
        if stored == fingerprint(profile):
            return True
        try:
            with self._database.transaction(write=True) as connection:
                self._follow_profile(connection, self._rules_of(connection)[0])
        except SQLAlchemyError:
            return False
        return True

    @staticmethod
    def _count(connection: Connection, table: Table = case_deadlines) -> int:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    def recompute(self, case_ids: Iterable[str], today: dt.date | None = None) -> None:
        """Re-evaluate and store these cases (for ``today``, else the usual date)."""
        with self._database.transaction(write=True) as connection:
            self.refresh(connection, sorted(set(case_ids)), today or self._as_of())

    def recompute_all(self, today: dt.date | None = None) -> int:
        """Re-evaluate and store every case; the number of open cases stored."""
        with self._database.transaction(write=True) as connection:
            return self.refresh_all(connection, today or self._as_of())

    def refresh_all(self, connection: Connection, as_of: dt.date) -> int:
        """Every case, re-evaluated in chunks (the table is emptied first)."""
        connection.execute(open_milestones.delete())
        connection.execute(case_deadlines.delete())
        return self._write(connection, None, as_of, replace=False)

    def refresh(self, connection: Connection, case_ids: Sequence[str], as_of: dt.date) -> int:
        """Re-evaluate and store ``case_ids`` as of ``as_of``; the number still open."""
        return self._write(connection, case_ids, as_of, replace=True)

    def _write(self, connection: Connection, case_ids: Sequence[str] | None, as_of: dt.date,
               *, replace: bool) -> int:
        """Evaluate and store ``case_ids`` (None: every case) round by round (``_rounds``)."""
        if case_ids is not None and not case_ids:
            return 0
        profile = self._rules_of(connection)[0]
        self._follow_profile(connection, profile)
        many = _many(connection, case_ids)
        with _indexes_set_aside(connection, many), collector_paused():
            return self._write_rounds(connection, _rounds(connection, case_ids, many),
                                      _Evaluator(connection, profile, as_of), replace=replace)

    @staticmethod
    def _write_rounds(connection: Connection, rounds: Iterable[_Round], evaluator: _Evaluator,
                      *, replace: bool) -> int:
        """Evaluate and store each round's cases, replacing their rows if ``replace``."""
        profile, as_of = evaluator.profile, evaluator.as_of
        bulk = BulkInserter(connection)
        date = bulk.date
        stored = 0
        for part in rounds:
            if replace:
                connection.execute(open_milestones.delete().where(
                    *part.deleting(open_milestones.c.case_id)))
                connection.execute(case_deadlines.delete().where(
                    *part.deleting(case_deadlines.c.case_id)))
            deadline_rows: list[tuple[object, ...]] = []
            milestone_rows: list[tuple[object, ...]] = []
            for case_row, evaluation, facts in evaluator.evaluate(part):
                if evaluation.status is None:
                    continue  # closed: in no list
                open_ones = evaluation.open_milestones
                deciding = evaluation.deciding
                fresh = fresh_until(facts, profile, evaluation, as_of)
                deadline_rows.append((
                    case_row.case_id, case_row.caseworker, case_row.team,
                    date(deciding.due if deciding else None),
                    deciding.rule_id if deciding else None, date(_plan_by(open_ones)),
                    date(as_of), date(fresh)))
                milestone_rows.extend(
                    (case_row.case_id, position, m.rule_id, m.occurrence, date(m.due),
                     date(m.due if isinstance(m.rule, CountRule) else None), date(m.plan_by))
                    for position, m in enumerate(open_ones))
            stored += bulk.insert(case_deadlines, _DEADLINE_COLUMNS, deadline_rows)
            bulk.insert(open_milestones, _MILESTONE_COLUMNS, milestone_rows)
        return stored

    # --- read ----------------------------------------------------------------------------

    def caseload(self, today: dt.date, conditions: Sequence[ColumnElement[bool]], *,
                 listed: bool = False) -> list[CaseRow]:
        """The list rows of the open cases matching ``conditions``, soonest due first.

        One indexed query; rows that do not hold for ``today`` (or are missing) are
        re-evaluated first, in a write transaction of their own, and read again.
        ``listed``: ``conditions`` name the cases in a list (``IN``), a read of a few rows
        that SQLAlchemy's cached statement serves faster than the driver's cursor.
        """
        query = _list_query(today, conditions).order_by(
            *_soonest_first_in_sql(self._database.engine.dialect.name))
        found, profile, amber_days, reordered = self._read(today, query, listed)
        rows = _case_rows(found, today, profile, amber_days)
        if reordered:
            # Re-evaluated rows come last (``_read``): the others are in order already.
            rows.sort(key=_SOONEST_FIRST)
        return rows

    def status_table(self, today: dt.date, *, caseworker: str | None = None,
                     team: str | None = None) -> Sequence[Sequence[str]]:
        """``workbench status``'s rows as text, soonest due first, made by the database.

        The same cases, order, statuses and dates as ``caseload``'s rows (the tests hold
        them to it), without making list rows: the status is the stored next due date
        compared with today in the query, on the index. Columns: case id, caseworker,
        scheme, status, next due, milestone, plan-by.
        """
        self.today = today
        while True:
            with self._database.transaction() as connection:
                profile, amber_days = self._rules_of(connection)
                stored = _stored_fingerprint(connection)
                found: Sequence[Sequence[str]] = driver_rows(connection, _status_query(
                    connection.dialect.name, today, amber_days, caseworker, team))
            # A row that does not hold for today (or is missing) has no status yet.
            stale = [row[0] for row in found if row[3] is None]
            if stored != fingerprint(profile):
                if self._check_profile(profile, stored):
                    continue  # every row left to be evaluated: read again
                stale = [row[0] for row in found]
            if not stale:
                return found
            evaluated = self._store_or_evaluate(stale, today)
            if evaluated is None:
                continue  # stored: read again
            green = Status.GREEN.value
            table = [row for row in found if row[0] not in evaluated]
            for row in found:
                if row[0] in evaluated and evaluated[row[0]] is not _CLOSED:
                    due, rule_id, plan_by = evaluated[row[0]]
                    table.append((row[0], row[1], row[2],
                                  status_for_due(due, today, amber_days).value if due else green,
                                  due.isoformat() if due else "", rule_id or "",
                                  plan_by.isoformat() if plan_by else ""))
            last = dt.date.max.isoformat()
            return sorted(table, key=lambda row: (row[4] or last, row[0]))

    def _read(self, today: dt.date, query: Any, listed: bool = False,
              ) -> tuple[Sequence[tuple[Any, ...]], RuleProfile, int, bool]:
        """The rows of ``query`` (``_list_query``'s), all holding for ``today``.

        Plain tuples from the driver (``driver_rows``; ``listed``: through SQLAlchemy, whose
        statement cache spares a few rows' read the compiling), dates as the driver gives
        them (``_Days`` takes either). Rows that do not hold for ``today`` (or are missing)
        are re-evaluated first, in a write transaction of their own, and read again; where
        the database takes no write, they come last, evaluated for this read (then True:
        the rows are out of order).
        """
        self.today = today
        while True:
            with self._database.transaction() as connection:
                profile, amber_days = self._rules_of(connection)
                stored = _stored_fingerprint(connection)
                found = ([tuple(row) for row in connection.execute(query)] if listed
                         else driver_rows(connection, query))
            stale = [row[0] for row in found if row[-1]]
            if stored != fingerprint(profile):
                if self._check_profile(profile, stored):
                    continue  # every row left to be evaluated: read again
                stale = [row[0] for row in found]
            if not stale:
                return found, profile, amber_days, False
            evaluated = self._store_or_evaluate(stale, today)
            if evaluated is None:
                continue  # stored: read again
            kept = [row for row in found if row[0] not in evaluated]
            kept.extend((*row[:7], *values, _HOLDS) for row in found
                        if (values := evaluated.get(row[0], _CLOSED)) is not _CLOSED)
            return kept, profile, amber_days, True

    def _store_or_evaluate(self, case_ids: Sequence[str], today: dt.date,
                           ) -> dict[str, Any] | None:
        """Re-evaluate and store ``case_ids`` for ``today``: None once stored.

        Where the database cannot take the write (a full disk, a read-only copy), the read
        goes on with the cases evaluated for it alone: next due, rule and plan-by by case
        (``_CLOSED`` for a case closed by then). Re-evaluated rows hold for today
        (``fresh_until`` lies after it), so the next read finds none of them stale.
        """
        try:
            with self._database.transaction(write=True) as connection:
                self.refresh(connection, case_ids, today)
        except SQLAlchemyError as error:
            log.warning("stored deadlines not updated, evaluated for this read only: %s",
                        type(error).__name__)
        else:
            return None
        evaluated: dict[str, Any] = dict.fromkeys(case_ids, _CLOSED)
        with self._database.transaction() as connection:
            evaluator = _Evaluator(connection, self._rules_of(connection)[0], today)
            for part in _rounds(connection, case_ids):
                for row, evaluation, _facts in evaluator.evaluate(part):
                    if evaluation.status is not None:
                        deciding = evaluation.deciding
                        evaluated[row.case_id] = (
                            deciding.due if deciding else None,
                            deciding.rule_id if deciding else None,
                            _plan_by(evaluation.open_milestones))
        return evaluated

    def counts(self, today: dt.date, amber_days: int = DEFAULT_AMBER_DAYS, *,
               caseworker: str | None = None, team: str | None = None) -> Counts:
        """Red, amber and green open cases (of a caseworker or team): one indexed count.

        The stored rows are brought up to ``today`` first, as for a list.
        """
        if not self.refresh_stale(today):  # the database took no write: count a list
            conditions = [cases.c.caseworker == caseworker] if caseworker is not None else []
            if team is not None:
                conditions.append(cases.c.team == team)
            found = Counter(row.status for row in self.caseload(today, conditions))
            return Counts(found[Status.RED], found[Status.AMBER], found[Status.GREEN])
        try:
            until = today + dt.timedelta(days=amber_days)
        except OverflowError:
            until = dt.date.max
        due = case_deadlines.c.next_due
        query = select(
            func.count(case(((due < today), 1))),
            func.count(case(((due >= today) & (due <= until), 1))),
            func.count(case((or_(due.is_(None), due > until), 1))),
        ).where(*_owner(caseworker, team))
        with self._database.transaction() as connection:
            red, amber, green = connection.execute(query).one()
        return Counts(int(red), int(amber), int(green))

    def refresh_stale(self, today: dt.date) -> bool:
        """Re-evaluate the stored rows that do not hold for ``today``.

        False if some needed it and the database could not take the write (a full disk).
        """
        self.today = today
        deadline = case_deadlines.c
        query = select(deadline.case_id).where(or_(
            deadline.as_of.is_(None), deadline.as_of > today, deadline.fresh_until <= today))
        with self._database.transaction() as connection:
            profile, stored = self._rules_of(connection)[0], _stored_fingerprint(connection)
        if not self._check_profile(profile, stored):
            return False
        with self._database.transaction() as connection:
            stale = list(connection.execute(query).scalars())
            # Cases open on ``today`` without a row: not evaluated yet (an import into an
            # empty store writes none), or closed when evaluated (closed cases have none)
            # and read now for a day before they closed.
            stale.extend(connection.execute(
                select(cases.c.case_id)
                .select_from(cases.outerjoin(case_deadlines,
                                             case_deadlines.c.case_id == cases.c.case_id))
                .where(deadline.case_id.is_(None),
                       or_(cases.c.closed_on.is_(None), cases.c.closed_on > today))).scalars())
        if not stale:
            return True
        try:
            with self._database.transaction(write=True) as connection:
                self.refresh(connection, stale, today)
        except SQLAlchemyError:
            return False
        return True

    def milestones(self, case_id: str) -> list[StoredMilestone]:
        """A case's stored open milestones, in the engine's order."""
        m = open_milestones.c
        with self._database.transaction() as connection:
            return [StoredMilestone(*row) for row in connection.execute(
                select(m.rule_id, m.occurrence, m.due, m.window_end, m.plan_by)
                .where(m.case_id == case_id).order_by(m.position))]

    # --- verify ----------------------------------------------------------------------------

    def verify(self, today: dt.date) -> list[Difference]:
        """The differences between the stored rows and a fresh evaluation; none if they agree.

        Every case is evaluated afresh by the engine, through the cases manager's own path, and
        compared with the stored rows brought up to ``today``. Rows that do not hold for
        ``today`` by their own dates are re-evaluated first, as every read does; a missing
        row, or one that holds but differs, is a difference.
        """
        self.refresh_stale(today)
        with collector_paused():  # some 10⁶ objects made and kept: no cycles among them
            return self._verify(today)

    def _verify(self, today: dt.date) -> list[Difference]:
        with self._database.transaction() as connection:
            stored = {row.case_id: row
                      for row in connection.execute(select(case_deadlines)).all()}
            stored_milestones: dict[str, list[StoredMilestone]] = defaultdict(list)
            m = open_milestones.c
            for row in connection.execute(
                    select(m.case_id, m.rule_id, m.occurrence, m.due, m.window_end, m.plan_by)
                    .order_by(m.case_id, m.position)).all():
                stored_milestones[row[0]].append(StoredMilestone(*row[1:]))
        differences: list[Difference] = []
        fresh_cases = [c for c in self._evaluated(today) if c.row is not None]
        for fresh in fresh_cases:
            differences.extend(_compare(fresh, stored.pop(fresh.case_id, None),
                                        stored_milestones.get(fresh.case_id, [])))
        differences.extend(Difference(case_id, "stale", _describe(row), "-")
                           for case_id, row in sorted(stored.items()))
        listed = {row.case_id: row for row in self._stored_rows(today)}
        for fresh in fresh_cases:
            shown = listed.get(fresh.case_id)
            if shown != fresh.row:
                differences.append(Difference(fresh.case_id, "list", _describe_row(shown),
                                              _describe_row(fresh.row)))
        return sorted(differences, key=lambda d: (d.case_id, d.what))

    def _stored_rows(self, today: dt.date) -> list[CaseRow]:
        """The list rows as the stored rows give them (nothing re-evaluated)."""
        with self._database.transaction() as connection:
            profile, amber_days = self._rules_of(connection)
            found = driver_rows(connection, _list_query(today, []))
        return _case_rows([row for row in found if row[-1] != _NEVER_EVALUATED], today,
                          profile, amber_days)


def _soonest_first(row: CaseRow) -> tuple[dt.date, str]:
    """The lists' order: soonest due first, then by Sags-ID (as Python compares text)."""
    return row.next_due or dt.date.max, row.case_id


_SOONEST_FIRST = _soonest_first


def fingerprint(profile: RuleProfile) -> str:
    """What the stored rows were evaluated with: the profile's rules, all of them.

    A new version of a profile's file (an update of the application), or IT's choice of
    another profile in the site configuration, changes it without any setting saved here.
    """
    found = _FINGERPRINTS.get(id(profile))
    if found is None or found[0] is not profile:
        canonical = repr(_canonical((profile.id, profile.rules)))
        digest = hashlib.sha256(canonical.encode()).hexdigest()[:32]
        found = _FINGERPRINTS[id(profile)] = (profile, json.dumps(digest))
    return found[1]


_FINGERPRINTS: dict[int, tuple[RuleProfile, str]] = {}


def _canonical(value: object) -> object:
    """``value`` in a form whose repr is the same in every process (sets sorted)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, tuple(
            (item.name, _canonical(getattr(value, item.name)))
            for item in dataclasses.fields(value) if item.repr))
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(repr(_canonical(item)) for item in value))
    if isinstance(value, (tuple, list)):
        return tuple(_canonical(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(_canonical(k)), repr(_canonical(v)))
                            for k, v in value.items()))
    return value


def _stored_fingerprint(connection: Connection) -> str | None:
    return connection.execute(select(settings.c.value).where(settings.c.key == _FINGERPRINT_KEY)
                              ).scalar()


def _owner(caseworker: str | None, team: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if caseworker is not None:
        conditions.append(case_deadlines.c.caseworker == caseworker)
    if team is not None:
        conditions.append(case_deadlines.c.team == team)
    return conditions


#: ``_list_query``'s last column: whether the stored row holds for the day read for.
_HOLDS, _UNHELD, _NEVER_EVALUATED = 0, 1, 2


def _list_query(today: dt.date, conditions: Sequence[ColumnElement[bool]]) -> Any:
    """The open cases matching ``conditions`` with their stored deadlines.

    Columns: the case's (``_CASE_COLUMNS`` but closed_on), next due, rule, plan-by, and
    whether the stored row holds for ``today`` (``_HOLDS``; ``_UNHELD``: evaluated for
    another day; ``_NEVER_EVALUATED``: not evaluated, or there is no row).
    """
    deadline = case_deadlines.c
    holds = case((deadline.as_of.is_(None), _NEVER_EVALUATED),
                 (or_(deadline.as_of > today, deadline.fresh_until <= today), _UNHELD),
                 else_=_HOLDS)
    return (
        select(*_CASE_COLUMNS[:-1], deadline.next_due, deadline.rule_id, deadline.plan_by,
               holds)
        .select_from(cases.outerjoin(case_deadlines,
                                     case_deadlines.c.case_id == cases.c.case_id))
        .where(or_(cases.c.closed_on.is_(None), cases.c.closed_on > today), *conditions)
    )


def _status_query(dialect: str, today: dt.date, amber_days: int, caseworker: str | None,
                  team: str | None) -> Any:
    """``status_table``'s query: the status is None where the stored row does not hold."""
    deadline = case_deadlines.c
    try:
        until = today + dt.timedelta(days=amber_days)
    except OverflowError:
        until = dt.date.max
    due = deadline.next_due
    status = case(
        (or_(deadline.as_of.is_(None), deadline.as_of > today, deadline.fresh_until <= today),
         null()),
        (due.is_(None), Status.GREEN.value),   # status_for_due, in SQL
        (due < today, Status.RED.value),
        (due <= until, Status.AMBER.value),
        else_=Status.GREEN.value,
    )
    # The lists' order (next due, else the calendar's end; then the Sags-ID as Python
    # compares text: by code point, which is the bytes of UTF-8).
    case_id = collate(cases.c.case_id, "C") if dialect == "postgresql" else cases.c.case_id
    return (
        select(cases.c.case_id, cases.c.caseworker, cases.c.scheme, status,
               func.coalesce(cast(due, String), ""), func.coalesce(deadline.rule_id, ""),
               func.coalesce(cast(deadline.plan_by, String), ""))
        .select_from(cases.outerjoin(case_deadlines, deadline.case_id == cases.c.case_id))
        .where(or_(cases.c.closed_on.is_(None), cases.c.closed_on > today),
               *([cases.c.caseworker == caseworker] if caseworker is not None else []),
               *([cases.c.team == team] if team is not None else []))
        .order_by(func.coalesce(due, dt.date.max), case_id)
    )


def _soonest_first_in_sql(dialect: str) -> tuple[ColumnElement[Any], ...]:
    """``_soonest_first`` as the database orders: next due (else the calendar's end), Sags-ID.

    The Sags-ID as Python compares text: by code point, which is the bytes of UTF-8.
    """
    case_id = collate(cases.c.case_id, "C") if dialect == "postgresql" else cases.c.case_id
    return func.coalesce(case_deadlines.c.next_due, dt.date.max), case_id


class _Days(dict[Any, Any]):
    """Dates as the driver gives them (ISO text on SQLite, dates elsewhere), each made once."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, value: str | dt.date) -> dt.date:
        day = self[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        return day


class _Dues(dict[Any, tuple[dt.date | None, Status, int | None, int | None]]):
    """By next due date as read: the date, its status today, its ISO week, days left."""

    def __init__(self, days: _Days, today: dt.date, amber_days: int) -> None:
        super().__init__({None: (None, Status.GREEN, None, None)})
        self._days, self._today, self._amber_days = days, today, amber_days

    def __missing__(self, value: str | dt.date) -> tuple[dt.date, Status, int, int]:
        due: dt.date = self._days[value]
        found = self[value] = (due, status_for_due(due, self._today, self._amber_days),
                               iso_week(due), (due - self._today).days)
        return found


class _Plans(dict[tuple[str, Any, str | None],
                  tuple[Scheme, dt.date, int, str | None, str | None]]):
    """By scheme, start date as read and rule: the scheme, the start, its week, rule titles."""

    def __init__(self, days: _Days, today: dt.date, profile: RuleProfile) -> None:
        super().__init__()
        self._days, self._today, self._profile = days, today, profile

    def __missing__(self, key: tuple[str, Any, str | None],
                    ) -> tuple[Scheme, dt.date, int, str | None, str | None]:
        scheme_value, start_value, rule_id = key
        scheme, start = _SCHEMES[scheme_value], self._days[start_value]
        rule = _rule(self._profile, scheme, start, rule_id) if rule_id else None
        found = self[key] = (scheme, start, week_since(start, self._today),
                             rule.title_da if rule else None, rule.title_en if rule else None)
        return found


def _case_rows(found: Iterable[Sequence[Any]], today: dt.date, profile: RuleProfile,
               amber_days: int) -> list[CaseRow]:
    """The list rows of ``_list_query``'s rows, in order: each status is next_due against today.

    Made in one comprehension; what depends on a date or a rule only is worked out once per
    date or rule (a caseload of 100,000 has a few thousand of each). The CPR number is
    masked as ``Cpr.masked`` masks it (the store keeps the ten digits).
    """
    days = _Days()
    dues, plans = _Dues(days, today, amber_days), _Plans(days, today, profile)
    made = _NEW_ROW
    return [made(CaseRow, (case_id, name, f"{cpr[:6]}-xxxx",
                           (plan := plans[scheme, start, rule_id])[0], caseworker, team, plan[1],
                           plan[2], (due := dues[next_due])[1], rule_id, plan[3], plan[4], due[0],
                           due[2], due[3], days[plan_by]))
            for (case_id, cpr, name, scheme, caseworker, team, start, next_due, rule_id, plan_by,
                 _holds) in found]


#: A list row made from its fields in order, as ``CaseRow._make`` makes it, without a call of
#: Python code per row.
_NEW_ROW: Callable[[type[CaseRow], tuple[Any, ...]], CaseRow] = tuple.__new__


def _rule(profile: RuleProfile, scheme: Scheme, start: dt.date, rule_id: str) -> Rule | None:
    """The rule ``rule_id`` as it governs a case of ``scheme`` started on ``start``."""
    for rule in profile.plan_for(scheme, start).rules:
        if rule.id == rule_id:
            return rule
    return None


def _plan_by(open_ones: Iterable[Milestone]) -> dt.date | None:
    """The earliest plan-by date of the open count windows (advisory, never a status)."""
    dates = [m.plan_by for m in open_ones if m.plan_by is not None]
    return min(dates) if dates else None


class _Round(NamedTuple):
    """Cases evaluated and written together, and how their rows are selected.

    Named one by one (``IN``), or as the range of Sags-IDs from ``first`` to ``last`` in the
    database's own order: one index range per table, however many cases, and no statement
    of thousands of parameters. A range may hold cases not asked for (``exact`` False):
    they are read and passed over, and never deleted.
    """

    case_ids: Sequence[str]
    first: str | None = None
    last: str | None = None
    exact: bool = True

    def selecting(self, column: ColumnElement[str]) -> list[ColumnElement[bool]]:
        """The conditions on a ``case_id`` column that read this round's rows (perhaps more)."""
        if self.first is None or self.last is None:
            return [column.in_(self.case_ids)]
        return [column >= self.first, column <= self.last]

    def deleting(self, column: ColumnElement[str]) -> list[ColumnElement[bool]]:
        """The conditions on a ``case_id`` column that hold for this round's cases alone."""
        return self.selecting(column) if self.exact else [column.in_(self.case_ids)]


def _many(connection: Connection, case_ids: Sequence[str] | None) -> bool:
    """Whether ``case_ids`` (None: every case) are many: over a round and a quarter of all."""
    if case_ids is None:
        return True
    asked = len(set(case_ids))
    return asked > CHUNK and asked * 4 > int(connection.execute(
        select(func.count()).select_from(cases)).scalar_one())


@contextlib.contextmanager
def _indexes_set_aside(connection: Connection, many: bool) -> Iterator[None]:
    """On SQLite, writing many rows: the stored rows' own indexes dropped, then made again.

    Each row written into an indexed table goes to a random place of every index (by
    caseworker, team, due date...), page after page in and out of the cache; an index made
    afresh sorts the rows once. A third of the write's time at 100,000 cases. If the write
    fails, the transaction's rollback brings them back with the rows.
    """
    if not many or connection.dialect.name != "sqlite":
        yield
        return
    with indexes_deferred(connection, case_deadlines), \
            indexes_deferred(connection, open_milestones):
        yield


def _rounds(connection: Connection, case_ids: Sequence[str] | None,
            many: bool | None = None) -> Iterator[_Round]:
    """``case_ids`` (None: every case) in rounds of at most ``CHUNK`` cases.

    Many cases (``_many``: every case, a whole-centre first read) go by ranges: the case
    table is paged in its index order ``CHUNK`` Sags-IDs at a time, and a page at least half
    asked for is read as a range. Other pages, and a few cases, go by name. Asked-for
    Sags-IDs no case has any longer come last, by name, so that a round that replaces rows
    deletes theirs.
    """
    wanted: set[str] | None = None
    if case_ids is not None:
        wanted = set(case_ids)
        if not (_many(connection, case_ids) if many is None else many):
            ordered = sorted(wanted)
            for start in range(0, len(ordered), CHUNK):
                yield _Round(ordered[start:start + CHUNK])
            return
    page = select(cases.c.case_id).order_by(cases.c.case_id).limit(CHUNK)
    last: str | None = None
    while True:
        found = list(connection.execute(
            page if last is None else page.where(cases.c.case_id > last)).scalars().all())
        if not found:
            break
        last = found[-1]
        if wanted is None:
            yield _Round(found, found[0], last)
            continue
        asked = [case_id for case_id in found if case_id in wanted]
        wanted.difference_update(asked)
        if len(asked) == len(found):
            yield _Round(asked, found[0], last)
        elif 2 * len(asked) >= len(found):
            yield _Round(asked, found[0], last, exact=False)
        elif asked:
            yield _Round(asked)
    gone = sorted(wanted or ())
    for start in range(0, len(gone), CHUNK):
        yield _Round(gone[start:start + CHUNK])


class _Case(NamedTuple):
    """What a stored row needs of an evaluated case besides its evaluation."""

    case_id: str
    caseworker: str
    team: str | None


class _Evaluator:
    """The engine's evaluation of cases round by round, for one profile and date.

    The facts come straight from the driver as plain tuples (``fetch_rows``): each distinct
    date is made once (SQLite keeps dates as text), and so is each distinct event (a date
    and a kind): a caseload repeats them a hundred times over.
    """

    def __init__(self, connection: Connection, profile: RuleProfile, as_of: dt.date) -> None:
        self._connection = connection
        self.profile = profile
        self.as_of = as_of
        #: A date as the driver gives it (text on SQLite), made once.
        self._date: Callable[[object], dt.date] = _Days().__getitem__
        self._events: dict[tuple[object, str], CaseEvent] = {}

    def _event(self, day: object, kind: str) -> CaseEvent:
        """An event as the engine takes it, made once for its date and kind."""
        event = self._events.get((day, kind))
        if event is None:
            event = self._events[day, kind] = CaseEvent(self._date(day), _EVENT_KINDS[kind])
        return event

    def evaluate(self, part: _Round) -> Iterator[tuple[_Case, CaseEvaluation, CaseFacts]]:
        """Each case of ``part`` open on the date, its evaluation, and the facts evaluated.

        A case closed by then is in no list (the engine gives it no status): it is passed
        over unevaluated, so it gets no stored row.
        """
        connection, profile, as_of, date = self._connection, self.profile, self.as_of, self._date
        these = part.selecting(cases.c.case_id)
        case_rows = fetch_rows(connection, select(
            cases.c.case_id, cases.c.cpr, cases.c.scheme, cases.c.caseworker, cases.c.team,
            cases.c.start, cases.c.closed_on).where(*these))
        history: dict[str, list[CaseEvent]] = {}
        event = self._event
        for case_id, day, kind in fetch_rows(
                connection, select(events.c.case_id, events.c.date, events.c.kind)
                .where(*part.selecting(events.c.case_id))):
            held = history.get(case_id)
            if held is None:
                history[case_id] = [event(day, kind)]
            else:
                held.append(event(day, kind))
        waivers = waivers_of(connection, these)
        attributes = attributes_of(connection, these)
        asked = None if part.exact else set(part.case_ids)
        for case_id, cpr, scheme_value, caseworker, team, start_value, closed_value in case_rows:
            if asked is not None and case_id not in asked:
                continue
            closed_on = None if closed_value is None else date(closed_value)
            if closed_on is not None and closed_on <= as_of:
                continue
            scheme, start = _SCHEMES[scheme_value], date(start_value)
            standing = waivers.get(case_id, NO_WAIVERS)
            # The CPR number only where a rule needs the citizen's age (as the engine reads it).
            facts = CaseFacts(scheme, start, history.get(case_id, ()),
                              Cpr(cpr) if profile.plan_for(scheme, start).needs_age else None,
                              closed_on, attributes.get(case_id), standing.pauses,
                              standing.exemptions)
            yield (_Case(case_id, caseworker, team), evaluate_case(facts, profile, as_of),
                   facts)


def fresh_until(facts: CaseFacts, profile: RuleProfile, evaluation: CaseEvaluation,
                as_of: dt.date) -> dt.date | None:
    """The first day after ``as_of`` on which the engine could say otherwise, unasked.

    That is, with nothing registered or imported; None if no such day comes (see the
    module docstring).
    """
    days: list[dt.date] = []
    if facts.start > as_of:
        days.append(facts.start)
    if facts.closed_on is not None and facts.closed_on > as_of:
        days.append(facts.closed_on)
    days.extend(event.date for event in facts.events if event.date > as_of)
    for pause in facts.pauses:
        if pause.start > as_of:
            days.append(pause.start)
        elif pause.end is None:
            days.append(as_of + _ONE_DAY)  # a pause still on moves its deadlines every day
    plan = profile.plan_for(facts.scheme, facts.start)
    for rule in plan.rules if plan.special else ():  # only a special plan has windowed rules
        if rule.applies_from is not None and rule.applies_from > as_of:
            days.append(rule.applies_from)
        if rule.applies_until is not None and rule.applies_until >= as_of:
            days.append(_day_after(rule.applies_until))
    days.extend(_day_after(m.due) for m in evaluation.milestones
                if isinstance(m.rule, CountRule) and m.due >= as_of)
    return min(days) if days else None


def _day_after(day: dt.date) -> dt.date:
    return day + _ONE_DAY if day < dt.date.max else day


def _compare(fresh: EvaluatedLike, stored: AnyRow | None,
             milestones: Sequence[StoredMilestone]) -> list[Difference]:
    """How a case's stored rows differ from its fresh evaluation."""
    evaluation = fresh.evaluation
    deciding = evaluation.deciding
    expected_row = (fresh.caseworker, fresh.team, deciding.due if deciding else None,
                    deciding.rule_id if deciding else None,
                    _plan_by(evaluation.open_milestones))
    if stored is None:
        return [Difference(fresh.case_id, "missing", "-", _describe(expected_row))]
    differences = []
    got_row = (stored.caseworker, stored.team, stored.next_due, stored.rule_id, stored.plan_by)
    if got_row != expected_row:
        differences.append(Difference(fresh.case_id, "row", _describe(got_row),
                                      _describe(expected_row)))
    expected = [StoredMilestone(m.rule_id, m.occurrence, m.due,
                                m.due if isinstance(m.rule, CountRule) else None, m.plan_by)
                for m in evaluation.open_milestones]
    if list(milestones) != expected:
        differences.append(Difference(fresh.case_id, "milestones",
                                      _describe_milestones(milestones),
                                      _describe_milestones(expected)))
    return differences


def _describe(values: Iterable[Any] | AnyRow) -> str:
    return " ".join("-" if v is None else str(v) for v in values)


def _describe_row(row: CaseRow | None) -> str:
    """A list row as a difference names it: what it shows of the deadlines (no name)."""
    if row is None:
        return "-"
    return _describe((row.caseworker, row.team, row.status.value, row.milestone_id,
                      row.next_due, row.plan_by))


def _describe_milestones(milestones: Iterable[StoredMilestone]) -> str:
    return ", ".join(f"{m.rule_id}#{m.occurrence} {m.due}" for m in milestones) or "-"


def describe(differences: Sequence[Difference]) -> Mapping[str, int]:
    """How many differences of each kind (for a summary line)."""
    found: dict[str, int] = defaultdict(int)
    for difference in differences:
        found[difference.what] += 1
    return dict(found)
