"""Case attributes: Målgruppe, Beskæftiget, Kategori, as rule conditions.

They come from optional columns of the central export, or a caseworker sets them here when
the export lacks them (or has them wrong). Both are kept: the caseworker's value wins, and an
import replaces only the export's values, and only for a file that has the column — a file
without it changes nothing. Values are stored lower-case, as rule conditions compare them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import ColumnElement, Connection, select

from workbench import audit
from workbench.audit import AuditAction
from workbench.errors import InputError, UnknownCaseError
from workbench.rules import CASE_ATTRIBUTES
from workbench.store.database import Database
from workbench.store.models import SOURCE_CENTRAL, SOURCE_LOCAL, case_attributes, cases

#: The export's headings of the attributes (the canonical ones; mapping files add others).
HEADINGS = {"Målgruppe": "maalgruppe", "Beskæftiget": "beskaeftiget", "Kategori": "kategori"}
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


def replace_central(
    connection: Connection, names: Iterable[str], values: Mapping[str, Mapping[str, str]]
) -> None:
    """An import's attributes: for each column the file has, the export's values of its cases.

    ``names`` are the attributes the file has a column for; ``values`` the non-empty ones by
    case. A case of the file with an empty cell loses the export's value (not its local one).
    """
    columns = list(names)
    if not columns or not values:
        return
    case_ids = list(values)
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        connection.execute(case_attributes.delete().where(
            case_attributes.c.source == SOURCE_CENTRAL, case_attributes.c.name.in_(columns),
            case_attributes.c.case_id.in_(chunk)))
    rows = [{"case_id": case_id, "name": name, "source": SOURCE_CENTRAL, "value": value}
            for case_id, by_name in values.items() for name, value in by_name.items()
            if name in columns and value]
    if rows:
        connection.execute(case_attributes.insert(), rows)
