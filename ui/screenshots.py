"""Take the README's screenshots: the main window, the case panel and the inquiries view.

``xvfb-run -s "-screen 0 1920x1080x24" python -m ui.screenshots --out docs`` starts the
workbench on a fresh demo database (fixed date, Danish, one caseworker's view) and saves
``main-window.png``, ``case-panel.png``, ``inquiries.png`` and ``withdrawn-event.png`` (a
case history with a withdrawn registration, struck through); with ``--dark`` it takes the
main window on a dark palette instead (``main-window-dark.png``). Running it again after a
UI change keeps the pictures current with the code. The reminders are checked at 09:00 on that
day, once the caseworker is set, so the nag bar shows what that caseworker would see.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import APPLICATION, ORGANISATION, Session, start_session
from ui.i18n import Translations
from ui.mainwindow import INQUIRIES_TAB, MainWindow
from ui.palette import dark_palette
from ui.scheduling import ReminderClocks
from workbench.argtypes import iso_date
from workbench.engine import Status
from workbench.views import CaseDetail
from workbench.vocabulary import EventKind

if TYPE_CHECKING:
    from workbench.session import Workbench

WIDTH, HEIGHT = 1800, 1000
#: Before working hours (no reminder yet), and the moment the screenshots show.
EARLY, MORNING = dt.time(7, 0), dt.time(9, 0)


@dataclasses.dataclass
class Moment:
    """The reminders' clock: a fixed moment the screenshots move on by hand."""

    value: dt.datetime

    def now(self) -> dt.datetime:
        """The moment it is set to."""
        return self.value


def wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Let Qt work until ``condition`` holds (the worker answers through the event loop)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the workbench did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(window: MainWindow) -> None:
    """Wait until the worker has answered, then let the window paint."""
    wait_until(lambda: not window.backend.busy)
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    """Grab ``widget`` as it is painted on screen and save it as PNG."""
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def busiest_caseworker(window: MainWindow) -> tuple[str, str]:
    """The caseworker (and team) with the most overdue cases: a telling first screen."""
    red = Counter((row.caseworker, row.team or "") for row in window.shown.cases
                  if row.status is Status.RED)
    return red.most_common(1)[0][0]


def become(window: MainWindow, initials: str, team: str) -> None:
    """Set the user's initials and team, as they would in the settings dialog."""
    assert window.shown.settings is not None
    window.settings_actions.save_settings(dataclasses.replace(
        window.shown.settings, my_initials=initials, my_team=team, language="da"))
    settle(window)


def check_reminders(session: Session, moment: Moment) -> None:
    """Check the reminders at 09:00 of the screenshots' day, and wait for the nag bar."""
    checked: list[object] = []
    session.reminders.checked.connect(checked.append)
    moment.value = dt.datetime.combine(moment.value.date(), MORNING)
    session.reminders.check_nags()
    wait_until(lambda: bool(checked))
    settle(session.window)


def take(session: Session, moment: Moment, out: Path, *, dark: bool = False) -> None:
    """Drive the window to each view and save it (only the main window when ``dark``)."""
    window = session.window
    wait_until(lambda: bool(window.shown.cases))
    settle(window)
    if window.importer.dialog is not None:
        window.importer.dialog.close()
    initials, team = busiest_caseworker(window)
    become(window, initials, team)
    check_reminders(session, moment)
    red = window.lists.sections[Status.RED]
    first = red.model.row_at(red.proxy.mapToSource(red.proxy.index(0, 0)).row())
    window.lists.select_case(first.case_id)
    wait_until(lambda: window.panel.case_id == first.case_id)
    settle(window)
    if dark:
        save(window, out / "main-window-dark.png")
        return
    save(window, out / "main-window.png")
    scope = window.inquiries.scope
    scope.setCurrentIndex(scope.count() - 1)
    scope.activated.emit(scope.count() - 1)
    settle(window)
    case_id = richest_case(window)
    window.open_case(case_id)
    wait_until(lambda: window.panel.case_id == case_id)
    settle(window)
    save(window.panel, out / "case-panel.png")
    window.tabs.setCurrentIndex(INQUIRIES_TAB)
    settle(window)
    save(window, out / "inquiries.png")
    withdraw_one(window, case_id)
    save(window.panel, out / "withdrawn-event.png")


def withdraw_one(window: MainWindow, case_id: str) -> None:
    """Register a conversation today, withdraw it as registered in error, and show it."""
    by, today = window.shown.initials, window.clock.today()

    def registered_in_error(workbench: Workbench) -> None:
        registered = workbench.registrations.register(case_id, EventKind.SAMTALE, today, by=by,
                                                      today=today)
        workbench.registrations.withdraw(registered.event_id, by=by,
                                         reason="Registreret på den forkerte borger")

    window.backend.submit(registered_in_error)
    settle(window)
    window.tabs.setCurrentIndex(0)
    window.case_actions.show_case(case_id)
    wait_until(lambda: bool(window.panel.detail and window.panel.detail.withdrawn_events))
    window.panel.tabs.setCurrentIndex(0)
    events = window.panel.events
    line = next(n for n in range(events.rowCount()) if events.row_at(n).withdrawn)
    window.panel.event_table.scrollTo(events.index(line, 0))
    settle(window)


def richest_case(window: MainWindow) -> str:
    """Of the cases with inquiries, the one with notes, local events and most milestones."""
    today = window.clock.today()
    case_ids = sorted({row.case_id for row in window.inquiries.model.rows})
    found: list[CaseDetail] = []
    window.backend.submit(lambda workbench: [workbench.cases.case_detail(case_id, today)
                                             for case_id in case_ids], on_done=found.extend)
    settle(window)

    def richness(detail: CaseDetail) -> tuple[bool, bool, int]:
        local = any(event.source == "local" for event in detail.events)
        return (bool(detail.notes), local, len(detail.milestones) + len(detail.events))

    return max(found, key=richness).case_id


def main(argv: list[str] | None = None) -> int:
    """Build a demo workbench and take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--today", type=iso_date, default=iso_date("2026-11-23"))
    parser.add_argument("--dark", action="store_true",
                        help="the main window on a dark palette (main-window-dark.png)")
    arguments = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    if arguments.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    arguments.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="workbench-shots-") as folder:
        state = QSettings(str(Path(folder) / "state.ini"), QSettings.Format.IniFormat)
        options = argparse.Namespace(db=str(Path(folder) / "demo.db"), demo=True,
                                     today=arguments.today)
        moment = Moment(dt.datetime.combine(arguments.today, EARLY))
        session = start_session(options, state, Translations(),
                                clocks=ReminderClocks(moment.now))
        session.window.resize(WIDTH, HEIGHT)
        try:
            take(session, moment, arguments.out, dark=arguments.dark)
        finally:
            session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
