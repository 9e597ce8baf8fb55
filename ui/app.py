"""Start the desktop workbench: ``workbench-gui`` or ``python -m ui``.

Options: ``--db PATH_OR_URL`` (default: WORKBENCH_DB or the per-user database), ``--demo``
(on an empty database, import a fictional demo caseload without asking) and
``--today YYYY-MM-DD`` (compute every list as of that day: screenshots and tests).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from types import TracebackType

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui import autostart, jobs
from ui.appid import set_app_id
from ui.backend import Backend
from ui.collector import UiThreadCollector
from ui.crash import CrashDialog
from ui.i18n import Translations
from ui.icons import app_icon
from ui.mainwindow import Clock, MainWindow
from ui.reminders import Reminders
from ui.scheduling import ReminderClocks
from ui.singleinstance import SingleInstance, bring_forward, instance_key
from ui.tray import NagTray
from ui.traykeeper import TrayKeeper
from workbench.argtypes import iso_date
from workbench.crash import crash_report
from workbench.logs import GUI_PROGRAM, start_logging
from workbench.messages import DEFAULT_LANGUAGE

log = logging.getLogger(__name__)
ORGANISATION = "Caseworker Workbench"
APPLICATION = "caseworker-workbench"
#: Crash dialogs still open: held here so that one without a parent window stays alive.
_open_reports: list[CrashDialog] = []


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line of the desktop app."""
    parser = argparse.ArgumentParser(prog="workbench-gui",
                                     description="Caseworker Workbench (desktop)")
    parser.add_argument("--db", help="database path or URL (default: WORKBENCH_DB or the "
                        "per-user database)")
    parser.add_argument("--demo", action="store_true",
                        help="on an empty database, import a fictional demo caseload")
    parser.add_argument("--today", type=iso_date, help="show the lists as of this day")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation (Qt, translations, icons, window) and exit")
    return parser.parse_args(argv)


@dataclass
class Session:
    """A running workbench: the window, its reminders and the worker that owns the database."""

    window: MainWindow
    backend: Backend
    reminders: Reminders
    #: Keeps the program in the tray when the window is closed (where there is a tray).
    keeper: TrayKeeper | None = None
    #: Collects reference cycles on the UI thread while the session runs.
    collector: UiThreadCollector | None = None

    def close(self) -> None:
        """Stop the reminders, close the window and the database, stop the worker thread."""
        if self.keeper is not None:
            self.keeper.quitting = True
        self.reminders.stop()
        self.window.close()
        self.backend.shutdown()
        if self.collector is not None:
            self.collector.stop()


def start_session(arguments: argparse.Namespace, state: QSettings,
                  translations: Translations | None = None,
                  clocks: ReminderClocks | None = None) -> Session:
    """Open the database in the worker thread and show the main window at once.

    The window appears before the database has answered: the lists fill in as soon as
    the first snapshot arrives, so a large caseload never delays the window. The reminders
    start once the database is open; ``clocks`` lets tests and screenshots fix the time.
    """
    if translations is not None:
        translations.try_switch(str(state.value("language", DEFAULT_LANGUAGE)))
    collector = UiThreadCollector()  # before the worker makes its first object
    backend = Backend()
    # Asked first, so the worker loads the database layer and opens the file while this
    # thread builds the window; both answers come in the event loop, after it is built.
    backend.open(partial(jobs.open_workbench, arguments.db),
                 on_done=lambda _: window.startup.start(),
                 on_error=lambda error: window.startup.cannot_open(error))
    clock = Clock(arguments.today)
    window = MainWindow(backend, clock, state, translations, demo=arguments.demo)
    reminders = Reminders(window, clocks or ReminderClocks(clock.now), NagTray.if_available())
    keeper = None if reminders.tray is None else TrayKeeper(window, reminders.tray, state)
    window.show()
    return Session(window, backend, reminders, keeper, collector)


def _report_unexpected(kind: type[BaseException], error: BaseException,
                       trace: TracebackType | None) -> CrashDialog | None:
    """A bug: log it and show a copyable report, instead of vanishing without a word.

    The report has every CPR-looking number masked and no local variable values.
    """
    report = crash_report(kind, error, trace)
    log.error("unexpected error\n%s", report)
    print(report, file=sys.stderr)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    window = app.activeWindow()
    dialog = CrashDialog(report, window if isinstance(window, QWidget) else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_reports.append(dialog)
    dialog.finished.connect(lambda _result: _open_reports.remove(dialog))
    dialog.open()
    return dialog


def refuse_second_start(instance: SingleInstance) -> int | None:
    """None if this is the database's only workbench; else the exit code of this one.

    One workbench per database: a second start asks the running one to show its window
    and ends (0), or says the database is held by one that does not answer (2).
    """
    if instance.acquire():
        return None
    if instance.ask_running_instance():
        print("workbench-gui: already running on this database; its window is shown",
              file=sys.stderr)
        return 0
    print("workbench-gui: another workbench holds this database and does not answer",
          file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop workbench until its window is closed."""
    arguments = parse_arguments(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(ORGANISATION)
    app.setWindowIcon(app_icon())
    if arguments.self_test:
        from ui.selftest import run_gui_self_test

        passed = run_gui_self_test(app, print)
        print("gui self-test passed" if passed else "gui self-test FAILED", file=sys.stderr)
        return 0 if passed else 2
    instance = SingleInstance(instance_key(arguments.db))
    refused = refuse_second_start(instance)
    if refused is not None:
        return refused
    set_app_id(app)
    autostart.remember_database(arguments.db)
    start_logging(GUI_PROGRAM)
    sys.excepthook = _report_unexpected
    session = start_session(arguments, QSettings(), Translations())
    instance.activation_requested.connect(lambda: bring_forward(session.window))
    try:
        return app.exec()
    finally:
        session.reminders.stop()
        session.backend.shutdown()
        instance.release()


if __name__ == "__main__":
    sys.exit(main())
