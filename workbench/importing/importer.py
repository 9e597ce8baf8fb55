"""The import: bring the store in line with a central export, in one transaction.

The design is for exports of 10⁵ to 10⁶ rows, in memory that does not grow with the rows:
every file is scanned (its encoding, its digest) before the database is touched; then one
transaction reads the files' rows as they come, a chunk at a time, compares each cases row
with a hash of its stored case (only the changed ones are read back and compared field by
field), looks up the stored events of each chunk's cases, and writes with executemany (COPY
on PostgreSQL) chunk by chunk. What it keeps for the whole import are ids and numbers: each
stored case's Sags-ID and hash, each valid row's Sags-ID and line, the rejected rows. A file
whose structure breaks half-way, or a snapshot found truncated once all rows are read, rolls
the transaction back. No query is made per row. What the import guarantees (issue 3):

* cases are upserted by Sags-ID; an owner change is applied like any other change;
* a cases file is a full snapshot: an open case missing from it is closed on the export
  date (its events, notes and inquiries are kept), and a closed case that reappears is
  reopened; a row that was rejected never closes its case;
* a snapshot that would close more than the threshold share of the open cases is refused
  as probably truncated (TruncatedExportError) unless forced;
* events are unique by (case, date, kind): a local event an export contains is marked
  confirmed, not doubled;
* bad rows are rejected with file, line, field and reason, and stored; the rest imports;
* the same files imported again change nothing; an events table an earlier import applied
  with the same rows, none rejected, is not read again (``_ImportRun._applied_before``);
* an import into an empty store marks all its cases at once (``touch_all_new``), not
  collected case by case (no deadline row is written: not evaluated until the first read);
  its events go in without lookups and the events' key index is built after them
  (``_add_all_events``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from sqlalchemy import Connection, String, bindparam, cast, func, select
from sqlalchemy.sql.expression import Executable

from workbench.attributes import normalise_value, replace_central
from workbench.bulk import collector_paused
from workbench.case import Case
from workbench.cpr import Cpr, mask_cpr_numbers
from workbench.errors import NotAnExportError, TruncatedExportError
from workbench.importing.mapping import (
    ATTRIBUTE_FIELDS,
    CASE_ID,
    CPR,
    REQUIRED,
    ColumnMapping,
    RecognisedTable,
    TableKind,
    recognise,
)
from workbench.importing.reading import (
    Cell,
    ExportFile,
    NumberedRow,
    RawTable,
    cell_text,
    read_export_file,
)
from workbench.importing.rows import CaseRecord, EventRecord, FieldError, RowReader, quoted
from workbench.importing.sitemappings import mappings_in_force
from workbench.messages import render
from workbench.store.bulk import CHUNK, BulkInserter, chunks, indexes_deferred, iter_rows
from workbench.store.database import Database
from workbench.store.models import (
    SOURCE_CENTRAL,
    SOURCE_LOCAL,
    cases,
    events,
    imports,
    rejected_rows,
    utc_now,
)
from workbench.store.models import import_files as import_files_table
from workbench.store.touched import touch, touch_all_new
from workbench.views import ImportSummary, RejectedRow

Progress = Callable[[int, int], None]
#: Records an import in the audit log, inside the import's own transaction.
Audit = Callable[[Connection, ImportSummary], None]
#: Sags-IDs per query that reads cases or their events back.
_LOOKUP_CHUNK = 500
#: An event's key: Sags-ID, ISO date, kind (the events' unique columns, the date as text).
EventKey = tuple[str, str, str]
_EVENT_KEY_COLUMNS = (events.c.case_id, cast(events.c.date, String), events.c.kind)
_CASE_INSERT_COLUMNS = ("case_id", "cpr", "name", "scheme", "caseworker", "team", "start",
                        "closed_on")
_EVENT_KEY_NAMES = ("case_id", "date", "kind")
#: The unique index of the events' key (case, date, kind).
_EVENT_KEY_INDEX = "uq_events_case_date_kind"
#: What separates the words of a file: a case id "appears" in a file as one of them.
_WORD_SEPARATORS = re.compile(r"[\s;,\t\"']+")


@dataclass(frozen=True)
class ExportTable:
    """A table of an export file and what its header says it is."""

    file: ExportFile
    raw: RawTable
    recognised: RecognisedTable
    header: tuple[str, ...]
    header_line: int

    def reader(self, today: dt.date | None = None) -> RowReader:
        """A row reader for this table's columns (dates bounded by ``today``)."""
        return RowReader(self.header, self.recognised.columns, self.raw.label,
                         self.recognised.words, today)

    def data_rows(self) -> Iterator[NumberedRow]:
        """The rows below the header; DamagedExportError where a CSV file's structure breaks.

        An unterminated quote, a last line without a line end short of fields, a short row
        that another delimiter splits into a whole row, or a row with more fields than the
        header (lines run together) refuses the file, naming the line.
        """
        if self.raw.checked_rows is None:
            return self.raw.rows(self.header_line)
        return self.raw.checked_rows(self.header_line, self.width,
                                     len(REQUIRED[self.recognised.kind]))

    @property
    def width(self) -> int:
        """How many fields the header has (up to its last heading)."""
        headings = [index for index, text in enumerate(self.header) if text]
        return headings[-1] + 1 if headings else len(self.header)


