"""The inquiries' actions: register a citizen's inquiry, register the reply, find one.

``InquiryActions`` owns Ctrl+N and the inquiries view's requests; each change is an op
(``ui.ops``) that says which case and that the inquiries changed, so only the inquiries,
that case's row and (if shown) the case panel are read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from ui import ops
from ui.caselists import CaseListsView
from ui.dialogs import NewInquiryDialog
from ui.inquiries import InquiriesView
from ui.ops import Changes, Operations
from ui.shown import Shown
from workbench.calendar import WorkingCalendar
from workbench.vocabulary import Channel


class InquiryActions(QObject):
    """New inquiry, answer an inquiry, and show one (from a reminder)."""

    def __init__(self, operations: Operations, shown: Shown, lists: CaseListsView,
                 inquiries: InquiriesView, *,
                 today: Callable[[], dt.date], have_initials: Callable[[], bool],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._operations = operations
        self._shown = shown
        self._lists = lists
        self._inquiries = inquiries
        self._today = today
        self._have_initials = have_initials
        self._window = parent
        inquiries.new_inquiry_requested.connect(lambda: self.new_inquiry(None))
        inquiries.answer_requested.connect(self.answer_inquiry)

    def new_inquiry(self, case_id: str | None) -> None:
        """Ctrl+N: register a phone or written inquiry, on the selected case by default."""
        if not self._have_initials():
            return
        settings = self._shown.settings
        calendar = settings.calendar() if settings else WorkingCalendar()
        dialog = NewInquiryDialog(self._shown.cases, case_id or self._lists.selected_case,
                                  self._today(), calendar, self._window)
        dialog.submitted.connect(self.add_inquiry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._shown.dialog = dialog

    def add_inquiry(self, case_id: str, channel: Channel, received: dt.date) -> None:
        """Register a citizen's inquiry (from the new-inquiry dialog)."""
        if self._have_initials():
            ops.add_inquiry(case_id, channel, received, by=self._shown.initials).run(
                self._operations, self)

    def answer_inquiry(self, inquiry_id: int, answered_on: dt.date) -> None:
        """Register the reply to an inquiry (from the inquiries view)."""
        if not self._have_initials():
            return
        row = next((row for row in self._inquiries.model.rows
                    if row.inquiry_id == inquiry_id), None)
        case_id = row.case_id if row is not None else ""
        ops.answer_inquiry(case_id, inquiry_id, answered_on, by=self._shown.initials).run(
            self._operations, self)

    def find(self, inquiry_id: int) -> None:
        """Select an inquiry; one not listed is looked for among everyone's, read anew."""
        if self._inquiries.select_inquiry(inquiry_id):
            return
        self._inquiries.show_everyones()
        wanted = Changes(inquiries=True)

        def drawn(changes: Changes) -> None:
            if changes is wanted:
                self._operations.drawn.disconnect(drawn)
                self._inquiries.select_inquiry(inquiry_id)

        self._operations.drawn.connect(drawn)
        self._operations.apply(wanted, self)
