"""Reading export files into tables of cells, whatever the file looks like.

A CSV file may be UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252, and
separated by semicolons, commas or tabs: all of it is detected. An XLSX (or XLS) workbook is
read with python-calamine, sheet by sheet. What the cells mean is decided elsewhere
(``mapping`` recognises a table by its header); here a file only has to be a table at all,
and anything that is not one raises NotAnExportError naming the file.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

import python_calamine

from workbench.errors import DamagedExportError, NotAnExportError

#: A cell as a reader hands it on: text from CSV; text, float, date or datetime from Excel.
Cell = object
#: A data row and the line (CSV) or row number (Excel) it came from, counted from 1.
NumberedRow = tuple[int, Sequence[Cell]]

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_DELIMITERS = (";", "\t", ",")
#: The delimiters as a message names them.
_DELIMITER_NAMES = {";": ";", ",": ",", "\t": "TAB"}
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
    #: The delimiter of a CSV table; None for a sheet.
    delimiter: str | None = None
    #: True for a CSV file whose last line has no line end (it may be cut short).
    open_end: bool = False
    #: For a CSV table: the rows after a line, given the header's width and the number of
    #: required fields, refusing the file (DamagedExportError) where its structure breaks.
    checked_rows: Callable[[int, int, int], Iterator[NumberedRow]] | None = None


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
    """Read ``path`` as a CSV file or a workbook; NotAnExportError if it is neither.

    A CSV file is not held in memory: it is scanned once here (its encoding, its digest,
    whether it is text at all) and its rows are read from the file when asked for, so an
    import of a million rows holds a few of its lines at a time, never the file.
    """
    try:
        with path.open("rb") as stream:
            start = stream.read(len(_WORKBOOK_MAGIC[0]))
            if start.startswith(_WORKBOOK_MAGIC):
                content = start + stream.read()
                return ExportFile(path, hashlib.sha256(content).hexdigest(),
                                  _workbook_tables(path, content))
            stream.seek(0)
            scan = scan_csv(path, stream)
    except OSError as error:
        raise NotAnExportError(str(path), "import.unreadable",
                               reason=error.strerror or type(error).__name__) from None
    return ExportFile(path=path, content_hash=scan.digest, tables=(_csv_table(path, scan),))


def content_hash(path: Path) -> str:
    """The hash the import records for the file at ``path`` (what ``ExportFile`` holds).

    For a file the import would refuse (empty, binary, undecodable): the SHA-256 of its
    bytes, which no import recorded.
    """
    with path.open("rb") as stream:
        if not stream.read(len(_WORKBOOK_MAGIC[0])).startswith(_WORKBOOK_MAGIC):
            stream.seek(0)
            try:
                return scan_csv(path, stream).digest
            except NotAnExportError:
                pass
        stream.seek(0)
        return hashlib.file_digest(stream, "sha256").hexdigest()


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
        raise NotAnExportError(str(path), "import.binary_file")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(path, content, "cp1252")


def _decode(path: Path, content: bytes, encoding: str) -> str:
    """Decode strictly, turning failure into a message that names the file and the byte."""
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotAnExportError(str(path), "import.undecodable",
                               byte=f"{content[error.start]:02x}",
                               position=error.start) from None


@dataclass(frozen=True)
class CsvScan:
    """What one pass over a CSV file's bytes found: how to decode it, and its digest."""

    #: The codec that reads the text ("utf-8-sig" skips a UTF-8 BOM).
    encoding: str
    #: The SHA-256 of the rows: see ``scan_csv``.
    digest: str
    #: True if the last line has no line end (it may be cut short).
    open_end: bool


#: How much of a file is read at a time.
READ_SIZE = 1 << 20
_LINE_ENDS = b"\r\n"


