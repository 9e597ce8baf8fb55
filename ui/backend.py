"""The UI's only way to the database: one worker thread that owns the ``Workbench``.

A ``Workbench`` (and its database connection) must be used from one thread, and the UI
thread must never wait on the database or the disk. So, as in Anki, a worker object lives
in its own ``QThread`` and owns the service; the UI sends it *jobs* (plain functions of the
``Workbench``) through a queued signal, and gets each result or error back through signals,
delivered in the UI thread to the callbacks given with the job.

Errors the core raises on purpose (``WorkbenchError``: bad input, a truncated export) go to
the job's error callback, which shows them. Anything else is a bug: it is raised again in
the UI thread, where the application's exception hook (or pytest-qt) reports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    # Only for types: the UI thread never loads the database layer (it starts faster too).
    from workbench.session import Workbench

T = TypeVar("T")
Job = Callable[["Workbench"], T]
ProgressReport = Callable[..., None]
ProgressJob = Callable[["Workbench", ProgressReport], T]
Opener = Callable[[], "Workbench"]


class BackendClosedError(WorkbenchError):
    """A job was sent before the database was opened or after it was closed."""


class _Worker(QObject):
    """Runs jobs in the worker thread against the one ``Workbench`` it owns."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self._workbench: Workbench | None = None

    @Slot(int, object)
    def open(self, request_id: int, opener: Opener) -> None:
        """Open the database; from now on jobs run against it."""
        self._answer(request_id, lambda: self._open(opener))

    def _open(self, opener: Opener) -> None:
        self._workbench = opener()

    @Slot(int, object)
    def run(self, request_id: int, job: ProgressJob[Any]) -> None:
        """Run one job and send back its result or its error."""
        self._answer(request_id, lambda: job(self._open_workbench(), self._reporter(request_id)))

    @Slot()
    def close(self) -> None:
        """Close the database and stop the thread's event loop."""
        if self._workbench is not None:
            self._workbench.close()
            self._workbench = None
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()

    def _open_workbench(self) -> Workbench:
        if self._workbench is None:
            raise BackendClosedError("the database is not open")
        return self._workbench

    def _reporter(self, request_id: int) -> ProgressReport:
        """A callback the service may call from this thread to report progress."""
        def report(*progress: object) -> None:
            self.progressed.emit(request_id, progress)
        return report

    def _answer(self, request_id: int, work: Callable[[], object]) -> None:
        """Run ``work``; the worker never dies of an error, it reports it."""
        try:
            result = work()
        except Exception as error:  # every error goes back to the UI thread
            self.failed.emit(request_id, error)
        else:
            self.finished.emit(request_id, result)


@dataclass
class _Request:
    """The UI-thread callbacks waiting for one job."""

    on_done: Callable[[Any], None] | None
    on_error: Callable[[WorkbenchError], None] | None
    on_progress: Callable[[tuple[object, ...]], None] | None


class Backend(QObject):
    """The UI thread's side: send jobs, get results back as callbacks in the UI thread."""

    # Emitted when the last outstanding job has answered (tests wait for it).
    idle = Signal()
    # Emitted with True when a job starts while none was running, False when all are done.
    busy_changed = Signal(bool)

    _open_requested = Signal(int, object)
    _job_requested = Signal(int, object)
    _close_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("workbench-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._open_requested.connect(self._worker.open)
        self._job_requested.connect(self._worker.run)
        self._close_requested.connect(self._worker.close)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.progressed.connect(self._on_progressed)
        self._requests: dict[int, _Request] = {}
        self._next_id = 1
        self._thread.start()

    @property
    def busy(self) -> bool:
        """True while any job has not answered yet."""
        return bool(self._requests)

    def open(self, opener: Opener, on_done: Callable[[None], None] | None = None,
             on_error: Callable[[WorkbenchError], None] | None = None) -> None:
        """Open the database in the worker thread (``opener`` runs there)."""
        request_id = self._register(on_done, on_error, None)
        self._open_requested.emit(request_id, opener)

    def submit(self, job: Job[T], on_done: Callable[[T], None] | None = None,
               on_error: Callable[[WorkbenchError], None] | None = None) -> None:
        """Run ``job(workbench)`` in the worker thread; ``on_done(result)`` runs in this one."""
        self.submit_with_progress(lambda workbench, _report: job(workbench), on_done, on_error)

    def submit_with_progress(
        self, job: ProgressJob[T], on_done: Callable[[T], None] | None = None,
        on_error: Callable[[WorkbenchError], None] | None = None,
        on_progress: Callable[[tuple[object, ...]], None] | None = None,
    ) -> None:
        """Like ``submit``, and ``job`` gets a callback whose calls reach ``on_progress``."""
        request_id = self._register(on_done, on_error, on_progress)
        self._job_requested.emit(request_id, job)

    def shutdown(self) -> None:
        """Close the database and stop the worker thread (waits for the running job)."""
        if self._thread.isRunning():
            self._close_requested.emit()
            self._thread.wait()

    def _register(self, on_done: Callable[[Any], None] | None,
                  on_error: Callable[[WorkbenchError], None] | None,
                  on_progress: Callable[[tuple[object, ...]], None] | None) -> int:
        request_id = self._next_id
        self._next_id += 1
        was_busy = self.busy
        self._requests[request_id] = _Request(on_done, on_error, on_progress)
        if not was_busy:
            self.busy_changed.emit(True)
        return request_id

    def _settle(self, request_id: int, answer: Callable[[_Request], None]) -> None:
        """Hand a job's answer to its callbacks, then announce idleness if nothing is left.

        Idleness is announced after the callbacks, so whoever waits for ``idle`` sees
        what they did (and any job they sent in turn keeps the backend busy).
        """
        request = self._requests.pop(request_id)
        try:
            answer(request)
        finally:
            if not self._requests:
                self.busy_changed.emit(False)
                self.idle.emit()

    @Slot(int, object)
    def _on_finished(self, request_id: int, result: object) -> None:
        def deliver(request: _Request) -> None:
            if request.on_done is not None:
                request.on_done(result)
        self._settle(request_id, deliver)

    @Slot(int, object)
    def _on_failed(self, request_id: int, error: Exception) -> None:
        def deliver(request: _Request) -> None:
            if isinstance(error, WorkbenchError) and request.on_error is not None:
                request.on_error(error)
                return
            raise error
        self._settle(request_id, deliver)

    @Slot(int, object)
    def _on_progressed(self, request_id: int, progress: tuple[object, ...]) -> None:
        request = self._requests.get(request_id)
        if request is not None and request.on_progress is not None:
            request.on_progress(progress)
