"""Danish working days and the date arithmetic of legal deadlines, exactly as domain.md.

A working day is Monday to Friday, not a Danish public holiday (the ``holidays`` package,
PUBLIC category), not one of the fixed closure days (5 June, 24 and 31 December by default)
and not a locally configured closure day.

The ``holidays`` package loads every country's module to make one country's calendar
(0.25 s, five times Python's own start), and ``holidays.countries.denmark`` is imported
through the package of all countries. So Denmark's module is loaded alone, from its file
(``_denmark``; the package's own ``country_holidays`` if that file is not where it was),
the holidays of a year are computed with it once and kept in the user's cache folder, in a
file named by the package's version read from its metadata (a new version computes them
afresh); ``workbench deadline`` then reads a few dates and imports no ``holidays`` at all.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import contextlib
import datetime as dt
import importlib.util
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs

from workbench.errors import InputError

log = logging.getLogger(__name__)
#: The per-user cache folder (the application's name, as in ``workbench.siteconfig``).
_CACHE_APP = "caseworker-workbench"

#: Days most Danish public workplaces are closed although they are not public holidays.
DEFAULT_FIXED_CLOSURES: tuple[tuple[int, int], ...] = ((6, 5), (12, 24), (12, 31))
#: The same days as configuration writes them (site config ``fixed_closure_days``).
DEFAULT_FIXED_CLOSURE_DAYS: tuple[str, ...] = ("06-05", "12-24", "12-31")


def month_days(texts: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Days of the year written "MM-DD" as (month, day) pairs; ValueError for another text."""
    pairs = []
    for text in texts:
        if not (isinstance(text, str) and len(text) == 5 and text[2] == "-"
                and text[:2].isdigit() and text[3:].isdigit()):
            raise ValueError(f"not a day as MM-DD: {text!r}")
        month, day = int(text[:2]), int(text[3:])
        dt.date(2000, month, day)  # a leap year: 02-29 is a day of some years
        pairs.append((month, day))
    return tuple(pairs)


@cache
def danish_public_holidays(year: int) -> frozenset[dt.date]:
    """The Danish public holidays of ``year`` (cached: they never change for a year)."""
    kept = _kept_holidays()
    if str(year) in kept:
        return frozenset(kept[str(year)])
    days = frozenset(_denmark()(years=year, categories=("public",)).keys())
    kept[str(year)] = sorted(days)
    _keep(kept)
    return days


#: The module Denmark's holidays are loaded as when it is loaded alone.
_DENMARK_MODULE = "workbench._holidays_denmark"


@cache
def _denmark() -> Any:
    """The ``holidays`` package's calendar class of Denmark, without the other countries.

    ``holidays/countries/denmark.py`` imports only the package's core: it is loaded from its
    file under a name of its own. If it is not there (another layout of the package), the
    package's own ``country_holidays`` makes the class, loading every country as before; so
    it does if the file no longer loads alone (a relative import, a renamed class): the
    shortcut rests on no version of ``holidays``, so the dependency is not pinned for it.
    tests/workbench/test_calendar_cache.py checks both give the same days, 1990 to 2040.
    """
    found = importlib.util.find_spec("holidays")
    origin = Path(found.origin) if found is not None and found.origin else None
    source = origin.parent / "countries" / "denmark.py" if origin is not None else None
    spec = (importlib.util.spec_from_file_location(_DENMARK_MODULE, source)
            if source is not None and source.is_file() else None)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            return module.Denmark
        except (ImportError, AttributeError):
            log.warning("holidays' Denmark module did not load alone; loading the package")
    import holidays

    return holidays.country_holidays("DK").__class__


@cache
def holidays_version() -> str:
    """The installed ``holidays`` version, from its metadata (the package is not imported).

    Its one ``holidays-VERSION.dist-info`` folder beside the package names it without
    ``importlib.metadata`` (a tenth of ``workbench deadline``); else the metadata's.
    """
    found = importlib.util.find_spec("holidays")
    if found is not None and found.origin:
        with contextlib.suppress(OSError):
            named = [entry.name.removeprefix("holidays-").removesuffix(".dist-info")
                     for entry in os.scandir(Path(found.origin).parent.parent)
                     if entry.name.startswith("holidays-") and entry.name.endswith(".dist-info")]
            if len(named) == 1:
                return named[0]
    from importlib.metadata import version

    return version("holidays")


