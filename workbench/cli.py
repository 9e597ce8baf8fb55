"""The ``workbench`` command line: a stable contract that other tools and tests rely on.

Exit codes: 0 ok, 1 usage, 2 input error (nothing changed), 3 imported with rejected rows,
130 interrupted with Ctrl+C (nothing changed), 141 the reader of the output went away.
Errors go to stderr as one readable line each, never as a traceback, in the user's language
(``--language``, else ``WORKBENCH_LANGUAGE``, else the database's setting, else Danish); so
do the help texts. Every listing takes ``--format`` (``add_format_argument``) and is written
by ``print_records``; progress goes to stderr, and only when it is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence

from workbench import __version__
from workbench.argtypes import iso_date
from workbench.messages import (
    LANGUAGE_ENV,
    LANGUAGES,
    catalog,
    current_language,
    render,
    set_language,
)

#: typing's own constant, without loading typing for ``--help`` (mypy knows the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn, TypeVar

    from workbench.calendar import WorkingCalendar
    from workbench.nags import Nag
    from workbench.session import Workbench
    from workbench.sync.streams import Convergence
    from workbench.sync.views import FieldChange
    from workbench.views import CaseDetail, CaseRow, EventRow, ImportSummary

# A command imports what it needs in its handler: `workbench deadline`, `rules --profile`,
# `--help` and `--version` start without SQLAlchemy, Alembic or openpyxl (about 1.2 s), and
# tests/workbench/test_cli_imports.py holds them to that.
#: The styles `workbench demo-export --format` writes (workbench.demo.FORMATS).
DEMO_FORMATS = ("csv", "xlsx")
#: The channels an inquiry comes by (workbench.vocabulary.Channel's values).
CHANNELS = ("phone", "mail")

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_INPUT = 2
EXIT_REJECTED_ROWS = 3
#: ``workbench verify`` found stored deadlines that differ from a fresh evaluation.
EXIT_DIFFERENCES = 4
#: 128 + the signal's number, as shells report a program that SIGINT or SIGPIPE ended.
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: The ways a listing can be written (``--format``).
FORMATS = ("table", "csv", "excel-csv", "json")

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """The command line itself is wrong (exit code 1)."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with "usage:" in the current language."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        """Argparse's formatter; the terminal's width found without loading ``shutil``."""
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        """The usage line, headed in the current language."""
        super().add_usage(usage, actions, groups,
                          render("cli.usage") if prefix is None else prefix)


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it, without ``shutil``.

    ``COLUMNS``, else the width of the terminal of stdout, else 80 (``shutil`` loads the
    compression modules too: a few milliseconds of every ``workbench --help``).
    """
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors with exit code 1 instead of 2.

    Its headings and its ``--help`` are in the current language, as the texts given to it
    (``_command``, ``_text``) are; every command takes ``--language``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = render("cli.positionals")
        self._optionals.title = render("cli.options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=render("cli.help"))
        # On every command, before or after its name: `workbench status --language en`.
        self.add_argument("--language", choices=LANGUAGES, default=argparse.SUPPRESS,
                          help=render("cli.arg.language"))

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Argparse's ``add_argument``, the value's placeholder in the current language.

        ``--today YYYY-MM-DD`` in English is ``--today ÅÅÅÅ-MM-DD`` in Danish: a metavar with
        a ``cli.metavar.*`` text is translated, dates and times get theirs by their type.
        """
        if kwargs.get("action", "store") in ("store", "append") and "choices" not in kwargs:
            placeholder = _metavar(args, kwargs.get("metavar"), kwargs.get("type"))
            if placeholder is not None:
                kwargs["metavar"] = placeholder
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Raise instead of exiting, so ``main`` decides the exit code."""
        raise UsageError(f"{self.prog}: {_usage_problem(message)}")


#: argparse's own usage errors (English, from its gettext), as message keys.
_ARGPARSE_ERRORS = (
    (r"argument (?P<argument>.+?): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
     "cli.argparse.invalid_choice"),
    (r"the following arguments are required: (?P<arguments>.+)", "cli.argparse.required"),
    (r"unrecognized arguments: (?P<arguments>.+)", "cli.argparse.unrecognized"),
    (r"argument (?P<argument>.+?): expected one argument", "cli.argparse.expected_one"),
    (r"argument (?P<argument>.+?): invalid (?P<type>\S+) value: (?P<value>.+)",
     "cli.argparse.invalid_value"),
    (r"argument (?P<argument>.+?): not allowed with argument (?P<other>.+)",
     "cli.argparse.not_allowed_with"),
    (r"one of the arguments (?P<arguments>.+) is required", "cli.argparse.one_required"),
)


def _metavar(flags: Sequence[str], given: str | None, kind: object) -> str | None:
    """The placeholder of an argument's value in the current language, if it has one."""
    if given is not None:
        key = f"cli.metavar.{given}"
    elif kind is iso_date:
        key = "cli.metavar.date"
    elif kind is _local_moment:
        key = "cli.metavar.moment"
    else:
        key = f"cli.metavar.{flags[-1].lstrip('-')}"
    return render(key) if key in catalog() else given


def _usage_problem(message: str) -> str:
    """Argparse's error ``message`` in the current language (as it is, if it is not known).

    Only the frame is argparse's: a type's own message (``iso_date``) is ours already.
    """
    for pattern, key in _ARGPARSE_ERRORS:  # compiled on a usage error only (re caches)
        found = re.fullmatch(pattern, message)
        if found:
            return render(key, found.groupdict())
    return message


#: The largest id a record can have: the store's ids are INTEGER columns, 32-bit in
#: PostgreSQL (SQLite's are 64-bit), so no record has a larger one.
RECORD_ID_MAX = 2**31 - 1


def _record_id_or_none(text: str) -> int | None:
    """``text`` as a record id (decimal digits, 1 to ``RECORD_ID_MAX``), else None."""
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= RECORD_ID_MAX else None


def record_id(text: str) -> int:
    """An argparse type for the id of a stored record (inquiry, event, note, pause, ...).

    A usage error (exit 1) unless a record could have it: no database is asked about an id
    it cannot store.
    """
    number = _record_id_or_none(text)
    if number is None:
        raise argparse.ArgumentTypeError(
            render("cli.not_an_id", {"text": repr(text), "largest": RECORD_ID_MAX}))
    return number


def _deadline(arguments: argparse.Namespace) -> int:
    """Print the reply deadline of an inquiry received on a date, on the configured calendar."""
    from workbench.inquiries import reply_due
    from workbench.vocabulary import parse_channel

    channel = parse_channel(arguments.channel)
    # A date beyond the calendar is refused by reply_due itself (main's own message).
    print(reply_due(arguments.received, channel, _configured_calendar(arguments)).isoformat())
    return EXIT_OK


def _configured_calendar(arguments: argparse.Namespace) -> WorkingCalendar:
    """The calendar the lists use: the database's settings over IT's defaults.

    The database is --db, WORKBENCH_DB or the per-user file; IT's defaults alone when there
    is no database file yet (asking for a deadline creates none).
    """
    if not _database_file_exists(arguments.db):
        from workbench.settings import default_settings

        return default_settings().calendar()
    glanced = _glanced_calendar(arguments)
    if glanced is not None:
        return glanced
    with _open(arguments) as workbench:
        return workbench.settings.load().calendar()


def _glanced_calendar(arguments: argparse.Namespace) -> WorkingCalendar | None:
    """The calendar of a SQLite file closed cleanly, its settings read without the store.

    None when the store has to open it (a server, an unclean close, a change since, an
    encrypted file, a setting that does not decode... see ``workbench.store.glance``). The
    database's language is followed as ``_open`` follows it.
    """
    from pathlib import Path

    from workbench.database_path import DATABASE_ENV, default_database_path
    from workbench.settings import decode_settings
    from workbench.siteconfig import load_site_defaults
    from workbench.store.glance import stored_settings

    named = arguments.db or os.environ.get(DATABASE_ENV)
    if named and "://" in named:
        if not named.startswith("sqlite:///") or "?" in named:
            return None
        named = named.split(":///", 1)[1]
    path = Path(named).expanduser() if named else default_database_path()
    stored = stored_settings(path, ("closure_days", "fixed_closure_days", "language"))
    if stored is None:
        return None
    try:  # the store's own decoding, over IT's defaults, as ``wb.settings.load`` does
        settings = decode_settings(stored, load_site_defaults())
        calendar = settings.calendar()
    except (ValueError, TypeError):
        return None
    language = settings.language if "language" in stored else None
    if language in LANGUAGES and getattr(arguments, "language", None) is None \
            and os.environ.get(LANGUAGE_ENV) not in LANGUAGES:
        set_language(str(language))
    return calendar