class CaseRows:
    """The cases rows of an export, checked one by one as they are read from the files.

    Iterating yields each valid first row of a Sags-ID with its case attributes; what the
    import must know besides is kept here, and none of it is a row: the rejections, the
    ids the rejected rows protect, and where each Sags-ID's row is. So memory grows with
    the number of cases by an id and a number each, never by the rows.
    """

    def __init__(self, tables: Sequence[ExportTable], today: dt.date | None = None) -> None:
        #: The cases tables, searched for the ids of cases the snapshot would close.
        self.tables = tables
        self.today = today
        self.has_snapshot = bool(tables)
        self.rejected: list[RejectedRow] = []
        #: Sags-IDs of rejected rows: their cases must not be closed as missing.
        self.protected: set[str] = set()
        #: Each valid Sags-ID's first row: its line times the number of tables plus the
        #: table's index (a number rather than a tuple: 10⁶ of them).
        self.firsts: dict[str, int] = {}
        self.rows_per_table: dict[str, int] = {}
        #: Each table's heading of the CPR column (what a case identity rejection names).
        self.cpr_headings: dict[str, str] = {}

    def __iter__(self) -> Iterator[tuple[CaseRecord, dict[str, str]]]:
        """Each valid first row of a Sags-ID and its attributes, in file order.

        The first row of a Sags-ID wins, later ones are rejected. A rejected row protects
        its case from being closed as missing: its Sags-ID, and any word of the row, since
        a damaged row may hold the id in another column. Attributes map each attribute the
        table has a column for to its value ("" for an empty cell, which clears the
        export's earlier value).
        """
        firsts, tables = self.firsts, len(self.tables)
        for index, table in enumerate(self.tables):
            reader = table.reader(self.today)
            self.cpr_headings[reader.label] = reader.heading(CPR)
            count = 0
            attribute_columns = [(heading, name) for heading, name in ATTRIBUTE_FIELDS.items()
                                 if heading in table.recognised.columns]
            for line, cells in table.data_rows():
                count += 1
                try:
                    record = reader.case_record(line, cells)
                    # Through the value tables, as every field: a word they refuse rejects
                    # the row.
                    attributes = {
                        name: normalise_value(reader.text(cells, heading, required=False))
                        for heading, name in attribute_columns}
                except FieldError as error:
                    self.rejected.append(rejection(reader.label, line, error.field,
                                                   error.reason))
                    case_id = cell_text(reader.cell(cells, CASE_ID))
                    if case_id:
                        self.protected.add(case_id)
                    self.protected.update(_words(cells))
                    continue
                first = firsts.get(record.case_id)
                if first is not None:
                    self.rejected.append(rejection(
                        reader.label, line, reader.heading(CASE_ID),
                        render("import.row.duplicate_case_id", {
                            "case_id": quoted(record.case_id), "line": first // tables,
                            "label": self.tables[first % tables].raw.label}),
                    ))
                    continue
                firsts[record.case_id] = line * tables + index
                yield record, attributes
            self.rows_per_table[table.raw.label] = count


@dataclass
class CaseBatch:
    """The cases rows of an export read whole: valid records and rejections (for tests)."""

    records: dict[str, CaseRecord] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)


class StoredCase(NamedTuple):
    """A case as the store holds it, with dates as ISO text for cheap comparison."""

    cpr: str
    name: str
    scheme: str
    caseworker: str
    team: str | None
    start: str
    closed_on: str | None


@dataclass
class _PendingCases:
    """Rows read and not yet written: new cases, changed ones, the attributes of all."""

    new: list[CaseRecord] = field(default_factory=list)
    changed: list[CaseRecord] = field(default_factory=list)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)