def holiday_cache_path() -> Path:
    """The file the computed holidays are kept in, named by the ``holidays`` version."""
    folder = platformdirs.user_cache_path(_CACHE_APP, appauthor=False)
    return folder / f"holidays-DK-public-{holidays_version()}.json"


@cache
def _kept_holidays() -> dict[str, list[dt.date]]:
    """The holidays kept from earlier runs, by year; empty if none or the file is unreadable."""
    try:
        stored = json.loads(holiday_cache_path().read_text(encoding="utf-8"))
        return {str(int(year)): [dt.date.fromisoformat(day) for day in days]
                for year, days in stored.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _keep(kept: dict[str, list[dt.date]]) -> None:
    """Store ``kept`` (written aside, then renamed); a cache that cannot be written is skipped."""
    path = holiday_cache_path()
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({year: [day.isoformat() for day in days]
                                         for year, days in kept.items()}), encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        log.info("the holiday cache %s is not kept: %s", path, error)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are working days, with the municipality's own closures configured.

    ``fixed_closures`` are (month, day) pairs closed every year; ``closure_days`` are single
    dates a municipality closes (a bridge day, a move).
    """

    fixed_closures: tuple[tuple[int, int], ...] = DEFAULT_FIXED_CLOSURES
    closure_days: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def with_closures(cls, closure_days: Iterable[dt.date]) -> WorkingCalendar:
        """The default calendar plus the given local closure days."""
        return cls(closure_days=frozenset(closure_days))

    def is_holiday(self, day: dt.date) -> bool:
        """True for a public holiday, a fixed closure day or a local closure day."""
        return (
            day in danish_public_holidays(day.year)
            or (day.month, day.day) in self.fixed_closures
            or day in self.closure_days
        )

    def is_working_day(self, day: dt.date) -> bool:
        """Monday to Friday and not a holiday or closure day."""
        return day.weekday() < 5 and not self.is_holiday(day)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day strictly after ``start`` (``count`` ≥ 1).

        InputError (``calendar.beyond``) if that day is after the last date there is.
        """
        if count < 1:
            raise ValueError(f"count must be at least 1, not {count}")
        day = start
        remaining = count
        try:
            while remaining:
                day += dt.timedelta(days=1)
                if self.is_working_day(day):
                    remaining -= 1
        except OverflowError:
            raise InputError(key="calendar.beyond", day=start.isoformat(),
                             last=dt.date.max.isoformat()) from None
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        days = (start + dt.timedelta(days=offset) for offset in range(1, (end - start).days + 1))
        return sum(1 for day in days if self.is_working_day(day))


def end_of_week(anchor: dt.date, week: int) -> dt.date:
    """Last day of week ``week`` counted from ``anchor`` (day 1): anchor + 7·week − 1 days."""
    return anchor + dt.timedelta(days=7 * week - 1)


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month ``months`` later (or earlier), clamped to that month's last day."""
    year, month_index = divmod(day.year * 12 + (day.month - 1) + months, 12)
    month = month_index + 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    last_day = 29 if month == 2 and _stdlib_calendar.isleap(year) else _DAYS_IN_MONTH[month - 1]
    return dt.date(year, month, min(day.day, last_day))


def last_of_month(day: dt.date) -> dt.date:
    """The last day of the calendar month ``day`` falls in."""
    return day.replace(day=_stdlib_calendar.monthrange(day.year, day.month)[1])


def week_since(anchor: dt.date, today: dt.date) -> int:
    """The week number ``today`` falls in when ``anchor`` is day 1 of week 1."""
    return (today - anchor).days // 7 + 1


def iso_week(day: dt.date) -> int:
    """The ISO week number ("uge 48") of ``day``."""
    return day.isocalendar().week
