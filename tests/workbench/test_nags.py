"""The nag policy over simulated weeks with a fake clock.

The week of Monday 11 May 2026 has Ascension Day on Thursday 14 May and a weekend.
"""

import datetime as dt
from collections.abc import Callable, Iterable

from workbench.calendar import WorkingCalendar
from workbench.inquiries import reply_due
from workbench.nags import (
    Nag,
    NagContext,
    NagKey,
    NagKind,
    OpenInquiry,
    WorkingHours,
    nags_due,
)
from workbench.vocabulary import Channel

D = dt.date
CALENDAR = WorkingCalendar()
MONDAY = dt.datetime(2026, 5, 11, 0, 0)
TICK = dt.timedelta(minutes=5)

# Phone inquiry received Monday 11 May: due Wednesday 13 May.
PHONE_MONDAY = OpenInquiry(1, "S-1", reply_due(D(2026, 5, 11), Channel.PHONE, CALENDAR))
# Phone inquiry received Wednesday 13 May: Thursday is Ascension, due Monday 18 May.
PHONE_WEDNESDAY = OpenInquiry(2, "S-2", reply_due(D(2026, 5, 13), Channel.PHONE, CALENDAR))
# Mail inquiry received Monday 11 May: due Wednesday 27 May (Whit Monday 25 May is closed).
MAIL_MONDAY = OpenInquiry(3, "S-3", reply_due(D(2026, 5, 11), Channel.MAIL, CALENDAR))

Shown = list[tuple[dt.datetime, Nag]]


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 5, day, hour, minute)


def simulate(
    start: dt.datetime,
    end: dt.datetime,
    open_inquiries: Callable[[dt.datetime], Iterable[OpenInquiry]],
    record: dict[NagKey, dt.datetime],
    asleep: tuple[tuple[dt.datetime, dt.datetime], ...] = (),
    first_tick: dt.datetime | None = None,
) -> Shown:
    """Tick every 5 minutes, show what is due and record it, as the scheduler does."""
    shown: Shown = []
    now = first_tick or start
    while now < end:
        if not any(sleep_start <= now < wake for sleep_start, wake in asleep):
            context = NagContext(list(open_inquiries(now)), red=3, amber=5, last_shown=record)
            for nag in nags_due(now, context):
                shown.append((now, nag))
                record[nag.key] = now
        now += TICK
    return shown


def times(shown: Shown, kind: NagKind, inquiry_id: int | None = None) -> list[dt.datetime]:
    return [moment for moment, nag in shown
            if nag.kind is kind and (inquiry_id is None or nag.inquiry_id == inquiry_id)]


def test_the_due_dates_of_the_week() -> None:
    assert PHONE_MONDAY.due == D(2026, 5, 13)
    assert PHONE_WEDNESDAY.due == D(2026, 5, 18)
    assert MAIL_MONDAY.due == D(2026, 5, 27)


def test_a_whole_week_gives_exactly_these_nags() -> None:
    def still_open(now: dt.datetime) -> list[OpenInquiry]:
        answered_phone = now >= at(15, 11, 30)
        received_wednesday = now >= at(13, 9)
        return [i for i, present in ((PHONE_MONDAY, not answered_phone),
                                     (PHONE_WEDNESDAY, received_wednesday),
                                     (MAIL_MONDAY, True)) if present]

    shown = simulate(MONDAY, MONDAY + dt.timedelta(days=7), still_open, {})

    assert times(shown, NagKind.DIGEST) == [at(11, 8), at(12, 8), at(13, 8), at(15, 8)]
    assert times(shown, NagKind.DUE_TOMORROW, 1) == [at(12, 8)]
    assert times(shown, NagKind.DUE_TODAY, 1) == [at(13, 8), at(13, 10), at(13, 12), at(13, 14)]
    # Thursday is Ascension Day: nothing. Friday: overdue every hour until answered at 11:30.
    assert times(shown, NagKind.OVERDUE, 1) == [at(15, 8), at(15, 9), at(15, 10), at(15, 11)]
    assert all(nag.urgent for _, nag in shown if nag.kind is NagKind.OVERDUE)
    # Due Monday 18: reminded once on Friday, the working day before.
    assert times(shown, NagKind.DUE_TOMORROW, 2) == [at(15, 8)]
    assert [nag for _, nag in shown if nag.inquiry_id == 3] == []
    assert len(shown) == 4 + 1 + 4 + 4 + 1


