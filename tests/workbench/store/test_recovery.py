"""A damaged database at start: found, the latest backup named, restored without deleting."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.exports import TODAY, cases, write_cases
from workbench.cli import EXIT_INPUT, EXIT_OK, main
from workbench.errors import StoreError
from workbench.session import Workbench
from workbench.store.recovery import (
    CorruptDatabaseError,
    backup_time,
    backups_of,
    integrity_problem,
    latest_backup,
    restore_backup,
)

GARBAGE = bytes(range(256)) * 64


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database of five cases that was backed up twice (before each import)."""
    path = tmp_path / "workbench.db"
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(3))], today=TODAY)
        workbench.imports.import_files([write_cases(tmp_path / "b.csv", cases(5))], today=TODAY)
    assert len(backups_of(path)) == 2
    return path


def overwrite_all(path: Path) -> bytes:
    """Garbage over the whole file: no SQLite database any more."""
    path.write_bytes(GARBAGE)
    return GARBAGE


def overwrite_pages(path: Path) -> bytes:
    """Garbage over the pages after the first: a header SQLite reads, damage behind it."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = (GARBAGE * (len(data) // len(GARBAGE) + 1))[:len(data) - page]
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("damage", [overwrite_all, overwrite_pages])
def test_a_damaged_database_is_refused_naming_the_latest_backup(
    database: Path, damage: object
) -> None:
    assert integrity_problem(database) is None
    damage(database)  # type: ignore[operator]

    with pytest.raises(CorruptDatabaseError) as refused:
        Workbench.open(database)

    newest = backups_of(database)[-1]
    assert refused.value.backup == newest == latest_backup(database)
    message = str(refused.value)
    assert str(database) in message and str(newest) in message
    assert f"{backup_time(newest):%Y-%m-%d %H:%M}" in message
    assert "restore-backup --latest" in message and "\n" not in message


def test_restoring_keeps_the_damaged_file_and_brings_back_the_backup(database: Path) -> None:
    broken = overwrite_all(database)
    backup = latest_backup(database)
    assert backup is not None

    kept = restore_backup(database, backup)

    assert kept.name.startswith("workbench.db.corrupt-") and kept.read_bytes() == broken
    assert integrity_problem(database) is None
    with Workbench.open(database) as workbench:
        # The newest backup was taken just before the second import: three cases.
        assert [row.case_id for row in workbench.cases.caseload(TODAY)] == ["S1", "S2", "S3"]
    assert database.stat().st_mode & 0o077 == 0


def test_a_damaged_backup_is_passed_over_for_an_older_intact_one(database: Path) -> None:
    older, newest = backups_of(database)
    overwrite_all(newest)
    assert latest_backup(database) == older
    with pytest.raises(StoreError) as refused:
        restore_backup(database, newest)
    assert (refused.value.key, refused.value.params["backup"]) == ("store.backup_unusable",
                                                                   str(newest))


def test_no_intact_backup_is_said_plainly(database: Path) -> None:
    for backup in backups_of(database):
        overwrite_all(backup)
    overwrite_all(database)
    with pytest.raises(CorruptDatabaseError) as refused:
        Workbench.open(database)
    assert refused.value.backup is None
    assert refused.value.key == "store.damaged_no_backup"
    assert "no intact backup" in refused.value.in_language("en")


def test_a_new_or_empty_file_is_not_damage(tmp_path: Path) -> None:
    assert integrity_problem(tmp_path / "none.db") is None
    (tmp_path / "empty.db").touch()
    assert integrity_problem(tmp_path / "empty.db") is None


def test_the_cli_names_the_backup_then_restores_it(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overwrite_pages(database)
    newest = backups_of(database)[-1]

    assert main(["--db", str(database), "status", "--today", TODAY.isoformat()]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(newest) in err
    assert "restore-backup --latest" in err

    assert main(["--language", "en", "--db", str(database), "restore-backup",
                 "--latest"]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"restored {database} from {newest}" in out
    assert any(database.parent.glob("workbench.db.corrupt-*"))
    assert main(["--db", str(database), "status", "--today", TODAY.isoformat(),
                 "--format", "csv"]) == EXIT_OK
    assert len(capsys.readouterr().out.strip().splitlines()) == 1 + 3


def test_the_cli_restores_a_named_backup_file(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = backups_of(database)[0]
    # The database is intact: restoring over it must be forced (see test_restoring.py).
    assert main(["--db", str(database), "restore-backup", str(older)]) == EXIT_INPUT
    assert main(["--db", str(database), "restore-backup", str(older), "--force"]) == EXIT_OK
    capsys.readouterr()
    with contextlib.closing(sqlite3.connect(database)) as connection:
        assert connection.execute("SELECT count(*) FROM cases").fetchone() == (0,)
