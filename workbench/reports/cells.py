"""Cells for the team lead's workbook: safe text, real dates, and the report's styles.

A citizen's name, a team or a Sags-ID comes from outside. Excel and LibreOffice run a cell
that begins with ``=`` ``+`` ``-`` or ``@`` as a formula once someone edits it or the sheet
goes through CSV, so every such text is written as a text cell (never a formula) with
Excel's quote prefix, which keeps it text when edited. Dates are written as real Excel
dates in the Danish order, so they sort and filter as dates.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias, cast

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from workbench.cellguard import FORMULA_STARTS, needs_text_guard
from workbench.engine import Status

#: What a report puts in a cell before it is styled.
Plain: TypeAlias = str | int | float | dt.date | None


DATE_FORMAT = "DD-MM-YYYY"
PERCENT_FORMAT = "0.0%"

#: Excel's own good / neutral / bad colours: the status fills people already know.
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.RED: ("FFC7CE", "9C0006"),
    Status.AMBER: ("FFEB9C", "9C5700"),
    Status.GREEN: ("C6EFCE", "006100"),
}
#: The status as the Danish word in the Sager sheet (colour alone would fail the colour-blind).
STATUS_WORDS: dict[Status, str] = {Status.RED: "Rød", Status.AMBER: "Gul", Status.GREEN: "Grøn"}
#: The solid colours of the bar chart's series.
CHART_COLOURS: dict[Status, str] = {
    Status.RED: "C00000",
    Status.AMBER: "FFC000",
    Status.GREEN: "00B050",
}

HEADER = "Rapport overskrift"
TOTAL = "Rapport i alt"
TOTAL_PERCENT = "Rapport i alt procent"
DATE = "Rapport dato"
PERCENT = "Rapport procent"
NOTE = "Rapport note"


def status_style(status: Status) -> str:
    """The name of the cell style that colours a status."""
    return f"Status {STATUS_WORDS[status].lower()}"


@dataclass(frozen=True)
class Styled:
    """A value with the named cell style it is to be written in."""

    value: Plain
    style: str


@dataclass(frozen=True)
class Formula:
    """A formula the report itself writes (never text from the data), e.g. an error share."""

    text: str
    style: str | None = None


Value: TypeAlias = Plain | Styled | Formula


def register_styles(workbook: Workbook) -> dict[str, Any]:
    """Add the report's named styles to ``workbook``; their style arrays by name.

    A cell made with a style array skips openpyxl's lookup by style name, which costs
    several times the cell itself: it matters for the 60,000 dates and statuses of a big
    Sager sheet.
    """
    thin = Side(style="thin", color="808080")
    styles = [
        NamedStyle(HEADER, font=_font(bold=True), border=Border(bottom=thin),
                   fill=PatternFill("solid", fgColor="D9E1F2"),
                   alignment=Alignment(vertical="top", wrap_text=True)),
        NamedStyle(TOTAL, font=_font(bold=True), border=Border(top=thin)),
        NamedStyle(TOTAL_PERCENT, font=_font(bold=True), border=Border(top=thin),
                   number_format=PERCENT_FORMAT),
        NamedStyle(DATE, number_format=DATE_FORMAT),
        NamedStyle(PERCENT, number_format=PERCENT_FORMAT),
        NamedStyle(NOTE, font=_font(italic=True, color="595959"),
                   alignment=Alignment(vertical="top", wrap_text=True)),
    ]
    for status, (fill, font) in STATUS_COLOURS.items():
        styles.append(NamedStyle(status_style(status), font=_font(color=font),
                                 fill=PatternFill("solid", fgColor=fill)))
    for style in styles:
        workbook.add_named_style(style)
    return {style.name: style.as_tuple() for style in styles}


def _font(**looks: Any) -> Font:
    """The workbook's own font (Calibri 11) with ``looks``.

    A style's font must name it, or LibreOffice prints that style's cells in a serif.
    """
    return Font(name="Calibri", size=11, **looks)


def clean_text(text: str) -> str:
    """``text`` without the control characters an XLSX file cannot hold."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