def scan_csv(path: Path, stream: BinaryIO) -> CsvScan:
    """Scan a CSV file's bytes once: its encoding as ``decode_text`` decides it, its digest.

    The digest is of the rows rather than of the bytes: of the bytes with CRLF as LF, the
    line ends at the very end trimmed, and whether there were any. The same rows written
    with other line ends, or with blank lines added at the end, are the same export (the
    rows and their line numbers are the same), which the import then recognises as one it
    has already done. A UTF-16 file's digest is of its bytes as they are. Refuses an empty,
    binary or undecodable file as ``decode_text`` does, naming the byte and its position.
    """
    first = stream.read(READ_SIZE)
    utf16 = first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    bom = len(codecs.BOM_UTF8) if first.startswith(codecs.BOM_UTF8) else 0
    encoding = "utf-16" if utf16 else "utf-8-sig" if bom else "utf-8"
    decoder = codecs.getincrementaldecoder("utf-16" if utf16 else "utf-8")()
    digest = hashlib.sha256(first[:bom])
    held = b""  # line ends at the end of what was read: trimmed if nothing follows them
    offset = 0  # where ``chunk`` starts, in the bytes after a UTF-8 BOM
    last = ""  # the last character decoded
    blank = not bom  # a UTF-8 BOM alone is a (headerless) text, as before
    failed: tuple[int, int] | None = None  # the undecodable byte and its position
    chunk = first[bom:]
    while True:
        if not utf16 and b"\x00" in chunk:
            raise NotAnExportError(str(path), "import.binary_file")
        blank = blank and not chunk.strip()
        if failed is None:
            try:
                last = decoder.decode(chunk, final=not chunk)[-1:] or last
            except UnicodeDecodeError as error:
                # The decoder put the bytes it held back from the last chunk before these.
                failed = (error.object[error.start],
                          offset - (len(error.object) - len(chunk)) + error.start)
        if utf16:
            digest.update(chunk)
        else:
            data = held + chunk
            kept = data.rstrip(_LINE_ENDS)
            held = data[len(kept):]
            digest.update(kept.replace(b"\r\n", b"\n"))
        if not chunk:
            break
        offset += len(chunk)
        chunk = stream.read(READ_SIZE)
    if blank:
        raise NotAnExportError(str(path), "import.empty_file")
    if failed is not None:
        if bom or utf16:
            raise NotAnExportError(str(path), "import.undecodable", byte=f"{failed[0]:02x}",
                                   position=failed[1])
        encoding = "cp1252"
        last = _last_cp1252(path, stream)
    digest.update(b"\n" if held else b"\x00")
    return CsvScan(encoding, digest.hexdigest(), open_end=last not in ("\n", "\r"))


def _last_cp1252(path: Path, stream: BinaryIO) -> str:
    """The last character of a Windows-1252 file; NotAnExportError at an undefined byte."""
    stream.seek(0)
    offset = 0
    last = ""
    while chunk := stream.read(READ_SIZE):
        try:
            last = chunk.decode("cp1252")[-1:] or last
        except UnicodeDecodeError as error:
            raise NotAnExportError(str(path), "import.undecodable",
                                   byte=f"{chunk[error.start]:02x}",
                                   position=offset + error.start) from None
        offset += len(chunk)
    return last


def detect_delimiter(lines: Sequence[str]) -> str:
    """The delimiter that splits the top lines into the most columns (; then tab then ,)."""
    def width(delimiter: str) -> int:
        try:
            return max((len(row) for row in csv.reader(lines, delimiter=delimiter)), default=0)
        except csv.Error:  # a field beyond the csv module's limit: reading the rows says so
            return 0

    return max(_DELIMITERS, key=width)


def _csv_table(path: Path, scan: CsvScan) -> RawTable:
    """The single table of a CSV file, its rows read from the file each time they are asked for."""
    encoding = scan.encoding
    with _open_text(path, encoding, newline="\n") as stream:
        first_lines = itertools.islice(stream, 100)
        top = [line for line in first_lines if line.strip()][:HEADER_SEARCH_ROWS]
    delimiter = detect_delimiter(top)

    def rows(after: int) -> Iterator[NumberedRow]:
        with _open_text(path, encoding) as stream:
            reader = csv.reader(stream, delimiter=delimiter)
            previous = 0
            try:
                for row in reader:
                    line = reader.line_num
                    if line - previous > 1:
                        # A row that spans lines: a quote opened and not closed on its line
                        # swallowed the lines after it (an export's fields hold no line break).
                        raise DamagedExportError(str(path), previous + 1,
                                                 "import.unterminated_quote")
                    previous = line
                    # any(row) is the cheap blank test: csv gives "" for an empty field.
                    if any(row) and line > after:
                        yield line, row
            except csv.Error as error:
                raise NotAnExportError(str(path), "import.csv_error", line=reader.line_num,
                                       detail=str(error)) from None

    open_end = scan.open_end

    def checked_rows(after: int, width: int, required: int) -> Iterator[NumberedRow]:
        # The loop of ``rows`` once more rather than a generator around it: 10⁵ rows.
        with _open_text(path, encoding) as stream:
            reader = csv.reader(stream, delimiter=delimiter)
            previous = 0
            last: NumberedRow | None = None
            try:
                for row in reader:
                    line = reader.line_num
                    if line - previous > 1:
                        raise DamagedExportError(str(path), previous + 1,
                                                 "import.unterminated_quote")
                    previous = line
                    if any(row) and line > after:
                        if len(row) != width:
                            _check_width(path, line, row, delimiter, width, required)
                        last = (line, row)
                        yield last
            except csv.Error as error:
                raise NotAnExportError(str(path), "import.csv_error", line=reader.line_num,
                                       detail=str(error)) from None
        if open_end and last is not None and len(last[1]) < width:
            raise DamagedExportError(str(path), last[0], "import.cut_short",
                                     fields=len(last[1]), expected=width)

    return RawTable(path.name, _leading(rows(0)), rows, delimiter=delimiter,
                    open_end=open_end, checked_rows=checked_rows)


