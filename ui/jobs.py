"""The jobs the UI sends to the worker thread: plain functions of a ``Workbench``.

Each runs entirely in the worker thread and returns plain data. These are the reads: the
changes are ops (``ui.ops``) that say what they changed, and each view reads again only
that (``ui.refresh``); a whole ``Snapshot`` is read at start-up, at midnight and after an
import or a sync that brought entries.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ui.models import Owner
from workbench.bulk import collector_paused
from workbench.errors import InputError
from workbench.importing.folder import export_files_in
from workbench.nags import Nag, NagKind
from workbench.resources import available_profiles
from workbench.views import CaseDetail, CaseRow, ImportSummary, InquiryRow
from workbench.vocabulary import Channel

if TYPE_CHECKING:
    # The database layer is imported by the worker thread when it opens the database.
    from workbench.reports import ReportSummary
    from workbench.session import Workbench
    from workbench.settings import Settings

#: How many cases the demo export has: a miniteam's caseload and then some.
DEMO_CASES = 300
DEMO_SEED = 4
#: What an export folder held, file by file: its name and the SHA-256 of its content.
Fingerprint = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Snapshot:
    """Everything the main window shows, read in one go on one day."""

    today: dt.date
    settings: Settings
    #: The open cases, soonest due first (as ``Cases.caseload`` gives them).
    cases: tuple[CaseRow, ...]
    inquiries: tuple[InquiryRow, ...]
    detail: CaseDetail | None
    #: Absent colleagues I cover today, each with the open cases I cover for them.
    covers: tuple[tuple[str, frozenset[str]], ...] = ()


@dataclass(frozen=True)
class View:
    """What the window is looking at: whose inquiries and which case."""

    today: dt.date
    inquiry_owner: Owner = field(default_factory=Owner)
    case_id: str | None = None


@dataclass(frozen=True)
class StartUp:
    """What the window needs before anything else: the settings and whether there is data."""

    settings: Settings
    empty: bool
    profiles: tuple[str, ...]


def open_workbench(database: str | None) -> Workbench:
    """Open the database (in the worker thread, which also loads the database layer).

    Loading the database layer makes a few hundred thousand objects (modules, classes,
    SQLAlchemy's tables) that live as long as the program: the cycle collector is paused
    while they are made, and they are then kept out of its reach (``gc.freeze``), so that
    it does not walk them again at every full collection.
    """
    with collector_paused():
        from workbench.session import Workbench

        opened = Workbench.open(database)
    gc.freeze()
    return opened


def restore_and_open(database: Path, backup: Path) -> Workbench:
    """Put a backup in place of the damaged database (which is kept aside), then open it."""
    from workbench.session import Workbench
    from workbench.store.recovery import restore_backup

    restore_backup(database, backup)
    return Workbench.open(database)


def start_up(workbench: Workbench) -> StartUp:
    """Read the settings and whether the database is still empty."""
    return StartUp(workbench.settings.load(), workbench.cases.is_empty(),
                   tuple(available_profiles()))


def snapshot(workbench: Workbench, view: View) -> Snapshot:
    """The caseload, the inquiries and the selected case as the database has them now.

    Who has open cases (the owner filter's colleagues and teams) and the team's status are
    read after it is drawn (``owners``; the team: ``ui.teamactions``).
    """
    return Snapshot(
        today=view.today,
        settings=workbench.settings.load(),
        cases=tuple(workbench.cases.caseload(view.today)),
        inquiries=inquiries(workbench, view),
        detail=case_detail(workbench, view.case_id, view.today),
        covers=covers(workbench, view.today),
    )


def owners(workbench: Workbench) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The caseworkers and the teams that have open cases, each sorted."""
    caseworkers, teams = workbench.cases.owners()
    return tuple(caseworkers), tuple(teams)


def covers(workbench: Workbench, today: dt.date) -> tuple[tuple[str, frozenset[str]], ...]:
    """The colleagues I cover today, each with the cases of theirs I cover."""
    me = workbench.settings.load().my_initials
    if not me:
        return ()
    active = [row for row in workbench.registrations.covers(today) if row.covering == me]
    if not active:
        return ()
    covered = workbench.cases.covered_caseload(today, covering=me)
    found: dict[str, set[str]] = {row.absent: set() for row in active}
    for cover in active:
        found[cover.absent].update(
            row.case_id for row in covered
            if (cover.case_id is None and row.caseworker == cover.absent)
            or row.case_id == cover.case_id)
    return tuple((absent, frozenset(ids)) for absent, ids in sorted(found.items()))


def inquiries(workbench: Workbench, view: View) -> tuple[InquiryRow, ...]:
    """The open inquiries of the view's owner (mine, my team's, everyone's)."""
    owner = view.inquiry_owner
    return tuple(workbench.inquiries.rows(view.today, caseworker=owner.caseworker, team=owner.team))


def case_rows(workbench: Workbench, today: dt.date, case_ids: frozenset[str]) -> list[CaseRow]:
    """The list rows of ``case_ids`` (those still open): what a change to them moved."""
    return workbench.cases.caseload(today, case_ids=case_ids)


def case_detail(workbench: Workbench, case_id: str | None, today: dt.date) -> CaseDetail | None:
    """One case's detail, or None when no case is selected."""
    return workbench.cases.case_detail(case_id, today) if case_id else None


def export_files(folder: str) -> list[Path]:
    """The export files (CSV and XLSX) lying in ``folder``, by name."""
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"the export folder {folder} does not exist")
    files = export_files_in(path)
    if not files:
        raise InputError(f"the export folder {folder} holds no export files (.csv, .xlsx)")
    return files


def import_demo(workbench: Workbench, today: dt.date,
                progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Write a fictional demo export into a temporary folder, import it, add some local work.

    The local work (inquiries, notes, local events) is what the demo's inquiries view and
    case history would otherwise lack.
    """
    from workbench import demo

    folder = Path(tempfile.mkdtemp(prefix="workbench-demo-"))
    try:
        export = demo.generate(DEMO_CASES, DEMO_SEED, today)
        paths: Sequence[Path] = demo.write_export(export, folder)
        summary = workbench.imports.import_files(paths, today=today, progress=progress)
        demo.add_local_work(workbench, today, DEMO_SEED)
        return summary
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class DueNag:
    """A reminder the core says is due now, with what the UI needs to put it into words."""

    nag: Nag
    #: The citizen whose inquiry it is ("" for the digest).
    citizen: str = ""
    channel: Channel | None = None
    #: A digest with no caseload to count: "" without initials, else the initials that no
    #: open case has. None: the digest counted my caseload.
    no_caseload: str | None = None


@dataclass(frozen=True)
class NagCheck:
    """What one check of the reminders found: the nags due now and how many inquiries wait."""

    nags: tuple[DueNag, ...]
    #: My inquiries still waiting for a reply (the tray icon's tooltip says how many).
    waiting: int


def check_nags(workbench: Workbench, now: dt.datetime) -> NagCheck:
    """The reminders due at ``now`` (recorded as shown, so they do not repeat too soon).

    The core decides which; this only adds the citizen's name and the channel, so the
    reminder can say "call back Anna Jensen" rather than "inquiry 12".
    """
    from workbench.reminders import due_reminders

    nags = due_reminders(workbench, now)
    me = workbench.settings.load().my_initials or None
    waiting = {row.inquiry_id: row
               for row in workbench.inquiries.rows(now.date(), open_only=True, caseworker=me)}

    def described(nag: Nag) -> DueNag:
        if nag.kind is NagKind.DIGEST:
            return DueNag(nag, no_caseload=_uncounted(workbench, nag, me, now.date()))
        row = waiting.get(nag.inquiry_id) if nag.inquiry_id is not None else None
        if row is None:
            return DueNag(nag)
        return DueNag(nag, row.citizen_name, row.channel)

    return NagCheck(tuple(described(nag) for nag in nags), len(waiting))


def _uncounted(workbench: Workbench, digest: Nag, me: str | None, today: dt.date) -> str | None:
    """Why a morning digest has no caseload to count (see DueNag.no_caseload), if it has none."""
    if me is None:
        return ""
    if digest.red or digest.amber or workbench.cases.caseload(today, caseworker=me):
        return None
    return me


def snooze(workbench: Workbench, inquiry_id: int, until: dt.datetime) -> None:
    """Silence one inquiry's reminders until ``until``."""
    from workbench.reminders import snooze_inquiry

    snooze_inquiry(workbench, inquiry_id, until)


@dataclass(frozen=True)
class NewExport:
    """Export files in the export folder of which at least one was never imported."""

    paths: tuple[Path, ...]
    fingerprint: Fingerprint


def new_export(workbench: Workbench) -> NewExport | None:
    """The configured export folder's files if it holds a new export; None otherwise.

    Which files are new is the core's call (by content hash, against the import history);
    the fingerprint lets the UI tell a folder it already tried from one that changed since.
    """
    from workbench.reminders import new_export_files

    folder = workbench.settings.load().export_folder
    if not folder:
        return None
    try:
        paths = new_export_files(workbench, Path(folder))
        return NewExport(tuple(paths), fingerprint(paths)) if paths else None
    except OSError:
        # A file went away or is locked while being written: the next look will see.
        return None


def fingerprint(paths: Sequence[Path]) -> Fingerprint:
    """Each file's name and content hash: changes whenever any file of the folder does."""
    return tuple((path.name, hashlib.sha256(path.read_bytes()).hexdigest()) for path in paths)


def write_report(workbench: Workbench, path: Path, today: dt.date, team: str | None,
                 include_cpr: bool, progress: Callable[[int, int], None],
                 cancelled: Callable[[], bool]) -> ReportSummary:
    """Write the team lead's status workbook, as ``workbench report`` does (and audited).

    ``progress`` hears of each step; once ``cancelled`` says True the report stops with
    ReportCancelledError and writes nothing.
    """
    from workbench.reports import write_status_report

    return write_status_report(workbench, path, today, team=team, include_cpr=include_cpr,
                               progress=progress, cancelled=cancelled)
