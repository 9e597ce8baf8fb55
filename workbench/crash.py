"""The report of an unexpected error: enough for a developer, nothing about a citizen.

It holds the version, the platform and the traceback — file, line and code of each frame,
never the values of local variables — with every CPR-looking number masked, so a
caseworker can paste it into an e-mail to IT without a second thought.
"""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from types import TracebackType

from workbench import __version__
from workbench.logs import mask_cpr_numbers


def crash_report(kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> str:
    """The copyable text of an unexpected error, CPR numbers masked."""
    lines = [
        f"Caseworker Workbench {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Time: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
        "",
        *traceback.format_exception(kind, error, trace),
    ]
    return mask_cpr_numbers("\n".join(line.rstrip("\n") for line in lines)) + "\n"


def last_line(report: str) -> str:
    """The error itself (the traceback's last line): the dialog's one-line summary."""
    return report.rstrip("\n").rsplit("\n", 1)[-1]
