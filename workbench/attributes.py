"""Case attributes: Målgruppe, Beskæftiget, Kategori, as rule conditions.

They come from optional columns of the central export, or a caseworker sets them here when
the export lacks them (or has them wrong). Both are kept: the caseworker's value wins, and an
import replaces only the export's values, and only for a file that has the column — a file
without it changes nothing. Values are stored lower-case, as rule conditions compare them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from sqlalchemy import ColumnElement, Connection, select

from workbench import audit
from workbench.audit import AuditAction
from workbench.errors import InputError, UnknownCaseError
from workbench.rules import CASE_ATTRIBUTES
from workbench.store.database import Database
from workbench.store.models import SOURCE_CENTRAL, SOURCE_LOCAL, case_attributes, cases
from workbench.store.touched import touch

#: Cases per DELETE statement (a bound parameter each; well below every back end's limit).
_CHUNK = 500
_SPELLINGS = {"målgruppe": "maalgruppe", "beskæftiget": "beskaeftiget"}


def attribute_name(text: str) -> str:
    """The attribute a name means ("Målgruppe", "maalgruppe"); InputError if none."""
    folded = text.strip().casefold()
    name = _SPELLINGS.get(folded, folded)
    if name not in CASE_ATTRIBUTES:
        raise InputError(key="attribute.unknown", name=text,
                         known=", ".join(CASE_ATTRIBUTES))
    return name


def normalise_value(text: str) -> str:
    """A value as rule conditions compare it: stripped, lower-case."""
    return text.strip().lower()


class CaseAttributes:
    """Setting and clearing a case's attributes here, on one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def set(self, case_id: str, name: str, value: str | None, *, by: str) -> None:
        """Set the caseworker's own value of an attribute; None clears it (the export's rules).

        InputError (nothing changed) for an unknown case or attribute or an empty value.
        """
        attribute = attribute_name(name)
        initials = by.strip()
        if not initials:
            raise InputError(key="pause.initials_required")
        if value is not None and not normalise_value(value):
            raise InputError(key="attribute.empty", name=name)
        with self._database.transaction(write=True) as connection:
            if connection.execute(select(cases.c.case_id).where(cases.c.case_id == case_id)
                                  ).first() is None:
                raise UnknownCaseError(case_id)
            connection.execute(case_attributes.delete().where(
                case_attributes.c.case_id == case_id, case_attributes.c.name == attribute,
                case_attributes.c.source == SOURCE_LOCAL))
            if value is not None:
                connection.execute(case_attributes.insert().values(
                    case_id=case_id, name=attribute, source=SOURCE_LOCAL,
                    value=normalise_value(value)))
            touch(connection, [case_id])
            detail = f"{attribute} = {normalise_value(value)}" if value else f"{attribute} cleared"
            audit.record(connection, AuditAction.CASE_ATTRIBUTE, initials=initials,
                         case_id=case_id, detail=detail)

    def of_case(self, case_id: str) -> dict[str, str]:
        """A case's attributes in force, by name."""
        with self._database.transaction() as connection:
            return attributes_of(connection, [cases.c.case_id == case_id]).get(case_id, {})


def attributes_of(
    connection: Connection, conditions: Sequence[ColumnElement[bool]]
) -> dict[str, dict[str, str]]:
    """The attributes in force of the cases matching ``conditions``: local over central."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    rows = connection.execute(
        select(case_attributes.c.case_id, case_attributes.c.name, case_attributes.c.value)
        .join(cases, cases.c.case_id == case_attributes.c.case_id)
        .where(*conditions)
        # Central first, so that a local value, read later, replaces it.
        .order_by(case_attributes.c.source)
    )
    for case_id, name, value in rows:
        found[case_id][name] = value
    return found


def replace_central(connection: Connection, values: Mapping[str, Mapping[str, str]]) -> None:
    """An import's attributes: the export's value of each attribute its file has a column for.

    ``values`` maps each case of such a file to its attributes; an empty value (an empty
    cell) removes the export's earlier value. The caseworker's own values stay as they are,
    and so does every attribute of a case whose file has no column for it.
    """
    by_name: dict[str, list[str]] = defaultdict(list)
    for case_id, attributes in values.items():
        for name in attributes:
            by_name[name].append(case_id)
    changed: set[str] = set()
    for name, case_ids in by_name.items():
        for start in range(0, len(case_ids), _CHUNK):
            before = dict(connection.execute(
                select(case_attributes.c.case_id, case_attributes.c.value).where(
                    case_attributes.c.source == SOURCE_CENTRAL, case_attributes.c.name == name,
                    case_attributes.c.case_id.in_(case_ids[start:start + _CHUNK]))).all())
            changed.update(case_id for case_id in case_ids[start:start + _CHUNK]
                           if before.get(case_id) != (values[case_id][name] or None))
            connection.execute(case_attributes.delete().where(
                case_attributes.c.source == SOURCE_CENTRAL, case_attributes.c.name == name,
                case_attributes.c.case_id.in_(case_ids[start:start + _CHUNK])))
    rows = [{"case_id": case_id, "name": name, "source": SOURCE_CENTRAL, "value": value}
            for case_id, attributes in values.items() for name, value in attributes.items()
            if value]
    if rows:
        connection.execute(case_attributes.insert(), rows)
    touch(connection, changed)  # their stored deadlines follow (workbench.deadlines)
