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
