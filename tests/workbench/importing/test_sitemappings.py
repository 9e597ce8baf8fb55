"""Site mapping files: IT's and the user's folders, value tables, folding and conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.exports import (
    CASE_HEADER,
    TODAY,
    Case,
    write_cases,
    write_events,
    write_table,
    write_workbook,
)
from workbench.importing.mapping import (
    EVENT_KIND,
    SCHEME,
    MappingError,
    fold_word,
    parse_mapping,
)
from workbench.importing.sitemappings import (
    SITE,
    USER,
    USER_MAPPINGS_ENV,
    Mappings,
    mappings_in_force,
)
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.vocabulary import EventKind, Scheme

MUNICIPALITY = """
title = "Kommunens eksport"
[columns]
"Sags-ID" = ["Sagsnr"]
[values."Hændelse"]
"samtale" = ["Opfølgningssamtale", "Jobsamtale (tlf.)"]
"fællessamtale" = ["Fællessamtale m/ a-kasse"]
"rehabiliteringsteam" = ["Rehab.møde"]
[values."Ordning"]
"sygedagpenge" = ["Sygesag - lønmodtager", "Sygesag - ledig"]
"""


def site_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str = "") -> Path:
    """IT's config.toml in a folder of its own; the folder is returned."""
    folder = tmp_path / "it"
    folder.mkdir(exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(folder / "config.toml"))
    return folder


def mapping_file(folder: Path, name: str, text: str) -> Path:
    """A mapping file in ``folder`` (made if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def municipal_export(tmp_path: Path) -> tuple[Path, Path]:
    """A cases file headed Sagsnr, and an events file, written in the municipality's words."""
    header = ("Sagsnr", *CASE_HEADER[1:])
    case_file = write_table(tmp_path / "sager.csv", header, [
        Case("S1", scheme="Sygesag – lønmodtager").cells(),
        Case("S2", scheme="SYGESAG — LEDIG", cpr="020285-1234").cells(),
        Case("S3", scheme="fl", cpr="030380-1234").cells(),
    ])
    event_file = write_table(tmp_path / "haendelser.csv", ("Sagsnr", "Dato", "Hændelse"), [
        ("S1", "2026-02-01", "Opfølgningssamtale"),
        ("S1", "2026-02-10", "jobsamtale  (TLF.) "),
        ("S2", "2026-02-02", "Faellessamtale m/ a–kasse"),
        ("S3", "2026-02-03", "Rehab.møde"),
    ])
    return case_file, event_file


def imported_kinds(workbench: Workbench) -> dict[tuple[str, dt.date], EventKind]:
    """Every stored event's kind by case and date."""
    detail = {case_id: workbench.cases.case_detail(case_id, TODAY) for case_id in ("S1", "S2",
                                                                                   "S3")}
    return {(case_id, event.date): event.kind
            for case_id, case in detail.items() for event in case.events}


def test_folding_ignores_case_space_dashes_and_spelled_out_letters() -> None:
    assert fold_word("  Sygedagpenge – LØNMODTAGER ") == fold_word("sygedagpenge - loenmodtager")
    assert fold_word("Fællessamtale  m.\u00a0a—kasse") == "faellessamtale m. a-kasse"
    assert fold_word("Rehab.teammøde") != fold_word("Rehab teammøde")


