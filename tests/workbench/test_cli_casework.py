"""CLI parity: every change the window makes on a case, the command line makes too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.exports import Case, write_cases, write_events
from tests.workbench.test_cli_store import assert_one_line_error, run
from workbench.cli import EXIT_INPUT, EXIT_OK
from workbench.messages import LANGUAGE_ENV
from workbench.session import Workbench

Capture = pytest.CaptureFixture[str]
TODAY = "2026-03-10"


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts (as test_cli_store does)."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


@pytest.fixture
def database(tmp_path: Path, capsys: Capture) -> str:
    """A database with case S1 (CPR 010190-1234) and one central event."""
    case_file = write_cases(tmp_path / "sager.csv", [Case("S1"), Case("S2")])
    event_file = write_events(tmp_path / "haendelser.csv", [("S1", "2026-02-01", "samtale")])
    path = str(tmp_path / "workbench.db")
    assert run(capsys, "--db", path, "import", str(case_file), str(event_file),
               "--today", TODAY)[0] == EXIT_OK
    return path


def show(capsys: Capture, database: str) -> dict[str, object]:
    code, out, _ = run(capsys, "--db", database, "case", "show", "S1", "--format", "json",
                       "--today", TODAY)
    assert code == EXIT_OK
    record: dict[str, object] = json.loads(out)
    return record


def test_register_withdraw_and_show_a_case_as_json(database: str, capsys: Capture) -> None:
    code, out, _ = run(capsys, "--db", database, "register", "S1", "--kind", "samtale",
                       "--date", "2026-03-09", "--by", "AB", "--note", "Aftalt møde",
                       "--today", TODAY)
    assert code == EXIT_OK
    event_id = int(out)
    code, out, _ = run(capsys, "--db", database, "event", "withdraw", str(event_id),
                       "--reason", "Forkert dato", "--by", "AB")
    assert (code, out.strip()) == (EXIT_OK, "withdrawn: samtale 2026-03-09 on case S1")

    record = show(capsys, database)

    assert record["cpr"] == "010190-xxxx" and "1234" not in json.dumps(record)
    assert record["status"] in ("red", "amber", "green")
    assert {m["rule_id"] for m in record["milestones"]} >= {"SDP1"}  # type: ignore[attr-defined]
    events = record["events"]
    assert [(e["date"], e["source"], e["withdrawn"]) for e in events] == [  # type: ignore[attr-defined]
        ("2026-02-01", "central", None),
        ("2026-03-09", "local", {"by": "AB", "reason": "Forkert dato",
                                 "at": events[1]["withdrawn"]["at"]})]  # type: ignore[index]
    assert isinstance(events[0]["id"], int) and events[1]["id"] is None  # type: ignore[index]
    [note] = record["notes"]  # type: ignore[misc]
    assert (note["author"], note["text"]) == ("AB", "Aftalt møde")
    assert isinstance(note["id"], int)
    code, out, _ = run(capsys, "--db", database, "case", "show", "S1", "--today", TODAY)
    assert "cpr: 010190-xxxx" in out
    assert "WITHDRAWN by AB: Forkert dato" in out


def test_notes_are_added_edited_and_deleted(database: str, capsys: Capture) -> None:
    code, out, _ = run(capsys, "--db", database, "note", "add", "S1", "Ringede", "--by", "AB")
    assert code == EXIT_OK
    note_id = out.strip()
    assert run(capsys, "--db", database, "note", "edit", note_id, "Ringede igen",
               "--by", "AB")[0] == EXIT_OK
    assert [n["text"] for n in show(capsys, database)["notes"]] == [  # type: ignore[attr-defined]
        "Ringede igen"]
    assert run(capsys, "--db", database, "note", "delete", note_id, "--by", "AB")[0] == EXIT_OK
    assert show(capsys, database)["notes"] == []


def test_a_cover_is_assigned_and_cancelled(database: str, capsys: Capture) -> None:
    assert run(capsys, "--db", database, "cover", "assign", "EF", "--covering", "AB",
               "--from", "2026-03-01", "--to", "2026-03-20", "--by", "AB")[0] == EXIT_OK
    assert run(capsys, "--db", database, "cover", "cancel", "EF", "--by", "AB")[0] == EXIT_OK
    with Workbench.open(database) as workbench:
        assert workbench.registrations.covers()
        assert workbench.registrations.covers()[0].covering is None


@pytest.mark.parametrize(("argv", "words"), [
    (["event", "withdraw", "404", "--reason", "x"], ["404"]),
    (["note", "edit", "405", "tekst"], ["405"]),
    (["note", "delete", "406"], ["406"]),
    (["note", "add", "S404", "tekst"], ["S404"]),
    (["case", "show", "S404"], ["S404"]),
    (["cover", "cancel", "EF"], ["EF"]),
    (["register", "S1", "--kind", "samtale", "--date", "2026-03-11", "--today", TODAY],
     ["2026-03-11"]),
])
def test_unknown_ids_and_refused_dates_exit_2_and_change_nothing(
        database: str, capsys: Capture, argv: list[str], words: list[str]) -> None:
    before = show(capsys, database)

    code, out, err = run(capsys, "--db", database, *argv, *(
        ["--by", "AB"] if argv[0] != "case" else []))

    assert (code, out) == (EXIT_INPUT, "")
    assert_one_line_error(err, *words)
    assert show(capsys, database) == before
