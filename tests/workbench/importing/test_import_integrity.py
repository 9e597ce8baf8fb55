"""Issue 13: a row never closes its case, an id never changes citizen, no file breaks the import.

Every store test runs on SQLite and on the real PostgreSQL server (``database_url``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.helpers.exports import (
    CASE_HEADER,
    TODAY,
    Case,
    cases,
    snapshot,
    write_cases,
    write_events,
    write_table,
)
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_REJECTED_ROWS, main
from workbench.errors import DamagedExportError, NotAnExportError
from workbench.session import Workbench
from workbench.vocabulary import Channel, EventKind

Capture = pytest.CaptureFixture[str]
#: A full CPR number in any spelling: with a dash, without, with a space.
FULL_CPR = re.compile(r"\d{6}[- ]?\d{4}")


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")


def import_(workbench: Workbench, *paths: Path, today: dt.date = TODAY):
    return workbench.imports.import_files(list(paths), today=today)


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def open_ids(workbench: Workbench) -> set[str]:
    return {row.case_id for row in workbench.cases.caseload(TODAY)}


def write_lines(path: Path, *lines: str, end: str = "\r\n") -> Path:
    path.write_bytes(("\r\n".join(lines) + end).encode("utf-8"))
    return path


HEADER = ";".join(CASE_HEADER)


def row(case_id: str, cpr: str = "010190-1234", delimiter: str = ";") -> str:
    return delimiter.join(Case(case_id, cpr=cpr).cells())


# --- 1. rejected rows never close; damaged files are refused whole --------------------


@pytest.mark.parametrize(("lines", "end", "line", "words"), [
    # a row written with commas among semicolon rows
    ([HEADER, row("S1"), row("S2", delimiter=","), row("S3")], "\r\n", 3, ["','", "';'"]),
    # an unterminated quote swallows the rows after it: the damage starts where it opens
    ([HEADER, row("S1"), 'S2;"010190-1234;Anne;SDP;ABC;Nord;2026-01-05;', row("S3")], "\r\n",
     3, ["quote"]),
    # the last line cut short: no line end, fewer fields than the header
    ([HEADER, row("S1"), row("S2"), "S3;010190-1234;An"], "", 4, ["cut short"]),
    # two lines run together: more fields than the header
    ([HEADER, row("S1"), row("S2") + "S3;010190-1234;Anne;SDP;ABC", row("S4")], "\r\n", 3,
     ["run together"]),
])
def test_a_damaged_file_is_refused_whole_naming_file_and_line(
    workbench: Workbench, tmp_path: Path, lines: list[str], end: str, line: int,
    words: list[str],
) -> None:
    import_(workbench, write_cases(tmp_path / "before.csv", cases(3)))
    before = snapshot(workbench)
    damaged = write_lines(tmp_path / "sager.csv", *lines, end=end)

    with pytest.raises(DamagedExportError) as refused:
        import_(workbench, damaged)

    assert refused.value.line == line
    message = str(refused.value)
    assert str(damaged) in message and f"line {line}" in message
    assert all(word in message for word in words)
    assert snapshot(workbench) == before


def test_a_complete_last_line_without_a_line_end_and_trailing_empty_fields_are_fine(
    workbench: Workbench, tmp_path: Path
) -> None:
    summary = import_(workbench, write_lines(tmp_path / "sager.csv", HEADER, row("S1") + ";;",
                                             row("S2"), end=""))
    assert (summary.new, summary.rejected) == (2, ())


def test_a_damaged_file_exits_2_on_the_command_line(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    damaged = write_lines(tmp_path / "sager.csv", HEADER, row("S1"), row("S2", delimiter=","))
    code, out, err = run(capsys, "--db", database_url, "import", str(damaged))
    assert (code, out) == (EXIT_INPUT, "")
    assert "line 3" in err and "Traceback" not in err and not FULL_CPR.search(err)


def test_a_rejected_row_keeps_its_case_open_whatever_field_is_bad(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(5)))
    summary = import_(workbench, write_cases(tmp_path / "b.csv", [
        Case("S1"), Case("S2", cpr="01019"), Case("S3", start="9999-12-31"),
        Case("S4", scheme="ukendt"), Case("S5", name=""),
    ]))
    assert summary.closed == 0
    assert [r.line for r in summary.rejected] == [3, 4, 5, 6]
    assert open_ids(workbench) == {"S1", "S2", "S3", "S4", "S5"}


def test_a_case_named_in_another_column_of_a_rejected_row_stays_open(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(6)))
    # S6's row lost its first fields: its id now sits where the CPR number belongs.
    shifted = write_lines(tmp_path / "b.csv", HEADER, *(row(f"S{n}") for n in range(1, 6)),
                          "x;S6;Anne Jensen;SDP;ABC;Nord;2026-01-05;")
    summary = import_(workbench, shifted)
    assert summary.closed == 0 and len(summary.rejected) == 1
    assert "S6" in open_ids(workbench)


def test_a_case_no_row_names_is_still_closed(workbench: Workbench, tmp_path: Path) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(10)))
    summary = import_(workbench, write_cases(tmp_path / "b.csv", [
        *cases(9), Case("S10x", cpr="bad")]))
    assert summary.closed == 1  # "S10x" is not "S10": a word, not a part of one
    assert "S10" not in open_ids(workbench)


# --- 2. case identity ------------------------------------------------------------------


def test_another_cpr_under_a_known_id_is_rejected_and_the_case_untouched(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(3)))
    workbench.registrations.register_event("S2", EventKind.SAMTALE, dt.date(2026, 2, 2), by="ABC")
    workbench.registrations.add_note("S2", "ringede", by="ABC")
    workbench.inquiries.add("S2", Channel.PHONE, dt.date(2026, 3, 2), by="ABC")
    before = workbench.cases.case_detail("S2", TODAY)
    changed = write_cases(tmp_path / "b.csv", [
        Case("S1"), Case("S2", cpr="020202-4321", name="Bo Hansen"), Case("S3")])

    summary = import_(workbench, changed)

    assert summary.closed == summary.updated == summary.new == 0
    [rejected] = summary.rejected
    assert (rejected.file, rejected.line, rejected.field) == ("b.csv", 3, "CPR")
    assert "S2" in rejected.reason and "b.csv" in rejected.reason and "row 3" in rejected.reason
    assert "010190-xxxx" in rejected.reason and "020202-xxxx" in rejected.reason
    assert not FULL_CPR.search(rejected.reason)
    after = workbench.cases.case_detail("S2", TODAY)
    assert after == before


def test_another_cpr_exits_3_and_prints_no_full_cpr(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    first = write_cases(tmp_path / "a.csv", cases(2))
    assert run(capsys, "--db", database_url, "import", str(first))[0] == EXIT_OK
    second = write_cases(tmp_path / "b.csv", [Case("S1"), Case("S2", cpr="0202024321")])
    code, out, err = run(capsys, "--db", database_url, "import", str(second))
    assert (code, err) == (EXIT_REJECTED_ROWS, "")
    assert "rejected: b.csv line 3, CPR:" in out and "S2" in out
    assert not FULL_CPR.search(out)


def test_a_new_name_for_the_same_cpr_is_an_update_listed_as_renamed(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    first = write_cases(tmp_path / "a.csv", cases(3))
    run(capsys, "--db", database_url, "import", str(first))
    renamed = write_cases(tmp_path / "b.csv", [
        Case("S1"), Case("S2", name="Anne Jensen-Holm", cpr="0101901234"), Case("S3")])
    code, out, _ = run(capsys, "--db", database_url, "import", str(renamed))
    assert code == EXIT_OK
    assert "updated: 1," in out and "renamed: 1" in out and "renamed: S2" in out
    with Workbench.open(database_url) as workbench:
        assert workbench.cases.case_detail("S2", TODAY).name == "Anne Jensen-Holm"


# --- 3. bounds on dates and sizes ------------------------------------------------------


def test_dates_outside_1900_to_two_years_ahead_are_rejected_rows(
    workbench: Workbench, tmp_path: Path
) -> None:
    summary = import_(workbench, write_cases(tmp_path / "sager.csv", [
        Case("S1", start="9999-12-31"), Case("S2", start="1899-12-31"),
        Case("S3", start="2028-03-10"), Case("S4", start="2028-03-11"),
        Case("S5", closed="9999-12-30"),
    ]), write_events(tmp_path / "haendelser.csv", [
        ("S3", "9999-12-28", "samtale"), ("S3", "1900-01-01", "samtale"),
    ]))
    assert [(r.file, r.line) for r in summary.rejected] == [
        ("sager.csv", 2), ("sager.csv", 3), ("sager.csv", 5), ("sager.csv", 6),
        ("haendelser.csv", 2)]
    assert "9999-12-31" in summary.rejected[0].reason
    assert "1900-01-01 … 2028-03-10" in summary.rejected[0].reason
    assert summary.new == 1 and summary.events_added == 1
    assert [row.case_id for row in workbench.cases.caseload(TODAY)] == ["S3"]
    workbench.cases.evaluated_cases(TODAY)  # the status and the report read every case


def test_text_longer_than_the_store_holds_is_a_rejected_row(
    workbench: Workbench, tmp_path: Path
) -> None:
    summary = import_(workbench, write_cases(tmp_path / "sager.csv", [
        Case("S1", name="N" * 201), Case("S" * 65), Case("S3", caseworker="C" * 101),
        Case("S4", team="T" * 101), Case("S5", name="N" * 200),
    ]), write_events(tmp_path / "haendelser.csv", [("E" * 5000, "2026-02-01", "samtale")]))
    assert [(r.line, r.field) for r in summary.rejected] == [
        (2, "Navn"), (3, "Sags-ID"), (4, "Sagsbehandler"), (5, "Team"), (2, "Sags-ID")]
    assert "201 characters" in summary.rejected[0].reason
    assert all(len(r.reason) < 200 for r in summary.rejected)
    assert summary.new == 1


def test_an_xlsx_with_an_absurd_extent_is_refused_without_a_crash(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "sager.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(CASE_HEADER))
    sheet["XFD1048576"] = "x"
    workbook.save(path)
    assert path.stat().st_size < 10_000
    # In a child process: calamine would abort the process, not raise.
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", database_url, "import", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**__import__("os").environ, "WORKBENCH_LANGUAGE": "en"},
    )
    assert result.returncode == EXIT_INPUT, result.stderr
    assert "sager.xlsx" in result.stderr and "1048576 rows and 16384 columns" in result.stderr


# --- 4. site configuration: closure days in every command ------------------------------


def test_closure_days_in_the_site_config_work_in_every_store_command(
    database_url: str, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('closure_days = [2026-05-15, 2026-12-28]\n'
                      'fixed_closure_days = ["12-24"]\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    files = write_cases(tmp_path / "sager.csv", cases(1))
    assert run(capsys, "--db", database_url, "import", str(files), "--today",
               "2026-03-10")[0] == EXIT_OK
    for command in (["status"], ["inquiries"], ["nags", "--now", "2026-05-14T09:00"]):
        code, _, err = run(capsys, "--db", database_url, *command, "--today", "2026-05-14"
                           ) if command[0] != "nags" else run(capsys, "--db", database_url,
                                                              *command)
        assert (code, err) == (EXIT_OK, ""), command
    # Thu 14 May 2026 + 2 working days: Fri 15 May is a local closure day → Tue 19 May.
    code, out, _ = run(capsys, "--db", database_url, "deadline", "--channel", "phone",
                       "--received", "2026-05-14")
    assert (code, out.strip()) == (EXIT_OK, "2026-05-19")
    # 31 December is a working day here (IT kept only 24 December): 30 Dec + 1 → 31 Dec.
    code, out, _ = run(capsys, "--db", database_url, "deadline", "--channel", "phone",
                       "--received", "2026-12-29")
    assert out.strip() == "2026-12-31"
    # Without a database file, IT's calendar alone: the same days, and no file is made.
    code, out, _ = run(capsys, "--db", str(tmp_path / "none.db"), "deadline", "--channel",
                       "phone", "--received", "2026-05-14")
    assert (code, out.strip()) == (EXIT_OK, "2026-05-19")
    assert not (tmp_path / "none.db").exists()
    # inquiry add and the list use the same calendar.
    code, out, _ = run(capsys, "--db", database_url, "inquiry", "add", "S1", "--channel",
                       "phone", "--received", "2026-05-14", "--by", "ABC")
    assert code == EXIT_OK
    code, out, _ = run(capsys, "--db", database_url, "inquiries", "--today", "2026-05-14",
                       "--format", "csv")
    assert "2026-05-19" in out


def test_deadline_uses_the_databases_closure_days(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    with Workbench.open(database_url) as workbench:
        settings = workbench.settings.load()
        from dataclasses import replace
        workbench.settings.save(replace(settings, closure_days=(dt.date(2026, 4, 7),)))
    code, out, _ = run(capsys, "--db", database_url, "deadline", "--channel", "phone",
                       "--received", "2026-04-01")
    assert (code, out.strip()) == (EXIT_OK, "2026-04-09")
    code, out, _ = run(capsys, "--db", str(tmp_path / "none.db"), "deadline", "--channel",
                       "phone", "--received", "2026-04-01")
    assert out.strip() == "2026-04-08" and not (tmp_path / "none.db").exists()


def test_a_broken_fixed_closure_days_key_is_refused_by_name(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('fixed_closure_days = ["24-12"]\n', encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    code, _, err = run(capsys, "--db", str(tmp_path / "w.db"), "status")
    assert code == EXIT_INPUT and "fixed_closure_days" in err and str(config) in err


def test_inquiry_and_event_dates_far_outside_are_refused(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    files = write_cases(tmp_path / "sager.csv", cases(1))
    run(capsys, "--db", database_url, "import", str(files), "--today", "2026-03-10")
    for command in (
        ["inquiry", "add", "S1", "--channel", "mail", "--received", "9999-12-28"],
        ["register", "S1", "--kind", "samtale", "--date", "9999-12-28"],
        ["deadline", "--channel", "mail", "--received", "9999-12-28"],
    ):
        code, _out, err = run(capsys, "--db", database_url, *command, "--by", "ABC"
                             ) if command[0] != "deadline" else run(
            capsys, "--db", database_url, *command)
        assert code == EXIT_INPUT and "9999-12-28" in err, (command, err)
    for command in (["inquiries"], ["nags", "--now", "2026-03-10T09:00"], ["status"]):
        assert run(capsys, "--db", database_url, *command)[0] == EXIT_OK


# --- 5. personal data never in a message -------------------------------------------------


def test_a_header_less_file_names_the_file_and_the_header_without_its_data(
    database_url: str, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_LOG_DIR", str(tmp_path / "logs"))
    headless = write_lines(tmp_path / "sager.csv",
                           "S1;010190 1234;Anne Jensen;SDP;ABC;Nord;2026-01-05;",
                           "S2;0101901234;Bo Hansen;SDP;ABC;Nord;2026-01-05;")
    code, out, err = run(capsys, "--db", database_url, "import", str(headless))
    logging.shutdown()
    log = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*.log*"))
    assert code == EXIT_INPUT and out == ""
    assert str(headless) in err and "Sags-ID, CPR, Navn" in err
    for text in (err, log):
        assert "Anne" not in text and "Bo Hansen" not in text and not FULL_CPR.search(text)


@pytest.mark.parametrize("cpr", ["010190-1234", "0101901234", "010190 1234"])
def test_no_rejection_quotes_a_full_cpr_in_any_spelling(
    workbench: Workbench, tmp_path: Path, cpr: str
) -> None:
    summary = import_(workbench, write_cases(tmp_path / "sager.csv", [
        Case("S1", start=cpr), Case("S2", cpr=cpr, name=""), Case(cpr),
    ]), write_events(tmp_path / "haendelser.csv", [(cpr, "2026-02-01", "samtale"),
                                                   ("S1", cpr, "samtale")]))
    assert [r.line for r in summary.rejected] == [2, 3, 3]
    for rejected in summary.rejected:
        assert not FULL_CPR.search(f"{rejected.field} {rejected.reason}"), rejected


def test_a_file_named_after_a_cpr_number_is_named_masked(
    tmp_path: Path, capsys: Capture
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "w.db"), "import",
                       str(tmp_path / "0101901234.csv"))
    assert code == EXIT_INPUT and "010190-xxxx" in err and not FULL_CPR.search(err)
    headless = write_lines(tmp_path / "010190 1234.csv", "S1;x")
    with Workbench.open(tmp_path / "w.db") as workbench, pytest.raises(NotAnExportError) as no:
        import_(workbench, headless)
    assert "010190-xxxx" in str(no.value) and not FULL_CPR.search(str(no.value))


def test_messages_are_danish_by_default(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_LANGUAGE")
    damaged = write_lines(tmp_path / "sager.csv", HEADER, row("S1"), row("S2", delimiter=","))
    with pytest.raises(DamagedExportError) as refused:
        import_(workbench, damaged)
    assert "linje 3" in str(refused.value)
    assert "line 3" in refused.value.in_language("en")
    summary = import_(workbench, write_table(tmp_path / "b.csv", CASE_HEADER, [
        Case("S1", name="").cells()]))
    assert summary.rejected[0].reason == "er tom"
