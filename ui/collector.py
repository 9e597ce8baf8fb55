"""Collect Python's reference cycles on the UI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a threshold is
passed: here often the database worker, which makes most objects. A cycle that holds a Qt
object (a dialog and a lambda connected to it, say) is then freed on that thread, and Qt
objects must be deleted on the thread they live in; a crash follows at some unlucky moment.
So, as Anki and pyqtgraph do, automatic collection is switched off while the window runs
and a timer on the UI thread collects instead, by the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the UI thread looks whether a generation is due. Cycles wait at most this long.
INTERVAL_MS = 1_000


class UiThreadCollector(QObject):
    """While alive and running: no automatic collection; the UI thread collects on a timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count has passed its threshold; which, or None."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return generation
        return None

    def stop(self) -> None:
        """Stop the timer and give collection back to Python, as it was before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
