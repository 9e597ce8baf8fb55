"""Text that a spreadsheet would run as a formula, and how to keep it text.

A citizen's name, a team or a Sags-ID comes from outside. Excel and LibreOffice run a cell
that begins with ``=`` ``+`` ``-`` or ``@`` as a formula (a leading tab or carriage return
is stripped first, so those count too), and take ``#N/A`` and its kind for error values. The
report writes such text as a text cell with Excel's quote prefix; a CSV file, which has no
cell types, gets the quote itself in front (OWASP's advice for CSV injection). One rule for
both, here, with no spreadsheet library to import.
"""

from __future__ import annotations

import re

#: Text that a spreadsheet would read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The error values a spreadsheet reads as errors, not text (openpyxl's ERROR_CODES).
ERROR_VALUES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def needs_text_guard(text: str) -> bool:
    """True for text a spreadsheet would take for a formula or an error value."""
    return text.startswith(FORMULA_STARTS) or text in ERROR_VALUES


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet keeps as text: formula-like text gets a ``'``.

    A plain number ("-3", days overdue) is no formula and stays a number.
    """
    if needs_text_guard(text) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


#: A hyphen where a cell of a comma-separated text starts: after a comma, a line's end, or
#: the quote that opens a quoted cell.
_HYPHEN_STARTING_A_CELL = re.compile(r'-(?<=[,\n"]-)')


def csv_may_need_guard(text: str) -> bool:
    """Whether a cell of ``text`` (written by ``csv.writer`` with commas) may need ``csv_cell``.

    Never False where one does, and so a writer may print its rows unguarded when it is False
    (``workbench status``: 5 ms to scan the 4.7 MB written at 100,000 cases, where picking
    out the free-text cells took 20 ms). Now and then True where none does, which costs
    only writing the rows again, guarded. Every character that starts a formula or an error
    value, save the hyphen, counts wherever it is (one fast scan each); a hyphen, which
    every ISO date holds, only where a cell starts.
    """
    starts = {*FORMULA_STARTS, *(value[0] for value in ERROR_VALUES)}
    if text.startswith(tuple(starts)) or any(start in text for start in starts - {"-"}):
        return True
    return "-" in starts and _HYPHEN_STARTING_A_CELL.search(text) is not None
