"""The nag policy: which reminders are due at a given moment. Pure, with the clock passed in.

A nag that comes at night, comes twice, or never comes after the laptop slept is worse than
none. So the policy decides only from ``now``, the open inquiries, the caseload's counts and
the record of nags already shown (which the store keeps across restarts). It never looks at
a clock of its own, and ticks that were skipped (sleep, a closed laptop) need no catching up:
the next tick sees the same state and decides the same way.

Kinds, for an open inquiry that is not snoozed:

* due on the next working day: once, at the first tick of the day before;
* due today: at the first tick, then every 2 hours;
* overdue: every hour, marked urgent;

and a morning digest of the red and amber counts at the first working-hour tick of the day.
Nothing is shown outside working hours (default 08:00-16:00 on working days).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from workbench.calendar import WorkingCalendar


class NagKind(enum.Enum):
    """What a nag is about; the value is stored in the nag record."""

    DUE_TOMORROW = "due_tomorrow"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    DIGEST = "digest"


#: How long a nag of each kind stays quiet after it was shown; None means once only.
REPEAT_AFTER: dict[NagKind, dt.timedelta | None] = {
    NagKind.DUE_TOMORROW: None,
    NagKind.DUE_TODAY: dt.timedelta(hours=2),
    NagKind.OVERDUE: dt.timedelta(hours=1),
    NagKind.DIGEST: None,
}


@dataclass(frozen=True)
class WorkingHours:
    """The hours in which nags may be shown, on working days only (a setting)."""

    start: dt.time = dt.time(8, 0)
    end: dt.time = dt.time(16, 0)

    def contain(self, moment: dt.datetime, calendar: WorkingCalendar) -> bool:
        """True on a working day between start (inclusive) and end (exclusive)."""
        in_hours = self.start <= moment.time() < self.end
        return in_hours and calendar.is_working_day(moment.date())


@dataclass(frozen=True)
class OpenInquiry:
    """What the policy needs to know of an inquiry still waiting for a reply."""

    inquiry_id: int
    case_id: str
    due: dt.date
    snoozed_until: dt.datetime | None = None


@dataclass(frozen=True)
class NagKey:
    """Identifies one nag in the record: its kind and what it is about."""

    kind: NagKind
    #: "inquiry:<id>" for inquiry nags, "digest:<date>" for the morning digest.
    subject: str


@dataclass(frozen=True)
class Nag:
    """A reminder to show now."""

    key: NagKey
    urgent: bool
    inquiry_id: int | None = None
    case_id: str | None = None
    due: dt.date | None = None
    red: int = 0
    amber: int = 0

    @property
    def kind(self) -> NagKind:
        """The kind of reminder."""
        return self.key.kind

    @property
    def target(self) -> str:
        """What the nag names: the inquiry and its case, or the digest."""
        if self.inquiry_id is not None:
            return f"inquiry {self.inquiry_id} (case {self.case_id})"
        return "caseload"


@dataclass(frozen=True)
class NagContext:
    """Everything the policy decides from, besides the moment itself."""

    inquiries: Iterable[OpenInquiry]
    red: int
    amber: int
    #: When each nag was last shown; the store keeps it across restarts.
    last_shown: Mapping[NagKey, dt.datetime]
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    hours: WorkingHours = field(default_factory=WorkingHours)


def nags_due(now: dt.datetime, context: NagContext) -> list[Nag]:
    """The nags to show at ``now``: digest first, then urgent ones, then by due date."""
    if not context.hours.contain(now, context.calendar):
        return []
    candidates = [_digest(now, context), *_inquiry_nags(now, context)]
    due = [nag for nag in candidates if nag is not None and _may_show(nag.key, now, context)]
    return sorted(due, key=lambda nag: (nag.kind is not NagKind.DIGEST, not nag.urgent,
                                        nag.due or now.date(), nag.inquiry_id or 0))


def digest_key(day: dt.date) -> NagKey:
    """The record key of ``day``'s morning digest: one a day."""
    return NagKey(NagKind.DIGEST, f"digest:{day.isoformat()}")


def _digest(now: dt.datetime, context: NagContext) -> Nag:
    """The morning digest of today's red and amber counts."""
    return Nag(digest_key(now.date()), urgent=False, red=context.red, amber=context.amber)


def _inquiry_nags(now: dt.datetime, context: NagContext) -> list[Nag]:
    """One candidate nag per open, unsnoozed inquiry that is due soon or overdue."""
    today = now.date()
    next_working_day = context.calendar.add_working_days(today, 1)
    nags = []
    for inquiry in context.inquiries:
        if inquiry.snoozed_until is not None and inquiry.snoozed_until > now:
            continue
        kind = _kind_for(inquiry.due, today, next_working_day)
        if kind is None:
            continue
        key = NagKey(kind, f"inquiry:{inquiry.inquiry_id}")
        nags.append(Nag(key, urgent=kind is NagKind.OVERDUE, inquiry_id=inquiry.inquiry_id,
                        case_id=inquiry.case_id, due=inquiry.due))
    return nags


def _kind_for(due: dt.date, today: dt.date, next_working_day: dt.date) -> NagKind | None:
    """Overdue, due today, due on the next working day, or nothing to say yet."""
    if due < today:
        return NagKind.OVERDUE
    if due == today:
        return NagKind.DUE_TODAY
    if due <= next_working_day:
        return NagKind.DUE_TOMORROW
    return None


def _may_show(key: NagKey, now: dt.datetime, context: NagContext) -> bool:
    """Never shown, or shown long enough ago for its kind to repeat."""
    shown = context.last_shown.get(key)
    if shown is None:
        return True
    interval = REPEAT_AFTER[key.kind]
    return interval is not None and now - shown >= interval
