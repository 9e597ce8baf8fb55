"""A database's name without the store: one per file, whatever the spelling; no password."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.database_path import DATABASE_ENV, database_identity, default_database_path
from workbench.store import database as store_database


def test_every_spelling_of_a_file_is_one_name(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_identity(str(tmp_path / "." / "w.db")) == database_identity("w.db")
    assert database_identity("w.db") != database_identity("other.db")
    monkeypatch.setenv(DATABASE_ENV, "w.db")
    assert database_identity(None) == database_identity(tmp_path / "w.db")


def test_without_a_choice_it_is_the_default_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    assert database_identity(None) == f"file:{default_database_path().resolve()}"


def test_a_url_keeps_its_place_and_loses_its_password() -> None:
    named = database_identity("postgresql+psycopg://ab:secret@db.example:5432/workbench")
    assert named == "postgresql+psycopg://ab:***@db.example:5432/workbench"
    assert database_identity("postgresql+psycopg://db.example/workbench") == (
        "postgresql+psycopg://db.example/workbench")


def test_the_store_names_the_same_default_and_variable() -> None:
    assert store_database.DATABASE_ENV == DATABASE_ENV
    assert store_database.default_database_path() == default_database_path()
