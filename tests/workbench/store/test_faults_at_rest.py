"""Personal data at rest: owner-only files, and never a live database on a network share.

The database, its WAL files, its backups and the Excel report are created readable by their
owner only (0600; the backups folder 0700), whatever the umask says. That is POSIX; on
Windows the per-user profile folders they live in already keep other users out.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.exports import TODAY, cases, write_cases
from workbench.errors import NetworkDatabaseError
from workbench.reports import write_status_report
from workbench.session import Workbench
from workbench.store import location
from workbench.store.database import DATABASE_ENV, Database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path: Path) -> int:
    """The permission bits of a file or folder."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def careless_umask() -> Iterator[None]:
    """A umask that lets everyone read everything: the workbench must not rely on it."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("careless_umask")
def test_the_database_its_wal_backups_and_report_are_the_owners_only(tmp_path: Path) -> None:
    database = tmp_path / "data" / "workbench.db"
    export = write_cases(tmp_path / "cases.csv", cases(5))
    report = tmp_path / "status.xlsx"
    with Workbench.open(database) as workbench:
        workbench.imports.import_files([export], today=TODAY)  # backs up first
        write_status_report(workbench, report, TODAY)
        live = [database, database.with_name("workbench.db-wal"),
                database.with_name("workbench.db-shm")]
        assert {path.name: mode(path) for path in live} == {path.name: 0o600 for path in live}
    backups = database.parent / "backups"
    assert mode(database.parent) == 0o700
    assert mode(backups) == 0o700
    copies = list(backups.iterdir())
    assert copies and all(mode(copy) == 0o600 for copy in copies)
    assert mode(report) == 0o600


@pytest.mark.usefixtures("careless_umask")
def test_a_report_replacing_a_readable_file_is_the_owners_only(tmp_path: Path) -> None:
    report = tmp_path / "status.xlsx"
    report.write_bytes(b"an old report, readable by all")
    report.chmod(0o644)
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        write_status_report(workbench, report, TODAY)
    assert mode(report) == 0o600


def test_an_existing_backups_folder_is_made_the_owners_only(tmp_path: Path) -> None:
    database = tmp_path / "workbench.db"
    (tmp_path / "backups").mkdir(mode=0o755)
    (tmp_path / "backups").chmod(0o755)
    with Workbench.open(database) as workbench:
        copy = workbench.database.backup()
    assert copy is not None and mode(copy) == 0o600
    assert mode(tmp_path / "backups") == 0o700


def test_the_store_itself_refuses_a_database_on_an_nfs_mount(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    mounts = (f"/dev/sda1 / ext4 rw 0 0\n"
              f"fileserver:/export/jobcenter {tmp_path} nfs4 rw,relatime 0 0\n")
    monkeypatch.setattr(location, "_read_proc_mounts", lambda: mounts)
    monkeypatch.setattr(location, "PLATFORM", "linux")

    with pytest.raises(NetworkDatabaseError, match="nfs4"):
        Database.open(tmp_path / "team" / "workbench.db")
    assert not (tmp_path / "team").exists()


def test_a_unc_database_named_by_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATABASE_ENV, r"\\fileserver\jobcenter\workbench.db")
    monkeypatch.setattr(location, "PLATFORM", "win32")

    with pytest.raises(NetworkDatabaseError, match=r"\\\\fileserver\\jobcenter"):
        Database.open()
    assert list(tmp_path.iterdir()) == []
