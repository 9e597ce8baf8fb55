"""Reminders in the window: the scheduled Qt jobs, the nag bar, the tray and the export folder.

Time is a fake clock the test moves: the nag check's "now", the wall clock and the monotonic
clock. The scheduler itself runs for real (APScheduler's ``QtScheduler``, its jobs on a pool
thread); a test makes it tick at once with ``run_soon`` instead of waiting five minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QThread, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.helpers.exports import Case, write_cases, write_events
from tests.ui.conftest import arguments, wait_idle
from ui import jobs
from ui.app import Session, start_session
from ui.i18n import Translations
from ui.jobs import DueNag, NagCheck
from ui.mainwindow import CASES_TAB, INQUIRIES_TAB, MainWindow
from ui.nagbar import NagBar, nag_text
from ui.scheduling import (
    EXPORT_FOLDER,
    MISFIRE_GRACE_SECONDS,
    NAG_CHECK,
    ReminderClocks,
    ReminderSchedule,
    SleepWatch,
)
from ui.tray import NagTray
from workbench.nags import Nag, NagKey, NagKind
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.store.models import imports
from workbench.vocabulary import Channel

# The offscreen platform has no window system to raise windows or pass size hints to.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")

# Wednesday 25 November 2026. Anna Jensen phoned on Monday: the reply is due today.
WEDNESDAY = dt.date(2026, 11, 25)
MONDAY = dt.date(2026, 11, 23)
NINE = dt.datetime(2026, 11, 25, 9, 0)
HOUR = dt.timedelta(hours=1)
CALL_ANNA = "Call back: the inquiry from Anna Jensen (case S1) must be answered today"
CASES = [Case("S1", name="Anna Jensen", caseworker="AB"),
         Case("S2", name="Bo Hansen", caseworker="AB"),
         Case("S3", name="Carla Nielsen", caseworker="CD")]


class FakeClock:
    """Wall and monotonic time that move only when the test says so."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment
        self.ticks = 1000.0

    def clocks(self) -> ReminderClocks:
        return ReminderClocks(now=lambda: self.moment, wall=self.moment_seconds,
                              monotonic=lambda: self.ticks)

    def moment_seconds(self) -> float:
        return self.moment.timestamp()

    def advance(self, delta: dt.timedelta) -> None:
        """Time passes with the computer awake: both clocks move."""
        self.moment += delta
        self.ticks += delta.total_seconds()

    def set(self, moment: dt.datetime) -> None:
        self.advance(moment - self.moment)

    def sleep(self, delta: dt.timedelta) -> None:
        """The laptop sleeps: the wall clock moves on, the monotonic clock stands still."""
        self.moment += delta


def settled(*paths: Path) -> None:
    """Date files ten minutes back: an export that has finished being copied in."""
    moment = time.time() - 600
    for path in paths:
        os.utime(path, (moment, moment))


def export_files(folder: Path, cases: list[Case]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [write_cases(folder / "sager.csv", cases), write_events(folder / "haendelser.csv", [])]
    settled(*files)
    return files


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """AB's and CD's cases, Anna Jensen's phone inquiry of Monday, and AB using the workbench."""
    path = tmp_path / "workbench.db"
    with Workbench.open(str(path)) as workbench:
        workbench.imports.import_files(export_files(tmp_path / "first-export", CASES), today=MONDAY)
        workbench.inquiries.add("S1", Channel.PHONE, MONDAY, by="AB")
        workbench.settings.save(Settings(my_initials="AB", language="en"))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NINE)


Starter = Callable[..., Session]


@pytest.fixture
def start(qtbot: QtBot, database: Path, clock: FakeClock, state: QSettings,
          translations: Translations) -> Iterator[Starter]:
    """Start the workbench on the database; return once its first nag check is shown."""
    sessions: list[Session] = []

    def started() -> Session:
        session = start_session(arguments(database, today=clock.moment.date()), state,
                                translations, clocks=clock.clocks())
        sessions.append(session)
        qtbot.addWidget(session.window)
        reminders = session.reminders
        with qtbot.waitSignals([reminders.checked, reminders.folder_checked], timeout=20_000):
            pass
        wait_idle(qtbot, session.window)
        return session

    yield started
    for session in sessions:
        session.close()


