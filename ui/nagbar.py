"""The nag bar: a strip above the lists that says which citizen is waiting for a reply.

It shows the most urgent reminder in words, how many more there are, and offers to open
the inquiry (or, for the morning digest, the overdue list), to snooze it for a few hours,
or to hide the bar. It is not modal and takes no focus: the caseworker may finish what
they were doing first. Which reminders are due is the core's decision; the bar only words
them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui import texts
from ui.icons import palette_is_dark, status_colour, status_icon
from ui.jobs import DueNag
from workbench.engine import Status
from workbench.nags import NagKind
from workbench.vocabulary import Channel

# How long the bar's Snooze silences an inquiry's reminders: longer than the core's
# repeat intervals (1 hour overdue, 2 hours due today), or it would silence nothing.
SNOOZE_HOURS = 3


# A pale wash of the status colour sets the strip apart from the lists below it (a dark one
# on a dark palette); the status colours keep their contrast on it (WCAG AA).
_WASH = {Status.RED: "#fdecea", Status.AMBER: "#fff4e0"}
_DARK_WASH = {Status.RED: "#3d1f1f", Status.AMBER: "#3a3020"}


def nag_colours(status: Status) -> tuple[QColor, QColor]:
    """The bar's text colour and background for a status, on the application's palette."""
    wash = _DARK_WASH if palette_is_dark() else _WASH
    return status_colour(status), QColor(wash[status])


def nag_text(due: DueNag) -> str:
    """A reminder in words: who is waiting, on which case, and by when they must hear back."""
    nag = due.nag
    if nag.kind is NagKind.DIGEST and due.no_caseload == "":
        return QCoreApplication.translate(
            "nags", "The morning summary has no caseload to count: enter your initials "
            "(Settings) to see your own overdue and soon due cases")
    if nag.kind is NagKind.DIGEST and due.no_caseload:
        return texts.fill(QCoreApplication.translate(
            "nags", "The morning summary has no caseload to count: no open case has the "
            "caseworker %1"), due.no_caseload)
    if nag.kind is NagKind.DIGEST:
        return texts.fill(QCoreApplication.translate(
            "nags", "Your caseload this morning: %1 overdue, %2 due soon"), nag.red, nag.amber)
    return texts.fill(_inquiry_template(nag.kind, due.channel is Channel.MAIL),
                      due.citizen or nag.case_id or "", nag.case_id or "",
                      texts.format_date(nag.due))


def _inquiry_template(kind: NagKind, written: bool) -> str:
    """The words of an inquiry's reminder: %1 the citizen, %2 the case, %3 the due date.

    A phone inquiry is answered by calling back, a written one by replying.
    """
    if kind is NagKind.OVERDUE and written:
        return QCoreApplication.translate(
            "nags", "Overdue: reply to %1 (case %2), the reply was due %3")
    if kind is NagKind.OVERDUE:
        return QCoreApplication.translate(
            "nags", "Overdue: call back %1 (case %2), the reply was due %3")
    if kind is NagKind.DUE_TODAY and written:
        return QCoreApplication.translate(
            "nags", "Reply: the inquiry from %1 (case %2) must be answered today")
    if kind is NagKind.DUE_TODAY:
        return QCoreApplication.translate(
            "nags", "Call back: the inquiry from %1 (case %2) must be answered today")
    if written:
        return QCoreApplication.translate(
            "nags", "Reply: the inquiry from %1 (case %2) must be answered by %3")
    return QCoreApplication.translate(
        "nags", "Call back: the inquiry from %1 (case %2) must be answered by %3")


def most_pressing_first(nags: Sequence[DueNag]) -> list[DueNag]:
    """Overdue inquiries first, then the others, then the morning digest.

    A citizen waiting for a call comes before an overview of the caseload; within each
    group the core's order (soonest due first) stands.
    """
    return sorted(nags, key=lambda due: (not due.nag.urgent, due.nag.kind is NagKind.DIGEST))


class NagBar(QFrame):
    """The reminders due, most urgent first, with Open, Snooze and a close button."""

    open_requested = Signal(object)
    snooze_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nag-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._nags: list[DueNag] = []
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("nag-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.more = QLabel()
        self.more.setObjectName("nag-more")
        self.open_button = QPushButton()
        self.open_button.setObjectName("nag-open")
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("nag-snooze")
        self.dismiss_button = QToolButton()
        self.dismiss_button.setObjectName("nag-dismiss")
        self.dismiss_button.setText("×")
        self.dismiss_button.setAutoRaise(True)
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._lay_out()
        self.open_button.clicked.connect(lambda: self._request(self.open_requested))
        self.snooze_button.clicked.connect(lambda: self._request(self.snooze_requested))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.retranslate()
        self.hide()

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.open_button)
        layout.addWidget(self.snooze_button)
        layout.addWidget(self.dismiss_button)

    @property
    def nags(self) -> tuple[DueNag, ...]:
        """The reminders the bar holds, the one shown first."""
        return tuple(self._nags)

    @property
    def current(self) -> DueNag | None:
        """The reminder the bar shows (and Open and Snooze act on)."""
        return self._nags[0] if self._nags else None

    def show_nags(self, nags: Sequence[DueNag]) -> None:
        """Show these reminders instead of the ones shown until now."""
        self._nags = most_pressing_first(nags)
        self._redraw()

    def drop(self, due: DueNag) -> None:
        """Take one reminder away (it was opened or snoozed); the next one shows."""
        self._nags = [other for other in self._nags if other != due]
        self._redraw()

    def dismiss(self) -> None:
        """Hide the bar until the core finds reminders due again."""
        self._nags = []
        self._redraw()

    def _request(self, signal: SignalInstance) -> None:
        if self.current is not None:
            signal.emit(self.current)

    def _redraw(self) -> None:
        due = self.current
        if due is None:
            self.hide()
            return
        status = Status.RED if due.nag.urgent else Status.AMBER
        colour, wash = nag_colours(status)
        self.icon.setPixmap(status_icon(status).pixmap(20, 20))
        self.text.setText(nag_text(due))
        self.text.setStyleSheet(f"color: {colour.name()};" + (" font-weight: bold;"
                                                              if due.nag.urgent else ""))
        # The count and the "×" take the text colour too: the palette's own text colour can
        # be the wash's (light on light, or dark on dark) and vanish.
        self.setStyleSheet(f"#nag-bar {{ background: {wash.name()}; border: 1px solid "
                           f"{colour.name()}; border-left: 4px solid {colour.name()}; }}"
                           f" #nag-more, #nag-dismiss {{ color: {colour.name()}; }}"
                           " #nag-dismiss { font-weight: bold; }")
        self.setAccessibleDescription(nag_text(due))
        extra = len(self._nags) - 1
        self.more.setText(self.tr("%n more reminder(s)", "", extra) if extra else "")
        self.more.setVisible(bool(extra))
        self.snooze_button.setVisible(due.nag.inquiry_id is not None)
        self.show()

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Show the inquiry (or, for the morning overview, "
                                            "the overdue cases)"))
        self.snooze_button.setText(self.tr("Snooze %n hour(s)", "", SNOOZE_HOURS))
        self.snooze_button.setToolTip(self.tr("No reminders about this inquiry for %n hour(s)",
                                              "", SNOOZE_HOURS))
        self.dismiss_button.setToolTip(self.tr("Hide the reminders"))
        # The button shows only "×": a screen reader says its name instead.
        self.dismiss_button.setAccessibleName(self.tr("Hide the reminders"))
        self.setAccessibleName(self.tr("Reminders"))
        self.text.setAccessibleName(self.tr("Reminder"))
        self._redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
