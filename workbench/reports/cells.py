"""Cells for the team lead's workbook: safe text, real dates, and the report's styles.

A citizen's name, a team or a Sags-ID comes from outside. Excel and LibreOffice run a cell
that begins with ``=`` ``+`` ``-`` or ``@`` as a formula once someone edits it or the sheet
goes through CSV, so every such text is written as a text cell (never a formula) with
Excel's quote prefix, which keeps it text when edited. Dates are written as real Excel
dates in the Danish order, so they sort and filter as dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
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


def register_styles(workbook: Workbook) -> dict[str, Any]:
    """Add the report's named styles to ``workbook``; their style arrays by name.

    A cell made with a style array skips openpyxl's lookup by style name, which costs
    several times the cell itself: it matters for the 60,000 dates and statuses of a big
    Sager sheet.
    """
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
    return {style.name: style.as_tuple() for style in styles}


def needs_text_guard(text: str) -> bool:
    """True for text a spreadsheet would take for a formula or an error value."""
    return text.startswith(FORMULA_STARTS) or text in ERROR_CODES


def clean_text(text: str) -> str:
    """``text`` without the control characters an XLSX file cannot hold."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


class CellMaker:
    """Turns the report's values into what one write-only sheet appends."""

    def __init__(self, sheet: Any, styles: Mapping[str, Any]) -> None:
        self._sheet = sheet
        self._styles = styles

    def __call__(self, value: Value) -> Any:
        """The plain value where that is safe, else a cell with its style and type set.

        Text and numbers come first because most cells are: a big sheet calls this for every
        cell.
        """
        if isinstance(value, str):
            text = clean_text(value)
            return self._guarded_text(text, None) if needs_text_guard(text) else text
        if value is None or isinstance(value, int | float):
            return value
        if isinstance(value, dt.date):
            return self._styled(value, DATE)
        if isinstance(value, Styled):
            return self._styled(value.value, value.style)
        if isinstance(value, Formula):
            return self._formula(value)
        return value

    def _cell(self, value: Plain, style: str | None) -> Cell:
        """A cell at A1 (write-only mode places it), in the named ``style`` if any."""
        return Cell(self._sheet, row=1, column=1, value=value,
                    style_array=self._styles[style] if style else None)

    def _styled(self, value: Plain, style: str) -> Cell:
        """A cell holding ``value`` in the named ``style`` (text guarded like any other)."""
        if isinstance(value, str):
            return self._guarded_text(clean_text(value), style)
        return self._cell(value, style)

    def _formula(self, formula: Formula) -> Cell:
        """A cell computing ``formula``; refuses anything that is not one."""
        if not formula.text.startswith("="):
            raise ValueError(f"not a formula: {formula.text!r}")
        return self._cell(formula.text, formula.style)

    def _guarded_text(self, text: str, style: str | None) -> Cell:
        """A cell that holds ``text`` as text, whatever it begins with."""
        cell = self._cell(text, style)
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
