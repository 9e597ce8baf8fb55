"""A write-only sheet that writes the report's common cells as XML text itself.

openpyxl's write-only sheet makes a cell object for every value appended, builds an XML
element for it and serialises that element through ``et_xmlfile``: about 10 µs a cell, which
is nearly all of a big report's writing (the 300,000 cells of a 20,000-case Sager sheet take
3 s that way). ``ReportSheet`` writes the same bytes for the cells a report is made of —
numbers, plain text, and ready cells holding text, a number or a date — as text straight
into the sheet's stream, and hands every other cell (a formula, an error, a bool, an empty
string, a cell with a comment or hyperlink) and every row with a height of its own to
openpyxl's own writer, in its place in the row. The sheet's XML is thus byte for byte what
openpyxl writes (``tests/workbench/reports/test_report_rows.py`` compares them).

This rests on openpyxl's internals (the write-only sheet's row generator, its writer's stream
and ``et_xmlfile``'s write function): openpyxl is pinned to one minor range and
``tests/workbench/reports/test_openpyxl_canary.py`` states each behaviour relied on. With
``lxml`` (openpyxl's other XML writer) the sheet leaves all rows to openpyxl.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Generator, Iterable
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import LXML, Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import Cell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: Column letters for the columns a report has (more are spelled out when met).
_LETTERS: list[str] = [get_column_letter(column) for column in range(1, 64)]
#: Texts openpyxl writes as they are: its string cells hold at most this many characters.
_LONGEST_TEXT = 32_767


def new_sheet(workbook: Workbook, title: str) -> WriteOnlyWorksheet:
    """A ``ReportSheet`` titled ``title``, added to the write-only ``workbook`` at its end.

    As ``workbook.create_sheet(title)`` does for openpyxl's own write-only sheet.
    """
    sheet = ReportSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)  # create_sheet's own step (canaried)
    return sheet


def _text(text: str) -> str:
    """``text`` as the inline string openpyxl writes, preserving outer spaces like it."""
    stripped = text.strip()
    if stripped and stripped != text:
        return f'<is><t xml:space="preserve">{escape(text)}</t></is>'
    return f"<is><t>{escape(text)}</t></is>"


class ReportSheet(WriteOnlyWorksheet):  # type: ignore[misc]  # openpyxl has no type hints
    """openpyxl's write-only sheet, with the report's common cells written as text.

    Rows are appended as to any write-only sheet (``sheet.append``); what lands in the file
    is the same.
    """

    def __init__(self, parent: Workbook, title: str) -> None:
        super().__init__(parent, title)
        #: Each date's serial number as written; None: dates go as ISO text (openpyxl's).
        self._serials: dict[dt.date, str] | None = None if parent.iso_dates else {}
        self._epoch = parent.epoch

    def _write_rows(self) -> Generator[None, Any, None]:
        """Take appended rows and write them, as openpyxl's own ``_write_rows`` does."""
        try:
            xf = self._writer.xf.send(True)
        except StopIteration:
            self._already_saved()
        raw: Callable[[str], object] | None = None if LXML else getattr(xf, "_file", None)
        if not callable(raw):  # not et_xmlfile 2's writer: openpyxl writes every row
            raw = None
        dimensions = self.row_dimensions
        with xf.element("sheetData"):
            row_idx = 1
            try:
                while True:
                    values = yield
                    if raw is None or row_idx in dimensions:
                        self._writer.write_row(xf, self._values_to_row(values, row_idx),
                                               row_idx)
                    else:
                        self._write_row(xf, raw, values, row_idx)
                    row_idx += 1
            except GeneratorExit:
                pass
        self._writer.xf.send(None)

    def _write_row(self, xf: Any, raw: Callable[[str], object], values: Iterable[Any],
                   row_idx: int) -> None:
        """One row: the common cells as text, any other through openpyxl, in column order.

        Written for speed, as it runs for every row of a report: a plain text or a number
        is spelled out in place; printable text needs escaping only for & < > and keeps
        its outer spaces only if it begins or ends with a space.
        """
        values = values if isinstance(values, list | tuple) else list(values)
        letters = _LETTERS if len(values) <= len(_LETTERS) else [
            get_column_letter(column) for column in range(1, len(values) + 1)]
        number = str(row_idx)
        parts = [f'<row r="{number}">']
        for index, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            if (kind is str and 0 < len(value) <= _LONGEST_TEXT and value.isprintable()
                    and value[0] not in "=#"):
                if value[0] == " " or value[-1] == " ":
                    text = _text(value)
                elif "&" in value or "<" in value or ">" in value:
                    text = f"<is><t>{escape(value)}</t></is>"
                else:
                    text = f"<is><t>{value}</t></is>"
                parts.append(f'<c r="{letters[index]}{number}" t="inlineStr">{text}</c>')
                continue
            if kind is int or (kind is float and math.isfinite(value)):
                parts.append(f'<c r="{letters[index]}{number}" t="n"><v>{value:.16g}</v></c>')
                continue
            written = (self._cell(value, letters[index], number) if isinstance(value, Cell)
                       else None)
            if written is None:
                raw("".join(parts))
                parts.clear()
                self._by_openpyxl(xf, value, index + 1, row_idx)
            elif written:
                parts.append(written)
        parts.append("</row>")
        raw("".join(parts))

    def _cell(self, cell: Cell, letter: str, number: str) -> str | None:
        """A ready cell as text; "" for one openpyxl would leave out; None: openpyxl's to write.

        Text, numbers and dates, styled or not; none with a comment or a hyperlink.
        """
        held = cell._value
        if (cell._comment is not None or cell._hyperlink is not None
                or cell.parent is not self):
            return None
        styled = cell.has_style
        if held is None:
            return None if styled else ""
        kind, data_type = type(held), cell.data_type
        if data_type == "s" and kind is str and held:
            content = _text(held)
            data_type = "inlineStr"
        elif data_type == "n" and (kind is int or (kind is float and math.isfinite(held))):
            content = f"<v>{safe_string(held)}</v>"
        elif data_type == "d" and kind is dt.date and self._serials is not None:
            content = f"<v>{self._serial(held)}</v>"
            data_type = "n"
        else:
            return None
        style = f' s="{cell.style_id}"' if styled else ""
        return f'<c r="{letter}{number}"{style} t="{data_type}">{content}</c>'

    def _serial(self, day: dt.date) -> str:
        """A date as the serial number Excel stores, as openpyxl spells it."""
        assert self._serials is not None  # asked only when dates go as serial numbers
        serial = self._serials.get(day)
        if serial is None:
            serial = self._serials[day] = safe_string(to_excel(day, self._epoch))
        return serial

    def _by_openpyxl(self, xf: Any, value: Any, column: int, row_idx: int) -> None:
        """One cell written by openpyxl, exactly as its own write-only row writer would."""
        cell = value if isinstance(value, Cell) else WriteOnlyCell(self)
        if cell is not value:
            cell.value = value
        cell.column, cell.row = column, row_idx
        if cell.hyperlink is not None:
            cell.hyperlink.ref = cell.coordinate
        if cell._comment is not None:
            self._comments.append(CommentRecord.from_cell(cell))
        if cell._value is None and not cell.has_style and not cell._comment:
            return
        write_cell(xf, self, cell, cell.has_style)
