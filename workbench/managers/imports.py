"""The imports manager (``wb.imports``): central export files into the case tables."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from workbench import audit
from workbench.audit import AuditAction
from workbench.managers.base import Manager
from workbench.store.models import import_files as imported_files
from workbench.sync.replica import Replica
from workbench.views import ImportSummary

if TYPE_CHECKING:
    from workbench.importing.dryrun import ImportPreview

#: Operations and counts only: never a name or a CPR number (workbench.logs masks any).
log = logging.getLogger(__name__)


class ImportManager(Manager):
    """Importing the central export, previewing an import, and what was imported."""

    def import_files(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        today: dt.date,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Import central export files (see ``workbench.importing.importer``).

        An import that changed the store is audited in its own transaction; files that were
        imported already change nothing and leave no entry.
        """
        # The import is loaded when first used: the window opens without it.
        from workbench.importing.importer import import_files

        current = self._wb.settings.load()

        def record_import(connection: Connection, summary: ImportSummary) -> None:
            audit.record(connection, AuditAction.IMPORT, initials=current.my_initials,
                         file=", ".join(summary.files), detail=_import_counts(summary))

        summary = import_files(self._database, [Path(p) for p in paths], today=today,
                               force=force, threshold=current.truncation_threshold,
                               progress=progress, audit=record_import)
        log.info("imported %s: %s%s", ", ".join(summary.files), _import_counts(summary),
                 " (unchanged: imported before)" if summary.unchanged else "")
        # Teammates' work on cases this export brings in was parked until now.
        with self._database.transaction(write=True) as connection:
            Replica(connection).apply_parked()
        return summary

    def preview_import(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        today: dt.date,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportPreview:
        """What importing ``paths`` would do, with nothing changed (``importing.dryrun``)."""
        from workbench.importing.dryrun import preview_import

        threshold = self._wb.settings.load().truncation_threshold
        return preview_import(self._database, [Path(p) for p in paths], today=today,
                              force=force, threshold=threshold, progress=progress)

    def imported_hashes(self) -> set[str]:
        """The SHA-256 of every file ever imported (by content)."""
        with self._database.transaction() as connection:
            return set(connection.execute(select(imported_files.c.content_hash)).scalars())


def _import_counts(summary: ImportSummary) -> str:
    """What an import did, in counts only: the audit log's detail holds no personal data."""
    return (f"new {summary.new}, updated {summary.updated}, closed {summary.closed}, "
            f"reopened {summary.reopened}, events added {summary.events_added}, "
            f"rejected rows {len(summary.rejected)}")
