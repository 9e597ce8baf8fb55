"""Names and descriptions a screen reader announces for the window's parts.

A table without an accessible name is announced as "table", and a button that shows only
a sign ("×") by that sign. This gives the three case lists, the inquiries, the case panel
and its tables names and short descriptions in the current language, and the status
lists' names carry their count ("Overdue, 5 cases"). The nag bar names its own parts
(ui/nagbar.py). ``tests/ui/test_accessibility.py`` checks that every table and every
button without a word on it has a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from ui import texts
from workbench.engine import Status

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow


class AccessibleNames(QObject):
    """Keeps the window's accessible names and descriptions current (language, counts)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        window.refreshed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        """Set every name and description in the current language."""
        window = self.window
        descriptions = {
            Status.RED: self.tr("Cases whose follow-up deadline has passed, the most "
                                "overdue first. Enter opens the case."),
            Status.AMBER: self.tr("Cases whose follow-up deadline falls soon, the soonest "
                                  "first. Enter opens the case."),
            Status.GREEN: self.tr("Cases on time. Enter opens the case."),
        }
        for status, section in window.lists.sections.items():
            section.table.setAccessibleName(texts.fill(self.tr("%1, %n case(s)", "",
                                                               section.count), section.title))
            section.table.setAccessibleDescription(descriptions[status])
        window.lists.search.setAccessibleName(self.tr("Search the cases"))
        window.inquiries.table.setAccessibleName(self.tr("Citizens' inquiries"))
        window.inquiries.table.setAccessibleDescription(self.tr(
            "Inquiries with their reply deadlines, overdue first."))
        panel = window.panel
        panel.setAccessibleName(self.tr("Case panel"))
        panel.setAccessibleDescription(self.tr(
            "The selected case: facts, deadlines, events, notes and inquiries."))
        for table, name in ((panel.milestone_table, self.tr("Deadlines of the case")),
                            (panel.event_table, self.tr("Events of the case")),
                            (panel.note_table, self.tr("Notes on the case")),
                            (panel.inquiry_table, self.tr("Inquiries on the case")),
                            (panel.conflict_table,
                             self.tr("Conflicting changes on the case"))):
            table.setAccessibleName(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.apply()
        return super().eventFilter(watched, event)
