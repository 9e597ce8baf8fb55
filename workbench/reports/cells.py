"""Cells for the team lead's workbook: safe text, real dates, and the report's styles.

A citizen's name, a team or a Sags-ID comes from outside. Excel and LibreOffice run a cell
that begins with ``=`` ``+`` ``-`` or ``@`` as a formula once someone edits it or the sheet
goes through CSV, so every such text is written as a text cell (never a formula) with
Excel's quote prefix, which keeps it text when edited. Dates are written as real Excel
dates in the Danish order, so they sort and filter as dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeAlias

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from workbench.engine import Status

#: What a report puts in a cell before it is styled.
Plain: TypeAlias = str | int | float | dt.date | None

#: Text that a spreadsheet would read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@")

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


def register_styles(workbook: Workbook) -> None:
    """Add the report's named styles to ``workbook`` once, before any cell uses them."""
    thin = Side(style="thin", color="808080")
    styles = [
        NamedStyle(HEADER, font=Font(bold=True), border=Border(bottom=thin),
                   fill=PatternFill("solid", fgColor="D9E1F2"),
                   alignment=Alignment(vertical="top", wrap_text=True)),
        NamedStyle(TOTAL, font=Font(bold=True), border=Border(top=thin)),
        NamedStyle(TOTAL_PERCENT, font=Font(bold=True), border=Border(top=thin),
                   number_format=PERCENT_FORMAT),
        NamedStyle(DATE, number_format=DATE_FORMAT),
        NamedStyle(PERCENT, number_format=PERCENT_FORMAT),
        NamedStyle(NOTE, font=Font(italic=True, color="595959")),
    ]
    for status, (fill, font) in STATUS_COLOURS.items():
        styles.append(NamedStyle(status_style(status), font=Font(color=font),
                                 fill=PatternFill("solid", fgColor=fill)))
    for style in styles:
        workbook.add_named_style(style)


def needs_text_guard(text: str) -> bool:
    """True for text a spreadsheet would take for a formula or an error value."""
    return text.startswith(FORMULA_STARTS) or text in ERROR_CODES


def clean_text(text: str) -> str:
    """``text`` without the control characters an XLSX file cannot hold."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


def to_cell(sheet: Any, value: Value) -> Any:
    """What to append for ``value``: the plain value where that is safe, else a styled cell.

    Text comes first because most cells are text: a big sheet calls this for every cell.
    """
    if isinstance(value, str):
        text = clean_text(value)
        return _guarded_text(sheet, text, None) if needs_text_guard(text) else text
    if isinstance(value, dt.date):
        return _styled_cell(sheet, value, DATE)
    if isinstance(value, Styled):
        return _styled_cell(sheet, value.value, value.style)
    if isinstance(value, Formula):
        return _formula_cell(sheet, value)
    return value


def _styled_cell(sheet: Any, value: Plain, style: str) -> Cell:
    """A cell holding ``value`` in the named ``style`` (text guarded like any other)."""
    if isinstance(value, str):
        return _guarded_text(sheet, clean_text(value), style)
    cell = WriteOnlyCell(sheet, value=value)
    cell.style = style
    return cell


def _formula_cell(sheet: Any, formula: Formula) -> Cell:
    """A cell computing ``formula``; refuses anything that is not one."""
    if not formula.text.startswith("="):
        raise ValueError(f"not a formula: {formula.text!r}")
    cell = WriteOnlyCell(sheet, value=formula.text)
    if formula.style is not None:
        cell.style = formula.style
    return cell


def _guarded_text(sheet: Any, text: str, style: str | None) -> Cell:
    """A cell that holds ``text`` as text, whatever it begins with."""
    cell = WriteOnlyCell(sheet, value=text)
    if style is not None:
        cell.style = style
    # openpyxl has already taken "=..." for a formula and "#N/A" for an error: undo that.
    cell.data_type = "s"
    if needs_text_guard(text):
        cell.quotePrefix = True
    return cell


def display_width(value: Value) -> int:
    """How many characters ``value`` takes on screen, for fitting the column to it."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dt.date):
        return len(DATE_FORMAT)
    if isinstance(value, Styled):
        return display_width(value.value)
    if value is None or isinstance(value, Formula):
        return 0
    if isinstance(value, float):
        return len(PERCENT_FORMAT) + 2
    return len(str(value))
