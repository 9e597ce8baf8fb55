"""APScheduler's ``QtScheduler`` with one timer it can stop (``ui.scheduling`` uses it).

A module of its own so that APScheduler is loaded when the reminders start, not with the
window (``ui.scheduling.ReminderSchedule`` imports this at its first ``start``).
"""

from __future__ import annotations

from typing import Any

from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, QTimer


class TimerScheduler(QtScheduler):  # type: ignore[misc]  # APScheduler 3 has no type hints
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
