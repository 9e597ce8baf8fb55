"""The command line's core commands: deadlines, rule listing, usage errors."""

from pathlib import Path

import pytest

from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from workbench.messages import LANGUAGE_ENV
from workbench.siteconfig import SITE_CONFIG_ENV


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; test_cli_conventions checks the Danish ones."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


def test_deadline_prints_the_due_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--channel", "phone", "--received", "2026-04-01"]) == EXIT_OK
    assert main(["deadline", "--channel", "mail", "--received", "2026-04-01"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == ["2026-04-08", "2026-04-20"]


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "--channel", "fax", "--received", "2026-04-01"],
        ["deadline", "--channel", "phone", "--received", "1-4-2026"],
        ["deadline", "--channel", "phone"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_1_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


def test_rules_lists_every_rule_with_its_reference(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--profile", "kbh-2006-2017", "--language", "en"]) == EXIT_OK
    output = capsys.readouterr().out
    assert "SDP1" in output and "KH1" in output
    assert "First follow-up conversation" in output
    assert "LAB (2015) § 68 d, stk. 2] (not legally verified)" in output
    assert "Seed" not in output and ".toml" not in output


def test_rules_prints_citation_and_verification_state(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "--profile", "gaeldende-2026", "--language", "da"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("gaeldende-2026: ")
    [sdp4] = [line for line in lines if line.startswith("SDP-4I6 ")]
    assert sdp4.endswith("[Sygedagpengeloven § 13 b, stk. 1, 1. pkt.]")
    [kh26] = [line for line in lines if line.startswith("KH26-J ")]
    assert kh26.endswith("(ikke juridisk verificeret)")
    assert any(line.startswith("fritagelse: sdp-13f") for line in lines)


def test_rules_without_a_profile_lists_the_databases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = str(tmp_path / "wb.db")
    assert main(["--db", database, "rules"]) == EXIT_OK   # IT chose the seed profile
    assert capsys.readouterr().out.startswith("kbh-2006-2017: ")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(tmp_path / "none.toml"))  # nobody chose: today's law
    assert main(["--db", str(tmp_path / "new.db"), "rules"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("gaeldende-2026: ")


@pytest.mark.parametrize(("channel", "received"), [("mail", "9999-12-31"),
                                                    ("phone", "9999-12-30")])
def test_a_deadline_beyond_the_calendar_is_an_input_error(
    channel: str, received: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["deadline", "--channel", channel, "--received", received]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.strip().splitlines() == [
        f"error: the date {received} is too far in the future: the deadline falls after the "
        "calendar's last day (9999-12-31)"]
    assert main(["deadline", "--channel", "phone", "--received", "9999-12-20"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == "9999-12-22"
