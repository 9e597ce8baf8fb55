"""Reply deadlines of citizen inquiries: 2 working days by phone, 10 by mail."""

import datetime as dt

import pytest

from workbench.calendar import WorkingCalendar
from workbench.inquiries import inquiry_standing, reply_due
from workbench.vocabulary import Channel

D = dt.date
CALENDAR = WorkingCalendar()


@pytest.mark.parametrize(
    ("channel", "received", "due"),
    [
        (Channel.PHONE, D(2026, 4, 1), D(2026, 4, 8)),
        (Channel.MAIL, D(2026, 4, 1), D(2026, 4, 20)),
        (Channel.PHONE, D(2026, 12, 23), D(2026, 12, 29)),
        (Channel.MAIL, D(2026, 12, 23), D(2027, 1, 12)),
    ],
)
def test_reply_due(channel: Channel, received: dt.date, due: dt.date) -> None:
    assert reply_due(received, channel, CALENDAR) == due


def test_standing_counts_working_days_left_and_over() -> None:
    received = D(2026, 11, 18)  # Wednesday; phone reply due Friday 20 November
    on_monday = inquiry_standing(received, Channel.PHONE, None, D(2026, 11, 18), CALENDAR)
    assert (on_monday.due, on_monday.working_days_left, on_monday.is_overdue) == (
        D(2026, 11, 20), 2, False)
    due_today = inquiry_standing(received, Channel.PHONE, None, D(2026, 11, 20), CALENDAR)
    assert (due_today.working_days_left, due_today.is_overdue) == (0, False)
    weekend_after = inquiry_standing(received, Channel.PHONE, None, D(2026, 11, 21), CALENDAR)
    assert (weekend_after.working_days_left, weekend_after.is_overdue) == (-1, True)
    tuesday_after = inquiry_standing(received, Channel.PHONE, None, D(2026, 11, 24), CALENDAR)
    assert tuesday_after.working_days_left == -2


def test_answered_on_time_or_late() -> None:
    received = D(2026, 11, 18)
    on_time = inquiry_standing(received, Channel.PHONE, D(2026, 11, 20), D(2026, 12, 1), CALENDAR)
    late = inquiry_standing(received, Channel.PHONE, D(2026, 11, 23), D(2026, 12, 1), CALENDAR)
    assert (on_time.answered_on_time, on_time.is_open, on_time.is_overdue) == (True, False, False)
    assert late.answered_on_time is False
    unanswered = inquiry_standing(received, Channel.MAIL, None, received, CALENDAR)
    assert unanswered.answered_on_time is None
