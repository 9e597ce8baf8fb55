"""The team lead's weekly status workbook: gather from the service, then write the sheets.

The figures are the caseworkers' own: every status, due date and milestone comes from
``Workbench.evaluated_cases`` — the same query and the same ``evaluate_case`` call as the
lists and ``workbench status`` — and every inquiry deadline from ``Workbench.inquiries``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import struct
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from openpyxl.writer.excel import ExcelWriter

from workbench.bulk import collector_paused
from workbench.errors import InputError, WriteError
from workbench.reports import figures, lists, sheets
from workbench.reports.periods import earliest_needed, earliest_timeliness
from workbench.reports.tables import ReportBook
from workbench.service import EvaluatedCase, Settings, Workbench
from workbench.views import InquiryRow


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
    if team is not None and team not in workbench.teams():
        known = ", ".join(workbench.teams()) or "-"
        raise InputError(key="report.unknown_team", team=team, known=known)
    return ReportData(
        today=today,
        team=team,
        include_cpr=include_cpr,
        settings=workbench.load_settings(),
        cases=workbench.evaluated_cases(today, team=team, closed_since=earliest_needed(today)),
        inquiries=workbench.inquiries(today, open_only=False, team=team),
        sample_seed=lists.default_sample_seed(today) if sample_seed is None else sample_seed,
    )


def write_workbook(data: ReportData, path: Path) -> ReportSummary:
    """Write the seven sheets to ``path``, replacing it only once the new file is complete.

    The temporary file is made first: write-only sheets stream to disk as they are written,
    and a workbook that could not be saved would leave them dangling. The cycle collector is
    paused meanwhile (``workbench.bulk``): the report's rows and figures live until the file
    is written, and each collection they set off would walk the whole caseload for nothing.
    """
    try:
        with _replacing(path) as stream, collector_paused():
            book, summary = _build(data, path)
            _save(book, stream)
    except OSError as error:  # a full disk, most likely: say which file, and that it is safe
        raise WriteError(str(path), error) from None
    return summary


def _save(book: ReportBook, stream: BinaryIO) -> None:
    """Save the workbook into ``stream``; if that fails, leave nothing of it unfinished.

    This is openpyxl's ``save_workbook`` with the zip archive in our hands: after a failure
    (a full disk) the archive and the write-only sheets are closed here, quietly, instead of
    trying to finish themselves into a closed file when they are garbage-collected.
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


def _build(data: ReportData, path: Path) -> tuple[ReportBook, ReportSummary]:
    """The workbook with its seven sheets written (not yet saved), and its summary."""
    context = sheets.ReportContext(
        today=data.today, team=data.team, include_cpr=data.include_cpr,
        amber_days=data.settings.amber_days, closure_norm=data.settings.closure_norm,
        profile_name=data.settings.profile_name,
    )
    book = ReportBook.new(f"Status {data.today.isoformat()}")
    deadlines = figures.decided_deadlines(data.cases, data.today,
                                          earliest_timeliness(data.today))
    rows, total = figures.overview(data.cases, deadlines, data.inquiries, data.today,
                                   data.settings.closure_norm)
    sample = lists.supervision_sample(data.cases, data.sample_seed)
    sheets.write_overview(book, context, rows, total)
    sheets.write_cases(book, context, data.cases)
    sheets.write_inquiries(book, context, lists.inquiries_to_show(data.inquiries, data.today))
    sheets.write_closures(book, context, *figures.closures_per_month(data.cases, data.today))
    sheets.write_screening(book, context,
                           lists.screening(data.cases, data.today, data.settings.amber_days))
    sheets.write_weeks(book, context, figures.weekly(data.cases, deadlines, data.today))
    sheets.write_sample(book, context, sample, data.sample_seed)
    return book, ReportSummary(
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
) -> ReportSummary:
    """Write the team lead's status workbook for ``team`` (or everyone) as of ``today``.

    Its sheets: Overblik, Sager, Henvendelser, Afslutninger, Screening, Ugestatistik and
    Stikprøve. The path must end in .xlsx (InputError otherwise, and for an unknown team).

    Timeliness is the share of milestones whose due date falls in the period, and not after
    ``today``, that were met on time, as ``Milestone.timely_on(today)`` judges each one
    (details in ``workbench.reports.figures``). CPR numbers are masked (DDMMYY-xxxx) unless
    ``include_cpr``. The sample's seed defaults to the quarter's (20262 for 2026 K2).
    The written report is recorded in the audit log (a cpr_export with ``include_cpr``).
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputError(key="report.not_xlsx", path=str(target))
    if not target.parent.is_dir():
        raise InputError(key="report.no_folder", folder=str(target.parent))
    # The caseload read for the report lives and dies within one pause of the cycle
    # collector: a collection after the pause would otherwise walk all of it once more.
    with collector_paused():
        summary = write_workbook(gather(workbench, today, team=team, include_cpr=include_cpr,
                                        sample_seed=sample_seed), target)
    # Audited once written: a report that failed exported nothing.
    workbench.audit_export(target, with_cpr=include_cpr,
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