def _database_file_exists(chosen: str | None) -> bool:
    """False only for a database file (--db, WORKBENCH_DB or the per-user one) not made yet.

    Named without the store, so that a deadline on a machine without a database loads no
    database library (a server URL always counts as existing).
    """
    from pathlib import Path

    from workbench.database_path import DATABASE_ENV, default_database_path

    named = chosen or os.environ.get(DATABASE_ENV)
    if named and "://" in named:
        return not named.startswith("sqlite") or "memory" in named or _sqlite_url_exists(named)
    return Path(named).expanduser().exists() if named else default_database_path().exists()


def _sqlite_url_exists(url: str) -> bool:
    """Whether the file a ``sqlite:///PATH`` URL names exists."""
    from pathlib import Path

    path = url.split(":///", 1)[1].split("?", 1)[0] if ":///" in url else ""
    return bool(path) and Path(path).exists()


RULE_COLUMNS = ("kind", "id", "scheme", "title", "reference", "verified")


def _rules(arguments: argparse.Namespace) -> int:
    """Print the rules of a profile (--profile, else the database's): citation, verification."""
    from workbench.resources import load_named_profile

    name: str | None = arguments.profile
    if name is None:
        with _open(arguments) as workbench:
            name = workbench.settings.load().profile_name
    profile = load_named_profile(name)
    language = current_language()  # --language, else as _open chose: titles too
    if arguments.format != "table":
        records = [{"kind": "rule", "id": rule.id, "scheme": rule.scheme.value,
                    "title": rule.title(language), "reference": rule.reference,
                    "verified": "yes" if rule.verified else "no"} for rule in profile.rules]
        records += [{"kind": reason.effect.value, "id": reason.key, "scheme": "",
                     "title": reason.title(language), "reference": reason.reference,
                     "verified": "yes" if reason.verified else "no"}
                    for reason in profile.reasons]
        _print_records(records, RULE_COLUMNS, arguments.format)
        return EXIT_OK
    unverified = render("cli.rules.unverified")
    print(f"{profile.id}: {profile.title}")
    for rule in profile.rules:
        mark = "" if rule.verified else f" ({unverified})"
        print(f"{rule.id:8} {rule.scheme.value:20} {rule.title(language)} "
              f"[{rule.reference}]{mark}")
    for reason in profile.reasons:
        mark = "" if reason.verified else f" ({unverified})"
        print(render("cli.out.rules.reason", {
            "effect": _word("kind", reason.effect.value), "key": reason.key,
            "title": reason.title(language), "reference": reason.reference, "mark": mark}))
    return EXIT_OK


STATUS_COLUMNS = ("case_id", "caseworker", "scheme", "status", "next_due", "milestone",
                  "plan_by")
INQUIRY_COLUMNS = ("inquiry_id", "case_id", "caseworker", "channel", "received", "due",
                   "answered_on", "working_days_left")


def _today(arguments: argparse.Namespace) -> dt.date:
    """The --today date, or the real today."""
    today: dt.date | None = arguments.today
    return today or dt.date.today()


def _open(arguments: argparse.Namespace) -> Workbench:
    """The store --db (or WORKBENCH_DB, or the per-user default) names.

    Its language setting becomes the language of the messages, unless ``--language`` or
    ``WORKBENCH_LANGUAGE`` chose one.
    """
    from workbench.session import Workbench

    workbench = Workbench.open(arguments.db)
    chosen = getattr(arguments, "language", None)
    if chosen is None and os.environ.get(LANGUAGE_ENV) not in LANGUAGES:
        try:
            set_language(workbench.settings.load().language)
        except BaseException:
            workbench.close()
            raise
    return workbench


def _progress(key: str) -> Callable[[int, int], None] | None:
    """A progress callback that rewrites one stderr line, or None unless stderr is a terminal.

    The line (message ``key`` with ``done`` and ``total``) ends once ``done`` reaches
    ``total``, so nothing else printed runs into it.
    """
    if not _is_terminal(sys.stderr):
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        line = render(key, {"done": done, "total": total})
        print(f"\r{line}", end=end, file=sys.stderr, flush=True)

    return show


