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

APScheduler is loaded at the first ``start``, once the window's lists are filled.

A laptop that slept misses its ticks, and the scheduler's Qt timer does not know the wall
clock moved on. ``SleepWatch`` notices the jump and has both jobs run at once.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
        #: Made (and APScheduler loaded) at the first ``start``: the window's start-up
        #: until its lists are filled does without it.
        self._scheduler: Any = None

    @property
    def running(self) -> bool:
        """True between ``start`` and ``shutdown``."""
        return self._scheduler is not None and bool(self._scheduler.running)

    def start(self) -> None:
        """Run both jobs now, then every few minutes."""
        if self.running:
            return
        if self._scheduler is None:
            from apscheduler.executors.debug import DebugExecutor

            from ui.qtscheduler import TimerScheduler

            # The jobs only emit: run in the timer's turn, never left half-finished on a thread.
            self._scheduler = TimerScheduler(self, executors={"default": DebugExecutor()},
                                             job_defaults={
                                                 "coalesce": True,
                                                 "misfire_grace_time": MISFIRE_GRACE_SECONDS,
                                                 "max_instances": 1,
                                             })
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
        return None if self._scheduler is None else self._scheduler.get_job(job_id)

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