def tick(qtbot: QtBot, session: Session) -> NagCheck:
    """Make the scheduler run both jobs now, as at a regular tick; the nag check it showed."""
    reminders = session.reminders
    shown: list[NagCheck] = []
    reminders.checked.connect(shown.append)
    try:
        with qtbot.waitSignals([reminders.checked, reminders.folder_checked], timeout=20_000):
            reminders.schedule.run_soon()
    finally:
        reminders.checked.disconnect(shown.append)
    wait_idle(qtbot, session.window)
    assert len(shown) == 1
    return shown[0]


def kinds(check: NagCheck) -> list[NagKind]:
    return [due.nag.kind for due in check.nags]


def bar_text(window: MainWindow) -> str | None:
    """What the nag bar says, or None when it is hidden."""
    return window.nag_bar.text.text() if window.nag_bar.isVisible() else None


def test_a_reply_due_today_nags_at_the_first_tick_then_not_again_for_two_hours(
        qtbot: QtBot, start: Starter, clock: FakeClock) -> None:
    session = start()
    window = session.window
    assert bar_text(window) == CALL_ANNA
    assert window.nag_bar.more.text() == "1 more reminder"  # the morning digest
    qtbot.mouseClick(window.nag_bar.dismiss_button, Qt.MouseButton.LeftButton)
    assert bar_text(window) is None
    clock.advance(dt.timedelta(minutes=5))
    assert tick(qtbot, session).nags == ()
    clock.set(NINE + dt.timedelta(hours=1, minutes=55))
    assert tick(qtbot, session).nags == ()
    assert bar_text(window) is None
    clock.set(NINE + 2 * HOUR)
    assert kinds(tick(qtbot, session)) == [NagKind.DUE_TODAY]
    assert bar_text(window) == CALL_ANNA
    assert window.nag_bar.more.isHidden()


def test_nothing_nags_outside_working_hours(
        qtbot: QtBot, start: Starter, clock: FakeClock) -> None:
    clock.set(NINE.replace(hour=7, minute=55))
    session = start()
    assert bar_text(session.window) is None
    clock.set(NINE.replace(hour=8))
    assert kinds(tick(qtbot, session)) == [NagKind.DIGEST, NagKind.DUE_TODAY]
    session.window.nag_bar.dismiss()
    clock.set(NINE.replace(hour=16))  # eight hours on, but the working day is over
    assert tick(qtbot, session).nags == ()
    clock.set(dt.datetime(2026, 11, 28, 10, 0))  # Saturday
    assert tick(qtbot, session).nags == ()
    assert bar_text(session.window) is None
    clock.set(dt.datetime(2026, 11, 30, 8, 0))  # Monday: the inquiry is overdue now
    assert kinds(tick(qtbot, session)) == [NagKind.DIGEST, NagKind.OVERDUE]
    assert bar_text(session.window) == ("Overdue: call back Anna Jensen (case S1), the reply "
                                        "was due 25-11-2026")


def test_an_overdue_reminder_is_marked_urgent_in_red(
        qtbot: QtBot, start: Starter, clock: FakeClock) -> None:
    clock.set(dt.datetime(2026, 11, 26, 9, 0))
    bar = start().window.nag_bar
    assert bar.current is not None and bar.current.nag.urgent
    assert "#b71c1c" in bar.text.styleSheet()
    assert "bold" in bar.text.styleSheet()


