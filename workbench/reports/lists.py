"""The report's lists: screening, the supervision sample and the inquiries to show.

Which cases land on a list is decided from the engine's milestones and the calendar's week
arithmetic; a milestone is recognised by the event kind that satisfies it (screening,
afklaring, vurdering), not by a rule id, so a new rule profile needs no change here.
"""

from __future__ import annotations

import datetime as dt
import operator
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from workbench.calendar import end_of_week
from workbench.engine import Milestone, Status, status_for_due
from workbench.managers.cases import EvaluatedCase
from workbench.reports.figures import is_open
from workbench.reports.periods import coming, recent
from workbench.views import InquiryRow
from workbench.vocabulary import EventKind, Scheme

#: Cases drawn per scheme for management supervision (seed 000 #9: at least 10 per main
#: area per quarter).
SAMPLE_PER_SCHEME = 10

#: The sickness benefit weeks a case is screened before (39) and clarified before (47).
SCREENING_WEEKS: dict[int, EventKind] = {39: EventKind.SCREENING, 47: EventKind.AFKLARING}


@dataclass(frozen=True)
class ScreeningRow:
    """A sickness benefit case on the screening list, and why it is there."""

    listing: str
    case: EvaluatedCase
    #: The day the case enters the week, or the assessment's due date.
    day: dt.date
    #: The milestone the listing is about (None if the profile has no such rule).
    milestone: Milestone | None


def first_day_of_week(start: dt.date, week: int) -> dt.date:
    """The day a case enters week ``week`` (day 1 of week 1 being its start date)."""
    return end_of_week(start, week - 1) + dt.timedelta(days=1)


def milestone_for(case: EvaluatedCase, kind: EventKind) -> Milestone | None:
    """The case's first milestone that an event of ``kind`` satisfies."""
    return next((m for m in case.evaluation.milestones if kind in m.rule.satisfied_by), None)


def screening(cases: Sequence[EvaluatedCase], today: dt.date, amber_days: int
              ) -> list[ScreeningRow]:
    """The screening list: sickness benefit cases to act on in the coming days.

    Open cases entering week 39 or 47 in the coming week, then those whose week-52 or
    26-weekly assessment is overdue or falls due within the amber window.
    """
    sickness = [c for c in cases if is_open(c) and c.scheme is Scheme.SYGEDAGPENGE]
    rows = [*_entering_weeks(sickness, today), *_assessments_due(sickness, today, amber_days)]
    return sorted(rows, key=lambda r: (r.listing, r.day, r.case.case_id))


def _entering_weeks(cases: Sequence[EvaluatedCase], today: dt.date) -> Iterator[ScreeningRow]:
    """The cases that enter week 39 or 47 between tomorrow and a week from today."""
    days = coming(today)
    for week, kind in SCREENING_WEEKS.items():
        into_week = first_day_of_week(today, week) - today  # the same for every start date
        for case in cases:
            entering = case.start + into_week
            if days.first <= entering <= days.last:
                yield ScreeningRow(f"Uge {week}", case, entering, milestone_for(case, kind))


def _assessments_due(
    cases: Sequence[EvaluatedCase], today: dt.date, amber_days: int
) -> Iterator[ScreeningRow]:
    """Open assessment milestones that are red or amber by the engine's status rule.

    A milestone is asked whether it is an assessment first: few are, and that is a set lookup.
    """
    for case in cases:
        for milestone in case.evaluation.milestones:
            if EventKind.VURDERING not in milestone.rule.satisfied_by or not milestone.is_open:
                continue
            if status_for_due(milestone.due, today, amber_days) is Status.GREEN:
                continue
            listing = "Vurdering uge 52" if milestone.occurrence == 0 else "Vurdering 26 uger"
            yield ScreeningRow(listing, case, milestone.due, milestone)


def default_sample_seed(today: dt.date) -> int:
    """The quarter's seed, e.g. 20262 for 2026 K2: a quarter's sample can be drawn again."""
    return today.year * 10 + (today.month - 1) // 3 + 1


def supervision_sample(cases: Sequence[EvaluatedCase], seed: int) -> list[EvaluatedCase]:
    """Up to 10 open cases of each scheme (all if fewer), drawn reproducibly from ``seed``.

    The draw goes scheme by scheme in a fixed order over cases sorted by Sags-ID, so the
    same seed and the same open cases always give the same sample.
    """
    open_cases: dict[Scheme, list[EvaluatedCase]] = {scheme: [] for scheme in Scheme}
    for case in cases:
        if is_open(case):
            open_cases[case.scheme].append(case)
    rng = random.Random(seed)
    sample: list[EvaluatedCase] = []
    for scheme in Scheme:
        population = sorted(open_cases[scheme], key=_case_id)
        drawn = rng.sample(population, min(SAMPLE_PER_SCHEME, len(population)))
        sample.extend(sorted(drawn, key=_case_id))
    return sample


_case_id = operator.attrgetter("case_id")


def inquiries_to_show(inquiries: Sequence[InquiryRow], today: dt.date) -> list[InquiryRow]:
    """Open inquiries, overdue first, then those answered in the last 4 weeks."""
    answered_recently = recent(today)
    shown = [i for i in inquiries
             if i.answered_on is None or i.answered_on in answered_recently]
    return sorted(shown, key=lambda i: (not i.is_open, i.due, i.inquiry_id))
