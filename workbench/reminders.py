"""Reminders from the store: the nag policy fed with the caseworker's own inquiries and cases.

The policy (``workbench.nags``) is pure; this module gives it the open inquiries, the red and
amber counts and the record of nags already shown, and writes the record back, so that no
reminder repeats within its interval across restarts. It also finds a new export in the
export folder, which the scheduler imports exactly once.

Nag times are the local wall clock: working hours are local hours.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path

from workbench.importing.folder import export_files_in
from workbench.importing.reading import content_hash
from workbench.nags import (
    Nag,
    NagContext,
    NagKey,
    OpenInquiry,
    WorkingHours,
    digest_key,
    nags_due,
)
from workbench.session import Workbench

#: A file changed more recently than this may still be being copied in: wait for it.
SETTLE_TIME = dt.timedelta(seconds=60)


def reminder_context(
    workbench: Workbench, now: dt.datetime, hours: WorkingHours | None = None
) -> NagContext:
    """What the policy decides from: my open inquiries, my caseload's counts, the record."""
    settings = workbench.settings.load()
    me = settings.my_initials or None
    today = now.date()
    calendar, hours = settings.calendar(), hours or WorkingHours()
    last_shown = workbench.inquiries.nags_shown()
    snoozed = workbench.inquiries.snoozes()
    waiting = [
        OpenInquiry(row.inquiry_id, row.case_id, row.due, snoozed.get(row.inquiry_id))
        for row in workbench.inquiries.rows(today, open_only=True, caseworker=me)
    ]
    # Only the digest uses the counts (once a day): one indexed count of the stored deadlines.
    red = amber = 0
    if hours.contain(now, calendar) and digest_key(today) not in last_shown:
        red, amber, _green = workbench.deadlines.counts(today, settings.amber_days,
                                                        caseworker=me)
    return NagContext(
        inquiries=waiting,
        red=red,
        amber=amber,
        last_shown=last_shown,
        calendar=calendar,
        hours=hours,
    )


def due_reminders(
    workbench: Workbench, now: dt.datetime, *, record: bool = True,
    hours: WorkingHours | None = None,
) -> list[Nag]:
    """The nags due at ``now``; recorded as shown unless ``record`` is False."""
    nags = nags_due(now, reminder_context(workbench, now, hours))
    if record and nags:
        record_shown(workbench, (nag.key for nag in nags), now)
    return nags


def record_shown(workbench: Workbench, keys: Iterable[NagKey], now: dt.datetime) -> None:
    """Remember that these nags were shown at ``now``."""
    workbench.inquiries.record_nags_shown(keys, now)


def snooze_inquiry(workbench: Workbench, inquiry_id: int, until: dt.datetime) -> None:
    """Silence one inquiry's reminders until ``until`` (local time)."""
    workbench.inquiries.snooze(inquiry_id, until)


def new_export_files(
    workbench: Workbench, folder: Path, now: dt.datetime | None = None
) -> list[Path]:
    """The folder's export files if any of them was never imported (by content); else none.

    The whole folder is returned, not only the new file: a new cases snapshot is imported
    together with the events file beside it, as the caseworker's F5 would. Nothing is
    returned while any file changed within SETTLE_TIME of ``now``: a half-copied export
    must not be imported (the next check takes it once it has settled).
    """
    if not folder.is_dir():
        return []
    files = export_files_in(folder)
    newest_allowed = (now or dt.datetime.now()).timestamp() - SETTLE_TIME.total_seconds()
    if any(path.stat().st_mtime > newest_allowed for path in files):
        return []
    known = workbench.imports.imported_hashes()
    if all(_content_hash(path) in known for path in files):
        return []
    return files


def _content_hash(path: Path) -> str:
    """The hash of a file as the import records it; read again only once changed.

    The export-folder job asks every 10 minutes, and the folder may be on a network drive
    with big exports in it: a file whose size and modification time are as they were is not
    read again.
    """
    status = path.stat()
    return _hash_as_it_was(path, status.st_size, status.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _hash_as_it_was(path: Path, size: int, modified_ns: int) -> str:
    """The hash of ``path`` as it was at ``size`` bytes, last modified at ``modified_ns``."""
    return content_hash(path)
