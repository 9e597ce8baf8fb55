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
from typing import Any, NamedTuple, TypeVar

from workbench.bounds import EARLIEST_DATE, latest_date
from workbench.case import Case
from workbench.cpr import mask_cpr_numbers, parse_cpr
from workbench.errors import InputError
from workbench.importing.mapping import (
    CASE_ID,
    CASEWORKER,
    CLOSED,
    CPR,
    DATE,
    EVENT_KIND,
    NAME,
    NO_WORDS,
    SCHEME,
    START,
    TEAM,
    WordMap,
)
from workbench.importing.reading import Cell, cell_text
from workbench.messages import render
from workbench.vocabulary import EventKind, Scheme, parse_event_kind, parse_scheme

T = TypeVar("T")

_DATE_PATTERN = re.compile(
    r"^(?:(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
    r"|(?P<d>\d{1,2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}))$"
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31
DATE_FORMATS = "YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY"
_FAST_CPR = re.compile(r"(\d{6})-?(\d{4})")
_LEAP_DAY = "2902"


#: The longest text each field may hold: the store's column widths (models.py), checked
#: here so that SQLite, which does not enforce them, and PostgreSQL, which fails the whole
#: import on one, both reject just the row.
MAX_LENGTHS = {CASE_ID: 64, NAME: 200, CASEWORKER: 100, TEAM: 100}
#: How much of a bad cell a rejection quotes.
_QUOTED_LENGTH = 40
def quoted(text: str) -> str:
    """A bad cell as a rejection may quote it: short, and with any CPR number masked."""
    shown = text if len(text) <= _QUOTED_LENGTH else text[:_QUOTED_LENGTH] + "…"
    return mask_cpr_numbers(shown)


class FieldError(Exception):
    """One field of a row cannot be read: which field (as headed in the file) and why.

    The reason is a message key of ``workbench.messages.importing`` with its parameters,
    rendered in the current language.
    """

    def __init__(self, field: str, key: str, **params: object) -> None:
        self.field = field
        self.key = key
        self.params = params
        self.reason = render(key, params)
        super().__init__(self.reason)


class CaseRecord(NamedTuple):
    """One valid row of a cases table: the case it states, and in which file and line.

    A named tuple: 10⁵ of them are made per import.
    """

    case: Case
    label: str
    line: int

    @property
    def case_id(self) -> str:
        """The row's Sags-ID (what a batch keys its records by)."""
        return self.case.case_id


class EventRecord(NamedTuple):
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

    def __init__(self, header: Sequence[str], columns: dict[str, int], label: str,
                 words: WordMap = NO_WORDS, today: dt.date | None = None) -> None:
        self._columns = columns
        #: The mapping files' value tables: a cell's word is translated before it is read.
        self._words = words
        self._parse_scheme = words.reader(SCHEME, parse_scheme)
        self._parse_kind = words.reader(EVENT_KIND, parse_event_kind)
        #: The fast path reads these fields' cells as they are, so a value table for one of
        #: them sends every cases row the checked way.
        self._fast_cases = not words.maps(CASEWORKER, TEAM)
        #: Dates outside these are rejected: before 1900 or over two years after the import.
        self.earliest = EARLIEST_DATE
        self.latest = latest_date(today or dt.date.today())
        self._headings = {field: header[index] for field, index in columns.items()}
        self.label = label
        #: Raw date cells (text, or Excel date and datetime cells) and the dates they are.
        self._dates: dict[object, dt.date] = {}
        self._schemes: dict[str, Scheme] = {}
        self._kinds: dict[str, EventKind] = {}
        #: Day-and-month CPR prefixes (DDMM) already seen in a valid number. Whether a day
        #: exists in its month does not depend on the year, except for 29 February: so a
        #: number with a known DDMM other than 2902 is valid without working out its century.
        self._day_months: set[str] = set()
        self._fast_case_columns = tuple(
            columns.get(field, -1)
            for field in (CASE_ID, CPR, NAME, SCHEME, CASEWORKER, TEAM, START, CLOSED)
        )
        self._fast_event_columns = tuple(columns.get(f, -1) for f in (CASE_ID, DATE, EVENT_KIND))

    def heading(self, field: str) -> str:
        """The field's heading as the file writes it (what a rejection names)."""
        return self._headings.get(field, field)

    def cell(self, cells: Sequence[Cell], field: str) -> Cell:
        """The raw cell of ``field``; empty text when the row is short or lacks the column."""
        index = self._columns.get(field)
        if index is None or index >= len(cells):
            return ""
        return cells[index]

    def text(self, cells: Sequence[Cell], field: str, *, required: bool = True,
             mapped: bool = True) -> str:
        """A text field, stripped, as the value tables map it; FieldError if required and empty."""
        value = cell_text(self.cell(cells, field))
        if required and not value:
            raise FieldError(self.heading(field), "import.row.empty")
        if value and mapped and self._words is not NO_WORDS:
            try:
                value = self._words.translate(field, value)
            except InputError as error:
                raise FieldError(self.heading(field), "import.row.invalid",
                                 problem=mask_cpr_numbers(str(error))) from None
        limit = MAX_LENGTHS.get(field)
        if limit is not None and len(value) > limit:
            raise FieldError(self.heading(field), "import.row.too_long", length=len(value),
                             limit=limit)
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
            raise FieldError(self.heading(CPR), "import.row.empty")
        try:
            digits = parse_cpr(text).digits
        except InputError as error:
            if error.key is None:
                raise FieldError(self.heading(CPR), "import.row.invalid",
                                 problem=mask_cpr_numbers(str(error))) from None
            raise FieldError(self.heading(CPR), error.key, **error.params) from None
        if digits[:4] != _LEAP_DAY:
            self._day_months.add(digits[:4])
        return digits

    def date(self, cells: Sequence[Cell], field: str) -> dt.date:
        """A required date field."""
        day = self.optional_date(cells, field)
        if day is None:
            raise FieldError(self.heading(field), "import.row.empty")
        return day

    def optional_date(self, cells: Sequence[Cell], field: str) -> dt.date | None:
        """A date: text in one of the accepted forms, or an Excel date cell or serial number."""
        raw = self.cell(cells, field)
        if isinstance(raw, dt.date):
            day = self._bounded(raw.date() if isinstance(raw, dt.datetime) else raw, field)
            self._dates[raw] = day
            return day
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return self._bounded(self._excel_serial(raw, field), field)
        text = cell_text(raw)
        if not text:
            return None
        known = self._dates.get(text)
        if known is not None:
            return known
        try:
            parsed = parse_date_text(text)
        except ValueError:
            raise FieldError(self.heading(field), "import.row.not_a_date",
                             formats=DATE_FORMATS, text=quoted(text)) from None
        bounded = self._dates[text] = self._bounded(parsed, field)
        return bounded

    def _bounded(self, day: dt.date, field: str) -> dt.date:
        """``day`` if it lies in 1900 … two years ahead; FieldError otherwise.

        Only a date within bounds is memoised, so the fast paths never see another.
        """
        if not self.earliest <= day <= self.latest:
            raise FieldError(self.heading(field), "import.row.date_out_of_range",
                             date=day.isoformat(), earliest=self.earliest.isoformat(),
                             latest=self.latest.isoformat())
        return day

    def _excel_serial(self, serial: float, field: str) -> dt.date:
        """An Excel day number (a date cell that lost its date format)."""
        if not 1 <= serial <= _EXCEL_LAST_SERIAL:
            raise FieldError(self.heading(field), "import.row.not_an_excel_date",
                             value=quoted(str(serial)))
        return _EXCEL_EPOCH + dt.timedelta(days=int(serial))

    def scheme(self, cells: Sequence[Cell]) -> Scheme:
        """The Ordning, through the core's vocabulary."""
        text = self.text(cells, SCHEME, mapped=False)  # mapped by _parse_scheme, memoised
        return self._memo(self._schemes, text, self._parse_scheme, SCHEME)

    def event_kind(self, cells: Sequence[Cell]) -> EventKind:
        """The Hændelse, through the core's vocabulary."""
        text = self.text(cells, EVENT_KIND, mapped=False)
        return self._memo(self._kinds, text, self._parse_kind, EVENT_KIND)

    def _memo(
        self,
        cache: dict[object, T] | dict[str, T],
        text: str,
        parse: Callable[[str], T],
        field: str,
    ) -> T:
        """``parse(text)`` once per distinct text; a failure becomes a FieldError."""
        value = cache.get(text)
        if value is None:
            try:
                value = parse(text)
            except InputError as error:
                if error.key is not None:
                    params = {name: quoted(value) if isinstance(value, str) else value
                              for name, value in error.params.items()}
                    raise FieldError(self.heading(field), error.key, **params) from None
                raise FieldError(self.heading(field), "import.row.invalid",
                                 problem=mask_cpr_numbers(str(error))) from None
            except ValueError:
                raise FieldError(self.heading(field), "import.row.invalid",
                                 problem=quoted(text)) from None
            cache[text] = value
        return value

    def case_record(self, line: int, cells: Sequence[Cell]) -> CaseRecord:
        """A cases row as a record; FieldError on the first bad field."""
        return self.fast_case(line, cells) or self._checked_case(line, cells)

    def event_record(self, line: int, cells: Sequence[Cell]) -> EventRecord:
        """An events row as a record; FieldError on the first bad field."""
        return self.fast_event(line, cells) or self._checked_event(line, cells)

    def _checked_case(self, line: int, cells: Sequence[Cell]) -> CaseRecord:
        """A cases row read field by field, so that the first bad one is reported."""
        # Keyword arguments are evaluated in order: the fields are checked left to right.
        case = Case(
            case_id=self.case_id(cells),
            cpr=self.cpr(cells),
            name=self.text(cells, NAME),
            scheme=self.scheme(cells),
            caseworker=self.text(cells, CASEWORKER),
            team=self.text(cells, TEAM, required=False) or None,
            start=self.date(cells, START),
            closed_on=self.optional_date(cells, CLOSED),
        )
        return CaseRecord(case, self.label, line)

    def _checked_event(self, line: int, cells: Sequence[Cell]) -> EventRecord:
        """An events row read field by field, so that the first bad one is reported."""
        case_id = self.case_id(cells)
        day = self.date(cells, DATE)
        return EventRecord(case_id, day, self.event_kind(cells), self.label, line)

    # The fast paths take the common row (every cell text, every word and date one seen
    # before) in a few steps. Anything else, good or bad, goes the checked way, which also
    # fills the caches the fast way relies on: so both ways always agree.

    def fast_case(self, line: int, row: Sequence[Cell]) -> CaseRecord | None:
        """The record of an ordinary cases row, or None to have it checked field by field."""
        if not self._fast_cases:
            return None
        i_id, i_cpr, i_name, i_scheme, i_worker, i_team, i_start, i_closed = (
            self._fast_case_columns)
        cells = _untyped(row)
        try:
            case_id = cells[i_id].strip()
            cpr = _FAST_CPR.fullmatch(cells[i_cpr])
            name = cells[i_name].strip()
            caseworker = cells[i_worker].strip()
            team = cells[i_team].strip() if i_team >= 0 else ""
            closed_text = cells[i_closed] if i_closed >= 0 else ""
            scheme = self._schemes.get(cells[i_scheme])
            start = self._dates.get(cells[i_start])
            closed = self._dates.get(closed_text) if closed_text else None
        except (IndexError, AttributeError, TypeError):  # a short row, or a cell that is no text
            return None
        if not (case_id and cpr and name and caseworker and scheme and start) or (
                closed_text and closed is None):
            return None
        if len(case_id) > 64 or len(name) > 200 or len(caseworker) > 100 or len(team) > 100:
            return None  # the checked way says which field is too long
        digits = cpr[1] + cpr[2]
        if digits[:4] not in self._day_months:
            return None
        return CaseRecord(Case(case_id, digits, name, scheme, caseworker, team or None, start,
                               closed), self.label, line)

    def event_lookups(
        self,
    ) -> tuple[int, int, int, dict[object, dt.date], dict[str, EventKind]]:
        """What ``fast_event`` reads a row with, for a loop that does it inline.

        The columns of Sags-ID, date and kind, and the dates and kinds seen before by raw
        cell; a row whose cells are not all found there goes the checked way (``event_record``).
        """
        i_id, i_date, i_kind = self._fast_event_columns
        return i_id, i_date, i_kind, self._dates, self._kinds

    def fast_event(self, line: int, row: Sequence[Cell]) -> EventRecord | None:
        """The record of an ordinary events row, or None to have it checked field by field."""
        i_id, i_date, i_kind = self._fast_event_columns
        cells = _untyped(row)
        try:
            case_id = cells[i_id].strip()
            day = self._dates.get(cells[i_date])
            kind = self._kinds.get(cells[i_kind])
        except (IndexError, AttributeError, TypeError):
            return None
        if not (case_id and day and kind):
            return None
        return EventRecord(case_id, day, kind, self.label, line)


def _untyped(cells: Sequence[Cell]) -> Sequence[Any]:
    """The cells as the fast paths see them (a cell that is no text makes them give up)."""
    return cells
