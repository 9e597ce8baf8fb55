"""Qt item models over the core's row dataclasses, and the proxies that search and filter them.

A ``RowTableModel`` shows a list of frozen rows through a list of ``Column`` specs: each
says how its cell reads, sorts, and what icon, tooltip and colour it has. Every value comes
from the row as the core computed it; the model only words it (see ``ui.texts``).

Sorting is done by the source model with Python's ``list.sort`` on a key, not by the proxy
comparing cells one by one: with 20,000 rows the proxy's ``lessThan`` would cost a Python
call per comparison, and a search keystroke must stay under 100 ms. The proxies therefore
pass ``sort`` on to the source and only filter.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon

from ui import texts
from ui.icons import event_source_icon, status_colour, status_icon
from workbench.calendar import iso_week
from workbench.engine import DEFAULT_AMBER_DAYS, MilestoneState, Status
from workbench.folding import fold
from workbench.views import CaseRow, EventRow, InquiryRow, MilestoneRow, NoteRow
from workbench.vocabulary import Scheme

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex

# The role under which every model hands out the row dataclass itself.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows, sorts and decorates a row."""

    header: Callable[[], str]
    text: Callable[[R], str]
    sort_key: Callable[[R], Any]
    icon: Callable[[R], QIcon | None] | None = None
    tooltip: Callable[[R], str] | None = None
    colour: Callable[[R], QColor | None] | None = None
    bold: Callable[[R], bool] | None = None
    align_right: bool = False


