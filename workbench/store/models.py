"""The tables of the store, as SQLAlchemy Core tables on one ``metadata``.

The tables document the schema and give Alembic something to compare the migrations with;
the import and the service work on them with SQLAlchemy Core, because bulk executemany is
what makes a 10⁵-row export import in seconds. Core tables, not ORM models: the ORM (its
import and the mapping of twenty classes, some 0.08 s) would be loaded at every start of
the window and the command line, and nothing here maps rows to objects.

Enums are stored as their values (the Danish words), dates as dates, times as naive UTC.
CPR numbers are stored as their ten digits: they are masked on the way out, not in the store.
"""

from __future__ import annotations

import datetime as dt
from typing import overload

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

SOURCE_CENTRAL = "central"
SOURCE_LOCAL = "local"


#: Every table of the store (Alembic's ``target_metadata``).
metadata = MetaData()


#: One case (sag) from the central export; closed_on is set once it leaves the snapshot.
cases = Table(
    "cases", metadata,
    Column("case_id", String(64), primary_key=True),
    Column("cpr", String(10), nullable=False),
    Column("name", String(200), nullable=False),
    Column("scheme", String(32), nullable=False),
    Column("caseworker", String(100), nullable=False),
    Column("team", String(100)),
    Column("start", Date, nullable=False),
    #: The closing date: the export's Afsluttet, or the export date it went missing on.
    Column("closed_on", Date),

    Index("ix_cases_caseworker", "caseworker"),
    Index("ix_cases_team", "team"),
)


