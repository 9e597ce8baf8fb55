"""`workbench pause`, `exempt`, `pauses` and `case set-attribute`: exit codes and effects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.helpers.exports import Case, write_cases, write_events
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def no_site_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT chose no profile: a new database takes today's law, gaeldende-2026."""
    config = tmp_path / "empty-site-config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))


@pytest.fixture
def db(database_url: str, tmp_path: Path, capsys: Capture) -> str:
    """A database (SQLite and PostgreSQL) with a sickness benefit case S1 and a KH case S2."""
    files = [write_cases(tmp_path / "sager.csv", [
                 Case("S1", start="2026-01-05"),
                 Case("S2", scheme="kontanthjælp", start="2026-08-03")]),
             write_events(tmp_path / "haendelser.csv", [])]
    assert main(["--db", database_url, "import", *map(str, files),
                 "--today", "2026-03-06"]) == EXIT_OK
    capsys.readouterr()
    return database_url


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def status(capsys: Capture, db: str, case_id: str) -> dict[str, str]:
    code, out, _ = run(capsys, "--db", db, "status", "--today", "2026-03-06", "--format",
                       "json")
    assert code == EXIT_OK
    rows: list[dict[str, str]] = json.loads(out)
    return next(row for row in rows if row["case_id"] == case_id)


def test_a_pause_moves_the_deadline_and_its_end_and_withdrawal_take_effect(
    db: str, capsys: Capture,
) -> None:
    assert status(capsys, db, "S1")["next_due"] == "2026-03-01"
    code, out, _ = run(capsys, "--db", db, "pause", "S1", "--from", "2026-02-20",
                       "--reason", "indlagt", "--by", "AB")
    assert code == EXIT_OK
    pause_id = out.strip()
    assert status(capsys, db, "S1")["next_due"] == "2026-03-16"   # 15 days paused so far
    assert run(capsys, "--db", db, "pause", "end", pause_id, "--to", "2026-03-05",
               "--by", "AB")[0] == EXIT_OK
    assert status(capsys, db, "S1")["next_due"] == "2026-03-15"
    code, out, _ = run(capsys, "--db", db, "pauses", "S1", "--language", "en")
    assert out == (f"pause {pause_id}: 2026-02-20–2026-03-05: In hospital [BEK om det fælles "
                   "datagrundlag, kap. 8 (fravær og fritagelser)] by AB\n")
    assert run(capsys, "--db", db, "pause", "withdraw", pause_id)[0] == EXIT_OK
    assert status(capsys, db, "S1")["next_due"] == "2026-03-01"
    assert run(capsys, "--db", db, "pauses", "S1")[1].endswith("(trukket tilbage)\n")
    assert run(capsys, "--db", db, "pauses", "S1", "--language", "en")[1].endswith(
        "(withdrawn)\n")


def test_an_exemption_and_its_withdrawal(db: str, capsys: Capture) -> None:
    code, out, _ = run(capsys, "--db", db, "exempt", "S1", "SDP-1", "--reason", "sdp-13f",
                       "--by", "AB")
    assert code == EXIT_OK
    assert status(capsys, db, "S1")["milestone"] != "SDP-1"
    assert run(capsys, "--db", db, "exempt", "withdraw", out.strip())[0] == EXIT_OK
    assert status(capsys, db, "S1")["milestone"] == "SDP-1"


@pytest.mark.parametrize("argv", [
    ("pause", "S9", "--from", "2026-02-20", "--reason", "indlagt"),
    ("pause", "S1", "--from", "2026-02-20", "--reason", "kur"),
    ("pause", "end", "77", "--to", "2026-03-01"),
    ("pause", "withdraw", "x7"),
    ("pause", "withdraw", "99999999999999999999"),
    ("pause", "end", "\u00b2", "--to", "2026-03-01"),
    ("exempt", "withdraw", "99999999999999999999"),
    ("exempt", "S1", "SDP-1", "--reason", "kur"),
    ("exempt", "S1", "NOPE", "--reason", "sdp-13f"),
    ("exempt", "withdraw", "77"),
    ("case", "set-attribute", "S1", "alder", "50"),
    ("case", "set-attribute", "S9", "maalgruppe", "jobparat"),
])
def test_unknown_ids_and_reasons_exit_2_and_change_nothing(
    db: str, capsys: Capture, argv: tuple[str, ...],
) -> None:
    before = status(capsys, db, "S1"), run(capsys, "--db", db, "pauses", "S1")[1]
    code, out, err = run(capsys, "--db", db, *argv, "--by", "AB")
    assert (code, out) == (EXIT_INPUT, "")
    assert err.startswith("fejl: ") and len(err.strip().splitlines()) == 1
    assert (status(capsys, db, "S1"), run(capsys, "--db", db, "pauses", "S1")[1]) == before


@pytest.mark.parametrize("argv", [
    ("pause", "S1", "--reason", "indlagt"),
    ("pause", "end", "1"),
    ("pause", "S1", "2", "--from", "2026-02-20", "--reason", "indlagt"),
    ("exempt", "S1", "SDP-1"),
])
def test_an_incomplete_command_is_a_usage_error(db: str, capsys: Capture,
                                                argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, "--db", db, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(("brug: workbench pause", "brug: workbench exempt"))


def test_a_case_attribute_set_here_makes_a_rule_apply(db: str, capsys: Capture) -> None:
    today = dt.date(2026, 11, 30)

    def rules_of_s2() -> set[str]:
        with Workbench.open(db) as workbench:
            return {m.rule_id for m in workbench.cases.case_detail("S2", today).milestones}

    assert not rules_of_s2() & {"KH26-J", "KH26-TB"}
    assert run(capsys, "--db", db, "case", "set-attribute", "S2", "Målgruppe", "Jobparat",
               "--by", "AB")[0] == EXIT_OK
    assert run(capsys, "--db", db, "pauses", "S2")[1] == "egenskab maalgruppe: jobparat\n"
    assert rules_of_s2() >= {"KH26-J", "KH26-TB"}
    assert run(capsys, "--db", db, "case", "clear-attribute", "S2", "maalgruppe",
               "--by", "AB")[0] == EXIT_OK
    assert not rules_of_s2() & {"KH26-J", "KH26-TB"}
