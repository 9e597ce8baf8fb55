"""When the reminders are checked: APScheduler's ``QtScheduler`` and a watch for sleep.

Two jobs run on a schedule: ``nag-check`` asks the core every few minutes which reminders
are due, and ``export-folder`` looks for a new export in the export folder; a third,
``team-sync``, syncs with the miniteam while this database is in one. A job's function
only emits a signal, which Qt queues to the UI thread's next turn, and the UI thread sends
the real work to the worker that owns the database.

APScheduler runs a job's function in the UI thread, in its own timer's turn (its debug
executor), not on a thread of its pool. With the pool, a job's run counted as running until
its pool thread had finished APScheduler's bookkeeping after the emit, and on a loaded
machine that came up to 3 s after the UI thread had handled the signal; a ``run_soon`` in
between was refused (``max_instances`` is 1) and the check it asked for silently skipped.
Run in the timer's turn, a job is done before ``_process_jobs`` returns.

A laptop that slept misses its ticks, and the scheduler's Qt timer does not know the wall
clock moved on. ``SleepWatch`` notices the jump and has both jobs run at once.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, QTimer, Signal

NAG_CHECK = "nag-check"
EXPORT_FOLDER = "export-folder"
TEAM_SYNC = "team-sync"
NAG_CHECK_MINUTES = 5
EXPORT_FOLDER_MINUTES = 10
TEAM_SYNC_MINUTES = 5
#: A tick late by up to this much still runs (once: missed ticks are coalesced).
MISFIRE_GRACE_SECONDS = 3600


@dataclass(frozen=True)
class ReminderClocks:
    """The clocks the reminders read, injectable so tests can move time without sleeping.

    ``now`` is the moment the nags are decided for (local time, as working hours are);
    ``wall`` and ``monotonic`` are seconds, compared to notice a sleep.
    """

    now: Callable[[], dt.datetime]
    wall: Callable[[], float] = time.time
    monotonic: Callable[[], float] = time.monotonic


class _QtScheduler(QtScheduler):  # type: ignore[misc]  # APScheduler 3 has no type hints
    """``QtScheduler`` with one timer it can stop.

    APScheduler 3 keeps what ``QTimer.singleShot`` returns in order to stop it later, but
    PySide6's returns None: every wake-up would leave the earlier timer running, and a shut
    down scheduler would go on waking. A single-shot ``QTimer`` of its own, restarted at each
    wake-up and stopped at shutdown, does what the original meant.

    ``_start_timer``, ``_stop_timer`` and ``_process_jobs`` are APScheduler's private hooks:
    it is pinned to one minor range for them, and tests/ui/test_apscheduler_canary.py states
    how they are called.
    """

    def __init__(self, owner: QObject, **options: Any) -> None:
        self._qt_timer = QTimer(owner)
        self._qt_timer.setSingleShot(True)
        self._qt_timer.timeout.connect(self._process_jobs)
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._qt_timer.stop()
        if wait_seconds is not None:
            self._qt_timer.start(min(int(wait_seconds * 1000), 2**31 - 1))

    def _stop_timer(self) -> None:
        self._qt_timer.stop()


class ReminderSchedule(QObject):
    """The two scheduled jobs; each tick is announced by a signal in the UI thread."""

    nag_check_due = Signal()
    folder_check_due = Signal()
    team_sync_due = Signal()

    def __init__(self, parent: QObject | None = None, *,
                 nag_minutes: float = NAG_CHECK_MINUTES,
                 folder_minutes: float = EXPORT_FOLDER_MINUTES) -> None:
        super().__init__(parent)
        self._minutes = {NAG_CHECK: nag_minutes, EXPORT_FOLDER: folder_minutes}
        # The jobs only emit: run in the timer's turn, never left half-finished on a thread.
        self._scheduler = _QtScheduler(self, executors={"default": DebugExecutor()},
                                       job_defaults={
                                           "coalesce": True,
                                           "misfire_grace_time": MISFIRE_GRACE_SECONDS,
                                           "max_instances": 1,
                                       })

    @property
    def running(self) -> bool:
        """True between ``start`` and ``shutdown``."""
        return bool(self._scheduler.running)

    def start(self) -> None:
        """Run both jobs now, then every few minutes."""
        if self.running:
            return
        now = self._now()
        jobs = {NAG_CHECK: self._announce_nag_check, EXPORT_FOLDER: self._announce_folder_check}
        for job_id, announce in jobs.items():
            self._scheduler.add_job(announce, "interval", minutes=self._minutes[job_id],
                                    id=job_id, next_run_time=now, replace_existing=True)
        self._scheduler.start()

    def set_team_sync(self, on: bool, minutes: float = TEAM_SYNC_MINUTES) -> None:
        """Sync with the team every few minutes (first tick after one interval), or stop."""
        if not self.running:
            return
        if on and self.job(TEAM_SYNC) is None:
            self._scheduler.add_job(self._announce_team_sync, "interval", minutes=minutes,
                                    id=TEAM_SYNC, replace_existing=True)
        elif not on and self.job(TEAM_SYNC) is not None:
            self._scheduler.remove_job(TEAM_SYNC)

    def run_soon(self) -> None:
        """Run both jobs at once (after a sleep): their next regular tick follows from then."""
        if not self.running:
            return
        now = self._now()
        for job_id in (*self._minutes, TEAM_SYNC):
            if self.job(job_id) is not None:
                self._scheduler.modify_job(job_id, next_run_time=now)
        self._scheduler.wakeup()

    def job(self, job_id: str) -> Any:
        """APScheduler's job of that id (None before ``start``): how and when it runs."""
        return self._scheduler.get_job(job_id)

    def shutdown(self) -> None:
        """Stop the jobs (none is ever running: they run within the scheduler's turn)."""
        if self.running:
            self._scheduler.shutdown(wait=True)

    def _now(self) -> dt.datetime:
        return dt.datetime.now(self._scheduler.timezone)

    # These run within the scheduler's turn: a queued signal is all they send.

    def _announce_nag_check(self) -> None:
        self.nag_check_due.emit()

    def _announce_folder_check(self) -> None:
        self.folder_check_due.emit()

    def _announce_team_sync(self) -> None:
        self.team_sync_due.emit()


