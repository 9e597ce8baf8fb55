"""Fixtures of every test: its log and configuration are its own, never the machine's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench import logs
from workbench.siteconfig import SITE_CONFIG_ENV


@pytest.fixture(autouse=True)
def private_log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point WORKBENCH_LOG_DIR at this test's folder; close the log handler afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    yield folder
    logs.stop_logging()


@pytest.fixture(autouse=True)
def no_machine_wide_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep a real /etc or %PROGRAMDATA% config.toml on the test machine out of every test."""
    monkeypatch.setenv(SITE_CONFIG_ENV, str(tmp_path / "no-machine-wide-config.toml"))
