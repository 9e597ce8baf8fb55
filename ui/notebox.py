"""The case panel's note box: its text belongs to the case it was written on.

The first character typed ties the box to the case shown; ``unsaved`` says which case and
what text, so that nothing typed is ever saved on another citizen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QPushButton, QWidget


class NoteBox(QObject):
    """The note field, its Add-note button and its "save with the event" box."""

    #: Save this text as a note on this case.
    requested = Signal(str, str)
    #: The text changed (the panel enables its buttons accordingly).
    edited = Signal()

    def __init__(self, case_id: Callable[[], str | None], parent: QWidget) -> None:
        super().__init__(parent)
        self._case_id = case_id
        self.text = QPlainTextEdit()
        self.text.setObjectName("note-text")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(parent.fontMetrics().height() * 3 + 12)
        self.button = QPushButton()
        self.button.setObjectName("add-note")
        self.button.clicked.connect(self._clicked)
        self.with_event = QCheckBox()
        self.with_event.setObjectName("note-with-event")
        self.with_event.setChecked(True)
        # The case the text in the note box was written on (None while it is empty).
        self._case: str | None = None
        self.text.textChanged.connect(self._edited)

    @property
    def unsaved(self) -> tuple[str, str] | None:
        """The case the note box's text was written on, and the text; None if it is empty."""
        text = self.text.toPlainText().strip()
        if not text or self._case is None:
            return None
        return self._case, text

    def _edited(self) -> None:
        """The first character typed ties the note box to the case shown."""
        if not self.text.toPlainText().strip():
            self._case = None
        elif self._case is None:
            self._case = self._case_id()
        self.edited.emit()

    def to_save_with(self, case_id: str) -> str:
        """The note to save with a registration on ``case_id``: only one written on it."""
        pending = self.unsaved
        if pending is None or pending[0] != case_id or not self.with_event.isChecked():
            return ""
        return pending[1]

    def _clicked(self) -> None:
        pending = self.unsaved
        if pending is not None:
            self.requested.emit(*pending)

    def discard(self) -> None:
        """Empty the note box (saved, or the caseworker chose to throw its text away)."""
        self.text.clear()
        self._case = None

    def focus(self) -> None:
        """Put the cursor in the note field."""
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.text.setPlaceholderText(self.tr("Write a note…"))
        self.button.setText(self.tr("Add n&ote"))
        self.with_event.setText(self.tr("Save the note with the event"))
        self.with_event.setToolTip(self.tr("Registering the event also saves the note "
                                           "written on this case"))
