"""Reading export files into tables of cells, whatever the file looks like.

A CSV file may be UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252, and
separated by semicolons, commas or tabs: all of it is detected. An XLSX (or XLS) workbook is
read with python-calamine, sheet by sheet. What the cells mean is decided elsewhere
(``mapping`` recognises a table by its header); here a file only has to be a table at all,
and anything that is not one raises NotAnExportError naming the file.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import python_calamine

from workbench.errors import NotAnExportError

#: A cell as a reader hands it on: text from CSV; text, float, date or datetime from Excel.
Cell = object
#: A data row and the line (CSV) or row number (Excel) it came from, counted from 1.
NumberedRow = tuple[int, Sequence[Cell]]

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_DELIMITERS = (";", "\t", ",")
#: How many non-blank rows at the top of a table may hold its header.
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class RawTable:
    """One table in a file: where it is, its first rows (one is the header), all its rows."""

    #: How messages name it: the file name, plus the sheet for a workbook.
    label: str
    #: The first few non-blank rows as text with their line numbers; exports put a title
    #: above the header now and then, so the header is looked for among these.
    leading: tuple[tuple[int, tuple[str, ...]], ...]
    #: The non-blank rows after a line number (0: all of them), read on demand.
    rows: Callable[[int], Iterator[NumberedRow]]


@dataclass(frozen=True)
class ExportFile:
    """A file given to the import: its name, content hash and the tables it holds."""

    path: Path
    content_hash: str
    tables: tuple[RawTable, ...]

    @property
    def name(self) -> str:
        """The file name without its folder, as the summary shows it."""
        return self.path.name


def read_export_file(path: Path) -> ExportFile:
    """Read ``path`` as a CSV file or a workbook; NotAnExportError if it is neither."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise NotAnExportError(str(path), f"cannot be read ({error.strerror})") from None
    if not content.strip():
        raise NotAnExportError(str(path), "the file is empty")
    digest = hashlib.sha256(content).hexdigest()
    if content.startswith(_WORKBOOK_MAGIC):
        tables = _workbook_tables(path, content)
    else:
        tables = (_csv_table(path, content),)
    return ExportFile(path=path, content_hash=digest, tables=tables)


def cell_text(cell: Cell) -> str:
    """A cell as stripped text; a whole number from Excel loses its ".0"."""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if cell is None:
        return ""
    return str(cell).strip()


def _is_blank(cells: Sequence[Cell]) -> bool:
    """True for a row without any content (trailing lines, empty Excel rows)."""
    return all(cell_text(cell) == "" for cell in cells)


# --- CSV -------------------------------------------------------------------------------


def decode_text(path: Path, content: bytes) -> str:
    """Decode CSV bytes: a BOM decides; otherwise UTF-8, else Windows-1252."""
    if content.startswith(codecs.BOM_UTF8):
        return _decode(path, content[len(codecs.BOM_UTF8):], "utf-8")
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(path, content, "utf-16")
    if b"\x00" in content:
        raise NotAnExportError(str(path), "this is a binary file, not a CSV or XLSX export")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(path, content, "cp1252")


def _decode(path: Path, content: bytes, encoding: str) -> str:
    """Decode strictly, turning failure into a message that names the file and the byte."""
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotAnExportError(
            str(path),
            f"the text cannot be decoded (not UTF-8 or Windows-1252; "
            f"byte 0x{content[error.start]:02x} at position {error.start})",
        ) from None


def detect_delimiter(lines: Sequence[str]) -> str:
    """The delimiter that splits the top lines into the most columns (; then tab then ,)."""
    def width(delimiter: str) -> int:
        try:
            return max((len(row) for row in csv.reader(lines, delimiter=delimiter)), default=0)
        except csv.Error:  # a field beyond the csv module's limit: reading the rows says so
            return 0

    return max(_DELIMITERS, key=width)


def _csv_table(path: Path, content: bytes) -> RawTable:
    """The single table of a CSV file."""
    text = decode_text(path, content)
    first_lines = itertools.islice(io.StringIO(text), 100)  # not splitlines(): 10⁵ strings
    top = [line for line in first_lines if line.strip()][:HEADER_SEARCH_ROWS]
    delimiter = detect_delimiter(top)

    def rows(after: int) -> Iterator[NumberedRow]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for row in reader:
                # any(row) is the cheap blank test: csv gives "" for an empty field.
                if any(row) and reader.line_num > after:
                    yield reader.line_num, row
        except csv.Error as error:
            raise NotAnExportError(str(path), f"line {reader.line_num}: {error}") from None

    return RawTable(path.name, _leading(rows(0)), rows)


def _leading(rows: Iterator[NumberedRow]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The first non-blank rows as header candidates (a stray UTF-8 BOM dropped)."""
    leading = []
    for line, cells in rows:
        texts = tuple(cell_text(cell).lstrip("\ufeff") for cell in cells)
        if any(texts):
            leading.append((line, texts))
        if len(leading) == HEADER_SEARCH_ROWS:
            break
    return tuple(leading)


# --- Workbooks -------------------------------------------------------------------------


def _workbook_tables(path: Path, content: bytes) -> tuple[RawTable, ...]:
    """One table per non-empty sheet of an XLSX/XLS workbook."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        names: list[str] = list(workbook.sheet_names)
        return tuple(
            table
            for name in names
            if (table := _sheet_table(path, workbook, name)) is not None
        )
    except python_calamine.CalamineError as error:
        raise NotAnExportError(str(path), f"not a readable XLSX workbook ({error})") from None


def _sheet_table(
    path: Path, workbook: python_calamine.CalamineWorkbook, name: str
) -> RawTable | None:
    """The table on one sheet; None for an empty sheet."""
    sheet = workbook.get_sheet_by_name(name)

    def rows(after: int) -> Iterator[NumberedRow]:
        for index, row in enumerate(sheet.iter_rows(), start=1):
            if index > after and any(cell != "" for cell in row):
                yield index, row

    leading = _leading(rows(0))
    if not leading:
        return None
    return RawTable(f"{path.name} [{name}]", leading, rows)
