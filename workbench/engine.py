"""The engine: which milestones a case has, when each falls due, and the case's status.

This is the one definition of red / amber / green that the lists, the nags, the Excel
report and every count share (shared/domain.md, "Status"). A case is evaluated *as of* a
date: events dated after it, or before the case's anchor, do not count.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from workbench.cpr import Cpr
from workbench.rules import ChainStart, Offset, Rule, RuleKind, RuleProfile, Unit
from workbench.vocabulary import EventKind, Scheme

_BY_DATE = operator.attrgetter("date")
_BY_DUE = operator.attrgetter("due")

#: Days ahead in which an open milestone is amber rather than green (a setting).
DEFAULT_AMBER_DAYS = 21


class Status(enum.Enum):
    """A case's or milestone's traffic light; the value is what the CLI prints."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"

    #: Members are singletons, so identity hashing is exact (and Enum's own is slow).
    __hash__ = object.__hash__

    @property
    def severity(self) -> int:
        """Higher is worse: red 2, amber 1, green 0."""
        return _SEVERITY[self]


_SEVERITY = {Status.RED: 2, Status.AMBER: 1, Status.GREEN: 0}


class MilestoneState(enum.Enum):
    """Where a milestone stands on the evaluation date."""

    OPEN = "open"
    MET_ON_TIME = "met_on_time"
    MET_LATE = "met_late"
    #: A count window that ended unmet: counts against timeliness, no longer affects status.
    MISSED = "missed"


def status_for_due(due: dt.date, today: dt.date, amber_days: int = DEFAULT_AMBER_DAYS) -> Status:
    """Red if overdue, amber if due within ``amber_days`` (inclusive), green otherwise."""
    if due < today:
        return Status.RED
    if due <= today + dt.timedelta(days=amber_days):
        return Status.AMBER
    return Status.GREEN


class CaseEvent(NamedTuple):
    """Something that happened on a case on a date.

    A named tuple, not a frozen dataclass: a report reads some 10⁵ of them, and a tuple is
    made three times as fast.
    """

    date: dt.date
    kind: EventKind


class CaseFacts(NamedTuple):
    """What the engine needs to know of a case (a named tuple, like ``CaseEvent``)."""

    scheme: Scheme
    start: dt.date
    events: Sequence[CaseEvent] = ()
    cpr: Cpr | None = None
    closed_on: dt.date | None = None


class Milestone(NamedTuple):
    """One deadline of one rule: its due date and how it stands.

    A named tuple for the same reason as ``CaseEvent``: 20,000 cases have some 10⁵ of them.
    """

    rule: Rule
    #: 0 for the first deadline of the rule; recurring rules and repeated windows count up.
    occurrence: int
    due: dt.date
    state: MilestoneState
    met_on: dt.date | None = None
    #: Count rules: events counted so far, one number per requirement of the rule.
    counted: tuple[int, ...] = ()

    @property
    def rule_id(self) -> str:
        """The id of the rule this milestone belongs to."""
        return self.rule.id

    @property
    def is_open(self) -> bool:
        """An open milestone still decides the case's status."""
        return self.state is MilestoneState.OPEN

    def timely_on(self, day: dt.date) -> bool | None:
        """Was this deadline kept, seen on ``day``? None while it is open and not yet due."""
        match self.state:
            case MilestoneState.MET_ON_TIME:
                return True
            case MilestoneState.MET_LATE | MilestoneState.MISSED:
                return False
            case MilestoneState.OPEN:
                return False if self.due < day else None


class CaseEvaluation(NamedTuple):
    """A case's milestones and, for an open case, its status, next due and milestone.

    A named tuple, like ``Milestone``: one is made for every case of a caseload.
    """

    milestones: tuple[Milestone, ...]
    #: None for a closed case: closed cases are in no list.
    status: Status | None
    deciding: Milestone | None = None

    @property
    def next_due(self) -> dt.date | None:
        """The earliest due date among the open milestones."""
        return self.deciding.due if self.deciding else None

    @property
    def milestone_id(self) -> str | None:
        """The rule id of the open milestone that falls due first (ties: profile order)."""
        return self.deciding.rule_id if self.deciding else None

    @property
    def open_milestones(self) -> tuple[Milestone, ...]:
        """The milestones still open."""
        return tuple(m for m in self.milestones if m.is_open)


def evaluate_case(
    case: CaseFacts,
    profile: RuleProfile,
    today: dt.date,
    amber_days: int = DEFAULT_AMBER_DAYS,
) -> CaseEvaluation:
    """Evaluate ``case`` under ``profile`` as of ``today``: exactly domain.md's definitions."""
    closed = case.closed_on is not None and case.closed_on <= today
    as_of = case.closed_on if closed and case.closed_on else today
    plan = profile.plan_for(case.scheme, case.start)
    # By date only: EventKind has no order, and same-day events may come in any order
    # (no rule's outcome depends on the order of events on one day).
    events = sorted((e for e in case.events if case.start <= e.date <= as_of), key=_BY_DATE)
    age = case.cpr.age_on(case.start) if case.cpr and plan.needs_age else None
    milestones: list[Milestone] = []
    for rule in plan.rules:
        matching = [event for event in events if event.kind in rule.satisfied_by]
        milestones.extend(_milestones_of(rule, case.start, matching, age, as_of, milestones))
    if closed:
        return CaseEvaluation(tuple(milestones), status=None)
    return _with_status(milestones, today, amber_days)


