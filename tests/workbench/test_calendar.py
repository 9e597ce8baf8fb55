"""Working days, deadlines and date arithmetic, checked by hand and against numpy."""

import datetime as dt

import numpy as np
import pytest

from workbench.calendar import (
    WorkingCalendar,
    add_months,
    danish_public_holidays,
    end_of_week,
    iso_week,
    week_since,
)
from workbench.errors import InputError

D = dt.date
CALENDAR = WorkingCalendar()


@pytest.mark.parametrize(
    ("received", "count", "due", "why"),
    [
        (D(2026, 4, 1), 2, D(2026, 4, 8), "Easter: Maundy Thursday, Good Friday, Easter Monday"),
        (D(2026, 4, 1), 10, D(2026, 4, 20), "Easter, then two full weeks"),
        (D(2026, 5, 13), 2, D(2026, 5, 18), "Ascension Thursday 14 May"),
        (D(2026, 5, 22), 2, D(2026, 5, 27), "Whit Monday 25 May"),
        (D(2026, 12, 23), 2, D(2026, 12, 29), "24 Dec closed, 25 Dec, weekend"),
        (D(2026, 12, 23), 10, D(2027, 1, 12), "Christmas to New Year: 24, 25, 31 Dec and 1 Jan"),
        (D(2026, 6, 4), 2, D(2026, 6, 9), "5 June (Constitution Day) is closed"),
        (D(2026, 11, 20), 2, D(2026, 11, 24), "received Friday: Monday is the first"),
        (D(2026, 11, 21), 1, D(2026, 11, 23), "received Saturday: Monday is the first"),
    ],
)
def test_working_days_after_a_date(received: dt.date, count: int, due: dt.date, why: str) -> None:
    assert CALENDAR.add_working_days(received, count) == due, why


def test_store_bededag_is_a_holiday_only_up_to_2023() -> None:
    assert not CALENDAR.is_working_day(D(2023, 5, 5))
    assert CALENDAR.is_working_day(D(2024, 4, 26))


def test_local_closure_days_are_configurable() -> None:
    bridge_day = D(2026, 5, 15)
    with_bridge_day = WorkingCalendar.with_closures([bridge_day])
    assert CALENDAR.add_working_days(D(2026, 5, 13), 2) == D(2026, 5, 18)
    assert with_bridge_day.add_working_days(D(2026, 5, 13), 2) == D(2026, 5, 19)


def test_fixed_closures_are_configurable() -> None:
    no_fixed_closures = WorkingCalendar(fixed_closures=())
    assert no_fixed_closures.is_working_day(D(2026, 6, 5))
    assert not CALENDAR.is_working_day(D(2026, 6, 5))


def test_zero_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        CALENDAR.add_working_days(D(2026, 1, 5), 0)


def _oracle_holidays() -> list[np.datetime64]:
    """The same closed days, handed to numpy, which does the arithmetic independently."""
    days: set[dt.date] = set()
    for year in range(2023, 2033):
        days |= danish_public_holidays(year)
        days |= {D(year, 6, 5), D(year, 12, 24), D(year, 12, 31)}
    return [np.datetime64(day) for day in sorted(days)]


def test_working_day_arithmetic_matches_numpy_for_every_day_2024_to_2030() -> None:
    holidays = _oracle_holidays()
    day = D(2024, 1, 1)
    checked = 0
    while day <= D(2030, 12, 31):
        for count in (1, 2, 10):
            # roll="backward" makes numpy count strictly after a non-working start day.
            expected = np.busday_offset(np.datetime64(day), count, roll="backward",
                                        holidays=holidays)
            assert np.datetime64(CALENDAR.add_working_days(day, count)) == expected, (day, count)
        later = day + dt.timedelta(days=17)
        expected_between = np.busday_count(np.datetime64(day + dt.timedelta(days=1)),
                                           np.datetime64(later + dt.timedelta(days=1)),
                                           holidays=holidays)
        assert CALENDAR.working_days_between(day, later) == expected_between, day
        day += dt.timedelta(days=1)
        checked += 1
    assert checked == 2557


def test_working_days_between_is_signed() -> None:
    assert CALENDAR.working_days_between(D(2026, 11, 16), D(2026, 11, 20)) == 4
    assert CALENDAR.working_days_between(D(2026, 11, 20), D(2026, 11, 16)) == -4
    assert CALENDAR.working_days_between(D(2026, 11, 20), D(2026, 11, 20)) == 0


def test_end_of_week_counts_the_anchor_as_day_one() -> None:
    assert end_of_week(D(2026, 1, 5), 8) == D(2026, 3, 1)
    assert end_of_week(D(2026, 1, 5), 1) == D(2026, 1, 11)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 8, 15), 6, D(2027, 2, 15)),
        (D(2026, 1, 5), 0, D(2026, 1, 5)),
    ],
)
def test_months_after_a_date_clamp_to_month_end(
    start: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(start, months) == expected


def test_week_numbers() -> None:
    assert iso_week(D(2026, 11, 22)) == 47
    assert iso_week(D(2026, 12, 31)) == 53
    assert iso_week(D(2027, 1, 1)) == 53
    assert week_since(D(2026, 1, 5), D(2026, 1, 5)) == 1
    assert week_since(D(2026, 1, 5), D(2026, 1, 11)) == 1
    assert week_since(D(2026, 1, 5), D(2026, 1, 12)) == 2


def test_a_working_day_after_the_last_date_is_an_input_error() -> None:
    with pytest.raises(InputError) as raised:
        CALENDAR.add_working_days(D(9999, 12, 29), 2)
    assert raised.value.key == "calendar.beyond"
    assert raised.value.params == {"day": "9999-12-29", "last": "9999-12-31"}
    assert CALENDAR.add_working_days(D(9999, 12, 29), 1) == D(9999, 12, 30)
