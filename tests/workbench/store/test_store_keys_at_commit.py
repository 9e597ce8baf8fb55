"""A transaction whose foreign keys are checked once, at the commit (a bulk write on SQLite)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from workbench.session import Workbench
from workbench.store.models import cases, events

DAY = dt.date(2026, 2, 1)
CASE = {"case_id": "S1", "cpr": "0101901234", "name": "Anne", "scheme": "sygedagpenge",
        "caseworker": "ABC", "team": None, "start": DAY, "closed_on": None}


def _event(case_id: str) -> dict[str, object]:
    return {"case_id": case_id, "date": DAY, "kind": "samtale", "source": "central",
            "confirmed": False}


def _count(workbench: Workbench) -> tuple[int, int]:
    with workbench.database.transaction() as connection:
        return (connection.execute(select(func.count()).select_from(cases)).scalar_one(),
                connection.execute(select(func.count()).select_from(events)).scalar_one())


def test_a_row_that_breaks_a_key_rolls_the_whole_transaction_back(
        workbench: Workbench) -> None:
    with pytest.raises(IntegrityError), workbench.database.transaction(
            write=True, keys_at_commit=True) as connection:
        connection.execute(insert(cases).values(**CASE))
        connection.execute(insert(events), [_event("S1"), _event("nobody")])

    assert _count(workbench) == (0, 0)


def test_rows_that_keep_the_keys_are_committed(workbench: Workbench) -> None:
    with workbench.database.transaction(write=True, keys_at_commit=True) as connection:
        connection.execute(insert(cases).values(**CASE))
        connection.execute(insert(events).values(**_event("S1")))

    assert _count(workbench) == (1, 1)


def test_afterwards_every_row_is_checked_at_once_again(workbench: Workbench) -> None:
    with pytest.raises(IntegrityError), workbench.database.transaction(
            write=True, keys_at_commit=True) as connection:
        connection.execute(insert(events).values(**_event("nobody")))

    for _ in range(3):  # on whichever pooled connection a transaction gets
        with pytest.raises(IntegrityError), \
                workbench.database.transaction(write=True) as connection:
            connection.execute(insert(events).values(**_event("nobody")))
            pytest.fail("the insert of an event of no case went through")
    assert _count(workbench) == (0, 0)


def test_keys_that_do_not_come_back_on_are_found_out() -> None:
    """Inside a transaction SQLite ignores the pragma without a word: it is read back."""
    import sqlite3

    from workbench.store.database import _foreign_keys_back_on

    driver = sqlite3.connect(":memory:", isolation_level=None)
    driver.execute("PRAGMA foreign_keys=OFF")
    driver.execute("BEGIN")
    assert not _foreign_keys_back_on(driver)
    driver.execute("COMMIT")
    assert _foreign_keys_back_on(driver)
    driver.close()
    assert not _foreign_keys_back_on(driver)  # a closed connection: an error, not on


def test_a_connection_left_without_keys_is_not_pooled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite only: PostgreSQL checks row by row always, nothing is turned off there."""
    from workbench.store import database

    with Workbench.open(tmp_path / "workbench.db") as workbench:
        monkeypatch.setattr(database, "_foreign_keys_back_on", lambda _driver: False)
        with workbench.database.transaction(write=True, keys_at_commit=True) as connection:
            connection.execute(insert(cases).values(**CASE))
        monkeypatch.undo()

        for _ in range(3):
            with pytest.raises(IntegrityError), \
                    workbench.database.transaction(write=True) as connection:
                connection.execute(insert(events).values(**_event("nobody")))
                pytest.fail("the insert of an event of no case went through")
        assert _count(workbench) == (1, 0)