def import_files(
    database: Database,
    paths: Sequence[Path],
    *,
    today: dt.date,
    force: bool = False,
    threshold: float = 0.20,
    progress: Progress | None = None,
    audit: Audit | None = None,
    mappings: Sequence[ColumnMapping] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Import export files; raises NotAnExportError or TruncatedExportError, changing nothing.

    ``audit`` is called with the import's transaction and summary before it commits, so the
    audit entry of an import exists exactly when the import does. ``mappings`` defaults to
    the mapping files in force. A ``dry_run`` does all of it, makes no backup and rolls the
    transaction back: the summary says what the import would do.
    """
    report = progress or _no_progress
    steps = len(paths) + 3
    files = []
    for done, path in enumerate(paths, start=1):
        files.append(read_export_file(Path(path)))
        report(done, steps)
    tables = recognise_tables(files, mappings_in_force().mappings if mappings is None
                              else mappings)
    previous = _previous_result(database, files)
    if previous is not None:
        report(steps, steps)
        return previous
    case_rows = CaseRows([t for t in tables if t.recognised.kind is TableKind.CASES], today)
    report(len(paths) + 1, steps)
    if not dry_run:
        database.backup()
    try:
        # Rows' objects by the million, none in a reference cycle: the cycle collector would
        # walk them again and again (workbench.bulk), a tenth of a 10⁶-case import.
        # Into an empty store, every row is new: the foreign keys are checked once, at the
        # end (Database.transaction), rather than for each of 4·10⁶ events, and nothing is
        # looked up, so a small page cache serves.
        into_empty_store = _store_is_empty(database)
        with collector_paused(), database.transaction(
                write=True, keys_at_commit=into_empty_store) as connection, \
                _page_cache(connection, FRESH_IMPORT_PAGE_CACHE_KIB if into_empty_store
                            else IMPORT_PAGE_CACHE_KIB):
            run = _ImportRun(connection, today, force)
            run.apply_cases(case_rows, threshold)
            report(len(paths) + 2, steps)
            run.apply_events([t for t in tables if t.recognised.kind is TableKind.EVENTS])
            run.touch_changed_cases()
            summary = run.finish(files, tables, case_rows)
            if dry_run:
                raise _RolledBackError(summary)
            if audit is not None:
                audit(connection, summary)
    except _RolledBackError as rolled_back:
        summary = rolled_back.summary
    report(steps, steps)
    return summary


#: SQLite's page cache during an import, in KiB: the events' unique index of a centre's
#: 4·10⁶ events does not fit the default 2 MB, and each chunk's inserts and lookups then
#: read its pages again from the file. Memory for the import stays far below 500 MB.
IMPORT_PAGE_CACHE_KIB = 128 * 1024
#: The page cache of an import into an empty store, in KiB: nothing is looked up there, and
#: the index builds' sorts take as much memory again as the cache holds. At 10⁶ cases with
#: 4·10⁶ events: 128 MiB, a peak of 493 MB and 31 s; 8 MiB, 228 MB and 28-30 s.
FRESH_IMPORT_PAGE_CACHE_KIB = 8 * 1024


@contextlib.contextmanager
def _page_cache(connection: Connection, kib: int) -> Iterator[None]:
    """On SQLite, a page cache of ``kib`` KiB for the import, then the one before."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


class _RolledBackError(Exception):
    """Leaves a dry run's transaction so that it rolls back, carrying what it would do."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("dry run")
        self.summary = summary


def _no_progress(_done: int, _total: int) -> None:
    """The progress callback of a caller that does not want one."""


def recognise_tables(
    files: Iterable[ExportFile], mappings: Sequence[ColumnMapping]
) -> list[ExportTable]:
    """Every table of the files that is a cases or events table; a file without one is refused."""
    found: list[ExportTable] = []
    for export in files:
        tables = [
            table for raw in export.tables
            if (table := _recognise_table(export, raw, mappings)) is not None
        ]
        if not tables:
            _refuse_unrecognised(export)
        found.extend(tables)
    return found


def _recognise_table(
    export: ExportFile, raw: RawTable, mappings: Sequence[ColumnMapping]
) -> ExportTable | None:
    """The table with its header found among its first rows; None if no row is a header."""
    for line, header in raw.leading:
        recognised = recognise(header, mappings)
        if recognised is not None:
            return ExportTable(export, raw, recognised, header, line)
    return None


def _refuse_unrecognised(export: ExportFile) -> NoReturn:
    """NotAnExportError for a file none of whose tables has an export header.

    The message names the file and the header it expected, never what the file holds: a
    header-less export's first row is a citizen's data.
    """
    expected = render("import.expected_tables", describe_expected_fields())
    if not any(table.leading for table in export.tables):
        raise NotAnExportError(str(export.path), "import.no_data", expected=expected)
    if len(export.tables) == 1:
        raise NotAnExportError(str(export.path), "import.no_header", expected=expected)
    sheets = ", ".join(table.label for table in export.tables)
    raise NotAnExportError(str(export.path), "import.no_sheet_header", expected=expected,
                           sheets=mask_cpr_numbers(sheets))


def describe_expected_fields() -> dict[str, str]:
    """The canonical headings of both tables, as the message parameters ``cases``, ``events``."""
    return {"cases": ", ".join(REQUIRED[TableKind.CASES]),
            "events": ", ".join(REQUIRED[TableKind.EVENTS])}


def rejection(label: str, line: int, field: str | None, reason: str) -> RejectedRow:
    """A rejected row as it is stored and shown: CPR numbers masked, within column widths."""
    return RejectedRow(
        mask_cpr_numbers(label)[:300], line,
        None if field is None else mask_cpr_numbers(field)[:100],
        mask_cpr_numbers(reason),
    )


def _copy_memo(memo: dict[Any, Any], copy: dict[object, str], cells: Sequence[Any],
               index: int, value: str) -> None:
    """Copy what ``memo`` (a reader's) holds for ``cells[index]``: ``value`` (as the key has it).

    Only a cell the reader memoised: those are the ones its fast way takes as they are.
    """
    with contextlib.suppress(IndexError, TypeError):  # a short row, or a cell no key
        cell = cells[index]
        if cell in memo:
            copy[cell] = value


def _words(cells: Sequence[Cell]) -> set[str]:
    """Every word of a row: its cells split at delimiters, quotes and white space."""
    found: set[str] = set()
    for cell in cells:
        found.update(_WORD_SEPARATORS.split(cell_text(cell)))
    found.discard("")
    return found


def read_cases(tables: Sequence[ExportTable], today: dt.date | None = None) -> CaseBatch:
    """Every cases row checked, the valid ones kept as records (the import streams them)."""
    rows = CaseRows(tables, today)
    batch = CaseBatch()
    for record, attributes in rows:
        batch.records[record.case_id] = record
        if attributes:
            batch.attributes[record.case_id] = attributes
    batch.rejected = rows.rejected
    return batch


def named_in(tables: Sequence[ExportTable], case_ids: set[str]) -> set[str]:
    """Those of ``case_ids`` that any row of the tables names, in any column, as a word.

    Asked only about the cases a snapshot would close, so an ordinary import never pays for
    it: a case is absent from a snapshot only when no row of the file names it.
    """
    named: set[str] = set()
    for table in tables:
        for _line, cells in table.raw.rows(0):
            for cell in cells:
                text = cell_text(cell)
                if text in case_ids:
                    named.add(text)
                elif text:
                    named.update(case_ids.intersection(_WORD_SEPARATORS.split(text)))
    return named


def _store_is_empty(database: Database) -> bool:
    """Whether the store holds no case (so none of its tables refers to one)."""
    with database.transaction() as connection:
        return connection.execute(select(cases.c.case_id).limit(1)).first() is None


def _previous_result(database: Database, files: Sequence[ExportFile]) -> ImportSummary | None:
    """The last import's result if it had exactly these files (same content): nothing to do."""
    hashes = {export.content_hash for export in files}
    with database.transaction() as connection:
        last = connection.execute(select(func.max(imports.c.id))).scalar()
        if last is None:
            return None
        stored = set(connection.execute(
            select(import_files_table.c.content_hash)
            .where(import_files_table.c.import_id == last)
        ).scalars())
        if stored != hashes:
            return None
        rejected = connection.execute(
            select(rejected_rows.c.file, rejected_rows.c.line, rejected_rows.c.field,
                   rejected_rows.c.reason)
            .where(rejected_rows.c.import_id == last)
            .order_by(rejected_rows.c.id)
        ).all()
    return ImportSummary(
        files=tuple(export.name for export in files),
        rejected=tuple(RejectedRow(*row) for row in rejected),
        unchanged=True,
    )


class _ImportRun:
    """One import inside its transaction: the counts, the rejections and the writes."""

    def __init__(self, connection: Connection, today: dt.date, force: bool) -> None:
        self.connection = connection
        self.bulk = BulkInserter(connection)
        self.today = today
        self.force = force
        self.rejected: list[RejectedRow] = []
        self.counts = dict.fromkeys(
            ("new", "updated", "closed", "reopened", "events_added", "events_confirmed"), 0
        )
        self.events_per_table: dict[str, int] = {}
        #: The stored cases' Sags-IDs and the valid rows' (with a number each): known cases.
        self.stored_ids: dict[str, int] = {}
        self.known_firsts: dict[str, int] = {}
        #: Rows that gave a known case another CPR number (after the other rejections).
        self.identity_rejected: list[RejectedRow] = []
        #: Sags-IDs whose citizen got a new name (same CPR number) in this import.
        self.renamed: list[str] = []
        #: The store held no case when the import began (``touch_all_new``).
        self.fresh = False
        #: Events an import into an empty store inserted twice, then removed.
        self._repeated_events = 0
        self._iso: dict[dt.date, str] = {}
        #: ISO text -> the date as the events' insert takes it (``BulkInserter.date``).
        self._days: dict[str, object] = {}
        self.import_id = self._begin_history()

    def _begin_history(self) -> int:
        """Insert this import's history row now; its counts are filled in at the end."""
        result = self.connection.execute(imports.insert().values(
            imported_at=utc_now(),
            export_date=self.today,
            forced=self.force,
        ))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def iso(self, day: dt.date | None) -> str | None:
        """A date as ISO text, memoised (the store's dates are compared as text)."""
        if day is None:
            return None
        return self._iso.get(day) or self._iso_day(day)

    def _execute(self, statement: Executable, rows: Iterable[dict[str, Any]]) -> None:
        """Executemany ``statement`` over ``rows``, chunk by chunk."""
        for chunk in chunks(rows):
            self.connection.execute(statement, chunk)

    # --- cases ---------------------------------------------------------------------

    def _stored_hashes(self) -> tuple[dict[str, int], set[str]]:
        """Every stored case's hash of its fields by Sags-ID, and the Sags-IDs of the open ones.

        A hash rather than the fields: a row of the export that hashes the same as its
        stored case is unchanged and needs nothing else; the others are compared field by
        field with their stored case read again (``_apply_changed``).
        """
        query = select(
            cases.c.case_id, cases.c.cpr, cases.c.name, cases.c.scheme, cases.c.caseworker,
            cases.c.team, cast(cases.c.start, String), cast(cases.c.closed_on, String),
        )
        hashes: dict[str, int] = {}
        open_ids: set[str] = set()
        for row in iter_rows(self.connection, query):
            case_id = row[0]
            hashes[case_id] = hash(row[1:])
            if row[7] is None:
                open_ids.add(case_id)
        return hashes, open_ids

    def _as_stored(self, record: CaseRecord) -> StoredCase:
        """A record in the store's shape, for comparison."""
        case = record.case
        start = self.iso(case.start)
        assert start is not None
        return StoredCase(case.cpr, case.name, case.scheme.value, case.caseworker,
                          case.team, start, self.iso(case.closed_on))

    def apply_cases(self, rows: CaseRows, threshold: float) -> None:
        """Insert new cases, update changed ones, close the missing, reopen the returning.

        The rows are taken as they are read, CHUNK at a time: a new case is inserted, a case
        whose hash differs from the stored one's is compared and written, an unchanged one
        costs a hash. A row that gives a known Sags-ID another CPR number is rejected: a case
        id belongs to one citizen, so the case and its local work stay as they were. The
        share of open cases the snapshot would close is checked when all rows are read (a
        refusal rolls back what was written).
        """
        stored, open_ids = self._stored_hashes()
        self.stored_ids = stored
        if not stored:
            # Every case will be new: all are marked at once, their rows written at once,
            # and the cases' indexes built once they are all in.
            self.fresh = True
            touch_all_new(self.connection)
        with indexes_deferred(self.connection, cases) if self.fresh else contextlib.nullcontext():
            self._apply_rows(rows, stored)
        self.rejected.extend(rows.rejected)
        self.rejected.extend(self.identity_rejected)
        self.known_firsts = rows.firsts
        missing = self._missing(open_ids, rows) if rows.has_snapshot else []
        open_count = len(open_ids)
        if open_count and len(missing) / open_count > threshold and not self.force:
            raise TruncatedExportError(len(missing), open_count, threshold)
        self._close_missing(missing)
        touch(self.connection, missing)

    def _apply_rows(self, rows: CaseRows, stored: dict[str, int]) -> None:
        """Write the rows: new cases inserted, changed ones compared and written."""
        pending = _PendingCases()
        iso = self.iso
        held = 0  # rows in ``pending``
        for record, attributes in rows:
            case = record.case
            before = stored.get(case.case_id)
            if before is None:
                pending.new.append(record)
                held += 1
            elif before != hash((case.cpr, case.name, case.scheme._value_, case.caseworker,
                                 case.team, iso(case.start), iso(case.closed_on))):
                pending.changed.append(record)
                held += 1
            if attributes:
                pending.attributes[record.case_id] = attributes
                held += 1
            if held >= CHUNK:
                self._write(pending, rows)
                pending, held = _PendingCases(), 0
        self._write(pending, rows)

    def _write(self, pending: _PendingCases, rows: CaseRows) -> None:
        """Insert the new cases, write the changed ones, then the attributes of all."""
        self._insert_cases(pending.new)
        for start in range(0, len(pending.changed), _LOOKUP_CHUNK):
            self._apply_changed(pending.changed[start:start + _LOOKUP_CHUNK], pending, rows)
        if pending.attributes:
            replace_central(self.connection, pending.attributes)

    def _apply_changed(self, records: Sequence[CaseRecord], pending: _PendingCases,
                       rows: CaseRows) -> None:
        """Compare records with their stored cases field by field and write the changes."""
        query = select(
            cases.c.case_id, cases.c.cpr, cases.c.name, cases.c.scheme, cases.c.caseworker,
            cases.c.team, cast(cases.c.start, String), cast(cases.c.closed_on, String),
        ).where(cases.c.case_id.in_([record.case_id for record in records]))
        stored = {row[0]: StoredCase(*row[1:]) for row in self.connection.execute(query)}
        changed: list[tuple[CaseRecord, StoredCase]] = []
        for record in records:
            before = stored[record.case_id]
            if before.cpr != record.case.cpr:
                self._reject_other_citizen(record, before, pending, rows)
            elif (after := self._as_stored(record)) != before:
                changed.append((record, before))
                if after.name != before.name:
                    self.renamed.append(record.case_id)
        self._update_cases(changed)
        touch(self.connection, [record.case_id for record, _ in changed])

    def _reject_other_citizen(self, record: CaseRecord, before: StoredCase,
                              pending: _PendingCases, rows: CaseRows) -> None:
        """Reject a row that gives a known case another citizen's CPR number (both masked).

        Its case attributes are dropped with it: the case stays as it was.
        """
        pending.attributes.pop(record.case_id, None)
        self.identity_rejected.append(rejection(
            record.label, record.line, rows.cpr_headings.get(record.label, CPR),
            render("import.row.cpr_changed", {
                "file": record.label, "row": record.line, "case_id": quoted(record.case_id),
                "stored": Cpr(before.cpr).masked, "given": record.case.cpr_masked,
            }),
        ))

    @staticmethod
    def _missing(open_ids: set[str], rows: CaseRows) -> list[str]:
        """Open cases the snapshot lacks: no row of the cases files names them anywhere.

        The files are read a second time for this only if some open case has no valid row,
        and then only for those cases' ids.
        """
        candidates = open_ids - rows.firsts.keys() - rows.protected
        if candidates:
            candidates -= named_in(rows.tables, candidates)
        return sorted(candidates)

    def _insert_cases(self, records: Sequence[CaseRecord]) -> None:
        """Insert the new cases."""
        date = self.bulk.date
        self.counts["new"] += self.bulk.insert(cases, _CASE_INSERT_COLUMNS, (
            (c.case_id, c.cpr, c.name, c.scheme._value_, c.caseworker, c.team, date(c.start),
             date(c.closed_on))
            for c in (r.case for r in records)
        ))
        touch(self.connection, [record.case_id for record in records])

    def _update_cases(self, changed: Sequence[tuple[CaseRecord, StoredCase]]) -> None:
        """Write the changed cases, counting updates, closures and reopenings apart."""
        for record, before in changed:
            self._count_change(before, self._as_stored(record))
        statement = (
            cases.update()
            .where(cases.c.case_id == bindparam("b_case_id"))
            .values({column: bindparam(f"b_{column}")
                     for column in Case._fields if column != "case_id"})
        )
        self._execute(statement, (
            {f"b_{column}": value for column, value in r.case.store_values().items()}
            for r, _ in changed
        ))

    def _count_change(self, before: StoredCase, after: StoredCase) -> None:
        """Count a changed case as closed, reopened and/or updated (its data or closing date)."""
        if before.closed_on is None and after.closed_on is not None:
            self.counts["closed"] += 1
        elif before.closed_on is not None and after.closed_on is None:
            self.counts["reopened"] += 1
        data_changed = after[:6] != before[:6]
        closing_date_moved = None not in (before.closed_on, after.closed_on)
        if data_changed or closing_date_moved:
            self.counts["updated"] += 1

    def _close_missing(self, missing: Sequence[str]) -> None:
        """Close the cases the snapshot no longer holds, on the export date."""
        self.counts["closed"] += len(missing)
        statement = (
            cases.update()
            .where(cases.c.case_id == bindparam("b_case_id"))
            .values(closed_on=bindparam("b_closed_on"))
        )
        self._execute(statement, (
            {"b_case_id": case_id, "b_closed_on": self.today} for case_id in missing
        ))

    # --- events --------------------------------------------------------------------

    def apply_events(self, tables: Sequence[ExportTable]) -> None:
        """Add the events the store lacks and confirm the local ones the export contains.

        CHUNK rows at a time: the keys of the stored events of the chunk's cases are read
        (the chunks before are stored by then, so a row repeated anywhere in the file is
        found), the chunk's new events inserted. So memory holds a chunk of rows, whatever
        the file's size; only the local events not yet confirmed are known throughout.
        A table an earlier import applied as it is now is not read again (``_applied_before``).
        """
        tables = [table for table in tables if not self._applied_before(table)]
        if not tables:
            return
        if self.fresh:
            self._add_all_events(tables)
            return
        unconfirmed: dict[EventKey, int] = {
            (case_id, day, kind): event_id for case_id, day, kind, event_id in
            self.connection.execute(select(*_EVENT_KEY_COLUMNS, events.c.id).where(
                events.c.source == SOURCE_LOCAL, events.c.confirmed.is_(False)))}
        to_confirm: list[int] = []
        added = 0
        for chunk in chunks(self._event_keys(tables)):
            existing = self._stored_event_keys({key[0] for key in chunk})
            new = []
            for key in chunk:
                if key in existing:
                    if key in unconfirmed:
                        to_confirm.append(unconfirmed.pop(key))
                    continue
                existing.add(key)
                new.append(key)
            added += self._insert_events(new)
        self.counts["events_added"] += added
        self._confirm(to_confirm)

    def _add_all_events(self, tables: Sequence[ExportTable]) -> None:
        """Into an empty store: every valid row inserted, the events' indexes built after.

        No event is stored yet, so none is looked up: the rows go in as they are read, into
        the table without its key's index, which is then built from all rows at once (a sort,
        rather than 4·10⁶ inserts at random places of the unique key's index). A row that
        repeats an earlier row's key (case, date, kind) then breaks the key's index: the
        repeats are removed, the first row of each key kept, as the lookups would have done.
        """
        self._repeated_events = 0
        # The key's index only: the entity index holds no export's event (on SQLite).
        with indexes_deferred(self.connection, events,
                              {_EVENT_KEY_INDEX: self._remove_repeated_events},
                              only=(_EVENT_KEY_INDEX,)):
            added = self._insert_events(self._event_keys(tables))
        self.counts["events_added"] += added - self._repeated_events

    def _remove_repeated_events(self, connection: Connection) -> None:
        """Delete each event that repeats the key of one inserted before it (a lower id)."""
        key = (events.c.case_id, events.c.date, events.c.kind)
        numbered = select(events.c.id, func.row_number().over(
            partition_by=key, order_by=events.c.id).label("n")).subquery()
        result = connection.execute(events.delete().where(
            events.c.id.in_(select(numbered.c.id).where(numbered.c.n > 1))))
        self._repeated_events += result.rowcount

    def _applied_before(self, table: ExportTable) -> bool:
        """Whether an earlier import applied these very rows (the same digest) in full.

        Then each of its rows was added or found, and is stored still: an event from an
        export is never deleted, and a local one the export held was confirmed (withdrawn,
        it turns back into the export's event). So reading it again would change nothing,
        provided that import rejected none of its rows (their case may be known now) and its
        export date is not later than this one's (a row's latest date grows with it). Then
        its row count is taken from that import's history.
        """
        files, history = import_files_table.c, imports.c
        earlier = self.connection.execute(
            select(history.id, history.export_date)
            .select_from(import_files_table.join(imports, history.id == files.import_id))
            .where(files.content_hash == table.file.content_hash,
                   files.content == TableKind.EVENTS.value)
            .order_by(history.id.desc()).limit(1)).first()
        if earlier is None or earlier.export_date > self.today:
            return False
        counts = self.connection.execute(select(files.rows).where(
            files.import_id == earlier.id, files.content_hash == table.file.content_hash,
            files.content == TableKind.EVENTS.value)).scalars().all()
        label = rejection(table.raw.label, 0, None, "").file
        rejected = self.connection.execute(select(func.count()).select_from(rejected_rows).where(
            rejected_rows.c.import_id == earlier.id, rejected_rows.c.file == label)).scalar()
        if len(counts) != 1 or rejected:  # one events table of the file: it is this one
            return False
        self.events_per_table[table.raw.label] = counts[0]
        return True

    def _insert_events(self, keys: Iterable[EventKey]) -> int:
        """Insert events from this import, given their keys (case, ISO date, kind).

        The keys are the rows (on SQLite a date is stored as its ISO text); source, confirmed
        and import are the same in each, given once.
        """
        rows: Iterable[tuple[object, ...]] = keys
        if not self.bulk.dates_as_text:
            days = self._days
            rows = ((case_id, days[day], kind) for case_id, day, kind in keys)
        return self.bulk.insert(events, _EVENT_KEY_NAMES, rows, {
            "source": SOURCE_CENTRAL, "confirmed": self.bulk.flag(False),
            "import_id": self.import_id})

    def _stored_event_keys(self, case_ids: set[str]) -> set[EventKey]:
        """The keys of the stored events of ``case_ids`` (case, ISO date, kind).

        On SQLite straight from the driver: a re-import reads every stored event of its
        cases, and SQLAlchemy's rows would cost more than the query.
        """
        found: set[EventKey] = set()
        ids = list(case_ids)
        if self.connection.dialect.name != "sqlite":
            for start in range(0, len(ids), _LOOKUP_CHUNK):
                found.update((case_id, day, kind) for case_id, day, kind in self.connection.execute(
                    select(*_EVENT_KEY_COLUMNS).where(
                        events.c.case_id.in_(ids[start:start + _LOOKUP_CHUNK]))))
            return found
        # SQLite stores a date as its ISO text: the column is the key's date as it is.
        sql = "SELECT case_id, date, kind FROM events WHERE case_id IN "
        cursor = self.connection.connection.cursor()
        try:
            for start in range(0, len(ids), _LOOKUP_CHUNK):
                part = ids[start:start + _LOOKUP_CHUNK]
                cursor.execute(f"{sql}({', '.join('?' * len(part))})", part)
                found.update(cursor.fetchall())
        finally:
            cursor.close()
        return found

    def _event_keys(self, tables: Sequence[ExportTable]) -> Iterator[EventKey]:
        """Each valid events row's key (case, ISO date, kind), in one tight loop per table.

        A bad row, or one for a case that exists nowhere, becomes a rejection.
        """
        firsts, stored = self.known_firsts, self.stored_ids
        for table in tables:
            reader = table.reader(self.today)
            # The reader's fast way, inline: an ordinary row is three lookups, no record.
            # Its dates and kinds by raw cell, as the key has them: a cell not (yet) there
            # goes the reader's way, which also fills the reader's memos these copy.
            i_id, i_date, i_kind, dates, kinds = reader.event_lookups()
            day_texts: dict[object, str] = {}
            kind_texts: dict[object, str] = {}
            count = 0
            for line, row in table.data_rows():
                count += 1
                cells: Sequence[Any] = row
                try:
                    case_id = cells[i_id].strip()
                    day = day_texts.get(cells[i_date])
                    kind = kind_texts.get(cells[i_kind])
                except (IndexError, AttributeError, TypeError):  # a short row, or no text
                    case_id, day, kind = "", None, None
                if not (case_id and day and kind):
                    record = self._checked_event(reader, line, row)
                    if record is None:
                        continue
                    case_id, day, kind = record[0], self._iso_text(record[1]), record[2].value
                    _copy_memo(dates, day_texts, cells, i_date, day)
                    _copy_memo(kinds, kind_texts, cells, i_kind, kind)
                if case_id not in firsts and case_id not in stored:
                    self._reject_unknown_case(reader, line, case_id)
                    continue
                yield case_id, day, kind
            self.events_per_table[table.raw.label] = count

    def _iso_text(self, day: dt.date) -> str:
        """``iso`` of a date that is there."""
        return self._iso.get(day) or self._iso_day(day)

    def _iso_day(self, day: dt.date) -> str:
        """A date as ISO text, remembered both ways (with the events' insert's value)."""
        text = self._iso[day] = day.isoformat()
        self._days[text] = self.bulk.date(day)
        return text

    def _checked_event(self, reader: RowReader, line: int, cells: Sequence[Cell],
                       ) -> EventRecord | None:
        """An events row read field by field; None (and a rejection) if a field is bad."""
        try:
            return reader.event_record(line, cells)
        except FieldError as error:
            self.rejected.append(rejection(reader.label, line, error.field, error.reason))
            return None

    def _reject_unknown_case(self, reader: RowReader, line: int, case_id: str) -> None:
        """Reject an event whose case is neither in the cases file nor in the store."""
        self.rejected.append(rejection(
            reader.label, line, reader.heading(CASE_ID),
            render("import.row.unknown_case", {"case_id": quoted(case_id)}),
        ))

    def _confirm(self, event_ids: Sequence[int]) -> None:
        """Mark local events that the export also contains as confirmed."""
        self.counts["events_confirmed"] += len(event_ids)
        statement = (
            events.update().where(events.c.id == bindparam("b_id")).values(confirmed=True)
        )
        self._execute(statement, ({"b_id": event_id} for event_id in event_ids))

    def touch_changed_cases(self) -> None:
        """Mark the cases that got events in this import: their deadlines follow.

        In an import into an empty store every case is marked already; an import that
        added no event has none to mark (nor a scan of the events to find them).
        """
        if self.fresh or not self.counts["events_added"]:
            return
        touch(self.connection, self.connection.execute(
            select(events.c.case_id).distinct().where(events.c.import_id == self.import_id)
        ).scalars())

    # --- history -------------------------------------------------------------------

    def finish(
        self, files: Sequence[ExportFile], tables: Sequence[ExportTable], case_rows: CaseRows
    ) -> ImportSummary:
        """Record files, rejections and counts in the history; return the summary."""
        rows_per_table = {**case_rows.rows_per_table, **self.events_per_table}
        self._execute(import_files_table.insert(), (
            {
                "import_id": self.import_id, "file_name": table.file.name,
                "content_hash": table.file.content_hash,
                "content": table.recognised.kind.value,
                "rows": rows_per_table.get(table.raw.label, 0),
            }
            for table in tables
        ))
        rejected = list(self.rejected)  # cases files first, then events, in line order
        self._execute(rejected_rows.insert(), (
            {"import_id": self.import_id, "file": r.file, "line": r.line, "field": r.field,
             "reason": r.reason}
            for r in rejected
        ))
        self.connection.execute(
            imports.update().where(imports.c.id == self.import_id)
            .values(rejected=len(rejected), **self.counts)
        )
        counts = self.counts
        return ImportSummary(
            files=tuple(export.name for export in files),
            new=counts["new"],
            updated=counts["updated"],
            closed=counts["closed"],
            reopened=counts["reopened"],
            events_added=counts["events_added"],
            events_confirmed=counts["events_confirmed"],
            rejected=tuple(rejected),
            renamed=tuple(self.renamed),
        )