#: An event on a case; (case, date, kind) is unique, whichever side registered it.
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), ForeignKey("cases.case_id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("kind", String(32), nullable=False),
    #: "central" (from an export) or "local" (registered in the workbench).
    Column("source", String(8), nullable=False),
    Column("registered_by", String(100)),
    Column("registered_at", DateTime),
    #: A local event that a later export also contained.
    Column("confirmed", Boolean, default=False, nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id")),
    #: The team entity of a local event (see workbench.sync); None for a central-only event.
    Column("entity_id", String(36)),

    # A unique index rather than a UNIQUE constraint: an import into an empty store builds
    # it after the rows (store.bulk.indexes_deferred), which SQLite cannot do for a
    # constraint's index. On SQLite the entity index holds only the events that have an
    # entity id: the local ones (an export's events have none). (Not said for PostgreSQL:
    # a postgresql_ option loads its dialect at every start; its index keeps the NULLs.)
    Index("uq_events_case_date_kind", "case_id", "date", "kind", unique=True),
    Index("ix_events_entity_id", "entity_id", unique=True,
          sqlite_where=text("entity_id IS NOT NULL")),
    CheckConstraint("source IN ('central', 'local')", name="ck_events_source"),
)


#: A citizen's inquiry (henvendelse) on a case; open until answered_on is set.
inquiries = Table(
    "inquiries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), ForeignKey("cases.case_id"), index=True, nullable=False),
    Column("channel", String(8), nullable=False),
    Column("received", Date, nullable=False),
    Column("answered_on", Date),
    Column("registered_by", String(100), nullable=False),
    Column("registered_at", DateTime, nullable=False),
    Column("answered_by", String(100)),
    #: The inquiry's team entity: the same on every team member's replica.
    Column("entity_id", String(36), unique=True, index=True),
)


#: A caseworker's note on a case.
notes = Table(
    "notes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), ForeignKey("cases.case_id"), index=True, nullable=False),
    Column("written_at", DateTime, nullable=False),
    Column("author", String(100), nullable=False),
    Column("text", Text, nullable=False),
    #: The note's team entity: the same on every team member's replica.
    Column("entity_id", String(36), unique=True, index=True),
)


#: One import run and what it did (the import history).
imports = Table(
    "imports", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("imported_at", DateTime, nullable=False),
    #: The export date (--today): the closing date of the cases missing from the snapshot.
    Column("export_date", Date, nullable=False),
    Column("forced", Boolean, default=False, nullable=False),
    Column("new", Integer, default=0, nullable=False),
    Column("updated", Integer, default=0, nullable=False),
    Column("closed", Integer, default=0, nullable=False),
    Column("reopened", Integer, default=0, nullable=False),
    Column("events_added", Integer, default=0, nullable=False),
    Column("events_confirmed", Integer, default=0, nullable=False),
    Column("rejected", Integer, default=0, nullable=False),
)


#: A file of an import: its name, content hash, what it held and how many rows.
import_files = Table(
    "import_files", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_id", Integer, ForeignKey("imports.id"), index=True, nullable=False),
    Column("file_name", String(260), nullable=False),
    Column("content_hash", String(64), nullable=False),
    #: "cases" or "events" (an XLSX file may hold both: one row per table found).
    Column("content", String(8), nullable=False),
    Column("rows", Integer, default=0, nullable=False),
)


#: A row an import did not take, with where it was and why.
rejected_rows = Table(
    "rejected_rows", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_id", Integer, ForeignKey("imports.id"), index=True, nullable=False),
    Column("file", String(300), nullable=False),
    Column("line", Integer, nullable=False),
    Column("field", String(100)),
    Column("reason", Text, nullable=False),
)


#: One setting, its value JSON-encoded.
settings = Table(
    "settings", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)


#: A team entry (workbench.sync): every local change, and every one received from the team.
#:
#: Local entries not yet sent are the outbox (``pending``). Entries are never changed or
#: deleted; their id makes receiving one twice a no-op.
sync_entries = Table(
    "sync_entries", metadata,
    Column("entry_id", String(36), primary_key=True),
    Column("author", String(100), nullable=False),
    #: Hybrid logical clock timestamp, as text whose string order is the clock's order.
    Column("hlc", String(64), index=True, nullable=False),
    Column("entity_type", String(16), nullable=False),
    Column("entity_id", String(36), index=True, nullable=False),
    #: Not a foreign key: an entry may name a case this database does not know yet.
    Column("case_id", String(64), index=True),
    #: The entry's attribute and field values, as a JSON object.
    Column("payload", Text, nullable=False),
    #: Made here (True) or received from a teammate (False).
    Column("local", Boolean, nullable=False),
    #: A local entry not yet sent to the team: the outbox.
    Column("pending", Boolean, index=True, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    #: The replica (clock node) that made the entry, and its number there: 1, 2, 3, ...
    #: without gaps, so a receiver sees when one is missing (None for entries made before).
    Column("node", String(32)),
    Column("seq", Integer),
    #: Per field written, the timestamp of the value its author saw (JSON; None: unknown).
    Column("bases", Text),

    Index("ix_sync_entries_node_seq", "node", "seq"),
)


#: A teammate's entry that is not applied: invalid (quarantined), newer, or from the future.
#:
#: ``reason`` is ``invalid`` (kept until a person drops it), ``newer`` (a newer format
#: version: tried again after an upgrade) or ``ahead`` (its clock is more than the allowed
#: drift ahead of ours: tried again at each sync). ``envelope`` is the entry as received.
sync_held = Table(
    "sync_held", metadata,
    Column("entry_id", String(36), primary_key=True),
    Column("reason", String(16), index=True, nullable=False),
    #: A message key of workbench.messages.sync saying what is wrong (no personal data).
    Column("problem", String(64), nullable=False),
    Column("detail", String(200), nullable=False),
    Column("member", String(100), nullable=False),
    Column("author", String(100), nullable=False),
    Column("node", String(32)),
    Column("seq", Integer),
    Column("envelope", Text, nullable=False),
    Column("held_at", DateTime, nullable=False),
)


#: A team entity (conversation, note, inquiry, cover) and its fixed attributes.
#:
#: ``parked`` while its case is unknown here (a teammate imported a newer export): it is
#: applied to the case tables when an import brings the case.
sync_entities = Table(
    "sync_entities", metadata,
    Column("entity_id", String(36), primary_key=True),
    Column("entity_type", String(16), nullable=False),
    Column("case_id", String(64), index=True),
    #: The attributes as a JSON object, from the earliest entry that carried them.
    Column("attributes", Text, nullable=False),
    Column("attributes_hlc", String(64), nullable=False),
    Column("parked", Boolean, default=False, index=True, nullable=False),
)


#: Every value a team entity's field was ever given, by whom and when.
#:
#: The value with the latest timestamp is the field's value (``superseded_by`` None); each
#: other one names the timestamp of the value that came next. Nothing is dropped.
field_history = Table(
    "field_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(36), nullable=False),
    Column("entity_type", String(16), nullable=False),
    Column("field", String(32), nullable=False),
    #: The value as JSON text.
    Column("value", Text, nullable=False),
    Column("author", String(100), nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("entry_id", String(36), nullable=False),
    Column("superseded_by", String(64)),
    #: The timestamp of the value the author saw when writing this one ('' for none; None
    #: unknown): a value written without having seen an older one is a concurrent change.
    Column("base_hlc", String(64)),

    UniqueConstraint("entity_id", "field", "entry_id", name="uq_field_history_write"),
    Index("ix_field_history_entity_field", "entity_id", "field"),
    Index("ix_field_history_entry_id", "entry_id"),
)


#: When each reminder was last shown, so none repeats within its interval after a restart.
#:
#: Times are the local wall clock (naive): working hours are local hours.
nag_records = Table(
    "nag_records", metadata,
    Column("kind", String(16), primary_key=True),
    Column("subject", String(64), primary_key=True),
    Column("last_shown", DateTime, nullable=False),
)


#: An inquiry whose reminders are silenced until a chosen local time.
nag_snoozes = Table(
    "nag_snoozes", metadata,
    Column("inquiry_id", Integer, ForeignKey("inquiries.id", ondelete="CASCADE"), primary_key=True),
    Column("until", DateTime, nullable=False),
)


#: Who did what with personal data, and when: revealed a CPR number, imported, exported.
#:
#: Append-only: the core has no way to change or remove an entry, and a database trigger
#: (migration 0004) refuses UPDATE and DELETE. It names the case or the file, never the CPR
#: number itself.
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    #: Naive UTC, like every time in the store.
    Column("at", DateTime, index=True, nullable=False),
    #: The operating system's login name of whoever did it.
    Column("os_user", String(100), nullable=False),
    #: The caseworker's initials from the settings ("" while none are set).
    Column("initials", String(100), nullable=False),
    #: reveal_cpr, import, report_export or cpr_export (workbench.audit.AuditAction).
    Column("action", String(32), nullable=False),
    Column("case_id", String(64)),
    Column("file", String(500)),
    #: A short description without personal data (counts, the team of a report).
    Column("detail", String(300)),
)


#: A pause of a case's deadlines, from ``starts`` to ``ends`` (None: still on).
#:
#: Local work, shared with the team (workbench.sync) and never touched by an import; a
#: withdrawn pause (registered in error) is kept, marked, and no longer moves any deadline.
pauses = Table(
    "pauses", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), ForeignKey("cases.case_id"), index=True, nullable=False),
    Column("starts", Date, nullable=False),
    Column("ends", Date),
    #: The key of a pause reason in the rule profile's [[reason]] list.
    Column("reason", String(64), nullable=False),
    Column("registered_by", String(100), nullable=False),
    Column("registered_at", DateTime, nullable=False),
    Column("withdrawn", Boolean, default=False, nullable=False),
    #: The pause's team entity: the same on every team member's replica.
    Column("entity_id", String(36), unique=True, index=True, nullable=False),
)


