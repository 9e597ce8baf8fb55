"""Small export files for the tests, written exactly as a test needs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from workbench.session import Workbench
from workbench.store.models import metadata

CASE_HEADER = ("Sags-ID", "CPR", "Navn", "Ordning", "Sagsbehandler", "Team", "Startdato",
               "Afsluttet")
EVENT_HEADER = ("Sags-ID", "Dato", "Hændelse")
TODAY = dt.date(2026, 3, 10)


@dataclass(frozen=True)
class Case:
    """A cases row with sensible defaults."""

    case_id: str
    cpr: str = "010190-1234"
    name: str = "Anne Jensen"
    scheme: str = "sygedagpenge"
    caseworker: str = "ABC"
    team: str = "Nord"
    start: str = "2026-01-05"
    closed: str = ""

    def cells(self) -> tuple[str, ...]:
        """The row's cells in CASE_HEADER order."""
        return (self.case_id, self.cpr, self.name, self.scheme, self.caseworker, self.team,
                self.start, self.closed)

    def but(self, **changes: str) -> Case:
        """A copy with some fields changed."""
        return replace(self, **changes)


def cases(count: int, **fields: str) -> list[Case]:
    """``count`` cases S1..Sn, all alike but for the Sags-ID."""
    return [Case(f"S{n}", **fields) for n in range(1, count + 1)]


def write_table(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
) -> Path:
    """A CSV file with the given header, rows, delimiter and encoding (no quoting needed)."""
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_cases(path: Path, rows: Iterable[Case], **options: Any) -> Path:
    """A canonical cases file."""
    return write_table(path, CASE_HEADER, (row.cells() for row in rows), **options)


def write_events(path: Path, rows: Iterable[tuple[str, str, str]], **options: Any) -> Path:
    """A canonical events file of (Sags-ID, Dato, Hændelse) rows."""
    return write_table(path, EVENT_HEADER, rows, **options)


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An XLSX workbook with one sheet per entry, cells as given (dates stay dates)."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def snapshot(workbench: Workbench) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order: to show that nothing changed."""
    tables: dict[str, list[tuple[object, ...]]] = {}
    with workbench.database.transaction() as connection:
        for table in metadata.sorted_tables:
            rows = connection.execute(select(table)).all()
            tables[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return tables
