"""The workbench's log file, which never holds a CPR number.

The app and the command line both call ``configure_logging``: a rotating log (1 MB × 5) in
the per-user log folder, one file per program (``workbench-gui.log`` for the window,
``workbench.log`` for the command line), so the window and a script never rotate each
other's file. Rotation renames the file, which Windows refuses while another process (a
second command, a virus scanner) has it open: then the handler keeps writing to the same
file and tries again after another tenth of its size, instead of losing records or
printing a logging error on every line. Its handler masks anything that looks like a CPR
number (six digits that are a real date, an optional dash, four digits) in every record —
message, arguments, exception and stack — so even a careless
``log.info("... %s", cpr_text)`` cannot leak one. The log says what happened (database
opened, import counts, sync counts, errors), never to whom.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from workbench.cpr import mask_cpr_numbers as mask_cpr_numbers

APP_NAME = "caseworker-workbench"
#: Points the log somewhere else (tests, IT's diagnostics).
LOG_DIR_ENV = "WORKBENCH_LOG_DIR"
LOG_FILE_NAME = "workbench.log"
#: The program names whose logs live in the log folder (``<program>.log``).
CLI_PROGRAM = "workbench"
GUI_PROGRAM = "workbench-gui"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
class CprMaskingFilter(logging.Filter):
    """Masks CPR-looking numbers in a record before any handler formats it.

    The message is rendered with its arguments first, because a CPR number is as likely to
    arrive as an argument as in the format string; the exception and stack text are
    rendered and masked too, so the formatter uses the masked text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; never drop it."""
        record.msg = mask_cpr_numbers(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_cpr_numbers(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_cpr_numbers(record.stack_info)
        return True


class WorkbenchLogHandler(RotatingFileHandler):
    """The rotating log file with the CPR mask: the one handler ``configure_logging`` adds.

    A rotation that fails (the file is open in another process, on Windows) does not stop
    the logging: the records go on into the current file, and rotation is tried again once
    it has grown by another tenth of ``maxBytes``.
    """

    def __init__(self, filename: Path, *, maxBytes: int, backupCount: int) -> None:  # noqa: N803
        super().__init__(filename, maxBytes=maxBytes, backupCount=backupCount,
                         encoding="utf-8", delay=True)
        self._retry_at = 0
        self.failed_rollovers = 0

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802 - logging API
        """Rotate when the file is full, but not again right after a rotation failed."""
        if self._retry_at and self._size() < self._retry_at:
            return False
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:  # noqa: N802 - logging API
        """Rotate; if another process holds the file, keep writing to it for now."""
        try:
            super().doRollover()
        except OSError:
            self.failed_rollovers += 1
            if self.stream is not None and self.stream.closed:
                self.stream = None
            # No stream: the record's emit opens the file again, as it does with delay=True.
            self._retry_at = self._size() + max(self.maxBytes // 10, 1)
        else:
            self._retry_at = 0

    def _size(self) -> int:
        try:
            return Path(self.baseFilename).stat().st_size
        except OSError:
            return 0


def log_folder() -> Path:
    """Where the log goes: ``WORKBENCH_LOG_DIR``, else the per-user log folder."""
    chosen = os.environ.get(LOG_DIR_ENV)
    return Path(chosen) if chosen else platformdirs.user_log_path(APP_NAME, appauthor=False)


def configure_logging(folder: Path | None = None, *, level: int = logging.INFO,
                      program: str = CLI_PROGRAM) -> Path:
    """Log to ``<program>.log``, rotating and CPR-masked, in ``folder`` (``log_folder()``).

    Calling it again replaces the handler (closing the old file) instead of adding a second.
    Returns the log file's path.
    """
    target = (folder or log_folder()) / f"{program}.log"
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    stop_logging()
    handler = WorkbenchLogHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT)
    handler.setFormatter(_UtcFormatter(_FORMAT))
    handler.addFilter(CprMaskingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    return target


def start_logging(program: str = CLI_PROGRAM) -> Path | None:
    """``configure_logging`` for the app and the CLI: None if the log cannot be written.

    A log folder that cannot be made (a locked-down profile) must not stop the work.
    """
    try:
        return configure_logging(program=program)
    except OSError:
        return None


def stop_logging() -> None:
    """Remove and close the workbench's log handler, if there is one."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, WorkbenchLogHandler)]:
        root.removeHandler(handler)
        handler.close()


class _UtcFormatter(logging.Formatter):
    """Times in UTC with the offset shown, so logs from different machines line up."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        """The record's time as ISO 8601 UTC to the millisecond."""
        moment = dt.datetime.fromtimestamp(record.created, dt.UTC)
        return moment.isoformat(timespec="milliseconds")
