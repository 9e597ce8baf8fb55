"""The audit log: who saw or moved personal data, when, and which case or file.

Revealing a CPR number, importing an export and writing a report or any other file with
personal data each leave one entry. Entries are only ever added: this module offers no way
to change or remove one, and the database itself refuses UPDATE and DELETE on the table
(migration 0004). An entry names the case or the file, never the CPR number.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, select

from workbench.store.models import audit_log, from_store_time, utc_now


class AuditAction(StrEnum):
    """What was done with personal data."""

    #: A full CPR number was shown on screen.
    REVEAL_CPR = "reveal_cpr"
    #: A central export was imported.
    IMPORT = "import"
    #: A report with masked CPR numbers (names and case facts are still personal data).
    REPORT_EXPORT = "report_export"
    #: A report or other file with full CPR numbers.
    CPR_EXPORT = "cpr_export"
    #: A case's deadlines paused, a pause ended or withdrawn (the detail says which).
    PAUSE = "pause"
    #: A case exempted from a rule, or the exemption withdrawn.
    EXEMPTION = "exemption"
    #: A case attribute set or cleared here (Målgruppe, Beskæftiget, Kategori).
    CASE_ATTRIBUTE = "case_attribute"
    #: A local event was withdrawn (wb.registrations), with a reason the team receives.
    WITHDRAW_EVENT = "withdraw_event"
    #: A note was given a new text, or deleted.
    EDIT_NOTE = "edit_note"
    DELETE_NOTE = "delete_note"
    #: A colleague's cover was cancelled, or put back.
    CANCEL_COVER = "cancel_cover"
    ASSIGN_COVER = "assign_cover"
    #: The database was replaced by a backup (restore-backup --force on an intact one).
    RESTORE_BACKUP = "restore_backup"


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    entry_id: int
    #: When, as an aware UTC time.
    at: dt.datetime
    os_user: str
    initials: str
    action: AuditAction
    case_id: str | None
    file: str | None
    detail: str | None


def os_user() -> str:
    """The operating system's login name; "unknown" where the system cannot tell."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no USER variable and no password database entry
        return "unknown"


def record(
    connection: Connection,
    action: AuditAction,
    *,
    initials: str,
    case_id: str | None = None,
    file: str | None = None,
    detail: str | None = None,
) -> None:
    """Add an entry in the caller's transaction, so it commits exactly when the action does."""
    connection.execute(audit_log.insert().values(
        at=utc_now(), os_user=os_user(), initials=initials.strip(), action=action.value,
        case_id=case_id, file=file, detail=detail,
    ))


def entries(connection: Connection, since: dt.date | None = None) -> list[AuditEntry]:
    """The entries from ``since`` (a UTC day) on, or all of them, oldest first."""
    query = select(audit_log).order_by(audit_log.c.id)
    if since is not None:
        query = query.where(audit_log.c.at >= dt.datetime.combine(since, dt.time()))
    return [
        AuditEntry(
            entry_id=row.id, at=from_store_time(row.at), os_user=row.os_user, initials=row.initials,
            action=AuditAction(row.action), case_id=row.case_id, file=row.file,
            detail=row.detail,
        )
        for row in connection.execute(query)
    ]