def _is_terminal(stream: object) -> bool:
    """True if ``stream`` is an interactive terminal (not a file, a pipe or a test's capture)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _initials(arguments: argparse.Namespace, workbench: Workbench) -> str:
    """Who registers: --by, else the initials in the settings, else the login name."""
    import getpass

    by: str | None = arguments.by
    return by or workbench.settings.load().my_initials or getpass.getuser()


def _import(arguments: argparse.Namespace) -> int:
    """Import export files and print what changed; exit 3 if rows were rejected."""
    if arguments.dry_run:
        return _import_dry_run(arguments)
    with _open(arguments) as workbench:
        summary = workbench.imports.import_files(arguments.files, today=_today(arguments),
                                                 force=arguments.force,
                                                 progress=_progress("cli.progress.import"))
    _print_summary(summary)
    return EXIT_REJECTED_ROWS if summary.rejected else EXIT_OK


def _print_summary(summary: ImportSummary) -> None:
    """The import summary: counts on one line, then one line per rejected row."""
    from workbench.importing.summarytext import summary_lines

    print("\n".join(summary_lines(summary)))


def _import_dry_run(arguments: argparse.Namespace) -> int:
    """What the import would do; exit 3 if it would reject rows, 2 if it would be refused.

    A SQLite database that does not exist yet is not created: the preview runs against an
    empty one in a temporary folder.
    """
    import tempfile
    from pathlib import Path

    from workbench.importing import dryrun
    from workbench.importing.sitemappings import mappings_in_force
    from workbench.session import Workbench
    from workbench.store.database import resolve_url

    with contextlib.ExitStack() as stack:
        target = arguments.db
        url = resolve_url(target)
        if url.get_backend_name() == "sqlite" and not Path(str(url.database)).exists():
            target = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "empty.db"
        workbench = stack.enter_context(Workbench.open(target))
        chosen = getattr(arguments, "language", None)
        if chosen is None and os.environ.get(LANGUAGE_ENV) not in LANGUAGES:
            set_language(workbench.settings.load().language)  # as _open does
        preview = workbench.imports.preview_import(arguments.files, today=_today(arguments),
                                                   force=arguments.force)
    print("\n".join(dryrun.describe(preview, mappings_in_force())))
    if preview.refused is not None:
        return EXIT_INPUT
    return EXIT_REJECTED_ROWS if preview.rejects_rows else EXIT_OK


def _mapping_check(arguments: argparse.Namespace) -> int:
    """Check one mapping file, and its conflicts with the files in force; exit 2 if any."""
    from pathlib import Path

    from workbench.importing.sitemappings import Mappings, describe_mapping

    checked, conflicts = Mappings().check_file(Path(arguments.file))
    print("\n".join([render("mapping.check.ok", {"file": arguments.file}),
                     *describe_mapping(checked)[1:]]))
    for conflict in conflicts:
        print(render("mapping.list.conflict", {"conflict": conflict.describe()}))
    return EXIT_INPUT if conflicts else EXIT_OK


def _mapping_list(_arguments: argparse.Namespace) -> int:
    """The mapping files in force, where each lives, and any conflict; exit 2 if one."""
    from workbench.importing.sitemappings import describe_set, mappings_in_force

    in_force = mappings_in_force()
    print("\n".join(describe_set(in_force)))
    return EXIT_INPUT if in_force.conflicts else EXIT_OK


def _status(arguments: argparse.Namespace) -> int:
    """One row per open case: its status, next due date and deciding milestone.

    The cycle collector is paused meanwhile (``workbench.bulk``): the 10⁵ rows of text it
    holds set off some 130 collections that free nothing (6-10 ms at 100,000 cases).
    """
    from workbench.bulk import collector_paused

    with collector_paused():
        return _print_status(arguments)


def _print_status(arguments: argparse.Namespace) -> int:
    """``_status``: read the rows and print them."""
    with _open(arguments) as workbench:
        # The stored deadlines as text (workbench.deadlines): the rows ``caseload`` lists.
        rows = workbench.deadlines.status_table(_today(arguments),
                                                caseworker=arguments.caseworker,
                                                team=arguments.team)
    if arguments.format == "csv":
        import csv
        import io

        from workbench.cellguard import csv_cell, csv_may_need_guard

        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(STATUS_COLUMNS)
        writer.writerows(rows)
        written = text.getvalue()
        # 10⁵ rows are guarded cell by cell only if one of them might be taken for a
        # formula: one scan of the written text finds out.
        if csv_may_need_guard(written):
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(STATUS_COLUMNS)
            writer.writerows([csv_cell(cell) for cell in row] for row in rows)
            written = text.getvalue()
        _write_text(written)
    else:
        _print_records([dict(zip(STATUS_COLUMNS, row, strict=True)) for row in rows],
                       STATUS_COLUMNS, arguments.format)
    return EXIT_OK


def _verify(arguments: argparse.Namespace) -> int:
    """Compare the stored deadlines with a fresh evaluation; print each difference."""
    today = _today(arguments)
    with _open(arguments) as workbench:
        differences = workbench.deadlines.verify(today)
        open_cases = len(workbench.cases.caseload(today)) if not differences else 0
    if not differences:
        print(render("deadlines.verify.agree", {"cases": open_cases}))
        return EXIT_OK
    for difference in differences:
        print(render("deadlines.verify.difference", {
            "case_id": difference.case_id,
            "what": render(f"deadlines.verify.what.{difference.what}"),
            "stored": difference.stored, "fresh": difference.fresh}))
    print(render("deadlines.verify.differ", {"count": len(differences)}), file=sys.stderr)
    return EXIT_DIFFERENCES


def _add_format_argument(parser: argparse.ArgumentParser) -> None:
    """``--format`` of a listing: every style ``_print_records`` writes, a table by default."""
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help=render("cli.arg.format"))


def _print_records(records: list[dict[str, str]], columns: Sequence[str], style: str) -> None:
    """Print records as an aligned table, CSV, Excel's CSV or JSON (see ``FORMATS``).

    CSV cells that a spreadsheet would run as a formula are neutralised (``csv_cell``).
    Excel-CSV is what Danish Excel opens in columns: semicolons, CRLF and UTF-8 with a BOM,
    whatever the console's encoding, so it is written as bytes.
    """
    import csv
    import io
    import json

    from workbench.cellguard import csv_cell

    if style == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif style in ("csv", "excel-csv"):
        excel = style == "excel-csv"
        text = io.StringIO()
        writer = csv.writer(text, delimiter=";" if excel else ",",
                            lineterminator="\r\n" if excel else "\n")
        writer.writerow(columns)
        writer.writerows([csv_cell(record[c]) for c in columns] for record in records)
        if excel:
            _write_bytes(text.getvalue().encode("utf-8-sig"))
        else:
            sys.stdout.write(text.getvalue())
    else:  # for a person: headers and words in the current language
        header = [_word("column", c) for c in columns]
        shown = [_words(c, [record[c] for record in records]) for c in columns]
        widths = [max([len(name), *map(len, values)])
                  for name, values in zip(header, shown, strict=True)]
        # Written at once: 10⁵ lines printed one by one took a third of `workbench status`.
        lines = ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
                 for line in [header, *zip(*shown, strict=True)]]
        _write_text("\n".join(lines) + "\n")


#: Characters per write of a long output: see ``_write_text``.
_WRITE_CHUNK = 1 << 16


def _write_text(text: str) -> None:
    """Write ``text`` to stdout a piece at a time.

    A reader that stops reading (``| head -1``) is then told at the next piece, also where
    stdout is unbuffered (``PYTHONUNBUFFERED``): there one write of it all would stop
    short at the closed pipe without a word, and the command would end as if all was read.
    """
    for start in range(0, len(text), _WRITE_CHUNK):
        sys.stdout.write(text[start:start + _WRITE_CHUNK])


def _words(column: str, values: list[str]) -> list[str]:
    """``_word`` of each of ``values``: looked up once each, and only if the column has any."""
    prefix = f"cli.out.value.{column}."
    if not any(key.startswith(prefix) for key in catalog()):
        return values
    words: dict[str, str] = {}
    return [words[value] if value in words else words.setdefault(value, _word(column, value))
            for value in values]


def _word(column: str, value: str) -> str:
    """``value`` of ``column`` as a person reads it in the current language.

    ``_word("column", "next_due")`` is a table header, ``_word("status", "red")`` a value
    (``workbench.messages.cli_output``); anything else is shown as it is.
    """
    key = f"cli.out.column.{value}" if column == "column" else f"cli.out.value.{column}.{value}"
    return render(key) if key in catalog() else value


def _write_bytes(data: bytes) -> None:
    """Write ``data`` to stdout as they are (no newline translation, no re-encoding)."""
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # a text-only stream (a test's): the text is all it can take
        sys.stdout.write(data.decode("utf-8"))
        return
    binary.write(data)
    binary.flush()


def _register(arguments: argparse.Namespace) -> int:
    """Record a local event on a case (and a note with it) and print its id.

    A date after today or before the case's start is refused, never replaced.
    """
    from workbench.vocabulary import parse_event_kind

    kind = parse_event_kind(arguments.kind)
    with _open(arguments) as workbench:
        registered = workbench.registrations.register(
            arguments.case_id, kind, arguments.date, by=_initials(arguments, workbench),
            today=_today(arguments), note=arguments.note)
    print(registered.event_id)
    return EXIT_OK


def _inquiry_add(arguments: argparse.Namespace) -> int:
    """Record a citizen's inquiry and print its id."""
    from workbench.vocabulary import Channel

    with _open(arguments) as workbench:
        inquiry_id = workbench.inquiries.add(arguments.case_id, Channel(arguments.channel),
                                             arguments.received,
                                             by=_initials(arguments, workbench))
    print(inquiry_id)
    return EXIT_OK


def _inquiry_answer(arguments: argparse.Namespace) -> int:
    """Register the reply to an inquiry."""
    with _open(arguments) as workbench:
        workbench.inquiries.answer(arguments.inquiry_id, arguments.date,
                                   by=_initials(arguments, workbench))
    return EXIT_OK


_PAUSE_ACTIONS = ("end", "withdraw")


def _pause(arguments: argparse.Namespace) -> int:
    """Pause a case's deadlines (prints the pause's id), or end or withdraw a pause."""
    target, pause_id = arguments.target, arguments.pause_id
    action = target if target in _PAUSE_ACTIONS else None
    if action is None:
        complete = pause_id is None and arguments.starts and arguments.reason
    else:
        complete = pause_id is not None and (action != "end" or arguments.ends)
    if not complete:
        print(render("pause.usage"), file=sys.stderr)
        return EXIT_USAGE
    with _open(arguments) as workbench:
        by = _initials(arguments, workbench)
        if action is None:
            print(workbench.pauses.pause(target, arguments.starts, arguments.ends,
                                         arguments.reason, by=by))
        elif action == "end":
            workbench.pauses.end_pause(_local_id(pause_id, "pause"), arguments.ends, by=by)
        else:
            workbench.pauses.withdraw_pause(_local_id(pause_id, "pause"), by=by)
    return EXIT_OK


