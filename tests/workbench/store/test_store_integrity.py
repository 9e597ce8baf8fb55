"""The whole-file check runs when there is cause, not at every open (workbench.store.integrity).

Cause: an unclean shutdown (the record says "open", or SQLite left a write-ahead log), a file
changed after its clean close, no record, a week since the last check; and every backup.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.exports import TODAY, cases, write_cases
from workbench.backups import backups_of
from workbench.session import Workbench
from workbench.store import recovery
from workbench.store.integrity import CHECK_EVERY, RECORD_NAME, ShutdownRecord
from workbench.store.recovery import CorruptDatabaseError
from workbench.vocabulary import EventKind

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """The files the quick check read, in order (the check itself still runs)."""
    seen: list[Path] = []
    real = recovery.integrity_problem

    def counting(path: Path, *, thorough: bool = True) -> str | None:
        if not thorough:
            seen.append(path)
        return real(path, thorough=thorough)

    monkeypatch.setattr(recovery, "integrity_problem", counting)
    yield seen


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database of three cases, imported (so backed up once) and closed cleanly."""
    path = tmp_path / "workbench.db"
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(3))], today=TODAY)
    return path


def record_of(path: Path) -> dict[str, object]:
    """The stored clean-close record of the database ``path``."""
    data: dict[str, object] = json.loads(
        path.with_name(RECORD_NAME.format(path.name)).read_text(encoding="utf-8"))
    return data


def reopen(path: Path) -> None:
    """Open the database and close it again cleanly."""
    with Workbench.open(path) as workbench:
        assert sorted(row.case_id for row in workbench.cases.caseload(TODAY)) == ["S1", "S2", "S3"]


def test_a_cleanly_closed_unchanged_file_opens_without_reading_it_whole(
    database: Path, checks: list[Path]
) -> None:
    assert record_of(database)["state"] == "closed"
    reopen(database)
    reopen(database)
    assert checks == []


def test_a_session_that_wrote_closes_cleanly_too(database: Path, checks: list[Path]) -> None:
    with Workbench.open(database) as workbench:
        workbench.registrations.register_event("S1", EventKind.SAMTALE, TODAY, by="AB")
        assert record_of(database)["state"] == "open"  # until the clean close
    reopen(database)
    assert checks == []


def test_a_session_that_never_closed_makes_the_next_open_check(
    database: Path, checks: list[Path]
) -> None:
    left_open = Workbench.open(database)
    left_open.registrations.register_event("S1", EventKind.SAMTALE, TODAY, by="AB")
    reopen(database)
    assert checks == [database]
    left_open.close()


def test_a_killed_process_makes_the_next_open_check(database: Path, checks: list[Path]) -> None:
    # SQLite's own evidence stays too: the write-ahead log of the killed session.
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import datetime, os
        from workbench.session import Workbench
        from workbench.vocabulary import EventKind
        workbench = Workbench.open({str(database)!r})
        workbench.registrations.register_event("S2", EventKind.SAMTALE, datetime.date(2026, 3, 1),
                                               by="AB")
        os._exit(9)
        """)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False, timeout=120)
    assert killed.returncode == 9
    assert record_of(database)["state"] == "open"
    assert database.with_name("workbench.db-wal").stat().st_size > 0

    reopen(database)
    reopen(database)
    assert checks == [database]  # once: that open closed cleanly again


@pytest.mark.parametrize("change", [
    pytest.param(lambda path: path.write_bytes(path.read_bytes()), id="rewritten"),
    pytest.param(lambda path: os.utime(path), id="touched"),
    pytest.param(lambda path: path.with_name(RECORD_NAME.format(path.name)).unlink(),
                 id="no-record"),
    pytest.param(lambda path: path.with_name(RECORD_NAME.format(path.name)).write_text("{"),
                 id="unreadable-record"),
])
def test_a_file_changed_after_its_clean_close_is_checked(
    database: Path, checks: list[Path], change: Callable[[Path], object]
) -> None:
    change(database)
    reopen(database)
    assert checks == [database]


def test_the_check_is_also_made_once_a_week(
    database: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = ShutdownRecord(database)
    assert record.reason_to_check() is None
    later = time.time() + CHECK_EVERY.total_seconds() + 60
    assert record.reason_to_check(now=later) == "the last check is more than 7 days old"

    monkeypatch.setattr(time, "time", lambda: later)
    reopen(database)
    assert checks == [database]
    assert record_of(database)["checked_at"] == later
    reopen(database)  # the check was recorded: not again for a week
    assert checks == [database]


def test_damage_the_file_does_not_show_is_found_by_the_weekly_check(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A failing disk: pages change, the file's size and times do not.
    before = database.stat()
    data = bytearray(database.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xff" * (len(data) - page)
    database.write_bytes(bytes(data))
    os.utime(database, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert ShutdownRecord(database).reason_to_check() is None

    later = time.time() + CHECK_EVERY.total_seconds() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(CorruptDatabaseError) as refused:
        Workbench.open(database)
    assert refused.value.backup == backups_of(database)[-1]


def test_a_damaged_database_is_not_backed_up(database: Path, tmp_path: Path) -> None:
    with Workbench.open(database) as workbench:
        kept = backups_of(database)
        data = bytearray(database.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        data[page:] = b"\xff" * (len(data) - page)
        database.write_bytes(bytes(data))
        with pytest.raises(CorruptDatabaseError) as refused:
            workbench.database.backup()
    assert refused.value.backup == kept[-1]
    assert backups_of(database) == kept  # the intact copies are all still there


def test_a_new_database_needs_no_check(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "new.db"
    assert ShutdownRecord(path).reason_to_check() is None
    with Workbench.open(path):
        pass
    reopen_empty = Workbench.open(path)
    reopen_empty.close()
    assert checks == []
    assert (path.with_name(RECORD_NAME.format(path.name)).stat().st_mode & 0o077) == 0
