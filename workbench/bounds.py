"""The range of dates the workbench accepts from a file or a person: 1900 to two years ahead.

A date far outside it (a start date 9999-12-31, an inquiry received in 9999) is a typing or
export error; let in, it would break the deadline arithmetic for every list and report.
"""

from __future__ import annotations

import datetime as dt

from workbench.calendar import add_months
from workbench.errors import InputError
from workbench.messages import render

EARLIEST_DATE = dt.date(1900, 1, 1)
#: How far ahead of today a date may lie.
LATEST_AHEAD_MONTHS = 24


def latest_date(today: dt.date | None = None) -> dt.date:
    """The last date accepted: two years after ``today`` (the real today by default)."""
    return add_months(today or dt.date.today(), LATEST_AHEAD_MONTHS)


def checked_date(day: dt.date, what: str, today: dt.date | None = None) -> dt.date:
    """``day`` if it lies in 1900 … two years ahead; InputError naming it otherwise.

    ``what`` is the message key of the date's name ("dates.received", ...).
    """
    latest = latest_date(today)
    if not EARLIEST_DATE <= day <= latest:
        key = "dates.too_late" if day > latest else "dates.out_of_range"
        raise InputError(key=key, what=render(what), date=day.isoformat(),
                         earliest=EARLIEST_DATE.isoformat(), latest=latest.isoformat())
    return day
