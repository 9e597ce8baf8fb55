"""The command line builds the parser of the command asked for only, and helps the same.

``workbench --help`` lists every command without building their forty parsers (issue 18:
the help answers in about the time Python takes to start); a command builds its own.
"""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from workbench import cli
from workbench.messages import LANGUAGES, set_language


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The top level's commands by name, as argparse keeps them."""
    found = [action for action in parser._actions
             if isinstance(action, argparse._SubParsersAction)]
    assert len(found) == 1
    return dict(found[0].choices)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> object:
    set_language(request.param)
    yield request.param
    set_language(None)


def test_the_help_lists_the_same_commands_without_building_them(language: str) -> None:
    full = cli.build_parser()
    listed = cli.build_parser("")

    assert listed.format_help() == full.format_help()
    assert set(_commands(listed)) == set(_commands(full))
    assert all(isinstance(command, cli._Unbuilt) for command in _commands(listed).values())


def test_each_command_alone_is_built_as_in_the_full_parser(language: str) -> None:
    full = _commands(cli.build_parser())
    for name, parser in full.items():
        alone = _commands(cli.build_parser(name))
        assert alone[name].format_help() == parser.format_help(), name
        others = [other for key, other in alone.items() if key != name]
        assert all(isinstance(other, cli._Unbuilt) for other in others), name


@pytest.mark.parametrize(("words", "command"), [
    ([], None),
    (["--help"], None),
    (["status", "--caseworker", "AB"], "status"),
    (["--db", "status", "deadline"], "deadline"),
    (["--db=status", "deadline"], "deadline"),
    (["--d", "status", "rules"], "rules"),
    (["--language", "en", "team", "join"], "team"),
    (["--language=en", "-h"], None),
    (["--", "status"], None),
])
def test_the_command_word_is_found_past_the_top_levels_options(
    words: list[str], command: str | None
) -> None:
    assert cli._command_asked(words) == command


def test_a_command_the_word_search_missed_is_built_and_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Were the command word misread, argparse would reach an unbuilt command: the whole
    # parser is built then, and the command runs as always.
    monkeypatch.setattr(cli, "_command_asked", lambda words: "rules")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--language", "en", "--db", "/nonexistent/w.db", "deadline",
                         "--channel", "phone", "--received", "2026-04-01"])
    assert code == cli.EXIT_OK
    assert out.getvalue().strip() == "2026-04-08"


def test_an_unknown_command_is_a_usage_error_listing_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--language", "en", "deadlin"]) == cli.EXIT_USAGE
    error = capsys.readouterr().err
    assert "invalid choice: 'deadlin'" in error
    assert "'restore-backup'" in error and "'cover'" in error


@pytest.mark.parametrize("columns", ["60", "200", "", "wide"])
def test_the_help_is_as_wide_as_shutil_finds_the_terminal(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    monkeypatch.setenv("COLUMNS", columns)
    assert cli._terminal_columns() == shutil.get_terminal_size().columns
