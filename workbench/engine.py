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
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from workbench.case import Case
from workbench.cpr import Cpr
from workbench.rules import (
    ChainRule,
    ChainStart,
    CountRule,
    Offset,
    OnceRule,
    Rule,
    RuleProfile,
    Unit,
)
from workbench.vocabulary import EventKind, Scheme

_BY_DATE = operator.attrgetter("date")
_BY_DUE = operator.attrgetter("due")
_ONE_DAY = dt.timedelta(days=1)

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
    #: Open when the rule stopped applying (``applies_until``): counts against timeliness,
    #: no longer affects status. (A count window that ends unmet stays OPEN until caught up.)
    MISSED = "missed"


def status_for_due(due: dt.date, today: dt.date, amber_days: int = DEFAULT_AMBER_DAYS) -> Status:
    """Red if overdue, amber if due within ``amber_days`` (inclusive), green otherwise."""
    if due < today:
        return Status.RED
    if (due - today).days <= amber_days:  # not today + N days: that may be past 9999
        return Status.AMBER
    return Status.GREEN


class CaseEvent(NamedTuple):
    """Something that happened on a case on a date.

    A named tuple, not a frozen dataclass: a report reads some 10⁵ of them, and a tuple is
    made three times as fast.
    """

    date: dt.date
    kind: EventKind


class Pause(NamedTuple):
    """Days on which a case's deadlines stand still: from ``start``, to ``end`` (or still on)."""

    start: dt.date
    end: dt.date | None = None


class CaseFacts(NamedTuple):
    """What the engine needs to know of a case (a named tuple, like ``CaseEvent``)."""

    scheme: Scheme
    start: dt.date
    events: Sequence[CaseEvent] = ()
    cpr: Cpr | None = None
    closed_on: dt.date | None = None
    #: Case attributes (maalgruppe, beskaeftiget, kategori), lower-case; missing if unknown.
    attributes: Mapping[str, str] | None = None
    pauses: Sequence[Pause] = ()
    #: Ids of the rules this case is exempt from.
    exemptions: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        case: Case,
        events: Sequence[CaseEvent] = (),
        *,
        attributes: Mapping[str, str] | None = None,
        pauses: Sequence[Pause] = (),
        exemptions: frozenset[str] = frozenset(),
    ) -> CaseFacts:
        """The engine's input for a stored or imported case, with what happened on it."""
        return cls(scheme=case.scheme, start=case.start, events=events, cpr=Cpr(case.cpr),
                   closed_on=case.closed_on, attributes=attributes, pauses=pauses,
                   exemptions=exemptions)


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
    #: Count rules, while the window runs: the day the next event should be held by.
    plan_by: dt.date | None = None

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
        return tuple([m for m in self.milestones if m.state is MilestoneState.OPEN])


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
    start = case.start
    events = [e for e in case.events if start <= e.date <= as_of]
    events.sort(key=_BY_DATE)
    age = case.cpr.age_on(case.start) if case.cpr and plan.needs_age else None
    pauses = _paused_days(case.pauses, case.start, as_of) if case.pauses else None
    exempt = case.exemptions
    milestones: list[Milestone] = []
    for rule in plan.rules:
        if exempt and rule.id in exempt:
            continue
        anchor = start
        satisfied_by = rule.satisfied_by
        matching = [event for event in events if event.kind in satisfied_by] if events else []
        if plan.special:
            if rule.conditional and not rule.admits(case.attributes or {}):
                continue
            if rule.applies_from is not None and as_of < rule.applies_from:
                continue
            if rule.counted_from is not None:
                started = [e.date for e in events if e.kind is rule.counted_from]
                if not started:
                    continue
                anchor = started[0]
                matching = [event for event in matching if event.date >= anchor]
        found = _milestones_of(rule, anchor, matching, age, as_of, milestones, pauses)
        if pauses and not isinstance(rule, CountRule):  # count windows are paused inside
            found = [_paused(m, pauses) for m in found]
        if rule.applies_from is not None or rule.applies_until is not None:
            found = _in_force(rule, found, as_of)
        milestones.extend(found)
    if closed:
        return CaseEvaluation(tuple(milestones), status=None)
    return _with_status(milestones, today, amber_days)


def _paused_days(pauses: Sequence[Pause], start: dt.date, as_of: dt.date) -> list[dt.date]:
    """Every paused day from the case's ``start`` on, in order.

    A pause still on runs to ``as_of``. Days before the case began pause nothing: there was
    no deadline to stop.
    """
    days: set[dt.date] = set()
    for pause in pauses:
        end = pause.end if pause.end is not None else as_of
        first = max(pause.start, start)
        days.update(first + dt.timedelta(days=n) for n in range((end - first).days + 1))
    return sorted(days)


def _moved(due: dt.date, paused: Sequence[dt.date]) -> dt.date:
    """``due`` moved by the paused days up to it (domain.md, Pauses); ``paused`` is sorted.

    A day paused after the (moved) date does not move it.
    """
    for day in paused:
        if day > due or due == dt.date.max:
            break
        due += _ONE_DAY
    return due


def _paused(milestone: Milestone, paused: Sequence[dt.date]) -> Milestone:
    """The milestone with its due date moved by the paused days up to it (domain.md, Pauses).

    Paused days count from the case's start; a day paused after the (moved) due date does
    not move it, so a pause that begins after a deadline was missed does not excuse it.
    """
    due = _moved(milestone.due, paused)
    if due == milestone.due:
        return milestone
    state = milestone.state
    if milestone.met_on is not None and state is not MilestoneState.OPEN:
        state = MilestoneState.MET_ON_TIME if milestone.met_on <= due else MilestoneState.MET_LATE
    plan_by = milestone.plan_by + (due - milestone.due) if milestone.plan_by else None
    return milestone._replace(due=due, state=state, plan_by=plan_by)


