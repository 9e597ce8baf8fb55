"""The ``workbench`` command line: a stable contract that other tools and tests rely on.

Exit codes: 0 ok, 1 usage, 2 input error (nothing changed), 3 imported with rejected rows.
Errors go to stderr as one readable line each, never as a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from workbench.calendar import WorkingCalendar
from workbench.errors import InputError, WorkbenchError
from workbench.inquiries import reply_due
from workbench.resources import DEFAULT_PROFILE, load_named_profile
from workbench.vocabulary import parse_channel

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_INPUT = 2
EXIT_REJECTED_ROWS = 3

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """The command line itself is wrong (exit code 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit code 1 instead of 2."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of exiting, so ``main`` decides the exit code."""
        raise UsageError(f"{self.prog}: {message}")


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


def _deadline(arguments: argparse.Namespace) -> int:
    """Print the reply deadline of an inquiry received on a date."""
    channel = parse_channel(arguments.channel)
    print(reply_due(arguments.received, channel, WorkingCalendar()).isoformat())
    return EXIT_OK


def _rules(arguments: argparse.Namespace) -> int:
    """Print the rules of a profile: id, scheme, title and legal reference."""
    profile = load_named_profile(arguments.profile)
    print(f"{profile.id}: {profile.title}")
    for rule in profile.rules:
        title = rule.title(arguments.language)
        print(f"{rule.id:5} {rule.scheme.value:20} {title} [{rule.reference}]")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The full command line, sub-command by sub-command."""
    parser = _Parser(prog="workbench", description="Caseworker Workbench (command line)")
    parser.add_argument("--db", help="database path or URL (default: per-user data folder; "
                        "or WORKBENCH_DB)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    deadline = commands.add_parser("deadline", help="reply deadline of a citizen inquiry")
    deadline.add_argument("--channel", required=True, choices=["phone", "mail"])
    deadline.add_argument("--received", required=True, type=iso_date, help="YYYY-MM-DD")
    deadline.set_defaults(handler=_deadline)

    rules = commands.add_parser("rules", help="list the rules of a rule profile")
    rules.add_argument("--profile", default=DEFAULT_PROFILE)
    rules.add_argument("--language", choices=["da", "en"], default="da")
    rules.set_defaults(handler=_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; map every expected failure to its exit code and a one-line message."""
    try:
        arguments = build_parser().parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    handler: Handler = arguments.handler
    try:
        return handler(arguments)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
    except WorkbenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