#: The first characters of the texts ``needs_text_guard`` is true for (error values: ``#``).
_GUARDED_FIRST = frozenset(FORMULA_STARTS) | {code[0] for code in ERROR_CODES}
#: The types of the values that go out as they are (text only if it is plain).
_AS_IS_TYPES = frozenset({str, int, float, type(None)})
_first_character = operator.itemgetter(slice(0, 1))


def is_plain_text(text: str) -> bool:
    """True for text that can go out as it is: nothing to drop, nothing to guard.

    Nearly every text of a report is plain, and this answers in two C calls; text that is
    not (a tab, a line break, a leading ``#``) is then cleaned and guarded the long way.
    """
    return text.isprintable() and text[:1] not in _GUARDED_FIRST


def all_as_is(values: Sequence[Value]) -> bool:
    """True if every one of ``values`` goes out as it is: numbers, empty cells, plain text.

    Asked of a whole column at once, with no Python call per value: most columns of a
    big table are such, and their values then need no look one by one.
    """
    kinds = set(map(type, values))
    if not kinds <= _AS_IS_TYPES:
        return False
    texts = cast("Sequence[str]", values) if kinds == {str} else [
        value for value in values if isinstance(value, str)]
    return "".join(texts).isprintable() and _GUARDED_FIRST.isdisjoint(
        map(_first_character, texts))


class CellMaker:
    """Turns the report's values into what one write-only sheet appends.

    A plain value goes out as it is; anything styled becomes a cell. A big Sager sheet has
    60,000 dates and statuses, and making a cell costs more than filling it, so a column
    keeps its cell of each style and gives it each row's value: ``sheet.append`` writes a
    row before it returns, which frees the row's cells for the next. A date column keeps a
    cell for each date it has held instead, as openpyxl is slow to set a date.

    Reusing cells, building them from style arrays and ``_ReportCell`` rest on openpyxl's
    internals: it is pinned to one minor range, and tests/workbench/reports/test_openpyxl_canary.py
    states each behaviour relied on.
    """

    def __init__(self, sheet: Any, styles: Mapping[str, Any]) -> None:
        self._sheet = sheet
        self._styles = styles
        self._reusable: dict[tuple[int, str], Cell] = {}
        self._dates: dict[tuple[int, dt.date], Cell] = {}
        self._by_type: dict[type, Callable[[Any, int | None], Any]] = {
            str: self._text,
            int: _as_is,
            float: _as_is,
            type(None): _as_is,
            dt.date: self._date,
            Styled: self._styled_value,
            Formula: self._formula,
        }

    def row(self, values: Sequence[Value], only: Sequence[int] | None = None) -> list[Any]:
        """What ``sheet.append`` takes for ``values``; append it before making the next row.

        ``only``: the columns whose values may need a cell (see ``all_as_is``); the values
        of the others go out as they are. None: every column's.
        """
        by_type = self._by_type
        other: Callable[[Any, int | None], Any] = self._any
        if only is None:
            return [by_type.get(type(value), other)(value, column)
                    for column, value in enumerate(values)]
        made = list(values)
        for column in only:
            if column < len(made):
                value = made[column]
                made[column] = by_type.get(type(value), other)(value, column)
        return made

    def _any(self, value: Value, column: int | None) -> Any:
        """Whatever ``value`` is, an instance of a subclass too (a datetime, a bool)."""
        if isinstance(value, str):
            return self._text(value, column)
        if value is None or isinstance(value, int | float):
            return value
        if isinstance(value, dt.date):
            return self._date(value, column)
        if isinstance(value, Styled):
            return self._styled_value(value, column)
        if isinstance(value, Formula):
            return self._formula(value, column)
        return value

    def _text(self, text: str, column: int | None) -> Any:
        """The text itself if it is plain, else a cell that holds it cleaned, as text."""
        if is_plain_text(text):
            return text
        cleaned = clean_text(text)
        return self._guarded_text(cleaned, None) if needs_text_guard(cleaned) else cleaned

    def _date(self, day: dt.date, column: int | None) -> Cell:
        """A real date, shown in the Danish order: the column's cell for that date."""
        if column is None:
            return _filled(self._cell(DATE, None), day)
        cell = self._dates.get((column, day))
        if cell is None:
            cell = self._dates[column, day] = _filled(self._cell(DATE, None), day)
        return cell

    def _styled_value(self, value: Styled, column: int | None) -> Cell:
        """The value in its named style; the column's cell as it is if it holds that very value.

        A status is one of three such values, each written thousands of times.
        """
        if column is not None:
            cell = self._reusable.get((column, value.style))
            if cell is not None and cell.value is value.value:
                return cell
        return self._styled(value.value, value.style, column)

    def _styled(self, value: Plain, style: str, column: int | None) -> Cell:
        """A cell holding ``value`` in the named ``style`` (text guarded like any other)."""
        if isinstance(value, str) and not is_plain_text(value):
            return self._guarded_text(clean_text(value), style)
        if isinstance(value, dt.date) and style != DATE:
            column = None  # openpyxl would give the cell a date format: not a shared cell
        return _filled(self._cell(style, column), value)

    def _formula(self, formula: Formula, column: int | None) -> Cell:
        """A cell computing ``formula``; refuses anything that is not one."""
        if not formula.text.startswith("="):
            raise ValueError(f"not a formula: {formula.text!r}")
        cell = self._cell(formula.style, None)
        cell.value = formula.text
        return cell

    def _guarded_text(self, text: str, style: str | None) -> Cell:
        """A new cell that holds ``text`` as text, whatever it begins with."""
        cell = self._cell(style, None)
        cell.value = text
        # openpyxl has already taken "=..." for a formula and "#N/A" for an error: undo that.
        cell.data_type = "s"
        if needs_text_guard(text):
            cell.quotePrefix = True
        return cell

    def _cell(self, style: str | None, column: int | None) -> Cell:
        """The cell of ``column`` in the named ``style``; a new one for no column or style.

        Write-only mode places it; it starts at A1.
        """
        if column is None or style is None:
            return _ReportCell(self._sheet, row=1, column=1,
                               style_array=self._styles[style] if style else None)
        cell = self._reusable.get((column, style))
        if cell is None:
            cell = self._reusable[column, style] = self._cell(style, None)
        return cell


