"""The dialog of an unexpected error: what happened, and a report to copy for IT.

The report (``workbench.crash``) names no citizen: CPR-looking numbers are masked and no
local variable values are included, so it can be pasted into an e-mail as it is.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.crash import last_line


class CrashDialog(QDialog):
    """Says that something unexpected went wrong and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash-dialog")
        self.setWindowTitle(self.tr("Caseworker Workbench"))
        self.report = report
        self.message = QLabel(self.tr(
            "Something unexpected went wrong: %1\n\nWhat you registered before is saved. "
            "Please copy the report below and send it to IT; it holds no CPR numbers."
        ).replace("%1", last_line(report)))
        self.message.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 240)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.copy_button.setObjectName("copy-report")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)

    def copy_report(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report)
