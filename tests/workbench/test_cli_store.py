"""The command line's store commands: the contract other tools rely on, exit codes included."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from tests.helpers.exports import Case, cases, write_cases, write_events
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_REJECTED_ROWS, EXIT_USAGE, main
from workbench.messages import LANGUAGE_ENV
from workbench.session import Workbench


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; test_cli_conventions checks the Danish ones."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """A cases and an events file of three cases."""
    case_file = write_cases(tmp_path / "sager.csv", [
        Case("S1"), Case("S2", scheme="kontanthjælp", caseworker="DEF", start="2025-12-01"),
        Case("S3", scheme="FL", start="2026-02-02")])
    event_file = write_events(tmp_path / "haendelser.csv", [("S1", "2026-02-01", "samtale")])
    return [str(case_file), str(event_file)]


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


def test_import_prints_the_summary(database_url: str, files: list[str], capsys: Capture) -> None:
    code, out, err = run(capsys, "--db", database_url, "import", *files, "--today", "2026-03-10")

    assert (code, err) == (EXIT_OK, "")
    assert ("new: 3, updated: 0, closed: 0, reopened: 0, events added: 1, "
            "events confirmed: 0, rejected rows: 0") in out


def test_import_with_rejected_rows_exits_3_and_lists_them(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    case_file = write_cases(tmp_path / "sager.csv", [Case("S1"), Case("S2", scheme="pension")])

    code, out, _ = run(capsys, "--db", database_url, "import", str(case_file))

    assert code == EXIT_REJECTED_ROWS
    assert "rejected rows: 1" in out
    assert "rejected: sager.csv line 3, Ordning: unknown scheme (Ordning) 'pension'" in out


def test_a_file_that_is_no_export_exits_2_with_one_line(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("Kære Anne\nHusk mødet.\n")

    code, out, err = run(capsys, "--db", database_url, "import", str(bad))

    assert (code, out) == (EXIT_INPUT, "")
    assert_one_line_error(err, "notes.txt", "not a central export")
    with Workbench.open(database_url) as workbench:
        assert workbench.cases.is_empty()


def test_a_truncated_snapshot_exits_2_unless_forced(
    database_url: str, tmp_path: Path, capsys: Capture
) -> None:
    run(capsys, "--db", database_url, "import", str(write_cases(tmp_path / "a.csv", cases(5))))
    short = str(write_cases(tmp_path / "b.csv", cases(2)))

    code, _, err = run(capsys, "--db", database_url, "import", short)
    assert code == EXIT_INPUT
    assert_one_line_error(err, "3 of 5", "--force")

    code, out, _ = run(capsys, "--db", database_url, "import", short, "--force")
    assert code == EXIT_OK and "closed: 3" in out


def test_status_csv_is_the_contract(database_url: str, files: list[str], capsys: Capture) -> None:
    run(capsys, "--db", database_url, "import", *files, "--today", "2026-03-10")

    code, out, _ = run(capsys, "--db", database_url, "status", "--today", "2026-03-10",
                       "--format", "csv")

    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == "case_id,caseworker,scheme,status,next_due,milestone,plan_by"
    rows = {row["case_id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["S1"] == {"case_id": "S1", "caseworker": "ABC", "scheme": "sygedagpenge",
                          "status": "red", "next_due": "2026-03-01", "milestone": "SDP2",
                          "plan_by": ""}  # no count rule: nothing to pace
    assert rows["S2"]["scheme"] == "kontanthjælp"
    assert rows["S3"]["scheme"] == "forsikret ledig"
    # FL2's window runs 2 Feb – 1 Aug (181 days): the 1st of 6 conversations is planned by
    # 2 Feb + ⌈181/6⌉ − 1 = 30 days (the 1st of 2 joint ones only by + 90 days).
    assert rows["S3"]["plan_by"] == "2026-03-04"
    assert {row["status"] for row in rows.values()} <= {"red", "amber", "green"}


def test_status_for_one_caseworker_as_json_and_table(
    database_url: str, files: list[str], capsys: Capture
) -> None:
    run(capsys, "--db", database_url, "import", *files, "--today", "2026-03-10")

    code, out, _ = run(capsys, "--db", database_url, "status", "--today", "2026-03-10",
                       "--caseworker", "DEF", "--format", "json")
    assert code == EXIT_OK
    (only,) = json.loads(out)
    assert only["case_id"] == "S2" and only["scheme"] == "kontanthjælp"
    assert set(only) == {"case_id", "caseworker", "scheme", "status", "next_due", "milestone",
                         "plan_by"}

    code, out, _ = run(capsys, "--db", database_url, "status", "--today", "2026-03-10")
    header, *rows = out.splitlines()
    assert header.split() == ["case_id", "caseworker", "scheme", "status", "next_due",
                              "milestone", "plan_by"]
    assert len(rows) == 3 and rows[0].startswith("S1 ")


def test_register_records_a_local_event(database_url: str, files: list[str],
                                        capsys: Capture) -> None:
    run(capsys, "--db", database_url, "import", *files, "--today", "2026-03-10")

    code, out, _ = run(capsys, "--db", database_url, "register", "S1", "--kind",
                       "Opfølgningssamtale", "--date", "2026-03-09", "--by", "XYZ")

    assert code == EXIT_OK and out.strip().isdigit()
    with Workbench.open(database_url) as workbench:
        events = workbench.cases.case_detail("S1", dt.date(2026, 3, 10)).events
    assert [(e.date, e.source, e.registered_by) for e in events][-1] == (
        dt.date(2026, 3, 9), "local", "XYZ")


@pytest.mark.parametrize(("argv", "words"), [
    (["register", "S404", "--kind", "samtale", "--date", "2026-03-09"], ["S404"]),
    (["register", "S1", "--kind", "kaffe", "--date", "2026-03-09"], ["kaffe"]),
    (["register", "S1", "--kind", "samtale", "--date", "2026-02-01"], ["already has"]),
    (["inquiry", "answer", "999", "--date", "2026-03-09"], ["999"]),
    (["inquiry", "add", "S404", "--channel", "phone", "--received", "2026-03-09"], ["S404"]),
    (["inquiry", "add", "S1", "--channel", "mail", "--received", "9999-12-31"],
     ["9999-12-31", "too far in the future"]),
])
def test_bad_registrations_exit_2_with_one_line(
    database_url: str, files: list[str], capsys: Capture, argv: list[str], words: list[str]
) -> None:
    run(capsys, "--db", database_url, "import", *files)

    code, out, err = run(capsys, "--db", database_url, *argv)

    assert (code, out) == (EXIT_INPUT, "")
    assert_one_line_error(err, *words)


def test_inquiries_add_answer_and_list(database_url: str, files: list[str],
                                       capsys: Capture) -> None:
    run(capsys, "--db", database_url, "import", *files)

    code, out, _ = run(capsys, "--db", database_url, "inquiry", "add", "S1", "--channel",
                       "phone", "--received", "2026-04-01")
    assert code == EXIT_OK
    inquiry_id = out.strip()
    run(capsys, "--db", database_url, "inquiry", "add", "S2", "--channel", "mail",
        "--received", "2026-04-01")

    code, out, _ = run(capsys, "--db", database_url, "inquiries", "--today", "2026-04-02",
                       "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == EXIT_OK
    first = rows[0]
    assert (first["inquiry_id"], first["case_id"], first["channel"], first["due"],
            first["working_days_left"]) == (inquiry_id, "S1", "phone", "2026-04-08", "2")

    assert run(capsys, "--db", database_url, "inquiry", "answer", inquiry_id, "--date",
               "2026-04-07")[0] == EXIT_OK
    code, out, _ = run(capsys, "--db", database_url, "inquiries", "--today", "2026-04-08",
                       "--format", "csv")
    assert [r["case_id"] for r in csv.DictReader(io.StringIO(out))] == ["S2"]


@pytest.mark.parametrize("argv", [
    ["import"],
    ["register", "S1", "--date", "2026-03-09"],
    ["register", "S1", "--kind", "samtale", "--date", "9/3/2026"],
    ["inquiry", "add", "S1", "--channel", "fax", "--received", "2026-03-09"],
    ["inquiry", "answer", "one", "--date", "2026-03-09"],
    ["inquiry", "answer", "99999999999999999999", "--date", "2026-11-24"],
    ["inquiry", "answer", "2147483648", "--date", "2026-11-24"],
    ["inquiry", "answer", "0", "--date", "2026-11-24"],
    ["inquiry", "answer", "-1", "--date", "2026-11-24"],
    ["inquiry", "answer", "\u00b2", "--date", "2026-11-24"],
    ["inquiry"],
    ["status", "--format", "xml"],
    ["demo-export"],
    ["demo-export", "--out", "x", "--format", "ods"],
])
def test_usage_errors_exit_1(argv: list[str], capsys: Capture) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_workbench_db_selects_the_database(tmp_path: Path, files: list[str], capsys: Capture,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))

    assert run(capsys, "import", *files)[0] == EXIT_OK

    with Workbench.open(tmp_path / "env.db") as workbench:
        assert len(workbench.cases.caseload(dt.date(2026, 3, 10))) == 3


def test_an_unreachable_database_exits_2_with_one_line(capsys: Capture) -> None:
    code, _, err = run(capsys, "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", "status")
    assert code == EXIT_INPUT
    assert_one_line_error(err, "cannot open the database")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_demo_export_writes_files_the_import_takes_whole(
    tmp_path: Path, capsys: Capture, file_format: str
) -> None:
    out_dir = tmp_path / "export"
    code, out, _ = run(capsys, "demo-export", "--out", str(out_dir), "--cases", "40",
                       "--seed", "3", "--today", "2026-03-10", "--format", file_format)
    assert code == EXIT_OK
    written = out.split()
    assert [Path(p).name for p in written] == [f"sager.{file_format}",
                                               f"haendelser.{file_format}"]

    code, out, _ = run(capsys, "--db", str(tmp_path / "w.db"), "import", *written,
                       "--today", "2026-03-10")
    assert code == EXIT_OK
    assert "new: 40," in out and "rejected rows: 0" in out


def test_demo_creates_its_database_once_and_prints_the_summary(
    tmp_path: Path, capsys: Capture
) -> None:
    code, out, _ = run(capsys, "demo", "--dir", str(tmp_path / "demo"), "--cases", "60")
    assert code == EXIT_OK
    assert (tmp_path / "demo" / "demo.db").exists()
    total = next(line for line in out.splitlines() if line.startswith("total"))
    red, amber, green = (int(n) for n in total.split()[1:])
    assert red + amber + green > 40
    assert "open inquiries:" in out

    code, again, _ = run(capsys, "demo", "--dir", str(tmp_path / "demo"), "--cases", "60")
    assert code == EXIT_OK and again == out  # opened, not rebuilt


def test_an_id_out_of_range_is_a_usage_error_on_the_database_too(
    database_url: str, files: list[str], capsys: Capture
) -> None:
    """The largest id a record can have is checked before any database is asked."""
    run(capsys, "--db", database_url, "import", *files)
    code, out, err = run(capsys, "--db", database_url, "inquiry", "answer",
                         "99999999999999999999", "--date", "2026-11-24")
    assert (code, out) == (EXIT_USAGE, "")
    assert err.strip().splitlines() == [
        "workbench inquiry answer: argument ID: not an id (a whole number from 1 to "
        "2147483647): '99999999999999999999'"]
    code, out, err = run(capsys, "--db", database_url, "inquiry", "answer", "2147483647",
                         "--date", "2026-11-24")
    assert (code, out) == (EXIT_INPUT, "")
    assert_one_line_error(err, "2147483647")