@contextlib.contextmanager
def _open_text(path: Path, encoding: str, newline: str = "") -> Iterator[TextIO]:
    """The file as text for the csv module; NotAnExportError if it changed since its scan.

    The scan found the encoding that decodes the whole file, so a decoding error here (or a
    file that is gone) means the file was replaced while the import read it.
    """
    try:
        with path.open(encoding=encoding, newline=newline) as stream:
            yield stream
    except (OSError, UnicodeDecodeError) as error:
        raise NotAnExportError(str(path), "import.changed_while_read",
                               reason=type(error).__name__) from None


def _check_width(path: Path, line: int, row: Sequence[str], delimiter: str, width: int,
                 required: int) -> None:
    """DamagedExportError for a row whose number of fields shows damage.

    A short row that another delimiter splits into at least the required fields was
    written with that delimiter; a row with more (non-empty) fields than the header is
    lines run together. Other short rows are left to the row checks (a missing field).
    """
    if len(row) > width:
        if any(row[width:]):
            raise DamagedExportError(str(path), line, "import.too_many_fields",
                                     fields=len(row), expected=width)
        return
    joined = delimiter.join(row)
    for other, name in _DELIMITER_NAMES.items():
        if other != delimiter and joined.count(other) + 1 >= required:
            raise DamagedExportError(str(path), line, "import.other_delimiter",
                                     delimiter=name, expected=_DELIMITER_NAMES[delimiter])


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
    refuse_absurd_workbook(path, content)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        names: list[str] = list(workbook.sheet_names)
        return tuple(
            table
            for name in names
            if (table := _sheet_table(path, workbook, name)) is not None
        )
    except python_calamine.CalamineError as error:
        raise NotAnExportError(str(path), "import.not_a_workbook", detail=str(error)) from None


