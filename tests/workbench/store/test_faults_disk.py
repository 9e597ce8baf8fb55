"""A full disk while writing a report or a backup: a clear message, nothing corrupted.

The portable tests make the disk "full" where the file is written: the report's stream
raises ENOSPC after a chosen number of bytes; the backup copy is held to two pages by
SQLite's own ``max_page_count``, which fails exactly as a full disk does (SQLITE_FULL). On
Linux as root (as in CI) the same happens on a real, tiny tmpfs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.exports import TODAY, cases, snapshot, write_cases
from tests.helpers.messages_support import said
from workbench import cli
from workbench.errors import WriteError
from workbench.reports import status, write_status_report
from workbench.session import Workbench
from workbench.store import database as database_module

CASE_COUNT = 40


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A SQLite database with a few dozen open cases."""
    path = tmp_path / "db" / "workbench.db"
    export = write_cases(tmp_path / "cases.csv", cases(CASE_COUNT, name="Søren Ærø"))
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([export], today=TODAY)
    return path


def assert_intact(path: Path) -> None:
    """SQLite's integrity check passes and the Workbench opens the database and reads it."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Workbench.open(path) as workbench:
        assert len(workbench.cases.caseload(TODAY)) == CASE_COUNT


def run_cli(*words: str | Path) -> tuple[int, list[str]]:
    """Run the command line in this process: its exit code and its error lines."""
    with contextlib.redirect_stderr(stderr := _Lines()):
        code = cli.main([str(word) for word in words])
    return code, stderr.lines()


class _Lines:
    """A text sink that remembers what was written."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""

    def lines(self) -> list[str]:
        return self.text.splitlines()


# --- the report ------------------------------------------------------------------------------


class FullDisk:
    """A binary stream on a disk that fills up after ``room`` bytes (then: ENOSPC)."""

    def __init__(self, stream: Any, room: int) -> None:
        self._stream = stream
        self._room = room

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            self._stream.write(data[:self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        written: int = self._stream.write(data)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *_exception: object) -> None:
        self._stream.close()


@pytest.fixture
def disk_fills_after(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Make the next report file written run out of disk space after a number of bytes."""
    def fill_after(room: int) -> None:
        def open_temporary(handle: int) -> Any:
            return FullDisk(os.fdopen(handle, "w+b"), room)

        monkeypatch.setattr(status, "_open_temporary", open_temporary)

    return fill_after


@pytest.mark.parametrize("room", [0, 3000, 9000])
def test_a_report_on_a_full_disk_fails_clearly_and_keeps_the_previous_one(
    database: Path, tmp_path: Path, disk_fills_after: Callable[[int], None], room: int,
) -> None:
    out = tmp_path / "status.xlsx"
    with Workbench.open(database) as workbench:
        write_status_report(workbench, out, TODAY)
        previous = out.read_bytes()
        assert room < len(previous)
        disk_fills_after(room)

        with pytest.raises(WriteError) as refused:
            write_status_report(workbench, out, TODAY + dt.timedelta(days=7))

    english = refused.value.in_language("en")
    assert str(out) in english and "the disk is full" in english
    assert out.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["status.xlsx"]
    assert_intact(database)


def test_the_report_command_on_a_full_disk_exits_2_with_one_line_naming_the_file(
    database: Path, tmp_path: Path, disk_fills_after: Callable[[int], None],
) -> None:
    out = tmp_path / "status.xlsx"
    disk_fills_after(5000)

    code, errors = run_cli("--language", "en", "--db", database, "report", "--out", out,
                           "--today", "2026-03-10")

    assert code == cli.EXIT_INPUT
    assert errors == [f"error: cannot write {out}: the disk is full; nothing was changed"]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == []


# --- the backup ------------------------------------------------------------------------------


@pytest.fixture
def backups_fill_up(database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the database is made, let backup copies grow to two pages: then SQLite fails."""
    connect = sqlite3.connect

    def limited(target: Any, *arguments: Any, **options: Any) -> sqlite3.Connection:
        connection = connect(target, *arguments, **options)
        if Path(str(target)).parent.name == "backups":
            connection.execute("PRAGMA max_page_count=2")
        return connection

    monkeypatch.setattr(database_module.sqlite3, "connect", limited)


@pytest.mark.usefixtures("backups_fill_up")
def test_a_backup_on_a_full_disk_leaves_no_partial_copy(database: Path) -> None:
    backups = database.parent / "backups"
    earlier = sorted(backups.iterdir())  # the one the import made
    with Workbench.open(database) as workbench, \
            pytest.raises(WriteError, match=said("store.disk_full")) as refused:
        workbench.database.backup()
    assert str(backups) in str(refused.value)
    assert sorted(backups.iterdir()) == earlier
    assert_intact(database)


@pytest.mark.usefixtures("backups_fill_up")
def test_an_import_that_cannot_back_up_first_changes_nothing(
    database: Path, tmp_path: Path,
) -> None:
    export = write_cases(tmp_path / "more.csv", cases(CASE_COUNT + 5))
    backups = database.parent / "backups"
    earlier = sorted(backups.iterdir())
    with Workbench.open(database) as workbench:
        before = snapshot(workbench)

    code, errors = run_cli("--language", "en", "--db", database, "import", export, "--today",
                           "2026-03-10")

    assert code == cli.EXIT_INPUT
    assert len(errors) == 1
    assert "backups" in errors[0] and "the disk is full" in errors[0]
    with Workbench.open(database) as workbench:
        assert snapshot(workbench) == before
    assert sorted(backups.iterdir()) == earlier


# --- a real full disk (Linux, as root: CI) -----------------------------------------------------

real_disk = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="mounting a tmpfs needs Linux and root (CI has both)")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A freshly mounted tmpfs of 1 MB, unmounted afterwards."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs",
                    str(mount_point)], check=True)
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def fill(disk: Path, leave: int) -> None:
    """Fill the disk up to ``leave`` bytes of free room."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    (disk / "filler").write_bytes(b"\0" * max(free - leave, 0))


@real_disk
def test_a_report_on_a_real_full_disk(database: Path, tiny_disk: Path) -> None:
    out = tiny_disk / "status.xlsx"
    with Workbench.open(database) as workbench:
        write_status_report(workbench, out, TODAY)
        previous = out.read_bytes()
        fill(tiny_disk, leave=4096)
        with pytest.raises(WriteError, match=said("store.disk_full")):
            write_status_report(workbench, out, TODAY + dt.timedelta(days=7))
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", "status.xlsx"]


@real_disk
def test_a_backup_on_a_real_full_disk(tiny_disk: Path, tmp_path: Path) -> None:
    live = tiny_disk / "workbench.db"
    backups = tiny_disk / "backups"
    export = write_cases(tmp_path / "cases.csv", cases(CASE_COUNT, name="Søren Ærø"))
    with Workbench.open(live) as workbench:
        workbench.imports.import_files([export], today=TODAY)  # backs up the empty database first
        earlier = sorted(backups.iterdir())
        fill(tiny_disk, leave=8192)
        with pytest.raises(WriteError, match=said("store.disk_full")) as refused:
            workbench.database.backup()
    assert str(backups) in str(refused.value)
    assert sorted(backups.iterdir()) == earlier
    assert_intact(live)