def _nullable(value: Any) -> tuple[bool, Any]:
    """A sort key that puts missing values last instead of failing to compare them."""
    return (value is None, value)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A flat table of immutable rows, one per line, described by ``Column`` specs."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._sorting: tuple[int, Qt.SortOrder] | None = None
        # Counts the resets and sorts, so a proxy knows when its per-line answers are stale.
        self.generation = 0

    # -- the rows -------------------------------------------------------------------------

    @property
    def rows(self) -> list[R]:
        """The rows in their current (sorted) order."""
        return list(self._rows)

    def row_at(self, row: int) -> R:
        """The row dataclass on line ``row``."""
        return self._rows[row]

    def set_rows(self, rows: Sequence[R], in_order: tuple[int, Qt.SortOrder] | None = None,
                 ) -> None:
        """Replace every row, keeping the sort order the user chose.

        ``in_order``: the sort (column, order) ``rows`` come in already, as a stable sort
        by that column's key would put them; they are not sorted again when it is the one
        in force (a large caseload comes from the core soonest due first).
        """
        self.beginResetModel()
        self.generation += 1
        self._rows = list(rows)
        if self._sorting is not None and self._sorting != in_order:
            self._rows = self._sorted(self._rows, *self._sorting)
        self._rows_changed()
        self.endResetModel()

    def _rows_changed(self) -> None:
        """Hook for subclasses that keep something per row (called inside the reset)."""

    def replace_rows(self, row_id: Callable[[R], object], ids: Collection[object],
                     rows: Sequence[R]) -> None:
        """Put ``rows`` in place of the rows whose ``row_id`` is in ``ids``, without a reset.

        A row that keeps its place in the sort order is changed where it is; one that moves
        is taken out and put in at its new place, one without a new row is taken out, and a
        new row is put in where the sort order wants it. Every other row stays the same
        object on its line, and the views keep their selections and scroll positions.
        """
        fresh = {row_id(row): row for row in rows}
        for line in sorted(self._lines_of(row_id, ids), reverse=True):
            new = fresh.pop(row_id(self._rows[line]), None)
            if new is not None and self._place_of(new, without=line) == line:
                self._put(line, new)
                continue
            self.beginRemoveRows(QModelIndex(), line, line)
            self.generation += 1
            del self._rows[line]
            self._removed_extra(line)
            self.endRemoveRows()
            if new is not None:
                fresh[row_id(new)] = new
        for new in fresh.values():
            line = self._place_of(new)
            self.beginInsertRows(QModelIndex(), line, line)
            self.generation += 1
            self._rows.insert(line, new)
            self._inserted_extra(line)
            self.endInsertRows()

    def _lines_of(self, row_id: Callable[[R], object], ids: Collection[object]) -> list[int]:
        """The lines of the rows whose ``row_id`` is in ``ids`` (subclasses may look faster)."""
        return [line for line, row in enumerate(self._rows) if row_id(row) in ids]

    def _put(self, line: int, row: R) -> None:
        """Change the row on ``line`` where it is."""
        self.generation += 1
        self._rows[line] = row
        self._removed_extra(line)
        self._inserted_extra(line)
        self.dataChanged.emit(self.index(line, 0), self.index(line, len(self._columns) - 1))

    def _place_of(self, row: R, without: int | None = None) -> int:
        """The line ``row`` belongs on in the current sort order (after its equals).

        ``without``: as if the row on that line were not there (it is the one replaced).
        """
        rows = self._rows if without is None else self._rows[:without] + self._rows[without + 1:]
        if self._sorting is None:
            return without if without is not None else len(rows)
        column, order = self._sorting
        key = self._columns[column].sort_key
        wanted = key(row)
        descending = order is Qt.SortOrder.DescendingOrder
        low, high = 0, len(rows)
        while low < high:
            middle = (low + high) // 2
            there = key(rows[middle])
            if (there < wanted) if descending else (wanted < there):
                high = middle
            else:
                low = middle + 1
        return low

    def _removed_extra(self, line: int) -> None:
        """Hook for subclasses that keep something per row: the row on ``line`` went."""

    def _inserted_extra(self, line: int) -> None:
        """Hook for subclasses that keep something per row: a row came on ``line``."""

    def retranslate(self) -> None:
        """Tell the views that every text changed, after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of rows; a table has no children below its rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of columns; a table has no children below its rows."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, icon, tooltip, colour, alignment, or the whole row for ROW_ROLE."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        return self._cell(row, column, role)

    def cell(self, line: int, column: int, role: int) -> Any:
        """``data`` of the cell on ``line`` and ``column`` (for a proxy: no index made)."""
        return self._cell(self._rows[line], self._columns[column], role)

    def _cell(self, row: R, column: Column[R], role: int) -> Any:
        """One role of one cell."""
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return column.text(row)
            case Qt.ItemDataRole.DecorationRole:
                return column.icon(row) if column.icon else None
            case Qt.ItemDataRole.ToolTipRole:
                return column.tooltip(row) if column.tooltip else None
            case Qt.ItemDataRole.ForegroundRole:
                return column.colour(row) if column.colour else None
            case Qt.ItemDataRole.FontRole:
                return self._bold_font() if column.bold and column.bold(row) else None
            case Qt.ItemDataRole.TextAlignmentRole:
                horizontal = (Qt.AlignmentFlag.AlignRight if column.align_right
                              else Qt.AlignmentFlag.AlignLeft)
                return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
            case _ if role == ROW_ROLE:
                return row
        return None

    @staticmethod
    def _bold_font() -> QFont:
        """The font of a cell that must stand out."""
        font = QFont()
        font.setBold(True)
        return font

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles, in the current language."""
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section].header()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` with one Python sort, keeping selections on their rows."""
        if not 0 <= column < len(self._columns):
            self._sorting = None
            return
        self._sorting = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.generation += 1
        positions = self._sorted(list(range(len(self._rows))), column, order,
                                 key_of=lambda position: self._rows[position])
        self._reorder(positions)
        self.layoutChanged.emit()

    def _sorted(self, items: list[Any], column: int, order: Qt.SortOrder,
                key_of: Callable[[Any], R] | None = None) -> list[Any]:
        """``items`` sorted by the key of ``column`` (stable, so ties keep their order)."""
        key = self._columns[column].sort_key
        descending = order is Qt.SortOrder.DescendingOrder
        if key_of is None:
            return sorted(items, key=key, reverse=descending)
        return sorted(items, key=lambda item: key(key_of(item)), reverse=descending)

    def _reorder(self, positions: list[int]) -> None:
        """Put old line ``positions[i]`` on line ``i`` and move the persistent indexes along."""
        new_line = {old: new for new, old in enumerate(positions)}
        self._rows = [self._rows[old] for old in positions]
        self._reorder_extra(positions)
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_line[index.row()], index.column()) for index in old_indexes]
        self.changePersistentIndexList(old_indexes, new_indexes)

    def _reorder_extra(self, positions: list[int]) -> None:
        """Hook for subclasses that keep something per row: reorder it like the rows."""


@dataclass(frozen=True)
class LineFilter:
    """Which source lines a proxy shows: all of them at once, or one line at a time.

    ``lines`` answers for the whole source in one Python pass (a reset, a sort, a new
    filter); ``accepts`` for one line a change put in or changed.
    """

    #: The source lines that pass, in ascending order.
    lines: Callable[[], list[int]]
    accepts: Callable[[int], bool]


class RowFilterProxy(QAbstractTableModel):
    """Shows the source lines a ``LineFilter`` passes, in the source's order.

    Not a ``QSortFilterProxyModel``: that one asks a Python ``filterAcceptsRow`` line by
    line (100,000 calls for a keystroke on a large caseload) and builds its mapping in
    several more passes; here a filter is one pass over the source's search keys that
    gives the shown lines, kept as one ascending list (none while nothing is filtered), and
    a source change (a row put in, taken out, changed or a sort) is followed line by line
    so that selections stay on their rows. Sorting is passed on to the source.
    """

    def __init__(self, source: RowTableModel[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._line_filter: LineFilter | None = None
        #: The source line of each line shown; None while every line is shown.
        self._lines: list[int] | None = None
        self._removing: tuple[int, int] | None = None
        self._held: list[tuple[QModelIndex, QPersistentModelIndex]] = []
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.layoutAboutToBeChanged.connect(self._source_layout_to_change)
        source.layoutChanged.connect(self._source_layout_changed)
        source.rowsAboutToBeRemoved.connect(self._source_rows_to_go)
        source.rowsRemoved.connect(self._source_rows_gone)
        source.rowsAboutToBeInserted.connect(self._source_rows_to_come)
        source.rowsInserted.connect(self._source_rows_came)
        source.dataChanged.connect(self._source_data_changed)
        source.headerDataChanged.connect(self.headerDataChanged)

    def sourceModel(self) -> RowTableModel[Any]:  # noqa: N802 - as Qt's proxies name it
        """The model whose lines this one shows."""
        return self._source

    # -- the filter -----------------------------------------------------------------------

    def set_filter(self, line_filter: LineFilter | None) -> None:
        """Show the lines ``line_filter`` passes; None shows every line.

        The view is reset rather than told of each stretch of lines hidden or shown: on a
        large list that costs less than the views' redrawing the whole list once. A filter
        that shows exactly the lines shown already (typing on in a list that has no more
        matches) resets nothing.
        """
        lines = line_filter.lines() if line_filter is not None else None
        self._line_filter = line_filter
        if lines == self._lines:
            return
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def _refilter(self) -> None:
        self._lines = self._line_filter.lines() if self._line_filter is not None else None

    # -- mapping --------------------------------------------------------------------------

    def mapToSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802 - Qt API
        """The source's index of the cell ``index`` shows."""
        if not index.isValid():
            return QModelIndex()
        line = index.row() if self._lines is None else self._lines[index.row()]
        return self._source.index(line, index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:  # noqa: N802 - Qt API
        """Where the source's cell ``source_index`` is shown; invalid if filtered out."""
        if not source_index.isValid():
            return QModelIndex()
        line = self._shown_line(source_index.row())
        return QModelIndex() if line is None else self.index(line, source_index.column())

    def _shown_line(self, source_line: int) -> int | None:
        lines = self._lines
        if lines is None:
            return source_line
        line = bisect.bisect_left(lines, source_line)
        return line if line < len(lines) and lines[line] == source_line else None

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of lines shown; a table has no children below its rows."""
        if parent.isValid():
            return 0
        return self._source.rowCount() if self._lines is None else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """The source's columns; a table has no children below its rows."""
        return 0 if parent.isValid() else self._source.columnCount()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source's answer for the cell shown here (straight, with no index mapped)."""
        if not index.isValid():
            return None
        line = index.row() if self._lines is None else self._lines[index.row()]
        return self._source.cell(line, index.column(), role)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """The source's column titles."""
        if orientation is Qt.Orientation.Horizontal:
            return self._source.headerData(section, orientation, role)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source sort itself (see the module docstring for why)."""
        self._source.sort(column, order)

    # -- following the source -------------------------------------------------------------

    def _source_reset(self) -> None:
        self._refilter()
        self.endResetModel()

    def _source_layout_to_change(self) -> None:
        """The source is about to sort: hold on to the source cell of each persistent index."""
        self.layoutAboutToBeChanged.emit()
        self._held = [(index, QPersistentModelIndex(self.mapToSource(index)))
                      for index in self.persistentIndexList()]

    def _source_layout_changed(self) -> None:
        """The source sorted: filter its new order, and move the persistent indexes along."""
        self._refilter()
        held, self._held = self._held, []
        self.changePersistentIndexList([index for index, _ in held],
                                       [self.mapFromSource(source) for _, source in held])
        self.layoutChanged.emit()

    def _source_rows_to_go(self, _parent: AnyIndex, first: int, last: int) -> None:
        lines = self._lines
        if lines is None:
            self._removing = (first, last + 1)
        else:
            self._removing = (bisect.bisect_left(lines, first), bisect.bisect_right(lines, last))
        start, end = self._removing
        if start < end:
            self.beginRemoveRows(QModelIndex(), start, end - 1)

    def _source_rows_gone(self, _parent: AnyIndex, first: int, last: int) -> None:
        assert self._removing is not None
        (start, end), self._removing = self._removing, None
        lines, count = self._lines, last - first + 1
        if lines is not None:
            lines[start:] = [line - count for line in lines[end:]]
        if start < end:
            self.endRemoveRows()

    def _source_rows_to_come(self, _parent: AnyIndex, first: int, last: int) -> None:
        if self._lines is None:
            self.beginInsertRows(QModelIndex(), first, last)

    def _source_rows_came(self, _parent: AnyIndex, first: int, last: int) -> None:
        lines = self._lines
        if lines is None:
            self.endInsertRows()
            return
        assert self._line_filter is not None
        count = last - first + 1
        start = bisect.bisect_left(lines, first)
        lines[start:] = [line + count for line in lines[start:]]
        passed = [line for line in range(first, last + 1) if self._line_filter.accepts(line)]
        if passed:
            self.beginInsertRows(QModelIndex(), start, start + len(passed) - 1)
            lines[start:start] = passed
            self.endInsertRows()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex,
                             roles: Sequence[int] = ()) -> None:
        """A changed line is shown changed, or comes or goes if it passes the filter no more.

        A change of many lines at once (a language switch) is filtered again as a whole.
        """
        if self._lines is None:
            self.dataChanged.emit(self.index(top.row(), top.column()),
                                  self.index(bottom.row(), bottom.column()), roles)
        elif top.row() == bottom.row():
            self._source_line_changed(top.row(), top.column(), bottom.column(), roles)
        else:
            before = self._lines
            self._refilter()
            if self._lines != before:
                self.beginResetModel()
                self.endResetModel()
            elif self._lines:
                self.dataChanged.emit(self.index(0, top.column()),
                                      self.index(len(self._lines) - 1, bottom.column()), roles)

    def _source_line_changed(self, source_line: int, first: int, last: int,
                             roles: Sequence[int]) -> None:
        lines = self._lines
        assert lines is not None and self._line_filter is not None
        line = bisect.bisect_left(lines, source_line)
        shown = line < len(lines) and lines[line] == source_line
        passes = self._line_filter.accepts(source_line)
        if shown and passes:
            self.dataChanged.emit(self.index(line, first), self.index(line, last), roles)
        elif shown:
            self.beginRemoveRows(QModelIndex(), line, line)
            del lines[line]
            self.endRemoveRows()
        elif passes:
            self.beginInsertRows(QModelIndex(), line, line)
            lines.insert(line, source_line)
            self.endInsertRows()


# -- the case lists ---------------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    """Whose cases to show: everyone's, one caseworker's, or one team's.

    A combo box keeps it as its ``key`` (a plain string compares reliably in Qt).
    """

    caseworker: str | None = None
    team: str | None = None
    #: The absent colleague whose cases I cover today.
    cover: str | None = None

    @property
    def key(self) -> str:
        """"caseworker:AB", "team:Nord", "cover:CD", or "" for everyone."""
        if self.cover is not None:
            return f"cover:{self.cover}"
        if self.caseworker is not None:
            return f"caseworker:{self.caseworker}"
        if self.team is not None:
            return f"team:{self.team}"
        return ""

    @classmethod
    def from_key(cls, key: object) -> Owner:
        """The owner a combo box item's key stands for."""
        kind, _, name = str(key or "").partition(":")
        if kind == "caseworker":
            return cls(caseworker=name)
        if kind == "team":
            return cls(team=name)
        if kind == "cover":
            return cls(cover=name)
        return cls()


@dataclass(frozen=True)
class CaseFilter:
    """What the user narrowed the case lists to: search text, scheme, and whose cases."""

    text: str = ""
    scheme: Scheme | None = None
    caseworker: str | None = None
    team: str | None = None
    #: Only these cases (those I cover for an absent colleague); None: any case.
    case_ids: frozenset[str] | None = None

    def needles(self) -> tuple[str, ...]:
        """The texts a row's search key may contain to match; empty when not searching.

        Only the birth-date half of a CPR number is on screen (the rest is masked), so a
        full CPR number typed in is also looked for by that half. Folded like the keys
        (``workbench.folding``): "ostergaard" finds Østergaard and "Søren" finds Soeren.
        """
        query = fold(self.text.strip())
        if not query:
            return ()
        compact = query.replace("-", "")
        if len(compact) == 10 and compact.isdigit():
            return (query, compact[:6])
        return (query,)

    def narrows(self) -> bool:
        """True when scheme, owner or covered cases narrow the lists (search text aside)."""
        return bool(self.scheme or self.caseworker or self.team or self.case_ids is not None)

    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return not (self.needles() or self.narrows())


def case_search_key(row: CaseRow) -> str:
    """What a search matches: name, Sags-ID and the visible part of the CPR number (folded).

    Name and Sags-ID are folded in one call (a tab between them stays as it is, and no
    spelling folds across it), past ``fold``'s cache: a key is made once per row, and at
    100,000 rows the cache would only be churned.
    """
    birth = row.cpr_masked[:6]
    return f"{_fold_once(row.name + TAB + row.case_id)}\t{row.cpr_masked}\t{birth}"


TAB = "\t"
_fold_once = fold.__wrapped__


class CaseTableModel(RowTableModel[CaseRow]):
    """One of the three case lists: name, CPR, scheme, week, milestone, due date, caseworker."""

    NAME, CPR, SCHEME, WEEK, MILESTONE, DUE, DAYS, CASEWORKER, CASE_ID = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self._case_columns(), parent)
        # The search keys, made when a search first needs them (``prepare_search``).
        self._keys: list[str] | None = None
        self._ids: list[str] = []
        self.amber_days = DEFAULT_AMBER_DAYS

    def _case_columns(self) -> list[Column[CaseRow]]:
        """The columns, in the order of issue 4 (Sags-ID last, as a reference)."""
        return [
            Column(lambda: self.tr("Name"), lambda r: r.name, lambda r: r.name.lower(),
                   icon=lambda r: status_icon(r.status),
                   tooltip=lambda r: texts.status_name(r.status, self.amber_days)),
            Column(lambda: self.tr("CPR"), lambda r: r.cpr_masked, lambda r: r.cpr_masked),
            Column(lambda: self.tr("Scheme"), lambda r: texts.scheme_name(r.scheme),
                   lambda r: texts.scheme_name(r.scheme)),
            Column(lambda: self.tr("Case week"), lambda r: texts.week_label(r.week),
                   lambda r: r.week,
                   align_right=True),
            Column(lambda: self.tr("Next milestone"),
                   lambda r: texts.localized(r.milestone_title_da, r.milestone_title_en),
                   lambda r: _nullable(r.milestone_id),
                   tooltip=lambda r: self._milestone_tooltip(r)),
            Column(lambda: self.tr("Due"), lambda r: texts.due_label(r.next_due, r.due_iso_week),
                   lambda r: _nullable(r.next_due)),
            Column(lambda: self.tr("Days"), lambda r: texts.days_left_label(r.days_left),
                   lambda r: _nullable(r.days_left), colour=lambda r: status_colour(r.status),
                   bold=lambda r: r.status is Status.RED, align_right=True),
            Column(lambda: self.tr("Caseworker"), lambda r: r.caseworker, lambda r: r.caseworker,
                   tooltip=lambda r: r.team or ""),
            Column(lambda: self.tr("Case ID"), lambda r: r.case_id, lambda r: r.case_id),
        ]

    @staticmethod
    def _milestone_tooltip(row: CaseRow) -> str:
        """The whole title (the column may cut it short) and the rule's id."""
        if row.milestone_id is None:
            return ""
        return f"{texts.localized(row.milestone_title_da, row.milestone_title_en)} " \
               f"({row.milestone_id})"

    def _rows_changed(self) -> None:
        """Precompute the search keys, so a keystroke only does substring tests."""
        self._keys = None
        self._ids = [row.case_id for row in self._rows]

    def _reorder_extra(self, positions: list[int]) -> None:
        """Keep the search keys and the case ids beside their rows."""
        if self._keys is not None:
            self._keys = [self._keys[old] for old in positions]
        self._ids = [self._ids[old] for old in positions]

    def _removed_extra(self, line: int) -> None:
        """Drop the search key and the case id of a row taken out."""
        if self._keys is not None:
            del self._keys[line]
        del self._ids[line]

    def _inserted_extra(self, line: int) -> None:
        """Compute the search key of a row put in."""
        if self._keys is not None:
            self._keys.insert(line, case_search_key(self._rows[line]))
        self._ids.insert(line, self._rows[line].case_id)

    def _lines_of(self, row_id: Callable[[CaseRow], object],
                  ids: Collection[object]) -> list[int]:
        """The lines of ``ids``, each found by one scan in C rather than a Python loop."""
        return [line for line in map(self._line_of, ids) if line is not None]

    def _line_of(self, case_id: object) -> int | None:
        try:
            return self._ids.index(case_id)  # type: ignore[arg-type]
        except ValueError:
            return None

    def replace_cases(self, case_ids: Collection[str], rows: Sequence[CaseRow]) -> None:
        """Put ``rows`` (those of this list) in place of the cases ``case_ids``."""
        self.replace_rows(lambda row: row.case_id, case_ids, rows)

    def row_of_case(self, case_id: str) -> int | None:
        """The line showing ``case_id``, if this list has it."""
        return self._line_of(case_id)

    def matches(self, case_filter: CaseFilter) -> list[bool]:
        """Whether each line, in its current order, passes ``case_filter``."""
        shown = set(self.matching_lines(case_filter))
        return [line in shown for line in range(len(self._rows))]

    def prepare_search(self) -> None:
        """Make the search keys now (a search's first keystroke would make them)."""
        self._search_keys()

    def _search_keys(self) -> list[str]:
        if self._keys is None:
            self._keys = [case_search_key(row) for row in self._rows]
        return self._keys

    def matching_lines(self, case_filter: CaseFilter) -> list[int]:
        """The lines, in their current order, that pass ``case_filter`` (one pass)."""
        needles = case_filter.needles()
        if len(needles) == 1 and not case_filter.narrows():
            # Plain typing in the search field: one substring test per line, nothing else.
            needle = needles[0]
            return [line for line, key in enumerate(self._search_keys()) if needle in key]
        keys = self._search_keys() if needles else self._ids
        scheme, caseworker, team = case_filter.scheme, case_filter.caseworker, case_filter.team
        case_ids = case_filter.case_ids
        return [line for line, (row, key) in enumerate(zip(self._rows, keys, strict=True))
                if (scheme is None or row.scheme is scheme)
                and (caseworker is None or row.caseworker == caseworker)
                and (team is None or row.team == team)
                and (case_ids is None or row.case_id in case_ids)
                and (not needles or any(needle in key for needle in needles))]

    def _passes(self, case_filter: CaseFilter) -> Callable[[int], bool]:
        """Whether the row on a line passes ``case_filter``."""
        needles = case_filter.needles()
        scheme, caseworker, team = case_filter.scheme, case_filter.caseworker, case_filter.team
        case_ids = case_filter.case_ids
        rows, keys = self._rows, self._search_keys() if needles else self._ids

        def passes(line: int) -> bool:
            row = rows[line]
            return ((not needles or any(needle in keys[line] for needle in needles))
                    and (scheme is None or row.scheme is scheme)
                    and (caseworker is None or row.caseworker == caseworker)
                    and (team is None or row.team == team)
                    and (case_ids is None or row.case_id in case_ids))
        return passes

    def line_filter(self, case_filter: CaseFilter) -> LineFilter:
        """``case_filter`` as a proxy asks it: all lines at once, or one line."""
        return LineFilter(lambda: self.matching_lines(case_filter),
                          lambda line: self._passes(case_filter)(line))


class CaseFilterProxy(RowFilterProxy):
    """A case list as the user narrowed it."""

    def __init__(self, source: CaseTableModel, parent: QObject | None = None) -> None:
        super().__init__(source, parent)
        self._cases = source
        self._filter = CaseFilter()

    @property
    def case_filter(self) -> CaseFilter:
        """The filter in force."""
        return self._filter

    def set_case_filter(self, case_filter: CaseFilter) -> None:
        """Narrow the list to ``case_filter``."""
        self._filter = case_filter
        self.set_filter(None if case_filter.is_empty() else self._cases.line_filter(case_filter))


# -- inquiries --------------------------------------------------------------------------


class InquiryTableModel(RowTableModel[InquiryRow]):
    """Citizens' inquiries with their reply deadlines."""

    CITIZEN, CASE_ID, CHANNEL, RECEIVED, DUE, LEFT, CASEWORKER = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[InquiryRow]] = [
            Column(lambda: self.tr("Citizen"), lambda r: r.citizen_name, lambda r: r.citizen_name,
                   icon=lambda r: status_icon(Status.RED) if r.is_overdue else None),
            Column(lambda: self.tr("Case ID"), lambda r: r.case_id, lambda r: r.case_id),
            Column(lambda: self.tr("Channel"), lambda r: texts.channel_name(r.channel),
                   lambda r: texts.channel_name(r.channel)),
            Column(lambda: self.tr("Received"), lambda r: texts.format_date(r.received),
                   lambda r: r.received),
            Column(lambda: self.tr("Reply by"), lambda r: texts.format_date(r.due),
                   lambda r: r.due),
            Column(lambda: self.tr("Working days"), self._left_text, self._left_key,
                   colour=lambda r: status_colour(Status.RED) if r.is_overdue else None,
                   bold=lambda r: r.is_overdue, align_right=True),
            Column(lambda: self.tr("Caseworker"), lambda r: r.caseworker, lambda r: r.caseworker),
        ]
        super().__init__(columns, parent)

    def _left_text(self, row: InquiryRow) -> str:
        """Working days left for an open inquiry; the reply date for an answered one."""
        if row.answered_on is not None:
            return texts.fill(self.tr("answered %1"), texts.format_date(row.answered_on))
        return texts.working_days_left_label(row.working_days_left)

    @staticmethod
    def _left_key(row: InquiryRow) -> tuple[bool, int]:
        """Open before answered, then the fewest working days left (overdue) first."""
        return (not row.is_open, row.working_days_left)


# -- the case panel's tables ------------------------------------------------------------


def _milestone_status_text(row: MilestoneRow, amber_days: int) -> str:
    """An open milestone's traffic light, or how a closed one ended and (below) when."""
    if row.status is not None:
        return texts.status_name(row.status, amber_days)
    words = texts.milestone_state_name(row.state)
    return f"{words}\n{texts.format_date(row.met_on)}".strip()


def _milestone_order(row: MilestoneRow) -> tuple[bool, int]:
    """Open milestones first, soonest due first; then the met and missed, latest first."""
    if row.state is MilestoneState.OPEN:
        return (False, row.due.toordinal())
    return (True, -row.due.toordinal())


def _milestone_text(row: MilestoneRow) -> str:
    """The milestone's title, and its legal reference (marked if unverified) below."""
    mark = "" if row.verified else f" ({texts.unverified_mark()})"
    return f"{texts.localized(row.title_da, row.title_en)}\n{row.reference}{mark}"


def _milestone_due_text(row: MilestoneRow) -> str:
    """The due date, and a count rule's plan-by date below it."""
    due = texts.due_label(row.due, iso_week(row.due))
    return f"{due}\n{texts.plan_by_label(row.plan_by)}" if row.plan_by else due


class MilestoneTableModel(RowTableModel[MilestoneRow]):
    """Every milestone of one case: title and legal reference, due date, status.

    The reference shares the title's cell (on a second line): the case panel is narrow,
    and a fourth column would push the status out of sight.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[MilestoneRow]] = [
            Column(lambda: self.tr("Milestone and reference"), _milestone_text,
                   lambda r: r.rule_id, tooltip=lambda r: f"{r.rule_id}: {r.reference}"),
            Column(lambda: self.tr("Due"), _milestone_due_text, lambda r: r.due),
            Column(lambda: self.tr("Status"), lambda r: _milestone_status_text(r, self.amber_days),
                   _milestone_order,
                   icon=lambda r: status_icon(r.status) if r.status else None,
                   colour=lambda r: status_colour(r.status) if r.status else None,
                   bold=lambda r: r.state is MilestoneState.OPEN),
        ]
        super().__init__(columns, parent)
        self.amber_days = DEFAULT_AMBER_DAYS


class EventTableModel(RowTableModel[EventRow]):
    """A case's event history; local events are marked apart from the central export's.

    A withdrawn registration stays in the history, struck through, with who withdrew it,
    when and why.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[EventRow]] = [
            Column(lambda: self.tr("Date"), lambda r: texts.format_date(r.date), lambda r: r.date),
            Column(lambda: self.tr("Event"), lambda r: texts.event_kind_name(r.kind),
                   lambda r: texts.event_kind_name(r.kind),
                   bold=lambda r: r.source != "central"),
            Column(lambda: self.tr("Source"),
                   lambda r: texts.event_source_name(r.source, r.confirmed),
                   lambda r: (r.source, r.confirmed), icon=lambda r: event_source_icon(r.source)),
            Column(lambda: self.tr("Registered by"), self._registered_text,
                   lambda r: _nullable(r.registered_at)),
        ]
        super().__init__(columns, parent)

    def _registered_text(self, row: EventRow) -> str:
        """Who registered a local event, and when (or who withdrew it and why)."""
        if row.withdrawn:
            when = row.withdrawn_at.astimezone() if row.withdrawn_at else None
            return texts.fill(self.tr("Withdrawn by %1 %2: %3"), row.withdrawn_by or "",
                              texts.format_datetime(when),
                              row.withdrawn_reason or "")
        if row.registered_by is None:
            return ""
        return f"{row.registered_by} {texts.format_datetime(row.registered_at)}".strip()

    def _cell(self, row: EventRow, column: Column[EventRow], role: int) -> Any:
        """Withdrawn registrations are struck through and greyed, not gone."""
        if row.withdrawn and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if row.withdrawn and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#707070")
        return super()._cell(row, column, role)


class NoteTableModel(RowTableModel[NoteRow]):
    """A case's notes, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[NoteRow]] = [
            Column(lambda: self.tr("Written"), lambda r: texts.format_datetime(r.written_at),
                   lambda r: r.written_at),
            Column(lambda: self.tr("By"), lambda r: r.author, lambda r: r.author),
            Column(lambda: self.tr("Note"), lambda r: r.text.replace("\n", " "), lambda r: r.text,
                   tooltip=lambda r: r.text),
        ]
        super().__init__(columns, parent)
