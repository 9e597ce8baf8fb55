"""Optional encryption of the SQLite database with SQLCipher, the key in the OS keyring.

Full-disk encryption protects a stolen laptop; it does not protect a database file copied
off a running computer, or left in a synced folder. An encrypted database is unreadable
without its key: the file does not even start with "SQLite format 3".

The key is 32 random bytes, made once per database file and stored with ``keyring`` (the
Windows Credential Manager, the macOS Keychain, the Secret Service on Linux) under the
service ``caseworker-workbench`` with the database's full path as the user name. It is
handed to SQLCipher as a raw key (``x'...'``), so no slow key derivation runs per connection.

A database is encrypted when it is created with ``WORKBENCH_ENCRYPT=1``, or afterwards with
``workbench encrypt``, which writes an encrypted copy (``sqlcipher_export``), verifies it,
puts it in place of the plain file and only then deletes the plain file and its plain
backups. Backups of an encrypted database are encrypted with the same key.

Both packages are an optional extra (``pip install caseworker-workbench[encryption]``);
without them an encrypted database is refused with a message saying so.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from types import ModuleType
from typing import Any

from workbench.errors import StoreError

KEYRING_SERVICE = "caseworker-workbench"
ENCRYPT_ENV = "WORKBENCH_ENCRYPT"
#: The first 16 bytes of every plain SQLite database file.
PLAIN_HEADER = b"SQLite format 3\x00"


def encryption_requested() -> bool:
    """True when a new database is to be created encrypted (``WORKBENCH_ENCRYPT=1``)."""
    return os.environ.get(ENCRYPT_ENV, "").strip().lower() in ("1", "true", "yes")


def is_encrypted(path: Path) -> bool:
    """True for a database file with content that is not a plain SQLite database."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(header) and header != PLAIN_HEADER


def sqlcipher() -> ModuleType:
    """The sqlcipher3 module; StoreError saying how to install it when it is missing."""
    try:
        import sqlcipher3
    except ImportError:
        raise StoreError(key="store.encryption_packages") from None
    module: ModuleType = sqlcipher3
    return module


def _keyring() -> ModuleType:
    """The keyring module; StoreError saying how to install it when it is missing."""
    try:
        import keyring
    except ImportError:
        raise StoreError(key="store.encryption_packages") from None
    return keyring


def database_key(path: Path, *, create: bool = False) -> str:
    """The database's key (64 hex digits) from the keyring; made and stored if ``create``.

    StoreError when there is no key (the database was encrypted by another user or on another
    computer) or the keyring cannot be used.
    """
    keyring = _keyring()
    try:
        key: str | None = keyring.get_password(KEYRING_SERVICE, str(path))
        if key is None and create:
            key = secrets.token_hex(32)
            keyring.set_password(KEYRING_SERVICE, str(path), key)
    except keyring.errors.KeyringError as error:
        raise StoreError(key="store.keyring_failed", path=str(path), problem=str(error)
                         ) from None
    if key is None:
        raise StoreError(key="store.key_missing", path=str(path), service=KEYRING_SERVICE)
    return key


def raw_key(key: str) -> str:
    """The key as SQLCipher takes a raw key: no key derivation, so opening stays fast."""
    return f"x'{key}'"


def connect(path: Path, key: str) -> Any:
    """A sqlcipher3 connection to an encrypted database; StoreError if the key does not fit."""
    connection = sqlcipher().connect(str(path), check_same_thread=False)
    connection.execute(f"PRAGMA key = \"{raw_key(key)}\"")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher().DatabaseError:
        connection.close()
        raise StoreError(key="store.key_does_not_fit", path=str(path)) from None
    return connection


def backup(source: Path, target: Path, key: str) -> None:
    """Copy an encrypted database page by page into ``target``, encrypted with the same key."""
    with contextlib.closing(connect(source, key)) as live, \
            contextlib.closing(sqlcipher().connect(str(target))) as copy:
        copy.execute(f"PRAGMA key = \"{raw_key(key)}\"")
        live.backup(copy)


def export_encrypted(plain: Path, target: Path, key: str) -> None:
    """Write an encrypted copy of the plain database ``plain`` to the new file ``target``."""
    with contextlib.closing(sqlcipher().connect(str(plain))) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), raw_key(key)))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("DETACH DATABASE encrypted")


