"""The dialogs of corrections: withdraw (or correct) an event, edit a note.

Opened with ``open()`` like every dialog here; each reports by a signal and touches no
database.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.casepanel import date_edit, picked_date
from workbench.views import EventRow, NoteRow
from workbench.vocabulary import EventKind


class WithdrawDialog(QDialog):
    """Withdraw a registered event, saying why; optionally register the right one instead."""

    # The reason, and the kind and date to register instead (None, None: only withdraw).
    submitted = Signal(str, object, object)

    def __init__(self, event: EventRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdraw-dialog")
        self.setWindowTitle(self.tr("Withdraw an event"))
        what = QLabel(texts.fill(self.tr("%1 on %2, registered by %3"),
                                 texts.event_kind_name(event.kind),
                                 texts.format_date(event.date), event.registered_by or ""))
        self.reason = QLineEdit()
        self.reason.setObjectName("withdraw-reason")
        self.reason.setPlaceholderText(self.tr("Why, e.g. registered on the wrong case"))
        self.instead = QCheckBox(self.tr("&Register the right one instead"))
        self.instead.setObjectName("register-instead")
        self.kind = QComboBox()
        self.kind.setObjectName("instead-kind")
        for kind in EventKind:
            self.kind.addItem(texts.event_kind_name(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(event.kind.value))
        self.date = date_edit(event.date)
        self.date.setObjectName("instead-date")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(what)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        form.addRow(self.instead)
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.date)
        form.addRow(date_label, self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.instead.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.kind.setEnabled(self.instead.isChecked())
        self.date.setEnabled(self.instead.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))

    def _submit(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            return
        if self.instead.isChecked():
            self.submitted.emit(reason, EventKind(self.kind.currentData()),
                                picked_date(self.date))
        else:
            self.submitted.emit(reason, None, None)
        self.accept()


class NoteDialog(QDialog):
    """Give a note a new text."""

    submitted = Signal(str)

    def __init__(self, note: NoteRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-dialog")
        self.setWindowTitle(self.tr("Edit note"))
        self.text = QPlainTextEdit(note.text)
        self.text.setObjectName("note-edit-text")
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(texts.fill(self.tr("Written by %1 %2"), note.author,
                                           texts.format_datetime(note.written_at))))
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(lambda: self.buttons.button(
            QDialogButtonBox.StandardButton.Ok).setEnabled(bool(
                self.text.toPlainText().strip())))

    def _submit(self) -> None:
        text = self.text.toPlainText().strip()
        if text:
            self.submitted.emit(text)
            self.accept()