class SleepWatch(QObject):
    """Notices that the computer slept, or its clock was set, between two looks.

    Every 30 seconds it compares how far the wall clock moved with how far the monotonic
    clock did. On Linux and macOS the monotonic clock stands still while the machine sleeps,
    so the two part; on Windows both run on, but then the look itself came far later than
    its interval. Either way the reminders are checked again at once: a check too many
    costs a query, while a check missed after a sleep costs a citizen a late reply.
    """

    woke = Signal()

    INTERVAL_MS = 30_000
    #: Jitter allowed before a difference counts as a jump, in seconds.
    TOLERANCE = 60.0

    def __init__(self, clocks: ReminderClocks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._last = (clocks.wall(), clocks.monotonic())
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.look)

    def start(self) -> None:
        """Begin watching from this moment."""
        self._last = (self._clocks.wall(), self._clocks.monotonic())
        self.timer.start()

    def stop(self) -> None:
        """Stop watching."""
        self.timer.stop()

    def look(self) -> bool:
        """Compare the clocks with the last look; True (and ``woke``) when time jumped."""
        wall, monotonic = self._clocks.wall(), self._clocks.monotonic()
        last_wall, last_monotonic = self._last
        self._last = (wall, monotonic)
        wall_moved, monotonic_moved = wall - last_wall, monotonic - last_monotonic
        parted = abs(wall_moved - monotonic_moved) > self.TOLERANCE
        late = monotonic_moved > self.INTERVAL_MS / 1000 + self.TOLERANCE
        if parted or late:
            self.woke.emit()
        return parted or late
