"""The case panel's deliberate "show CPR number" button, and the timer that masks it again.

The full number is asked for through ``requested`` (the core audits who saw it), shown only
while the same case is shown, and masked again after ``REVEAL_MS`` or on request.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget


class CprReveal(QObject):
    """The reveal button, the full number while it is shown, and its timer."""

    #: The caseworker asked to see the full CPR number of this case (audited by the core).
    requested = Signal(str)
    #: The number shown changed (revealed or masked): the facts are drawn again.
    changed = Signal()
    #: How long a revealed CPR number stays on screen before it is masked again.
    REVEAL_MS = 30_000

    def __init__(self, case_id: Callable[[], str | None], parent: QWidget) -> None:
        super().__init__(parent)
        self._case_id = case_id
        #: The full number of the case shown, while revealed; None while masked.
        self.number: str | None = None
        self.button = QPushButton()
        self.button.setObjectName("reveal-cpr")
        self.button.clicked.connect(self._clicked)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.REVEAL_MS)
        self.timer.timeout.connect(self.mask)

    @property
    def revealed(self) -> bool:
        """True while the full CPR number of the case shown is on screen."""
        return self.number is not None

    def _clicked(self) -> None:
        case_id = self._case_id()
        if case_id is None:
            return
        if self.revealed:
            self.mask()
        else:
            self.requested.emit(case_id)

    def show(self, case_id: str, number: str) -> None:
        """Show the full number the core handed out (and audited) for ``case_id``.

        Only if that case is still the one shown; masked again after REVEAL_MS.
        """
        if self._case_id() != case_id:
            return
        self.number = number
        self.timer.start()
        self.retranslate()
        self.changed.emit()

    def mask(self) -> None:
        """Mask the CPR number again (the timer ran out, or the caseworker hid it)."""
        self.forget()
        self.changed.emit()

    def forget(self) -> None:
        """Drop the full number, so nothing else can show it."""
        self.number = None
        self.timer.stop()
        self.retranslate()

    def retranslate(self) -> None:
        """Set the button's texts in the current language."""
        if self.revealed:
            self.button.setText(self.tr("Hide CPR number"))
            self.button.setToolTip(self.tr("Mask the CPR number again"))
        else:
            self.button.setText(self.tr("Show CPR number"))
            self.button.setToolTip(self.tr(
                "Show the full CPR number of this case for 30 seconds; the audit log records "
                "who saw it and when"))
