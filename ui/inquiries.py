"""The inquiries view: citizens waiting for a reply, overdue first.

Which inquiries are open, when each is due and how many working days are left all come
from the core; this view lists them, lets the caseworker choose whose to see, and asks for
new inquiries and replies through signals.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.caselists import configure_table
from ui.casepanel import date_edit, picked_date, to_qdate
from ui.emptytext import EmptyText
from ui.models import InquiryTableModel, Owner
from workbench.views import InquiryRow


class InquiriesView(QWidget):
    """Open inquiries (mine, my team's or everyone's) with their reply deadlines."""

    scope_changed = Signal()
    new_inquiry_requested = Signal()
    answer_requested = Signal(int, object)
    case_requested = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._me = ("", "")
        self._scope_chosen = False
        self._columns_fitted = False
        self.model = InquiryTableModel(self)
        self.scope_label = QLabel()
        self.scope = QComboBox()
        self.scope.setObjectName("inquiry-scope")
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel()
        self.summary.setObjectName("inquiry-summary")
        self.table = QTableView()
        self.table.setObjectName("inquiries")
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.sortByColumn(InquiryTableModel.LEFT, Qt.SortOrder.AscendingOrder)
        self.empty = EmptyText(self.table, lambda: self.tr(
            "No inquiry waits for a reply here. A citizen's call or letter is registered "
            "with New inquiry (Ctrl+N)."))
        self.new_button = QPushButton()
        self.new_button.setObjectName("new-inquiry")
        self.answered_label = QLabel()
        self.answered_date = date_edit(today)
        self.answered_date.setObjectName("answered-date")
        self.answer_button = QPushButton()
        self.answer_button.setObjectName("mark-answered")
        self._lay_out()
        self.scope.currentIndexChanged.connect(self.scope_changed)
        self.scope.activated.connect(self._scope_activated)
        self.new_button.clicked.connect(self.new_inquiry_requested)
        self.answer_button.clicked.connect(self._answer_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)
        self.table.doubleClicked.connect(self._row_double_clicked)
        self.model.modelReset.connect(self._update_summary)
        self.retranslate()
        self._update_enabled()

    def _lay_out(self) -> None:
        self.scope_label.setBuddy(self.scope)
        self.answered_label.setBuddy(self.answered_date)
        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.answered_label)
        bottom.addWidget(self.answered_date)
        bottom.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        chain: list[QWidget] = [self.scope, self.new_button, self.table, self.answered_date,
                                self.answer_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- data -----------------------------------------------------------------------------

    def set_me(self, initials: str, team: str) -> None:
        """Offer "mine" and "my team's" for the caseworker using the workbench."""
        self._me = (initials, team)
        self._fill_scope()

    def owner(self) -> Owner:
        """Whose inquiries the user chose to see."""
        return Owner.from_key(self.scope.currentData())

    def set_rows(self, rows: Sequence[InquiryRow]) -> None:
        """Show ``rows`` (the worker already narrowed them to ``owner()``)."""
        self.model.set_rows(rows)
        if rows and not self._columns_fitted:
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            for column in range(header.count()):
                header.resizeSection(column, header.sectionSize(column) + 12)
            self._columns_fitted = True
        self._update_enabled()

    def restore_header(self, state: QByteArray) -> None:
        """Bring back the column widths the user left (instead of fitting them anew)."""
        self._columns_fitted = self.table.horizontalHeader().restoreState(state)

    def set_today(self, today: dt.date) -> None:
        """Date replies today by default."""
        self.answered_date.setDate(to_qdate(today))

    def open_count(self) -> int:
        """How many open inquiries the view lists."""
        return sum(1 for row in self.model.rows if row.is_open)

    def selected_inquiry(self) -> InquiryRow | None:
        """The inquiry selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def show_everyones(self) -> None:
        """Choose everyone's inquiries, as if the user had (``scope_changed`` is not sent)."""
        blocked = self.scope.blockSignals(True)
        self.scope.setCurrentIndex(self.scope.findData(Owner().key))
        self.scope.blockSignals(blocked)
        self._scope_chosen = True

    def select_inquiry(self, inquiry_id: int) -> bool:
        """Select the inquiry with ``inquiry_id`` if it is listed."""
        for line, row in enumerate(self.model.rows):
            if row.inquiry_id == inquiry_id:
                self.table.selectRow(line)
                return True
        return False

    def _answer_clicked(self) -> None:
        row = self.selected_inquiry()
        if row is not None and row.is_open:
            self.answer_requested.emit(row.inquiry_id, picked_date(self.answered_date))

    def _row_double_clicked(self, index: QModelIndex) -> None:
        self.case_requested.emit(self.model.row_at(index.row()).case_id)

    def _update_enabled(self) -> None:
        row = self.selected_inquiry()
        self.answer_button.setEnabled(row is not None and row.is_open)

    def _update_summary(self) -> None:
        overdue = sum(1 for row in self.model.rows if row.is_overdue)
        text = self.tr("%n open inquiry(s)", "", self.open_count())
        if overdue:
            text += ", " + self.tr("%n overdue", "", overdue)
        self.summary.setText(text)

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.scope_label.setText(self.tr("Sho&w:"))
        self.new_button.setText(self.tr("&New inquiry…"))
        self.new_button.setToolTip(self.tr("Register a phone or written inquiry (Ctrl+N)"))
        self.answered_label.setText(self.tr("Answered &on:"))
        self.answer_button.setText(self.tr("&Mark answered"))
        self._fill_scope()
        self._update_summary()
        self.model.retranslate()

    def _fill_scope(self) -> None:
        """Mine, my team's, everyone's; the choice survives a language switch."""
        initials, team = self._me
        chosen = self.scope.currentData()
        blocked = self.scope.blockSignals(True)
        self.scope.clear()
        if initials:
            self.scope.addItem(texts.fill(self.tr("My inquiries (%1)"), initials),
                               Owner(caseworker=initials).key)
        if team:
            self.scope.addItem(texts.fill(self.tr("My team (%1)"), team), Owner(team=team).key)
        self.scope.addItem(self.tr("All inquiries"), Owner().key)
        index = self.scope.findData(chosen) if self._scope_chosen else -1
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(blocked)
        if self.scope.currentData() != chosen:
            self.scope_changed.emit()

    def _scope_activated(self) -> None:
        """The user picked whose inquiries to see: keep it rather than the default."""
        self._scope_chosen = True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
