"""The workbook never runs a citizen's name as a formula, and shows CPR numbers only on request.

Both are checked twice: through openpyxl (cell type, quote prefix) and in the sheet XML
itself, which is what Excel and LibreOffice read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.reportdata import (
    BACKENDS,
    FORMULA_NAMES,
    FORMULA_WORKER,
    TODAY,
    Store,
    store_fixture,
    stored_cases,
    table_cells,
    table_rows,
)
from workbench.reports import write_status_report

MASKED = re.compile(r"^\d{6}-xxxx$")
FULL = re.compile(r"^\d{6}-\d{4}$")
#: The one place the report writes formulas on purpose: the sample's error shares.
OWN_FORMULA = re.compile(r"^COUNTA\([JK]2:[JK]\d+\)/\d+$")


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


@pytest.fixture(scope="module")
def masked(store: Store) -> Path:
    return write_status_report(store.workbench, store.folder / "masked.xlsx", TODAY).path


@pytest.fixture(scope="module")
def revealed(store: Store) -> Path:
    return write_status_report(store.workbench, store.folder / "revealed.xlsx", TODAY,
                               include_cpr=True).path


def sheet_xml(path: Path) -> dict[str, str]:
    """The XML of every worksheet in the file, by part name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.startswith("xl/worksheets/sheet")}


def test_names_and_initials_that_look_like_formulas_stay_text(masked: Path) -> None:
    workbook = load_workbook(masked)
    dangerous = {*FORMULA_NAMES, FORMULA_WORKER}
    found: dict[str, int] = dict.fromkeys(dangerous, 0)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in dangerous:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    found[cell.value] += 1
    assert all(found.values()), found  # every one of them was in the report, as text
    assert found[FORMULA_WORKER] >= 3  # Overblik, Sager, Afslutninger at least


def test_no_formula_in_the_sheet_xml_but_the_reports_own(masked: Path) -> None:
    xml = sheet_xml(masked)
    formulas = [f for text in xml.values() for f in re.findall(r"<f>(.*?)</f>", text)]
    assert formulas and all(OWN_FORMULA.match(f) for f in formulas), formulas
    everything = "".join(xml.values())
    for name in (*FORMULA_NAMES, FORMULA_WORKER):
        assert f"<t>{name}</t>" in everything  # an inline string, written as text


def test_cpr_numbers_are_masked_unless_asked_for(store: Store, masked: Path,
                                                 revealed: Path) -> None:
    full_numbers = {f"{case.cpr[:6]}-{case.cpr[6:]}": case.case_id
                    for case in stored_cases(store.workbench)}
    for path, pattern in ((masked, MASKED), (revealed, FULL)):
        workbook = load_workbook(path)
        for title in ("Sager", "Screening", "Stikprøve"):
            cells = [c for c in table_cells(workbook[title], "CPR") if c.value is not None]
            assert cells, title
            assert all(pattern.match(c.value) for c in cells), (path.name, title)
    sager = table_rows(load_workbook(revealed)["Sager"])
    assert all(full_numbers[row["CPR"]] == row["Sags-ID"] for row in sager)


def test_the_masked_file_holds_no_full_cpr_number_anywhere(store: Store, masked: Path) -> None:
    with zipfile.ZipFile(masked) as archive:
        everything = "".join(archive.read(name).decode("utf-8", errors="replace")
                             for name in archive.namelist())
    for case in stored_cases(store.workbench):
        assert case.cpr not in everything
        assert f"{case.cpr[:6]}-{case.cpr[6:]}" not in everything
