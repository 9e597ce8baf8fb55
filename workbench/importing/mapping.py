"""Column headings: the canonical ones of domain.md and mapping files for other exports.

Municipalities' exports name the same columns differently. A mapping file in
``resources/mappings/*.toml`` lists, per canonical field, the headings that mean it::

    title = "Export headed Sagsnummer, Personnummer, ..."
    [columns]
    "Sags-ID" = ["Sagsnummer"]
    "Startdato" = ["1. fraværsdag", "Startdato"]

A field's canonical heading is always accepted too. A table is recognised by its header:
the first mapping (canonical first, then the files by name) under which every required
field of a cases or an events table is present decides what the table is.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.resources import resource_dir


class TableKind(enum.Enum):
    """What a table of an export holds."""

    CASES = "cases"
    EVENTS = "events"


CASE_ID = "Sags-ID"
CPR = "CPR"
NAME = "Navn"
SCHEME = "Ordning"
CASEWORKER = "Sagsbehandler"
TEAM = "Team"
START = "Startdato"
CLOSED = "Afsluttet"
DATE = "Dato"
EVENT_KIND = "Hændelse"

#: Each kind's fields: required ones first, then the optional ones.
REQUIRED: dict[TableKind, tuple[str, ...]] = {
    TableKind.CASES: (CASE_ID, CPR, NAME, SCHEME, CASEWORKER, START),
    TableKind.EVENTS: (CASE_ID, DATE, EVENT_KIND),
}
OPTIONAL: dict[TableKind, tuple[str, ...]] = {
    TableKind.CASES: (TEAM, CLOSED),
    TableKind.EVENTS: (),
}
ALL_FIELDS = frozenset(field for fields in (*REQUIRED.values(), *OPTIONAL.values())
                       for field in fields)


class MappingError(WorkbenchError):
    """A mapping file is malformed; the message names the file and what is wrong."""


@dataclass(frozen=True)
class ColumnMapping:
    """Which headings mean which canonical field."""

    name: str
    #: Canonical field → the headings (normalised) that mean it.
    headings: Mapping[str, tuple[str, ...]]

    def locate(self, header: Sequence[str], kind: TableKind) -> dict[str, int] | None:
        """Column index of every field of ``kind`` in ``header``; None if a required one lacks."""
        positions = {normalise_heading(text): index for index, text in reversed(
            list(enumerate(header)))}
        found: dict[str, int] = {}
        for field in (*REQUIRED[kind], *OPTIONAL[kind]):
            index = next((positions[h] for h in self.headings[field] if h in positions), None)
            if index is not None:
                found[field] = index
            elif field in REQUIRED[kind]:
                return None
        return found


@dataclass(frozen=True)
class RecognisedTable:
    """A table's kind, the column of each field, and the mapping that recognised it."""

    kind: TableKind
    columns: dict[str, int]
    mapping: str


def normalise_heading(text: str) -> str:
    """Compare headings without case and extra spaces ("sags-id " is "Sags-ID")."""
    return " ".join(text.replace("\ufeff", "").split()).casefold()


CANONICAL = ColumnMapping(
    name="canonical", headings={field: (normalise_heading(field),) for field in ALL_FIELDS}
)


def parse_mapping(text: str, source: str) -> ColumnMapping:
    """Read a mapping file's TOML, checking every field name and heading list."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MappingError(f"{source}: not valid TOML ({error})") from None
    columns = data.get("columns")
    if not isinstance(columns, dict):
        raise MappingError(f"{source}: a [columns] table is required")
    headings = dict(CANONICAL.headings)
    for field, names in columns.items():
        if field not in ALL_FIELDS:
            known = ", ".join(sorted(ALL_FIELDS))
            raise MappingError(f"{source}: unknown field '{field}' (known: {known})")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise MappingError(f"{source}: field '{field}' must list headings as strings")
        spelled = tuple(normalise_heading(name) for name in names)
        headings[field] = (*spelled, *CANONICAL.headings[field])
    return ColumnMapping(name=Path(source).stem, headings=headings)


@cache
def bundled_mappings() -> tuple[ColumnMapping, ...]:
    """The canonical headings, then every mapping file in resources/mappings, by name."""
    folder = resource_dir() / "mappings"
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return (CANONICAL, *(parse_mapping(f.read_text(encoding="utf-8"), str(f)) for f in files))


def recognise(
    header: Sequence[str], mappings: Sequence[ColumnMapping]
) -> RecognisedTable | None:
    """What ``header`` is a header of, under the first mapping that explains it."""
    for mapping in mappings:
        for kind in TableKind:
            columns = mapping.locate(header, kind)
            if columns is not None:
                return RecognisedTable(kind, columns, mapping.name)
    return None


def describe_expected() -> str:
    """The canonical headings of both tables, for the message on an unrecognised file."""
    cases = ", ".join(REQUIRED[TableKind.CASES])
    events = ", ".join(REQUIRED[TableKind.EVENTS])
    return f"a cases table ({cases}) or an events table ({events})"