def _exempt(arguments: argparse.Namespace) -> int:
    """Exempt a case from a rule (prints the exemption's id), or withdraw an exemption."""
    with _open(arguments) as workbench:
        by = _initials(arguments, workbench)
        if arguments.target == "withdraw":
            workbench.pauses.withdraw_exemption(_local_id(arguments.rule_id, "exemption"),
                                                by=by)
            return EXIT_OK
        if not arguments.reason:
            print(render("exemption.usage"), file=sys.stderr)
            return EXIT_USAGE
        print(workbench.pauses.exempt(arguments.target, arguments.rule_id, arguments.reason,
                                      by=by))
    return EXIT_OK


def _local_id(text: str, kind: str) -> int:
    """A pause's or exemption's id as typed; InputError (exit 2) if it is no id.

    These ids share their positional with a case id or a rule id, so they are checked here
    rather than by ``record_id``, with the same bounds: no such pause or exemption.
    """
    from workbench.errors import InputError

    number = _record_id_or_none(text)
    if number is None:
        raise InputError(key=f"{kind}.unknown", **{f"{kind}_id": text})
    return number


def _pauses(arguments: argparse.Namespace) -> int:
    """A case's pauses and exemptions, one a line, withdrawn ones marked."""
    with _open(arguments) as workbench:
        detail = workbench.cases.case_detail(arguments.case_id, _today(arguments))
    language = current_language()
    withdrawn = render("pauses.cli.withdrawn")
    for pause in detail.pauses:
        print(render("pauses.cli.pause", {
            "id": pause.pause_id, "what": pause.describe(language), "by": pause.registered_by,
            "reference": pause.reference, "mark": withdrawn if pause.withdrawn else ""}))
    for exemption in detail.exemptions:
        print(render("pauses.cli.exemption", {
            "id": exemption.exemption_id, "what": exemption.describe(language),
            "reference": exemption.reference, "by": exemption.registered_by,
            "mark": withdrawn if exemption.withdrawn else ""}))
    for name, value in detail.attributes:
        print(render("pauses.cli.attribute", {"name": name, "value": value}))
    return EXIT_OK


def _case_attribute(arguments: argparse.Namespace) -> int:
    """Set (or with ``clear-attribute`` clear) a case attribute here."""
    value: str | None = getattr(arguments, "value", None)
    with _open(arguments) as workbench:
        workbench.attributes.set(arguments.case_id, arguments.name, value,
                                 by=_initials(arguments, workbench))
    return EXIT_OK


def _add_pause_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Pauses, exemptions and case attributes: local facts the rules take into account."""
    pause = _command(commands, "pause")
    pause.add_argument("target", metavar="CASE_ID", help=_text("cli.arg.pause_target"))
    pause.add_argument("pause_id", metavar="ID", nargs="?", help=_text("cli.arg.pause_id"))
    pause.add_argument("--from", dest="starts", type=iso_date, help=_text("cli.arg.pause_from"))
    pause.add_argument("--to", dest="ends", type=iso_date, help=_text("cli.arg.pause_to"))
    pause.add_argument("--reason", metavar="KEY", help=_text("cli.arg.pause_reason"))
    pause.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
    pause.set_defaults(handler=_pause)

    exempt = _command(commands, "exempt")
    exempt.add_argument("target", metavar="CASE_ID", help=_text("cli.arg.exempt_target"))
    exempt.add_argument("rule_id", metavar="RULE_ID", help=_text("cli.arg.exempt_rule"))
    exempt.add_argument("--reason", metavar="KEY", help=_text("cli.arg.exempt_reason"))
    exempt.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
    exempt.set_defaults(handler=_exempt)

    listing = _command(commands, "pauses")
    listing.add_argument("case_id", metavar="CASE_ID", help=_text("cli.arg.case_id"))
    listing.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    listing.set_defaults(handler=_pauses)

    case = _command(commands, "case")
    actions = _actions(case)
    for name in ("set-attribute", "clear-attribute"):
        attribute = _command(actions, name, f"case.{name}")
        attribute.add_argument("case_id", metavar="CASE_ID", help=_text("cli.arg.case_id"))
        attribute.add_argument("name", metavar="NAME", help=_text("cli.arg.attribute_name"))
        if name == "set-attribute":
            attribute.add_argument("value", metavar="VALUE",
                                   help=_text("cli.arg.attribute_value"))
        attribute.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
        attribute.set_defaults(handler=_case_attribute)
    _add_case_show(actions)


def _inquiries(arguments: argparse.Namespace) -> int:
    """The inquiries still to answer (all with --all), soonest due first."""
    with _open(arguments) as workbench:
        rows = workbench.inquiries.rows(_today(arguments), open_only=not arguments.all,
                                        caseworker=arguments.caseworker, team=arguments.team)
    records = [
        {
            "inquiry_id": str(row.inquiry_id), "case_id": row.case_id,
            "caseworker": row.caseworker, "channel": row.channel.value,
            "received": row.received.isoformat(), "due": row.due.isoformat(),
            "answered_on": row.answered_on.isoformat() if row.answered_on else "",
            "working_days_left": str(row.working_days_left),
        }
        for row in rows
    ]
    _print_records(records, INQUIRY_COLUMNS, arguments.format)
    return EXIT_OK


def _local_moment(text: str) -> dt.datetime:
    """An argparse type for a local time as YYYY-MM-DDTHH:MM."""
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise argparse.ArgumentTypeError(render("cli.not_a_moment", {"text": repr(text)})) from None


def _nag_line(nag: Nag) -> str:
    """One reminder on one line, naming the inquiry and case or the caseload."""
    from workbench.nags import NagKind

    if nag.kind is NagKind.DIGEST:
        return render("cli.out.nag.digest", {"red": nag.red, "amber": nag.amber})
    urgency = render("cli.out.nag.urgent") if nag.urgent else ""
    due = nag.due.isoformat() if nag.due else ""
    return render("cli.out.nag.inquiry", {
        "kind": _word("kind", nag.kind.value), "urgent": urgency,
        "inquiry_id": nag.inquiry_id, "case_id": nag.case_id, "due": due})


NAG_COLUMNS = ("kind", "urgent", "inquiry_id", "case_id", "due", "red", "amber")


def _nag_record(nag: Nag) -> dict[str, str]:
    """A reminder in the columns of ``NAG_COLUMNS`` (the digest's counts, or the inquiry's)."""
    from workbench.nags import NagKind

    digest = nag.kind is NagKind.DIGEST
    return {
        "kind": nag.kind.value, "urgent": "yes" if nag.urgent else "no",
        "inquiry_id": "" if nag.inquiry_id is None else str(nag.inquiry_id),
        "case_id": nag.case_id or "", "due": nag.due.isoformat() if nag.due else "",
        "red": str(nag.red) if digest else "", "amber": str(nag.amber) if digest else "",
    }


def _nags(arguments: argparse.Namespace) -> int:
    """The reminders due at a moment, recorded as shown unless --peek (as the app does)."""
    from workbench.reminders import due_reminders

    now = arguments.now or dt.datetime.now()
    with _open(arguments) as workbench:
        nags = due_reminders(workbench, now, record=not arguments.peek)
    if arguments.format != "table":
        _print_records([_nag_record(nag) for nag in nags], NAG_COLUMNS, arguments.format)
        return EXIT_OK
    for nag in nags:
        print(_nag_line(nag))
    return EXIT_OK


def _demo_export(arguments: argparse.Namespace) -> int:
    """Write a synthetic export (cases and events file) and print the files' paths."""
    from pathlib import Path

    from workbench import demo

    export = demo.generate(arguments.cases, arguments.seed, _today(arguments))
    for path in demo.write_export(export, Path(arguments.out), arguments.format):
        print(path)
    return EXIT_OK


def _demo(arguments: argparse.Namespace) -> int:
    """Create a demo database from a demo export the first time; print its status summary."""
    from pathlib import Path

    from workbench import demo
    from workbench.session import Workbench

    folder = Path(arguments.dir)
    database = arguments.db or str(folder / "demo.db")
    today = dt.date.today()
    with Workbench.open(database) as workbench:
        if workbench.cases.is_empty():
            files = demo.write_export(demo.generate(arguments.cases, arguments.seed, today),
                                      folder / "export")
            workbench.imports.import_files(files, today=today)
            demo.add_local_work(workbench, today, arguments.seed)
        rows = workbench.cases.caseload(today)
        waiting = workbench.inquiries.rows(today)
    print(render("cli.out.demo.database", {"database": database}))
    _print_status_summary(rows)
    print(render("cli.out.demo.inquiries", {"count": len(waiting)}))
    return EXIT_OK