class _ReportCell(Cell):  # type: ignore[misc]  # openpyxl has no type hints
    """An openpyxl cell that is quick to describe.

    ``sheet.append`` tells a ready cell from a plain value by failing to take it as a value,
    and the error it then drops describes the cell with ``repr``: for openpyxl's own cell
    that is the sheet's title and the cell's coordinate, spelled out for each of the 60,000
    styled cells of a big Sager sheet. A cell reused from row to row has no one coordinate
    to show anyway.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "<report cell>"


def _filled(cell: Cell, value: Plain) -> Cell:
    """``cell`` holding ``value``; left as it is if it holds that value already.

    Rows in date order repeat their due dates and statuses, and openpyxl's setter is slow:
    for a date it reads and parses the cell's number format every time.
    """
    held = cell.value
    if type(held) is not type(value) or held != value:
        cell.value = value
    return cell


def _as_is(value: Plain, column: int | None) -> Plain:
    """A number or an empty cell, which openpyxl writes as it is."""
    return value


#: How wide a value of each of these types is shown, whatever the value.
_FIXED_WIDTHS: dict[type, int] = {
    dt.date: len(DATE_FORMAT),
    float: len(PERCENT_FORMAT) + 2,
    type(None): 0,
    Formula: 0,
}


def display_width(value: Value) -> int:
    """How many characters ``value`` takes on screen, for fitting the column to it."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Styled):
        return display_width(value.value)
    fixed = next((width for kind, width in _FIXED_WIDTHS.items() if isinstance(value, kind)),
                 None)
    return len(str(value)) if fixed is None else fixed


def widest(values: Sequence[Value]) -> int:
    """The ``display_width`` of the widest of ``values``, 0 if none.

    A column of text, numbers or dates (styled or not) is measured without a Python call
    per value.
    """
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        return max(map(len, filter(None, cast("Sequence[str | None]", values))), default=0)
    if kinds <= {int, type(None)}:
        return max(map(len, map(str, [value for value in values if value is not None])),
                   default=0)
    if kinds <= _FIXED_WIDTHS.keys():
        return max(_FIXED_WIDTHS[kind] for kind in kinds)
    if kinds == {Styled}:
        return widest([cast(Styled, value).value for value in values])
    return max(map(display_width, values), default=0)