def _with_status(milestones: list[Milestone], today: dt.date, amber_days: int) -> CaseEvaluation:
    """The status of the open milestone that falls due first, which decides the case.

    Its status is the worst: the earlier a date, the worse its status. Milestones come in
    profile order, occurrences counting up, and ``min`` keeps the first of equal dates, so a
    tie goes to the rule that comes first in the profile.
    """
    open_ones = [m for m in milestones if m.state is MilestoneState.OPEN]
    if not open_ones:
        return CaseEvaluation(tuple(milestones), status=Status.GREEN)
    deciding = min(open_ones, key=_BY_DUE)
    status = status_for_due(deciding.due, today, amber_days)
    return CaseEvaluation(tuple(milestones), status=status, deciding=deciding)


def _milestones_of(
    rule: Rule,
    anchor: dt.date,
    matching: Sequence[CaseEvent],
    age: int | None,
    as_of: dt.date,
    earlier: Sequence[Milestone],
) -> list[Milestone]:
    """Dispatch on the rule's kind; ``earlier`` holds the milestones of preceding rules."""
    match rule.kind:
        case RuleKind.ONCE:
            return _once(rule, anchor, matching, age)
        case RuleKind.RECURRING:
            return _recurring(rule, anchor, matching, earlier)
        case RuleKind.COUNT_IN_WINDOW:
            return _count_windows(rule, anchor, matching, as_of)


def _once(
    rule: Rule, anchor: dt.date, matching: Sequence[CaseEvent], age: int | None
) -> list[Milestone]:
    """One deadline, met by the first matching event (late if after the due date)."""
    offset = rule.due_for_age(age)
    if offset is None:
        return []
    due = offset.after(anchor)
    if not matching:
        return [Milestone(rule, 0, due, MilestoneState.OPEN)]
    met_on = matching[0].date
    state = MilestoneState.MET_ON_TIME if met_on <= due else MilestoneState.MET_LATE
    return [Milestone(rule, 0, due, state, met_on)]


def _recurring(
    rule: Rule, anchor: dt.date, matching: Sequence[CaseEvent], earlier: Sequence[Milestone]
) -> list[Milestone]:
    """A chain of deadlines, each an interval after the event that met the one before."""
    assert rule.every is not None  # guaranteed by the profile loader
    required_met = _first_met(rule.requires, earlier) if rule.requires else None
    if rule.requires and required_met is None:
        return []
    dates = list(dict.fromkeys([e.date for e in matching]))  # in date order already
    if required_met is not None:
        dates = [d for d in dates if d >= required_met]
    if rule.chain_start is ChainStart.FIRST_EVENT:
        if not dates:
            return []
        base, later_dates = dates[0], dates[1:]
        due = rule.every.after(base)
    else:
        base = rule.start.after(anchor) if rule.start else anchor
        due = rule.first_due.after(anchor) if rule.first_due else rule.every.after(base)
        later_dates = [d for d in dates if d >= base]
    chain: list[Milestone] = []
    every, on_time, late = rule.every, MilestoneState.MET_ON_TIME, MilestoneState.MET_LATE
    for occurrence, met_on in enumerate(later_dates):
        chain.append(Milestone(rule, occurrence, due, on_time if met_on <= due else late, met_on))
        due = every.after(met_on)
    chain.append(Milestone(rule, len(chain), due, MilestoneState.OPEN))
    return chain


def _first_met(rule_id: str, milestones: Iterable[Milestone]) -> dt.date | None:
    """The date the rule ``rule_id`` was first met, if it was."""
    dates = [m.met_on for m in milestones if m.met_on is not None and m.rule.id == rule_id]
    return min(dates) if dates else None


def _period_bounds(window: Offset, anchor: dt.date, period: int) -> tuple[dt.date, dt.date]:
    """First and last day of window number ``period`` (0-based) counted from ``anchor``."""
    length_unit = Unit.WEEKS if window.unit is Unit.END_OF_WEEK else Unit.MONTHS
    first = _offset(window.amount * period, length_unit).after(anchor)
    last = _offset(window.amount * (period + 1), window.unit).after(anchor)
    return first, last


@functools.cache
def _offset(amount: int, unit: Unit) -> Offset:
    """One shared offset per distance, so that it remembers where it landed before."""
    return Offset(amount, unit)


def _count_windows(
    rule: Rule, anchor: dt.date, matching: Sequence[CaseEvent], as_of: dt.date
) -> list[Milestone]:
    """One milestone per window that has begun: met, missed, or open until it ends."""
    assert rule.window is not None  # guaranteed by the profile loader
    milestones: list[Milestone] = []
    period = 0
    while True:
        first, last = _period_bounds(rule.window, anchor, period)
        if first > as_of:
            break
        in_window = [e for e in matching if first <= e.date <= last]
        milestones.append(_count_window(rule, period, last, in_window, as_of))
        if not rule.repeat:
            break
        period += 1
    return milestones


def _count_window(
    rule: Rule, period: int, last: dt.date, in_window: Sequence[CaseEvent], as_of: dt.date
) -> Milestone:
    """Count the window's events until every requirement is reached (if ever)."""
    counted = [0] * len(rule.counts)
    unmet = len(rule.counts)
    for event in in_window:
        for index, requirement in enumerate(rule.counts):
            if event.kind in requirement.kinds:
                counted[index] += 1
                if counted[index] == requirement.at_least:  # counts go up one at a time
                    unmet -= 1
        if not unmet:
            return Milestone(rule, period, last, MilestoneState.MET_ON_TIME, event.date,
                             tuple(counted))
    state = MilestoneState.MISSED if as_of > last else MilestoneState.OPEN
    return Milestone(rule, period, last, state, counted=tuple(counted))
