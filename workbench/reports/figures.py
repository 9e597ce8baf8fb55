"""The team lead's figures, computed from the engine's evaluations and nothing else.

Timeliness (rettidighed) of a period is the share of milestones whose due date falls in the
period, and not after the report date, that were met on time — ``Milestone.timely_on`` on
the report date decides each one: met on time counts as kept; met late, or a count window
that ended unmet, as not kept; still open after its due date as not kept; still open on
its due date as not yet decided (left out). A closed case's deadlines count up to its
closing date only. Milestones are attributed to the case's caseworker today.

Inquiries answered on time follow the same shape: of the inquiries whose reply was due in
the period (and not after the report date), the share answered by the due date; one still
open after its due date counts as not answered on time, one due today and open is left out.

A 20,000-case report must not walk every case once per week and caseworker, so each case's
deadlines and conversations are read once (``decided_deadlines``, ``conversations``) and
then counted per period.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from workbench.engine import Status
from workbench.inquiries import InquiryStanding
from workbench.managers.cases import EvaluatedCase
from workbench.reports.periods import (
    Period,
    last_iso_weeks,
    last_months,
    month,
    quarter,
    recent,
)
from workbench.views import InquiryRow
from workbench.vocabulary import Channel, EventKind

TOTAL_LABEL = "I alt"
#: The event kinds that count as a conversation held.
CONVERSATIONS = frozenset(kind for kind in EventKind if kind.is_conversation)

T = TypeVar("T")


@dataclass(frozen=True)
class Share:
    """Deadlines kept out of deadlines counted."""

    kept: int = 0
    counted: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[bool | None]) -> Share:
        """Count True as kept, False as not kept; None (not yet decided) is left out."""
        decided = [outcome for outcome in outcomes if outcome is not None]
        return cls(sum(decided), len(decided))

    @property
    def ratio(self) -> float | None:
        """The share as a fraction; None when nothing was due (no figure, not 0 %)."""
        return self.kept / self.counted if self.counted else None

    def __add__(self, other: Share) -> Share:
        return Share(self.kept + other.kept, self.counted + other.counted)


class Deadline(NamedTuple):
    """A milestone that fell due, and whether it was kept (decided on the report date).

    A named tuple, as the engine's milestones are: a big report decides some 10⁵ of them.
    """

    caseworker: str
    due: dt.date
    kept: bool


def is_open(case: EvaluatedCase) -> bool:
    """Open on the report date: the engine gave it a status (closed cases get none)."""
    return case.row is not None


def last_day_seen(case: EvaluatedCase, today: dt.date) -> dt.date:
    """The last day the engine looks at for ``case``: its closing date if closed by today."""
    closed_on = case.closed_on
    return closed_on if closed_on is not None and closed_on <= today else today


def decided_deadlines(
    cases: Iterable[EvaluatedCase], today: dt.date, since: dt.date = dt.date.min
) -> list[Deadline]:
    """The milestones that ``Milestone.timely_on(today)`` decides, with their caseworker.

    Those due from ``since`` up to ``today``, or to its closing date for a closed case.
    """
    deadlines = []
    for case in cases:
        first, last = max(case.start, since), last_day_seen(case, today)
        for milestone in case.evaluation.milestones:
            if first <= milestone.due <= last:
                kept = milestone.timely_on(today)
                if kept is not None:
                    deadlines.append(Deadline(case.caseworker, milestone.due, kept))
    return deadlines


def timeliness(deadlines: Iterable[Deadline], period: Period) -> Share:
    """The share of the ``deadlines`` due in ``period`` that were kept."""
    first, last = period.first, period.last
    return Share.of(d.kept for d in deadlines if first <= d.due <= last)


def inquiry_outcome(inquiry: InquiryRow) -> bool | None:
    """Answered by its due date, answered late or overdue (False), or still undecided."""
    standing = InquiryStanding(inquiry.due, inquiry.answered_on, inquiry.working_days_left)
    if standing.answered_on_time is not None:
        return standing.answered_on_time
    return False if standing.is_overdue else None


def inquiries_on_time(inquiries: Iterable[InquiryRow], period: Period, today: dt.date,
                      channel: Channel) -> Share:
    """The share of ``channel`` inquiries due in ``period`` that were answered on time."""
    window = period.up_to(today)
    return Share.of(inquiry_outcome(i) for i in inquiries
                    if i.channel is channel and i.due in window)


def closures(cases: Iterable[EvaluatedCase], period: Period) -> int:
    """How many of ``cases`` were closed within ``period``."""
    return sum(1 for case in cases if case.closed_on is not None and case.closed_on in period)


@dataclass(frozen=True)
class CaseworkerFigures:
    """One row of the overview: a caseworker's (or everyone's) figures."""

    caseworker: str
    red: int
    amber: int
    green: int
    timely_recent: Share
    timely_quarter: Share
    open_inquiries: int
    overdue_inquiries: int
    phone_on_time: Share
    mail_on_time: Share
    closures_this_month: int
    closure_norm: int

    @property
    def open_cases(self) -> int:
        """Every open case has exactly one of the three statuses."""
        return self.red + self.amber + self.green


def caseworker_figures(
    caseworker: str,
    cases: Sequence[EvaluatedCase],
    deadlines: Sequence[Deadline],
    inquiries: Sequence[InquiryRow],
    today: dt.date,
    closure_norm: int,
) -> CaseworkerFigures:
    """The overview figures of one caseworker's (or everyone's) cases and inquiries."""
    statuses = Counter(case.row.status for case in cases if case.row is not None)
    return CaseworkerFigures(
        caseworker=caseworker,
        red=statuses[Status.RED],
        amber=statuses[Status.AMBER],
        green=statuses[Status.GREEN],
        timely_recent=timeliness(deadlines, recent(today)),
        timely_quarter=timeliness(deadlines, quarter(today)),
        open_inquiries=sum(1 for i in inquiries if i.is_open),
        overdue_inquiries=sum(1 for i in inquiries if i.is_overdue),
        phone_on_time=inquiries_on_time(inquiries, recent(today), today, Channel.PHONE),
        mail_on_time=inquiries_on_time(inquiries, recent(today), today, Channel.MAIL),
        closures_this_month=closures(cases, month(today)),
        closure_norm=closure_norm,
    )


def overview(
    cases: Sequence[EvaluatedCase],
    deadlines: Sequence[Deadline],
    inquiries: Sequence[InquiryRow],
    today: dt.date,
    closure_norm: int,
) -> tuple[list[CaseworkerFigures], CaseworkerFigures]:
    """One row per active caseworker (by name) and the total row, which counts every case.

    A caseworker whose only cases were closed months ago has nothing to follow up, so a row
    needs an open case, an inquiry, a closure this month or a deadline in the periods shown.
    """
    cases_of = _grouped(cases, _caseworker)
    deadlines_of = _grouped(deadlines, _caseworker)
    inquiries_of = _grouped(inquiries, _caseworker)
    names = sorted(cases_of.keys() | inquiries_of.keys())
    rows = [caseworker_figures(name, cases_of.get(name, []), deadlines_of.get(name, []),
                               inquiries_of.get(name, []), today, closure_norm)
            for name in names]
    active = [row for row in rows if _is_active(row)]
    total = caseworker_figures(TOTAL_LABEL, cases, deadlines, inquiries, today,
                               closure_norm * len(active))
    return active, total


_caseworker = operator.attrgetter("caseworker")


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    """``items`` in lists by ``key``."""
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def _is_active(row: CaseworkerFigures) -> bool:
    """True if the row has anything for the team lead to look at."""
    inquiries_due = row.phone_on_time.counted + row.mail_on_time.counted
    deadlines = row.timely_recent.counted + row.timely_quarter.counted
    return bool(row.open_cases or row.open_inquiries or inquiries_due
                or row.closures_this_month or deadlines)


def closures_per_month(
    cases: Sequence[EvaluatedCase], today: dt.date
) -> tuple[list[Period], dict[str, list[int]]]:
    """The last 12 months and, per caseworker (by name), the closures in each of them."""
    months = last_months(today)
    table = {name: [closures(own, period) for period in months]
             for name, own in sorted(_grouped(cases, _caseworker).items())}
    return months, table


@dataclass(frozen=True)
class WeekFigures:
    """One ISO week of the weekly statistics."""

    week: Period
    conversations: int
    caseload: int
    timeliness: Share

    @property
    def label(self) -> str:
        """The ISO week as Danish says it: "uge 21" (the sheet gives its dates beside it)."""
        return f"uge {self.week.first.isocalendar().week}"


def conversations(
    cases: Iterable[EvaluatedCase], today: dt.date, since: dt.date = dt.date.min
) -> Iterator[dt.date]:
    """The dates of the conversations (samtale, fællessamtale) the engine counts.

    Those held from ``since`` up to ``today``, or to its closing date for a closed case.
    """
    for case in cases:
        first, last = max(case.start, since), last_day_seen(case, today)
        for event in case.events:
            if first <= event.date <= last and event.kind in CONVERSATIONS:
                yield event.date


def caseloads(cases: Iterable[EvaluatedCase], days: Sequence[dt.date]) -> list[int]:
    """The caseload on each of ``days`` (ascending): the cases started by then, not yet closed.

    One pass over the cases: each is open on a run of the days, from the first day it has
    started by up to the last day before its closing date.
    """
    changes = [0] * (len(days) + 1)
    for case in cases:
        opened = bisect.bisect_left(days, case.start)
        closed = len(days) if case.closed_on is None else bisect.bisect_left(days, case.closed_on)
        if opened < closed:
            changes[opened] += 1
            changes[closed] -= 1
    return list(itertools.accumulate(changes[:-1]))


def weekly(
    cases: Sequence[EvaluatedCase], deadlines: Sequence[Deadline], today: dt.date
) -> list[WeekFigures]:
    """The last 12 ISO weeks: conversations held, the caseload at the week's end, timeliness."""
    weeks = last_iso_weeks(today)
    held = _count_by_period(conversations(cases, today, since=weeks[0].first), weeks)
    kept = _count_by_period(itertools.compress(map(_due, deadlines), map(_kept, deadlines)),
                            weeks)
    due = _count_by_period(map(_due, deadlines), weeks)
    caseload = caseloads(cases, [week.last for week in weeks])
    return [
        WeekFigures(
            week=week,
            conversations=held[index],
            caseload=caseload[index],
            timeliness=Share(kept[index], due[index]),
        )
        for index, week in enumerate(weeks)
    ]


def _count_by_period(days: Iterable[dt.date], periods: Sequence[Period]) -> list[int]:
    """How many of ``days`` fall in each of the (short) ``periods``.

    A day-to-period table answers each of the 200,000 dates of a big report in one lookup,
    and the lookups are counted without a Python call per date.
    """
    period_of = {period.first + dt.timedelta(days=offset): index
                 for index, period in enumerate(periods)
                 for offset in range((period.last - period.first).days + 1)}
    counts = Counter(map(period_of.get, days))
    return [counts[index] for index in range(len(periods))]


_due = operator.attrgetter("due")
_kept = operator.attrgetter("kept")
