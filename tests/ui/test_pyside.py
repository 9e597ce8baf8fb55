"""Guards against known defects of the installed PySide6 that would crash the workbench."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

EMITS = 500


class _Emitter(QObject):
    ping = Signal(int)


def test_emitting_a_signal_keeps_the_reference_counts_of_true_and_none() -> None:
    """PySide6 6.12.0 dropped a reference to True per emit; Python 3.11 then aborts.

    The window emits signals all day long, so a leak per emit is a crash by the afternoon.
    """
    emitter = _Emitter()
    received: list[int] = []
    emitter.ping.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for number in range(EMITS):
        emitter.ping.emit(number)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(received) == EMITS
    assert abs(after[0] - before[0]) < EMITS // 10
    assert abs(after[1] - before[1]) < EMITS // 10
