"""The jobs the UI sends to the worker thread: plain functions of a ``Workbench``.

Each runs entirely in the worker thread and returns plain data. A change (an event, a
note, an inquiry, an import) is followed in the same job by a fresh ``Snapshot``, so the
lists the UI shows next are exactly what the database holds after the change.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ui.models import Owner
from workbench.errors import InputError
from workbench.resources import available_profiles
from workbench.views import CaseDetail, CaseRow, ImportSummary, InquiryRow
from workbench.vocabulary import Channel, EventKind

if TYPE_CHECKING:
    # The database layer is imported by the worker thread when it opens the database.
    from workbench.service import Settings, Workbench

#: How many cases the demo export has: a miniteam's caseload and then some.
DEMO_CASES = 300
DEMO_SEED = 4
#: The files an export folder may hold.
EXPORT_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Snapshot:
    """Everything the main window shows, read in one go on one day."""

    today: dt.date
    settings: Settings
    cases: tuple[CaseRow, ...]
    caseworkers: tuple[str, ...]
    teams: tuple[str, ...]
    inquiries: tuple[InquiryRow, ...]
    detail: CaseDetail | None


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
    """Open the database (in the worker thread, which also loads the database layer)."""
    from workbench.service import Workbench

    return Workbench.open(database)


def start_up(workbench: Workbench) -> StartUp:
    """Read the settings and whether the database is still empty."""
    return StartUp(workbench.load_settings(), workbench.is_empty(), tuple(available_profiles()))


def snapshot(workbench: Workbench, view: View) -> Snapshot:
    """The caseload, the inquiries and the selected case as the database has them now."""
    return Snapshot(
        today=view.today,
        settings=workbench.load_settings(),
        cases=tuple(workbench.caseload(view.today)),
        caseworkers=tuple(workbench.caseworkers()),
        teams=tuple(workbench.teams()),
        inquiries=inquiries(workbench, view),
        detail=case_detail(workbench, view.case_id, view.today),
    )


def inquiries(workbench: Workbench, view: View) -> tuple[InquiryRow, ...]:
    """The open inquiries of the view's owner (mine, my team's, everyone's)."""
    owner = view.inquiry_owner
    return tuple(workbench.inquiries(view.today, caseworker=owner.caseworker, team=owner.team))


def case_detail(workbench: Workbench, case_id: str | None, today: dt.date) -> CaseDetail | None:
    """One case's detail, or None when no case is selected."""
    return workbench.case_detail(case_id, today) if case_id else None


def register_event(workbench: Workbench, view: View, kind: EventKind, on: dt.date,
                   by: str) -> Snapshot:
    """Register a local event on the view's case, then read everything again."""
    assert view.case_id is not None
    workbench.register_event(view.case_id, kind, on, by=by)
    return snapshot(workbench, view)


def add_note(workbench: Workbench, view: View, text: str, by: str) -> Snapshot:
    """Add a note to the view's case, then read everything again."""
    assert view.case_id is not None
    workbench.add_note(view.case_id, text, by=by)
    return snapshot(workbench, view)


def add_inquiry(workbench: Workbench, view: View, case_id: str, channel: Channel,
                received: dt.date, by: str) -> Snapshot:
    """Register an inquiry on ``case_id``, then read everything again."""
    workbench.add_inquiry(case_id, channel, received, by=by)
    return snapshot(workbench, view)


def answer_inquiry(workbench: Workbench, view: View, inquiry_id: int, answered_on: dt.date,
                   by: str) -> Snapshot:
    """Register the reply to an inquiry, then read everything again."""
    workbench.answer_inquiry(inquiry_id, answered_on, by=by)
    return snapshot(workbench, view)


def save_settings(workbench: Workbench, view: View, settings: Settings) -> Snapshot:
    """Store the settings, then read everything again (the amber window may have changed)."""
    workbench.save_settings(settings)
    return snapshot(workbench, view)


def export_files(folder: str) -> list[Path]:
    """The export files (CSV and XLSX) lying in ``folder``, by name."""
    path = Path(folder)
    if not path.is_dir():
        raise InputError(f"the export folder {folder} does not exist")
    files = sorted(p for p in path.iterdir()
                   if p.is_file() and p.suffix.lower() in EXPORT_SUFFIXES)
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
        summary = workbench.import_files(paths, today=today, progress=progress)
        demo.add_local_work(workbench, today, DEMO_SEED)
        return summary
    finally:
        shutil.rmtree(folder, ignore_errors=True)
