"""The import fuzzed: whatever a file holds, no traceback, and the store stays consistent.

Every example imports into a fresh copy of one seeded database. The import may refuse the
file (InputError, NotAnExportError: then every table is exactly as before) or import it
(then every row it accepted is in the store and every row it did not is listed in the
summary with its file, line and reason). Anything else — a traceback — fails the test.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import shutil
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from tests.helpers.exports import CASE_HEADER, EVENT_HEADER, TODAY, cases, snapshot, write_cases
from workbench.errors import InputError
from workbench.session import Workbench
from workbench.store.models import cases as cases_table
from workbench.store.models import events as events_table
from workbench.views import ImportSummary


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")

FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SEEDED_IDS = [f"S{n}" for n in range(1, 9)]

# --- cell strategies: what real and broken exports put in a cell ------------------------------

#: Text a person types, minus what no CSV or XLSX can hold (NUL, lone surrogates, C0 controls).
_TYPED = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\r\t"),
                 max_size=12)
_DANISH = st.sampled_from(["Søren Ærø", "Åse Øster", "ÆØÅ æøå", "Jørgen \"Bøf\" Hansen",
                           "Line;Semikolon", "Komma, Hansen", "Tab\tHansen", "Ny\nlinje",
                           "Vogn\r\nretur", "\ufeffBOM-navn", "  luft  "])
_FORMULA = st.sampled_from(["=1+1", "+45 12345678", "-2", "@SUM(A1:A2)",
                            "=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0"])


class Huge(str):
    """A huge field (100 KB and more) that shows itself briefly in a failing example."""

    def __repr__(self) -> str:
        return f"Huge({len(self)} characters)"


_HUGE = st.sampled_from([100_000, 140_000]).map(lambda size: Huge("æ" * size))
_NAME = st.one_of(_TYPED, _DANISH, _FORMULA, _HUGE)
_CASE_ID = st.one_of(st.sampled_from([*SEEDED_IDS, "N1", "N2", "N3", " N4 ", ""]), _TYPED)
_CPR = st.sampled_from(["010190-1234", "0101901234", "311299-4321", "290200-4000", "320190-1234",
                        "01019", "", "=0101901234", "abcdef-ghij"])
_SCHEME = st.sampled_from(["sygedagpenge", "SDP", "forsikret ledig", "Forsikret Ledig", "FL",
                           "jobafklaringsforløb", "jobafklaringsforlob", "kontanthjælp", "KH",
                           "", "ukendt", "@SDP"])
_DATE_TEXT = st.sampled_from(["2026-01-05", "05-01-2026", "05.01.2026", "05/01/2026",
                              "2026-02-30", "31-12-1899", "", "i går", "=TODAY()", "45000"])
_KIND = st.sampled_from(["samtale", "fællessamtale", "faellessamtale", "Screening", "afklaring",
                         "vurdering", "tilbud", "rehabiliteringsteam", "", "møde", "+samtale"])


@st.composite
def case_rows(draw: st.DrawFn) -> tuple[str, ...]:
    """One cases row, in CASE_HEADER order: half of them valid but for a tricky name."""
    if draw(st.booleans()):
        return (draw(st.sampled_from([*SEEDED_IDS, "N1", "N2", "N3", " N4 "])), "010190-1234",
                draw(_NAME.filter(str.strip)), draw(st.sampled_from(["SDP", "kontanthjælp"])),
                "ABC", "Nord", draw(st.sampled_from(["2026-01-05", "05.01.2026"])), "")
    return (draw(_CASE_ID), draw(_CPR), draw(_NAME), draw(_SCHEME),
            draw(st.sampled_from(["ABC", "DEF", "", "Æ Ø"])), draw(st.sampled_from(["Nord", ""])),
            draw(_DATE_TEXT), draw(st.sampled_from(["", "", "2026-03-01", "ikke"])))


@st.composite
def event_rows(draw: st.DrawFn) -> tuple[object, ...]:
    """One events row, in EVENT_HEADER order: half valid; XLSX dates may be date cells."""
    if draw(st.booleans()):
        return (draw(st.sampled_from(SEEDED_IDS)),
                draw(st.one_of(st.dates(dt.date(2026, 1, 5), dt.date(2026, 12, 31)),
                               st.sampled_from(["2026-02-03", "03-02-2026", "3/2/2026"]))),
                draw(st.sampled_from(["samtale", "Fællessamtale", "faellessamtale", "screening"])))
    day = draw(st.one_of(_DATE_TEXT, st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)),
                         st.floats(allow_nan=True, allow_infinity=True)))
    return (draw(_CASE_ID), day, draw(_KIND))


# --- the database every example starts from -----------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a few open cases, closed cleanly (no WAL left), to copy per example."""
    folder = tmp_path_factory.mktemp("seeded")
    export = write_cases(folder / "cases.csv", cases(len(SEEDED_IDS)))
    path = folder / "seeded.db"
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([export], today=TODAY)
    return path


