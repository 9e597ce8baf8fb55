"""The periods a team lead's status looks back over, all counted from the report date.

Every period ends on the report date at the latest: a deadline that has not yet come
cannot have been kept or missed, so the figures never look into the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.calendar import add_months

#: "The last 4 weeks": the report date and the 27 days before it.
RECENT_DAYS = 28
#: Weeks in the weekly statistics (the current ISO week included).
WEEKS_BACK = 12
#: Months in the closures table (the current month included).
MONTHS_BACK = 12
#: Days ahead the screening list looks for cases entering week 39 or 47.
COMING_DAYS = 7

DANISH_MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
                 "dec")


@dataclass(frozen=True)
class Period:
    """The days from ``first`` to ``last``, both included."""

    first: dt.date
    last: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def up_to(self, today: dt.date) -> Period:
        """The period cut off at ``today`` (a week or month still running)."""
        return Period(self.first, min(self.last, today))


def recent(today: dt.date) -> Period:
    """The last 4 weeks, ending on ``today``."""
    return Period(today - dt.timedelta(days=RECENT_DAYS - 1), today)


def quarter(today: dt.date) -> Period:
    """The calendar quarter of ``today``, from its first day up to ``today``."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    return Period(dt.date(today.year, first_month, 1), today)


def quarter_label(today: dt.date) -> str:
    """The quarter as a team lead writes it: "2026 K2"."""
    return f"{today.year} K{(today.month - 1) // 3 + 1}"


def month(today: dt.date, back: int = 0) -> Period:
    """The calendar month ``back`` months before that of ``today`` (0: this month, to today)."""
    first = add_months(today.replace(day=1), -back)
    last = add_months(first, 1) - dt.timedelta(days=1)
    return Period(first, last).up_to(today)


def last_months(today: dt.date) -> list[Period]:
    """The last 12 calendar months, oldest first, the current one up to ``today``."""
    return [month(today, back) for back in reversed(range(MONTHS_BACK))]


def month_label(period: Period) -> str:
    """A month as a Danish heading: "maj 2026"."""
    return f"{DANISH_MONTHS[period.first.month - 1]} {period.first.year}"


def last_iso_weeks(today: dt.date) -> list[Period]:
    """The last 12 ISO weeks (Monday to Sunday), oldest first, the current one up to ``today``."""
    monday = today - dt.timedelta(days=today.weekday())
    weeks = []
    for back in reversed(range(WEEKS_BACK)):
        first = monday - dt.timedelta(weeks=back)
        weeks.append(Period(first, first + dt.timedelta(days=6)).up_to(today))
    return weeks


def coming(today: dt.date) -> Period:
    """The coming week: tomorrow and the 6 days after it."""
    return Period(today + dt.timedelta(days=1), today + dt.timedelta(days=COMING_DAYS))


def earliest_needed(today: dt.date) -> dt.date:
    """The first day any figure of the report looks back to (cases closed since matter)."""
    return min(last_months(today)[0].first, earliest_timeliness(today))


def earliest_timeliness(today: dt.date) -> dt.date:
    """The first due date a timeliness figure counts: in the weeks, the quarter or 4 weeks."""
    return min(last_iso_weeks(today)[0].first, quarter(today).first, recent(today).first)
