"""The dialogs: a new inquiry, the settings, and an import's summary.

They are opened with ``open()`` (window-modal, not a nested event loop), so the rest of the
application, and the tests, keep running while one is shown. Each reports its result by a
signal; none of them touches the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.autostart import LogonCheckBox
from ui.casepanel import date_edit, picked_date
from ui.tables import text_table
from workbench.calendar import WorkingCalendar
from workbench.inquiries import reply_due
from workbench.messages import LANGUAGES
from workbench.views import CaseRow, ImportSummary
from workbench.vocabulary import Channel

if TYPE_CHECKING:
    from workbench.settings import Settings

#: Each language named in itself, so anyone can find their own.
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose Alt+letter goes to ``buddy`` (and whose "&" is not shown)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class NewInquiryDialog(QDialog):
    """Register a citizen's phone or written inquiry on a case."""

    submitted = Signal(str, object, object)

    def __init__(self, cases: Sequence[CaseRow], case_id: str | None, today: dt.date,
                 calendar: WorkingCalendar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-inquiry-dialog")
        self.setWindowTitle(self.tr("New inquiry"))
        self._calendar = calendar
        self._case_ids = {self._label(row): row.case_id for row in cases}
        self.case = QLineEdit()
        self.case.setObjectName("inquiry-case")
        completer = QCompleter(QStringListModel(sorted(self._case_ids), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.case.setCompleter(completer)
        self.case.setPlaceholderText(self.tr("Type a name or case ID"))
        preselected = next((label for label, cid in self._case_ids.items() if cid == case_id), "")
        self.case.setText(preselected)
        self.phone = QRadioButton(texts.channel_name(Channel.PHONE))
        self.phone.setObjectName("channel-phone")
        self.mail = QRadioButton(texts.channel_name(Channel.MAIL))
        self.mail.setObjectName("channel-mail")
        self.phone.setChecked(True)
        self._channels = QButtonGroup(self)
        self._channels.addButton(self.phone)
        self._channels.addButton(self.mail)
        self.received = date_edit(today)
        self.received.setObjectName("inquiry-received")
        self.due = QLabel()
        self.due.setObjectName("inquiry-due")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self._lay_out()
        self.case.textChanged.connect(self._update)
        self._channels.buttonToggled.connect(self._update)
        self.received.dateChanged.connect(self._update)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._update()

    @staticmethod
    def _label(row: CaseRow) -> str:
        """How a case is offered: "Anna Jensen (S-1001)"."""
        return f"{row.name} ({row.case_id})"

    def _lay_out(self) -> None:
        channels = QHBoxLayout()
        channels.addWidget(self.phone)
        channels.addWidget(self.mail)
        channels.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Citizen:"), self.case)
        form.addRow(self.tr("Channel:"), channels)
        form.addRow(self.tr("&Received:"), self.received)
        form.addRow(self.tr("Reply by:"), self.due)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    @property
    def case_id(self) -> str | None:
        """The case the typed text names exactly, if any."""
        return self._case_ids.get(self.case.text().strip())

    @property
    def channel(self) -> Channel:
        """Phone or written."""
        return Channel.PHONE if self.phone.isChecked() else Channel.MAIL

    def _update(self) -> None:
        """Show the reply deadline the core computes, and allow OK only for a known case."""
        received = picked_date(self.received)
        due = reply_due(received, self.channel, self._calendar)
        self.due.setText(texts.due_label(due, due.isocalendar().week))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.case_id is not None)

    def _submit(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self.submitted.emit(case_id, self.channel, picked_date(self.received))
        self.accept()


class SettingsDialog(QDialog):
    """Who I am, where the exports land, the rule profile, the amber window, closures, language."""

    submitted = Signal(object)

    def __init__(self, settings: Settings, profiles: Sequence[str], teams: Sequence[str],
                 today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self.initials = QLineEdit(settings.my_initials)
        self.initials.setObjectName("initials")
        self.team = QComboBox()
        self.team.setObjectName("team")
        self.team.setEditable(True)
        self.team.addItems(list(teams))
        self.team.setCurrentText(settings.my_team or "")
        self.export_folder = QLineEdit(str(settings.export_folder or ""))
        self.export_folder.setObjectName("export-folder")
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self._browse)
        self.profile = QComboBox()
        self.profile.setObjectName("profile")
        self.profile.addItems(list(profiles))
        self.profile.setCurrentText(settings.profile_name)
        self.amber_days = QSpinBox()
        self.amber_days.setObjectName("amber-days")
        self.amber_days.setRange(1, 90)
        self.amber_days.setValue(settings.amber_days)
        self.amber_days.setSuffix(self.tr(" days"))
        self.threshold = QSpinBox()
        self.threshold.setObjectName("truncation-threshold")
        self.threshold.setRange(1, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(round(settings.truncation_threshold * 100))
        self._build_closures(settings.closure_days, today)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.start_at_logon = LogonCheckBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _build_closures(self, closure_days: Sequence[dt.date], today: dt.date) -> None:
        self.closures = QListWidget()
        self.closures.setObjectName("closure-days")
        self.closures.setMaximumHeight(self.fontMetrics().height() * 6)
        for day in sorted(closure_days):
            self._add_closure_item(day)
        self.closure_date = date_edit(today)
        self.add_closure = QPushButton(self.tr("&Add"))
        self.add_closure.clicked.connect(self._add_closure)
        self.remove_closure = QPushButton(self.tr("Re&move"))
        self.remove_closure.clicked.connect(self._remove_closure)

    def _lay_out(self) -> None:
        folder = QHBoxLayout()
        folder.addWidget(self.export_folder, 1)
        folder.addWidget(self.browse)
        closure_buttons = QHBoxLayout()
        closure_buttons.addWidget(self.closure_date)
        closure_buttons.addWidget(self.add_closure)
        closure_buttons.addWidget(self.remove_closure)
        closures = QVBoxLayout()
        closures.addWidget(self.closures)
        closures.addLayout(closure_buttons)
        form = QFormLayout()
        form.addRow(self.tr("My &initials:"), self.initials)
        form.addRow(self.tr("My &team:"), self.team)
        # A row of several widgets gets no buddy from addRow: its "&" would show literally.
        form.addRow(buddy_label(self.tr("&Export folder:"), self.export_folder), folder)
        form.addRow(self.tr("&Rule profile:"), self.profile)
        form.addRow(self.tr("&Amber window:"), self.amber_days)
        form.addRow(self.tr("Refuse an import that &closes more than:"), self.threshold)
        form.addRow(buddy_label(self.tr("&Closure days:"), self.closures), closures)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.start_at_logon)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def closure_days(self) -> tuple[dt.date, ...]:
        """The listed closure days, in order."""
        days = [self.closures.item(line).data(Qt.ItemDataRole.UserRole)
                for line in range(self.closures.count())]
        return tuple(sorted(dt.date.fromisoformat(day) for day in days))

    def settings(self) -> Settings:
        """The settings as the dialog shows them."""
        folder = self.export_folder.text().strip()
        return dataclasses.replace(
            self._original,
            my_initials=self.initials.text().strip().upper(),
            my_team=self.team.currentText().strip() or None,
            export_folder=folder or None,
            profile_name=self.profile.currentText() or self._original.profile_name,
            amber_days=self.amber_days.value(),
            closure_days=self.closure_days(),
            language=str(self.language.currentData()),
            truncation_threshold=self.threshold.value() / 100,
        )

    def _add_closure_item(self, day: dt.date) -> None:
        item = QListWidgetItem(texts.format_date(day))
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        self.closures.addItem(item)

    def _add_closure(self) -> None:
        day = picked_date(self.closure_date)
        if day not in self.closure_days():
            self._add_closure_item(day)
            self.closures.sortItems()

    def _remove_closure(self) -> None:
        for item in self.closures.selectedItems():
            self.closures.takeItem(self.closures.row(item))

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Export folder"), self.export_folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.export_folder.setText)
        dialog.open()

    def _submit(self) -> None:
        self.start_at_logon.apply()
        self.submitted.emit(self.settings())
        self.accept()


class ImportSummaryDialog(QDialog):
    """What an import did, with every rejected row and why."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-summary-dialog")
        self.setWindowTitle(self.tr("Import finished"))
        self.summary = summary
        self.headline = QLabel(self._headline())
        self.headline.setWordWrap(True)
        form = QFormLayout()
        counts = [
            (self.tr("New cases:"), summary.new),
            (self.tr("Updated cases:"), summary.updated),
            (self.tr("Closed cases:"), summary.closed),
            (self.tr("Reopened cases:"), summary.reopened),
            (self.tr("Events added:"), summary.events_added),
            (self.tr("Local events confirmed:"), summary.events_confirmed),
            (self.tr("Rejected rows:"), len(summary.rejected)),
            (self.tr("Renamed citizens:"), len(summary.renamed)),
        ]
        for label, value in counts:
            form.addRow(label, QLabel(str(value)))
        self.renamed = QLabel(", ".join(summary.renamed))
        self.renamed.setObjectName("renamed-cases")
        self.renamed.setWordWrap(True)
        self.renamed.setToolTip(self.tr("Cases whose citizen has a new name (same CPR number)"))
        if summary.renamed:
            form.addRow(self.tr("Renamed (Sags-ID):"), self.renamed)
        self.rejected_rows = self._rejected_table(summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(form)
        layout.addWidget(self.rejected_rows, 1)
        layout.addWidget(buttons)
        self.rejected_rows.setVisible(bool(summary.rejected))
        self.resize(720 if summary.rejected else 420, 480 if summary.rejected else 0)

    def _headline(self) -> str:
        files = ", ".join(Path(name).name for name in self.summary.files)
        if self.summary.unchanged:
            return texts.fill(self.tr("%1 was already imported: nothing changed."), files)
        return texts.fill(self.tr("Imported %1."), files)

    def _rejected_table(self, summary: ImportSummary) -> QTableWidget:
        """Every rejected row: file, line, field and the reason in words."""
        return text_table(
            "rejected-rows",
            [self.tr("File"), self.tr("Line"), self.tr("Field"), self.tr("Reason")],
            [[Path(row.file).name, str(row.line), row.field or "", row.reason]
             for row in summary.rejected])
