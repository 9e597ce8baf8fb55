"""The dry run: what an import would do, with the database exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.helpers.exports import (
    TODAY,
    Case,
    cases,
    snapshot,
    write_cases,
    write_events,
)
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_REJECTED_ROWS, main
from workbench.importing.dryrun import SHOWN_REJECTIONS, count_line, describe
from workbench.importing.mapping import EVENT_KIND, TableKind
from workbench.messages import LANGUAGE_ENV, render
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.views import ImportSummary

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; test_import_language checks the Danish ones."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (database, journal, backups) by name, with its hash."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def first_import(database_url: str, tmp_path: Path) -> None:
    """Six open cases and an event, imported and closed again."""
    with Workbench.open(database_url) as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "first.csv", cases(6)),
                                        write_events(tmp_path / "first-h.csv",
                                                     [("S1", "2026-02-01",
                                                       "samtale")])], today=TODAY)


def second_export(tmp_path: Path) -> list[Path]:
    """New (S7), updated (S2), missing (S4: closed), one bad row, events good and unknown."""
    case_file = write_cases(tmp_path / "second.csv", [
        Case("S1"), Case("S2", caseworker="XYZ"), Case("S3"), Case("S5"),
        Case("S6", start="i går"), Case("S7")])
    event_file = write_events(tmp_path / "second-h.csv", [
        ("S1", "2026-02-01", "samtale"), ("S1", "2026-02-20", "Kaffemøde"),
        ("S2", "2026-02-21", "kaffemøde "), ("S3", "2026-02-22", "screening"),
        ("S3", "2026-02-23", "Frokost")])
    return [case_file, event_file]


def test_a_dry_run_changes_nothing_and_says_what_the_import_does(
    database_url: str, is_sqlite: bool, tmp_path: Path
) -> None:
    first_import(database_url, tmp_path)
    export = second_export(tmp_path)
    data_folder = Path(database_url).parent
    with Workbench.open(database_url) as workbench:
        rows_before = snapshot(workbench)
    files_before = folder_state(data_folder) if is_sqlite else {}

    with Workbench.open(database_url) as workbench:
        preview = workbench.imports.preview_import(export, today=TODAY)

    if is_sqlite:
        assert folder_state(data_folder) == files_before  # byte for byte, and no new backup
    with Workbench.open(database_url) as workbench:
        assert snapshot(workbench) == rows_before
        summary = workbench.imports.import_files(export, today=TODAY)
    assert preview.summary == summary
    assert (summary.new, summary.updated, summary.closed, summary.events_added) == (1, 1, 1, 1)
    assert preview.rejects_rows
    assert [(u.label, u.kind, u.rows, u.mapping) for u in preview.tables] == [
        ("second.csv", TableKind.CASES, 6, "canonical"),
        ("second-h.csv", TableKind.EVENTS, 5, "canonical")]
    assert [(w.field, w.word, w.count, w.example_table, w.example_line)
            for w in preview.unknown_words] == [
        (EVENT_KIND, "Kaffemøde", 2, "second-h.csv", 3),
        (EVENT_KIND, "Frokost", 1, "second-h.csv", 6)]


def test_a_dry_run_of_a_truncated_export_says_it_would_be_refused(
    workbench: Workbench, tmp_path: Path
) -> None:
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(10))], today=TODAY)
    before = snapshot(workbench)

    preview = workbench.imports.preview_import([write_cases(tmp_path / "b.csv", cases(2))],
                                               today=TODAY)

    assert preview.refused is not None and preview.refused.would_close == 8
    assert preview.summary.closed == 8
    assert snapshot(workbench) == before
    assert any(line.startswith("refused: ") for line in describe(preview))


def test_the_count_line_names_every_count_of_the_summary() -> None:
    summary = ImportSummary(files=("a.csv",), new=3, closed=1)

    line = count_line(summary)

    assert line == ("new: 3, updated: 0, closed: 1, reopened: 0, events added: 0, "
                    "events confirmed: 0, rejected rows: 0, renamed: 0")


def test_workbench_import_dry_run_exits_3_with_the_unknown_words(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    first_import(database_url, tmp_path)

    code = main(["--db", database_url, "import", "--dry-run",
                 *(str(p) for p in second_export(tmp_path))])

    out = capsys.readouterr().out
    assert code == EXIT_REJECTED_ROWS
    assert out.splitlines()[0] == "dry run: second.csv, second-h.csv (nothing was changed)"
    assert "unknown word: Hændelse 'Frokost' (column 'Hændelse'): 1 row(s), e.g. " \
           "second-h.csv line 6" in out
    assert "would: new: 1, updated: 1, closed: 1" in out
    with Workbench.open(database_url) as workbench:
        assert {row.case_id for row in workbench.cases.caseload(TODAY)} == {
            "S1", "S2", "S3", "S4", "S5", "S6"}


def test_workbench_import_dry_run_exits_0_when_all_rows_would_import(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    code = main(["--db", database_url, "import", "--dry-run",
                 str(write_cases(tmp_path / "a.csv", cases(2)))])

    assert code == EXIT_OK
    assert "would: new: 2," in capsys.readouterr().out
    with Workbench.open(database_url) as workbench:
        assert workbench.cases.is_empty()


def test_a_dry_run_creates_no_database_that_did_not_exist(
    tmp_path: Path, capsys: Capture
) -> None:
    database = tmp_path / "data" / "workbench.db"
    database.parent.mkdir()

    code = main(["--db", str(database), "import", "--dry-run",
                 str(write_cases(tmp_path / "a.csv", cases(3)))])

    assert code == EXIT_OK
    assert "would: new: 3," in capsys.readouterr().out
    assert list(database.parent.iterdir()) == []


def test_the_dry_run_lists_a_few_rejections_and_counts_the_rest(
    workbench: Workbench, tmp_path: Path
) -> None:
    rows = [Case(f"S{n}", start="i går") for n in range(SHOWN_REJECTIONS + 5)]

    preview = workbench.imports.preview_import([write_cases(tmp_path / "a.csv", rows)], today=TODAY)

    lines = describe(preview)
    assert sum(line.startswith("would reject: a.csv") for line in lines) == SHOWN_REJECTIONS
    assert lines[-1] == "would reject: 5 more rows"


def test_mapping_check_and_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    it_folder = tmp_path / "it"
    (it_folder / "mappings").mkdir(parents=True)
    monkeypatch.setenv(SITE_CONFIG_ENV, str(it_folder / "config.toml"))
    site_file = it_folder / "mappings" / "kommune.toml"
    site_file.write_text('title = "Kommunen"\n[values."Hændelse"]\n'
                         '"samtale" = ["Jobsamtale", "Opfølgningssamtale"]\n', encoding="utf-8")
    good = tmp_path / "ny.toml"
    good.write_text('[columns]\n"Sags-ID" = ["Sagsnr"]\n', encoding="utf-8")
    clashing = tmp_path / "clash.toml"
    clashing.write_text('[values."Hændelse"]\n"tilbud" = ["jobsamtale"]\n', encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text('[values."Ordning"]\n"ledig" = ["x"]\n', encoding="utf-8")

    assert main(["mapping", "check", str(good)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [f"ok: {good}", "  heading Sags-ID: Sagsnr"]
    assert main(["mapping", "check", str(clashing)]) == EXIT_INPUT
    assert "conflict: " in capsys.readouterr().out
    assert main(["mapping", "check", str(broken)]) == EXIT_INPUT
    err = capsys.readouterr().err
    prefix = render("cli.error", {"message": f"{broken}: [values.\"Ordning\"],"})
    assert err.startswith(prefix) and "'ledig'" in err
    assert main(["mapping", "list"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert f"folder site: {it_folder / 'mappings'}" in out
    assert f"mapping 'kommune' (site, {site_file})" in out
    assert "  word Hændelse 'samtale': Jobsamtale, Opfølgningssamtale" in out
    clashing.rename(it_folder / "mappings" / "clash.toml")
    assert main(["mapping", "list"]) == EXIT_INPUT
    assert any(line.startswith("conflict: ") for line in capsys.readouterr().out.splitlines())
