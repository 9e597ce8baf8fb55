"""One table per sheet, written in openpyxl's write-only mode.

Write-only mode streams rows to disk as they come, which keeps a 20,000-case report fast
and its memory flat; the price is that a sheet's layout (column widths, the frozen header)
must be known before its first row. So a table is written whole: columns are fitted to
all of the rows first, then the header, the rows, any footer rows and the notes go out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from workbench.reports.cells import HEADER, NOTE, Styled, Value, display_width, to_cell

#: No column gets wider than this many characters, however long a name is.
MAX_WIDTH = 50
#: Room for the filter button beside a header, and a little air.
PADDING = 3


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
    workbook: Workbook,
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
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(_fitted_widths(columns, [*rows, *footer]), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([to_cell(sheet, Styled(column.header, HEADER)) for column in columns])
    for row in [*rows, *footer]:
        sheet.append([to_cell(sheet, value) for value in row])
    last_row = 1 + len(rows)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last_row, 2)}"
    if notes:
        sheet.append([])
        for note in notes:
            sheet.append([to_cell(sheet, Styled(note, NOTE))])
    return Table(sheet, tuple(columns), last_row)


def _fitted_widths(columns: Sequence[Column], rows: Sequence[Sequence[Value]]) -> list[float]:
    """Each column's width: its widest value or the longest word of its heading."""
    widths: list[float] = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        heading = max(len(word) for word in column.header.split())
        content = max((display_width(row[index]) for row in rows if index < len(row)),
                      default=0)
        widths.append(min(max(heading, content) + PADDING, MAX_WIDTH))
    return widths
