"""Canary: what the report relies on in openpyxl beyond its documented API.

``workbench.reports.cells`` reuses cells from row to row and builds them from style arrays,
and ``workbench.reports.status`` saves through ``ExcelWriter`` into a zip archive of its own.
None of that is openpyxl's documented surface, so openpyxl is pinned to one minor range in
``pyproject.toml`` (``openpyxl>=3.1,<3.2``). ``workbench.reports.rows`` writes the common
cells of a report's rows as XML text into a write-only sheet's own stream. Each test here
states one behaviour relied on; when a new openpyxl changes it, the test fails before a
report goes wrong. Then adapt the code (or go the public way: ``WriteOnlyCell`` with
``cell.style``, and openpyxl's own ``create_sheet``) and move the pin.
"""

from __future__ import annotations

import inspect
import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import NamedStyle
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter
from packaging.version import Version

from workbench.reports.cells import DATE, CellMaker, register_styles


def rows_of(path: Path) -> list[tuple[object, ...]]:
    workbook = load_workbook(path)
    try:
        return [tuple(cell.value for cell in row) for row in workbook.active.iter_rows()]
    finally:
        workbook.close()


def test_openpyxl_is_within_the_pinned_minor_range() -> None:
    assert Version("3.1") <= Version(openpyxl.__version__) < Version("3.2")


def test_write_only_append_writes_a_row_before_it_returns(tmp_path: Path) -> None:
    # CellMaker gives the next row the same Cell object with a new value: that is safe only
    # because append has written the row (value, row and column) when it returns.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark")
    cell = Cell(sheet, row=1, column=1)
    for value in ("første", "anden", "tredje"):
        cell.value = value
        sheet.append([value.upper(), cell])
    workbook.save(tmp_path / "rows.xlsx")

    assert rows_of(tmp_path / "rows.xlsx") == [
        ("FØRSTE", "første"), ("ANDEN", "anden"), ("TREDJE", "tredje")]


def test_append_takes_a_cell_by_failing_to_take_it_as_a_value_and_describing_it() -> None:
    # _ReportCell has a cheap __repr__ because append builds an error message with the
    # cell's repr, once for every ready cell in a row, before it drops the error.
    described: list[int] = []

    class Counted(Cell):  # type: ignore[misc]  # openpyxl has no type hints
        __slots__ = ()

        def __repr__(self) -> str:
            described.append(1)
            return "<counted>"

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark")
    sheet.append([Counted(sheet, row=1, column=1, value="a"), "b",
                  Counted(sheet, row=1, column=1, value="c")])
    workbook.save(io.BytesIO())

    assert len(described) == 2


def test_a_cell_made_from_a_named_style_array_carries_that_style(tmp_path: Path) -> None:
    # register_styles hands out NamedStyle.as_tuple() and cells are built with style_array=.
    workbook = Workbook(write_only=True)
    styles = register_styles(workbook)
    sheet = workbook.create_sheet("Ark")
    sheet.append([Cell(sheet, row=1, column=1, value=3, style_array=styles[DATE])])
    workbook.save(tmp_path / "styled.xlsx")

    written = load_workbook(tmp_path / "styled.xlsx")
    cell = written.active["A1"]
    assert (cell.style, cell.number_format) == (DATE, "DD-MM-YYYY")
    assert isinstance(NamedStyle(name="x").as_tuple(), StyleArray)


def test_setting_data_type_after_the_value_keeps_a_formula_like_text_as_text(
        tmp_path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark")
    formula, error = Cell(sheet, row=1, column=1), Cell(sheet, row=1, column=1)
    formula.value, error.value = "=1+1", "#N/A"
    assert (formula.data_type, error.data_type) == ("f", "e")  # what openpyxl guesses
    formula.data_type = error.data_type = "s"
    sheet.append([formula, error])
    workbook.save(tmp_path / "text.xlsx")

    written = load_workbook(tmp_path / "text.xlsx")
    assert [(cell.value, cell.data_type) for cell in written.active[1]] == [
        ("=1+1", "s"), ("#N/A", "s")]


def test_the_cell_module_names_the_illegal_characters_and_the_error_codes() -> None:
    assert ILLEGAL_CHARACTERS_RE.sub("", "a\x00b\x07c\td\n") == "abc\td\n"
    assert {"#N/A", "#DIV/0!", "#REF!", "#VALUE!"} <= set(ERROR_CODES)


def test_excel_writer_saves_into_the_callers_archive_and_closes_only_the_archive() -> None:
    # status._save opens the zip archive itself so that after a failure it can close the
    # archive and the sheets quietly; _discard saves into an archive that keeps nothing.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark")
    CellMaker(sheet, register_styles(workbook))
    sheet.append(["Sags-ID", 7])
    stream = io.BytesIO()
    archive = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)

    ExcelWriter(workbook, archive).save()

    assert archive.fp is None  # closed by the save
    assert not stream.closed
    stream.seek(0)
    assert [tuple(row) for row in load_workbook(stream).active.values] == [("Sags-ID", 7)]
    assert sheet.closed


def test_a_saved_write_only_sheet_has_removed_its_stream_file() -> None:
    # A write-only sheet streams to a temporary file that only a save removes (status._discard).
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark")
    sheet.append(["Anna Jensen"])
    stream_file = Path(sheet._writer.out)
    assert stream_file.exists()

    with zipfile.ZipFile(io.BytesIO(), "w") as archive:
        ExcelWriter(workbook, archive).save()

    assert not stream_file.exists()


def test_a_write_only_sheets_stream_hands_out_a_writer_that_writes_text_as_it_is() -> None:
    # ReportSheet._write_rows is WriteOnlyWorksheet._write_rows with rows written as text:
    # the sheet's writer, once started, hands out et_xmlfile's writer on send(True) and
    # takes it back on send(None); the writer's _file writes a string unescaped.
    assert not openpyxl.LXML  # with lxml there is no _file: ReportSheet leaves rows alone
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark")
    sheet._get_writer()
    xf = sheet._writer.xf.send(True)
    with xf.element("sheetData"):
        xf._file('<row r="1"><c r="A1" t="n"><v>7</v></c></row>')
    sheet._writer.xf.send(None)
    sheet._rows = (row for row in ())  # close() closes it instead of writing rows itself
    stream = io.BytesIO()
    workbook.save(stream)

    assert [tuple(row) for row in load_workbook(stream).active.values] == [(7,)]


def test_a_write_only_sheet_numbers_rows_in_its_generator_and_converts_them_on_the_way() -> None:
    # ReportSheet replaces _write_rows whole and calls _values_to_row and the writer's
    # write_row for the rows it leaves to openpyxl, with the row number it counts itself.
    source = inspect.getsource(WriteOnlyWorksheet._write_rows)
    assert "self._values_to_row(row, row_idx)" in source
    assert "self._writer.write_row(xf, row, row_idx)" in source
    assert list(inspect.signature(WriteOnlyWorksheet._values_to_row).parameters) == [
        "self", "values", "row_idx"]


def test_add_sheet_takes_a_subclass_of_the_write_only_sheet() -> None:
    # rows.new_sheet adds a ReportSheet as create_sheet adds openpyxl's own sheet.
    class Own(WriteOnlyWorksheet):  # type: ignore[misc]  # openpyxl has no type hints
        pass

    workbook = Workbook(write_only=True)
    workbook.create_sheet("Første")
    sheet = Own(parent=workbook, title="Anden")
    workbook._add_sheet(sheet)

    assert workbook.sheetnames == ["Første", "Anden"]
    assert workbook.worksheets[1] is sheet
