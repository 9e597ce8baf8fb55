"""The database encrypted with SQLCipher, its key in the keyring: unreadable without it.

The tests use the real sqlcipher3 and a keyring backend that keeps passwords in memory
(what the Windows Credential Manager or the Secret Service does on a desktop).
"""

from __future__ import annotations

import builtins
import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest

from tests.helpers.exports import TODAY, cases, snapshot, write_cases
from tests.helpers.messages_support import said
from workbench import cli
from workbench.errors import StoreError
from workbench.messages import render
from workbench.session import Workbench
from workbench.store import encryption
from workbench.store.database import Database
from workbench.vocabulary import EventKind


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in memory: headless, and forgotten after the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.passwords[(service, username)]


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    """An empty in-memory keyring in place of the OS one."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        yield memory
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def encrypt_new(monkeypatch: pytest.MonkeyPatch) -> None:
    """New databases are created encrypted."""
    monkeypatch.setenv(encryption.ENCRYPT_ENV, "1")


def header(path: Path) -> bytes:
    """The first 16 bytes of a file."""
    return path.read_bytes()[:16]


def readable_by_plain_sqlite(path: Path) -> bool:
    """True if Python's own sqlite3 (no SQLCipher) can read the file's tables."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def filled(path: Path, folder: Path) -> dict[str, list[tuple[object, ...]]]:
    """Open (creating) the database, import a few cases, register one event; its contents."""
    export = write_cases(folder / "cases.csv", cases(6, name="Søren Ærø"))
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([export], today=TODAY)
        workbench.registrations.register_event("S1", EventKind.SAMTALE, TODAY, by="AB")
        return snapshot(workbench)


@pytest.mark.usefixtures("encrypt_new")
def test_a_new_encrypted_database_is_unreadable_without_its_key(
    ring: MemoryKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = tmp_path / "workbench.db"
    contents = filled(database, tmp_path)

    assert header(database) != encryption.PLAIN_HEADER
    assert not readable_by_plain_sqlite(database)
    key = ring.passwords[(encryption.KEYRING_SERVICE, str(database))]
    assert len(key) == 64 and int(key, 16) >= 0

    monkeypatch.delenv(encryption.ENCRYPT_ENV)  # an encrypted file opens encrypted anyway
    with Workbench.open(database) as workbench:
        assert workbench.database.encrypted
        assert snapshot(workbench) == contents


@pytest.mark.usefixtures("encrypt_new")
def test_an_encrypted_database_without_its_key_fails_clearly(
    ring: MemoryKeyring, tmp_path: Path,
) -> None:
    database = tmp_path / "workbench.db"
    filled(database, tmp_path)
    ring.passwords.clear()

    with pytest.raises(StoreError, match=said("store.key_missing", path=database,
                                              service=encryption.KEYRING_SERVICE)):
        Database.open(database)
    # From outside a lost key looks like a damaged file: the message names both.
    with pytest.raises(StoreError, match="damaged, or encrypted with a key this user's keyring"):
        Workbench.open(database)

    ring.passwords[(encryption.KEYRING_SERVICE, str(database))] = "00" * 32
    with pytest.raises(StoreError, match=said("store.key_does_not_fit", path=database)):
        Workbench.open(database)


@pytest.mark.usefixtures("encrypt_new")
def test_the_backup_of_an_encrypted_database_is_encrypted(
    ring: MemoryKeyring, tmp_path: Path,
) -> None:
    database = tmp_path / "workbench.db"
    contents = filled(database, tmp_path)
    key = ring.passwords[(encryption.KEYRING_SERVICE, str(database))]
    with Workbench.open(database) as workbench:
        copy = workbench.database.backup()

    assert copy is not None
    assert header(copy) != encryption.PLAIN_HEADER
    assert not readable_by_plain_sqlite(copy)
    with contextlib.closing(encryption.connect(copy, key)) as connection:
        assert encryption.table_counts(connection)["cases"] == len(contents["cases"])


def test_the_encrypt_command_converts_a_plain_database_and_removes_the_plain_copies(
    ring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "workbench.db"
    contents = filled(database, tmp_path)  # plain, and backed up plain by the import
    assert header(database) == encryption.PLAIN_HEADER

    assert cli.main(["--language", "en", "--db", str(database), "encrypt"]) == cli.EXIT_OK

    assert f"encrypted: {database}" in capsys.readouterr().out
    assert not readable_by_plain_sqlite(database)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("workbench.db")) == [
        "workbench.db"]
    assert all(encryption.is_encrypted(copy) for copy in (tmp_path / "backups").iterdir())
    with Workbench.open(database) as workbench:
        assert workbench.database.encrypted
        assert snapshot(workbench) == contents
        workbench.registrations.register_event("S2", EventKind.SAMTALE, TODAY,
                                               by="AB")  # and it writes

    assert cli.main(["--db", str(database), "encrypt"]) == cli.EXIT_INPUT
    assert render("store.encrypted_already", {"path": database}) in capsys.readouterr().err


def test_a_conversion_that_does_not_verify_leaves_the_plain_database(
    ring: MemoryKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = tmp_path / "workbench.db"
    contents = filled(database, tmp_path)
    monkeypatch.setattr(encryption, "table_counts", lambda connection: {"cases": id(connection)})

    with pytest.raises(StoreError, match=said("store.copy_did_not_verify", path=database)):
        encryption.encrypt_database(database)

    assert header(database) == encryption.PLAIN_HEADER
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("workbench.db.")] == []
    with Workbench.open(database) as workbench:
        assert snapshot(workbench) == contents


def test_without_the_optional_packages_encryption_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    real_import = builtins.__import__

    def without_sqlcipher(name: str, *arguments: Any, **options: Any) -> Any:
        if name == "sqlcipher3":
            raise ImportError(name)
        return real_import(name, *arguments, **options)

    monkeypatch.setattr(builtins, "__import__", without_sqlcipher)
    monkeypatch.setenv(encryption.ENCRYPT_ENV, "1")
    database = tmp_path / "workbench.db"

    assert cli.main(["--db", str(database), "status"]) == cli.EXIT_INPUT

    message = render("store.encryption_packages")
    assert capsys.readouterr().err.strip() == render("cli.error", {"message": message})
    assert not database.exists()


@pytest.mark.usefixtures("encrypt_new")
def test_a_damaged_encrypted_database_is_restored_from_its_encrypted_backup(
    ring: MemoryKeyring, tmp_path: Path,
) -> None:
    from workbench.store.recovery import CorruptDatabaseError, latest_backup, restore_backup

    database = tmp_path / "workbench.db"
    contents = filled(database, tmp_path)
    with Workbench.open(database) as workbench:
        workbench.database.backup()
    with database.open("r+b") as damaged:  # keep SQLCipher's salt, ruin the pages after it
        damaged.seek(4096)
        damaged.write(b"\xff" * 8192)
    with pytest.raises(CorruptDatabaseError) as caught:
        Workbench.open(database)
    backup = latest_backup(database)
    assert backup is not None and caught.value.backup == backup
    kept = restore_backup(database, backup)
    assert kept.exists()
    assert header(database) != encryption.PLAIN_HEADER
    with Workbench.open(database) as workbench:
        assert workbench.database.encrypted
        assert snapshot(workbench) == contents