@contextlib.contextmanager
def fresh_copy(seeded: Path, folder: Path) -> Iterator[Workbench]:
    """An open Workbench on a new copy of the seeded database."""
    target = folder / f"{uuid.uuid4().hex}.db"
    shutil.copyfile(seeded, target)
    with Workbench.open(target) as workbench:
        yield workbench


# --- what an outcome must look like -----------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """A generated row as written: its table's label, the lines it spans, its cells."""

    label: str
    first_line: int
    last_line: int
    cells: tuple[object, ...]

    def rejected_in(self, summary: ImportSummary) -> bool:
        """True if the summary lists a rejection on one of this row's lines."""
        return any(row.file == self.label and self.first_line <= row.line <= self.last_line
                   for row in summary.rejected)

    def is_blank(self) -> bool:
        """A row without content: the import skips it silently, as it should."""
        return all(str(cell).strip() == "" for cell in self.cells if cell is not None)


def import_checked(workbench: Workbench, files: Sequence[Path]) -> ImportSummary | None:
    """Import; a refusal must leave every table as it was. The summary, or None if refused."""
    before = snapshot(workbench)
    try:
        summary = workbench.imports.import_files(files, today=TODAY, force=True)
    except InputError as refusal:
        assert str(refusal)
        assert snapshot(workbench) == before
        return None
    for rejected in summary.rejected:
        assert rejected.line >= 1 and rejected.reason.strip()
        assert any(rejected.file.startswith(path.name) for path in files)
    return summary


def stored_names(workbench: Workbench) -> dict[str, str]:
    """Sags-ID to name of every stored case."""
    with workbench.database.transaction() as connection:
        rows = connection.execute(select(cases_table.c.case_id, cases_table.c.name)).all()
    return {case_id: name for case_id, name in rows}


def cases_with_events(workbench: Workbench) -> set[str]:
    """The Sags-IDs that have at least one event."""
    with workbench.database.transaction() as connection:
        return set(connection.execute(select(events_table.c.case_id)).scalars())


def assert_cases_consistent(workbench: Workbench, summary: ImportSummary,
                            written: Sequence[Written], *, names_exact: bool = True) -> None:
    """Every written cases row is stored as written, unless the summary lists it as rejected."""
    names = stored_names(workbench)
    for row in written:
        if row.is_blank() or row.rejected_in(summary):
            continue
        case_id = str(row.cells[0]).strip()
        assert case_id in names, f"accepted row {row} is not in the store"
        name = str(row.cells[2])
        if names_exact and not name.startswith("="):  # an XLSX "=..." cell is a formula
            assert names[case_id] == name.strip()


def assert_events_consistent(workbench: Workbench, summary: ImportSummary,
                             written: Sequence[Written]) -> None:
    """Every written events row gave its case an event, unless it is listed as rejected."""
    with_events = cases_with_events(workbench)
    for row in written:
        if row.is_blank() or row.rejected_in(summary):
            continue
        assert str(row.cells[0]).strip() in with_events, f"accepted row {row} is not stored"


