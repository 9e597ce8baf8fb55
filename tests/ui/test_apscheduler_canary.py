"""Canary: what ``ui.scheduling`` relies on in APScheduler 3's ``QtScheduler`` internals.

``ui.qtscheduler.TimerScheduler`` replaces ``QtScheduler``'s private ``_start_timer`` and
``_stop_timer`` with a ``QTimer`` of its own that calls ``_process_jobs``. That is not
APScheduler's public API, so APScheduler is pinned to one minor range in ``pyproject.toml``
(``APScheduler>=3.11,<3.12``). Each test states one behaviour relied on; when a new version
changes it, the test fails before the reminders stop ticking. Then adapt ``TimerScheduler``
and move the pin.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import apscheduler
from apscheduler.schedulers.qt import QtScheduler
from packaging.version import Version
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from ui.scheduling import ReminderSchedule


class Recording(QtScheduler):  # type: ignore[misc]  # APScheduler 3 has no type hints
    """A ``QtScheduler`` that records the calls of the hooks ``TimerScheduler`` overrides."""

    def __init__(self, **options: Any) -> None:
        self.calls: list[tuple[str, float | None]] = []
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self.calls.append(("start", wait_seconds))

    def _stop_timer(self) -> None:
        self.calls.append(("stop", None))


def test_apscheduler_is_within_the_pinned_minor_range() -> None:
    assert Version("3.11") <= Version(apscheduler.__version__) < Version("3.12")


def test_the_timer_hooks_are_how_qtscheduler_waits_wakes_and_stops(qtbot: QtBot) -> None:
    scheduler = Recording()
    now = dt.datetime.now(scheduler.timezone)
    scheduler.add_job(print, "interval", minutes=5, id="job", next_run_time=now)

    scheduler.start()  # start() wakes up the scheduler: a timer of no wait
    assert scheduler.calls == [("start", 0)]

    scheduler.wakeup()
    assert scheduler.calls[-1] == ("start", 0)

    scheduler.modify_job("job", next_run_time=now + dt.timedelta(minutes=5))
    scheduler.calls.clear()
    scheduler._process_jobs()  # what the timer calls: no job due, wait for the next one
    [(hook, wait)] = scheduler.calls
    assert hook == "start" and wait is not None and 200 < wait <= 300

    scheduler.shutdown(wait=True)
    assert scheduler.calls[-1] == ("stop", None)


def test_process_jobs_says_none_once_no_job_is_left(qtbot: QtBot) -> None:
    scheduler = Recording()
    scheduler.start()
    scheduler.calls.clear()

    scheduler._process_jobs()

    assert scheduler.calls == [("start", None)]  # so TimerScheduler stops its timer
    scheduler.shutdown(wait=True)


def test_pyside_single_shot_returns_no_timer_to_stop() -> None:
    # Why TimerScheduler exists: QtScheduler keeps what QTimer.singleShot returns to stop it,
    # and PySide6 returns None. Should this fail, QtScheduler may do without the override.
    owner = QObject()
    assert QTimer.singleShot(60_000, owner, owner.deleteLater) is None


def test_the_override_keeps_one_timer_and_stops_it_at_shutdown(qtbot: QtBot) -> None:
    owner = QObject()
    schedule = ReminderSchedule(owner)
    schedule.start()
    timers = schedule.findChildren(QTimer)
    assert [timer.isActive() for timer in timers] == [True]

    schedule.run_soon()
    schedule.run_soon()
    assert schedule.findChildren(QTimer) == timers

    schedule.shutdown()
    assert not timers[0].isActive()
