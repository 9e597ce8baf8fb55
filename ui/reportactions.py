"""The team lead's status workbook from the window: File → Export status to Excel….

The same code as ``workbench report`` writes it (``workbench.reports.write_status_report``,
audited as there), as one job on the database worker. A progress dialog follows its steps;
Cancel asks the job to stop at its next step, and a cancelled report leaves no file behind.
When the workbook is written it is opened with the program the system has for .xlsx files.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui import jobs, texts
from ui.backend import Backend, ProgressReport
from ui.i18n import current_language
from ui.importing import error_box
from ui.reportdialog import ReportDialog, ReportRequest
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.reports import ReportSummary
    from workbench.session import Workbench

#: Where the folder the last report went to is remembered.
FOLDER_KEY = "report/folder"


def open_with_system(path: Path) -> bool:
    """Open ``path`` with the program the system has for it (Excel for a workbook)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class _Run:
    """One report under way: its request, and the flag its job is asked about."""

    def __init__(self, request: ReportRequest) -> None:
        self.request = request
        self.stop = threading.Event()


class ReportActions(QObject):
    """Asks for the report's choices, runs it on the worker, shows and opens the result."""

    #: Emitted with the ReportSummary once the workbook is written (and opened).
    written = Signal(object)
    #: Emitted when a report was cancelled: nothing was written.
    cancelled = Signal()
    #: Emitted with the error when a report failed: nothing was written.
    failed = Signal(object)
    #: A short message for the status bar.
    status = Signal(str)
    #: Emitted with (steps done, steps) as the report goes, once the progress dialog shows it.
    progressed = Signal(int, int)

    def __init__(self, backend: Backend, parent: QWidget, today: Callable[[], dt.date],
                 my_team: Callable[[], str | None], state: QSettings) -> None:
        super().__init__(parent)
        self._backend = backend
        self._window = parent
        self._today = today
        self._my_team = my_team
        self._state = state
        #: Opens the written workbook; tests replace it (no spreadsheet program there).
        self.open_file: Callable[[Path], bool] = open_with_system
        self.dialog: QWidget | None = None
        self.progress: QProgressDialog | None = None
        self._run: _Run | None = None

    @property
    def running(self) -> bool:
        """True while a report is being written."""
        return self._run is not None

    def export_status(self) -> None:
        """Ask for the team, day and file (the teams read first), then write the report."""
        if self.running:
            return
        self._backend.submit(_teams, on_done=self._ask, on_error=self._show_error)

    def _ask(self, teams: Sequence[str]) -> None:
        dialog = ReportDialog(teams, self._my_team(), self._today(), self._folder(),
                              self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self.write)
        dialog.open()
        self.dialog = dialog

    def _folder(self) -> Path:
        """The folder of the last report, else the user's documents folder."""
        remembered = self._state.value(FOLDER_KEY)
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def write(self, request: ReportRequest) -> None:
        """Write the report ``request`` asks for, with progress and a Cancel button."""
        if self.running:
            return
        run = self._run = _Run(request)
        self._show_progress(run)

        def job(workbench: Workbench, report: ProgressReport) -> ReportSummary:
            return jobs.write_report(workbench, request.path, request.today, request.team,
                                     request.include_cpr, report, run.stop.is_set)

        self._backend.submit_with_progress(
            job, on_done=self._written, on_error=self._failed, on_progress=self._progressed)

    def cancel(self) -> None:
        """Ask the running report to stop; it stops at its next step and writes nothing."""
        if self._run is not None:
            self._run.stop.set()
            self.status.emit(self.tr("Cancelling the report…"))

    def _show_progress(self, run: _Run) -> None:
        progress = QProgressDialog(self.tr("Writing the status workbook…"),
                                   self.tr("Cancel"), 0, 0, self._window)
        progress.setObjectName("report-progress")
        progress.setWindowTitle(self.tr("Export status to Excel"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        progress.show()
        self.progress = progress

    def _progressed(self, progress: tuple[object, ...]) -> None:
        if self.progress is None or len(progress) != 2:
            return
        done, total = progress
        if isinstance(done, int) and isinstance(total, int) and total > 0:
            # Told first: a window-modal progress dialog handles events inside setValue.
            self.progressed.emit(done, total)
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finish(self) -> _Run | None:
        """The run that ended; its progress dialog closed (without counting as a cancel)."""
        run, self._run = self._run, None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        return run

    def _written(self, summary: ReportSummary) -> None:
        self._finish()
        self._state.setValue(FOLDER_KEY, str(summary.path.parent))
        self.status.emit(texts.fill(
            self.tr("Status workbook written: %1 (%2 open cases: %3 red, %4 amber, %5 green)."),
            str(summary.path), summary.open_cases, summary.red, summary.amber, summary.green))
        if not self.open_file(summary.path):
            self.dialog = error_box(self._window, self.tr("Export status to Excel"),
                                    self.tr("The workbook was written but could not be "
                                            "opened."), str(summary.path))
        self.written.emit(summary)

    def _failed(self, error: WorkbenchError) -> None:
        run = self._finish()
        if run is not None and run.stop.is_set():
            self.status.emit(self.tr("The report was cancelled; no file was written."))
            self.cancelled.emit()
            return
        self._show_error(error)
        self.failed.emit(error)

    def _show_error(self, error: WorkbenchError) -> None:
        self.dialog = error_box(self._window, self.tr("Export status to Excel"),
                                self.tr("No workbook was written."),
                                error.in_language(current_language()))


def _teams(workbench: Workbench) -> tuple[str, ...]:
    """The teams the report can be narrowed to."""
    return tuple(workbench.cases.teams())