def _in_force(rule: Rule, found: list[Milestone], as_of: dt.date) -> list[Milestone]:
    """Only deadlines the rule sets while it is in force; once repealed, none stays open."""
    start, until = rule.applies_from, rule.applies_until
    kept = [m for m in found if (start is None or m.due >= start)
            and (until is None or m.due <= until)]
    if until is not None and as_of > until:
        kept = [m._replace(state=MilestoneState.MISSED, plan_by=None) if m.is_open else m
                for m in kept]
    return kept


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
    paused: Sequence[dt.date] | None = None,
) -> list[Milestone]:
    """Dispatch on the rule's type; ``earlier`` holds the milestones of preceding rules.

    ``paused`` (the case's paused days) only reaches count rules, whose windows it extends;
    the caller moves the other rules' due dates.
    """
    if isinstance(rule, OnceRule):
        return _once(rule, anchor, matching, age)
    if isinstance(rule, ChainRule):
        return _recurring(rule, anchor, matching, earlier)
    assert isinstance(rule, CountRule)  # the loader makes no other kind
    return _count_windows(rule, anchor, matching, as_of, paused)


def _once(
    rule: OnceRule, anchor: dt.date, matching: Sequence[CaseEvent], age: int | None
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
    rule: ChainRule, anchor: dt.date, matching: Sequence[CaseEvent], earlier: Sequence[Milestone]
) -> list[Milestone]:
    """A chain of deadlines, each an interval after the event that met the one before.

    An event on the chain's base date only sets the base (domain.md, "Chains"): it meets no
    deadline of its own, so it never counts twice in timeliness. A chain whose first
    deadline is fixed (``first_due``) has no such base: any event from the anchor meets it.
    """
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
    elif rule.first_due is not None:
        base = rule.start.after(anchor) if rule.start else anchor
        due = rule.first_due.after(anchor)
        later_dates = [d for d in dates if d >= base]
    else:
        base = rule.start.after(anchor) if rule.start else anchor
        due = rule.every.after(base)
        later_dates = [d for d in dates if d > base]
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
    """First and last day of window number ``period`` (0-based) counted from ``anchor``.

    Window k runs from the day after window k − 1 ends (domain.md, "N-month windows").
    """
    first = _offset(window.amount * period, window.unit).after(anchor) + _ONE_DAY if period \
        else anchor
    last = _offset(window.amount * (period + 1), window.unit).after(anchor)
    return first, last


@functools.cache
def _offset(amount: int, unit: Unit) -> Offset:
    """One shared offset per distance, so that it remembers where it landed before."""
    return Offset(amount, unit)


def _count_windows(
    rule: CountRule,
    anchor: dt.date,
    matching: Sequence[CaseEvent],
    as_of: dt.date,
    paused: Sequence[dt.date] | None = None,
) -> list[Milestone]:
    """One milestone per window that has begun: met, open while it runs, or missed.

    A window that ended unmet stays open (red) until an event of a kind still missing is
    held after its end, which meets it late (domain.md, "Count rules").

    Paused days move a window's last day, its due date (domain.md, Pauses), so the window
    is longer and the count is taken over the whole longer window; the next window runs
    from the day after the moved last day.
    """
    milestones: list[Milestone] = []
    period = 0
    previous_last: dt.date | None = None
    while True:
        first, last = _period_bounds(rule.window, anchor, period)
        if paused:
            if previous_last is not None:
                first = previous_last + _ONE_DAY
            last = _moved(last, paused)
            previous_last = last
        if first > as_of:
            break
        from_first = [e for e in matching if e.date >= first]
        milestones.append(_count_window(rule, period, first, last, from_first, as_of))
        if not rule.repeat or last == dt.date.max:  # no window after the calendar's end
            break
        period += 1
    return milestones


def _count_window(
    rule: CountRule,
    period: int,
    first: dt.date,
    last: dt.date,
    from_first: Sequence[CaseEvent],
    as_of: dt.date,
) -> Milestone:
    """Count the window's events until every requirement is reached (if ever)."""
    requirements = rule.counts
    counted = [0] * len(requirements)
    unmet = len(requirements)
    after = len(from_first)  # where the events after the window begin
    for index_in_order, event in enumerate(from_first):
        if event.date > last:
            after = index_in_order
            break
        for index, requirement in enumerate(requirements):
            if event.kind in requirement.kinds:
                counted[index] += 1
                if counted[index] == requirement.at_least:  # counts go up one at a time
                    unmet -= 1
        if not unmet:
            return Milestone(rule, period, last, MilestoneState.MET_ON_TIME, event.date,
                             tuple(counted))
    short = [index for index, requirement in enumerate(requirements)
             if counted[index] < requirement.at_least]
    if as_of <= last:
        length = (last - first).days + 1
        plan_by = min(first + dt.timedelta(days=-(-(counted[i] + 1) * length
                                                  // requirements[i].at_least) - 1)
                      for i in short)
        return Milestone(rule, period, last, MilestoneState.OPEN, counted=tuple(counted),
                         plan_by=min(plan_by, last))
    # What catches up must be a kind every short requirement accepts: FL2 short of joint
    # conversations needs a fællessamtale, otherwise any conversation (domain.md, "Count
    # rules"). Requirements with no kind in common: any kind still missing.
    missing = frozenset.intersection(*(requirements[i].kinds for i in short)) \
        or frozenset().union(*(requirements[i].kinds for i in short))
    for event in from_first[after:]:
        if event.kind in missing:
            return Milestone(rule, period, last, MilestoneState.MET_LATE, event.date,
                             tuple(counted))
    return Milestone(rule, period, last, MilestoneState.OPEN, counted=tuple(counted))
