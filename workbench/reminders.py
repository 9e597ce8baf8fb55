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
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, insert, select

from workbench.engine import Status
from workbench.errors import UnknownInquiryError
from workbench.importing.folder import export_files_in
from workbench.importing.reading import content_hash
from workbench.nags import (
    Nag,
    NagContext,
    NagKey,
    NagKind,
    OpenInquiry,
    WorkingHours,
    digest_key,
    nags_due,
)
from workbench.service import Workbench
from workbench.store.models import import_files, inquiries, nag_records, nag_snoozes

#: A file changed more recently than this may still be being copied in: wait for it.
SETTLE_TIME = dt.timedelta(seconds=60)


def reminder_context(
    workbench: Workbench, now: dt.datetime, hours: WorkingHours | None = None
) -> NagContext:
    """What the policy decides from: my open inquiries, my caseload's counts, the record."""
    settings = workbench.load_settings()
    me = settings.my_initials or None
    today = now.date()
    calendar, hours = settings.calendar(), hours or WorkingHours()
    last_shown = _last_shown(workbench)
    snoozed = _snoozes(workbench)
    waiting = [
        OpenInquiry(row.inquiry_id, row.case_id, row.due, snoozed.get(row.inquiry_id))
        for row in workbench.inquiries(today, open_only=True, caseworker=me)
    ]
    # Evaluating the caseload is the costly part, and only the digest uses it: once a day.
    counts: Counter[Status] = Counter()
    if hours.contain(now, calendar) and digest_key(today) not in last_shown:
        counts.update(row.status for row in workbench.caseload(today, caseworker=me))
    return NagContext(
        inquiries=waiting,
        red=counts[Status.RED],
        amber=counts[Status.AMBER],
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
    rows = [{"kind": key.kind.value, "subject": key.subject, "last_shown": now} for key in keys]
    with workbench.database.transaction(write=True) as connection:
        for row in rows:
            connection.execute(delete(nag_records).where(
                nag_records.c.kind == row["kind"], nag_records.c.subject == row["subject"]))
        connection.execute(insert(nag_records), rows)


def snooze_inquiry(workbench: Workbench, inquiry_id: int, until: dt.datetime) -> None:
    """Silence one inquiry's reminders until ``until`` (local time)."""
    with workbench.database.transaction(write=True) as connection:
        known = connection.execute(
            select(inquiries.c.id).where(inquiries.c.id == inquiry_id)).first()
        if known is None:
            raise UnknownInquiryError(inquiry_id)
        connection.execute(delete(nag_snoozes).where(nag_snoozes.c.inquiry_id == inquiry_id))
        connection.execute(insert(nag_snoozes), [{"inquiry_id": inquiry_id, "until": until}])


def _snoozes(workbench: Workbench) -> dict[int, dt.datetime]:
    """Every snoozed inquiry and until when."""
    with workbench.database.transaction() as connection:
        rows = connection.execute(select(nag_snoozes.c.inquiry_id, nag_snoozes.c.until)).all()
    return {inquiry_id: until for inquiry_id, until in rows}


def _last_shown(workbench: Workbench) -> dict[NagKey, dt.datetime]:
    """The record of nags shown, as the policy reads it."""
    with workbench.database.transaction() as connection:
        rows = connection.execute(
            select(nag_records.c.kind, nag_records.c.subject, nag_records.c.last_shown)).all()
    return {NagKey(NagKind(kind), subject): shown for kind, subject, shown in rows}


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
    with workbench.database.transaction() as connection:
        known = set(connection.execute(select(import_files.c.content_hash)).scalars())
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
