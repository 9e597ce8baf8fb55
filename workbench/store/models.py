"""The tables of the store, as SQLAlchemy 2 declarative models.

The models document the schema and give Alembic something to compare the migrations with;
the import and the service work on ``Model.__table__`` with SQLAlchemy Core, because bulk
executemany is what makes a 10⁵-row export import in seconds.

Enums are stored as their values (the Danish words), dates as dates, times as naive UTC.
CPR numbers are stored as their ten digits: they are masked on the way out, not in the store.
"""

from __future__ import annotations

import datetime as dt
from typing import overload

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
    #: The team entity of a local event (see workbench.sync); None for a central-only event.
    entity_id: Mapped[str | None] = mapped_column(String(36), unique=True, index=True)

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
    #: The inquiry's team entity: the same on every team member's replica.
    entity_id: Mapped[str | None] = mapped_column(String(36), unique=True, index=True)


class NoteModel(Base):
    """A caseworker's note on a case."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"), index=True)
    written_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    #: The note's team entity: the same on every team member's replica.
    entity_id: Mapped[str | None] = mapped_column(String(36), unique=True, index=True)


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


class SyncEntryModel(Base):
    """A team entry (workbench.sync): every local change, and every one received from the team.

    Local entries not yet sent are the outbox (``pending``). Entries are never changed or
    deleted; their id makes receiving one twice a no-op.
    """

    __tablename__ = "sync_entries"

    entry_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    author: Mapped[str] = mapped_column(String(100))
    #: Hybrid logical clock timestamp, as text whose string order is the clock's order.
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    #: Not a foreign key: an entry may name a case this database does not know yet.
    case_id: Mapped[str | None] = mapped_column(String(64), index=True)
    #: The entry's attribute and field values, as a JSON object.
    payload: Mapped[str] = mapped_column(Text)
    #: Made here (True) or received from a teammate (False).
    local: Mapped[bool]
    #: A local entry not yet sent to the team: the outbox.
    pending: Mapped[bool] = mapped_column(index=True)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: The replica (clock node) that made the entry, and its number there: 1, 2, 3, ...
    #: without gaps, so a receiver sees when one is missing (None for entries made before).
    node: Mapped[str | None] = mapped_column(String(32))
    seq: Mapped[int | None] = mapped_column(Integer)
    #: Per field written, the timestamp of the value its author saw (JSON; None: unknown).
    bases: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_sync_entries_node_seq", "node", "seq"),)


class SyncHeldModel(Base):
    """A teammate's entry that is not applied: invalid (quarantined), newer, or from the future.

    ``reason`` is ``invalid`` (kept until a person drops it), ``newer`` (a newer format
    version: tried again after an upgrade) or ``ahead`` (its clock is more than the allowed
    drift ahead of ours: tried again at each sync). ``envelope`` is the entry as received.
    """

    __tablename__ = "sync_held"

    entry_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reason: Mapped[str] = mapped_column(String(16), index=True)
    #: A message key of workbench.messages.sync saying what is wrong (no personal data).
    problem: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(String(200))
    member: Mapped[str] = mapped_column(String(100))
    author: Mapped[str] = mapped_column(String(100))
    node: Mapped[str | None] = mapped_column(String(32))
    seq: Mapped[int | None] = mapped_column(Integer)
    envelope: Mapped[str] = mapped_column(Text)
    held_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncEntityModel(Base):
    """A team entity (conversation, note, inquiry, cover) and its fixed attributes.

    ``parked`` while its case is unknown here (a teammate imported a newer export): it is
    applied to the case tables when an import brings the case.
    """

    __tablename__ = "sync_entities"

    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[str | None] = mapped_column(String(64), index=True)
    #: The attributes as a JSON object, from the earliest entry that carried them.
    attributes: Mapped[str] = mapped_column(Text)
    attributes_hlc: Mapped[str] = mapped_column(String(64))
    parked: Mapped[bool] = mapped_column(default=False, index=True)


class FieldHistoryModel(Base):
    """Every value a team entity's field was ever given, by whom and when.

    The value with the latest timestamp is the field's value (``superseded_by`` None); each
    other one names the timestamp of the value that came next. Nothing is dropped.
    """

    __tablename__ = "field_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[str] = mapped_column(String(36))
    entity_type: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(32))
    #: The value as JSON text.
    value: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    hlc: Mapped[str] = mapped_column(String(64))
    entry_id: Mapped[str] = mapped_column(String(36))
    superseded_by: Mapped[str | None] = mapped_column(String(64))
    #: The timestamp of the value the author saw when writing this one ('' for none; None
    #: unknown): a value written without having seen an older one is a concurrent change.
    base_hlc: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("entity_id", "field", "entry_id", name="uq_field_history_write"),
        Index("ix_field_history_entity_field", "entity_id", "field"),
        Index("ix_field_history_entry_id", "entry_id"),
    )


class NagRecordModel(Base):
    """When each reminder was last shown, so none repeats within its interval after a restart.

    Times are the local wall clock (naive): working hours are local hours.
    """

    __tablename__ = "nag_records"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    subject: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_shown: Mapped[dt.datetime] = mapped_column(DateTime)


class NagSnoozeModel(Base):
    """An inquiry whose reminders are silenced until a chosen local time."""

    __tablename__ = "nag_snoozes"

    inquiry_id: Mapped[int] = mapped_column(
        ForeignKey("inquiries.id", ondelete="CASCADE"), primary_key=True
    )
    until: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntryModel(Base):
    """Who did what with personal data, and when: revealed a CPR number, imported, exported.

    Append-only: the core has no way to change or remove an entry, and a database trigger
    (migration 0004) refuses UPDATE and DELETE. It names the case or the file, never the CPR
    number itself.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: Naive UTC, like every time in the store.
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    #: The operating system's login name of whoever did it.
    os_user: Mapped[str] = mapped_column(String(100))
    #: The caseworker's initials from the settings ("" while none are set).
    initials: Mapped[str] = mapped_column(String(100))
    #: reveal_cpr, import, report_export or cpr_export (workbench.audit.AuditAction).
    action: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(64))
    file: Mapped[str | None] = mapped_column(String(500))
    #: A short description without personal data (counts, the team of a report).
    detail: Mapped[str | None] = mapped_column(String(300))


