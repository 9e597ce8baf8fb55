"""The command line's core commands: deadlines, rule listing, usage errors."""

import pytest

from workbench.cli import EXIT_OK, EXIT_USAGE, main


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
    assert main(["rules", "--language", "en"]) == EXIT_OK
    output = capsys.readouterr().out
    assert "SDP1" in output and "KH1" in output
    assert "First follow-up conversation" in output
    assert "LAB § 68 d" in output