def test_a_file_beside_the_site_config_maps_headings_and_words(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    it_folder = site_config(tmp_path, monkeypatch)
    mapping_file(it_folder / "mappings", "kommune.toml", MUNICIPALITY)

    summary = workbench.imports.import_files(list(municipal_export(tmp_path)), today=TODAY)

    assert summary.rejected == ()
    assert (summary.new, summary.events_added) == (3, 4)
    assert workbench.cases.case_detail("S2", TODAY).scheme is Scheme.SYGEDAGPENGE
    assert imported_kinds(workbench) == {
        ("S1", dt.date(2026, 2, 1)): EventKind.SAMTALE,
        ("S1", dt.date(2026, 2, 10)): EventKind.SAMTALE,
        ("S2", dt.date(2026, 2, 2)): EventKind.FAELLESSAMTALE,
        ("S3", dt.date(2026, 2, 3)): EventKind.REHABILITERINGSTEAM,
    }


def test_without_the_site_file_the_same_export_is_rejected_row_by_row(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_config(tmp_path, monkeypatch)
    case_file, _ = municipal_export(tmp_path)
    plain = write_cases(tmp_path / "plain.csv", [Case("S1", scheme="Sygesag - ledig")])

    summary = workbench.imports.import_files([plain], today=TODAY)

    assert [row.field for row in summary.rejected] == ["Ordning"]
    assert case_file.exists()


def test_mappings_folder_in_the_site_config_names_another_folder(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    it_folder = site_config(tmp_path, monkeypatch, "mappings_folder = 'delt/mappings'\n")
    mapping_file(it_folder / "delt" / "mappings", "kommune.toml", MUNICIPALITY)
    mapping_file(it_folder / "mappings", "ignored.toml", '[columns]\n"CPR" = ["Sagsnr"]\n')

    summary = workbench.imports.import_files(list(municipal_export(tmp_path)), today=TODAY)

    assert (summary.new, summary.events_added, summary.rejected) == (3, 4, ())
    in_force = mappings_in_force()
    assert [(f.origin, f.path) for f in in_force.folders][1] == (
        SITE, it_folder / "delt" / "mappings")
    assert in_force.origins[str(it_folder / "delt" / "mappings" / "kommune.toml")] == SITE


def test_the_users_own_folder_is_read_after_the_site_folder(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_config(tmp_path, monkeypatch)
    monkeypatch.setenv(USER_MAPPINGS_ENV, str(tmp_path / "mine"))
    mapping_file(tmp_path / "mine", "mine.toml", MUNICIPALITY)

    summary = workbench.imports.import_files(list(municipal_export(tmp_path)), today=TODAY)

    assert (summary.new, summary.rejected) == (3, ())
    in_force = mappings_in_force()
    assert [f.origin for f in in_force.folders] == ["bundled", SITE, USER]
    assert in_force.files[-1].source == str(tmp_path / "mine" / "mine.toml")


def test_value_tables_apply_to_a_workbook_too(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mapping_file(site_config(tmp_path, monkeypatch) / "mappings", "kommune.toml", MUNICIPALITY)
    start = dt.date(2026, 1, 5)
    path = write_workbook(tmp_path / "eksport.xlsx", {
        "Sager": [["Sagsnr", *CASE_HEADER[1:]],
                  ["S1", "0101901234", "Anne", "Sygesag – ledig", "ABC", "Nord", start, None]],
        "Hændelser": [["Sagsnr", "Dato", "Hændelse"],
                      ["S1", dt.date(2026, 2, 1), "JOBSAMTALE (TLF.)"],
                      ["S1", dt.date(2026, 2, 2), "Fællessamtale m/ a-kasse"]],
    })

    summary = workbench.imports.import_files([path], today=TODAY)

    assert (summary.new, summary.events_added, summary.rejected) == (1, 2, ())
    kinds = [event.kind for event in workbench.cases.case_detail("S1", TODAY).events]
    assert sorted(kind.value for kind in kinds) == ["fællessamtale", "samtale"]


def test_a_value_table_for_a_free_text_field_maps_it(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mapping_file(site_config(tmp_path, monkeypatch) / "mappings", "team.toml",
                 '[values."Team"]\n"Nord" = ["Team Nord", "JC Nord"]\n')
    path = write_cases(tmp_path / "sager.csv", [Case("S1", team="team  nord"),
                                                Case("S2", team="Syd", cpr="020285-1234")])

    workbench.imports.import_files([path], today=TODAY)

    assert {row.case_id: row.team for row in workbench.cases.caseload(TODAY)} == {
        "S1": "Nord", "S2": "Syd"}


def test_two_files_mapping_a_word_differently_are_reported_and_neither_wins(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_config(tmp_path, monkeypatch) / "mappings"
    mapping_file(folder, "a.toml", '[values."Hændelse"]\n"samtale" = ["Kaffesamtale"]\n')
    mapping_file(folder, "b.toml", '[values."Hændelse"]\n"fællessamtale" = ["kaffesamtale"]\n')
    cases_file = write_cases(tmp_path / "sager.csv", [Case("S1")])
    events_file = write_events(tmp_path / "h.csv", [("S1", "2026-02-01", "Kaffesamtale")])

    conflicts = mappings_in_force().conflicts
    summary = workbench.imports.import_files([cases_file, events_file], today=TODAY)

    assert len(conflicts) == 1
    described = conflicts[0].describe()
    assert "Kaffesamtale" in described and str(folder / "a.toml") in described
    assert str(folder / "b.toml") in described
    assert [(row.field, row.line) for row in summary.rejected] == [("Hændelse", 2)]
    assert "a.toml" in summary.rejected[0].reason and "b.toml" in summary.rejected[0].reason
    assert summary.events_added == 0


def test_two_files_mapping_a_heading_differently_refuse_the_table(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_config(tmp_path, monkeypatch) / "mappings"
    mapping_file(folder, "a.toml", '[columns]\n"Startdato" = ["Indsatsdato"]\n')
    mapping_file(folder, "b.toml", '[columns]\n"Afsluttet" = ["indsatsdato"]\n')
    header = (*CASE_HEADER[:6], "Indsatsdato")
    path = write_table(tmp_path / "sager.csv", header, [Case("S1").cells()[:7]])

    with pytest.raises(MappingError) as refused:
        workbench.imports.import_files([path], today=TODAY)

    assert "Indsatsdato" in str(refused.value)
    assert "a.toml" in str(refused.value) and "b.toml" in str(refused.value)
    assert workbench.cases.is_empty()


def test_the_same_word_mapped_alike_by_two_files_is_no_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_config(tmp_path, monkeypatch) / "mappings"
    mapping_file(folder, "a.toml", '[values."Hændelse"]\n"samtale" = ["Jobsamtale"]\n')
    mapping_file(folder, "b.toml", '[values."Hændelse"]\n"samtale" = ["JOBSAMTALE"]\n')

    in_force = mappings_in_force()

    assert in_force.conflicts == ()
    assert in_force.words.translate(EVENT_KIND, "jobsamtale") == "samtale"


def test_a_malformed_site_file_refuses_the_import_naming_file_table_and_key(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_config(tmp_path, monkeypatch) / "mappings"
    bad = mapping_file(folder, "kommune.toml", '[values."Hændelse"]\n"kaffe" = ["Kaffemøde"]\n')

    with pytest.raises(MappingError) as refused:
        workbench.imports.import_files([write_cases(tmp_path / "s.csv", [Case("S1")])], today=TODAY)

    message = refused.value.in_language("en")
    assert message.startswith(f"{bad}: [values.\"Hændelse\"], key 'kaffe': not a word")
    assert workbench.cases.is_empty()


@pytest.mark.parametrize(("text", "table", "entry"), [
    ('[values."CPR"]\n"x" = ["y"]', 'values."CPR"', "CPR"),
    ('[values."Farve"]\n"x" = ["y"]', 'values."Farve"', "Farve"),
    ('[values."Ordning"]\n"sygedagpenge" = "SDP-L"', 'values."Ordning"', "sygedagpenge"),
    ('[values."Ordning"]\n"sygedagpenge" = []', 'values."Ordning"', "sygedagpenge"),
    ('[values."Ordning"]\n"sygedagpenge" = ["x"]\n"kontanthjælp" = ["X"]',
     'values."Ordning"', "kontanthjælp"),
    ('[values."Hændelse"]\n"fællessamtale" = ["samtale"]', 'values."Hændelse"',
     "fællessamtale"),
    ('[columns]\n"CPR" = ["Nr"]\n"Sags-ID" = ["nr"]', "columns", "Sags-ID"),
    ('values = 3', "values", None),
    ('farve = "blå"', None, "farve"),
])
def test_every_malformed_value_table_names_its_table_and_key(
    text: str, table: str | None, entry: str | None
) -> None:
    with pytest.raises(MappingError) as refused:
        parse_mapping(text, "it/kommune.toml")

    message = refused.value.in_language("en")
    assert message.startswith("it/kommune.toml: ")
    if table is not None:
        assert f"[{table}]" in message
    if entry is not None:
        assert f"'{entry}'" in message


def test_a_value_table_key_may_be_any_spelling_of_the_canonical_word() -> None:
    mapping = parse_mapping('[values."Ordning"]\n"SDP" = ["Sygedagpenge - ledig"]', "k.toml")

    assert mapping.values == {SCHEME: {"sygedagpenge - ledig": "sygedagpenge"}}


def test_check_file_reports_its_conflicts_with_the_files_in_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_config(tmp_path, monkeypatch) / "mappings"
    mapping_file(folder, "a.toml", '[values."Hændelse"]\n"samtale" = ["Jobsamtale"]\n')
    candidate = mapping_file(tmp_path / "new", "b.toml",
                             '[values."Hændelse"]\n"tilbud" = ["jobsamtale"]\n')

    checked, conflicts = Mappings().check_file(candidate)

    assert checked.values == {EVENT_KIND: {"jobsamtale": "tilbud"}}
    assert [c.text for c in conflicts] == ["Jobsamtale"]
    assert mappings_in_force().words.translate(EVENT_KIND, "jobsamtale") == "samtale"
    assert Mappings().check_file(folder / "a.toml")[1] == ()


def test_the_shipped_mappings_agree_with_each_other() -> None:
    in_force = mappings_in_force()

    assert in_force.conflicts == ()
    assert {m.name for m in in_force.files} >= {"indsats", "sagsnummer", "star-dfdg"}


def test_a_case_system_export_imports_through_the_shipped_mapping(
    workbench: Workbench, tmp_path: Path
) -> None:
    header = ("IndsatsID", "CPR", "Navn", "Indsats", "PrimærAnsvarlig", "Organisation",
              "IndsatsStartDato", "IndsatsSlutDato")
    case_file = write_table(tmp_path / "indsatser.csv", header, [
        ("I-1", "0101901234", "Anne", "Sygedagpenge – lønmodtager", "ABC", "Nord",
         "05-01-2026", ""),
        ("I-2", "0202851234", "Bo", "Kontanthjælp - jobparat", "DEF", "Syd", "01-12-2025",
         "01-03-2026"),
    ])
    event_file = write_table(tmp_path / "aktiviteter.csv",
                             ("IndsatsID", "AktivitetDato", "Aktivitet"),
                             [("I-1", "02-02-2026", "Jobsamtale (telefon)"),
                              ("I-1", "03-02-2026", "Rehab.teammøde")])

    summary = workbench.imports.import_files([case_file, event_file], today=TODAY)

    assert (summary.new, summary.events_added, summary.rejected) == (2, 2, ())
    case = workbench.cases.case_detail("I-2", TODAY)
    assert (case.scheme, case.caseworker, case.closed_on) == (
        Scheme.KONTANTHJAELP, "DEF", dt.date(2026, 3, 1))


def test_star_words_and_the_first_day_of_absence_import_through_the_shipped_mapping(
    workbench: Workbench, tmp_path: Path
) -> None:
    header = ("Sagsnummer", "CPR-nummer", "Borgerens navn", "Ydelsesgruppe", "Sagsbehandler",
              "Første sygedag")
    case_file = write_table(tmp_path / "star.csv", header, [
        ("77", "0101901234", "Anne", "Sygedagpengemodtagere", "ABC", "2026-01-05"),
        ("78", "0202851234", "Bo", "A-dagpengemodtagere", "ABC", "2026-01-12")])
    event_file = write_table(tmp_path / "samtaler.csv",
                             ("Sagsnummer", "Samtaledato", "Samtaletype"), [
                                 ("77", "2026-02-01", "Jobsamtale (video)"),
                                 ("78", "2026-02-02", "Fællessamtale med A-kasse"),
                                 ("78", "2026-02-03", "Rådighedssamtale")])

    summary = workbench.imports.import_files([case_file, event_file], today=TODAY)

    assert (summary.new, summary.events_added) == (2, 2)
    assert [(row.line, row.field) for row in summary.rejected] == [(4, "Samtaletype")]
    assert workbench.cases.case_detail("78", TODAY).scheme is Scheme.FORSIKRET_LEDIG
    assert workbench.cases.case_detail("77", TODAY).start == dt.date(2026, 1, 5)


def test_the_readme_example_for_it_is_a_valid_mapping_file_without_conflicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n# \\\\fil01\\jobcenter\\mappings\\kommune.toml\n")[1]
    mapping_file(site_config(tmp_path, monkeypatch) / "mappings", "kommune.toml",
                 block.split("```")[0])

    in_force = mappings_in_force()

    assert in_force.conflicts == ()
    kommune = in_force.files[-1]
    assert kommune.title == "Kommunens eksport"
    assert set(kommune.values) == {EVENT_KIND, SCHEME, "Team"}
    assert in_force.words.translate("Team", "jc  nord") == "Nord"