def test_nothing_outside_working_hours_or_on_closed_days() -> None:
    shown = simulate(MONDAY, MONDAY + dt.timedelta(days=7), lambda _: [PHONE_MONDAY], {})
    for moment, _ in shown:
        assert dt.time(8) <= moment.time() < dt.time(16), moment
        assert CALENDAR.is_working_day(moment.date()), moment
    # Overdue from Thursday on, but Thursday is a holiday and Saturday, Sunday are closed.
    overdue_days = {moment.date() for moment in times(shown, NagKind.OVERDUE)}
    assert overdue_days == {D(2026, 5, 15)}


def test_no_nag_repeats_within_its_interval() -> None:
    shown = simulate(MONDAY, MONDAY + dt.timedelta(days=7), lambda _: [PHONE_MONDAY], {})
    last: dict[NagKey, dt.datetime] = {}
    for moment, nag in shown:
        previous = last.get(nag.key)
        if previous is not None:
            gap = moment - previous
            assert gap >= (dt.timedelta(hours=2) if nag.kind is NagKind.DUE_TODAY
                           else dt.timedelta(hours=1)), (nag.key, moment)
            assert nag.kind in (NagKind.DUE_TODAY, NagKind.OVERDUE)
        last[nag.key] = moment


def test_a_restart_does_not_repeat_what_was_shown() -> None:
    record: dict[NagKey, dt.datetime] = {}
    before = simulate(at(12, 7), at(12, 8, 3), lambda _: [PHONE_MONDAY], record)
    assert [nag.kind for _, nag in before] == [NagKind.DIGEST, NagKind.DUE_TOMORROW]
    # The app restarts at 08:04 with the record the database kept: nothing new today.
    after = simulate(at(12, 8, 4), at(12, 23), lambda _: [PHONE_MONDAY], dict(record),
                     first_tick=at(12, 8, 4))
    assert after == []


def test_after_sleep_it_rechecks_at_once() -> None:
    shown = simulate(at(13, 7), at(13, 18), lambda _: [PHONE_MONDAY], {},
                     asleep=((at(13, 9, 3), at(13, 11, 17)),),
                     first_tick=at(13, 7))
    # Woken at 11:17 (off the 5-minute grid): the due-today nag comes at the first tick after.
    assert times(shown, NagKind.DUE_TODAY) == [at(13, 8), at(13, 11, 20), at(13, 13, 20),
                                               at(13, 15, 20)]


def test_snooze_silences_one_inquiry_until_the_chosen_time() -> None:
    snoozed = OpenInquiry(1, "S-1", D(2026, 5, 13), snoozed_until=at(13, 12, 30))
    shown = simulate(at(13, 7), at(13, 18), lambda _: [snoozed, PHONE_WEDNESDAY], {})
    assert times(shown, NagKind.DUE_TODAY, 1) == [at(13, 12, 30), at(13, 14, 30)]


def test_working_hours_are_a_setting() -> None:
    context = NagContext([PHONE_MONDAY], red=0, amber=0, last_shown={},
                         hours=WorkingHours(dt.time(7), dt.time(15)))
    assert [nag.kind for nag in nags_due(at(13, 7, 30), context)] == [NagKind.DIGEST,
                                                                      NagKind.DUE_TODAY]
    assert nags_due(at(13, 15, 0), context) == []


def test_digest_carries_the_counts_and_names_its_target() -> None:
    context = NagContext([PHONE_MONDAY], red=3, amber=5, last_shown={})
    digest, due_today = nags_due(at(13, 8), context)
    assert (digest.kind, digest.red, digest.amber, digest.target) == (NagKind.DIGEST, 3, 5,
                                                                      "caseload")
    assert due_today.target == "inquiry 1 (case S-1)"