class PauseModel(Base):
    """A pause of a case's deadlines, from ``starts`` to ``ends`` (None: still on).

    Local work, shared with the team (workbench.sync) and never touched by an import; a
    withdrawn pause (registered in error) is kept, marked, and no longer moves any deadline.
    """

    __tablename__ = "pauses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"), index=True)
    starts: Mapped[dt.date] = mapped_column(Date)
    ends: Mapped[dt.date | None] = mapped_column(Date)
    #: The key of a pause reason in the rule profile's [[reason]] list.
    reason: Mapped[str] = mapped_column(String(64))
    registered_by: Mapped[str] = mapped_column(String(100))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    withdrawn: Mapped[bool] = mapped_column(default=False)
    #: The pause's team entity: the same on every team member's replica.
    entity_id: Mapped[str] = mapped_column(String(36), unique=True, index=True)


class ExemptionModel(Base):
    """A case exempted from one rule, with the reason from the profile's list."""

    __tablename__ = "exemptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(64))
    registered_by: Mapped[str] = mapped_column(String(100))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    withdrawn: Mapped[bool] = mapped_column(default=False)
    entity_id: Mapped[str] = mapped_column(String(36), unique=True, index=True)


class CaseAttributeModel(Base):
    """A case attribute (maalgruppe, beskaeftiget, kategori) from the export or set here.

    The export's value and the caseworker's own are kept apart: the local one wins, and an
    import only ever replaces the central one (and only when its file has the column).
    """

    __tablename__ = "case_attributes"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: "central" (from an export) or "local" (set in the workbench).
    source: Mapped[str] = mapped_column(String(8), primary_key=True)
    #: Lower-case, as rule conditions compare it.
    value: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("source IN ('central', 'local')", name="ck_case_attributes_source"),
    )


class CaseDeadlineModel(Base):
    """An open case's deadlines as the engine worked them out (workbench.deadlines).

    Stored so that red / amber / green is a comparison of ``next_due`` with today, on an
    index, instead of an evaluation of every case. The row holds for every day from
    ``as_of`` up to the day before ``fresh_until``: on that day something the engine reads
    by date changes (a count window ends, a rule comes into force, a future event counts).
    ``as_of`` None marks a row not evaluated yet (a database that migrated to it).
    """

    __tablename__ = "case_deadlines"

    #: No foreign key: the rows are derived, every read joins them to ``cases``, and
    #: whatever replaces cases wholesale (a test's reset, a tool) need not know of them.
    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: The case's owner, copied here so that one index answers "caseworker X's red cases".
    caseworker: Mapped[str] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(100))
    #: The earliest due date of the open milestones; None when none is open (green).
    next_due: Mapped[dt.date | None] = mapped_column(Date)
    #: The rule of the open milestone that falls due first (ties: profile order).
    rule_id: Mapped[str | None] = mapped_column(String(32))
    #: The earliest plan-by date of the case's open count windows (advisory).
    plan_by: Mapped[dt.date | None] = mapped_column(Date)
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    #: None: no date changes the evaluation before something is registered or imported.
    fresh_until: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_case_deadlines_caseworker_due", "caseworker", "next_due"),
        Index("ix_case_deadlines_team_due", "team", "next_due"),
        Index("ix_case_deadlines_next_due", "next_due"),
        Index("ix_case_deadlines_fresh_until", "fresh_until"),
        Index("ix_case_deadlines_as_of", "as_of"),
    )


class OpenMilestoneModel(Base):
    """One open milestone of an open case, in the engine's order (``position``)."""

    __tablename__ = "open_milestones"

    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    rule_id: Mapped[str] = mapped_column(String(32))
    occurrence: Mapped[int] = mapped_column(Integer)
    due: Mapped[dt.date] = mapped_column(Date)
    #: Count rules: the last day of the window (the count is taken up to it).
    window_end: Mapped[dt.date | None] = mapped_column(Date)
    plan_by: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_open_milestones_due", "due"),)


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
sync_entries = _table(SyncEntryModel)
sync_entities = _table(SyncEntityModel)
sync_held = _table(SyncHeldModel)
field_history = _table(FieldHistoryModel)
nag_records = _table(NagRecordModel)
nag_snoozes = _table(NagSnoozeModel)
audit_log = _table(AuditEntryModel)
pauses = _table(PauseModel)
exemptions = _table(ExemptionModel)
case_attributes = _table(CaseAttributeModel)
case_deadlines = _table(CaseDeadlineModel)
open_milestones = _table(OpenMilestoneModel)


def utc_now() -> dt.datetime:
    """Now, as the store keeps times: naive UTC (SQLite has no time zones)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@overload
def from_store_time(value: dt.datetime) -> dt.datetime: ...
@overload
def from_store_time(value: dt.datetime | str | None) -> dt.datetime | None: ...
def from_store_time(value: dt.datetime | str | None) -> dt.datetime | None:
    """A stored time as an aware UTC datetime, so front ends can show it in local time.

    The store keeps naive UTC: a datetime column's value, or ISO text in a key-value row
    (the team's last sync). None, or no text, is no time.
    """
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value) if value else None
    return value.replace(tzinfo=dt.UTC) if value is not None else None