def test_a_wall_clock_jump_rechecks_at_once(
        qtbot: QtBot, start: Starter, clock: FakeClock) -> None:
    session = start()
    reminders = session.reminders
    reminders.window.nag_bar.dismiss()
    clock.advance(dt.timedelta(seconds=30))
    assert not reminders.watch.look()
    clock.sleep(3 * HOUR)
    with qtbot.waitSignals([reminders.checked, reminders.folder_checked], timeout=20_000):
        assert reminders.watch.look()
    wait_idle(qtbot, session.window)
    assert bar_text(session.window) == CALL_ANNA


def test_open_selects_the_inquiry_and_the_digest_opens_the_overdue_list(
        qtbot: QtBot, start: Starter) -> None:
    window = start().window
    assert window.tabs.currentIndex() == CASES_TAB
    qtbot.mouseClick(window.nag_bar.open_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == INQUIRIES_TAB
    selected = window.inquiries.selected_inquiry()
    assert selected is not None and selected.citizen_name == "Anna Jensen"
    assert window.nag_bar.current is not None
    assert window.nag_bar.current.nag.kind is NagKind.DIGEST
    qtbot.mouseClick(window.nag_bar.open_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == CASES_TAB
    assert bar_text(window) is None


def test_open_finds_an_inquiry_the_window_does_not_list_yet(
        qtbot: QtBot, start: Starter, database: Path, clock: FakeClock) -> None:
    session = start()
    window = session.window
    window.nag_bar.dismiss()
    with Workbench.open(str(database)) as elsewhere:  # a teammate's replica sent it, say
        new_id = elsewhere.inquiries.add("S2", Channel.MAIL, dt.date(2026, 11, 11), by="CD")
    assert all(row.inquiry_id != new_id for row in window.inquiries.model.rows)
    clock.advance(dt.timedelta(minutes=5))
    assert kinds(tick(qtbot, session)) == [NagKind.DUE_TODAY]
    assert bar_text(window) == ("Reply: the inquiry from Bo Hansen (case S2) must be answered "
                                "today")
    with qtbot.waitSignal(window.refreshed):
        qtbot.mouseClick(window.nag_bar.open_button, Qt.MouseButton.LeftButton)
    selected = window.inquiries.selected_inquiry()
    assert selected is not None and selected.inquiry_id == new_id


def test_snooze_silences_the_inquiry_for_three_hours(
        qtbot: QtBot, start: Starter, clock: FakeClock) -> None:
    session = start()
    window = session.window
    qtbot.mouseClick(window.nag_bar.snooze_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.nag_bar.current is not None
    assert window.nag_bar.current.nag.kind is NagKind.DIGEST
    assert "until 12:00" in window.statusBar().currentMessage()
    clock.set(NINE + 2 * HOUR)  # without the snooze it would nag again now (see above)
    assert tick(qtbot, session).nags == ()
    clock.set(NINE + 3 * HOUR)
    assert kinds(tick(qtbot, session)) == [NagKind.DUE_TODAY]


def test_without_a_system_tray_the_nag_bar_alone_reminds(
        qtbot: QtBot, start: Starter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    session = start()
    assert session.reminders.tray is None
    assert bar_text(session.window) == CALL_ANNA


class RecordingTrayIcon(QSystemTrayIcon):
    """A tray icon that records its messages instead of asking the desktop to show them."""

    def __init__(self) -> None:
        super().__init__(QIcon())
        self.messages: list[tuple[str, str, QSystemTrayIcon.MessageIcon]] = []
        self.shown = False

    def show(self) -> None:
        self.shown = True

    def showMessage(self, title: str, body: str,  # noqa: N802 - Qt API
                    icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None:
        self.messages.append((title, body, icon))


def test_the_tray_says_what_is_due_and_its_message_opens_the_inquiry(
        qtbot: QtBot, start: Starter, monkeypatch: pytest.MonkeyPatch) -> None:
    icon = RecordingTrayIcon()
    monkeypatch.setattr(NagTray, "if_available", lambda parent=None: NagTray(icon))
    session = start()
    assert icon.shown
    assert icon.messages == [("Reminder", f"{CALL_ANNA}\n1 more reminder in the workbench",
                              QSystemTrayIcon.MessageIcon.Information)]
    assert icon.toolTip().endswith("1 inquiry waiting for a reply")
    icon.messageClicked.emit()
    assert session.window.tabs.currentIndex() == INQUIRIES_TAB
    selected = session.window.inquiries.selected_inquiry()
    assert selected is not None and selected.citizen_name == "Anna Jensen"


def test_scheduled_jobs_announce_in_the_ui_thread_and_are_handled_after_the_tick(
        qtbot: QtBot, start: Starter, monkeypatch: pytest.MonkeyPatch) -> None:
    session = start()
    emitted_on: list[threading.Thread] = []
    submitted_on: list[QThread] = []
    submitted_at_emit: list[int] = []

    def announced() -> None:
        emitted_on.append(threading.current_thread())
        submitted_at_emit.append(len(submitted_on))

    session.reminders.schedule.nag_check_due.connect(announced,
                                                     Qt.ConnectionType.DirectConnection)
    submit = session.backend.submit

    def recording_submit(*args: object, **kwargs: object) -> None:
        submitted_on.append(QThread.currentThread())
        submit(*args, **kwargs)

    monkeypatch.setattr(session.backend, "submit", recording_submit)
    tick(qtbot, session)
    app = QApplication.instance()
    assert app is not None
    # No pool thread: a job is finished when the scheduler's turn ends (see ui.scheduling).
    assert emitted_on == [threading.main_thread()]
    assert submitted_at_emit == [0], "the check is queued, not run inside the scheduler's turn"
    assert len(submitted_on) == 2  # the nag check and the export-folder check
    assert all(thread is app.thread() for thread in submitted_on)


def test_a_run_asked_for_right_after_a_tick_is_never_refused(qtbot: QtBot) -> None:
    """Whatever is slow after a tick's announcement, ``run_soon`` runs both jobs again.

    A listener that takes its time stands for a loaded machine: with APScheduler's thread
    pool the job counted as running until its thread got on, and the run asked for in the
    meantime was refused (at most one instance), so no check came.
    """
    owner = QObject()
    schedule = ReminderSchedule(owner)
    announced: list[str] = []
    with qtbot.waitSignals([schedule.nag_check_due, schedule.folder_check_due]):
        schedule.nag_check_due.connect(lambda: time.sleep(0.3),
                                       Qt.ConnectionType.DirectConnection)
        schedule.start()
    schedule.nag_check_due.connect(lambda: announced.append(NAG_CHECK))
    schedule.folder_check_due.connect(lambda: announced.append(EXPORT_FOLDER))
    with qtbot.waitSignals([schedule.nag_check_due, schedule.folder_check_due],
                           timeout=10_000):
        schedule.run_soon()
    schedule.shutdown()
    assert sorted(announced) == [EXPORT_FOLDER, NAG_CHECK]


def test_the_jobs_have_fixed_ids_coalesce_and_a_generous_misfire_grace(
        qtbot: QtBot, start: Starter) -> None:
    schedule = start().reminders.schedule
    for job_id, minutes in ((NAG_CHECK, 5), (EXPORT_FOLDER, 10)):
        job = schedule.job(job_id)
        assert job.id == job_id
        assert job.coalesce and job.max_instances == 1
        assert job.misfire_grace_time == MISFIRE_GRACE_SECONDS >= 30 * 60
        assert job.trigger.interval == dt.timedelta(minutes=minutes)


def test_the_reminders_start_once_the_lists_are_drawn(
        qtbot: QtBot, database: Path, clock: FakeClock, state: QSettings,
        translations: Translations) -> None:
    """The lists first: the scheduler, its first checks and the tray wait for their fill."""
    session = start_session(arguments(database, today=clock.moment.date()), state,
                            translations, clocks=clock.clocks())
    qtbot.addWidget(session.window)
    window, reminders = session.window, session.reminders
    at_start: list[tuple[int, bool]] = []
    window.started.connect(lambda: at_start.append(
        (sum(section.model.rowCount() for section in window.lists.sections.values()),
         reminders.schedule.running)))
    assert not reminders.schedule.running and reminders.schedule.job(NAG_CHECK) is None
    try:
        with qtbot.waitSignals([reminders.checked, reminders.folder_checked], timeout=20_000):
            pass
        wait_idle(qtbot, window)
        # Every case was in the lists when the reminders started (and they did start).
        assert at_start == [(len(CASES), True)]
        assert reminders.schedule.job(NAG_CHECK) is not None
    finally:
        session.close()


def test_the_window_loads_apscheduler_when_the_reminders_start() -> None:
    script = ("import sys\nimport ui.app\nprint('apscheduler' in sys.modules)\n"
              "from ui.scheduling import ReminderSchedule\n"
              "from PySide6.QtWidgets import QApplication\n"
              "app = QApplication([])\nschedule = ReminderSchedule()\n"
              "print('apscheduler' in sys.modules)\nschedule.start()\n"
              "print('apscheduler' in sys.modules, schedule.running)\nschedule.shutdown()")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env=environment, timeout=120)
    assert done.stdout.split() == ["False", "False", "True", "True"]


def test_a_stopped_schedule_leaves_no_timer_running(qtbot: QtBot) -> None:
    owner = QObject()
    schedule = ReminderSchedule(owner)
    with qtbot.waitSignals([schedule.nag_check_due, schedule.folder_check_due]):
        schedule.start()
    schedule.run_soon()
    schedule.run_soon()
    assert sum(timer.isActive() for timer in schedule.findChildren(QTimer)) == 1
    schedule.shutdown()
    assert not schedule.running
    assert not any(timer.isActive() for timer in schedule.findChildren(QTimer))


# -- the export folder -------------------------------------------------------------------


def import_count(qtbot: QtBot, session: Session) -> int:
    """How many imports the database's history holds."""
    counts: list[int] = []

    def count(workbench: Workbench) -> int:
        with workbench.database.transaction() as connection:
            return int(connection.execute(select(func.count()).select_from(imports)).scalar())

    session.backend.submit(count, on_done=counts.append)
    qtbot.waitUntil(lambda: bool(counts))
    return counts[0]


def look_in_folder(qtbot: QtBot, session: Session) -> jobs.NewExport | None:
    """Make the export-folder job run now; what it found (any import it started is done)."""
    with qtbot.waitSignal(session.reminders.folder_checked, timeout=20_000) as looked:
        session.reminders.schedule.run_soon()
    wait_idle(qtbot, session.window, timeout=30_000)
    found = looked.args[0]
    assert found is None or isinstance(found, jobs.NewExport)
    return found


@pytest.fixture
def export_folder(database: Path, tmp_path: Path) -> Path:
    """The export folder of the settings, holding the export already imported."""
    folder = tmp_path / "eksport"
    shutil.copytree(tmp_path / "first-export", folder)
    with Workbench.open(str(database)) as workbench:
        workbench.settings.save(dataclasses.replace(workbench.settings.load(),
                                                    export_folder=str(folder)))
    return folder


def test_the_export_folder_job_imports_a_new_export_once_and_a_known_one_never(
        qtbot: QtBot, start: Starter, export_folder: Path) -> None:
    session = start()
    window = session.window
    assert look_in_folder(qtbot, session) is None
    assert import_count(qtbot, session) == 1
    export_files(export_folder, [*CASES, Case("S4", name="Dina Holm", caseworker="AB")])
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        found = look_in_folder(qtbot, session)
    assert found is not None and len(found.paths) == 2
    assert import_count(qtbot, session) == 2
    assert "S4" in {row.case_id for row in window.shown.cases}
    assert window.importer.dialog is None, "nothing went wrong: no dialog pops up"
    assert window.importer.progress is None
    assert "1 new" in window.statusBar().currentMessage()
    assert look_in_folder(qtbot, session) is None
    assert import_count(qtbot, session) == 2


def test_a_failed_export_is_not_tried_again_until_the_folder_changes(
        qtbot: QtBot, start: Starter, export_folder: Path) -> None:
    (export_folder / "sager.csv").write_text("Fornavn;Efternavn\nAnna;Jensen\n",
                                             encoding="utf-8")
    settled(export_folder / "sager.csv")
    session = start()  # its first look, at start, tried the broken export
    window = session.window
    box = window.importer.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "error-box"
    assert "sager.csv" in box.informativeText()
    box.close()
    refusals: list[object] = []
    window.importer.refused.connect(refusals.append)
    assert look_in_folder(qtbot, session) is not None
    assert refusals == [], "the same broken folder is not imported again at every tick"
    (export_folder / "sager.csv").write_text("Fornavn;Efternavn\nBo;Hansen\n", encoding="utf-8")
    settled(export_folder / "sager.csv")
    look_in_folder(qtbot, session)
    assert len(refusals) == 1
    assert import_count(qtbot, session) == 1


# -- parts ---------------------------------------------------------------------------------


def due(kind: NagKind, channel: Channel = Channel.PHONE) -> DueNag:
    key = NagKey(kind, "inquiry:7")
    return DueNag(Nag(key, urgent=kind is NagKind.OVERDUE, inquiry_id=7, case_id="S9",
                      due=dt.date(2026, 11, 26)), "Eva Holm", channel)


def test_each_reminder_reads_as_a_sentence(translations: Translations) -> None:
    digest = DueNag(Nag(NagKey(NagKind.DIGEST, "digest:2026-11-25"), urgent=False, red=3,
                        amber=5))
    assert nag_text(digest) == "Your caseload this morning: 3 overdue, 5 due soon"
    assert nag_text(due(NagKind.DUE_TOMORROW, Channel.MAIL)) == \
        "Reply: the inquiry from Eva Holm (case S9) must be answered by 26-11-2026"
    translations.switch("da")
    assert nag_text(due(NagKind.DUE_TODAY)) == \
        "Ring tilbage: henvendelsen fra Eva Holm (sag S9) skal besvares i dag"
    assert nag_text(due(NagKind.OVERDUE, Channel.MAIL)) == \
        "Overskredet: svar Eva Holm (sag S9), svarfristen var 26-11-2026"


def test_the_bar_shows_the_most_pressing_reminder_first(qtbot: QtBot) -> None:
    bar = NagBar()
    qtbot.addWidget(bar)
    digest = DueNag(Nag(NagKey(NagKind.DIGEST, "digest:2026-11-25"), urgent=False))
    bar.show_nags([digest, due(NagKind.DUE_TODAY), due(NagKind.OVERDUE)])
    assert [item.nag.kind for item in bar.nags] == [NagKind.OVERDUE, NagKind.DUE_TODAY,
                                                    NagKind.DIGEST]
    assert bar.more.text() == "2 more reminders"
    bar.drop(bar.nags[0])
    assert bar.current == due(NagKind.DUE_TODAY)
    bar.drop(bar.nags[0])
    assert bar.snooze_button.isHidden(), "the digest is about no inquiry to snooze"
    bar.drop(digest)
    assert bar.isHidden()


def test_the_sleep_watch_notices_a_jump_either_way_and_a_late_look() -> None:
    clock = FakeClock(NINE)
    watch = SleepWatch(clock.clocks())
    watch.start()
    clock.advance(dt.timedelta(seconds=30))
    assert not watch.look()
    clock.sleep(dt.timedelta(hours=8))  # Linux and macOS: monotonic stood still
    assert watch.look()
    clock.advance(dt.timedelta(hours=8))  # Windows: both ran on, but the look came late
    assert watch.look()
    clock.moment -= dt.timedelta(hours=1)  # the clock was set back
    clock.ticks += 30
    assert watch.look()
    clock.advance(dt.timedelta(seconds=31))
    assert not watch.look()
    watch.stop()
