"""``driver_rows``: a big read straight from the driver gives what SQLAlchemy gives.

On SQLite and on PostgreSQL, with the parameters bound (a person's text never goes into the
SQL), dates compared as the store keeps them, and plain tuples out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import String, cast, event, func, literal, select

from workbench.session import Workbench
from workbench.store.driverread import driver_rows
from workbench.store.models import cases

INITIALS = ("AB", "O'B", "x' OR '1'='1", "Æø%s", "%(x)s")


def _fill(workbench: Workbench) -> None:
    with workbench.database.transaction(write=True) as connection:
        connection.execute(cases.insert(), [
            {"case_id": f"S{number}", "cpr": "0101901234", "name": "Borger",
             "scheme": "sygedagpenge", "caseworker": worker, "team": "Nord",
             "start": dt.date(2026, 1, 1) + dt.timedelta(days=number),
             "closed_on": None if number % 2 else dt.date(2026, 6, number)}
            for number, worker in enumerate(INITIALS * 3, start=1)])


def _sqlalchemy_statements(workbench: Workbench) -> list[str]:
    """The statements SQLAlchemy itself executes on ``workbench`` from now on."""
    seen: list[str] = []

    def heard(_connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(workbench.database.engine, "before_cursor_execute", heard)
    return seen


def test_driver_rows_are_sqlalchemys_rows_as_plain_tuples(workbench: Workbench) -> None:
    _fill(workbench)
    for worker in INITIALS:
        query = (select(cases.c.case_id, cases.c.caseworker,
                        func.coalesce(cast(cases.c.closed_on, String), ""),
                        literal("green"))
                 .where(cases.c.caseworker == worker, cases.c.start > dt.date(2026, 1, 4),
                        func.coalesce(cases.c.closed_on, dt.date.max) > dt.date(2026, 6, 5))
                 .order_by(cases.c.case_id))
        with workbench.database.transaction() as connection:
            expected = [tuple(row) for row in connection.execute(query)]
            through_sqlalchemy = _sqlalchemy_statements(workbench)
            found = driver_rows(connection, query)
        assert found == expected
        assert through_sqlalchemy == []  # the driver's own cursor read them
        assert expected and all(row[1] == worker for row in expected)
        assert all(type(row) is tuple for row in found)


def test_a_parameter_the_driver_would_not_take_as_stored_reads_through_sqlalchemy(
        workbench: Workbench) -> None:
    _fill(workbench)
    query = select(cases.c.case_id).where(
        cases.c.start >= dt.datetime(2026, 1, 11, 12, 0)).order_by(cases.c.case_id)
    with workbench.database.transaction() as connection:
        expected = [tuple(row) for row in connection.execute(query)]
        through_sqlalchemy = _sqlalchemy_statements(workbench)
        found = driver_rows(connection, query)
    assert found == expected == [(f"S{number}",) for number in range(11, 16)]
    assert len(through_sqlalchemy) == 1


def test_a_list_rendered_when_the_statement_runs_reads_through_sqlalchemy(
        workbench: Workbench) -> None:
    _fill(workbench)
    query = (select(cases.c.case_id, cases.c.caseworker)
             .where(cases.c.case_id.in_(["S2", "S3", "S9"])).order_by(cases.c.case_id))
    with workbench.database.transaction() as connection:
        through_sqlalchemy = _sqlalchemy_statements(workbench)
        found = driver_rows(connection, query)
    assert found == [("S2", "O'B"), ("S3", "x' OR '1'='1"), ("S9", "Æø%s")]
    assert len(through_sqlalchemy) == 1
