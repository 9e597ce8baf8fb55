"""Pauses and exemptions in the case panel: the dialog, the tab, and the whole round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY
from tests.ui.conftest import wait_idle
from tests.ui.test_window import become, show_everyones_cases
from tests.ui.test_window import loaded as loaded
from ui.app import Session
from ui.casepanel import to_qdate
from ui.pauses import EndPauseDialog, WaiverDialog, WaiverTab
from workbench.engine import Status
from workbench.resources import load_named_profile
from workbench.rules import ReasonEffect
from workbench.views import CaseDetail, ExemptionRow, PauseRow
from workbench.vocabulary import Scheme

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")
PROFILE = load_named_profile("gaeldende-2026")
REGISTERED = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def detail(*, pauses: tuple[PauseRow, ...] = (), exemptions: tuple[ExemptionRow, ...] = (),
           ) -> CaseDetail:
    return CaseDetail(case=None, case_id="S-1", name="Anna Jensen", cpr_masked="010190-xxxx",
                      scheme=Scheme.SYGEDAGPENGE, caseworker="AB", team=None,
                      start=dt.date(2026, 9, 1), closed_on=None, milestones=(), events=(),
                      notes=(), inquiries=(), pauses=pauses, exemptions=exemptions)


def ok_button(dialog: WaiverDialog) -> QWidget:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def test_the_pause_dialog_offers_the_profiles_pause_reasons_and_checks_the_dates(
    qtbot: QtBot,
) -> None:
    dialog = WaiverDialog(detail(), PROFILE, ReasonEffect.PAUSE, TODAY)
    qtbot.addWidget(dialog)
    keys = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
    assert keys == ["indlagt", "ferie"]
    assert "BEK om det fælles datagrundlag" in dialog.reference.text()
    assert ok_button(dialog).isEnabled()
    dialog.ends.setDate(to_qdate(TODAY - dt.timedelta(days=1)))
    assert not ok_button(dialog).isEnabled()
    dialog.open_ended.setChecked(True)
    assert ok_button(dialog).isEnabled() and dialog.chosen_ends() is None


def test_the_exemption_dialog_offers_the_schemes_rules_not_yet_exempt(qtbot: QtBot) -> None:
    exempt = ExemptionRow(1, "S-1", "SDP-1", "sdp-13f", "", "", "", "AB", REGISTERED, False)
    withdrawn = ExemptionRow(2, "S-1", "SDP-REV", "sdp-13f", "", "", "", "AB", REGISTERED,
                             True)
    dialog = WaiverDialog(detail(exemptions=(exempt, withdrawn)), PROFILE,
                          ReasonEffect.EXEMPTION, TODAY)
    qtbot.addWidget(dialog)
    rules = [dialog.rule.itemData(i) for i in range(dialog.rule.count())]
    assert "SDP-1" not in rules and "SDP-REV" in rules
    assert all(PROFILE.rule(r).scheme is Scheme.SYGEDAGPENGE for r in rules)
    assert [dialog.reason.itemData(i) for i in range(dialog.reason.count())] == [
        "sdp-13f", "sdp-26u", "lab-25pct"]


def test_the_tab_lists_them_and_offers_only_what_makes_sense(qtbot: QtBot) -> None:
    pause = PauseRow(7, "S-1", dt.date(2026, 11, 2), None, "indlagt", "Indlagt på sygehus",
                     "In hospital", "BEK", "AB", REGISTERED, False)
    gone = ExemptionRow(3, "S-1", "SDP-1", "sdp-13f", "", "", "", "CD", REGISTERED, True)
    tab = WaiverTab()
    qtbot.addWidget(tab)
    tab.show_detail(detail(pauses=(pause,), exemptions=(gone,)))
    assert tab.list.count() == 2 and tab.count() == 1
    assert "In hospital" in tab.list.item(0).text() and "AB" in tab.list.item(0).text()
    assert tab.list.item(1).text().endswith("withdrawn")
    tab.list.setCurrentRow(1)
    assert not tab.withdraw_button.isEnabled() and not tab.end_button.isEnabled()
    tab.list.setCurrentRow(0)
    assert tab.withdraw_button.isEnabled() and tab.end_button.isEnabled()
    with qtbot.waitSignal(tab.withdraw_requested) as withdrawn:
        tab.withdraw_button.click()
    assert withdrawn.args == ["pause", 7]
    with qtbot.waitSignal(tab.end_requested) as ended:
        tab.end_button.click()
    assert ended.args == [7]


def test_pause_a_red_case_in_the_panel_then_end_and_withdraw_it(
    qtbot: QtBot, loaded: Session,
) -> None:
    window = loaded.window
    become(qtbot, window, "AB")
    show_everyones_cases(window)
    section = window.lists.sections[Status.RED]
    row = section.model.row_at(section.proxy.mapToSource(section.proxy.index(0, 0)).row())
    assert window.lists.select_case(row.case_id)
    qtbot.waitUntil(lambda: window.panel.case_id == row.case_id)
    assert row.next_due is not None
    tab = window.waiver_tab
    assert window.panel.tabs.tabText(window.panel.tabs.indexOf(tab)) == "Pauser (0)"

    tab.pause_button.click()
    dialog = window.waivers.dialog
    assert isinstance(dialog, WaiverDialog)
    dialog.starts.setDate(to_qdate(row.next_due - dt.timedelta(days=1)))
    dialog.open_ended.setChecked(True)
    with qtbot.waitSignal(window.refreshed):
        ok_button(dialog).click()
    wait_idle(qtbot, window)
    shown = window.panel.detail
    assert shown is not None and [(p.registered_by, p.ends) for p in shown.pauses] == [
        ("AB", None)]
    assert shown.case is not None and shown.case.next_due is not None
    assert shown.case.next_due > row.next_due
    assert window.panel.tabs.tabText(window.panel.tabs.indexOf(tab)) == "Pauser (1)"

    tab.list.setCurrentRow(0)
    tab.end_button.click()
    ending = window.waivers.dialog
    assert isinstance(ending, EndPauseDialog)
    ending.ends.setDate(to_qdate(row.next_due))
    with qtbot.waitSignal(window.refreshed):
        ending.accept()
    wait_idle(qtbot, window)
    shown = window.panel.detail
    assert shown is not None and shown.pauses[0].ends == row.next_due

    tab.list.setCurrentRow(0)
    with qtbot.waitSignal(window.refreshed):
        tab.withdraw_button.click()
    wait_idle(qtbot, window)
    shown = window.panel.detail
    assert shown is not None and shown.pauses[0].withdrawn
    assert shown.case is not None and shown.case.next_due == row.next_due
    assert window.panel.tabs.tabText(window.panel.tabs.indexOf(tab)) == "Pauser (0)"

