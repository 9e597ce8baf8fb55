"""The case panel: one citizen's case, its milestones, history, notes and inquiries.

It also holds the quick actions a caseworker takes during a call: register an event (a
conversation by default, dated today), write a note, register an inquiry, and correct them
(withdraw an event, edit or delete a note). The panel only asks for them through signals;
``ui.caseactions`` sends them to the worker. The note box belongs to the case it was written
on: ``notebox.unsaved`` says which, so that nothing typed is saved on another citizen.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.caselists import configure_table
from ui.cprreveal import CprReveal
from ui.emptytext import EmptyText
from ui.icons import muted_text_colour, status_colour, status_icon
from ui.models import (
    ROW_ROLE,
    EventTableModel,
    InquiryTableModel,
    MilestoneTableModel,
    NoteTableModel,
)
from ui.notebox import NoteBox
from workbench.engine import DEFAULT_AMBER_DAYS
from workbench.views import CaseDetail, EventRow, NoteRow
from workbench.vocabulary import EventKind

if TYPE_CHECKING:
    from workbench.sync.conflicts import Conflict


def to_qdate(day: dt.date) -> QDate:
    """A Python date as Qt's."""
    return QDate(day.year, day.month, day.day)


def date_edit(today: dt.date) -> QDateEdit:
    """A date field in the UI's format (dd-mm-yyyy) with a calendar, set to ``today``."""
    edit = QDateEdit(to_qdate(today))
    edit.setDisplayFormat(texts.QT_DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def picked_date(edit: QDateEdit) -> dt.date:
    """The date chosen in ``edit``, as a Python date."""
    value = edit.date().toPython()
    assert isinstance(value, dt.date)
    return value


def panel_table(model: object, wrapped: Sequence[int]) -> QTableView:
    """A read-only table for one of the panel's tabs.

    The ``wrapped`` columns share the width the others leave and wrap their text, so the
    narrow panel needs no sideways scrolling.
    """
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    configure_table(table)
    table.setWordWrap(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in wrapped:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


class CaseTab(Protocol):
    """A tab another module adds to the panel (``CasePanel.add_tab``): it shows the case too."""

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show ``detail`` (None: nothing selected)."""

    def tab_title(self) -> str:
        """The tab's title now (in the current language, with a count if it has one)."""


class CasePanel(QWidget):
    """Everything about the selected case, and the actions on it."""

    # Case id, event kind, date, and the note to save with it ("" for none).
    register_event_requested = Signal(str, object, object, str)
    note_requested = Signal(str, str)
    # The caseworker asked to withdraw (or correct) an event, edit or delete a note.
    withdraw_requested = Signal(object)
    edit_note_requested = Signal(object)
    delete_note_requested = Signal(object)
    inquiry_requested = Signal(str)
    #: The caseworker asked to see the full CPR number of this case (audited by the core).
    reveal_requested = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: CaseDetail | None = None
        self._today = today
        #: Tabs added by other modules (pauses and exemptions), after the panel's own.
        self._extra_tabs: list[tuple[QWidget, CaseTab]] = []
        self.amber_days = DEFAULT_AMBER_DAYS
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.title = QLabel()
        self.title.setObjectName("case-title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel()
        self.facts.setObjectName("case-facts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_icon = QLabel()
        self.status_text = QLabel()
        self.reveal = CprReveal(lambda: self.case_id, self)
        self.reveal.requested.connect(self.reveal_requested)
        self.reveal.changed.connect(
            lambda: self._show_facts(self._detail) if self._detail is not None else None)
        self.reveal_button, self.reveal_timer = self.reveal.button, self.reveal.timer
        self._build_actions(today)
        self._build_tabs()
        self._lay_out()
        self.retranslate()
        self.show_detail(None)

    # -- construction ---------------------------------------------------------------------

    def _build_actions(self, today: dt.date) -> None:
        self.actions_box = QGroupBox()
        self.event_kind = QComboBox()
        self.event_kind.setObjectName("event-kind")
        self.event_date = date_edit(today)
        self.event_date.setObjectName("event-date")
        self.register_button = QPushButton()
        self.register_button.setObjectName("register-event")
        self.register_button.setAutoDefault(True)
        self.register_button.clicked.connect(self._register_clicked)
        self.notebox = NoteBox(lambda: self.case_id, self)
        self.notebox.requested.connect(self.note_requested)
        self.notebox.edited.connect(self._update_enabled)
        self.note_text, self.note_button = self.notebox.text, self.notebox.button
        self.note_with_event = self.notebox.with_event
        self.inquiry_button = QPushButton()
        self.inquiry_button.setObjectName("new-inquiry-for-case")
        self.inquiry_button.clicked.connect(self._inquiry_clicked)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("withdraw-event")
        self.withdraw_button.clicked.connect(self._withdraw_clicked)
        self.edit_note_button = QPushButton()
        self.edit_note_button.setObjectName("edit-note")
        self.edit_note_button.clicked.connect(self._edit_note_clicked)
        self.delete_note_button = QPushButton()
        self.delete_note_button.setObjectName("delete-note")
        self.delete_note_button.clicked.connect(self._delete_note_clicked)

    def _build_tabs(self) -> None:
        self.milestones = MilestoneTableModel(self)
        self.events = EventTableModel(self)
        self.notes = NoteTableModel(self)
        self.inquiries = InquiryTableModel(self)
        self.milestone_label = QLabel()
        self.milestone_label.setStyleSheet("font-weight: bold;")
        self.tabs = QTabWidget()
        self.milestone_table = panel_table(self.milestones, wrapped=(0,))
        self.event_table = panel_table(self.events, wrapped=(3,))
        self.note_table = panel_table(self.notes, wrapped=(2,))
        self.inquiry_table = panel_table(self.inquiries, wrapped=(InquiryTableModel.CASEWORKER,))
        # The panel shows one case: its name and Sags-ID need not be repeated per inquiry.
        self.inquiry_table.setColumnHidden(InquiryTableModel.CITIZEN, True)
        self.inquiry_table.setColumnHidden(InquiryTableModel.CASE_ID, True)
        # Concurrent changes by two teammates: what was kept and what lost, by whom, when.
        self.conflict_table = QTableWidget(0, 7)
        self.conflict_table.setObjectName("case-conflicts")
        self.conflict_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflict_table.verticalHeader().setVisible(False)
        self.conflict_table.horizontalHeader().setStretchLastSection(True)
        for table in (self.event_table, self.note_table, self.inquiry_table,
                      self.conflict_table):
            self.tabs.addTab(table, "")
        for table in (self.event_table, self.note_table):
            table.selectionModel().currentRowChanged.connect(lambda *_: self._update_enabled())
        self.empty_texts = {
            "milestones": EmptyText(self.milestone_table, lambda: self.tr(
                "No milestones: the rule profile has no deadlines for this case.")),
            "events": EmptyText(self.event_table, lambda: self.tr(
                "No events yet: the export brings them, or register one above.")),
            "notes": EmptyText(self.note_table, lambda: self.tr(
                "No notes yet: write one above.")),
            "inquiries": EmptyText(self.inquiry_table, lambda: self.tr(
                "No inquiries from this citizen.")),
        }
        self.tabs.currentChanged.connect(lambda _index: self._update_enabled())
        self.milestone_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.event_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.note_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.inquiry_table.sortByColumn(InquiryTableModel.LEFT, Qt.SortOrder.AscendingOrder)

    def _lay_out(self) -> None:
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_text)
        status_row.addStretch(1)
        event_row = QHBoxLayout()
        event_row.addWidget(self.event_kind, 2)
        event_row.addWidget(self.event_date, 1)
        event_row.addWidget(self.register_button)
        note_with_row = QHBoxLayout()
        note_with_row.addStretch(1)
        note_with_row.addWidget(self.note_with_event)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_text, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.inquiry_button)
        buttons.addStretch(1)
        note_row.addLayout(buttons)
        actions = QVBoxLayout(self.actions_box)
        actions.addLayout(event_row)
        actions.addLayout(note_with_row)
        actions.addLayout(note_row)
        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.title)
        content.addLayout(status_row)
        content.addWidget(self.facts)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.reveal_button)
        reveal_row.addStretch(1)
        content.addLayout(reveal_row)
        content.addWidget(self.actions_box)
        milestones = QWidget()
        milestone_layout = QVBoxLayout(milestones)
        milestone_layout.setContentsMargins(0, 4, 0, 0)
        milestone_layout.addWidget(self.milestone_label)
        milestone_layout.addWidget(self.milestone_table)
        # Milestones and history both in sight; notes and inquiries one tab away.
        self.details = QSplitter(Qt.Orientation.Vertical)
        self.details.setChildrenCollapsible(False)
        self.details.addWidget(milestones)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.tabs, 1)
        corrections = QHBoxLayout()
        corrections.addStretch(1)
        for button in (self.withdraw_button, self.edit_note_button, self.delete_note_button):
            corrections.addWidget(button)
        history_layout.addLayout(corrections)
        self.details.addWidget(history)
        content.addWidget(self.details, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content, 1)
        chain: list[QWidget] = [self.event_kind, self.event_date, self.register_button,
                                self.note_text, self.note_button, self.inquiry_button,
                                self.milestone_table, self.tabs]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- showing a case -------------------------------------------------------------------

    @property
    def case_id(self) -> str | None:
        """The Sags-ID of the case shown, if any."""
        return self._detail.case_id if self._detail else None

    @property
    def detail(self) -> CaseDetail | None:
        """The case shown, as the core described it."""
        return self._detail

    def add_tab(self, widget: QWidget, tab: CaseTab) -> None:
        """Add a tab that shows the case beside history, notes and inquiries."""
        self._extra_tabs.append((widget, tab))
        self.tabs.addTab(widget, tab.tab_title())
        tab.show_detail(self._detail)

    def set_today(self, today: dt.date) -> None:
        """Date new events today by default."""
        self._today = today
        self.event_date.setDate(to_qdate(today))

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show ``detail`` (None: nothing selected)."""
        keep_date = self._detail is not None and detail is not None \
            and detail.case_id == self._detail.case_id
        if not keep_date:
            self.reveal.forget()
        self._detail = detail
        self.placeholder.setVisible(detail is None)
        self.content.setVisible(detail is not None)
        if detail is None:
            for model in (self.milestones, self.events, self.notes, self.inquiries):
                model.set_rows([])
            for _widget, tab in self._extra_tabs:
                tab.show_detail(None)
            self._show_conflicts(())
            return
        if not keep_date:
            self.event_date.setDate(to_qdate(self._today))
        self.milestones.amber_days = self.amber_days
        self.milestones.set_rows(detail.milestones)
        self.events.set_rows((*detail.events, *detail.withdrawn_events))
        self.notes.set_rows(detail.notes)
        self.inquiries.set_rows(detail.inquiries)
        for _widget, tab in self._extra_tabs:
            tab.show_detail(detail)
        self._show_conflicts(detail.conflicts)
        self._update_titles()
        self._show_facts(detail)
        self._update_enabled()

    def _show_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """One row per conflict: the field, the kept and the lost value with author and time."""
        self.conflict_table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            cells = [f"{conflict.entity_type.value}.{conflict.field}",
                     _shown(conflict.kept.value), conflict.kept.author,
                     texts.format_datetime(conflict.kept.at.astimezone()),
                     _shown(conflict.lost.value), conflict.lost.author,
                     texts.format_datetime(conflict.lost.at.astimezone())]
            for column, text in enumerate(cells):
                self.conflict_table.setItem(row, column, QTableWidgetItem(text))

    def _show_facts(self, detail: CaseDetail) -> None:
        """The heading, the traffic light and the facts line of ``detail``."""
        self.title.setText(f"<span style='font-size: 15pt; font-weight: bold'>"
                           f"{html.escape(detail.name)}</span>")
        status = detail.case.status if detail.case else None
        if status is None:
            self.status_icon.clear()
            self.status_text.setText(texts.fill(self.tr("Closed on %1"),
                                                texts.format_date(detail.closed_on)))
            self.status_text.setStyleSheet("")
        else:
            self.status_icon.setPixmap(status_icon(status).pixmap(18, 18))
            self.status_text.setText(texts.status_name(status, self.amber_days))
            self.status_text.setStyleSheet(
                f"font-weight: bold; color: {status_colour(status).name()};")
        self.facts.setText(self._facts_html(detail))

    def _facts_html(self, detail: CaseDetail) -> str:
        """Sags-ID, CPR, scheme, caseworker, team, start and week, as a small table."""
        week = texts.week_label(detail.case.week) if detail.case else ""
        start = f"{texts.format_date(detail.start)} ({week})" if week else \
            texts.format_date(detail.start)
        team = detail.team or "—"
        facts = [
            (self.tr("Case ID"), detail.case_id),
            (self.tr("CPR"), self.reveal.number or detail.cpr_masked),
            (self.tr("Scheme"), texts.scheme_name(detail.scheme)),
            (self.tr("Caseworker"), detail.caseworker),
            (self.tr("Team"), team),
            (self.tr("Start date"), start),
        ]
        if detail.case and detail.case.next_due:
            due = texts.due_label(detail.case.next_due, detail.case.due_iso_week)
            left = texts.days_left_label(detail.case.days_left)
            facts.append((self.tr("Next deadline"), f"{due}, {left}"))
        cells = "".join(
            f"<tr><td style='padding-right: 12px; color: {muted_text_colour().name()}'>"
            f"{html.escape(label)}</td>"
            f"<td>{html.escape(value)}</td></tr>"
            for label, value in facts)
        return f"<table>{cells}</table>"

    # -- actions --------------------------------------------------------------------------

    def prepare_conversation(self) -> None:
        """Ready the form for a conversation today and focus its button (Ctrl+R, then Enter)."""
        self.event_kind.setCurrentIndex(self.event_kind.findData(EventKind.SAMTALE.value))
        self.event_date.setDate(to_qdate(self._today))
        self.register_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _register_clicked(self) -> None:
        if self._detail is None:
            return
        kind = EventKind(self.event_kind.currentData())
        day = picked_date(self.event_date)
        self.register_event_requested.emit(self._detail.case_id, kind, day,
                                           self.notebox.to_save_with(self._detail.case_id))

    def selected_event(self) -> EventRow | None:
        """The event selected in the history, if any."""
        row = self._selected_row(self.event_table)
        return row if isinstance(row, EventRow) else None

    def selected_note(self) -> NoteRow | None:
        """The note selected in the notes tab, if any."""
        row = self._selected_row(self.note_table)
        return row if isinstance(row, NoteRow) else None

    @staticmethod
    def _selected_row(table: QTableView) -> object:
        index = table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _withdraw_clicked(self) -> None:
        event = self.selected_event()
        if event is not None:
            self.withdraw_requested.emit(event)

    def _edit_note_clicked(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.edit_note_requested.emit(note)

    def _delete_note_clicked(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.delete_note_requested.emit(note)

    def _inquiry_clicked(self) -> None:
        if self._detail is not None:
            self.inquiry_requested.emit(self._detail.case_id)

    def _update_enabled(self) -> None:
        has_case = self._detail is not None
        self.register_button.setEnabled(has_case)
        self.inquiry_button.setEnabled(has_case)
        self.note_button.setEnabled(has_case and bool(self.note_text.toPlainText().strip()))
        unsaved = self.notebox.unsaved
        self.note_with_event.setEnabled(has_case and unsaved is not None
                                        and unsaved[0] == self.case_id)
        event = self.selected_event()
        on_history = self.tabs.currentIndex() == 0
        on_notes = self.tabs.currentIndex() == 1
        self.withdraw_button.setVisible(on_history)
        self.withdraw_button.setEnabled(event is not None and event.source == "local"
                                        and not event.confirmed and not event.withdrawn)
        note = self.selected_note()
        for button in (self.edit_note_button, self.delete_note_button):
            button.setVisible(on_notes)
            button.setEnabled(note is not None)

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.placeholder.setText(self.tr("Select a case in a list to see it here."))
        self.actions_box.setTitle(self.tr("Register"))
        self.register_button.setText(self.tr("Register &event"))
        self.register_button.setToolTip(self.tr("Register the event on the chosen date"
                                                " (Ctrl+R prepares a conversation today)"))
        self.notebox.retranslate()
        self.withdraw_button.setText(self.tr("&Withdraw or correct…"))
        self.withdraw_button.setToolTip(self.tr("Withdraw the selected event registered "
                                                "here, saying why; the team sees it"))
        self.edit_note_button.setText(self.tr("&Edit note…"))
        self.delete_note_button.setText(self.tr("&Delete note"))
        self.inquiry_button.setText(self.tr("New &inquiry…"))
        self.reveal.retranslate()
        self._fill_event_kinds()
        self._update_titles()
        for model in (self.milestones, self.events, self.notes, self.inquiries):
            model.retranslate()
        self.conflict_table.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("Kept value"), self.tr("Kept: by"), self.tr("Kept: when"),
            self.tr("Lost value"), self.tr("Lost: by"), self.tr("Lost: when")])
        if self._detail is not None:
            self._show_facts(self._detail)

    def _update_titles(self) -> None:
        """The headings with how many of each the case has: "Historik (5)"."""
        self.milestone_label.setText(self.tr("Milestones"))
        titles = [self.tr("History (%1)"), self.tr("Notes (%1)"), self.tr("Inquiries (%1)"),
                  self.tr("Conflicts (%1)")]
        counts = (self.events.rowCount(), self.notes.rowCount(), self.inquiries.rowCount(),
                  self.conflict_table.rowCount())
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, texts.fill(title, count))
        for widget, tab in self._extra_tabs:
            self.tabs.setTabText(self.tabs.indexOf(widget), tab.tab_title())

    def _fill_event_kinds(self) -> None:
        """Every event kind, conversation first; the choice survives a language switch."""
        chosen = self.event_kind.currentData() or EventKind.SAMTALE.value
        self.event_kind.clear()
        for kind in EventKind:
            self.event_kind.addItem(texts.event_kind_name(kind), kind.value)
        self.event_kind.setCurrentIndex(max(0, self.event_kind.findData(chosen)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _shown(value: object) -> str:
    """A field value as a cell: empty for none, yes/no words left to the value itself."""
    return "" if value is None else str(value)