# --- writing files ----------------------------------------------------------------------


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]], delimiter: str,
             label: str) -> tuple[str, list[Written]]:
    """The CSV text of a table and where each data row lies (lines as the csv module counts)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    line = len(io.StringIO(out.getvalue(), newline="").readlines())
    written = []
    for row in rows:
        start = len(out.getvalue())
        writer.writerow(row)
        spans = len(io.StringIO(out.getvalue()[start:], newline="").readlines())
        written.append(Written(label, line + 1, line + spans, tuple(row)))
        line += spans
    return out.getvalue(), written


def encoded(text: str, encoding: str) -> bytes | None:
    """The text in an export encoding (BOMs included); None if it cannot be written in it."""
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return None


# --- the tests ---------------------------------------------------------------------------


def test_random_bytes_are_refused_or_imported_consistently(seeded: Path, tmp_path: Path) -> None:
    prefixes = st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", codecs.BOM_UTF8,
                                codecs.BOM_UTF16_LE, ";".join(CASE_HEADER).encode() + b"\r\n"])

    @FUZZ
    @given(prefix=prefixes, body=st.binary(max_size=3000))
    def check(prefix: bytes, body: bytes) -> None:
        path = tmp_path / "export.csv"
        path.write_bytes(prefix + body)
        with fresh_copy(seeded, tmp_path) as workbench:
            import_checked(workbench, [path])

    check()


def test_broken_workbooks_are_refused_cleanly(seeded: Path, tmp_path: Path) -> None:
    original = tmp_path / "whole.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [CASE_HEADER, *(case.cells() for case in cases(30))]:
        sheet.append(list(row))
    book.save(original)
    whole = original.read_bytes()

    @FUZZ
    @given(cut=st.integers(4, len(whole) - 1), flips=st.lists(
        st.tuples(st.integers(0, len(whole) - 1), st.integers(1, 255)), max_size=4))
    def check(cut: int, flips: list[tuple[int, int]]) -> None:
        damaged = bytearray(whole)
        for position, mask in flips:
            damaged[position] ^= mask
        path = tmp_path / "export.xlsx"
        path.write_bytes(bytes(damaged[:cut] if flips == [] else damaged))
        with fresh_copy(seeded, tmp_path) as workbench:
            import_checked(workbench, [path])

    check()


def test_csv_exports_of_every_shape_import_consistently(seeded: Path, tmp_path: Path) -> None:
    @FUZZ
    @given(rows=st.lists(case_rows(), min_size=1, max_size=8),
           delimiter=st.sampled_from([";", ",", "\t", "|"]),
           encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
           dropped=st.sampled_from([None, None, 1, 2, 5, 7]))
    def check(rows: list[tuple[str, ...]], delimiter: str, encoding: str,
              dropped: int | None) -> None:
        header = list(CASE_HEADER)
        if dropped is not None:  # a column missing, heading and cells alike
            del header[dropped]
            rows = [row[:dropped] + row[dropped + 1:] for row in rows]
        path = tmp_path / "cases.csv"
        text, written = csv_text(header, rows, delimiter, path.name)
        content = encoded(text, encoding)
        if content is None:
            return
        path.write_bytes(content)
        with fresh_copy(seeded, tmp_path) as workbench:
            summary = import_checked(workbench, [path])
            if summary is not None and dropped is None and delimiter != "|":
                assert_cases_consistent(workbench, summary, written)

    check()


def test_csv_events_import_consistently(seeded: Path, tmp_path: Path) -> None:
    @FUZZ
    @given(rows=st.lists(event_rows(), min_size=1, max_size=10),
           delimiter=st.sampled_from([";", ",", "\t"]),
           encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    def check(rows: list[tuple[object, ...]], delimiter: str, encoding: str) -> None:
        path = tmp_path / "events.csv"
        text, written = csv_text(EVENT_HEADER, rows, delimiter, path.name)
        content = encoded(text, encoding)
        assert content is not None
        path.write_bytes(content)
        with fresh_copy(seeded, tmp_path) as workbench:
            summary = import_checked(workbench, [path])
            assert summary is not None, "a well-formed events file is never refused whole"
            assert_events_consistent(workbench, summary, written)

    check()


#: Excel's limit: a cell holds at most 32,767 characters (readers cut longer ones off).
XLSX_CELL_LIMIT = 32_767


def _xlsx_safe(cell: object) -> object:
    """A cell Excel can hold: text without XML's forbidden control characters, not too long."""
    if isinstance(cell, str):
        return "".join(c for c in cell if c in "\n\t" or ord(c) >= 0x20)[:XLSX_CELL_LIMIT]
    return cell


def test_xlsx_exports_import_consistently(seeded: Path, tmp_path: Path) -> None:
    @FUZZ
    @given(case_data=st.lists(case_rows(), max_size=6),
           event_data=st.lists(event_rows(), max_size=6),
           title_rows=st.integers(0, 2))
    def check(case_data: list[tuple[str, ...]], event_data: list[tuple[object, ...]],
              title_rows: int) -> None:
        path = tmp_path / "export.xlsx"
        book = Workbook()
        first = book.active
        assert first is not None
        book.remove(first)
        written: list[Written] = []
        for title, header, rows in (("Sager", CASE_HEADER, case_data),
                                    ("Hændelser", EVENT_HEADER, event_data)):
            sheet = book.create_sheet(title)
            for _ in range(title_rows):  # a title above the header now and then
                sheet.append([f"Udtræk {title} æøå"])
            sheet.append(list(header))
            for row in rows:
                cells = tuple(_xlsx_safe(cell) for cell in row)
                sheet.append(list(cells))
                line = sheet.max_row
                written.append(Written(f"{path.name} [{title}]", line, line, cells))
        book.save(path)
        with fresh_copy(seeded, tmp_path) as workbench:
            summary = import_checked(workbench, [path])
            if summary is not None:
                assert_cases_consistent(workbench, summary,
                                        [w for w in written if "Sager" in w.label])
                assert_events_consistent(workbench, summary,
                                         [w for w in written if "Hændelser" in w.label])

    check()


def test_a_field_beyond_the_csv_limit_is_refused_naming_the_line(seeded: Path,
                                                                 tmp_path: Path) -> None:
    rows = [case.cells() for case in cases(3)]
    rows[1] = (rows[1][0], rows[1][1], "æ" * 140_000, *rows[1][3:])
    text, _ = csv_text(CASE_HEADER, rows, ";", "cases.csv")
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")

    with fresh_copy(seeded, tmp_path) as workbench, pytest.raises(InputError, match="line 3"):
        workbench.imports.import_files([path], today=TODAY)