#: A case exempted from one rule, with the reason from the profile's list.
exemptions = Table(
    "exemptions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), ForeignKey("cases.case_id"), index=True, nullable=False),
    Column("rule_id", String(32), nullable=False),
    Column("reason", String(64), nullable=False),
    Column("registered_by", String(100), nullable=False),
    Column("registered_at", DateTime, nullable=False),
    Column("withdrawn", Boolean, default=False, nullable=False),
    Column("entity_id", String(36), unique=True, index=True, nullable=False),
)


#: A case attribute (maalgruppe, beskaeftiget, kategori) from the export or set here.
#:
#: The export's value and the caseworker's own are kept apart: the local one wins, and an
#: import only ever replaces the central one (and only when its file has the column).
case_attributes = Table(
    "case_attributes", metadata,
    Column("case_id", String(64), ForeignKey("cases.case_id"), primary_key=True),
    Column("name", String(32), primary_key=True),
    #: "central" (from an export) or "local" (set in the workbench).
    Column("source", String(8), primary_key=True),
    #: Lower-case, as rule conditions compare it.
    Column("value", String(100), nullable=False),

    CheckConstraint("source IN ('central', 'local')", name="ck_case_attributes_source"),
)


#: An open case's deadlines as the engine worked them out (workbench.deadlines).
#:
#: Stored so that red / amber / green is a comparison of ``next_due`` with today, on an
#: index, instead of an evaluation of every case. The row holds for every day from
#: ``as_of`` up to the day before ``fresh_until``: on that day something the engine reads
#: by date changes (a count window ends, a rule comes into force, a future event counts).
#: ``as_of`` None marks a row not evaluated yet (a database that migrated to it); an open
#: case without a row is not evaluated yet either (an import into an empty store writes none).
case_deadlines = Table(
    "case_deadlines", metadata,
    #: No foreign key: the rows are derived, every read joins them to ``cases``, and
    #: whatever replaces cases wholesale (a test's reset, a tool) need not know of them.
    Column("case_id", String(64), primary_key=True),
    #: The case's owner, copied here so that one index answers "caseworker X's red cases".
    Column("caseworker", String(100), nullable=False),
    Column("team", String(100)),
    #: The earliest due date of the open milestones; None when none is open (green).
    Column("next_due", Date),
    #: The rule of the open milestone that falls due first (ties: profile order).
    Column("rule_id", String(32)),
    #: The earliest plan-by date of the case's open count windows (advisory).
    Column("plan_by", Date),
    Column("as_of", Date),
    #: None: no date changes the evaluation before something is registered or imported.
    Column("fresh_until", Date),

    Index("ix_case_deadlines_caseworker_due", "caseworker", "next_due"),
    Index("ix_case_deadlines_team_due", "team", "next_due"),
    Index("ix_case_deadlines_next_due", "next_due"),
    Index("ix_case_deadlines_fresh_until", "fresh_until"),
    Index("ix_case_deadlines_as_of", "as_of"),
)


#: One open milestone of an open case, in the engine's order (``position``).
open_milestones = Table(
    "open_milestones", metadata,
    Column("case_id", String(64), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("rule_id", String(32), nullable=False),
    Column("occurrence", Integer, nullable=False),
    Column("due", Date, nullable=False),
    #: Count rules: the last day of the window (the count is taken up to it).
    Column("window_end", Date),
    Column("plan_by", Date),

    Index("ix_open_milestones_due", "due"),
)


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
