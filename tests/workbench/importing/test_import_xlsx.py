"""XLSX exports: sheets recognised by their header, Excel date cells, number cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.exports import (
    CASE_HEADER,
    EVENT_HEADER,
    TODAY,
    snapshot,
    write_cases,
    write_workbook,
)
from workbench.errors import NotAnExportError
from workbench.session import Workbench


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")


def test_one_workbook_with_both_tables_and_other_sheets(
    workbench: Workbench, tmp_path: Path
) -> None:
    book = write_workbook(tmp_path / "eksport.xlsx", {
        "Forside": [["Udtræk fra fagsystemet"], ["Dannet", dt.date(2026, 3, 10)]],
        "Hændelser": [list(EVENT_HEADER), ["S1", dt.date(2026, 2, 1), "samtale"],
                      ["S1", dt.datetime(2026, 2, 20, 9, 30), "screening"]],
        "Sager": [[], ["Sagsliste"], list(CASE_HEADER),
                  ["S1", "010190-1234", "Anne", "SDP", "ABC", "Nord", dt.date(2026, 1, 5), None],
                  ["S2", 101901234, "Bo", "FL", "ABC", None, "05.01.2026", None]],
    })

    summary = workbench.imports.import_files([book], today=TODAY)

    assert summary.rejected == ()
    assert (summary.new, summary.events_added) == (2, 2)
    s1 = workbench.cases.case_detail("S1", TODAY)
    assert s1.start == dt.date(2026, 1, 5)
    assert [e.date for e in s1.events] == [dt.date(2026, 2, 1), dt.date(2026, 2, 20)]
    s2 = workbench.cases.case_detail("S2", TODAY)
    assert s2.cpr_masked == "010190-xxxx"  # the number cell got its leading zero back
    assert s2.team is None


def test_numbers_as_sags_id_and_date_serials(workbench: Workbench, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "sager.xlsx", {"Ark1": [
        list(CASE_HEADER), [4711, "0101901234", "Anne", "KH", "ABC", "Nord", 46027, None]]})

    summary = workbench.imports.import_files([book], today=TODAY)

    assert summary.rejected == ()
    assert workbench.cases.case_detail("4711", TODAY).start == dt.date(2026, 1, 5)


def test_a_bad_row_in_a_sheet_names_the_sheet_and_row(
    workbench: Workbench, tmp_path: Path
) -> None:
    book = write_workbook(tmp_path / "sager.xlsx", {"Sager": [
        list(CASE_HEADER),
        ["S1", "0101901234", "Anne", "KH", "ABC", "Nord", "2026-01-05", None],
        ["S2", "0101901234", "Bo", "KH", "ABC", "Nord", "i går", None]]})

    (rejected,) = workbench.imports.import_files([book], today=TODAY).rejected

    assert (rejected.file, rejected.line, rejected.field) == ("sager.xlsx [Sager]", 3, "Startdato")


def test_a_workbook_without_an_export_sheet_is_refused(
    workbench: Workbench, tmp_path: Path
) -> None:
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", [])], today=TODAY)
    before = snapshot(workbench)
    book = write_workbook(tmp_path / "budget.xlsx", {
        "Budget": [["Konto", "Beløb"], ["4711", 100]], "Noter": [["intet"]]})

    with pytest.raises(NotAnExportError, match=r"budget\.xlsx.*no sheet.*Budget.*Noter"):
        workbench.imports.import_files([book], today=TODAY)
    assert snapshot(workbench) == before


def test_an_empty_workbook_is_refused(workbench: Workbench, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "tom.xlsx", {"Ark1": []})

    with pytest.raises(NotAnExportError, match="holds no data"):
        workbench.imports.import_files([book], today=TODAY)
