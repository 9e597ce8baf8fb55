"""The command line's conventions: the user's language, listings, progress, Ctrl+C, pipes."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.exports import snapshot
from workbench import __version__, demo
from workbench.cli import (
    EXIT_BROKEN_PIPE,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    FORMATS,
    STATUS_COLUMNS,
    build_parser,
    main,
)
from workbench.messages import LANGUAGE_ENV, catalog, render, set_language
from workbench.session import Workbench

Capture = pytest.CaptureFixture[str]
TODAY = dt.date(2026, 3, 10)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_language_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)


def _parsers(parser: argparse.ArgumentParser, path: str = "workbench",
             ) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser of the command line, sub-commands' sub-commands too, with its path."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


def _command_helps(parser: argparse.ArgumentParser) -> dict[str, str | None]:
    """The help each sub-command has in its parent's list of commands."""
    helps: dict[str, str | None] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                helps[choice.dest] = choice.help
    return helps


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_command_and_argument_is_explained_in_the_language(language: str) -> None:
    """Walks the whole parser, so a command added later without texts fails here."""
    texts = {text.in_language(language) for text in catalog().values()}
    set_language(language)
    try:
        parsers = list(_parsers(build_parser()))
    finally:
        set_language(None)
    assert len(parsers) >= 20
    for path, parser in parsers:
        assert parser.description in texts, f"{path}: no description in {language}"
        for name, help_text in _command_helps(parser).items():
            assert help_text in texts, f"{path} {name}: no help in {language}"
        for action in parser._actions:
            assert action.help in texts, f"{path} {action.option_strings or action.dest}"


