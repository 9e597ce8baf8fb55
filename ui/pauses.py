"""Pauses and exemptions on the case panel: see them, add one, end or withdraw one.

``WaiverTab`` is the panel's tab listing the case's pauses and exemptions (withdrawn ones
greyed); its buttons only ask, through signals. ``WaiverDialog`` asks for a reason from the
rule profile's list (each shown with its legal reference), the dates of a pause or the rule
to exempt. ``WaiverController`` owns the actions: it opens the dialog and sends the change
to the worker through the window's change function, which redraws what it returns.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import ops, texts
from ui.casepanel import date_edit, picked_date
from ui.i18n import current_language
from ui.ops import Operations
from workbench.resources import DEFAULT_PROFILE, load_named_profile
from workbench.rules import ReasonEffect, RuleProfile
from workbench.views import CaseDetail, ExemptionRow, PauseRow

if TYPE_CHECKING:
    from workbench.session import Workbench

_ROLE = Qt.ItemDataRole.UserRole


class WaiverTab(QWidget):
    """A case's pauses and exemptions, with buttons to add, end and withdraw them."""

    pause_requested = Signal(object)
    exemption_requested = Signal(object)
    #: ("pause" or "exemption", its id).
    withdraw_requested = Signal(str, int)
    #: A pause's id, to end it.
    end_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: CaseDetail | None = None
        self.list = QListWidget()
        self.list.setObjectName("waivers")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._update_enabled())
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("add-pause")
        self.pause_button.clicked.connect(lambda: self._ask(self.pause_requested))
        self.exempt_button = QPushButton()
        self.exempt_button.setObjectName("add-exemption")
        self.exempt_button.clicked.connect(lambda: self._ask(self.exemption_requested))
        self.end_button = QPushButton()
        self.end_button.setObjectName("end-pause")
        self.end_button.clicked.connect(self._end_clicked)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("withdraw-waiver")
        self.withdraw_button.clicked.connect(self._withdraw_clicked)
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.exempt_button, self.end_button,
                       self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_enabled()

    def count(self) -> int:
        """How many pauses and exemptions in force the case has (for the tab's title)."""
        if self._detail is None:
            return 0
        detail = self._detail
        return (sum(not row.withdrawn for row in detail.pauses)
                + sum(not row.withdrawn for row in detail.exemptions))

    def tab_title(self) -> str:
        """The case panel's title of this tab, with the count in force."""
        return texts.fill(self.tr("Pauses (%1)"), self.count())

    def show_detail(self, detail: CaseDetail | None) -> None:
        """List ``detail``'s pauses and exemptions (None: nothing)."""
        self._detail = detail
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        detail = self._detail
        if detail is not None:
            for pause in detail.pauses:
                self._add_item(self._pause_text(pause), ("pause", pause.pause_id),
                               pause.withdrawn, pause.reference)
            for exemption in detail.exemptions:
                self._add_item(self._exemption_text(exemption),
                               ("exemption", exemption.exemption_id), exemption.withdrawn,
                               exemption.reference)
        self._update_enabled()

    def _add_item(self, text: str, key: tuple[str, int], withdrawn: bool, reference: str,
                  ) -> None:
        suffix = self.tr("withdrawn")
        item = QListWidgetItem(f"{text} — {suffix}" if withdrawn else text)
        item.setData(_ROLE, (*key, withdrawn))
        item.setToolTip(reference)
        if withdrawn:
            item.setForeground(QColor("#808080"))
        self.list.addItem(item)

    def _pause_text(self, pause: PauseRow) -> str:
        ends = texts.format_date(pause.ends) if pause.ends else self.tr("until ended")
        return texts.fill(self.tr("Paused %1 – %2: %3 (by %4)"), texts.format_date(pause.starts),
                          ends, _title(pause.reason_da, pause.reason_en, pause.reason),
                          pause.registered_by)

    def _exemption_text(self, exemption: ExemptionRow) -> str:
        return texts.fill(self.tr("Exempt from %1: %2 (by %3)"), exemption.rule_id,
                          _title(exemption.reason_da, exemption.reason_en, exemption.reason),
                          exemption.registered_by)

    def selected(self) -> tuple[str, int, bool] | None:
        """The chosen line: ("pause" or "exemption", id, withdrawn); None if none."""
        item = self.list.currentItem()
        if item is None:
            return None
        kind, row_id, withdrawn = item.data(_ROLE)
        return str(kind), int(row_id), bool(withdrawn)

    def _ask(self, signal: SignalInstance) -> None:
        if self._detail is not None:
            signal.emit(self._detail)

    def _end_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen[0] == "pause" and not chosen[2]:
            self.end_requested.emit(chosen[1])

    def _withdraw_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and not chosen[2]:
            self.withdraw_requested.emit(chosen[0], chosen[1])

    def _update_enabled(self) -> None:
        has_case = self._detail is not None and self._detail.case is not None
        chosen = self.selected()
        standing = chosen is not None and not chosen[2]
        self.pause_button.setEnabled(has_case)
        self.exempt_button.setEnabled(has_case)
        self.end_button.setEnabled(standing and chosen is not None and chosen[0] == "pause")
        self.withdraw_button.setEnabled(standing)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.pause_button.setText(self.tr("&Pause…"))
        self.pause_button.setToolTip(self.tr("Pause the case's deadlines for a legal reason"))
        self.exempt_button.setText(self.tr("E&xempt…"))
        self.exempt_button.setToolTip(self.tr("Exempt the case from one rule for a legal "
                                              "reason"))
        self.end_button.setText(self.tr("End pause…"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Withdraw a pause or exemption registered "
                                                "in error"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _title(title_da: str, title_en: str, key: str) -> str:
    """A reason's title in the current language; its key if the profile does not list it."""
    return (title_en if current_language() == "en" else title_da) or key


class WaiverDialog(QDialog):
    """Asks for a pause (reason, from, to) or an exemption (rule, reason) of one case."""

    def __init__(self, detail: CaseDetail, profile: RuleProfile, effect: ReasonEffect,
                 today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waiver-dialog")
        self.effect = effect
        self.case_id = detail.case_id
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        for reason in profile.reasons:
            if reason.effect is effect:
                self.reason.addItem(_title(reason.title_da, reason.title_en, reason.key),
                                    reason.key)
                self.reason.setItemData(self.reason.count() - 1, reason.reference,
                                        Qt.ItemDataRole.ToolTipRole)
        self.reference = QLabel()
        self.reference.setObjectName("reason-reference")
        self.reference.setWordWrap(True)
        self.reason.currentIndexChanged.connect(self._show_reference)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.reference)
        self.rule = QComboBox()
        self.rule.setObjectName("rule")
        self.starts = date_edit(today)
        self.starts.setObjectName("pause-from")
        self.ends = date_edit(today)
        self.ends.setObjectName("pause-to")
        self.open_ended = QCheckBox(self.tr("Until ended"))
        self.open_ended.setObjectName("pause-open-ended")
        self.open_ended.toggled.connect(lambda on: self.ends.setEnabled(not on))
        if effect is ReasonEffect.PAUSE:
            self.setWindowTitle(texts.fill(self.tr("Pause case %1"), detail.case_id))
            form.addRow(self.tr("From"), self.starts)
            to_row = QHBoxLayout()
            to_row.addWidget(self.ends, 1)
            to_row.addWidget(self.open_ended)
            form.addRow(self.tr("To"), to_row)
        else:
            self.setWindowTitle(texts.fill(self.tr("Exempt case %1"), detail.case_id))
            exempt = {row.rule_id for row in detail.exemptions if not row.withdrawn}
            for rule in profile.rules:
                if rule.scheme is detail.scheme and rule.id not in exempt:
                    self.rule.addItem(f"{rule.id} — {rule.title(current_language())}", rule.id)
            form.insertRow(0, self.tr("Rule"), self.rule)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.starts.dateChanged.connect(self._update)
        self.ends.dateChanged.connect(self._update)
        self.open_ended.toggled.connect(self._update)
        self._show_reference()
        self._update()

    def _show_reference(self) -> None:
        reference = self.reason.currentData(Qt.ItemDataRole.ToolTipRole)
        self.reference.setText(f"<i>{html.escape(str(reference or ''))}</i>")

    def chosen_ends(self) -> dt.date | None:
        """The pause's last day; None for a pause until ended."""
        return None if self.open_ended.isChecked() else picked_date(self.ends)

    def _valid(self) -> bool:
        if self.reason.currentData() is None:
            return False
        if self.effect is ReasonEffect.EXEMPTION:
            return self.rule.currentData() is not None
        ends = self.chosen_ends()
        return ends is None or ends >= picked_date(self.starts)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._valid())

    def _submit(self) -> None:
        if self._valid():
            self.accept()

    def job(self, by: str) -> Callable[[Workbench], object]:
        """What the dialog asks the worker to do."""
        case_id, reason = self.case_id, str(self.reason.currentData())
        if self.effect is ReasonEffect.PAUSE:
            starts, ends = picked_date(self.starts), self.chosen_ends()
            return lambda workbench: workbench.pauses.pause(case_id, starts, ends, reason, by=by)
        rule_id = str(self.rule.currentData())
        return lambda workbench: workbench.pauses.exempt(case_id, rule_id, reason, by=by)


class EndPauseDialog(QDialog):
    """Asks for the last day of a pause."""

    def __init__(self, pause_id: int, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("end-pause-dialog")
        self.pause_id = pause_id
        self.setWindowTitle(self.tr("End pause"))
        self.ends = date_edit(today)
        self.ends.setObjectName("pause-end")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Last paused day"), self.ends)
        form.addRow(buttons)


class WaiverController(QObject):
    """The actions on pauses and exemptions: dialogs, and the changes they send."""

    def __init__(self, parent: QWidget, operations: Operations, initials: Callable[[], str],
                 today: Callable[[], dt.date], profile_name: Callable[[], str | None], *,
                 case_id: Callable[[], str | None],
                 have_initials: Callable[[], bool]) -> None:
        super().__init__(parent)
        self._window = parent
        self._operations = operations
        self._case_id = case_id
        self._have_initials = have_initials
        self._initials = initials
        self._today = today
        self._profile_name = profile_name
        #: The dialog open now, if any (for tests and to keep it alive while open).
        self.dialog: QDialog | None = None

    def connect_tab(self, tab: WaiverTab) -> None:
        """Act on the tab's requests."""
        tab.pause_requested.connect(lambda detail: self.ask(detail, ReasonEffect.PAUSE))
        tab.exemption_requested.connect(lambda detail: self.ask(detail,
                                                                ReasonEffect.EXEMPTION))
        tab.end_requested.connect(self.ask_end)
        tab.withdraw_requested.connect(self.withdraw)

    def ask(self, detail: CaseDetail, effect: ReasonEffect) -> WaiverDialog:
        """Open the dialog for a pause or an exemption of ``detail``'s case."""
        profile = load_named_profile(self._profile_name() or DEFAULT_PROFILE)
        dialog = WaiverDialog(detail, profile, effect, self._today(), self._window)
        dialog.accepted.connect(lambda: self._send(dialog.job(self._initials())))
        self._open(dialog)
        return dialog

    def ask_end(self, pause_id: int) -> EndPauseDialog:
        """Open the dialog that ends a pause."""
        dialog = EndPauseDialog(pause_id, self._today(), self._window)

        def end() -> None:
            ends, by = picked_date(dialog.ends), self._initials()
            self._send(lambda workbench: workbench.pauses.end_pause(pause_id, ends, by=by))

        dialog.accepted.connect(end)
        self._open(dialog)
        return dialog

    def withdraw(self, kind: str, row_id: int) -> None:
        """Withdraw a pause or an exemption registered in error."""
        by = self._initials()
        if kind == "pause":
            self._send(lambda workbench: workbench.pauses.withdraw_pause(row_id, by=by))
        else:
            self._send(lambda workbench: workbench.pauses.withdraw_exemption(row_id, by=by))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _send(self, work: Callable[[Workbench], object]) -> None:
        """Do ``work`` in the worker; the case's row and the panel are read again."""
        case_id = self._case_id()
        if case_id is not None and self._have_initials():
            ops.on_case(case_id, work).run(self._operations, self)

