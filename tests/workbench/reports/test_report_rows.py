"""ReportSheet writes the very bytes openpyxl's own write-only sheet writes, only faster.

The report's sheets write their common cells as XML text themselves (``workbench.reports.rows``);
these tests hold that to openpyxl's output byte for byte, cell kind by cell kind and for a
whole report, and check that the text path is the one taken. The last one checks that the
cases read for a report are freed before the cycle collector resumes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import weakref
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, NamedStyle

from tests.helpers.reportdata import TODAY, Store, store_fixture
from workbench.reports import rows, status, tables, write_status_report
from workbench.reports.cells import DATE, CellMaker, Formula, Styled, register_styles

#: Members of an .xlsx file that say when it was made, not what it holds.
TIMESTAMPED = {"docProps/core.xml"}


def sheet_xml(fast: bool, fill: Any, *, iso_dates: bool = False) -> bytes:
    """The XML of one sheet that ``fill(sheet)`` appends rows to, as ReportSheet or openpyxl."""
    workbook = Workbook(write_only=True, iso_dates=iso_dates)
    workbook.add_named_style(NamedStyle("Fed dato", font=Font(bold=True),
                                        number_format="DD-MM-YYYY"))
    sheet = rows.new_sheet(workbook, "Ark") if fast else workbook.create_sheet("Ark")
    fill(sheet)
    stream = io.BytesIO()
    workbook.save(stream)
    return zipfile.ZipFile(stream).read("xl/worksheets/sheet1.xml")


def every_kind(sheet: Any) -> None:
    """Rows of every kind of value and cell openpyxl takes, and a row of its own height."""
    bold_date = Cell(sheet, row=1, column=1)
    bold_date.style = "Fed dato"
    bold_date.value = dt.date(2026, 1, 2)
    guarded = Cell(sheet, row=1, column=1)
    guarded.value = "=1+1"
    guarded.data_type = "s"
    guarded.quotePrefix = True
    wrapped = Cell(sheet, row=1, column=1)
    wrapped.value = "to\tlinjer\n og plads "
    commented = Cell(sheet, row=1, column=1)
    commented.value = "se note"
    commented.comment = Comment("en note", "TST")
    styled_empty = Cell(sheet, row=1, column=1)
    styled_empty.style = "Fed dato"
    sheet.row_dimensions[3].height = 30
    for row in (
        ["Sags-ID", 1, 2.5, None, " Anna ", "Æ & <Ø>", "   ", "", True, float("nan"),
         "=SUM(1)", "#N/A", -7, 10**20, 1e-7],
        [bold_date, guarded, wrapped, Cell(sheet, row=1, column=1), styled_empty, commented],
        ["høj række", bold_date],
        [],
        [dt.date(2026, 3, 4), dt.datetime(2026, 1, 1, 12, 30), dt.timedelta(hours=3)],
        [f"kolonne {column}" for column in range(1, 80)],
    ):
        sheet.append(row)


def test_every_kind_of_cell_is_written_as_openpyxl_writes_it() -> None:
    assert sheet_xml(True, every_kind) == sheet_xml(False, every_kind)


def test_dates_as_iso_text_are_left_to_openpyxl_and_come_out_the_same() -> None:
    assert sheet_xml(True, every_kind, iso_dates=True) == sheet_xml(False, every_kind,
                                                                    iso_dates=True)


def test_the_report_cells_go_out_as_text_not_through_openpyxls_cell_writer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The speed of a big report rests on this: were the text path silently left (lxml
    # installed, an openpyxl whose stream has changed), every cell would go the slow way.
    handed_over: list[Any] = []
    original = rows.write_cell
    monkeypatch.setattr(rows, "write_cell",
                        lambda xf, sheet, cell, styled: (handed_over.append(cell.value),
                                                         original(xf, sheet, cell, styled)))
    workbook = Workbook(write_only=True)
    styles = register_styles(workbook)
    sheet = rows.new_sheet(workbook, "Ark")
    to_cell = CellMaker(sheet, styles)
    sheet.append(to_cell.row(["Sags-ID", 3, 0.5, dt.date(2026, 5, 1),
                              Styled("Rød", "Status rød"), Styled(dt.date(2026, 5, 2), DATE),
                              "=2+2", Formula("=A1+1")]))
    workbook.save(io.BytesIO())

    assert handed_over == ["=A1+1"]  # the report's own formula only


def test_without_et_xmlfiles_text_writer_every_row_is_left_to_openpyxl(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # As with lxml installed, where openpyxl's stream has no writer of plain text.
    monkeypatch.setattr(rows, "LXML", True)
    handed_over: list[int] = []
    convert = rows.WriteOnlyWorksheet._values_to_row

    def counted(sheet: Any, values: Any, row_idx: int) -> Any:
        handed_over.append(row_idx)
        return convert(sheet, values, row_idx)

    monkeypatch.setattr(rows.ReportSheet, "_values_to_row", counted)

    assert sheet_xml(True, every_kind) == sheet_xml(False, every_kind)
    assert handed_over == [1, 2, 3, 4, 5, 6]


@pytest.fixture(scope="module", params=["sqlite"])
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()
                if name not in TIMESTAMPED}


def test_a_whole_report_is_the_same_file_as_with_openpyxls_own_sheets(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = write_status_report(store.workbench, store.folder / "fast.xlsx", TODAY,
                               include_cpr=True)
    monkeypatch.setattr(tables, "new_sheet",
                        lambda workbook, title: workbook.create_sheet(title))
    plain = write_status_report(store.workbench, store.folder / "plain.xlsx", TODAY,
                                include_cpr=True)

    written, expected = members(fast.path), members(plain.path)
    assert sorted(written) == sorted(expected)
    assert len([name for name in written if name.startswith("xl/worksheets/sheet")]) == 7
    for name, content in expected.items():
        assert written[name] == content, name


def test_what_a_report_read_is_freed_before_the_cycle_collector_resumes(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Else the first collection after the pause walks the whole caseload read for it.
    read: list[weakref.ref[status.ReportData]] = []
    freed_on_resuming: list[bool] = []
    write, pause = status.write_workbook, status.collector_paused

    def remembered(data: status.ReportData, path: Path, steps: Any = None) -> Any:
        read.append(weakref.ref(data))
        return write(data, path, steps)

    @contextlib.contextmanager
    def watched() -> Iterator[None]:
        with pause():
            yield
            freed_on_resuming.append(all(ref() is None for ref in read))

    monkeypatch.setattr(status, "write_workbook", remembered)
    monkeypatch.setattr(status, "collector_paused", watched)
    write_status_report(store.workbench, store.folder / "freed.xlsx", TODAY)

    assert len(read) == 1
    assert freed_on_resuming == [False, True]  # write_workbook's own pause, then the report's
