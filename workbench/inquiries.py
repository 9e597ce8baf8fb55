"""Citizen inquiries (henvendelser): reply deadlines in working days.

Phone inquiries must be answered within 2 working days, written ones (mail, letter,
digital post) within 10 (seed 003). The due date is the N-th working day after receipt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.calendar import WorkingCalendar
from workbench.vocabulary import Channel

REPLY_WORKING_DAYS: dict[Channel, int] = {Channel.PHONE: 2, Channel.MAIL: 10}


def reply_due(received: dt.date, channel: Channel, calendar: WorkingCalendar) -> dt.date:
    """The last day a reply is on time: N working days after the day received."""
    return calendar.add_working_days(received, REPLY_WORKING_DAYS[channel])


def is_overdue(answered_on: dt.date | None, working_days_left: int) -> bool:
    """The one definition of an overdue inquiry: unanswered and past its due date."""
    return answered_on is None and working_days_left < 0


@dataclass(frozen=True)
class InquiryStanding:
    """How an inquiry stands on a given day."""

    due: dt.date
    answered_on: dt.date | None
    #: Working days from today until the due date; negative once it is overdue.
    working_days_left: int

    @property
    def is_open(self) -> bool:
        """Open until a reply is registered."""
        return self.answered_on is None

    @property
    def is_overdue(self) -> bool:
        """Open and past its due date."""
        return is_overdue(self.answered_on, self.working_days_left)

    @property
    def answered_on_time(self) -> bool | None:
        """Whether an answered inquiry got its reply by the due date; None while open."""
        if self.answered_on is None:
            return None
        return self.answered_on <= self.due


def inquiry_standing(
    received: dt.date,
    channel: Channel,
    answered_on: dt.date | None,
    today: dt.date,
    calendar: WorkingCalendar,
) -> InquiryStanding:
    """Due date, reply and working days left of one inquiry, seen on ``today``."""
    due = reply_due(received, channel, calendar)
    if due >= today:
        left = calendar.working_days_between(today, due)
    else:
        # Overdue is at least one day over, even when the days since were a weekend.
        left = -max(1, calendar.working_days_between(due, today))
    return InquiryStanding(due=due, answered_on=answered_on, working_days_left=left)
