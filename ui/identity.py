"""Who am I: the caseworker's initials (and team), asked for before anything else.

Every registration records who made it, and "my cases" and the morning summary count the
cases with these initials; so a first start without them asks for them first, and so does a
registration attempted without them — with a dialog to fill in, not a message to dismiss.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class IdentityDialog(QDialog):
    """Ask for my initials and my team."""

    # The initials (upper case) and the team ("" for none).
    submitted = Signal(str, str)

    def __init__(self, teams: Sequence[str], initials: str = "", team: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity-dialog")
        self.setWindowTitle(self.tr("Who are you?"))
        intro = QLabel(self.tr("Enter your initials as the case system knows them: every "
                               "registration records who made it, and your cases and the "
                               "morning summary are the cases with your initials."))
        intro.setWordWrap(True)
        self.initials = QLineEdit(initials)
        self.initials.setObjectName("identity-initials")
        self.team = QComboBox()
        self.team.setObjectName("identity-team")
        self.team.setEditable(True)
        self.team.addItems(list(teams))
        self.team.setCurrentText(team)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        initials_label = QLabel(self.tr("My &initials:"))
        initials_label.setBuddy(self.initials)
        team_label = QLabel(self.tr("My &team:"))
        team_label.setBuddy(self.team)
        form = QFormLayout()
        form.addRow(initials_label, self.initials)
        form.addRow(team_label, self.team)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.initials.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.initials.text().strip()))

    def _submit(self) -> None:
        initials = self.initials.text().strip().upper()
        if not initials:
            return
        self.submitted.emit(initials, self.team.currentText().strip())
        self.accept()
