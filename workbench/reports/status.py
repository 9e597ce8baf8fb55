"""The team lead's weekly status workbook: gather from the service, then write the sheets.

The figures are the caseworkers' own: every status, due date and milestone comes from
``wb.cases.evaluated_cases`` — the same query and the same ``evaluate_case`` call as the
lists and ``workbench status`` — and every inquiry deadline from ``wb.inquiries``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import struct
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl.writer.excel import ExcelWriter

from workbench.bulk import collector_paused
from workbench.errors import InputError, WorkbenchError, WriteError
from workbench.managers.cases import EvaluatedCase
from workbench.reports import figures, lists, sheets
from workbench.reports.periods import earliest_needed, earliest_timeliness
from workbench.reports.tables import Heading, ReportBook
from workbench.resources import load_named_profile
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.views import InquiryRow

#: The title on every printed page of the report.
TITLE = "Status for teamleder"
#: The steps a report reports its progress in: reading, figures, the seven sheets, saving.
STEPS = 10
#: Told each step done as (done, STEPS).
Progress = Callable[[int, int], None]
#: Asked between steps, and every few thousand rows of a sheet: True stops the report.
Cancelled = Callable[[], bool]


class ReportCancelledError(WorkbenchError):
    """The report was cancelled while it was being made; no file was written or replaced."""

    def __init__(self) -> None:
        super().__init__(key="report.cancelled")


@dataclass
class Steps:
    """Counts a report's steps off to ``progress``; stops it once ``cancelled`` says so."""

    progress: Progress | None = None
    cancelled: Cancelled | None = None
    done: int = 0

    def check(self) -> None:
        """Raise ReportCancelledError if the report has been cancelled."""
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelledError

    def step(self) -> None:
        """One more step is done: say so, unless the report has been cancelled meanwhile."""
        self.check()
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, STEPS)


@dataclass(frozen=True)
class ReportSummary:
    """What a written report holds, for the command line's message and the UI's."""

    path: Path
    today: dt.date
    team: str | None
    open_cases: int
    red: int
    amber: int
    green: int
    sample_seed: int
    sample_size: int
    include_cpr: bool


@dataclass(frozen=True)
class ReportData:
    """Everything the workbook is written from, read from the store in one go."""

    today: dt.date
    team: str | None
    include_cpr: bool
    settings: Settings
    #: Open cases and those closed since the earliest day any figure looks back to.
    cases: Sequence[EvaluatedCase]
    #: Every inquiry of the team's cases, answered or not.
    inquiries: Sequence[InquiryRow]
    sample_seed: int


def gather(
    workbench: Workbench,
    today: dt.date,
    *,
    team: str | None = None,
    include_cpr: bool = False,
    sample_seed: int | None = None,
) -> ReportData:
    """Read the cases, inquiries and settings the report needs; InputError for an unknown team."""
    reads = workbench.reports.read(today, team=team, closed_since=earliest_needed(today))
    return ReportData(
        today=today,
        team=team,
        include_cpr=include_cpr,
        settings=reads.settings,
        cases=reads.cases,
        inquiries=reads.inquiries,
        sample_seed=lists.default_sample_seed(today) if sample_seed is None else sample_seed,
    )


def write_workbook(data: ReportData, path: Path, steps: Steps | None = None) -> ReportSummary:
    """Write the seven sheets to ``path``, replacing it only once the new file is complete.

    The temporary file is made first: write-only sheets stream to disk as they are written,
    and a workbook that could not be saved would leave them dangling. The cycle collector is
    paused meanwhile (``workbench.bulk``): the report's rows and figures live until the file
    is written, and each collection they set off would walk the whole caseload for nothing.
    ``steps`` hears of each sheet written and of the save; cancelled, nothing is written.
    """
    steps = steps or Steps()
    try:
        with _replacing(path) as stream, collector_paused():
            book = _new_book(data, steps)
            try:
                summary = _build(book, data, path, steps)
                steps.check()
            except BaseException:
                _discard(book)
                raise
            _save(book, stream)
            steps.step()
    except OSError as error:  # a full disk, most likely: say which file, and that it is safe
        raise WriteError(str(path), error) from None
    return summary


def _save(book: ReportBook, stream: BinaryIO) -> None:
    """Save the workbook into ``stream``; if that fails, leave nothing of it unfinished.

    This is openpyxl's ``save_workbook`` with the zip archive in our hands: after a failure
    (a full disk) the archive and the write-only sheets are closed here, quietly, instead of
    trying to finish themselves into a closed file when they are garbage-collected.
    ``ExcelWriter`` is not openpyxl's documented API:
    tests/workbench/reports/test_openpyxl_canary.py states what is relied on (it saves into
    our archive and closes only that).
    """
    archive = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(book.workbook, archive).save()
    except BaseException:
        for sheet in book.workbook.worksheets:
            with contextlib.suppress(Exception):  # those already written refuse: fine
                sheet.close()
        with contextlib.suppress(OSError, ValueError, struct.error):
            archive.close()
        raise


def _discard(book: ReportBook) -> None:
    """Finish an unsaved workbook into nothing, so that its sheets' streams are removed.

    openpyxl's write-only sheets stream to temporary files of their own, which only a save
    removes; a report given up half-way would otherwise leave them, names and CPR numbers
    and all, in the temporary folder until the program ends. Quietly: the report's own
    error (a cancel) is the one to tell.
    """
    with contextlib.suppress(Exception), zipfile.ZipFile(_Discarded(), "w") as archive:
        ExcelWriter(book.workbook, archive).save()


