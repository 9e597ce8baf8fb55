"""The import's summary and its dry run in the user's language: Danish unless asked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.helpers.exports import Case, cases, write_cases, write_events
from workbench.cli import EXIT_OK, EXIT_REJECTED_ROWS, main
from workbench.importing.summarytext import COUNTS, count_line, rejected_line
from workbench.messages import LANGUAGE_ENV
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.views import ImportSummary, RejectedRow

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No WORKBENCH_LANGUAGE: the default (Danish) holds unless ``--language`` says otherwise."""
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)


def export(tmp_path: Path) -> list[str]:
    """Three cases, one of them with an unknown scheme (rejected), and one event."""
    case_file = write_cases(tmp_path / "sager.csv", [
        Case("S1"), Case("S2", scheme="pension"), Case("S3")])
    event_file = write_events(tmp_path / "haendelser.csv", [("S1", "2026-02-01", "samtale")])
    return [str(case_file), str(event_file)]


def test_the_import_summary_is_danish_by_default(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    code = main(["--db", database_url, "import", *export(tmp_path), "--today", "2026-03-10"])

    lines = capsys.readouterr().out.splitlines()
    assert code == EXIT_REJECTED_ROWS
    assert lines[0] == "indlæst: sager.csv, haendelser.csv"
    assert lines[1] == ("nye: 2, opdaterede: 0, lukkede: 0, genåbnede: 0, "
                        "hændelser tilføjet: 1, hændelser bekræftet: 0, afviste rækker: 1, "
                        "omdøbte: 0")
    assert lines[2].startswith("afvist: sager.csv linje 3, Ordning: ")
    assert "'pension'" in lines[2]


def test_the_import_summary_is_english_with_language_en(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    code = main(["--language", "en", "--db", database_url, "import", *export(tmp_path),
                 "--today", "2026-03-10"])

    lines = capsys.readouterr().out.splitlines()
    assert code == EXIT_REJECTED_ROWS
    assert lines[:2] == [
        "imported: sager.csv, haendelser.csv",
        "new: 2, updated: 0, closed: 0, reopened: 0, events added: 1, events confirmed: 0, "
        "rejected rows: 1, renamed: 0",
    ]
    assert lines[2].startswith(
        "rejected: sager.csv line 3, Ordning: unknown scheme (Ordning) 'pension'")
    assert len(lines) == 3


def test_the_dry_run_is_danish_by_default(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    code = main(["--db", database_url, "import", "--dry-run", *export(tmp_path)])

    lines = capsys.readouterr().out.splitlines()
    assert code == EXIT_REJECTED_ROWS
    assert lines[0] == "prøvekørsel: sager.csv, haendelser.csv (intet blev ændret)"
    assert any(line.startswith("tabel: sager.csv: ") and ", 3 rækker, " in line
               for line in lines)
    assert "ville give: nye: 2, opdaterede: 0, lukkede: 0, genåbnede: 0, " \
           "hændelser tilføjet: 1, hændelser bekræftet: 0, afviste rækker: 1, omdøbte: 0" \
           in lines
    assert any(line.startswith("ville afvise: sager.csv linje 3, Ordning: ") for line in lines)
    assert not any(line.startswith(("dry run", "would", "table:")) for line in lines)


def test_the_dry_run_is_english_with_language_en(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    code = main(["--db", database_url, "--language", "en", "import", "--dry-run",
                 str(write_cases(tmp_path / "a.csv", cases(2)))])

    lines = capsys.readouterr().out.splitlines()
    assert code == EXIT_OK
    assert lines[0] == "dry run: a.csv (nothing was changed)"
    assert "would: new: 2, updated: 0, closed: 0, reopened: 0, events added: 0, " \
           "events confirmed: 0, rejected rows: 0, renamed: 0" in lines


def test_the_summary_and_the_dry_run_share_one_count_line_of_every_count() -> None:
    summary = ImportSummary(files=("a.csv",), new=1, updated=2, closed=3, reopened=4,
                            events_added=5, events_confirmed=6,
                            rejected=(RejectedRow("a.csv", 2, None, "x"),), renamed=("S1",))
    counted = {name for name, value in vars(ImportSummary).get("__dataclass_fields__", {})
               .items() if value.type in ("int", int)}

    assert set(COUNTS) == counted
    assert count_line(summary, "da") == (
        "nye: 1, opdaterede: 2, lukkede: 3, genåbnede: 4, hændelser tilføjet: 5, "
        "hændelser bekræftet: 6, afviste rækker: 1, omdøbte: 1")
    assert count_line(summary, "en") == (
        "new: 1, updated: 2, closed: 3, reopened: 4, events added: 5, events confirmed: 6, "
        "rejected rows: 1, renamed: 1")


def test_a_rejected_row_line_keeps_a_cpr_number_masked() -> None:
    row = RejectedRow("a.csv", 4, "CPR", "the CPR 010190-1234 is taken by S9")

    line = rejected_line("import.summary.rejected", row, "da")

    assert "010190-1234" not in line and "0101901234" not in line
    assert line.startswith("afvist: a.csv linje 4, CPR: the CPR 010190-")


def test_the_dry_run_follows_the_database_language_setting(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    with Workbench.open(database_url) as workbench:
        workbench.settings.save(dataclasses.replace(workbench.settings.load(), language="en"))

    code = main(["--db", database_url, "import", "--dry-run",
                 str(write_cases(tmp_path / "a.csv", cases(2)))])

    assert code == EXIT_OK
    assert capsys.readouterr().out.splitlines()[0] == "dry run: a.csv (nothing was changed)"


def test_mapping_check_and_list_speak_danish_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    it_folder = tmp_path / "it"
    (it_folder / "mappings").mkdir(parents=True)
    monkeypatch.setenv(SITE_CONFIG_ENV, str(it_folder / "config.toml"))
    (it_folder / "mappings" / "kommune.toml").write_text(
        'title = "Kommunen"\n[values."Hændelse"]\n"samtale" = ["Jobsamtale"]\n',
        encoding="utf-8")
    good = tmp_path / "ny.toml"
    good.write_text('[columns]\n"Sags-ID" = ["Sagsnr"]\n', encoding="utf-8")

    assert main(["mapping", "check", str(good)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [f"ok: {good}", "  overskrift Sags-ID: Sagsnr"]
    assert main(["mapping", "list"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert f"mappe IT: {it_folder / 'mappings'}" in out
    assert "mapping 'canonical' (indbygget): overskrifterne i det centrale udtræk" in out
    assert "  titel: Kommunen" in out
    assert "  ord Hændelse 'samtale': Jobsamtale" in out
    assert main(["--language", "en", "mapping", "list"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert "  word Hændelse 'samtale': Jobsamtale" in out
    assert f"folder site: {it_folder / 'mappings'}" in out


def test_the_report_line_is_danish_by_default(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    assert main(["--db", database_url, "import", *export(tmp_path), "--today", "2026-03-10"]) \
        == EXIT_REJECTED_ROWS
    capsys.readouterr()
    out = tmp_path / "status.xlsx"

    assert main(["--db", database_url, "report", "--out", str(out), "--today",
                 "2026-03-10"]) == EXIT_OK

    printed = capsys.readouterr().out
    assert printed.startswith(f"rapport: {out} (2 åbne sager: ")
    assert "stikprøve til supervision på " in printed