def _help(capsys: Capture, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def test_help_is_danish_by_default_and_english_on_request(
        capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    danish = _help(capsys)
    assert danish.startswith("brug: workbench")
    assert "tilvalg:" in danish and "vis denne hjælp og stop" in danish
    assert "importér udtræk fra det centrale sagssystem" in danish

    english = _help(capsys, "--language", "en")
    assert english.startswith("usage: workbench")
    assert "import the central case system's export files" in english

    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert "the day to count from" in _help(capsys, "status")
    danish_status = _help(capsys, "--language=da", "status")
    assert "dagen der regnes fra" in danish_status
    assert "--today ÅÅÅÅ-MM-DD" in danish_status and "--caseworker INITIALER" in danish_status
    monkeypatch.delenv(LANGUAGE_ENV)
    english_status = _help(capsys, "status", "--language", "en")
    assert "the day to count from" in english_status
    assert "--today YYYY-MM-DD" in english_status and "--caseworker INITIALS" in english_status


@pytest.mark.parametrize(("argv", "danish", "english"), [
    (["deadline", "--channel", "fax", "--received", "2026-04-01"],
     "argument --channel: ugyldigt valg: 'fax'", "argument --channel: invalid choice: 'fax'"),
    (["deadline", "--channel", "phone"], "disse argumenter mangler: --received",
     "the following arguments are required: --received"),
    (["status", "--bogus"], "ukendte argumenter: --bogus", "unrecognized arguments: --bogus"),
    (["deadline", "--channel", "phone", "--received", "1-4-2026"],
     "argument --received: ikke en dato som ÅÅÅÅ-MM-DD: '1-4-2026'",
     "argument --received: not a date as YYYY-MM-DD: '1-4-2026'"),
    (["inquiry", "answer", "x", "--date", "2026-04-01"],
     "argument ID: ikke et id (et helt tal fra 1 til 2147483647): 'x'",
     "argument ID: not an id (a whole number from 1 to 2147483647): 'x'"),
    (["inquiry", "answer", "99999999999999999999", "--date", "2026-11-24"],
     "argument ID: ikke et id (et helt tal fra 1 til 2147483647): '99999999999999999999'",
     "argument ID: not an id (a whole number from 1 to 2147483647): '99999999999999999999'"),
    (["restore-backup"], "et af argumenterne --latest FIL skal angives",
     "one of the arguments --latest FILE is required"),
    (["status", "--today"], "argument --today: mangler en værdi",
     "argument --today: expected one argument"),
])
def test_usage_errors_are_in_the_language_too(argv: list[str], danish: str, english: str,
                                              capsys: Capture) -> None:
    assert main(argv) == EXIT_USAGE
    said_in_danish = capsys.readouterr().err
    assert main(["--language", "en", *argv]) == EXIT_USAGE
    said_in_english = capsys.readouterr().err
    assert danish in said_in_danish and len(said_in_danish.splitlines()) == 1
    assert english in said_in_english and len(said_in_english.splitlines()) == 1


def test_version(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"workbench {__version__}"


@pytest.fixture
def database(tmp_path: Path) -> str:
    """A SQLite database with a 40-case demo caseload and two inquiries."""
    path = tmp_path / "workbench.db"
    files = demo.write_export(demo.generate(40, 3, TODAY), tmp_path / "export")
    with Workbench.open(path) as workbench:
        workbench.imports.import_files(files, today=TODAY)
        demo.add_local_work(workbench, TODAY, 3)
    return str(path)


def _error(capsys: Capture, *argv: str) -> str:
    assert main(list(argv)) == EXIT_INPUT
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    return lines[0]


def test_errors_follow_the_flag_the_environment_and_the_database(
        database: str, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    unknown = ("register", "S404", "--kind", "samtale", "--date", "2026-03-01", "--by", "AB")
    assert _error(capsys, "--db", database, *unknown) == \
        "fejl: der er ingen sag med Sags-ID 'S404'"
    assert _error(capsys, "--db", database, "--language", "en", *unknown) == \
        "error: no case with Sags-ID 'S404'"

    with Workbench.open(database) as workbench:
        workbench.settings.save(replace_language(workbench, "en"))
    assert _error(capsys, "--db", database, *unknown).startswith("error: no case")
    monkeypatch.setenv(LANGUAGE_ENV, "da")
    assert _error(capsys, "--db", database, *unknown).startswith("fejl: der er ingen sag")
    assert _error(capsys, "--db", database, "--language", "en", *unknown).startswith("error:")


def replace_language(workbench: Workbench, language: str) -> object:
    """The settings with another language."""
    import dataclasses

    return dataclasses.replace(workbench.settings.load(), language=language)


LISTINGS = [["status"], ["inquiries", "--all"], ["audit"], ["rules"],
            ["nags", "--peek", "--now", "2026-03-10T08:00"]]


@pytest.mark.parametrize("listing", LISTINGS, ids=lambda words: words[0])
def test_every_listing_speaks_every_format(database: str, listing: list[str],
                                           capsys: Capture) -> None:
    argv = ["--db", database, *listing, "--today", TODAY.isoformat()]
    if listing[0] in ("rules", "audit", "nags"):
        argv = argv[:-2]
    outputs = {}
    for style in FORMATS:
        assert main([*argv, "--format", style]) == EXIT_OK
        outputs[style] = capsys.readouterr().out
    records = json.loads(outputs["json"])
    assert isinstance(records, list) and records
    assert list(csv.DictReader(io.StringIO(outputs["csv"]))) == records
    excel = outputs["excel-csv"]
    assert excel.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(excel[1:], newline=""), delimiter=";"))
    assert rows == records


def test_excel_csv_is_bytes_for_danish_excel(database: str, tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", database, "status", "--today",
         TODAY.isoformat(), "--format", "excel-csv"],
        capture_output=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    data = completed.stdout
    assert data.startswith(b"\xef\xbb\xbf" + b"case_id;caseworker;scheme;status;")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and len(lines) > 30  # the header, the open cases, a last CRLF
    fields = len(STATUS_COLUMNS)
    assert all(line.count(b";") == fields - 1 and b"\n" not in line for line in lines[:-1])


def test_csv_cells_that_would_run_as_formulas_are_quoted(tmp_path: Path,
                                                         capsys: Capture) -> None:
    path = tmp_path / "workbench.db"
    export = tmp_path / "sager.csv"
    header = "Sags-ID;CPR;Navn;Ordning;Sagsbehandler;Team;Startdato"
    rows = [f"S{n};010190-1234;Anne;sygedagpenge;{worker};Nord;2026-01-05"
            for n, worker in enumerate(["=9+9", "@SUM(1)", "+45", "-2+3", "ABC"], start=1)]
    export.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([export], today=TODAY)
    for style, delimiter in (("csv", ","), ("excel-csv", ";")):
        assert main(["--db", str(path), "status", "--today", "2026-03-10",
                     "--format", style]) == EXIT_OK
        out = capsys.readouterr().out.lstrip("\ufeff")
        workers = {row["caseworker"] for row in csv.DictReader(io.StringIO(out),
                                                                delimiter=delimiter)}
        assert workers == {"'=9+9", "'@SUM(1)", "'+45", "'-2+3", "ABC"}


def test_inquiry_days_left_stay_numbers_in_csv(database: str, capsys: Capture) -> None:
    assert main(["--db", database, "inquiries", "--all", "--today", "2026-06-01",
                 "--format", "csv"]) == EXIT_OK
    days = [row["working_days_left"] for row in csv.DictReader(io.StringIO(
        capsys.readouterr().out))]
    assert days and all(day.lstrip("-").isdigit() for day in days)
    assert any(day.startswith("-") for day in days)


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_goes_to_a_terminal_only(tmp_path: Path, capsys: Capture,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    files = [str(f) for f in demo.write_export(demo.generate(30, 1, TODAY), tmp_path / "x")]
    database = str(tmp_path / "workbench.db")
    assert main(["--db", database, "import", *files, "--today", "2026-03-10"]) == EXIT_OK
    assert capsys.readouterr().err == ""  # a pipe, a file: no progress

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    more = [str(f) for f in demo.write_export(demo.generate(60, 2, TODAY), tmp_path / "y")]
    # Another database: this export gives the first one's Sags-IDs other citizens, which an
    # import rejects (issue 13, case identity).
    assert main(["--db", str(tmp_path / "other.db"), "import", *more, "--today", "2026-03-10",
                 "--force"]) == EXIT_OK
    shown = terminal.getvalue()
    assert "\rimport: trin 1 af 5" in shown
    assert shown.endswith("\rimport: trin 5 af 5\n")


def test_the_report_says_it_is_working_on_a_terminal_only(
        database: str, tmp_path: Path, capsys: Capture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    report = ["--db", database, "report", "--out", str(tmp_path / "status.xlsx"),
              "--today", "2026-03-10"]
    assert main(report) == EXIT_OK
    assert capsys.readouterr().err == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(report) == EXIT_OK
    shown = terminal.getvalue()
    assert "\rrapport: trin 1 af " in shown
    steps = shown.rsplit("af ", 1)[1].rstrip("\n")
    assert shown.endswith(f"\rrapport: trin {steps} af {steps}\n")


# A terminal's foreground process gets Ctrl+C with SIGINT at its default, which Python turns
# into KeyboardInterrupt. A test run started with `&` from a shell without job control (a CI
# step, a loop in the background) hands SIGINT down ignored, and Python leaves it ignored: so
# each script below first puts back what a foreground process has, then presses Ctrl+C.
INTERRUPTING = textwrap.dedent("""
    import os, signal, sys
    from workbench.cli import main
    from workbench.importing import importer

    signal.signal(signal.SIGINT, signal.default_int_handler)

    def interrupted(self, tables):
        # The cases are written in the open transaction; now Ctrl+C, as a real signal.
        os.kill(os.getpid(), signal.SIGINT)
        raise AssertionError("the interrupt did not stop the import")

    importer._ImportRun.apply_events = interrupted
    sys.exit(main(sys.argv[1:]))
""")


def test_ctrl_c_stops_a_long_import_and_changes_nothing(tmp_path: Path) -> None:
    database = tmp_path / "workbench.db"
    first = demo.write_export(demo.generate(50, 1, TODAY), tmp_path / "first")
    with Workbench.open(database) as workbench:
        workbench.imports.import_files(first, today=TODAY)
        before = snapshot(workbench)
    long = demo.write_export(demo.generate(4000, 2, TODAY), tmp_path / "long")

    completed = subprocess.run(
        [sys.executable, "-c", INTERRUPTING, "--db", str(database), "import",
         *map(str, long), "--today", "2026-03-10", "--force"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), LANGUAGE_ENV: "en"})

    assert completed.returncode == EXIT_INTERRUPTED
    assert completed.stderr == render("general.interrupted", language="en") + "\n"
    assert completed.stdout == ""
    with Workbench.open(database) as workbench:
        assert snapshot(workbench) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith("workbench.db-")]
    assert leftovers == []


REPORT_INTERRUPTING = textwrap.dedent("""
    import os, signal, sys
    from workbench.cli import main
    from workbench.reports import sheets

    signal.signal(signal.SIGINT, signal.default_int_handler)

    def interrupted(*arguments):
        # The overview is written into the temporary file; now Ctrl+C, as a real signal.
        os.kill(os.getpid(), signal.SIGINT)
        raise AssertionError("the interrupt did not stop the report")

    sheets.write_cases = interrupted
    sys.exit(main(sys.argv[1:]))
""")


def test_ctrl_c_during_a_report_leaves_no_file(database: str, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    completed = subprocess.run(
        [sys.executable, "-c", REPORT_INTERRUPTING, "--db", database, "report", "--out",
         str(out / "status.xlsx"), "--today", "2026-03-10"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), LANGUAGE_ENV: "da"})
    assert completed.returncode == EXIT_INTERRUPTED
    assert completed.stderr == "afbrudt; intet blev ændret\n"
    assert list(out.iterdir()) == []


def test_a_reader_that_stops_reading_ends_it_quietly(tmp_path: Path) -> None:
    database = tmp_path / "workbench.db"
    files = demo.write_export(demo.generate(2500, 1, TODAY), tmp_path / "export")
    with Workbench.open(database) as workbench:
        workbench.imports.import_files(files, today=TODAY)
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "--db", str(database), "status",
         "--today", "2026-03-10"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_LANGUAGE": "da"})
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"sagsnr.")  # as `| head -1` reads
    process.stdout.close()
    error = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == EXIT_BROKEN_PIPE
    assert error == b""


def test_a_broken_pipe_in_process_is_quiet_too(capsys: Capture,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["rules"]) == EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""