def _print_status_summary(rows: Sequence[CaseRow]) -> None:
    """Red, amber and green counts per caseworker, and in total."""
    from collections import Counter

    per_caseworker: dict[str, Counter[str]] = {}
    for row in rows:
        per_caseworker.setdefault(row.caseworker, Counter())[row.status.value] += 1
    total: Counter[str] = Counter(row.status.value for row in rows)
    red, amber, green = (_word("status", status) for status in ("red", "amber", "green"))
    print(f"{render('cli.out.demo.caseworker'):13} {red:>5} {amber:>5} {green:>5}")
    for caseworker, counts in sorted(per_caseworker.items()):
        print(f"{caseworker:13} {counts['red']:5} {counts['amber']:5} {counts['green']:5}")
    print(f"{render('cli.out.demo.total'):13} {total['red']:5} {total['amber']:5} "
          f"{total['green']:5}")


def _text(key: str) -> str:
    """A help text of the command line (``workbench.messages.cli``) in the current language."""
    return render(key)


def _command(commands: argparse._SubParsersAction[_Parser], name: str,
             key: str | None = None) -> _Parser:
    """A sub-command with its help and description, ``cli.command.KEY`` and ``KEY.about``.

    ``key`` defaults to ``name``; a sub-command of a command is keyed ``command.action``.
    """
    key = f"cli.command.{key or name}"
    if isinstance(commands, _Commands) and not commands.builds(name):
        return commands.listed_only(name, help=_text(key))
    return commands.add_parser(name, help=_text(key), description=_text(f"{key}.about"))