class _Discarded(io.RawIOBase):
    """A stream that takes everything written to it and keeps none of it."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return len(data)


def _context(data: ReportData) -> sheets.ReportContext:
    """What every sheet of the report may mention."""
    profile = load_named_profile(data.settings.profile_name)
    return sheets.ReportContext(
        today=data.today, team=data.team, include_cpr=data.include_cpr,
        amber_days=data.settings.amber_days, closure_norm=data.settings.closure_norm,
        profile_name=data.settings.profile_name, profile_title=profile.title,
        titles={**{reason.key: reason.title_da for reason in profile.reasons},
                **{rule.id: rule.title_da for rule in profile.rules}},
    )


def _new_book(data: ReportData, steps: Steps) -> ReportBook:
    """An empty workbook for the report, each printed page headed with its title and scope."""
    day = f"{data.today:%d-%m-%Y}"
    return ReportBook.new(f"Status {day}", Heading(TITLE, _context(data).scope_title, day),
                          checkpoint=steps.check)


def _build(book: ReportBook, data: ReportData, path: Path, steps: Steps) -> ReportSummary:
    """Write the seven sheets into ``book`` (not yet saved); the report's summary."""
    context = _context(data)
    deadlines = figures.decided_deadlines(data.cases, data.today,
                                          earliest_timeliness(data.today))
    rows, total = figures.overview(data.cases, deadlines, data.inquiries, data.today,
                                   data.settings.closure_norm)
    sample = lists.supervision_sample(data.cases, data.sample_seed)
    steps.step()
    sheets.write_overview(book, context, rows, total)
    steps.step()
    sheets.write_cases(book, context, data.cases)
    steps.step()
    sheets.write_inquiries(book, context, lists.inquiries_to_show(data.inquiries, data.today))
    steps.step()
    sheets.write_closures(book, context, *figures.closures_per_month(data.cases, data.today))
    steps.step()
    sheets.write_screening(book, context,
                           lists.screening(data.cases, data.today, data.settings.amber_days))
    steps.step()
    sheets.write_weeks(book, context, figures.weekly(data.cases, deadlines, data.today))
    steps.step()
    sheets.write_sample(book, context, sample, data.sample_seed)
    steps.step()
    return ReportSummary(
        path=path, today=data.today, team=data.team, open_cases=total.open_cases,
        red=total.red, amber=total.amber, green=total.green, sample_seed=data.sample_seed,
        sample_size=len(sample), include_cpr=data.include_cpr,
    )


def write_status_report(
    workbench: Workbench,
    path: str | os.PathLike[str],
    today: dt.date,
    team: str | None = None,
    include_cpr: bool = False,
    sample_seed: int | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportSummary:
    """Write the team lead's status workbook for ``team`` (or everyone) as of ``today``.

    Its sheets: Overblik, Sager, Henvendelser, Afslutninger, Screening, Ugestatistik and
    Stikprøve. The path must end in .xlsx (InputError otherwise, and for an unknown team).

    Timeliness is the share of milestones whose due date falls in the period, and not after
    ``today``, that were met on time, as ``Milestone.timely_on(today)`` judges each one
    (details in ``workbench.reports.figures``). CPR numbers are masked (DDMMYY-xxxx) unless
    ``include_cpr``. The sample's seed defaults to the quarter's (20262 for 2026 K2).
    The written report is recorded in the audit log (a cpr_export with ``include_cpr``).

    ``progress`` is told (done, STEPS) as the report goes; ``cancelled`` is asked as it goes,
    and once it says True the report stops with ReportCancelledError: no file is written,
    an older one at ``path`` is left as it was, and nothing is audited.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputError(key="report.not_xlsx", path=str(target))
    if not target.parent.is_dir():
        raise InputError(key="report.no_folder", folder=str(target.parent))
    steps = Steps(progress, cancelled)
    steps.check()  # cancelled while it waited for the database: nothing to read
    # The caseload read for the report lives and dies within one pause of the cycle
    # collector: a collection after the pause would otherwise walk all of it once more
    # (0.2 s of CPU at 20,000 cases). Reference counting frees it all at ``del``.
    with collector_paused():
        data = gather(workbench, today, team=team, include_cpr=include_cpr,
                      sample_seed=sample_seed)
        steps.step()
        summary = write_workbook(data, target, steps)
        del data
    # Audited once written: a report that failed exported nothing.
    workbench.audit.audit_export(target, with_cpr=include_cpr,
                                 detail=f"status report, team {team}" if team else "status report")
    return summary


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A temporary file beside ``path``, open for writing, that replaces it if the block succeeds.

    A failed report thus leaves neither a half-written file nor a damaged older one. The file
    is made by ``mkstemp``, so it is readable by its owner only (it may hold CPR numbers), and
    it is fsync'ed before the rename, so a power cut cannot leave an empty report in its place.
    On Windows the per-user profile folders already keep other users out.
    """
    handle, name = tempfile.mkstemp(prefix=".report-", suffix=".xlsx", dir=path.parent)
    temporary = Path(name)
    try:
        with _open_temporary(handle) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _open_temporary(handle: int) -> BinaryIO:
    """The temporary report file, open for writing and reading back (zip needs to seek)."""
    return os.fdopen(handle, "w+b")
