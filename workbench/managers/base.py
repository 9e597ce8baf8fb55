"""What every manager shares: a weak reference to its session, and the case queries."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import ColumnElement, Connection, Row, Table, or_, select

from workbench.case import Case
from workbench.errors import InputError, UnknownCaseError
from workbench.store.models import cases
from workbench.vocabulary import EventKind, Scheme

if TYPE_CHECKING:
    from workbench.session import Workbench
    from workbench.store.database import Database

#: Stored words to members by dictionary: Enum(value) is slow in lists of thousands.
EVENT_KINDS = {kind.value: kind for kind in EventKind}
SCHEMES = {scheme.value: scheme for scheme in Scheme}
#: A result row of any shape.
AnyRow: TypeAlias = Row[*tuple[Any, ...]]

#: The columns of a case's facts (``workbench.case.Case``), in its order.
CASE_COLUMNS = tuple(cases.c[name] for name in Case._fields)


class Manager:
    """A concept's manager: it holds its session weakly, as Anki's managers hold ``col``."""

    def __init__(self, session: Workbench) -> None:
        self._session = weakref.ref(session)

    @property
    def _wb(self) -> Workbench:
        session = self._session()
        assert session is not None, f"the session of this {type(self).__name__} is gone"
        return session

    @property
    def _database(self) -> Database:
        return self._wb.database


def open_on(today: dt.date) -> ColumnElement[bool]:
    """Cases open on ``today``: not closed, or closed only after it."""
    return or_(cases.c.closed_on.is_(None), cases.c.closed_on > today)


def owned_by(caseworker: str | None, team: str | None) -> list[ColumnElement[bool]]:
    """The filters for one caseworker's and/or one team's cases."""
    conditions: list[ColumnElement[bool]] = []
    if caseworker is not None:
        conditions.append(cases.c.caseworker == caseworker)
    if team is not None:
        conditions.append(cases.c.team == team)
    return conditions


def required_initials(by: str) -> str:
    """Who registers something must be known: their initials, not empty."""
    initials = by.strip()
    if not initials:
        raise InputError(key="service.initials_needed")
    return initials


def case_of(connection: Connection, case_id: str) -> AnyRow:
    """The stored case ``case_id``; UnknownCaseError if there is none."""
    case = connection.execute(select(*CASE_COLUMNS).where(cases.c.case_id == case_id)).first()
    if case is None:
        raise UnknownCaseError(case_id)
    return case


def row_of(connection: Connection, table: Table, entity_id: str) -> int:
    """The local id of the row a team entity was projected onto."""
    row_id = connection.execute(select(table.c.id).where(table.c.entity_id == entity_id)
                                ).scalar()
    assert row_id is not None, f"entity {entity_id} has no row in {table.name}"
    return int(row_id)