def _actions(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[_Parser]:
    """The sub-commands of a command (``team join``, ``inquiry add``...)."""
    if isinstance(parser, _Unbuilt):
        return parser.actions
    return parser.add_subparsers(dest="action", required=True, parser_class=_Parser,
                                 metavar=_text("cli.metavar.action"), help=_text("cli.actions"))


def _add_nags_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The ``nags`` sub-command: reminders for headless use."""
    nags = _command(commands, "nags")
    nags.add_argument("--now", type=_local_moment, help=_text("cli.arg.now"))
    nags.add_argument("--peek", action="store_true", help=_text("cli.arg.peek"))
    _add_format_argument(nags)
    nags.set_defaults(handler=_nags)


def _add_store_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The commands that work on the case store (import, status, registrations, demo)."""
    importing = _command(commands, "import")
    importing.add_argument("files", nargs="+", metavar="FILE", help=_text("cli.arg.files"))
    importing.add_argument("--today", type=iso_date, help=_text("cli.arg.import_today"))
    importing.add_argument("--force", action="store_true", help=_text("cli.arg.force"))
    importing.add_argument("--dry-run", action="store_true", help=_text("cli.arg.dry_run"))
    importing.set_defaults(handler=_import)

    mapping = _command(commands, "mapping")
    actions = _actions(mapping)
    check = _command(actions, "check", "mapping.check")
    check.add_argument("file", metavar="FILE.toml", help=_text("cli.arg.mapping_file"))
    check.set_defaults(handler=_mapping_check)
    _command(actions, "list", "mapping.list").set_defaults(handler=_mapping_list)

    status = _command(commands, "status")
    status.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    status.add_argument("--caseworker", metavar="INITIALS", help=_text("cli.arg.caseworker"))
    status.add_argument("--team", help=_text("cli.arg.team"))
    _add_format_argument(status)
    status.set_defaults(handler=_status)

    register = _command(commands, "register")
    register.add_argument("case_id", metavar="CASE_ID", help=_text("cli.arg.case_id"))
    register.add_argument("--kind", required=True, help=_text("cli.arg.kind"))
    register.add_argument("--date", required=True, type=iso_date,
                          help=_text("cli.arg.event_date"))
    register.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
    register.add_argument("--note", metavar="TEXT", help=_text("cli.arg.note_with"))
    register.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    register.set_defaults(handler=_register)

    inquiry = _command(commands, "inquiry")
    actions = _actions(inquiry)
    add = _command(actions, "add", "inquiry.add")
    add.add_argument("case_id", metavar="CASE_ID", help=_text("cli.arg.case_id"))
    add.add_argument("--channel", required=True, choices=CHANNELS,
                     help=_text("cli.arg.channel"))
    add.add_argument("--received", required=True, type=iso_date,
                     help=_text("cli.arg.received"))
    add.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
    add.set_defaults(handler=_inquiry_add)
    answer = _command(actions, "answer", "inquiry.answer")
    answer.add_argument("inquiry_id", metavar="ID", type=record_id,
                        help=_text("cli.arg.inquiry_id"))
    answer.add_argument("--date", required=True, type=iso_date, help=_text("cli.arg.answered"))
    answer.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
    answer.set_defaults(handler=_inquiry_answer)

    listing = _command(commands, "inquiries")
    listing.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    listing.add_argument("--caseworker", metavar="INITIALS", help=_text("cli.arg.caseworker"))
    listing.add_argument("--team", help=_text("cli.arg.team"))
    listing.add_argument("--all", action="store_true", help=_text("cli.arg.all"))
    _add_format_argument(listing)
    listing.set_defaults(handler=_inquiries)

    export = _command(commands, "demo-export")
    export.add_argument("--out", required=True, metavar="DIR", help=_text("cli.arg.export_out"))
    export.add_argument("--cases", type=int, default=300, help=_text("cli.arg.cases"))
    export.add_argument("--seed", type=int, default=1, help=_text("cli.arg.seed"))
    export.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    export.add_argument("--format", choices=list(DEMO_FORMATS), default="csv",
                        help=_text("cli.arg.export_format"))
    export.set_defaults(handler=_demo_export)

    demo_command = _command(commands, "demo")
    demo_command.add_argument("--dir", required=True, metavar="DIR",
                              help=_text("cli.arg.demo_dir"))
    demo_command.add_argument("--cases", type=int, default=300, help=_text("cli.arg.cases"))
    demo_command.add_argument("--seed", type=int, default=1, help=_text("cli.arg.seed"))
    demo_command.set_defaults(handler=_demo)


def _report(arguments: argparse.Namespace) -> int:
    """Write the team lead's status workbook and say what it holds."""
    from workbench.reports import write_status_report

    with _open(arguments) as workbench:
        summary = write_status_report(workbench, arguments.out, _today(arguments),
                                      team=arguments.team, include_cpr=arguments.include_cpr,
                                      progress=_progress("cli.progress.report"))
    print(render("report.written", {
        "path": summary.path, "open_cases": summary.open_cases, "red": summary.red,
        "amber": summary.amber, "green": summary.green, "sample_size": summary.sample_size,
        "sample_seed": summary.sample_seed}))
    return EXIT_OK


def _add_report_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The team lead's Excel status (workbench.reports)."""
    report = _command(commands, "report")
    report.add_argument("--out", required=True, metavar="FILE.xlsx",
                        help=_text("cli.arg.report_out"))
    report.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    report.add_argument("--team", help=_text("cli.arg.report_team"))
    report.add_argument("--include-cpr", action="store_true", help=_text("cli.arg.include_cpr"))
    report.set_defaults(handler=_report)


def _encrypt(arguments: argparse.Namespace) -> int:
    """Encrypt the (plain SQLite) database in place; its key goes to the user's keyring."""
    from workbench.store.database import encrypt_database_file
    from workbench.store.encryption import KEYRING_SERVICE

    path = encrypt_database_file(arguments.db)
    print(render("store.encrypted", {"path": path, "service": KEYRING_SERVICE}))
    return EXIT_OK


def _add_encrypt_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Encrypting the database with SQLCipher (workbench.store.encryption)."""
    encrypt = _command(commands, "encrypt")
    encrypt.set_defaults(handler=_encrypt)


AUDIT_COLUMNS = ("at", "os_user", "initials", "action", "case_id", "file", "detail")


def _audit(arguments: argparse.Namespace) -> int:
    """The audit log: who revealed, imported or exported personal data, and when."""
    with _open(arguments) as workbench:
        entries = workbench.audit.audit_log(arguments.since)
    records = [
        {
            "at": _utc(entry.at), "os_user": entry.os_user, "initials": entry.initials,
            "action": entry.action.value, "case_id": entry.case_id or "",
            "file": entry.file or "", "detail": entry.detail or "",
        }
        for entry in entries
    ]
    _print_records(records, AUDIT_COLUMNS, arguments.format)
    return EXIT_OK


def _add_audit_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """The audit log of personal data (workbench.audit)."""
    audit = _command(commands, "audit")
    audit.add_argument("--since", type=iso_date, help=_text("cli.arg.since"))
    _add_format_argument(audit)
    audit.set_defaults(handler=_audit)


def _restore_backup(arguments: argparse.Namespace) -> int:
    """Put a backup in place of a (damaged) SQLite database; the old file is kept aside."""
    from pathlib import Path

    from workbench.errors import InputError
    from workbench.restoring import restore_keeping_work, what_it_loses
    from workbench.store.database import resolve_url
    from workbench.store.recovery import (
        backup_time,
        integrity_problem,
        latest_backup,
        restore_backup,
    )

    url = resolve_url(arguments.db)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise InputError(key="cli.restore.not_sqlite")
    database = Path(url.database)
    backup = Path(arguments.file) if arguments.file else latest_backup(database)
    if backup is None:
        raise InputError(key="cli.restore.no_backup", database=str(database),
                         folder=str(database.parent / "backups"))
    made = f"{backup_time(backup):%Y-%m-%d %H:%M}"
    if not database.exists() or integrity_problem(database) is not None:
        kept = restore_backup(database, backup)
    elif not arguments.force:  # an intact database holds work the backup lacks: say what
        since = what_it_loses(database, backup)
        raise InputError(key="restore.would_lose", database=database, made=made,
                         changes=len(since.local_changes), audits=len(since.audit_entries))
    else:
        restored = restore_keeping_work(database, backup, initials=arguments.by or "")
        kept = restored.kept
        print(render("restore.carried_over", {"audits": restored.audit_entries,
                                              "changes": restored.local_changes}))
    print(render("restore.restored", {"database": database, "backup": backup, "made": made}))
    print(render("restore.kept", {"kept": kept}))
    return EXIT_OK


def _add_restore_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Restoring a backup of a damaged database (workbench.store.recovery)."""
    restore = _command(commands, "restore-backup")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("--latest", action="store_true", help=_text("cli.arg.latest"))
    which.add_argument("file", nargs="?", metavar=_text("cli.metavar.FILE"),
                       help=_text("cli.arg.backup_file"))
    restore.add_argument("--force", action="store_true", help=_text("cli.arg.restore_force"))
    restore.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.restore_by"))
    restore.set_defaults(handler=_restore_backup)


def _team_join(arguments: argparse.Namespace) -> int:
    """Join a team over a shared folder or a hub, and say so."""
    members = [member for member in arguments.members.split(",") if member.strip()]
    with _open(arguments) as workbench:
        chosen = workbench.team.join(arguments.me, members, folder=arguments.folder,
                                     server=arguments.server, join_code=arguments.join_code)
    print(render("sync.cli.joined", {"members": ", ".join(chosen.members), "me": chosen.me,
                                     "transport": chosen.describe()}))
    if chosen.join_code:  # the first member: the new team key, shown this once
        print(render("sync.cli.join_code"))
        print(chosen.join_code)
    return EXIT_OK


def _team_sync(arguments: argparse.Namespace) -> int:
    """Sync with the team; print what was sent and received, kind by kind."""
    with _open(arguments) as workbench:
        report = workbench.team.sync_now()
    print(render("sync.cli.sent", {"counts": _per_kind(report.sent)}))
    print(render("sync.cli.received", {"counts": _per_kind(report.received)}))
    print(render("sync.cli.conflicts", {"count": report.conflicts}))
    print(render("sync.cli.parked_waiting", {"count": report.parked}))
    for batch in report.unreadable:
        print(render("sync.cli.unreadable", {"batch": batch}))
    if report.held:
        print(render("sync.cli.held_see", {"counts": _per_kind(report.held)}))
    if report.resent or report.missing:
        print(render("sync.cli.resent", {"resent": report.resent, "missing": report.missing}))
    for batch in report.newer:
        print(f"{render('sync.newer_version')}: {batch}")
    print(render("sync.cli.synced_at", {"time": _utc(report.time)}))
    return EXIT_OK


def _per_kind(counts: dict[str, int]) -> str:
    """A total and its split by kind: "3 (event 2, note 1)"."""
    total = sum(counts.values())
    if not total:
        return "0"
    kinds = ", ".join(f"{_word('entity', _word('quarantine', kind))} {count}"
                      for kind, count in sorted(counts.items()))
    return f"{total} ({kinds})"


def _utc(moment: dt.datetime) -> str:
    """A time in UTC to the second."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _team_status(arguments: argparse.Namespace) -> int:
    """Me, the members, the transport, the last sync and what waits to be sent or applied."""
    with _open(arguments) as workbench:
        current = workbench.team.status()
    if current.settings is None:
        print(render("sync.cli.no_team"))
    else:
        print(render("sync.cli.me", {"me": current.settings.me}))
        print(render("sync.cli.members", {"members": ", ".join(current.settings.members)}))
        print(render("sync.cli.transport", {"transport": current.settings.describe()}))
    last = _utc(current.last_sync) if current.last_sync else render("sync.cli.never")
    print(render("sync.cli.last_sync", {"time": last}))
    print(render("sync.cli.pending", {"count": current.pending}))
    print(render("sync.cli.parked", {"count": current.parked}))
    print(render("sync.cli.held", {"counts": _per_kind(current.held)})
          + (render("sync.cli.quarantined", {"authors": ", ".join(current.quarantine_authors)})
             if current.quarantine_authors else ""))
    if current.missing:
        print(render("sync.cli.missing", {"count": current.missing}))
    print(render("sync.cli.convergence", {"state": _convergence(current.convergence)}))
    return EXIT_OK


def _convergence(found: Convergence | None) -> str:
    """"i sync", or who differs and by how much."""
    if found is None:
        return render("sync.not_compared")
    if found.in_sync:
        return render("sync.in_sync")
    return "; ".join(render("sync.differs", {"member": member, "details": ", ".join(
        render("sync.differs_count", {"member": member, "author": found.names.get(node, node),
                                      "theirs": theirs, "mine": mine})
        for node, (theirs, mine) in sorted(split.items())) or "digest"})
        for member, _node, split in found.differences)


def _team_quarantine(arguments: argparse.Namespace) -> int:
    """List the teammates' entries held here; drop a quarantined one."""
    with _open(arguments) as workbench:
        held = workbench.team.quarantine(arguments.drop)
    if arguments.drop:
        print(render("sync.cli.dropped", {"entry": arguments.drop}))
    for entry in held:
        print(render("cli.out.quarantine.entry", {
            "entry_id": entry.entry_id, "reason": _word("quarantine", entry.reason),
            "author": entry.author, "member": entry.member, "held_at": entry.held_at,
            "problem": render(entry.problem), "detail": entry.detail}))
    print(render("sync.cli.held", {"counts": len(held)}))
    return EXIT_OK


def _add_team_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Mini-teams (workbench.sync): join, sync, status."""
    team = _command(commands, "team")
    actions = _actions(team)
    join = _command(actions, "join", "team.join")
    join.add_argument("--me", required=True, metavar="INITIALS", help=_text("cli.arg.me"))
    join.add_argument("--members", required=True, metavar="AB,CD,EF",
                      help=_text("cli.arg.members"))
    # Neither given: IT's machine-wide team_folder or team_server (see README, For IT).
    where = join.add_mutually_exclusive_group()
    where.add_argument("--folder", metavar=_text("cli.metavar.DIR"), help=_text("cli.arg.folder"))
    where.add_argument("--server", metavar="URL", help=_text("cli.arg.server"))
    join.add_argument("--join-code", metavar="CODE", help=_text("cli.arg.join_code"))
    join.set_defaults(handler=_team_join)
    sync = _command(actions, "sync", "team.sync")
    sync.set_defaults(handler=_team_sync)
    status = _command(actions, "status", "team.status")
    status.set_defaults(handler=_team_status)
    quarantine = _command(actions, "quarantine", "team.quarantine")
    quarantine.add_argument("--drop", metavar="ID", help=_text("cli.arg.drop"))
    quarantine.set_defaults(handler=_team_quarantine)


def _case_record(detail: CaseDetail) -> dict[str, Any]:
    """One case as ``case show --format json`` prints it: the CPR number masked."""
    def event(row: EventRow) -> dict[str, Any]:
        withdrawn = None if not row.withdrawn else {
            "by": row.withdrawn_by, "reason": row.withdrawn_reason,
            "at": _utc(row.withdrawn_at) if row.withdrawn_at else None}
        return {"id": row.event_id or None, "date": row.date.isoformat(),
                "kind": row.kind.value, "source": row.source,
                "registered_by": row.registered_by, "withdrawn": withdrawn}

    case = detail.case
    return {
        "case_id": detail.case_id, "name": detail.name, "cpr": detail.cpr_masked,
        "scheme": detail.scheme.value, "caseworker": detail.caseworker, "team": detail.team,
        "start": detail.start.isoformat(),
        "closed_on": detail.closed_on.isoformat() if detail.closed_on else None,
        "status": case.status.value if case else None,
        "next_due": case.next_due.isoformat() if case and case.next_due else None,
        "milestones": [{"rule_id": m.rule_id, "title": m.title_da, "reference": m.reference,
                        "due": m.due.isoformat(), "state": m.state.value,
                        "status": m.status.value if m.status else None,
                        "met_on": m.met_on.isoformat() if m.met_on else None}
                       for m in detail.milestones],
        "events": [event(row) for row in sorted(
            (*detail.events, *detail.withdrawn_events), key=lambda r: (r.date, r.event_id))],
        "notes": [{"id": n.note_id, "written_at": _utc(n.written_at), "author": n.author,
                   "text": n.text} for n in detail.notes],
        "conflicts": [{"entity": c.entity_type.value, "field": c.field,
                       "kept": _change_record(c.kept), "lost": _change_record(c.lost)}
                      for c in detail.conflicts],
    }


def _change_record(change: FieldChange) -> dict[str, Any]:
    """One side of a conflict: the value, who gave it and when."""
    return {"value": change.value, "author": change.author, "at": _utc(change.at)}


def _case_show(arguments: argparse.Namespace) -> int:
    """Print one case: facts (CPR masked), milestones, events and notes with their ids."""
    import json

    with _open(arguments) as workbench:
        record = _case_record(workbench.cases.case_detail(arguments.case_id, _today(arguments)))
    if arguments.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key in ("case_id", "name", "cpr", "scheme", "caseworker", "team", "start",
                "closed_on", "status", "next_due"):
        value = _word(key, record[key]) if record[key] is not None else ""
        print(f"{render(f'cli.out.case.{key}')}: {value}")
    for m in record["milestones"]:
        print(render("cli.out.case.milestone", {
            "rule_id": m["rule_id"], "due": m["due"], "state": _word("state", m["state"]),
            "status": _word("status", m["status"]) if m["status"] else ""}).rstrip())
    for e in record["events"]:
        mark = (render("cli.out.case.withdrawn", e["withdrawn"]) if e["withdrawn"] else "")
        print(render("cli.out.case.event", {
            "id": e["id"] or "-", "date": e["date"], "kind": e["kind"],
            "source": _word("source", e["source"]), "by": e["registered_by"] or ""}).rstrip()
              + mark)
    for n in record["notes"]:
        print(render("cli.out.case.note", {"id": n["id"], "at": n["written_at"],
                                          "author": n["author"], "text": n["text"]}))
    for c in record["conflicts"]:
        kept, lost = c["kept"], c["lost"]
        print(render("cli.out.case.conflict", {
            "entity": c["entity"], "field": c["field"], "kept": repr(kept["value"]),
            "kept_by": kept["author"], "kept_at": kept["at"], "lost": repr(lost["value"]),
            "lost_by": lost["author"], "lost_at": lost["at"]}))
    return EXIT_OK


def _event_withdraw(arguments: argparse.Namespace) -> int:
    """Withdraw a local event registered in error, with the reason the team sees."""
    with _open(arguments) as workbench:
        gone = workbench.registrations.withdraw(arguments.event_id, reason=arguments.reason,
                                                by=_initials(arguments, workbench))
    print(render("cli.out.withdrawn", {"kind": gone.kind.value, "date": gone.date.isoformat(),
                                       "case_id": gone.case_id}))
    return EXIT_OK


def _note(arguments: argparse.Namespace) -> int:
    """Add (printing its id), edit or delete a note."""
    with _open(arguments) as workbench:
        by, work = _initials(arguments, workbench), workbench.registrations
        if arguments.action == "add":
            print(work.add_note(arguments.case_id, arguments.text, by=by))
        elif arguments.action == "edit":
            work.edit_note(arguments.note_id, arguments.text, by=by)
        else:
            work.delete_note(arguments.note_id, by=by)
    return EXIT_OK


def _cover(arguments: argparse.Namespace) -> int:
    """Assign or cancel a colleague's cover (the whole team receives it)."""
    with _open(arguments) as workbench:
        by = _initials(arguments, workbench)
        if arguments.action == "assign":
            workbench.registrations.assign_cover(arguments.absent, arguments.covering,
                                                 arguments.starts,
                                                 arguments.ends, by=by, case_id=arguments.case)
        else:
            workbench.registrations.cancel_cover(arguments.absent, by=by, case_id=arguments.case)
    return EXIT_OK


def _add_case_show(case: argparse._SubParsersAction[_Parser]) -> None:
    """``case show``: one case with the ids its corrections need."""
    show = _command(case, "show", "case.show")
    show.add_argument("case_id", metavar="CASE_ID", help=_text("cli.arg.case_id"))
    show.add_argument("--format", choices=["text", "json"], default="text",
                      help=_text("cli.arg.case_format"))
    show.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    show.set_defaults(handler=_case_show)


def _add_casework_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Correcting work on a case (wb.registrations): parity with the window."""
    withdraw = _command(_actions(_command(commands, "event")), "withdraw", "event.withdraw")
    withdraw.add_argument("event_id", metavar="EVENT_ID", type=int,
                          help=_text("cli.arg.event_id"))
    withdraw.add_argument("--reason", required=True, metavar="TEXT",
                          help=_text("cli.arg.reason"))
    withdraw.set_defaults(handler=_event_withdraw)
    note = _actions(_command(commands, "note"))
    add = _command(note, "add", "note.add")
    add.add_argument("case_id", metavar="CASE_ID", help=_text("cli.arg.case_id"))
    edit = _command(note, "edit", "note.edit")
    delete = _command(note, "delete", "note.delete")
    for parser in (edit, delete):
        parser.add_argument("note_id", metavar="NOTE_ID", type=int,
                            help=_text("cli.arg.note_id"))
    for parser in (add, edit):
        parser.add_argument("text", metavar="TEXT", help=_text("cli.arg.note_text"))
    cover = _actions(_command(commands, "cover"))
    assign = _command(cover, "assign", "cover.assign")
    assign.add_argument("--covering", required=True, metavar="INITIALS",
                        help=_text("cli.arg.covering"))
    assign.add_argument("--from", dest="starts", required=True, type=iso_date,
                        help=_text("cli.arg.cover_from"))
    assign.add_argument("--to", dest="ends", required=True, type=iso_date,
                        help=_text("cli.arg.cover_to"))
    cancel = _command(cover, "cancel", "cover.cancel")
    for parser in (withdraw, add, edit, delete, assign, cancel):
        parser.add_argument("--by", metavar="INITIALS", help=_text("cli.arg.by"))
    for parser in (assign, cancel):
        parser.add_argument("absent", metavar="ABSENT", help=_text("cli.arg.absent"))
        parser.add_argument("--case", metavar="CASE_ID", help=_text("cli.arg.cover_case"))
    for parser in (add, edit, delete):
        parser.set_defaults(handler=_note)
    for parser in (assign, cancel):
        parser.set_defaults(handler=_cover)


if TYPE_CHECKING:
    _ActionT = TypeVar("_ActionT", bound=argparse.Action)


class _Unbuilt(_Parser):
    """A command that is listed but not asked for: what is added to it is dropped unbuilt.

    One instance stands for every command ``build_parser`` leaves out; should argparse ever
    parse with it, ``_NotBuiltError`` makes ``_run`` parse again with every command built.
    """

    def __init__(self) -> None:
        super().__init__(prog="workbench")
        #: Its sub-commands (``team join``...): listed by no one, built by no one.
        self.actions = _Commands(option_strings=[], prog="workbench", parser_class=_Parser,
                                 wanted="")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """Nothing is added (the action returned belongs to no parser)."""
        return argparse.Action(option_strings=[], dest=argparse.SUPPRESS)

    def _add_action(self, action: _ActionT) -> _ActionT:
        """Nothing is added, from a group of this parser either."""
        return action

    def set_defaults(self, **kwargs: Any) -> None:
        """Nothing is kept."""

    def parse_known_args(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Never parses: the caller builds the command and parses again."""
        raise _NotBuiltError


class _NotBuiltError(Exception):
    """Argparse chose a command ``build_parser`` did not build."""


if TYPE_CHECKING:
    _SubParsers = argparse._SubParsersAction[_Parser]
else:  # not subscriptable at run time
    _SubParsers = argparse._SubParsersAction


class _Commands(_SubParsers):
    """The commands of ``workbench``: each listed in the help, only the one asked for built.

    Building the parser of every command (its arguments, their help texts in the current
    language) is most of the time ``workbench --help`` takes; ``wanted`` None builds all.
    """

    def __init__(self, *args: Any, wanted: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wanted = wanted
        self._unbuilt: _Unbuilt | None = None

    def builds(self, name: str) -> bool:
        """Whether the command ``name`` is built (else only listed)."""
        return self.wanted is None or name == self.wanted

    def listed_only(self, name: str, help: str) -> _Parser:
        """List ``name`` with its ``help`` as ``add_parser`` would, without building it."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help))
        if self._unbuilt is None:
            self._unbuilt = _Unbuilt()
        self._name_parser_map[name] = self._unbuilt
        return self._unbuilt


def _command_asked(words: Sequence[str]) -> str | None:
    """The command word of ``words`` as ``build_parser`` needs it: None when it is not clear.

    The top level's options before it are skipped with their values (``--db FILE``,
    ``--language en``, also abbreviated as argparse allows).
    """
    taking_values = ("--db", "--language")
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "--":
            return None
        elif word.startswith("-"):
            skip = "=" not in word and len(word) > 2 and any(
                option.startswith(word) for option in taking_values)
        else:
            return word
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line, sub-command by sub-command; only ``command``'s built if it is given.

    The others are listed (names and help) but not built: ``workbench --help`` and a command
    start without building forty parsers. ``""`` builds none; None builds every one.
    """
    parser = _Parser(prog="workbench", description=_text("cli.description"))
    parser.add_argument("--version", action="version", version=f"workbench {__version__}",
                        help=_text("cli.version"))
    parser.add_argument("--db", help=_text("cli.arg.db"))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     metavar=_text("cli.metavar.command"),
                                     help=_text("cli.commands"), action=_Commands)
    assert isinstance(commands, _Commands)
    commands.wanted = command

    deadline = _command(commands, "deadline")
    deadline.add_argument("--channel", required=True, choices=CHANNELS,
                          help=_text("cli.arg.channel"))
    deadline.add_argument("--received", required=True, type=iso_date,
                          help=_text("cli.arg.received"))
    deadline.set_defaults(handler=_deadline)

    rules = _command(commands, "rules")
    rules.add_argument("--profile", help=_text("cli.arg.profile"))
    _add_format_argument(rules)
    rules.set_defaults(handler=_rules)
    verify = _command(commands, "verify")
    verify.add_argument("--today", type=iso_date, help=_text("cli.arg.today"))
    verify.set_defaults(handler=_verify)
    _add_store_commands(commands)
    _add_pause_commands(commands)
    _add_nags_command(commands)
    _add_report_command(commands)
    _add_encrypt_command(commands)
    _add_team_commands(commands)
    _add_audit_command(commands)
    _add_restore_command(commands)
    _add_casework_commands(commands)
    return parser


