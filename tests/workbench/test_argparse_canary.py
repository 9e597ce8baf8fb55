"""Canary: what the command line relies on in argparse beyond its documented API.

``workbench.cli._Parser`` renames the help headings through the private ``_positionals``
and ``_optionals`` groups (argparse has no public way to retitle them), and its type hints
name ``argparse._SubParsersAction`` and ``argparse._MutuallyExclusiveGroup``. argparse comes
with Python, so it is "pinned" by the Python the suite runs on: when a new Python changes
any of this, a test here fails before the help comes out in the wrong language.
"""

from __future__ import annotations

import argparse


def test_the_default_groups_head_the_help_and_can_be_retitled() -> None:
    parser = argparse.ArgumentParser(prog="workbench", add_help=False)
    parser.add_argument("path")
    parser.add_argument("--today")
    parser._positionals.title = "positionelle argumenter"
    parser._optionals.title = "tilvalg"

    shown = parser.format_help()

    assert "positionelle argumenter:\n  path" in shown
    assert "tilvalg:\n  --today TODAY" in shown


def test_the_private_classes_named_in_type_hints_exist() -> None:
    parser = argparse.ArgumentParser()
    assert isinstance(parser.add_subparsers(), argparse._SubParsersAction)
    assert isinstance(parser.add_mutually_exclusive_group(), argparse._MutuallyExclusiveGroup)


def test_a_command_can_be_listed_as_add_parser_lists_it_and_parsed_from_the_map() -> None:
    # workbench.cli._Commands lists an unbuilt command so: its help line, its map entry.
    parser = argparse.ArgumentParser(prog="workbench")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("built", help="a built one")
    commands._choices_actions.append(commands._ChoicesPseudoAction("listed", (), "a listed one"))
    listed = argparse.ArgumentParser(prog="workbench listed")
    listed.add_argument("--flag", action="store_true")
    commands._name_parser_map["listed"] = listed

    shown = parser.format_help()

    assert "    built     a built one\n    listed    a listed one" in shown
    assert parser.parse_args(["listed", "--flag"]).flag is True
