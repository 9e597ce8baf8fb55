"""Fixtures of every test: its log and configuration are its own, never the machine's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench import logs
from workbench.importing.sitemappings import USER_MAPPINGS_ENV
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.sync.keys import KEYRING_FILE_ENV


@pytest.fixture(autouse=True)
def private_log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point WORKBENCH_LOG_DIR at this test's folder; close the log handler afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    yield folder
    logs.stop_logging()


@pytest.fixture(autouse=True)
def private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-user data folder (the default database) is this test's, never the machine's.

    A test that opens the default database without ``--db`` must not read or migrate the
    real user's workbench.db, nor see what another test run left there.
    """
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


def _seed_profile_config(folder: Path) -> Path:
    """A machine-wide config in which IT chose the seed profile kbh-2006-2017."""
    config = folder / "seed-profile-config.toml"
    config.write_text('profile_name = "kbh-2006-2017"\n', encoding="utf-8")
    return config


@pytest.fixture(autouse=True, scope="session")
def seed_profile_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The same for module- and session-scoped fixtures, made before any test's own."""
    config = _seed_profile_config(tmp_path_factory.mktemp("site"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SITE_CONFIG_ENV, str(config))
        patch.setenv(USER_MAPPINGS_ENV, str(config.parent / "no-user-mappings"))
        yield config


@pytest.fixture(autouse=True)
def no_machine_wide_config(seed_profile_config: Path, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the machine's real config.toml and the user's own mapping files out of every test.

    In its place IT "chose" the seed profile kbh-2006-2017: the figures of most tests are
    worked by hand from domain.md's seed table. Tests of today's law choose gaeldende-2026.
    """
    monkeypatch.setenv(SITE_CONFIG_ENV, str(seed_profile_config))
    monkeypatch.setenv(USER_MAPPINGS_ENV, str(tmp_path / "no-user-mappings"))


@pytest.fixture(autouse=True)
def private_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file-backed keyring of this test's own for team keys (never the user's OS keyring)."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv(KEYRING_FILE_ENV, str(path))
    return path
