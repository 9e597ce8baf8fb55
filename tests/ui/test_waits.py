"""The UI tests' waits: long enough for a loaded machine unless a test says otherwise."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS, PatientQtBot


class Sender(QObject):
    sent = Signal()


def test_a_wait_without_a_timeout_of_its_own_waits_wait_ms(qtbot: QtBot) -> None:
    assert isinstance(qtbot, PatientQtBot)
    sender = Sender()
    with qtbot.waitSignal(sender.sent) as one:
        sender.sent.emit()
    with qtbot.waitSignals([sender.sent]) as several:
        sender.sent.emit()
    with qtbot.waitSignal(sender.sent, timeout=50, raising=False) as own:
        pass
    assert (one.timeout, several.timeout, own.timeout) == (WAIT_MS, WAIT_MS, 50)
    assert one.signal_triggered and several.signal_triggered and not own.signal_triggered
