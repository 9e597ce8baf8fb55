"""Each view reads again only what a change concerns (it hears of changes from ``ui.ops``).

- ``CaseListsRefresh``: the rows of the changed cases, put in place in the lists.
- ``CasePanelRefresh``: the case shown, if it is one of them.
- ``InquiriesRefresh``: the inquiries, if they changed (or the user chose whose to see).
- ``FullRefresh``: everything (a ``jobs.Snapshot``), when ``Changes.full`` says so: at
  start-up, at midnight, after an import or a sync that brought entries, new settings.

Each sends its read to the worker while it hears of the changes; ``Operations.drawn``
follows once all of them are drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui import jobs
from ui.caselists import CaseListsView
from ui.casepanel import CasePanel
from ui.inquiries import InquiriesView
from ui.ops import EVERYTHING, Changes, Operations
from ui.shown import Shown
from workbench.errors import WorkbenchError
from workbench.views import CaseDetail, CaseRow, InquiryRow

if TYPE_CHECKING:
    from workbench.settings import Settings

Today = Callable[[], dt.date]


class CaseListsRefresh(QObject):
    """Puts the changed cases' rows in place in the lists (no reset, selection kept)."""

    def __init__(self, operations: Operations, lists: CaseListsView, shown: Shown,
                 today: Today) -> None:
        super().__init__(lists)
        self._operations = operations
        self._lists = lists
        self._shown = shown
        self._today = today
        operations.changed.connect(self._changed)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.full or not changes.cases:
            return
        case_ids, today = changes.cases, self._today()
        self._operations.backend.submit(
            lambda workbench: jobs.case_rows(workbench, today, case_ids),
            on_done=lambda rows: self._draw(case_ids, rows),
            on_error=self._operations.show_error)

    def _draw(self, case_ids: frozenset[str], rows: list[CaseRow]) -> None:
        were = self._shown.statuses(case_ids)
        self._shown.replace_cases(case_ids, rows)
        self._lists.replace_cases(case_ids, rows, were)


class CasePanelRefresh(QObject):
    """Reads the case shown in the panel again if a change touched it; loads a chosen one."""

    def __init__(self, operations: Operations, panel: CasePanel, lists: CaseListsView,
                 today: Today) -> None:
        super().__init__(panel)
        self._operations = operations
        self._panel = panel
        self._lists = lists
        self._today = today
        operations.changed.connect(self._changed)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if not changes.full and changes.touches(self._panel.case_id):
            self.load(self._panel.case_id)

    def load(self, case_id: str | None) -> None:
        """Read ``case_id``'s detail and show it, if it is still the case selected then."""
        if case_id is None:
            return
        today = self._today()

        def shown(detail: CaseDetail | None) -> None:
            if self._lists.selected_case == case_id:
                self._panel.show_detail(detail)

        self._operations.backend.submit(
            lambda workbench: jobs.case_detail(workbench, case_id, today),
            on_done=shown, on_error=self._operations.show_error)


class InquiriesRefresh(QObject):
    """Reads the inquiries again when they changed, or when the user chose whose to see."""

    def __init__(self, operations: Operations, inquiries: InquiriesView, today: Today) -> None:
        super().__init__(inquiries)
        self._operations = operations
        self._inquiries = inquiries
        self._today = today
        operations.changed.connect(self._changed)
        inquiries.scope_changed.connect(
            lambda: operations.apply(Changes(inquiries=True), inquiries))

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.inquiries and not changes.full:
            self.load()

    def load(self, then: Callable[[], object] | None = None) -> None:
        """Read the inquiries of the owner chosen; then ``then``."""
        view = jobs.View(self._today(), self._inquiries.owner())

        def shown(rows: tuple[InquiryRow, ...]) -> None:
            self._inquiries.set_rows(rows)
            if then is not None:
                then()

        self._operations.backend.submit(lambda workbench: jobs.inquiries(workbench, view),
                                        on_done=shown, on_error=self._operations.show_error)


class FullRefresh(QObject):
    """Reads and draws everything when a change says so, and when the day changes.

    A full read asked for while one is still being read is folded into one more read after
    it, so a large caseload is not read over and over in a queue.
    """

    #: A full read has been drawn.
    drawn = Signal()

    def __init__(self, operations: Operations, shown: Shown, lists: CaseListsView,
                 panel: CasePanel, inquiries: InquiriesView, today: Today,
                 apply: Callable[[jobs.Snapshot], None]) -> None:
        super().__init__(lists)
        self._operations = operations
        self._shown = shown
        self._lists = lists
        self._panel = panel
        self._inquiries = inquiries
        self._today = today
        self._apply = apply
        self._reading = False
        self._again = False
        self._columns_fitted = False
        #: The teams with open cases as last read (``Shown.caseworkers`` has the people).
        self._teams: tuple[str, ...] = ()
        operations.changed.connect(self._changed)
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self.check_day)
        self._day_timer.start(60_000)

    def columns_fitted(self, fitted: bool) -> None:
        """Whether the columns have their widths already (restored from the last run)."""
        self._columns_fitted = fitted

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.full:
            self.read()

    def check_day(self) -> None:
        """At midnight the lists move on by themselves: a day changes every status."""
        today = self._today()
        if today != self._shown.day:
            self._panel.set_today(today)
            self._inquiries.set_today(today)
            self._operations.apply(EVERYTHING)

    def read(self) -> None:
        """Read everything again from the database, and draw it."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        view = jobs.View(self._today(), self._inquiries.owner(), self._lists.selected_case)

        def done(snapshot: jobs.Snapshot) -> None:
            self._reading = False
            self.draw(snapshot)
            # Who has open cases, for the owner filter: read once the lists are drawn.
            self._operations.backend.submit(
                jobs.owners, on_done=lambda found: self._draw_people(found, snapshot.settings),
                on_error=self._operations.show_error)
            if self._again:
                self._again = False
                self.read()

        def failed(error: WorkbenchError) -> None:
            self._reading = self._again = False
            self._operations.show_error(error)

        self._operations.backend.submit(lambda workbench: jobs.snapshot(workbench, view),
                                        on_done=done, on_error=failed)

    def draw(self, snapshot: jobs.Snapshot) -> None:
        """Draw what the database holds now."""
        shown = self._shown
        shown.day = snapshot.today
        shown.set_cases(snapshot.cases)
        self._apply(snapshot)
        settings = snapshot.settings
        self._lists.set_covers(dict(snapshot.covers))
        # The colleagues and teams as last read, until they are read again (``read``).
        self._lists.set_people(shown.caseworkers, self._teams, settings.my_initials,
                               settings.my_team or "")
        self._lists.set_cases(snapshot.cases, settings.amber_days, soonest_first=True)
        self._panel.amber_days = settings.amber_days
        if snapshot.detail is None or snapshot.detail.case_id == self._lists.selected_case:
            self._panel.show_detail(snapshot.detail)
        self._inquiries.set_rows(snapshot.inquiries)
        if not self._columns_fitted:
            self._lists.fit_columns()
            self._columns_fitted = True
        self.drawn.emit()

    def _draw_people(self, owners: tuple[tuple[str, ...], tuple[str, ...]],
                     settings: Settings) -> None:
        """Offer the colleagues and teams that have open cases in the owner filter."""
        self._shown.caseworkers, self._teams = owners
        self._lists.set_people(*owners, settings.my_initials, settings.my_team or "")
