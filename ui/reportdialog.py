"""The choices of the team lead's status workbook: which team, as of which day, where to.

The dialog only asks; ``ui.reportactions`` runs the report. It proposes a file name from
the team and the day ("status-team-nord-2026-11-30.xlsx") in the last folder used, and keeps
proposing as the choices change until the user types or browses to a file of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.casepanel import date_edit, picked_date


@dataclass(frozen=True)
class ReportRequest:
    """What the user asked for: the workbook's file, its day, its team, full CPR or not."""

    path: Path
    today: dt.date
    team: str | None
    include_cpr: bool


def proposed_name(team: str | None, day: dt.date) -> str:
    """A file name for the report: "status-alle-teams-2026-11-30.xlsx", lower case, no spaces."""
    scope = re.sub(r"[^\w]+", "-", (team or "alle teams").lower()).strip("-") or "team"
    return f"status-{scope}-{day.isoformat()}.xlsx"


class ReportDialog(QDialog):
    """Ask for the team, the day and the file of the status workbook."""

    submitted = Signal(object)

    def __init__(self, teams: Sequence[str], my_team: str | None, today: dt.date,
                 folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report-dialog")
        self.setWindowTitle(self.tr("Export status to Excel"))
        self._folder = folder
        self._proposing = True
        self.team = QComboBox()
        self.team.setObjectName("report-team")
        self.team.addItem(self.tr("All teams"), None)
        for team in teams:
            self.team.addItem(team, team)
        if my_team in teams:
            self.team.setCurrentIndex(self.team.findData(my_team))
        self.day = date_edit(today)
        self.day.setObjectName("report-day")
        self.include_cpr = QCheckBox(self.tr("Full CPR numbers (recorded in the audit log)"))
        self.include_cpr.setObjectName("report-include-cpr")
        self.path = QLineEdit()
        self.path.setObjectName("report-path")
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setObjectName("report-browse")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self._lay_out()
        self._propose()
        self.team.currentIndexChanged.connect(self._propose)
        self.day.dateChanged.connect(self._propose)
        self.path.textEdited.connect(self._typed)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("&Status as of:"), self.day)
        form.addRow(self.tr("&File:"), where)
        form.addRow("", self.include_cpr)
        note = QLabel(self.tr("The workbook holds names and case facts: it is recorded in the "
                              "audit log. The file opens when it is ready."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def chosen_team(self) -> str | None:
        """The team chosen, or None for all teams."""
        team = self.team.currentData()
        return team if isinstance(team, str) else None

    def request(self) -> ReportRequest:
        """The report as the dialog's fields now ask for it."""
        return ReportRequest(Path(self.path.text().strip()), picked_date(self.day),
                             self.chosen_team(), self.include_cpr.isChecked())

    def _propose(self) -> None:
        """Name the file after the team and the day, unless the user chose a file."""
        if self._proposing:
            self.path.setText(str(self._folder / proposed_name(self.chosen_team(),
                                                               picked_date(self.day))))

    def _typed(self, _text: str) -> None:
        self._proposing = False

    def _browse(self) -> QFileDialog:
        """Pick the file with the platform's save dialog (opened, not run in a nested loop)."""
        dialog = QFileDialog(self, self.tr("Save the status workbook"), self.path.text(),
                             self.tr("Excel workbook (*.xlsx)"))
        dialog.setObjectName("report-file")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(self.path.text())
        dialog.fileSelected.connect(self.choose_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def choose_file(self, chosen: str) -> None:
        """Write the report to ``chosen`` (a .xlsx file); stop proposing a name."""
        if not chosen.lower().endswith(".xlsx"):
            chosen += ".xlsx"
        self.path.setText(chosen)
        self._proposing = False

    def _submit(self) -> None:
        if not self.path.text().strip():
            self.path.setFocus()
            return
        self.submitted.emit(self.request())
        self.accept()
