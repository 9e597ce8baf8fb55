"""Case attributes from the export's optional columns, or set here, as rule conditions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.exports import CASE_HEADER, Case, write_events, write_table
from workbench.audit import AuditAction
from workbench.errors import InputError, UnknownCaseError
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV

TODAY = dt.date(2026, 11, 30)
FL = Case("F1", scheme="forsikret ledig", start="2026-01-05")
KH = Case("K1", scheme="kontanthjælp", start="2026-08-03")


@pytest.fixture(autouse=True)
def no_site_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT chose no profile: a new database takes today's law, gaeldende-2026."""
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))


def export(folder: Path, extra: dict[str, tuple[str, str]] | None = None) -> list[Path]:
    """F1 and K1; ``extra`` adds columns: heading → (F1's cell, K1's cell)."""
    folder.mkdir(parents=True, exist_ok=True)
    columns = extra or {}
    header = (*CASE_HEADER, *columns)
    rows = [(*FL.cells(), *(cells[0] for cells in columns.values())),
            (*KH.cells(), *(cells[1] for cells in columns.values()))]
    return [write_table(folder / "sager.csv", header, rows),
            write_events(folder / "haendelser.csv", [])]


def rule_ids(workbench: Workbench, case_id: str) -> set[str]:
    return {m.rule_id for m in workbench.cases.case_detail(case_id, TODAY).milestones}


def test_export_columns_make_conditional_rules_apply(workbench: Workbench, tmp_path: Path,
                                                     ) -> None:
    workbench.imports.import_files(export(tmp_path / "a"), today=TODAY)
    assert "FL24-JC" in rule_ids(workbench, "F1") and "FL24-JC6" not in rule_ids(workbench, "F1")
    assert not rule_ids(workbench, "K1") & {"KH26-J", "KH26-TB"}

    workbench.imports.import_files(export(tmp_path / "b", {"Kategori": ("Jobcenter", ""),
                                                           "Målgruppe": ("", " Jobparat ")}),
                                   today=TODAY)
    assert "FL24-JC6" in rule_ids(workbench, "F1") and "FL24-JC" not in rule_ids(workbench, "F1")
    assert rule_ids(workbench, "K1") >= {"KH26-J", "KH26-TB"}
    assert workbench.cases.case_detail("K1", TODAY).attributes == (("maalgruppe", "jobparat"),)
    # The lists use them too.
    by_case = {row.case_id: row for row in workbench.cases.caseload(TODAY)}
    assert by_case["K1"].milestone_id in rule_ids(workbench, "K1")


def test_an_export_without_the_column_keeps_the_value_and_an_empty_cell_clears_it(
    workbench: Workbench, tmp_path: Path,
) -> None:
    workbench.imports.import_files(export(tmp_path / "a", {"Målgruppe": ("", "jobparat")}),
                                   today=TODAY)
    workbench.imports.import_files(export(tmp_path / "b"), today=TODAY)
    assert workbench.attributes.of_case("K1") == {"maalgruppe": "jobparat"}
    workbench.imports.import_files(export(tmp_path / "c", {"Målgruppe": ("", "")}), today=TODAY)
    assert workbench.attributes.of_case("K1") == {}


def test_a_value_set_here_wins_and_no_import_overwrites_it(workbench: Workbench,
                                                           tmp_path: Path) -> None:
    workbench.imports.import_files(export(tmp_path / "a", {"Målgruppe": ("", "aktivitetsparat")}),
                                   today=TODAY)
    workbench.attributes.set("K1", "Målgruppe", "Jobparat", by="AB")
    assert rule_ids(workbench, "K1") >= {"KH26-J", "KH26-TB"}
    workbench.imports.import_files(export(tmp_path / "b", {"Målgruppe": ("", "aktivitetsparat")}),
                                   today=dt.date(2026, 12, 1))
    assert workbench.attributes.of_case("K1") == {"maalgruppe": "jobparat"}
    workbench.attributes.set("K1", "maalgruppe", None, by="AB")   # back to the export's
    assert workbench.attributes.of_case("K1") == {"maalgruppe": "aktivitetsparat"}
    assert not rule_ids(workbench, "K1") & {"KH26-J", "KH26-TB"}
    assert [(e.initials, e.case_id, e.detail) for e in workbench.audit.audit_log()
            if e.action is AuditAction.CASE_ATTRIBUTE] == [
        ("AB", "K1", "maalgruppe = jobparat"), ("AB", "K1", "maalgruppe cleared")]


def test_setting_an_attribute_that_makes_no_sense_changes_nothing(
    workbench: Workbench, tmp_path: Path,
) -> None:
    workbench.imports.import_files(export(tmp_path / "a"), today=TODAY)
    with pytest.raises(InputError, match="alder"):
        workbench.attributes.set("K1", "alder", "50", by="AB")
    with pytest.raises(InputError, match="maalgruppe"):
        workbench.attributes.set("K1", "maalgruppe", "  ", by="AB")
    with pytest.raises(UnknownCaseError):
        workbench.attributes.set("K9", "maalgruppe", "jobparat", by="AB")
    assert workbench.attributes.of_case("K1") == {}
    assert not [e for e in workbench.audit.audit_log() if e.action is AuditAction.CASE_ATTRIBUTE]


def test_a_sites_mapping_file_names_the_columns_and_words_of_its_export(
    workbench: Workbench, tmp_path: Path,
) -> None:
    folder = tmp_path / "mappings"    # beside the (empty) site config.toml of no_site_profile
    folder.mkdir()
    (folder / "kommunen.toml").write_text(
        'title = "Kommunen"\n[columns]\n"Sags-ID" = ["Kommunens sagsnøgle"]\n'
        '"Målgruppe" = ["Målgrp."]\n'
        '[values."Målgruppe"]\n"jobparat" = ["JP"]\n', encoding="utf-8")
    header = ("Kommunens sagsnøgle", *CASE_HEADER[1:], "Målgrp.")
    cases_file = write_table(tmp_path / "sager.csv", header,
                             [(*FL.cells(), ""), (*KH.cells(), "JP")])
    workbench.imports.import_files([cases_file], today=TODAY)
    assert workbench.attributes.of_case("K1") == {"maalgruppe": "jobparat"}
    assert rule_ids(workbench, "K1") >= {"KH26-J", "KH26-TB"}
