"""The audit manager (``wb.audit``): revealing a CPR number, exports, and the audit log.

Who saw or wrote out personal data is recorded in the same transaction as the act itself
(``workbench.audit`` holds the log's table writer and reader).
"""

from __future__ import annotations

import datetime as dt
import os

from workbench import audit
from workbench.audit import AuditAction, AuditEntry
from workbench.cpr import Cpr
from workbench.managers.base import Manager, case_of


class AuditManager(Manager):
    """Personal data handed out, and the log of it."""

    def reveal_cpr(self, case_id: str, *, by: str | None = None) -> str:
        """The full CPR number of a case (DDMMYY-SSSS), for a caseworker who asked to see it.

        The reveal is audited in the same transaction that reads the number, so no number is
        handed out without its audit entry committed. ``by`` defaults to the settings'
        initials. UnknownCaseError if there is no such case.
        """
        with self._database.transaction(write=True) as connection:
            case = case_of(connection, case_id)
            initials = by if by is not None else self._wb.settings.read(connection).my_initials
            audit.record(connection, AuditAction.REVEAL_CPR, initials=initials,
                         case_id=case_id)
        return Cpr(case.cpr).formatted

    def audit_export(
        self, path: str | os.PathLike[str], *, with_cpr: bool, detail: str | None = None,
    ) -> None:
        """Record a written file with personal data (a report, a list) in the audit log.

        ``with_cpr`` says that it holds full CPR numbers: a cpr_export rather than a
        report_export. Call it right after the file was written.
        """
        action = AuditAction.CPR_EXPORT if with_cpr else AuditAction.REPORT_EXPORT
        with self._database.transaction(write=True) as connection:
            audit.record(connection, action,
                         initials=self._wb.settings.read(connection).my_initials,
                         file=os.fspath(path), detail=detail)

    def audit_log(self, since: dt.date | None = None) -> list[AuditEntry]:
        """The audit log from ``since`` (a UTC day) on, or all of it, oldest first."""
        with self._database.transaction() as connection:
            return audit.entries(connection, since)
