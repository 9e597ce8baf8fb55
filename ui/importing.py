"""Importing exports from the window: progress, summary, and the truncation question.

The import runs in the worker thread while a progress dialog shows how far it got. Then
the summary opens, with the rejected rows listed. An export that would close an unusually
large share of the open cases is refused by the core as probably truncated; the user is
asked, in plain words, whether the closures are real, and only then is it imported anyway.

"Vis først" (preview) runs the same import as a dry run and shows what it would do, with a
button that then imports the files for real.

A new export the scheduler finds in the export folder is imported the same way, but quietly:
nobody asked for it, so no dialog pops up when all went well, only a status-bar message.
Rejected rows, errors and the truncation question still need the user and still show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ui import jobs, texts
from ui.backend import Backend, ProgressReport
from ui.dialogs import ImportSummaryDialog
from ui.i18n import current_language
from ui.preview import ImportPreviewDialog
from workbench.errors import TruncatedExportError, WorkbenchError
from workbench.views import ImportSummary

if TYPE_CHECKING:
    from workbench.importing.dryrun import ImportPreview
    from workbench.session import Workbench

#: What an import job does, given the worker's Workbench and a progress callback.
ImportJob = Callable[["Workbench", ProgressReport], ImportSummary]


def error_box(parent: QWidget, title: str, text: str, detail: str = "") -> QMessageBox:
    """A warning box opened window-modal (``open``), so nothing waits in a nested loop."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("error-box")
    box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class ImportController(QObject):
    """Runs imports for the main window and shows what came of them."""

    #: Emitted after an import changed (or confirmed) the database.
    imported = Signal(object)
    #: Emitted when an import was refused or failed; the database is unchanged.
    refused = Signal(object)
    # A short message for the status bar (what a quiet import did).
    status = Signal(str)
    #: Emitted when a preview (dry run) is shown; the database is unchanged.
    previewed = Signal(object)

    def __init__(self, backend: Backend, parent: QWidget, today: Callable[[], dt.date]) -> None:
        super().__init__(parent)
        self._backend = backend
        self._window = parent
        self._today = today
        self.progress: QProgressDialog | None = None
        self.dialog: QWidget | None = None
        self._running = False

    @property
    def running(self) -> bool:
        """True while an import is under way."""
        return self._running

    def import_paths(self, paths: Sequence[str | Path], *, force: bool = False) -> None:
        """Import the export files ``paths``."""
        chosen = [str(path) for path in paths]
        today = self._today()

        def job(workbench: Workbench, report: ProgressReport) -> ImportSummary:
            return workbench.imports.import_files(chosen, today=today, force=force, progress=report)

        self._run(job, retry=lambda: self.import_paths(chosen, force=True))

    def choose_files(self, folder: str) -> None:
        """Ctrl+O: pick export files to import."""
        dialog = QFileDialog(self._window, self.tr("Import export files"), folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Exports (*.csv *.xlsx);;All files (*)"))
        dialog.filesSelected.connect(self.import_paths)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def import_now(self, folder: str) -> None:
        """F5: import what lies in the export folder (or ask for files if none is set)."""
        if folder:
            self.import_folder(folder)
        else:
            self.status.emit(
                self.tr("No export folder is set (Settings): choose the files instead."))
            self.choose_files(folder)

    def choose_preview_files(self, folder: str) -> None:
        """Vis først: pick export files and show what importing them would do."""
        dialog = QFileDialog(self._window, self.tr("Preview the import of export files"),
                             folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Exports (*.csv *.xlsx);;All files (*)"))
        dialog.filesSelected.connect(self.preview_paths)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def preview_paths(self, paths: Sequence[str | Path]) -> None:
        """Show what importing ``paths`` would do (a dry run); nothing changes."""
        if self.running:
            return
        chosen = [str(path) for path in paths]
        today = self._today()

        def job(workbench: Workbench, report: ProgressReport) -> ImportPreview:
            return workbench.imports.preview_import(chosen, today=today, progress=report)

        self._running = True
        self._show_progress(self.tr("Checking the export…"))
        self._backend.submit_with_progress(
            job, on_done=lambda preview: self._previewed(chosen, preview),
            on_error=lambda error: self._failed(error, None), on_progress=self._progressed)

    def _previewed(self, paths: list[str], preview: ImportPreview) -> None:
        self._running = False
        self._close_progress()
        dialog = ImportPreviewDialog(preview, self._window)
        dialog.import_requested.connect(lambda: self.import_paths(paths))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        self.previewed.emit(preview)

    def import_quietly(self, paths: Sequence[str | Path]) -> None:
        """Import a new export nobody asked for (the export-folder job found it).

        No progress dialog, and a status-bar message instead of the summary when no row
        was rejected; errors and the truncation question show as for any import.
        """
        chosen = [str(path) for path in paths]
        today = self._today()

        def job(workbench: Workbench, report: ProgressReport) -> ImportSummary:
            return workbench.imports.import_files(chosen, today=today, progress=report)

        self._run(job, retry=lambda: self.import_paths(chosen, force=True), quiet=True)

    def import_folder(self, folder: str) -> None:
        """Import the export files lying in the configured export folder (F5)."""
        today = self._today()

        def job(workbench: Workbench, report: ProgressReport) -> ImportSummary:
            paths = jobs.export_files(folder)
            return workbench.imports.import_files(paths, today=today, progress=report)

        self._run(job, retry=lambda: self._force_folder(folder))

    def _force_folder(self, folder: str) -> None:
        today = self._today()

        def job(workbench: Workbench, report: ProgressReport) -> ImportSummary:
            return workbench.imports.import_files(jobs.export_files(folder), today=today,
                                                  force=True,
                                                  progress=report)

        self._run(job, retry=None)

    def import_demo(self) -> None:
        """Generate the fictional demo export and import it (a newcomer's first start)."""
        today = self._today()
        self._run(lambda workbench, report: jobs.import_demo(workbench, today, report),
                  retry=None)

    def _run(self, job: ImportJob, retry: Callable[[], None] | None, *,
             quiet: bool = False) -> None:
        if self.running:
            return
        self._running = True
        if not quiet:
            self._show_progress()
        self._backend.submit_with_progress(
            job,
            on_done=lambda summary: self._finished(summary, quiet),
            on_error=lambda error: self._failed(error, retry),
            on_progress=self._progressed,
        )

    def _show_progress(self, text: str | None = None) -> None:
        progress = QProgressDialog(text or self.tr("Importing the export…"), "", 0, 0,
                                   self._window)
        progress.setObjectName("import-progress")
        progress.setWindowTitle(self.tr("Import"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.show()
        self.progress = progress

    def _progressed(self, progress: tuple[object, ...]) -> None:
        if self.progress is None or len(progress) != 2:
            return
        done, total = progress
        if isinstance(done, int) and isinstance(total, int) and total > 0:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self, summary: ImportSummary, quiet: bool) -> None:
        self._running = False
        self._close_progress()
        if quiet and not summary.rejected:
            self.status.emit(texts.fill(
                self.tr("Imported the new export from the export folder: %1 new, %2 updated "
                        "and %3 closed cases."), summary.new, summary.updated, summary.closed))
        else:
            dialog = ImportSummaryDialog(summary, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog
        self.imported.emit(summary)

    def _failed(self, error: WorkbenchError, retry: Callable[[], None] | None) -> None:
        self._running = False
        self._close_progress()
        if isinstance(error, TruncatedExportError) and retry is not None:
            self.dialog = self._ask_truncated(error, retry)
        else:
            self.dialog = error_box(self._window, self.tr("Import refused"),
                                    self.tr("Nothing was imported."),
                                    error.in_language(current_language()))
        self.refused.emit(error)

    def _ask_truncated(self, error: TruncatedExportError, retry: Callable[[], None]) -> QWidget:
        """Ask whether the closures a probably-truncated export would make are real."""
        box = QMessageBox(self._window)
        box.setObjectName("truncation-box")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The export looks incomplete"))
        box.setText(texts.fill(
            self.tr("This export would close %1 of your %2 open cases."),
            error.would_close, error.open_cases))
        box.setInformativeText(texts.fill(
            self.tr("That is more than %1 %, which usually means the export was cut short. "
                    "Nothing has been imported.\n\nImport it anyway only if these cases "
                    "really have ended."), round(error.threshold * 100)))
        force = box.addButton(self.tr("Import anyway and close them"),
                              QMessageBox.ButtonRole.DestructiveRole)
        force.setObjectName("import-anyway")
        cancel = box.addButton(self.tr("Do not import"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        force.clicked.connect(retry)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
