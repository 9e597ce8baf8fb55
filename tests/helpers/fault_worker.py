"""A worker the crash tests kill with SIGKILL: it imports exports, or registers and syncs.

It prints ``ready`` once its database is open, then one acknowledgement line right after each
commit returns (flushed at once), so that the test knows exactly which commits the worker
saw succeed before it died:

* ``python -m tests.helpers.fault_worker import DB FOLDER CASES`` imports, round after
  round, a cases snapshot of CASES cases whose caseworker is the round's (``R0001``, ...)
  together with an events file of one conversation per case on the round's day, then
  registers a local event; it prints ``imported N`` and ``registered ID``.
* ``python -m tests.helpers.fault_worker sync DB`` registers EVENTS_PER_SYNC events on the
  case ``S1`` (a day each, counting up) and syncs, round after round; it prints
  ``registered DAY`` after each event and ``synced DAY`` (the latest day sent) after each sync.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path

from tests.helpers.exports import Case, write_cases, write_events
from workbench.session import Workbench
from workbench.vocabulary import EventKind

#: The first day a round's events fall on; round N's day is FIRST_DAY + N days.
FIRST_DAY = dt.date(2026, 1, 6)
TODAY = dt.date(2026, 3, 10)
EVENTS_PER_SYNC = 15


def round_day(number: int) -> dt.date:
    """The day of round ``number``'s events (and of a sync worker's ``number``-th event)."""
    return FIRST_DAY + dt.timedelta(days=number)


def acknowledge(line: str) -> None:
    """Tell the test a commit has returned: the line must not wait in a buffer."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def keep_importing(database: Path, folder: Path, case_count: int) -> None:
    """Import one snapshot after another, each changing every case, until killed."""
    with Workbench.open(database) as workbench:
        acknowledge("ready")
        for number in itertools.count(1):
            worker = f"R{number:04d}"
            rows = [Case(f"S{n}", caseworker=worker) for n in range(1, case_count + 1)]
            day = round_day(number).isoformat()
            files = [write_cases(folder / f"sager-{number}.csv", rows),
                     write_events(folder / f"haendelser-{number}.csv",
                                  [(row.case_id, day, "samtale") for row in rows])]
            workbench.imports.import_files(files, today=TODAY)
            acknowledge(f"imported {number}")
            event_id = workbench.registrations.register_event("S1", EventKind.SCREENING,
                                                              round_day(number),
                                                              by="AB")
            acknowledge(f"registered {event_id}")


def keep_syncing(database: Path) -> None:
    """Register events and sync them to the team's shared folder, until killed."""
    with Workbench.open(database) as workbench:
        acknowledge("ready")
        days = itertools.count(1)
        while True:
            for _ in range(EVENTS_PER_SYNC):
                number = next(days)
                workbench.registrations.register_event("S1", EventKind.SAMTALE, round_day(number),
                                                       by="AB")
                acknowledge(f"registered {number}")
            workbench.team.sync_now()
            acknowledge(f"synced {number}")


def main(arguments: list[str]) -> None:
    """Run the mode the arguments name."""
    mode, database, *rest = arguments
    if mode == "import":
        keep_importing(Path(database), Path(rest[0]), int(rest[1]))
    elif mode == "sync":
        keep_syncing(Path(database))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
