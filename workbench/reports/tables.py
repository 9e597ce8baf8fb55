"""One table per sheet, written in openpyxl's write-only mode.

Write-only mode streams rows to disk as they come, which keeps a 20,000-case report fast
and its memory flat; the price is that a sheet's layout (column widths, the frozen header)
must be known before its first row. So a table is written whole: columns are fitted to
all of the rows first, then the header, the rows, any footer rows and the notes go out.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from workbench.reports.cells import (
    HEADER,
    NOTE,
    CellMaker,
    Styled,
    Value,
    all_as_is,
    register_styles,
    widest,
)

#: No column gets wider than this many characters, however long a name is.
MAX_WIDTH = 50
#: Room for the filter button beside a header, and a little air.
PADDING = 3
#: Characters per line of a note: long notes are broken into rows of about a table's width.
NOTE_LINE = 110
#: Points per line of text in the default font: a wrapped heading gets a taller row.
LINE_HEIGHT = 15


@dataclass(frozen=True)
class ReportBook:
    """A write-only workbook with the report's named styles registered in it."""

    workbook: Workbook
    #: The style array of each named style, for making styled cells quickly.
    styles: Mapping[str, Any]

    @classmethod
    def new(cls, title: str) -> ReportBook:
        """An empty workbook titled ``title``, ready for the report's sheets."""
        workbook = Workbook(write_only=True)
        workbook.properties.title = title
        workbook.properties.creator = "Caseworker Workbench"
        return cls(workbook, register_styles(workbook))


@dataclass(frozen=True)
class Column:
    """A column of a table: its heading, and a fixed width if fitting would not do."""

    header: str
    width: float | None = None


@dataclass(frozen=True)
class Table:
    """Where a written table landed, for the rules and charts that refer to it."""

    sheet: Any
    columns: tuple[Column, ...]
    #: Rows of data: 2 up to ``last_row`` (the header is row 1).
    last_row: int
    #: The last row written, footer and notes included.
    end_row: int

    def letter(self, header: str) -> str:
        """The column letter of the column headed ``header``."""
        index = next(i for i, column in enumerate(self.columns) if column.header == header)
        letter: str = get_column_letter(index + 1)
        return letter

    def data_range(self, header: str, *, through: int | None = None) -> str:
        """The cells of one column from the first data row to ``through`` (default: last)."""
        letter = self.letter(header)
        return f"{letter}2:{letter}{through or self.last_row}"


def write_table(
    book: ReportBook,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Value]],
    *,
    footer: Sequence[Sequence[Value]] = (),
    notes: Sequence[str] = (),
) -> Table:
    """A sheet with a frozen, filterable header row, fitted columns, rows, footer and notes.

    The filter covers the rows only, so sorting never moves a total row into the data.
    """
    sheet = book.workbook.create_sheet(title)
    to_cell = CellMaker(sheet, book.styles)
    body = [*rows, *footer]
    values_by_column = list(itertools.zip_longest(*body))
    widths = _fitted_widths(columns, values_by_column)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = LINE_HEIGHT * _header_lines(columns, widths)
    sheet.freeze_panes = "A2"
    _print_landscape_one_page_wide(sheet)
    sheet.append(to_cell.row([Styled(column.header, HEADER) for column in columns]))
    may_need_cells = [index for index, values in enumerate(values_by_column)
                      if not all_as_is(values)]
    for row in body:
        sheet.append(to_cell.row(row, only=may_need_cells))
    last_row = 1 + len(rows)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last_row, 2)}"
    end_row = last_row + len(footer)
    if notes:
        lines = [line for note in notes for line in textwrap.wrap(note, NOTE_LINE)]
        sheet.append([])
        for line in lines:
            sheet.append(to_cell.row([Styled(line, NOTE)]))
        end_row += 1 + len(lines)
    return Table(sheet, tuple(columns), last_row, end_row)


def _header_lines(columns: Sequence[Column], widths: Sequence[float]) -> int:
    """How many lines the tallest heading wraps to in its column."""
    return max((len(textwrap.wrap(column.header, max(1, int(width) - PADDING)))
                for column, width in zip(columns, widths, strict=True)), default=1)


def _print_landscape_one_page_wide(sheet: Any) -> None:
    """Print across, as wide as one page, with the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _fitted_widths(columns: Sequence[Column],
                   values_by_column: Sequence[Sequence[Value]]) -> list[float]:
    """Each column's width: its widest value, or enough for its heading in two lines."""
    widths: list[float] = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        heading = max([*(len(word) for word in column.header.split()),
                       math.ceil(len(column.header) / 2)])
        content = widest(values_by_column[index]) if index < len(values_by_column) else 0
        widths.append(min(max(heading, content) + PADDING, MAX_WIDTH))
    return widths