#: What a workbook may unpack to, and how many cells (rows × columns) a sheet may span: a
#: real export of 10⁵ cases spans about 10⁶ cells. calamine allocates a sheet's whole
#: rectangle up front (its declared dimension, else its cells' extent), and an allocation
#: it cannot make aborts the process: so a workbook beyond these is refused before it reads.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_SHEET_CELLS = 10_000_000
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)")
#: The common spelling (what Excel, openpyxl and the central system write) is read by fast
#: literal searches; a sheet with white space other than a blank in its tags, or a namespace
#: prefix on a cell, is read by the general patterns below (and so is one with a cell whose
#: reference is spelled otherwise, or missing, as the counts of cells and references show).
_ODD_BYTES = (b"\t", b"\n", b"\r")
_ODD_SPELLINGS = (b":c",)
_ANY_REFERENCE = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{0,3})([0-9]{0,12})""")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_REFERENCE = re.compile(r"([A-Za-z]{0,8})([0-9]{0,12})")
#: What reading a damaged zip archive raises; calamine then refuses the workbook itself.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError,
               NotImplementedError, RuntimeError)


def refuse_absurd_workbook(path: Path, content: bytes) -> None:
    """NotAnExportError for a workbook that unpacks too large or has a sheet too large.

    Reads what the zip archive declares (every member's unpacked size) and, for each
    worksheet, its declared dimension and the extent of its cell references, without
    calamine. An XLS file (no zip) is left to calamine.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except _ZIP_ERRORS:
        return  # XLS, or no workbook at all: calamine says which
    with archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_UNPACKED_BYTES:
            raise NotAnExportError(str(path), "import.workbook_too_large",
                                   megabytes=unpacked // 2**20,
                                   limit=MAX_UNPACKED_BYTES // 2**20)
        for member in members:
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(
                    ".xml"):
                try:
                    xml = archive.read(member)
                except _ZIP_ERRORS:
                    return  # a damaged member: calamine refuses the workbook
                _refuse_absurd_sheet(path, member.filename, xml)


def _refuse_absurd_sheet(path: Path, part: str, xml: bytes) -> None:
    """NotAnExportError if the sheet's dimension or cell extent spans too many cells."""
    rows = columns = 0
    declared = _DIMENSION.search(xml, 0, 4096)
    if declared is not None:
        for corner in declared[1].decode("ascii", "replace").split(":"):
            letters, digits = _split(corner)
            columns, rows = max(columns, _column_number(letters)), max(rows, int(digits or 0))
    if _oddly_spelled(xml):
        extent_rows, extent_columns = _extent_slowly(xml)
    else:
        extent_rows, extent_columns = _extent_fast(xml)
    rows, columns = max(rows, extent_rows), max(columns, extent_columns)
    if rows * max(columns, 1) > MAX_SHEET_CELLS:
        raise NotAnExportError(str(path), "import.sheet_too_large",
                               sheet=part.rsplit("/", 1)[-1], rows=rows, columns=columns,
                               limit=MAX_SHEET_CELLS)


def _oddly_spelled(xml: bytes) -> bool:
    """True if the sheet may spell a cell or its reference other than as <c r="A1" ...>."""
    body = xml.find(b"<sheetData")
    start = max(body, 0)
    if any(xml.find(odd, start) != -1 for odd in _ODD_BYTES):
        return True
    return any(xml.find(odd, start) != -1 for odd in _ODD_SPELLINGS)


def _extent_fast(xml: bytes) -> tuple[int, int]:
    """Rows and columns a sheet written the common way spans (every cell with r="A1").

    A few passes over the text, each a search for a literal: the columns beyond Z (else
    the single-letter ones), then only the row numbers long enough to matter at that width.
    """
    row_tags = xml.count(b"<row")
    if not _every_cell_referenced_first(xml):
        cell_tags = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/")
        if cell_tags > xml.count(b' r="') - row_tags:
            return _extent_slowly(xml)  # a cell placed by its order in its row: count them
    letters = set(re.findall(rb' r="([A-Za-z]{2,3})[0-9]', xml)) or set(
        re.findall(rb' r="([A-Za-z])[0-9]', xml))
    columns = max((_column_number(text.decode("ascii")) for text in letters), default=0)
    # A row without a reference follows the one before it: rows are at least their count.
    return max(row_tags, _longest_row_number(xml, columns)), columns


def _every_cell_referenced_first(xml: bytes) -> bool:
    """True if every tag in the sheet's data that starts with "<c" is a cell <c r="...

    Two passes where the general count takes four; False (then counted) whenever another
    tag starts so there, as a colour in an inline string's rich text does.
    """
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData")
    if start == -1 or end == -1:
        return False
    return xml.count(b"<c", start, end) == xml.count(b'<c r="', start, end)


def _longest_row_number(xml: bytes, columns: int) -> int:
    """The highest row number among those with enough digits to matter for ``columns``."""
    digits = len(str(MAX_SHEET_CELLS // max(columns, 1)))
    numbers = re.findall(rb' r="[A-Za-z]{0,3}([0-9]{%d,12})"' % digits, xml)
    return max((int(number) for number in numbers), default=0)


def _extent_slowly(xml: bytes) -> tuple[int, int]:
    """Rows and columns a sheet spans, whatever the spelling, counting unreferenced cells."""
    rows = columns = 0
    for letters, digits in _ANY_REFERENCE.findall(xml):
        columns = max(columns, _column_number(letters.decode("ascii")))
        rows = max(rows, int(digits or 0))
    row_starts = [match.start() for match in _ROW_TAG.finditer(xml)]
    rows = max(rows, len(row_starts))
    bounds = [*row_starts, len(xml)]
    for start, end in itertools.pairwise(bounds):
        columns = max(columns, sum(1 for _ in _CELL_TAG.finditer(xml, start, end)))
    return rows, columns


def _split(reference: str) -> tuple[str, str]:
    """A cell reference such as "XFD1048576" as its letters and its digits."""
    match = _REFERENCE.fullmatch(reference.strip())
    return (match[1], match[2]) if match else ("", "")


def _column_number(letters: str) -> int:
    """A column's number from its letters (A = 1, XFD = 16384)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _sheet_table(
    path: Path, workbook: python_calamine.CalamineWorkbook, name: str
) -> RawTable | None:
    """The table on one sheet; None for an empty sheet."""
    sheet = workbook.get_sheet_by_name(name)

    def rows(after: int) -> Iterator[NumberedRow]:
        for index, row in enumerate(sheet.iter_rows(), start=1):
            # Not all of its cells empty: counted in C, a fifth of a generator per row.
            if index > after and row.count("") < len(row):
                yield index, row

    leading = _leading(rows(0))
    if not leading:
        return None
    return RawTable(f"{path.name} [{name}]", leading, rows)
