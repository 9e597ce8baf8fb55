"""The main window: the three case lists, the case panel, the inquiries, and the actions.

The window holds no state of its own beyond what it shows: every change goes to the worker
as a job that ends with a fresh ``Snapshot``, and the snapshot is drawn as it comes back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui import jobs, texts
from ui.accessibility import AccessibleNames
from ui.backend import Backend
from ui.caseactions import CaseActions
from ui.caselists import CaseListsView
from ui.casepanel import CasePanel
from ui.dialogs import NewInquiryDialog, SettingsDialog
from ui.help import HelpController
from ui.i18n import Translations, current_language
from ui.icons import action_icon, app_icon
from ui.identity import IdentityDialog
from ui.importing import ImportController, error_box
from ui.inquiries import InquiriesView
from ui.nagbar import NagBar
from ui.pauses import WaiverController, WaiverTab
from ui.reportactions import ReportActions
from ui.screenfit import PREFERRED, fit_to_screen
from ui.team import CoverDialog, TeamDialog, format_moment
from workbench.backups import CorruptDatabaseError, backup_time
from workbench.calendar import WorkingCalendar
from workbench.engine import Status
from workbench.errors import WorkbenchError
from workbench.views import CaseRow, InquiryRow
from workbench.vocabulary import Channel

if TYPE_CHECKING:
    from workbench.session import Workbench
    from workbench.settings import Settings
    from workbench.sync.team import TeamStatus

CASES_TAB, INQUIRIES_TAB = 0, 1


class Clock:
    """Today's date: the real one, or a fixed one (``--today``) for screenshots and tests."""

    def __init__(self, fixed: dt.date | None = None) -> None:
        self.fixed = fixed

    def today(self) -> dt.date:
        """The date the lists are computed for."""
        return self.fixed or dt.date.today()

    def now(self) -> dt.datetime:
        """The moment now, on the fixed day if there is one (reminders follow ``--today``)."""
        moment = dt.datetime.now()
        return dt.datetime.combine(self.fixed, moment.time()) if self.fixed else moment


