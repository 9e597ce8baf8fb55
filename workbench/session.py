"""The workbench session: one open case store, with one manager per concept on it.

The one API the desktop UI and the command line share, as Anki's ``Collection`` is: the
session opens and closes the store; ``wb.settings``, ``wb.cases``, ``wb.registrations``,
``wb.inquiries``, ``wb.imports``, ``wb.team``, ``wb.audit``, ``wb.reports``, ``wb.pauses``
and ``wb.attributes`` (``workbench.managers`` and beside it) do the work, each the only code
that touches its tables. Plain dataclasses go in and out (``workbench.views``); no SQL, no Qt.

A ``Workbench`` is used from one thread at a time; each call is one database transaction.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from workbench.attributes import CaseAttributes
from workbench.deadlines import Deadlines
from workbench.errors import StoreError
from workbench.managers.audit import AuditManager
from workbench.managers.cases import CaseManager
from workbench.managers.imports import ImportManager
from workbench.managers.inquiries import InquiryManager
from workbench.managers.registrations import RegistrationManager
from workbench.managers.reports import ReportManager
from workbench.managers.settings import SettingsManager
from workbench.managers.team import TeamManager
from workbench.pauses import Pauses
from workbench.siteconfig import SiteDefaults, load_site_defaults
from workbench.store.database import Database, refuse_network_file, resolve_url
from workbench.store.integrity import ShutdownRecord
from workbench.store.recovery import ensure_intact

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: Operations and counts only: never a name or a CPR number (workbench.logs masks any).
log = logging.getLogger(__name__)


class Workbench:
    """One open case store and everything a caseworker does with it."""

    def __init__(self, database: Database, site: SiteDefaults | None = None) -> None:
        self._database = database
        #: IT's machine-wide defaults (a broken file is refused here, naming file and key).
        self._site = site if site is not None else load_site_defaults()
        #: The SQLite file's clean-close record (set by ``open``; None for PostgreSQL).
        self._shutdown_record: ShutdownRecord | None = None
        #: The user's settings (workbench.settings holds the dataclass).
        self.settings = SettingsManager(self)
        #: The cases as the lists and the case panel show them.
        self.cases = CaseManager(self)
        #: Registrations, notes, covers and their audited corrections.
        self.registrations = RegistrationManager(self)
        #: Citizens' inquiries and the nags' bookkeeping.
        self.inquiries = InquiryManager(self)
        #: Importing the central export.
        self.imports = ImportManager(self)
        #: The mini-team: joining, syncing, history (workbench.sync).
        self.team = TeamManager(self)
        #: Revealed CPR numbers, exports and the audit log.
        self.audit = AuditManager(self)
        #: What the team lead's report reads.
        self.reports = ReportManager(self)
        #: Pauses and exemptions (workbench.pauses), checked against the active profile.
        self.pauses = Pauses(database, self.settings.profile_of)
        #: Case attributes set here (workbench.attributes).
        self.attributes = CaseAttributes(database)
        #: Each open case's open milestones, stored and kept in step with every change.
        self.deadlines = Deadlines(database, self.settings.rules_of, self.cases.evaluated_cases)

    @classmethod
    def open(cls, url_or_path: str | os.PathLike[str] | None = None) -> Workbench:
        """Open (and migrate) a store; None means WORKBENCH_DB or the per-user database.

        NetworkDatabaseError for a SQLite file on a network share: a team shares its work
        through a shared folder of batch files, never by sharing the live database.
        CorruptDatabaseError, naming the latest intact backup, for a damaged SQLite file:
        the file is checked when ``workbench.store.integrity`` finds cause (an unclean
        shutdown, a change since the clean close, a week since the last check), and whenever
        it cannot be opened.
        """
        url = resolve_url(url_or_path)
        record, reason = None, None
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            path = Path(str(url.database))
            # Refused before the integrity check, which would read the file over the network.
            refuse_network_file(path, url_or_path)
            record = ShutdownRecord(path)
            reason = record.reason_to_check()
            if reason is not None:
                log.info("checking the database for damage: %s", reason)
                ensure_intact(path)
        try:
            opened = cls(Database.open(url_or_path))
        except StoreError:
            if record is not None and reason is None:
                ensure_intact(record.database)  # damage the file's metadata did not show
            raise
        if record is not None:
            record.opened(checked=reason is not None)
            opened._shutdown_record = record
        log.info("opened the database %s", url.render_as_string(hide_password=True))
        return opened

    @property
    def database(self) -> Database:
        """The store underneath (for tools and tests)."""
        return self._database

    def reading(self) -> contextlib.AbstractContextManager[Connection]:
        """A unit of work for several reads that must see one snapshot of the store."""
        return self._database.reading()

    @property
    def site(self) -> SiteDefaults:
        """IT's machine-wide defaults (``workbench.siteconfig``)."""
        return self._site

    def close(self) -> None:
        """Release the database connections; a SQLite file records its clean close."""
        self._database.dispose()
        if self._shutdown_record is not None:
            self._shutdown_record.closed()
            self._shutdown_record = None

    def __enter__(self) -> Workbench:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()
