"""The three case lists (overdue, falling due soon, on time) with search and filters.

The core puts every open case in exactly one traffic light; this view puts each light's
cases in its own table, so a caseworker sees at a glance whom to act on first. A heading
over each table names the list in words, with its icon and its count.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.emptytext import EmptyText
from ui.icons import status_colour, status_icon
from ui.models import CaseFilter, CaseFilterProxy, CaseTableModel, Owner
from workbench.engine import DEFAULT_AMBER_DAYS, Status
from workbench.views import CaseRow
from workbench.vocabulary import Scheme

# The lists top to bottom: the most urgent first.
LIST_ORDER = (Status.RED, Status.AMBER, Status.GREEN)
# Lines measured when columns are first sized to their contents.
SIZE_SAMPLE = 60
# The order of the core's caseload (soonest due first): the lists' first sort.
IN_DUE_ORDER = (CaseTableModel.DUE, Qt.SortOrder.AscendingOrder)


def configure_table(table: QTableView) -> None:
    """The table look every list of the workbench shares: whole rows, sortable, compact."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    # Fixed row heights: no per-row bookkeeping when 20,000 rows are filtered or reset.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    header.setHighlightSections(False)


class CaseListSection(QWidget):
    """One traffic light's list: a heading (icon, name, count) over a table."""

    activated = Signal(str)

    def __init__(self, status: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.amber_days = DEFAULT_AMBER_DAYS
        self._quiet = False
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self.model, self)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(status_icon(status).pixmap(20, 20))
        self.title_label = QLabel()
        self.title_label.setStyleSheet(
            f"font-weight: bold; color: {status_colour(status).name()};")
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName(f"cases-{status.value}")
        self.table.setModel(self.proxy)
        configure_table(self.table)
        # The milestone's title takes the room left, so no column is pushed out of sight.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            CaseTableModel.MILESTONE, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(CaseTableModel.DUE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._row_activated)
        # Not rowsInserted/rowsRemoved: a filter change sends one per stretch of lines.
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.empty = EmptyText(self.table, self._empty_text)
        self._lay_out()
        self.retranslate()

    def _empty_text(self) -> str:
        """Why the list is empty: nothing in it, or nothing that passes the filter."""
        if self.model.rowCount():
            return self.tr("No case in this list matches the search or the filter.")
        return self.tr("No open case is in this list today.")

    def _lay_out(self) -> None:
        heading = QHBoxLayout()
        heading.setContentsMargins(2, 4, 2, 0)
        heading.addWidget(self.icon_label)
        heading.addWidget(self.title_label)
        heading.addWidget(self.count_label)
        heading.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(heading)
        layout.addWidget(self.table)

    @property
    def title(self) -> str:
        """The list's name in words ("Overskredet", "Inden for 3 uger", "Rettidig")."""
        return texts.status_name(self.status, self.amber_days)

    @property
    def count(self) -> int:
        """How many cases the list shows with the filters in force."""
        return self.proxy.rowCount()

    def set_rows(self, rows: Sequence[CaseRow], amber_days: int, *,
                 soonest_first: bool = False) -> None:
        """Show ``rows`` (all of this list's status).

        ``soonest_first``: the rows come in the core's order (by due date, then Sags-ID),
        which is the lists' first sort: they need not be sorted again for it.
        """
        self.amber_days = amber_days
        self.model.amber_days = amber_days
        self.model.set_rows(rows, IN_DUE_ORDER if soonest_first else None)
        # The model was reset: only the heading's words are left to set.
        self.title_label.setText(self.title)
        self._update_count()

    def replace_cases(self, case_ids: Collection[str], rows: Sequence[CaseRow]) -> None:
        """Put ``rows`` (this list's) in place of the cases ``case_ids``; keep the scroll."""
        scroll = self.table.verticalScrollBar()
        position = scroll.value()
        # Taking out the current row moves the current index on: that is no choice of the
        # user's, so it is not announced (the lists select the case where it went).
        self._quiet = True
        try:
            self.model.replace_cases(case_ids, rows)
        finally:
            self._quiet = False
        scroll.setValue(position)
        self._update_count()

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Narrow the list."""
        self.proxy.set_case_filter(case_filter)
        self._update_count()

    def select_case(self, case_id: str, *, quiet: bool = False, scroll: bool = True) -> bool:
        """Select and show ``case_id`` if this list has it (and the filter lets it through).

        ``quiet`` keeps a selection across a reload or a filter change without announcing
        it: the case is already the one shown. ``scroll`` False leaves the list where it is.
        """
        line = self.model.row_of_case(case_id)
        if line is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(line, 0))
        if not index.isValid():
            return False
        self._quiet = quiet
        try:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._quiet = False
        if scroll:
            self.table.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        """Drop the selection without telling anyone (another list took it)."""
        blocked = self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().clearSelection()
        self.table.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.selectionModel().blockSignals(blocked)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.title_label.setText(self.title)
        self._update_count()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_count(self) -> None:
        self.count_label.setText(f"— {texts.count_label(self.count)}")

    def _case_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).case_id

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self._case_at(current)
        if case_id is not None and not self._quiet:
            self.activated.emit(case_id)

    def _row_activated(self, index: QModelIndex) -> None:
        case_id = self._case_at(index)
        if case_id is not None:
            self.activated.emit(case_id)


def team_label(team: str, template: str) -> str:
    """A team as the owner filter names it: "Team Nord", but "Team Syd" not "Team Team Syd"."""
    if team.casefold().startswith(("team", "hold")):
        return team
    return texts.fill(template, team)


class CaseListsView(QWidget):
    """Search, scheme and owner filters over the three lists; one selected case at a time."""

    case_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.scheme_filter = QComboBox()
        self.scheme_filter.setObjectName("scheme-filter")
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("owner-filter")
        self.owner_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_label = QLabel()
        self.scheme_label = QLabel()
        self.owner_label = QLabel()
        self.sections = {status: CaseListSection(status) for status in LIST_ORDER}
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for section in self.sections.values():
            self.splitter.addWidget(section)
            section.activated.connect(self._section_activated)
        self._selected: str | None = None
        self._owner_chosen = False
        self._heights_chosen = False
        self.splitter.splitterMoved.connect(self._heights_moved)
        self._people: tuple[list[str], list[str], str, str] = ([], [], "", "")
        self._covers: dict[str, frozenset[str]] = {}
        self._lay_out()
        self.search.textChanged.connect(self._apply_filter)
        self.scheme_filter.currentIndexChanged.connect(self._narrowed)
        self.owner_filter.currentIndexChanged.connect(self._narrowed)
        self.owner_filter.activated.connect(self._owner_activated)
        self.retranslate()

    def _lay_out(self) -> None:
        self.search_label.setBuddy(self.search)
        self.scheme_label.setBuddy(self.scheme_filter)
        self.owner_label.setBuddy(self.owner_filter)
        bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 2)
        bar.addSpacing(12)
        bar.addWidget(self.scheme_label)
        bar.addWidget(self.scheme_filter)
        bar.addSpacing(12)
        bar.addWidget(self.owner_label)
        bar.addWidget(self.owner_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        chain: list[QWidget] = [self.search, self.scheme_filter, self.owner_filter]
        chain += [section.table for section in self.sections.values()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- data -----------------------------------------------------------------------------

    @property
    def selected_case(self) -> str | None:
        """The Sags-ID of the case selected in any list."""
        return self._selected

    def counts(self) -> dict[Status, int]:
        """How many cases each list shows right now."""
        return {status: section.count for status, section in self.sections.items()}

    def set_cases(self, rows: Sequence[CaseRow], amber_days: int, *,
                  soonest_first: bool = False) -> None:
        """Show the caseload: each row goes to the list of the status the core gave it.

        ``soonest_first``: ``rows`` come in the core's order (``Cases.caseload``'s). The
        search keys are made once the lists are drawn, before the user can type.
        """
        by_status: dict[Status, list[CaseRow]] = {status: [] for status in LIST_ORDER}
        for row in rows:
            by_status[row.status].append(row)
        for status, section in self.sections.items():
            section.set_rows(by_status[status], amber_days, soonest_first=soonest_first)
        self._keep_selection()
        self.fit_splitter()
        QTimer.singleShot(0, self, self._prepare_search)

    def _prepare_search(self) -> None:
        for section in self.sections.values():
            section.model.prepare_search()

    def replace_cases(self, case_ids: Collection[str], rows: Sequence[CaseRow],
                      were: Collection[Status] = LIST_ORDER) -> None:
        """Put ``rows`` in place of the cases ``case_ids``, each in its status's list.

        Only those rows change: no list is reset, the other rows, the selection and the
        scroll positions stay (a case that changed list is selected in its new one).
        ``were``: the lists the cases were in before (only they and the new ones are
        looked through).
        """
        by_status: dict[Status, list[CaseRow]] = {status: [] for status in LIST_ORDER}
        for row in rows:
            by_status[row.status].append(row)
        for status, section in self.sections.items():
            if status in were or by_status[status]:
                section.replace_cases(case_ids, by_status[status])
        selected = next((row for row in rows if row.case_id == self._selected), None)
        if selected is not None:
            for status, section in self.sections.items():
                if status is selected.status:
                    section.select_case(selected.case_id, quiet=True, scroll=False)
                else:
                    section.clear_selection()

    def set_people(self, caseworkers: Sequence[str], teams: Sequence[str],
                   my_initials: str, my_team: str) -> None:
        """Offer "mine", "my team's" and each colleague in the owner filter."""
        self._people = (list(caseworkers), list(teams), my_initials, my_team)
        self._fill_owner_filter()

    def set_covers(self, covers: Mapping[str, frozenset[str]]) -> None:
        """Offer "Covering for CD" for each absent colleague I cover today, with their cases."""
        self._covers = dict(covers)
        self._fill_owner_filter()

    def select_case(self, case_id: str, *, quiet: bool = False, scroll: bool = True) -> bool:
        """Select ``case_id`` in whichever list has it; the others lose their selection."""
        self._selected = case_id
        found = False
        for section in self.sections.values():
            if not found and section.select_case(case_id, quiet=quiet, scroll=scroll):
                found = True
            else:
                section.clear_selection()
        return found

    def focus_search(self) -> None:
        """Put the cursor in the search field with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def case_filter(self) -> CaseFilter:
        """The filter the controls describe."""
        scheme = self.scheme_filter.currentData()
        owner = Owner.from_key(self.owner_filter.currentData())
        return CaseFilter(
            text=self.search.text(),
            scheme=Scheme(scheme) if scheme else None,
            caseworker=owner.caseworker,
            team=owner.team,
            case_ids=self._covers.get(owner.cover, frozenset()) if owner.cover else None,
        )

    def _apply_filter(self) -> None:
        case_filter = self.case_filter()
        for section in self.sections.values():
            section.set_filter(case_filter)
        self._keep_selection()

    def _narrowed(self) -> None:
        """Scheme or owner changed: the lists' lengths change for good, so refit them too."""
        self._apply_filter()
        self.fit_splitter()

    def _keep_selection(self) -> None:
        """Select the selected case again after a reload or filter (it may have moved list)."""
        if self._selected is not None:
            self.select_case(self._selected, quiet=True)

    def _section_activated(self, case_id: str) -> None:
        for section in self.sections.values():
            if section is not self.sender():
                section.clear_selection()
        self._selected = case_id
        self.case_selected.emit(case_id)

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Name, CPR or case ID"))
        self.scheme_label.setText(self.tr("Sche&me:"))
        self.owner_label.setText(self.tr("Sho&w:"))
        self._fill_scheme_filter()
        self._fill_owner_filter()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_scheme_filter(self) -> None:
        """All schemes, then each scheme by name; the choice survives a language switch."""
        chosen = self.scheme_filter.currentData()
        blocked = self.scheme_filter.blockSignals(True)
        self.scheme_filter.clear()
        self.scheme_filter.addItem(self.tr("All schemes"), "")
        for scheme in Scheme:
            self.scheme_filter.addItem(texts.scheme_name(scheme), scheme.value)
        self.scheme_filter.setCurrentIndex(max(0, self.scheme_filter.findData(chosen)))
        self.scheme_filter.blockSignals(blocked)

    def _fill_owner_filter(self) -> None:
        """Everyone's, mine, my team's, then each colleague; keep the choice if still offered."""
        caseworkers, teams, my_initials, my_team = self._people
        chosen = self.owner_filter.currentData()
        blocked = self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("All cases"), Owner().key)
        if my_initials:
            mine = Owner(caseworker=my_initials).key
            self.owner_filter.addItem(texts.fill(self.tr("My cases (%1)"), my_initials), mine)
        if my_team:
            self.owner_filter.addItem(
                texts.fill(self.tr("My team (%1)"), my_team), Owner(team=my_team).key)
        for absent in sorted(self._covers):
            self.owner_filter.addItem(texts.fill(self.tr("Covering for %1"), absent),
                                      Owner(cover=absent).key)
        self.owner_filter.insertSeparator(self.owner_filter.count())
        for caseworker in caseworkers:
            if caseworker != my_initials:
                self.owner_filter.addItem(caseworker, Owner(caseworker=caseworker).key)
        for team in teams:
            if team != my_team:
                self.owner_filter.addItem(team_label(team, self.tr("Team %1")),
                                          Owner(team=team).key)
        index = self.owner_filter.findData(chosen) if self._owner_chosen else -1
        self.owner_filter.setCurrentIndex(index if index >= 0 else self._default_owner_index())
        self.owner_filter.blockSignals(blocked)
        self._apply_filter()

    def _owner_activated(self) -> None:
        """The user picked an owner: keep it from now on rather than the default."""
        self._owner_chosen = True

    def _default_owner_index(self) -> int:
        """A caseworker starts on their own cases, once they have said who they are."""
        _, _, my_initials, _ = self._people
        if my_initials:
            return max(0, self.owner_filter.findData(Owner(caseworker=my_initials).key))
        return 0

    def save_state(self, settings: QSettings) -> None:
        """Remember the splitter and each list's column widths and order."""
        settings.setValue("cases/splitter", self.splitter.saveState())
        for status, section in self.sections.items():
            settings.setValue(f"cases/{status.value}/header",
                              section.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> bool:
        """Bring back what ``save_state`` stored; False when nothing was stored yet."""
        restored = False
        splitter = settings.value("cases/splitter")
        if splitter is not None:
            self._heights_chosen = self.splitter.restoreState(splitter)
        for status, section in self.sections.items():
            state = settings.value(f"cases/{status.value}/header")
            if state is not None:
                restored = section.table.horizontalHeader().restoreState(state) or restored
        return restored

    def fit_columns(self) -> None:
        """Size columns and lists to their contents (first start, before the user chose)."""
        for section in self.sections.values():
            header = section.table.horizontalHeader()
            # Measure a sample of lines, not all 20,000 of a large view.
            header.setResizeContentsPrecision(SIZE_SAMPLE)
            section.table.resizeColumnsToContents()
            for column in range(header.count()):
                if column != CaseTableModel.MILESTONE:
                    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                    header.resizeSection(column, header.sectionSize(column) + 12)

    def _heights_moved(self) -> None:
        """The user dragged a splitter handle: their heights win from now on."""
        self._heights_chosen = True

    def fit_splitter(self) -> None:
        """Share the height between the lists by how many cases each shows.

        A short list is not given a third of the screen while a long one scrolls; once the
        user has dragged the handles, their choice stays.
        """
        if self._heights_chosen:
            return
        weights = [min(max(section.count, 2), 14) + 3 for section in self.sections.values()]
        total = max(self.splitter.height(), 300)
        self.splitter.setSizes([total * weight // sum(weights) for weight in weights])
