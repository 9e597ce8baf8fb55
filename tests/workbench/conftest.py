"""Database fixtures: every store test runs on SQLite and on a real PostgreSQL server.

``dev.py test`` starts a throw-away PostgreSQL server and sets WORKBENCH_TEST_PG_URL (a URL
of its ``postgres`` database); each test gets a fresh database of its own there, dropped
afterwards. The Qt-free core run sets WORKBENCH_TEST_NO_PG=1 and runs the SQLite half only.
Anywhere else a missing server is a failure, not a skip: a test skipped in CI does not exist.
"""

from __future__ import annotations

import os
import secrets
import string
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url

from workbench.messages import set_language
from workbench.session import Workbench

PG_URL_ENV = "WORKBENCH_TEST_PG_URL"
NO_PG_ENV = "WORKBENCH_TEST_NO_PG"


def _backends() -> list[object]:
    """SQLite always; PostgreSQL unless the run explicitly has no server."""
    if os.environ.get(NO_PG_ENV) == "1" and not os.environ.get(PG_URL_ENV):
        return ["sqlite"]
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                 ) -> Iterator[str]:
    """A fresh, empty database: a SQLite file path, or a new PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("db") / "workbench.db")
        return
    yield from _fresh_postgres_database()


def _fresh_postgres_database() -> Iterator[str]:
    """Create a database on the test server for one test and drop it afterwards."""
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.fail(
            f"{PG_URL_ENV} is not set, so the PostgreSQL half of the store tests cannot run. "
            "Run them with `python3 dev.py test` (it starts a server), point "
            f"{PG_URL_ENV} at a server's postgres database, or set {NO_PG_ENV}=1 to run "
            "the SQLite half only.",
            pytrace=False,
        )
    # Letters only: the log names the database, and the privacy tests look for ten digits.
    name = "test_" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(16))
    admin = create_engine(make_url(base), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture
def workbench(database_url: str) -> Iterator[Workbench]:
    """An open, empty Workbench on the test database."""
    with Workbench.open(database_url) as opened:
        yield opened


@pytest.fixture
def is_sqlite(database_url: str) -> bool:
    """True on the SQLite half of a test."""
    return "://" not in database_url


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts with no language chosen (Danish, or WORKBENCH_LANGUAGE), and ends so."""
    set_language(None)
    yield
    set_language(None)
