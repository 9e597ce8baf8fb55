"""Where each member keeps the team key: the OS keyring, like the database key.

The key is stored with ``keyring`` (Windows Credential Manager, macOS Keychain, Secret
Service) under the service ``caseworker-workbench-team`` with the key's id as the user name,
so every database of the user that joined the same team finds it. For scripts and CI, where
no desktop keyring runs, ``WORKBENCH_KEYRING_FILE`` names a file that takes its place (created
readable by its owner only); it is as safe as that file.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from types import ModuleType

from workbench.errors import TeamSetupError
from workbench.sync.sealing import TeamKey

KEYRING_SERVICE = "caseworker-workbench-team"
KEYRING_FILE_ENV = "WORKBENCH_KEYRING_FILE"


def _keyring() -> ModuleType:
    try:
        import keyring
    except ImportError:
        raise TeamSetupError(key="sync.keyring_missing") from None
    return keyring


def _key_file() -> Path | None:
    named = os.environ.get(KEYRING_FILE_ENV, "").strip()
    return Path(named) if named else None


def store_key(key: TeamKey) -> None:
    """Keep the team key; TeamSetupError if the keyring cannot be used."""
    path = _key_file()
    if path is not None:
        stored = _read_file(path)
        stored[key.key_id] = key.to_text()
        _write_file(path, stored)
        return
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, key.key_id, key.to_text())
    except keyring.errors.KeyringError as error:
        raise TeamSetupError(key="sync.keyring_failed", error=str(error)) from None


def load_key(key_id: str) -> TeamKey:
    """The team key with this id; TeamSetupError if this user's keyring does not have it."""
    path = _key_file()
    if path is not None:
        text = _read_file(path).get(key_id)
    else:
        keyring = _keyring()
        try:
            text = keyring.get_password(KEYRING_SERVICE, key_id)
        except keyring.errors.KeyringError as error:
            raise TeamSetupError(key="sync.keyring_failed", error=str(error)) from None
    if text is None:
        raise TeamSetupError(key="sync.key_missing")
    return TeamKey.from_text(text)


def _read_file(path: Path) -> dict[str, str]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise TeamSetupError(key="sync.keyring_failed", error=str(error)) from None
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def _write_file(path: Path, stored: dict[str, str]) -> None:
    temporary = path.with_name(path.name + ".part")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(stored, stream)
        with contextlib.suppress(OSError):
            temporary.chmod(0o600)
        temporary.replace(path)
    except OSError as error:
        raise TeamSetupError(key="sync.keyring_failed", error=str(error)) from None