def table_counts(connection: Any) -> dict[str, int]:
    """Rows per table: what an encrypted copy must hold as the original did."""
    names = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names}


def encrypt_database(path: Path) -> None:
    """Encrypt the plain database file ``path`` in place (nothing else may have it open).

    The encrypted copy is written beside it and verified (intact, every table with as many
    rows as the original) before it takes the plain file's place; the plain file, its WAL and
    its plain backups are deleted only then. On any failure the plain database is untouched.
    """
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(key="store.nothing_to_encrypt", path=str(path))
    if is_encrypted(path):
        raise StoreError(key="store.encrypted_already", path=str(path))
    key = database_key(path, create=True)
    copy = path.with_name(path.name + ".encrypting")
    copy.unlink(missing_ok=True)  # left over from an attempt that was cut short
    try:
        os.close(os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        export_encrypted(path, copy, key)
        _verify_copy(path, copy, key)
    except (OSError, sqlcipher().Error) as error:
        copy.unlink(missing_ok=True)
        raise StoreError(key="store.cannot_encrypt", path=str(path), problem=str(error)
                         ) from None
    except StoreError:
        copy.unlink(missing_ok=True)
        raise
    _swap_in(copy, path)
    _remove_plain_backups(path)


def _verify_copy(plain: Path, copy: Path, key: str) -> None:
    """StoreError unless the encrypted copy is intact and holds what the plain file holds."""
    with contextlib.closing(sqlcipher().connect(str(plain))) as original, \
            contextlib.closing(connect(copy, key)) as encrypted:
        intact = encrypted.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        if not intact or table_counts(encrypted) != table_counts(original):
            raise StoreError(key="store.copy_did_not_verify", path=str(plain))


def _swap_in(copy: Path, path: Path) -> None:
    """Put the encrypted copy in the plain file's place, then delete the plain file.

    The plain file's WAL and shared-memory files go aside with it: SQLite would otherwise
    read them as belonging to the new file.
    """
    aside = path.with_name(path.name + ".plain")
    companions = [(path.with_name(path.name + suffix), aside.with_name(aside.name + suffix))
                  for suffix in ("-wal", "-shm")]
    path.replace(aside)
    for live, moved in companions:
        if live.exists():
            live.replace(moved)
    copy.replace(path)
    for leftover in (aside, *(moved for _, moved in companions)):
        leftover.unlink(missing_ok=True)


def _remove_plain_backups(path: Path) -> None:
    """Delete the plain backups of a database that is now encrypted: they hold it in clear."""
    folder = path.parent / "backups"
    if folder.is_dir():
        for copy in folder.glob(f"{path.stem}-*.db"):
            if not is_encrypted(copy):
                copy.unlink()


def file_key(path: Path) -> str | None:
    """The key of an encrypted file if this user's keyring has one; else None (never raises).

    Backups have their own entry (the same key under the backup's path), so that a backup is
    checked, and restored, as the file it is.
    """
    if not is_encrypted(path):
        return None
    try:
        return _keyring().get_password(KEYRING_SERVICE, str(path))  # type: ignore[no-any-return]
    except Exception:  # no keyring package, no keyring service: no key
        return None


def remember_key(path: Path, key: str) -> None:
    """Store ``key`` as the key of the file ``path`` (a backup of an encrypted database)."""
    _keyring().set_password(KEYRING_SERVICE, str(path), key)


def forget_key(path: Path) -> None:
    """Remove a deleted file's key from the keyring (quietly if it has none)."""
    with contextlib.suppress(Exception):
        _keyring().delete_password(KEYRING_SERVICE, str(path))


def integrity_problem(path: Path, key: str, pragma: str = "integrity_check") -> str | None:
    """What SQLite's check finds wrong with an encrypted file; None if it is intact."""
    try:
        with contextlib.closing(connect(path, key)) as connection:
            results = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    except StoreError as error:
        return str(error)
    except sqlcipher().DatabaseError as error:  # damaged pages fail SQLCipher's HMAC check
        return f"not a readable encrypted database ({error})"
    return None if results == ["ok"] else f"integrity check failed ({results[0]})"
