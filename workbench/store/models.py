"""The tables of the store, as SQLAlchemy 2 declarative models.

The models document the schema and give Alembic something to compare the migrations with;
the import and the service work on ``Model.__table__`` with SQLAlchemy Core, because bulk
executemany is what makes a 10⁵-row export import in seconds.

Enums are stored as their values (the Danish words), dates as dates, times as naive UTC.
CPR numbers are stored as their ten digits: they are masked on the way out, not in the store.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SOURCE_CENTRAL = "central"
SOURCE_LOCAL = "local"


class Base(DeclarativeBase):
    """Declarative base of the store's models."""


class CaseModel(Base):
    """One case (sag) from the central export; closed_on is set once it leaves the snapshot."""

    __tablename__ = "cases"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cpr: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    scheme: Mapped[str] = mapped_column(String(32))
    caseworker: Mapped[str] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[dt.date] = mapped_column(Date)
    #: The closing date: the export's Afsluttet, or the export date it went missing on.
    closed_on: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_cases_caseworker", "caseworker"),
        Index("ix_cases_team", "team"),
    )


class EventModel(Base):
    """An event on a case; (case, date, kind) is unique, whichever side registered it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    #: "central" (from an export) or "local" (registered in the workbench).
    source: Mapped[str] = mapped_column(String(8))
    registered_by: Mapped[str | None] = mapped_column(String(100))
    registered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: A local event that a later export also contained.
    confirmed: Mapped[bool] = mapped_column(default=False)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id"))

    __table_args__ = (
        UniqueConstraint("case_id", "date", "kind", name="uq_events_case_date_kind"),
        CheckConstraint("source IN ('central', 'local')", name="ck_events_source"),
    )


class InquiryModel(Base):
    """A citizen's inquiry (henvendelse) on a case; open until answered_on is set."""

    __tablename__ = "inquiries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"), index=True)
    channel: Mapped[str] = mapped_column(String(8))
    received: Mapped[dt.date] = mapped_column(Date)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    registered_by: Mapped[str] = mapped_column(String(100))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    answered_by: Mapped[str | None] = mapped_column(String(100))


class NoteModel(Base):
    """A caseworker's note on a case."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"), index=True)
    written_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)


class ImportModel(Base):
    """One import run and what it did (the import history)."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: The export date (--today): the closing date of the cases missing from the snapshot.
    export_date: Mapped[dt.date] = mapped_column(Date)
    forced: Mapped[bool] = mapped_column(default=False)
    new: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    closed: Mapped[int] = mapped_column(default=0)
    reopened: Mapped[int] = mapped_column(default=0)
    events_added: Mapped[int] = mapped_column(default=0)
    events_confirmed: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)


class ImportFileModel(Base):
    """A file of an import: its name, content hash, what it held and how many rows."""

    __tablename__ = "import_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    content_hash: Mapped[str] = mapped_column(String(64))
    #: "cases" or "events" (an XLSX file may hold both: one row per table found).
    content: Mapped[str] = mapped_column(String(8))
    rows: Mapped[int] = mapped_column(default=0)


class RejectedRowModel(Base):
    """A row an import did not take, with where it was and why."""

    __tablename__ = "rejected_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("imports.id"), index=True)
    file: Mapped[str] = mapped_column(String(300))
    line: Mapped[int]
    field: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)


class SettingModel(Base):
    """One setting, its value JSON-encoded."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)




def _table(model: type[Base]) -> Table:
    """The Core table behind a model (typed as a Table, which it always is here)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


cases = _table(CaseModel)
events = _table(EventModel)
inquiries = _table(InquiryModel)
notes = _table(NoteModel)
imports = _table(ImportModel)
import_files = _table(ImportFileModel)
rejected_rows = _table(RejectedRowModel)
settings = _table(SettingModel)


def utc_now() -> dt.datetime:
    """Now, as the store keeps times: naive UTC (SQLite has no time zones)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def from_store_time(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as an aware UTC datetime, so front ends can show it in local time."""
    return value.replace(tzinfo=dt.UTC) if value is not None else None