def _self_test() -> int:
    """Check the installation (profiles, mappings, translations, database); see selftest.py."""
    from workbench.selftest import run_self_test

    passed = run_self_test(print)
    print(render("cli.out.selftest.passed" if passed else "cli.out.selftest.failed"),
          file=sys.stderr)
    return EXIT_OK if passed else EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; map every expected failure to its exit code and a one-line message.

    Ctrl+C ends it with one line and exit code 130: the import and the report write in one
    transaction or to a temporary file, so what was interrupted changed nothing. A reader that
    stops reading (``workbench status | head -1``) ends it quietly with exit code 141.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_asked(words))
    try:
        return _run(words)
    except KeyboardInterrupt:
        print(render("general.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        set_language(None)  # the choice was this command's; a caller in-process keeps its own


def _run(words: list[str]) -> int:
    """Parse ``words`` and run the command (``main`` without its Ctrl+C and pipe handling)."""
    if _without_language(words) == ["--self-test"]:  # `--self-test --language en` too
        return _self_test()
    try:
        try:
            arguments = build_parser(_command_asked(words) or "").parse_args(words)
        except _NotBuiltError:
            arguments = build_parser().parse_args(words)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    handler: Handler = arguments.handler
    from workbench.errors import WorkbenchError
    from workbench.logs import start_logging

    start_logging()
    try:
        code = handler(arguments)
        sys.stdout.flush()  # a closed pipe shows here, inside the handling, not at exit
        return code
    except WorkbenchError as error:
        return _failed(arguments, error.in_language(current_language()))
    except BrokenPipeError:
        raise
    except Exception as error:
        if not _is_storage_error(error):
            raise
        # The first line only: a database error goes on with the SQL and its parameters.
        lines = str(error).strip().splitlines()
        return _failed(arguments, lines[0] if lines else type(error).__name__)


def _is_storage_error(error: Exception) -> bool:
    """True for an OSError or a SQLAlchemy error: a one-line message, not a traceback.

    SQLAlchemy is looked up, not imported: a command that never loaded it raised none of its
    errors, and importing it here would cost the commands that do not need it 0.5 s.
    """
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    return isinstance(error, OSError) or (
        sqlalchemy_errors is not None
        and isinstance(error, sqlalchemy_errors.SQLAlchemyError))


def _language_asked(words: Sequence[str]) -> str | None:
    """The language ``--language`` asks for, read before parsing: the help is in it too."""
    for position, word in enumerate(words):
        if word == "--language" and position + 1 < len(words):
            value = words[position + 1]
        elif word.startswith("--language="):
            value = word.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            return value
    return None


def _without_language(words: Sequence[str]) -> list[str]:
    """``words`` without a ``--language X`` or ``--language=X`` that ``_language_asked`` read."""
    kept: list[str] = []
    skip = False
    for position, word in enumerate(words):
        if skip:
            skip = False
        elif word == "--language" and position + 1 < len(words):
            skip = True
        elif not word.startswith("--language="):
            kept.append(word)
    return kept


def _silence_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit raises nothing more."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _failed(arguments: argparse.Namespace, message: str) -> int:
    """Say what went wrong on one line, log it (masked), and give the input-error code."""
    import logging

    from workbench.cpr import mask_cpr_numbers

    message = mask_cpr_numbers(message)
    print(render("cli.error", {"message": message}), file=sys.stderr)
    logging.getLogger(__name__).warning("workbench %s failed: %s", arguments.command, message)
    return EXIT_INPUT
