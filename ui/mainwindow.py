"""The main window: the three case lists, the case panel, the inquiries, and the actions.

The window composes the views and the controllers and keeps the layout. Every change is an
op (``ui.ops``) that says what it changed; each view reads again only what concerns it
(``ui.refresh``), and everything is read at start-up, at midnight and after an import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
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
from ui.help import HelpController
from ui.i18n import Translations, current_language
from ui.icons import action_icon, app_icon
from ui.importing import ImportController, error_box
from ui.inquiries import InquiriesView
from ui.inquiryactions import InquiryActions
from ui.nagbar import NagBar
from ui.ops import EVERYTHING, Operations
from ui.pauses import WaiverController, WaiverTab
from ui.refresh import CaseListsRefresh, CasePanelRefresh, FullRefresh, InquiriesRefresh
from ui.reportactions import ReportActions
from ui.screenfit import PREFERRED, fit_to_screen
from ui.settingsactions import SettingsActions
from ui.shown import Shown
from ui.startup import StartUp
from ui.teamactions import TeamActions
from workbench.engine import Status
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.settings import Settings

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
    """The caseworker's workbench: composes the views and controllers, keeps the layout.

    The actions live in the controllers (``case_actions``, ``inquiry_actions``,
    ``team_actions``, ``settings_actions``, ``importer``, ``reports``, ``startup``).
    """

    # Emitted each time the views have drawn what a change (or a full read) concerns.
    refreshed = Signal()
    # Emitted once the database is open and the settings are read, and the lists are drawn
    # if there are any: the reminders may start.
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
        self.shown = Shown(clock.today())
        self.operations = Operations(backend, self.show_error, self)
        self.operations.drawn.connect(lambda _changes: self._update_counts())
        self.operations.drawn.connect(lambda _changes: self.refreshed.emit())
        self._build_views()
        self._build_controllers(translations, demo)
        self._build_actions()
        self._build_toolbar()
        self.setAcceptDrops(True)
        self.retranslate()
        self._restore_state()
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
        self.waiver_tab = WaiverTab()
        self.panel.add_tab(self.waiver_tab, self.waiver_tab)

    def _build_controllers(self, translations: Translations | None, demo: bool) -> None:
        """The views' refreshers and the controllers that own the actions, wired."""
        shown, operations, today = self.shown, self.operations, self.clock.today
        say = self.statusBar().showMessage
        self.settings_actions = SettingsActions(operations, shown, self.state, translations,
                                                today, self)
        ready = self.settings_actions.have_initials

        def applied(settings: Settings) -> None:
            self.profile_label.setText(texts.fill(self.tr("Rule profile: %1"),
                                                  settings.profile_name))
            self.inquiries.set_me(settings.my_initials, settings.my_team or "")

        def drawn(snapshot: jobs.Snapshot) -> None:
            self.settings_actions.apply(snapshot.settings)

        self.settings_actions.applied.connect(applied)
        self.importer = ImportController(self.backend, self, today)
        self.importer.imported.connect(lambda _summary: operations.apply(EVERYTHING,
                                                                         self.importer))
        self.reports = ReportActions(self.backend, self, today, lambda: shown.my_team,
                                     self.state)
        self.panel_refresh = CasePanelRefresh(operations, self.panel, self.lists, today)
        self.lists_refresh = CaseListsRefresh(operations, self.lists, shown, today)
        self.inquiries_refresh = InquiriesRefresh(operations, self.inquiries, today)
        self.case_actions = CaseActions(operations, self.panel, self.lists,
                                        loader=self.panel_refresh, today=today,
                                        initials=lambda: shown.initials, have_initials=ready,
                                        parent=self)
        self.case_actions.undo_changed.connect(lambda _label: self._update_undo())
        self.inquiry_actions = InquiryActions(operations, shown, self.lists, self.inquiries,
                                              today=today, have_initials=ready, parent=self)
        self.panel.inquiry_requested.connect(self.inquiry_actions.new_inquiry)
        self.inquiries.case_requested.connect(self.open_case)
        self.team_actions = TeamActions(operations, shown, self.case_actions, today=today,
                                        have_initials=ready, parent=self)
        self.team_actions.team_changed.connect(self.team_changed)
        self.team_actions.synced.connect(self.synced)
        self.full_refresh = FullRefresh(operations, shown, self.lists, self.panel,
                                        self.inquiries, today, drawn)
        # The team's status is not the lists: read once a full read is drawn.
        self.full_refresh.drawn.connect(self.team_actions.read_status)
        self.waivers = WaiverController(
            self, operations, lambda: shown.initials, today,
            lambda: shown.settings.profile_name if shown.settings else None,
            case_id=lambda: self.panel.case_id, have_initials=ready)
        self.waivers.connect_tab(self.waiver_tab)
        self.startup = StartUp(self.backend, operations, shown, self.settings_actions,
                               self.importer, demo=demo, window=self)
        self.startup.started.connect(self.started)
        for controller in (self.importer, self.reports, self.settings_actions,
                           self.team_actions):
            controller.status.connect(lambda text: say(text, 15_000))

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
        shown, team = self.shown, self.team_actions
        self.import_files_action = self._action(
            QKeySequence.StandardKey.Open, lambda: self.importer.choose_files(
                shown.export_folder), "import-files")
        self.import_now_action = self._action(
            "F5", lambda: self.importer.import_now(shown.export_folder), "import-now")
        self.preview_import_action = self._action(
            None, lambda: self.importer.choose_preview_files(shown.export_folder),
            "preview-import")
        self.search_action = self._action("Ctrl+F", self.focus_search, "search")
        self.new_inquiry_action = self._action(
            "Ctrl+N", lambda: self.inquiry_actions.new_inquiry(None), "new-inquiry")
        self.conversation_action = self._action("Ctrl+R", self.prepare_conversation,
                                                "register-conversation")
        self.settings_action = self._action("Ctrl+,", self.settings_actions.open_settings,
                                            "settings")
        self.export_status_action = self._action(None, self.reports.export_status,
                                                 "export-status")
        self.team_action = self._action(None, team.open_team, "team")
        self.sync_action = self._action("Ctrl+Shift+S", team.sync_now, "sync-now")
        self.cover_action = self._action(None, team.open_cover, "cover")
        self.cancel_cover_action = self._action(None, team.cancel_cover, "cancel-cover")
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

    # -- showing things from elsewhere ----------------------------------------------------

    def open_case(self, case_id: str) -> None:
        """Show a case from elsewhere (an inquiry): switch to the lists and select it."""
        self.tabs.setCurrentIndex(CASES_TAB)
        if not self.lists.select_case(case_id):
            self.lists.search.clear()
            self.lists.owner_filter.setCurrentIndex(0)
            self.lists.select_case(case_id)
        self.case_actions.select_case(case_id)

    def open_inquiry(self, inquiry_id: int) -> None:
        """Show an inquiry from elsewhere (a reminder): the inquiries tab, with it selected."""
        self.tabs.setCurrentIndex(INQUIRIES_TAB)
        self.inquiries.table.setFocus()
        self.inquiry_actions.find(inquiry_id)

    def open_overdue_list(self) -> None:
        """Show the overdue cases (the morning overview's reminder): the red list."""
        self.tabs.setCurrentIndex(CASES_TAB)
        self.lists.sections[Status.RED].table.setFocus()

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

    def show_error(self, error: WorkbenchError) -> None:
        """Show an error the core raised on purpose; nothing was changed."""
        self.shown.dialog = error_box(self, self.tr("Caseworker Workbench"),
                                      self.tr("That did not work; nothing was changed."),
                                      error.in_language(current_language()))

    def _update_undo(self) -> None:
        label = self.case_actions.undo_label
        self.undo_action.setEnabled(bool(label))
        self.undo_action.setText(label or self.tr("&Undo"))

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

    def _update_counts(self) -> None:
        counts = self.lists.counts()
        total = sum(counts.values())
        self.tabs.setTabText(CASES_TAB, texts.fill(self.tr("Cases (%1)"), total))
        self.tabs.setTabText(INQUIRIES_TAB, texts.fill(self.tr("Inquiries (%1)"),
                                                       self.inquiries.open_count()))
        self.today_label.setText(texts.fill(self.tr("Today: %1 (week %2)"),
                                            texts.format_date(self.shown.day),
                                            self.shown.day.isocalendar().week))

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
        self.full_refresh.columns_fitted(self.lists.restore_state(self.state))
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
