"""The workbook prints ready to hand out, in Danish words, read back with openpyxl.

Every sheet: A4 landscape, one page wide, the header row repeated, gridlines, and a page
header and footer with the title, whom it covers, the date, "Side X af Y" and the
confidentiality marking. Weeks, rules, schemes and the rule profile are named as a team lead
says them, and each note is one whole paragraph. The figures themselves are test_report's.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook as OpenWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.helpers.reportdata import TEAM, TODAY, Store, store_fixture, table_rows
from workbench.reports import write_status_report
from workbench.reports.sheets import SCHEME_WORDS, TIMELINESS_NOTE
from workbench.reports.tables import CONFIDENTIAL
from workbench.resources import load_named_profile

PROFILE = load_named_profile("kbh-2006-2017")


@pytest.fixture(scope="module", params=["sqlite"])
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


@pytest.fixture(scope="module")
def report(store: Store) -> OpenWorkbook:
    return load_workbook(write_status_report(store.workbench, store.folder / "print.xlsx",
                                             TODAY).path)


@pytest.fixture(scope="module")
def team_report(store: Store) -> OpenWorkbook:
    return load_workbook(write_status_report(store.workbench, store.folder / "team.xlsx",
                                             TODAY, team=TEAM).path)


def every_text(report: OpenWorkbook) -> list[str]:
    """Every text cell of every sheet."""
    return [value for sheet in report.worksheets
            for row in sheet.iter_rows(values_only=True) for value in row
            if isinstance(value, str)]


def notes(sheet: Worksheet) -> list[tuple[int, str]]:
    """The notes below a sheet's table: (row, text) of each italic text in column A."""
    return [(cell.row, cell.value) for (cell,) in sheet.iter_rows(min_col=1, max_col=1)
            if isinstance(cell.value, str) and cell.font.i]


def test_every_sheet_prints_on_a4_across_one_page_wide_with_the_header_row_repeated(
        report: OpenWorkbook) -> None:
    for sheet in report.worksheets:
        setup: Any = sheet.page_setup
        assert int(setup.paperSize) == int(Worksheet.PAPERSIZE_A4) == 9, sheet.title
        assert setup.orientation == "landscape"
        assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.print_options.gridLines is True
        assert sheet.page_margins.left < 0.75  # narrower than the default, for the columns


def test_every_page_has_a_header_with_title_sheet_scope_and_date(report: OpenWorkbook,
                                                                 team_report: OpenWorkbook
                                                                 ) -> None:
    for sheet in report.worksheets:
        header = sheet.oddHeader
        assert "Status for teamleder" in header.left.text and "&A" in header.left.text
        assert header.center.text == "Alle teams"
        assert header.right.text == "20-05-2026"
    for sheet in team_report.worksheets:
        assert sheet.oddHeader.center.text == TEAM


def test_every_page_is_marked_confidential_and_numbered_side_x_af_y(
        report: OpenWorkbook) -> None:
    assert CONFIDENTIAL == "Fortroligt – indeholder personoplysninger"
    for sheet in report.worksheets:
        assert sheet.oddFooter.left.text == CONFIDENTIAL
        assert sheet.oddFooter.right.text == "Side &P af &N"


def test_weeks_are_danish_weeks_not_iso_codes(report: OpenWorkbook) -> None:
    weeks = [row["Uge"] for row in table_rows(report["Ugestatistik"])]
    assert weeks[0] == "uge 10" and weeks[-1] == "uge 21"
    assert all(re.fullmatch(r"uge \d{1,2}", week) for week in weeks)
    assert not [text for text in every_text(report) if re.search(r"\d{4}-W\d{2}", text)]


def test_rules_are_named_by_their_titles_not_their_ids(report: OpenWorkbook) -> None:
    ids = {rule.id for rule in PROFILE.rules}
    titles = {rule.title_da for rule in PROFILE.rules}
    assert not ids & set(every_text(report))
    shown = {row["Næste milepæl"] for row in table_rows(report["Sager"])} - {None}
    assert shown and shown <= titles
    screened = {row["Milepæl"] for row in table_rows(report["Screening"])} - {None}
    assert screened and screened <= titles


def test_schemes_have_their_proper_names(report: OpenWorkbook) -> None:
    assert set(SCHEME_WORDS.values()) == {"Sygedagpenge", "Forsikret ledig",
                                          "Jobafklaringsforløb", "Ressourceforløb",
                                          "Kontanthjælp"}
    for title in ("Sager", "Stikprøve"):
        schemes = {row["Ordning"] for row in table_rows(report[title])} - {None, "Andel med fejl"}
        assert schemes and schemes <= set(SCHEME_WORDS.values()), title


def test_the_overview_names_the_profile_by_its_title_and_no_command(
        report: OpenWorkbook) -> None:
    texts = " ".join(text for _, text in notes(report["Overblik"]))
    assert f"Regelprofil: {PROFILE.title}." in texts
    assert "Regelprofil: default" not in texts
    assert "workbench" not in " ".join(every_text(report)).lower()


def test_each_note_is_one_whole_paragraph_in_one_tall_enough_cell(
        report: OpenWorkbook) -> None:
    sheet = report["Ugestatistik"]
    written = notes(sheet)
    assert [text for _, text in written][-1] == TIMELINESS_NOTE
    merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
    for row, text in written:
        assert f"A{row}:H{row}" in merged  # across the table's eight columns
        assert text.endswith(".") and text[0].isupper()
        assert sheet.cell(row, 1).alignment.wrap_text
    heights = {row: sheet.row_dimensions[row].height for row, _ in written}
    assert heights[written[-1][0]] >= 3 * 15  # the long note: several lines tall
    assert heights[written[0][0]] < heights[written[-1][0]]
    for sheet in report.worksheets:
        for _, text in notes(sheet):
            assert text.rstrip().endswith("."), (sheet.title, text)


def test_the_workbook_title_is_a_danish_date(report: OpenWorkbook) -> None:
    assert report.properties.title == "Status 20-05-2026"



def test_the_overview_chart_is_as_wide_as_the_table_above_it(store: Store) -> None:
    path = write_status_report(store.workbench, store.folder / "chart.xlsx", TODAY).path
    sheet = load_workbook(path)["Overblik"]
    letters = [cell.column_letter for cell in sheet[1]]
    pixels = sum(7 * (sheet.column_dimensions[letter].width or 0) + 5 for letter in letters)
    with zipfile.ZipFile(path) as archive:
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
    width = int(re.search(r'<ext cx="(\d+)"', drawing)[1])  # type: ignore[index]
    assert width == pytest.approx(pixels * 9525, rel=0.01)  # EMU: 9,525 to the pixel
