"""Turning the cells of one export row into a case or an event, or into a rejection.

Every field is read by the core's own parsers (CPR, scheme, event kind), so the import
accepts exactly what the rest of the workbench accepts. A bad field rejects its row with the
heading as the file writes it and a reason a caseworker can act on. Parsed dates and words
are memoised: an export repeats the same few thousand dates and seven words 10⁵ times.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from workbench.cpr import parse_cpr
from workbench.errors import InputError
from workbench.importing.mapping import (
    CASE_ID,
    CASEWORKER,
    CLOSED,
    CPR,
    DATE,
    EVENT_KIND,
    NAME,
    SCHEME,
    START,
    TEAM,
)
from workbench.importing.reading import Cell, cell_text
from workbench.vocabulary import EventKind, Scheme, parse_event_kind, parse_scheme

T = TypeVar("T")

_DATE_PATTERN = re.compile(
    r"^(?:(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
    r"|(?P<d>\d{1,2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}))$"
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31
DATE_FORMATS = "YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY"


class FieldError(Exception):
    """One field of a row cannot be read: which field (as headed in the file) and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One valid row of a cases table."""

    case_id: str
    cpr: str
    name: str
    scheme: Scheme
    caseworker: str
    team: str | None
    start: dt.date
    closed_on: dt.date | None
    label: str
    line: int


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One valid row of an events table."""

    case_id: str
    date: dt.date
    kind: EventKind
    label: str
    line: int


def parse_date_text(text: str) -> dt.date:
    """A date as the export writes it; ValueError if it is none of the accepted forms."""
    match = _DATE_PATTERN.match(text.strip())
    if match is None:
        raise ValueError(text)
    if match["iso_y"]:
        return dt.date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))


class RowReader:
    """Reads rows of one recognised table; remembers what it parsed before."""

    def __init__(self, header: Sequence[str], columns: dict[str, int], label: str) -> None:
        self._columns = columns
        self._headings = {field: header[index] for field, index in columns.items()}
        self.label = label
        self._dates: dict[str, dt.date] = {}
        self._schemes: dict[str, Scheme] = {}
        self._kinds: dict[str, EventKind] = {}

    def heading(self, field: str) -> str:
        """The field's heading as the file writes it (what a rejection names)."""
        return self._headings.get(field, field)

    def cell(self, cells: Sequence[Cell], field: str) -> Cell:
        """The raw cell of ``field``; empty text when the row is short or lacks the column."""
        index = self._columns.get(field)
        if index is None or index >= len(cells):
            return ""
        return cells[index]

    def text(self, cells: Sequence[Cell], field: str, *, required: bool = True) -> str:
        """A text field, stripped; FieldError if required and empty."""
        value = cell_text(self.cell(cells, field))
        if required and not value:
            raise FieldError(self.heading(field), "is empty")
        return value

    def case_id(self, cells: Sequence[Cell]) -> str:
        """The Sags-ID, which every row needs."""
        return self.text(cells, CASE_ID)

    def cpr(self, cells: Sequence[Cell]) -> str:
        """The CPR number's ten digits (a number cell from Excel gets its leading zero back)."""
        raw = self.cell(cells, CPR)
        text = cell_text(raw)
        if not isinstance(raw, str) and text.isdigit():
            text = text.zfill(10)
        if not text:
            raise FieldError(self.heading(CPR), "is empty")
        try:
            return parse_cpr(text).digits
        except InputError as error:
            raise FieldError(self.heading(CPR), str(error)) from None

    def date(self, cells: Sequence[Cell], field: str) -> dt.date:
        """A required date field."""
        day = self.optional_date(cells, field)
        if day is None:
            raise FieldError(self.heading(field), "is empty")
        return day

    def optional_date(self, cells: Sequence[Cell], field: str) -> dt.date | None:
        """A date: text in one of the accepted forms, or an Excel date cell or serial number."""
        raw = self.cell(cells, field)
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return self._excel_serial(raw, field)
        text = cell_text(raw)
        if not text:
            return None
        return self._memo(self._dates, text, parse_date_text, field,
                          f"is not a date ({DATE_FORMATS}): '{text}'")

    def _excel_serial(self, serial: float, field: str) -> dt.date:
        """An Excel day number (a date cell that lost its date format)."""
        if not 1 <= serial <= _EXCEL_LAST_SERIAL:
            raise FieldError(self.heading(field), f"is not a date: {serial}")
        return _EXCEL_EPOCH + dt.timedelta(days=int(serial))

    def scheme(self, cells: Sequence[Cell]) -> Scheme:
        """The Ordning, through the core's vocabulary."""
        text = self.text(cells, SCHEME)
        return self._memo(self._schemes, text, parse_scheme, SCHEME, None)

    def event_kind(self, cells: Sequence[Cell]) -> EventKind:
        """The Hændelse, through the core's vocabulary."""
        text = self.text(cells, EVENT_KIND)
        return self._memo(self._kinds, text, parse_event_kind, EVENT_KIND, None)

    def _memo(
        self,
        cache: dict[str, T],
        text: str,
        parse: Callable[[str], T],
        field: str,
        reason: str | None,
    ) -> T:
        """``parse(text)`` once per distinct text; a failure becomes a FieldError."""
        value = cache.get(text)
        if value is None:
            try:
                value = parse(text)
            except (ValueError, InputError) as error:
                raise FieldError(self.heading(field), reason or str(error)) from None
            cache[text] = value
        return value

    def case_record(self, line: int, cells: Sequence[Cell]) -> CaseRecord:
        """A cases row as a record; FieldError on the first bad field."""
        # Keyword arguments are evaluated in order: the fields are checked left to right.
        return CaseRecord(
            case_id=self.case_id(cells),
            cpr=self.cpr(cells),
            name=self.text(cells, NAME),
            scheme=self.scheme(cells),
            caseworker=self.text(cells, CASEWORKER),
            team=self.text(cells, TEAM, required=False) or None,
            start=self.date(cells, START),
            closed_on=self.optional_date(cells, CLOSED),
            label=self.label,
            line=line,
        )

    def event_record(self, line: int, cells: Sequence[Cell]) -> EventRecord:
        """An events row as a record; FieldError on the first bad field."""
        case_id = self.case_id(cells)
        day = self.date(cells, DATE)
        return EventRecord(case_id, day, self.event_kind(cells), self.label, line)