class MainWindow(QMainWindow):
    """The caseworker's workbench."""

    # Emitted each time a snapshot from the database has been drawn (tests wait for it).
    refreshed = Signal()
    # Emitted once the database is open and the settings are read: the reminders may start.
    started = Signal()
    # Emitted with True when the database joined a team (or is found in one), False if not.
    team_changed = Signal(bool)
    # Emitted when a sync has been shown, or has failed (tests wait for it).
    synced = Signal()

    def __init__(self, backend: Backend, clock: Clock, state: QSettings,
                 translations: Translations | None = None, *, demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        self.backend = backend
        self.clock = clock
        self.state = state
        self.translations = translations
        # None until the worker has read them from the database.
        self.settings: Settings | None = None
        self.profiles: tuple[str, ...] = ()
        self.cases: tuple[CaseRow, ...] = ()
        self.caseworkers: tuple[str, ...] = ()
        self.team: TeamStatus | None = None
        self._syncing = False
        self.dialog: QWidget | None = None
        self._demo = demo
        self._shown_day = clock.today()
        self._columns_fitted = False
        self._refreshing = False
        self._refresh_again = False
        self.importer = ImportController(backend, self, clock.today)
        self.importer.imported.connect(lambda _summary: self.refresh())
        self.importer.status.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.reports = ReportActions(backend, self, clock.today, self._my_team, state)
        self.reports.status.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self._build_views()
        self._build_actions()
        self._build_toolbar()
        self.setAcceptDrops(True)
        self.retranslate()
        self._restore_state()
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start(60_000)
        # The Help menu and the screen reader's names live in their own modules.
        self.help = HelpController(self)
        self.accessible_names = AccessibleNames(self)

    # -- construction ---------------------------------------------------------------------

    def _build_views(self) -> None:
        today = self.clock.today()
        self.lists = CaseListsView()
        self.panel = CasePanel(today)
        self.panel.setObjectName("case-panel")
        self.case_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.case_splitter.addWidget(self.lists)
        self.case_splitter.addWidget(self.panel)
        self.case_splitter.setStretchFactor(0, 2)
        self.case_splitter.setStretchFactor(1, 1)
        self.panel.setMinimumWidth(440)
        self.inquiries = InquiriesView(today)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.case_splitter, "")
        self.tabs.addTab(self.inquiries, "")
        self.nag_bar = NagBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nag_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.today_label = QLabel()
        self.profile_label = QLabel()
        self.profile_label.setObjectName("profile")
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(self.fontMetrics().height())
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.profile_label)
        self.statusBar().addPermanentWidget(self.today_label)
        self.backend.busy_changed.connect(self.busy.setVisible)
        self.case_actions = CaseActions(self.panel, self.lists, change=self._change,
                                        load_case=self.show_case, today=self.clock.today,
                                        initials=lambda: self.initials, parent=self)
        self.case_actions.undo_changed.connect(lambda _label: self._update_undo())
        self.panel.inquiry_requested.connect(self.new_inquiry)
        self.panel.reveal_requested.connect(self.reveal_cpr)
        self.waiver_tab = WaiverTab()
        self.panel.add_tab(self.waiver_tab, self.waiver_tab)
        self.waivers = WaiverController(
            self, self._change, lambda: self.initials, self.clock.today,
            lambda: self.settings.profile_name if self.settings else None)
        self.waivers.connect_tab(self.waiver_tab)
        self.inquiries.scope_changed.connect(self.refresh_inquiries)
        self.inquiries.new_inquiry_requested.connect(lambda: self.new_inquiry(None))
        self.inquiries.answer_requested.connect(self.answer_inquiry)
        self.inquiries.case_requested.connect(self.open_case)

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Callable[[], object], name: str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_files_action = self._action(QKeySequence.StandardKey.Open,
                                                self.choose_import_files, "import-files")
        self.import_now_action = self._action("F5", self.import_now, "import-now")
        self.preview_import_action = self._action(
            None, lambda: self.importer.choose_preview_files(self.export_folder),
            "preview-import")
        self.search_action = self._action("Ctrl+F", self.focus_search, "search")
        self.new_inquiry_action = self._action("Ctrl+N", lambda: self.new_inquiry(None),
                                               "new-inquiry")
        self.conversation_action = self._action("Ctrl+R", self.prepare_conversation,
                                                "register-conversation")
        self.settings_action = self._action("Ctrl+,", self.open_settings, "settings")
        self.export_status_action = self._action(None, self.reports.export_status,
                                                 "export-status")
        self.team_action = self._action(None, self.open_team, "team")
        self.sync_action = self._action("Ctrl+Shift+S", self.sync_now, "sync-now")
        self.cover_action = self._action(None, self.open_cover, "cover")
        self.cancel_cover_action = self._action(None, self.cancel_cover, "cancel-cover")
        self.undo_action = self._action(QKeySequence.StandardKey.Undo,
                                        lambda: self.case_actions.undo(), "undo")
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close, "quit")
        self.import_files_action.setIcon(self.style().standardIcon(
            self.style().StandardPixmap.SP_DialogOpenButton))
        self.import_now_action.setIcon(self.style().standardIcon(
            self.style().StandardPixmap.SP_BrowserReload))
        self.conversation_action.setIcon(action_icon("conversation"))
        self.new_inquiry_action.setIcon(action_icon("inquiry"))
        self.settings_action.setIcon(action_icon("settings"))
        self.sync_action.setIcon(action_icon("sync"))

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.import_now_action, self.import_files_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.conversation_action, self.new_inquiry_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.sync_action)
        self.toolbar.addAction(self.settings_action)
        self.addToolBar(self.toolbar)
        self.file_menu = self.menuBar().addMenu("")
        for action in (self.import_now_action, self.import_files_action,
                       self.preview_import_action, self.export_status_action,
                       self.settings_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        for action in (self.team_action, self.sync_action, self.cover_action,
                       self.cancel_cover_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.case_menu = self.menuBar().addMenu("")
        for action in (self.search_action, self.conversation_action, self.new_inquiry_action,
                       self.undo_action):
            self.case_menu.addAction(action)

    # -- talking to the worker ------------------------------------------------------------

    def start(self) -> None:
        """Read the settings; then show the data, or offer the demo on an empty database."""
        self.backend.submit(jobs.start_up, on_done=self._started, on_error=self.show_error)

    def _started(self, start: jobs.StartUp) -> None:
        self.profiles = start.profiles
        self._apply_settings(start.settings)
        if not start.settings.my_initials and not self._demo:
            # Who am I, before anything else (the demo's people are fictional: it waits).
            self.dialog = self.ask_who(then=lambda: self._start_showing(start))
        else:
            self._start_showing(start)
        self.started.emit()

    def _start_showing(self, start: jobs.StartUp) -> None:
        """Show the data, or offer the demo on an empty database (or load it: --demo)."""
        if start.empty and self._demo:
            self.importer.import_demo()
        elif start.empty:
            self.dialog = self._offer_demo()
        else:
            self.refresh()

    @property
    def initials(self) -> str:
        """Who uses the workbench (empty until they said so in the settings)."""
        return self.settings.my_initials if self.settings else ""

    def _my_team(self) -> str | None:
        """My team as the settings have it, if any (the report proposes it)."""
        return (self.settings.my_team or None) if self.settings is not None else None

    @property
    def export_folder(self) -> str:
        """Where the central system drops its exports (empty if not set)."""
        return (self.settings.export_folder or "") if self.settings else ""

    def _view(self) -> jobs.View:
        """What the next snapshot should contain."""
        return jobs.View(self.clock.today(), self.inquiries.owner(), self.lists.selected_case)

    def refresh(self) -> None:
        """Read everything again from the database.

        A refresh asked for while one is still being read is folded into one more read
        after it, so a large caseload is not read over and over in a queue.
        """
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        view = self._view()

        def done(snapshot: jobs.Snapshot) -> None:
            self._refreshing = False
            self.show_snapshot(snapshot)
            if self._refresh_again:
                self._refresh_again = False
                self.refresh()

        def failed(error: WorkbenchError) -> None:
            self._refreshing = self._refresh_again = False
            self.show_error(error)

        self.backend.submit(lambda workbench: jobs.snapshot(workbench, view),
                            on_done=done, on_error=failed)

    def refresh_inquiries(self, then: Callable[[], object] | None = None) -> None:
        """Read the inquiries again (whose to see changed; the cases did not)."""
        view = self._view()

        def shown(rows: tuple[InquiryRow, ...]) -> None:
            self.inquiries.set_rows(rows)
            self._update_counts()
            if then is not None:
                then()
            self.refreshed.emit()

        self.backend.submit(lambda workbench: jobs.inquiries(workbench, view),
                            on_done=shown, on_error=self.show_error)

    def _change(self, job: Callable[[Workbench, jobs.View], jobs.Snapshot],
                then: Callable[[], None] | None = None) -> None:
        """Send a change to the worker; draw the snapshot it ends with."""
        if not self._have_initials():
            return
        view = self._view()

        def done(snapshot: jobs.Snapshot) -> None:
            self.show_snapshot(snapshot)
            if then is not None:
                then()

        self.backend.submit(lambda workbench: job(workbench, view), on_done=done,
                            on_error=self.show_error)

    def show_snapshot(self, snapshot: jobs.Snapshot) -> None:
        """Draw what the database holds now."""
        self._shown_day = snapshot.today
        self.cases = snapshot.cases
        self.caseworkers = snapshot.caseworkers
        self._apply_settings(snapshot.settings)
        self._apply_team(snapshot.team)
        self.lists.set_covers(dict(snapshot.covers))
        amber = snapshot.settings.amber_days
        self.lists.set_people(snapshot.caseworkers, snapshot.teams,
                              snapshot.settings.my_initials, snapshot.settings.my_team or "")
        self.lists.set_cases(snapshot.cases, amber)
        self.panel.amber_days = amber
        if snapshot.detail is None or snapshot.detail.case_id == self.lists.selected_case:
            self.panel.show_detail(snapshot.detail)
        self.inquiries.set_rows(snapshot.inquiries)
        if not self._columns_fitted:
            self.lists.fit_columns()
            self._columns_fitted = True
        self._update_counts()
        self.refreshed.emit()

    def show_case(self, case_id: str) -> None:
        """Load one case into the panel."""
        today = self.clock.today()

        def shown(detail: object) -> None:
            if self.lists.selected_case == case_id:
                self.panel.show_detail(detail)  # type: ignore[arg-type]

        self.backend.submit(lambda workbench: jobs.case_detail(workbench, case_id, today),
                            on_done=shown, on_error=self.show_error)

    def reveal_cpr(self, case_id: str) -> None:
        """Show one case's full CPR number in the panel, once the core has audited it."""
        by = self.initials
        self.backend.submit(lambda workbench: workbench.audit.reveal_cpr(case_id, by=by or None),
                            on_done=lambda number: self.panel.show_revealed_cpr(case_id, number),
                            on_error=self.show_error)

    def open_case(self, case_id: str) -> None:
        """Show a case from elsewhere (an inquiry): switch to the lists and select it."""
        self.tabs.setCurrentIndex(CASES_TAB)
        if not self.lists.select_case(case_id):
            self.lists.search.clear()
            self.lists.owner_filter.setCurrentIndex(0)
            self.lists.select_case(case_id)
        self.case_actions.select_case(case_id)

    def open_inquiry(self, inquiry_id: int) -> None:
        """Show an inquiry from elsewhere (a reminder): the inquiries tab, with it selected.

        One not listed (the view shows another team's, or was read before the inquiry came)
        is looked for among everyone's, read anew.
        """
        self.tabs.setCurrentIndex(INQUIRIES_TAB)
        self.inquiries.table.setFocus()
        if not self.inquiries.select_inquiry(inquiry_id):
            self.inquiries.show_everyones()
            self.refresh_inquiries(then=lambda: self.inquiries.select_inquiry(inquiry_id))

    def open_overdue_list(self) -> None:
        """Show the overdue cases (the morning overview's reminder): the red list."""
        self.tabs.setCurrentIndex(CASES_TAB)
        self.lists.sections[Status.RED].table.setFocus()

    def answer_inquiry(self, inquiry_id: int, answered_on: dt.date) -> None:
        """Register the reply to an inquiry (from the inquiries view)."""
        by = self.initials
        self._change(lambda workbench, view: jobs.answer_inquiry(
            workbench, view, inquiry_id, answered_on, by))

    def add_inquiry(self, case_id: str, channel: Channel, received: dt.date) -> None:
        """Register a citizen's inquiry (from the new-inquiry dialog)."""
        by = self.initials
        self._change(lambda workbench, view: jobs.add_inquiry(
            workbench, view, case_id, channel, received, by))

    def save_settings(self, settings: Settings) -> None:
        """Store new settings and redraw with them."""
        view = self._view()
        self.backend.submit(lambda workbench: jobs.save_settings(workbench, view, settings),
                            on_done=self.show_snapshot, on_error=self.show_error)

    def _apply_team(self, status: TeamStatus) -> None:
        """Remember the team; say so when this database joined one (the schedule follows)."""
        was_in = self.team is not None and self.team.settings is not None
        self.team = status
        joined = status.settings is not None
        if joined != was_in:
            self.team_changed.emit(joined)

    def sync_now(self, *, quiet: bool = False) -> None:
        """Sync with the team on the worker, then show what came and the sync time.

        ``quiet`` (the scheduled sync) says a failure in the status bar, not in a box.
        """
        if self.team is None or self.team.settings is None:
            if not quiet:
                self.statusBar().showMessage(
                    self.tr("This workbench is in no team: join one first (Team…)."), 8000)
            return
        if self._syncing:
            return
        self._syncing = True
        view = self._view()

        def done(result: jobs.Synced) -> None:
            self._syncing = False
            self.show_snapshot(result.snapshot)
            report = result.report
            self.statusBar().showMessage(texts.fill(
                self.tr("Synced: sent %1, received %2 (%3)"), report.total_sent,
                report.total_received, format_moment(report.time)), 15_000)
            self.synced.emit()

        def failed(error: WorkbenchError) -> None:
            self._syncing = False
            if quiet:
                self.statusBar().showMessage(texts.fill(
                    self.tr("The team sync failed; it is tried again: %1"), error), 15_000)
            else:
                self.show_error(error)
            self.synced.emit()

        self.backend.submit(lambda workbench: jobs.sync_now(workbench, view),
                            on_done=done, on_error=failed)

    def join_team(self, me: str, members: list[str], folder: str | None,
                  server: str | None, join_code: str | None = None) -> None:
        """Join a miniteam (from the team dialog), then redraw; show a new team's join code."""
        view = self._view()
        self.backend.submit(
            lambda workbench: jobs.join_team(workbench, view, me, members, folder, server,
                                             join_code),
            on_done=self._joined, on_error=self.show_error)

    def _joined(self, result: tuple[jobs.Snapshot, str | None]) -> None:
        snapshot, join_code = result
        self.show_snapshot(snapshot)
        if join_code:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Join code"), texts.fill(
                self.tr("The team's key was made now. Give your teammates this join code "
                        "(it is shown only now):\n\n%1"), join_code),
                QMessageBox.StandardButton.Ok, self)
            box.setObjectName("join-code")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.dialog = box

    def assign_cover(self, absent: str, starts: dt.date, ends: dt.date) -> None:
        """Cover an absent colleague's cases myself (from the cover dialog)."""
        by = self.initials
        self._change(lambda workbench, view: jobs.assign_cover(
            workbench, view, absent, starts, ends, by))

    # -- actions --------------------------------------------------------------------------

    def open_team(self) -> None:
        """Show the team's status and offer to join one."""
        dialog = TeamDialog(self.team, self.initials, self)
        dialog.submitted.connect(self.join_team)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def open_cover(self) -> None:
        """Cover an absent colleague's cases from one day to another."""
        if not self._have_initials():
            return
        members = self.team.settings.members if self.team and self.team.settings else ()
        colleagues = [name for name in dict.fromkeys((*members, *self.caseworkers))
                      if name != self.initials]
        dialog = CoverDialog(colleagues, self.clock.today(), self)
        dialog.submitted.connect(self.assign_cover)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def cancel_cover(self) -> None:
        """End a cover in force (any member may): chosen from the team's covers."""
        if not self._have_initials():
            return
        self.backend.submit(
            lambda workbench: [(row.absent, row.case_id) for row in workbench.registrations.covers()
                               if row.covering is not None],
            on_done=self._offer_cover_cancel, on_error=self.show_error)

    def _offer_cover_cancel(self, covers: list[tuple[str, str | None]]) -> None:
        if not covers:
            self.statusBar().showMessage(self.tr("No colleague is covered now."), 8000)
        self.case_actions.cancel_cover(covers)

    def _update_undo(self) -> None:
        label = self.case_actions.undo_label
        self.undo_action.setEnabled(bool(label))
        self.undo_action.setText(label or self.tr("&Undo"))

    def focus_search(self) -> None:
        """Ctrl+F: go to the case lists' search field."""
        self.tabs.setCurrentIndex(CASES_TAB)
        self.lists.focus_search()

    def prepare_conversation(self) -> None:
        """Ctrl+R: ready a conversation today on the selected case; Enter registers it."""
        self.tabs.setCurrentIndex(CASES_TAB)
        if self.panel.case_id is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 5000)
            return
        self.panel.prepare_conversation()

    def new_inquiry(self, case_id: str | None) -> None:
        """Ctrl+N: register a phone or written inquiry, on the selected case by default."""
        if not self._have_initials():
            return
        calendar = self.settings.calendar() if self.settings else WorkingCalendar()
        dialog = NewInquiryDialog(self.cases, case_id or self.lists.selected_case,
                                  self.clock.today(), calendar, self)
        dialog.submitted.connect(self.add_inquiry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def open_settings(self) -> None:
        """Open the settings dialog (once they have been read from the database)."""
        if self.settings is None:
            return
        dialog = SettingsDialog(self.settings, self.profiles or (self.settings.profile_name,),
                                sorted({row.team for row in self.cases if row.team}),
                                self.clock.today(), self)
        dialog.submitted.connect(self.save_settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def choose_import_files(self) -> None:
        """Ctrl+O: pick export files to import."""
        dialog = QFileDialog(self, self.tr("Import export files"), self.export_folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Exports (*.csv *.xlsx);;All files (*)"))
        dialog.filesSelected.connect(self.importer.import_paths)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def import_now(self) -> None:
        """F5: import what lies in the export folder (or ask for files if none is set)."""
        if self.export_folder:
            self.importer.import_folder(self.export_folder)
        else:
            self.statusBar().showMessage(
                self.tr("No export folder is set (Settings): choose the files instead."), 8000)
            self.choose_import_files()

    def _offer_demo(self) -> QMessageBox:
        """First start on an empty database: offer the fictional demo caseload."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Welcome"),
                          self.tr("The database is empty."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("demo-offer")
        box.setInformativeText(self.tr(
            "Load a demo caseload of fictional citizens to try the workbench? You can "
            "import your own export later (Import now, F5)."))
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self.importer.import_demo)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _have_initials(self) -> bool:
        """Registrations carry the caseworker's initials: ask for them if they are missing."""
        if self.initials:
            return True
        self.dialog = self.ask_who()
        self.statusBar().showMessage(self.tr("Every registration records who made it: enter "
                                             "your initials, then register again."), 15_000)
        return False

    def ask_who(self, then: Callable[[], None] | None = None) -> IdentityDialog:
        """Ask for my initials and team; save them; then ``then`` (answered or not)."""
        current = self.settings
        teams = sorted({row.team for row in self.cases if row.team})
        dialog = IdentityDialog(teams, current.my_initials if current else "",
                                (current.my_team or "") if current else "", self)

        def save(initials: str, team: str) -> None:
            if self.settings is not None:
                self.save_settings(dataclasses.replace(self.settings, my_initials=initials,
                                                       my_team=team or None))

        dialog.submitted.connect(save)
        if then is not None:
            dialog.finished.connect(lambda _result: then())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def cannot_open(self, error: WorkbenchError) -> None:
        """The database cannot be opened: say so, and close when the user has read it.

        A damaged database with an intact backup is offered that backup instead.
        """
        if isinstance(error, CorruptDatabaseError) and error.backup is not None:
            self.dialog = self._offer_backup(error.path, error.backup)
            return
        box = error_box(self, self.tr("Caseworker Workbench"),
                        self.tr("The database could not be opened."),
                        error.in_language(current_language()))
        box.finished.connect(self.close)
        self.dialog = box

    def _offer_backup(self, database: Path, backup: Path) -> QMessageBox:
        """Ask to restore the latest backup (named by its time); No closes the window."""
        made = backup_time(backup)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Caseworker Workbench"), texts.fill(
            self.tr("The database is damaged and cannot be opened. Restore the latest "
                    "backup, from %1?"), f"{texts.format_date(made.date())} {made:%H:%M}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("restore-offer")
        box.setInformativeText(self.tr("Work registered after the backup must be registered "
                                       "again. The damaged file is kept beside it."))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _result: self._restore(database, backup)
                             if box.clickedButton() is restore else self.close())
        box.open()
        return box

    def _restore(self, database: Path, backup: Path) -> None:
        """Restore the backup in the worker thread, then start as usual."""
        self.backend.open(lambda: jobs.restore_and_open(database, backup),
                          on_done=lambda _: self.start(), on_error=self.cannot_open)

    def show_error(self, error: WorkbenchError) -> None:
        """Show an error the core raised on purpose; nothing was changed."""
        self.dialog = error_box(self, self.tr("Caseworker Workbench"),
                                self.tr("That did not work; nothing was changed."),
                                error.in_language(current_language()))

    # -- drag and drop --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        """Accept files dragged onto the window."""
        if event.mimeData().hasUrls() and all(url.isLocalFile()
                                              for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        """Import the files dropped onto the window."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.import_paths(paths)

    # -- settings, language, state --------------------------------------------------------

    def _apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.profile_label.setText(texts.fill(self.tr("Rule profile: %1"), settings.profile_name))
        self.inquiries.set_me(settings.my_initials, settings.my_team or "")
        if self.translations is not None and settings.language != current_language():
            self.translations.try_switch(settings.language)
        if self.state.value("language") != settings.language:
            # Remembered outside the database, so the next start opens in it at once.
            self.state.setValue("language", settings.language)

    def _update_counts(self) -> None:
        counts = self.lists.counts()
        total = sum(counts.values())
        self.tabs.setTabText(CASES_TAB, texts.fill(self.tr("Cases (%1)"), total))
        self.tabs.setTabText(INQUIRIES_TAB, texts.fill(self.tr("Inquiries (%1)"),
                                                       self.inquiries.open_count()))
        self.today_label.setText(texts.fill(self.tr("Today: %1 (week %2)"),
                                            texts.format_date(self._shown_day),
                                            self._shown_day.isocalendar().week))

    def _check_day(self) -> None:
        """At midnight the lists move on by themselves: a day changes every status."""
        today = self.clock.today()
        if today != self._shown_day:
            self.panel.set_today(today)
            self.inquiries.set_today(today)
            self.refresh()

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.setWindowTitle(self.tr("Caseworker Workbench"))
        self.import_files_action.setText(self.tr("Import &files…"))
        self.import_files_action.setToolTip(self.tr("Import export files (Ctrl+O); you can "
                                                    "also drop them onto the window"))
        self.import_now_action.setText(self.tr("&Import now"))
        self.import_now_action.setToolTip(self.tr("Import the export folder's files (F5)"))
        self.preview_import_action.setText(self.tr("&Preview an import…"))
        self.preview_import_action.setToolTip(self.tr("Show what importing export files would "
                                                      "do, without changing anything"))
        self.search_action.setText(self.tr("&Search"))
        self.new_inquiry_action.setText(self.tr("&New inquiry…"))
        self.new_inquiry_action.setToolTip(self.tr("Register a phone or written inquiry "
                                                   "(Ctrl+N)"))
        self.conversation_action.setText(self.tr("&Register conversation…"))
        self.conversation_action.setToolTip(self.tr("Register a conversation today on the "
                                                    "selected case (Ctrl+R)"))
        self.settings_action.setText(self.tr("S&ettings…"))
        self.export_status_action.setText(self.tr("E&xport status to Excel…"))
        self.export_status_action.setToolTip(self.tr("The team lead's status workbook: "
                                                     "choose the team and the day"))
        self.team_action.setText(self.tr("&Team…"))
        self.sync_action.setText(self.tr("S&ync now"))
        self.sync_action.setToolTip(self.tr("Sync with the team now (Ctrl+Shift+S)"))
        self.cover_action.setText(self.tr("&Cover for a colleague…"))
        self.cancel_cover_action.setText(self.tr("C&ancel a cover…"))
        self._update_undo()
        self.quit_action.setText(self.tr("&Quit"))
        self.file_menu.setTitle(self.tr("&File"))
        self.case_menu.setTitle(self.tr("&Case"))
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _restore_state(self) -> None:
        """Bring back the window's size, position, splitters and column widths."""
        geometry = self.state.value("window/geometry")
        window_state = self.state.value("window/state")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if isinstance(window_state, QByteArray):
                self.restoreState(window_state)
            fit_to_screen(self)
        else:
            fit_to_screen(self, PREFERRED)
        splitter = self.state.value("window/case-splitter")
        if isinstance(splitter, QByteArray):
            self.case_splitter.restoreState(splitter)
        else:
            width = self.width()
            self.case_splitter.setSizes([width * 2 // 3, width // 3])
        self._columns_fitted = self.lists.restore_state(self.state)
        inquiries = self.state.value("inquiries/header")
        if isinstance(inquiries, QByteArray):
            self.inquiries.restore_header(inquiries)

    def save_state(self) -> None:
        """Remember the window's size, position, splitters and column widths."""
        self.state.setValue("window/geometry", self.saveGeometry())
        self.state.setValue("window/state", self.saveState())
        self.state.setValue("window/case-splitter", self.case_splitter.saveState())
        self.lists.save_state(self.state)
        self.state.setValue("inquiries/header",
                            self.inquiries.table.horizontalHeader().saveState())
        self.state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Remember the layout for next time."""
        self.save_state()
        super().closeEvent(event)
