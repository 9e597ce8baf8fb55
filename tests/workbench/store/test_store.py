"""The store itself: which database, SQLite's safety settings, migrations, backups."""

from __future__ import annotations

import contextlib
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from tests.helpers.exports import TODAY, cases, write_cases
from tests.helpers.migrations import at_revision
from workbench.errors import StoreError
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.store import database as store_database
from workbench.store.database import BACKUPS_KEPT, Database, resolve_url
from workbench.store.models import events, metadata


def test_the_migrations_build_exactly_the_models_schema(workbench: Workbench) -> None:
    with workbench.database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_opening_again_keeps_the_data_and_the_revision(database_url: str) -> None:
    with Workbench.open(database_url) as first:
        first.settings.save(Settings(my_initials="ABC"))
    with Workbench.open(database_url) as second:
        assert second.settings.load().my_initials == "ABC"
        with second.database.transaction() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar_one() == _head_revision()


def _head_revision() -> str:
    """The newest migration: there is exactly one head."""
    migrations = Path(store_database.__file__).parent / "migrations"
    head = ScriptDirectory(str(migrations)).get_current_head()
    assert head is not None
    return head


def test_the_newest_revision_read_from_the_files_is_alembics() -> None:
    assert store_database._head_revision() == _head_revision()


def test_a_database_at_the_newest_revision_opens_without_loading_alembic(
        database_url: str) -> None:
    Workbench.open(database_url).close()  # created and migrated (Alembic loaded here)
    opened = subprocess.run(
        [sys.executable, "-c",
         "import sys; from workbench.store.database import Database\n"
         "Database.open(sys.argv[1]).engine.dispose()\n"
         "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))",
         database_url], capture_output=True, text=True, check=True, timeout=120)
    assert opened.stdout.strip() == "[]"
    with Workbench.open(database_url) as again, again.database.transaction() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version"))
        assert revision.scalar_one() == _head_revision()


def test_a_database_one_revision_behind_is_migrated(database_url: str) -> None:
    migrations = Path(store_database.__file__).parent / "migrations"
    older = ScriptDirectory(str(migrations)).get_revision(_head_revision()).down_revision
    assert isinstance(older, str)
    at_revision(database_url, older)
    with Workbench.open(database_url) as workbench, workbench.database.transaction() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version"))
        assert revision.scalar_one() == _head_revision()
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_foreign_keys_are_enforced(workbench: Workbench) -> None:
    with pytest.raises(IntegrityError), workbench.database.transaction(write=True) as connection:
        connection.execute(insert(events).values(
            case_id="nobody", date=TODAY, kind="samtale", source="central", confirmed=False))


def test_a_savepoint_rolls_back_inside_the_transaction(workbench: Workbench, tmp_path: Path,
                                                        ) -> None:
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(1))], today=TODAY)
    row = {"case_id": "S1", "date": TODAY, "kind": "samtale", "source": "local",
           "confirmed": False}
    with workbench.database.transaction(write=True) as connection:
        connection.execute(insert(events).values(**row))
        savepoint = connection.begin_nested()
        connection.execute(insert(events).values(**{**row, "kind": "screening"}))
        savepoint.rollback()
    with workbench.database.transaction() as connection:
        kinds = connection.execute(select(events.c.kind)).scalars().all()
    assert kinds == ["samtale"]


def test_sqlite_is_set_up_for_safety(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "w.db")
    try:
        with database.transaction() as connection:
            def pragma(name: str) -> object:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == store_database.BUSY_TIMEOUT_MS
    finally:
        database.dispose()
    assert stat.S_IMODE((tmp_path / "w.db").stat().st_mode) == 0o600


def test_sqlite_reads_in_a_transaction_are_repeatable(tmp_path: Path) -> None:
    """The real BEGIN: without it, Python's sqlite3 reads outside any transaction."""
    path = tmp_path / "w.db"
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(1))], today=TODAY)
        with workbench.database.transaction() as reader:
            before = reader.execute(select(events.c.id)).all()
            with contextlib.closing(sqlite3.connect(path)) as writer, writer:
                writer.execute("INSERT INTO events (case_id, date, kind, source, confirmed) "
                               "VALUES ('S1', '2026-03-01', 'samtale', 'local', 0)")
            assert reader.execute(select(events.c.id)).all() == before == []
        with workbench.database.transaction() as later:
            assert len(later.execute(select(events.c.id)).all()) == 1


def test_imports_back_up_sqlite_keeping_the_last_five_privately(tmp_path: Path) -> None:
    path = tmp_path / "data" / "w.db"
    with Workbench.open(path) as workbench:
        for count in range(1, 8):
            workbench.imports.import_files([write_cases(tmp_path / f"{count}.csv", cases(count))],
                                           today=TODAY)
    folder = path.parent / "backups"
    copies = sorted(folder.glob("w-*.db"))
    assert len(copies) == BACKUPS_KEPT
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(copy.stat().st_mode) == 0o600 for copy in copies)
    # The newest copy is the database as it was just before the 7th import: 6 cases.
    with contextlib.closing(sqlite3.connect(copies[-1])) as backup:
        assert backup.execute("SELECT count(*) FROM cases").fetchone() == (6,)


def test_postgresql_is_not_backed_up_by_the_workbench(workbench: Workbench,
                                                        is_sqlite: bool) -> None:
    backup = workbench.database.backup()
    assert (backup is not None) == is_sqlite


def test_the_database_is_chosen_by_argument_then_environment_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_database, "default_database_path", lambda: tmp_path / "d.db")
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    assert resolve_url(None).database == str(tmp_path / "d.db")
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")
    assert resolve_url("other.db").database == str(Path("other.db").resolve())
    url = resolve_url("postgresql+psycopg://user:secret@db.example/workbench")
    assert (url.drivername, url.database) == ("postgresql+psycopg", "workbench")


def test_the_default_database_lives_in_the_users_data_folder() -> None:
    path = store_database.default_database_path()
    assert path.name == "workbench.db"
    assert "caseworker-workbench" in path.parts


def test_opening_without_an_argument_uses_workbench_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))
    with Workbench.open() as workbench:
        assert workbench.cases.is_empty()
    assert (tmp_path / "env.db").exists()


@pytest.mark.parametrize("target", [
    "postgresql+psycopg://nobody@127.0.0.1:1/none",
    "nosuchdialect://x/y",
    "://broken",
])
def test_a_database_that_cannot_be_opened_is_a_store_error(target: str) -> None:
    with pytest.raises(StoreError) as error:
        Workbench.open(target)
    assert len(str(error.value).splitlines()) == 1


def test_a_sqlite_file_in_an_unwritable_place_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as refused:
        Workbench.open(blocker / "w.db")
    assert refused.value.key == "store.cannot_open"


def test_a_database_from_a_newer_workbench_is_a_store_error(database_url: str) -> None:
    with Workbench.open(database_url) as workbench, \
            workbench.database.transaction(write=True) as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))

    with pytest.raises(StoreError, match="9999"):
        Workbench.open(database_url)
