"""One table per sheet, written in openpyxl's write-only mode.

Write-only mode streams rows to disk as they come, which keeps a 20,000-case report fast
and its memory flat; the price is that a sheet's layout (column widths, the frozen header)
must be known before its first row. So a table is written whole: columns are fitted to
all of the rows first, then the header, the rows, any footer rows and the notes go out.

Every sheet prints ready to hand out: A4 landscape, one page wide, the header row on every
page, gridlines, and a page header and footer with the report's title, whom it covers, its
date, the page number and the confidentiality marking (it holds names, maybe CPR numbers).
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

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
from workbench.reports.rows import new_sheet

#: No column gets wider than this many characters, however long a name is.
MAX_WIDTH = 50
#: Room for the filter button beside a header, and a little air.
PADDING = 3
#: A note spans the table's columns up to this width (in characters) at most.
NOTE_LINE = 200
#: Letters of a note per character of column width: a column's width is counted in digits,
#: and the note's italic letters are narrower on average (measured in LibreOffice's PDF).
NOTE_LETTERS_PER_WIDTH = 1.15
#: Points per line of text in the default font: a wrapped heading or note gets a taller row.
LINE_HEIGHT = 15
#: Rows written between two checks whether the report was cancelled.
CHECKPOINT_ROWS = 2_000
#: What the footer of every printed page says: the report holds personal data.
CONFIDENTIAL = "Fortroligt – indeholder personoplysninger"
#: Margins in inches: narrow at the sides, room for the page header and footer.
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.7, "bottom": 0.7, "header": 0.3, "footer": 0.3}


def _nothing() -> None:
    """A checkpoint that never stops the report."""


@dataclass(frozen=True)
class Heading:
    """What the header of every printed page says, beside the sheet's name."""

    #: The report's title ("Status for teamleder").
    title: str
    #: Whom it covers ("Team Nord", "Alle teams").
    scope: str
    #: The report's date, as Danish text.
    day: str


@dataclass(frozen=True)
class ReportBook:
    """A write-only workbook with the report's named styles registered in it."""

    workbook: Workbook
    #: The style array of each named style, for making styled cells quickly.
    styles: Mapping[str, Any]
    #: The page header of every sheet; None: no page header or footer (tests of a table).
    heading: Heading | None = None
    #: Called every CHECKPOINT_ROWS rows: it raises to stop the report (cancelled).
    checkpoint: Callable[[], None] = _nothing

    @classmethod
    def new(cls, title: str, heading: Heading | None = None,
            checkpoint: Callable[[], None] = _nothing) -> ReportBook:
        """An empty workbook titled ``title``, ready for the report's sheets."""
        workbook = Workbook(write_only=True)
        workbook.properties.title = title
        workbook.properties.creator = "Caseworker Workbench"
        return cls(workbook, register_styles(workbook), heading, checkpoint)


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
    sheet = new_sheet(book.workbook, title)
    to_cell = CellMaker(sheet, book.styles)
    body = [*rows, *footer]
    values_by_column = list(itertools.zip_longest(*body))
    widths = _fitted_widths(columns, values_by_column)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = LINE_HEIGHT * _header_lines(columns, widths)
    sheet.freeze_panes = "A2"
    _print_setup(sheet, book.heading)
    sheet.append(to_cell.row([Styled(column.header, HEADER) for column in columns]))
    may_need_cells = [index for index, values in enumerate(values_by_column)
                      if not all_as_is(values)]
    for first in range(0, len(body), CHECKPOINT_ROWS):
        book.checkpoint()
        for row in body[first:first + CHECKPOINT_ROWS]:
            sheet.append(to_cell.row(row, only=may_need_cells))
    last_row = 1 + len(rows)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(last_row, 2)}"
    end_row = last_row + len(footer)
    if notes:
        sheet.append([])
        _write_notes(sheet, to_cell, notes, widths, end_row + 2)
        end_row += 1 + len(notes)
    return Table(sheet, tuple(columns), last_row, end_row)


def _write_notes(sheet: Any, to_cell: CellMaker, notes: Sequence[str],
                 widths: Sequence[float], first_row: int) -> None:
    """Each note whole in one cell, wrapped across the table's width.

    A note is a paragraph of whole sentences: its cell spans the table's columns (merged,
    up to NOTE_LINE characters) and wraps there, and its row is made tall enough for it, as
    a spreadsheet fits no row height to a merged cell by itself.
    """
    span, characters = _note_span(widths)
    for row, note in enumerate(notes, start=first_row):
        lines = len(textwrap.wrap(note, characters)) or 1
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2
        if span > 1:
            # Write-only sheets write their merged ranges at the end (openpyxl's
            # WriteOnlyWorksheet shares the ordinary sheet's merged_cells).
            sheet.merged_cells.add(f"A{row}:{get_column_letter(span)}{row}")
        sheet.append(to_cell.row([Styled(note, NOTE)]))


def _note_span(widths: Sequence[float]) -> tuple[int, int]:
    """How many columns a note spans, and about how many letters fit on one of its lines.

    The columns from the first up to NOTE_LINE characters of width (the first at least).
    """
    span, total = 0, 0.0
    for width in widths:
        if span and total + width > NOTE_LINE:
            break
        span, total = span + 1, total + width
    return max(span, 1), max(10, int(total * NOTE_LETTERS_PER_WIDTH))


def _header_lines(columns: Sequence[Column], widths: Sequence[float]) -> int:
    """How many lines the tallest heading wraps to in its column."""
    return max((len(textwrap.wrap(column.header, max(1, int(width) - PADDING)))
                for column, width in zip(columns, widths, strict=True)), default=1)


def _print_setup(sheet: Any, heading: Heading | None) -> None:
    """A4 across, as wide as one page, the header row and gridlines on every page.

    With a ``heading``, each page's header names the report, the sheet, whom it covers and
    the date; its footer marks it confidential and numbers it ("Side 2 af 5").
    """
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins = PageMargins(**MARGINS)
    if heading is None:
        return
    sheet.oddHeader.left.text = f"&B{_literal(heading.title)} – &A"
    sheet.oddHeader.center.text = _literal(heading.scope)
    sheet.oddHeader.right.text = _literal(heading.day)
    sheet.oddFooter.left.text = CONFIDENTIAL
    sheet.oddFooter.right.text = "Side &P af &N"


def _literal(text: str) -> str:
    """``text`` as a page header shows it: an ampersand starts a code there, so it doubles."""
    return text.replace("&", "&&")


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
