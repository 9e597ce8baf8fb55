"""The unit of work: several reads see one snapshot, and a failure undoes all its writes.

Run on SQLite and on a real PostgreSQL server (the ``database_url`` fixture). The "other"
writer is a second thread: a unit belongs to the thread that opened it, so the other
thread's transaction is a connection of its own, committed while the unit stays open.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, func, insert, select

from workbench.session import Workbench
from workbench.store.database import Database, ReadOnlyUnitError
from workbench.store.models import settings


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """The migrated, empty store of the test database."""
    opened = Database.open(database_url)
    try:
        yield opened
    finally:
        opened.dispose()


def _count(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(settings)).scalar_one()


def _keys(database: Database) -> set[str]:
    with database.transaction() as connection:
        return set(connection.execute(select(settings.c.key)).scalars())


def _write_elsewhere(database: Database, key: str) -> None:
    """Commit one row from another thread (so: another connection) and wait for it."""
    failures: list[BaseException] = []

    def write() -> None:
        try:
            with database.transaction(write=True) as connection:
                connection.execute(insert(settings).values(key=key, value='"x"'))
        except BaseException as error:  # reported to the test thread
            failures.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(timeout=60)
    assert not writer.is_alive()
    assert failures == []


def test_two_reads_in_a_unit_do_not_see_a_write_committed_between_them(
        database: Database) -> None:
    with database.reading():
        with database.transaction() as connection:
            before = _count(connection)
        _write_elsewhere(database, "between")
        with database.transaction() as connection:
            assert _count(connection) == before
    assert "between" in _keys(database)


def test_two_reads_outside_a_unit_see_a_write_committed_between_them(
        database: Database) -> None:
    with database.transaction() as connection:
        before = _count(connection)
    _write_elsewhere(database, "between")
    with database.transaction() as connection:
        assert _count(connection) == before + 1


def test_the_transactions_of_a_unit_share_its_one_connection(database: Database) -> None:
    with (database.unit_of_work(write=True) as unit, database.transaction() as read,
          database.transaction(write=True) as write):
        assert read is unit
        assert write is unit
    with database.transaction() as first, database.transaction() as second:
        assert first is not second


def test_a_failure_inside_a_unit_rolls_back_all_its_writes(database: Database) -> None:
    with pytest.raises(LookupError), database.unit_of_work(write=True):
        with database.transaction(write=True) as connection:
            connection.execute(insert(settings).values(key="first", value='"1"'))
        with database.transaction(write=True) as connection:
            connection.execute(insert(settings).values(key="second", value='"2"'))
        raise LookupError("the third step fails")
    assert _keys(database) == set()


def test_a_unit_that_ends_well_commits_all_its_writes(database: Database) -> None:
    with database.unit_of_work(write=True):
        for key in ("first", "second"):
            with database.transaction(write=True) as connection:
                connection.execute(insert(settings).values(key=key, value='"1"'))
        assert _keys(database) == {"first", "second"}
    assert _keys(database) == {"first", "second"}


def test_a_failed_write_caught_inside_a_unit_undoes_only_itself(database: Database) -> None:
    with database.unit_of_work(write=True):
        with database.transaction(write=True) as connection:
            connection.execute(insert(settings).values(key="kept", value='"1"'))
        with pytest.raises(LookupError), database.transaction(write=True) as connection:
            connection.execute(insert(settings).values(key="undone", value='"2"'))
            raise LookupError("this step fails; the caller carries on")
    assert _keys(database) == {"kept"}


def test_a_read_only_unit_refuses_a_write(database: Database) -> None:
    with (database.reading(), pytest.raises(ReadOnlyUnitError),
          database.transaction(write=True) as connection):
        connection.execute(insert(settings).values(key="refused", value='"1"'))
    assert _keys(database) == set()


def test_a_unit_inside_a_unit_joins_it(database: Database) -> None:
    with pytest.raises(LookupError), database.unit_of_work(write=True) as outer:
        with database.unit_of_work(write=True) as inner:
            assert inner is outer
            inner.execute(insert(settings).values(key="inner", value='"1"'))
        raise LookupError("the outer unit fails after the inner one ended")
    assert _keys(database) == set()


def test_the_workbench_reads_its_settings_twice_in_one_snapshot(
        workbench: Workbench) -> None:
    with workbench.reading():
        before = workbench.settings.load().my_initials
        _write_elsewhere(workbench.database, "my_initials")
        assert workbench.settings.load().my_initials == before
    assert workbench.settings.load().my_initials == "x"
