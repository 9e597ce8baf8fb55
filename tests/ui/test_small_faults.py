"""The small faults of issue 14: labels, team names, week words, search, empty lists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from tests.helpers.rows import TODAY, case_row, sample_cases
from ui.caselists import CaseListsView, team_label
from ui.casepanel import CasePanel
from ui.dialogs import SettingsDialog
from ui.models import CaseFilter, CaseTableModel
from workbench.engine import Status
from workbench.settings import Settings


def test_every_settings_label_shows_its_text_without_a_literal_ampersand(
        qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), ("default",), (), TODAY)
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    assert form is not None
    items = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
    labels = [item.widget() for item in items if item is not None]  # a checkbox row has none
    assert len(labels) >= 8
    for label in labels:
        assert isinstance(label, QLabel)
        if "&" in label.text():
            assert label.buddy() is not None, f"{label.text()!r} shows its & literally"


def test_a_team_already_called_team_is_not_named_twice() -> None:
    assert team_label("Team Syd", "Team %1") == "Team Syd"
    assert team_label("Nord", "Team %1") == "Team Nord"


def test_the_vis_filter_names_each_team_once(qtbot: QtBot) -> None:
    lists = CaseListsView()
    qtbot.addWidget(lists)
    lists.set_people(["AB", "CD"], ["Nord", "Team Syd"], "", "")
    offered = [lists.owner_filter.itemText(i) for i in range(lists.owner_filter.count())]
    assert "Team Syd" in offered and "Team Nord" in offered
    assert not any("Team Team" in text for text in offered)


def test_uge_always_means_the_iso_week_and_the_case_week_says_so() -> None:
    model = CaseTableModel()
    model.set_rows([case_row("S-1", "Anna Jensen", days_left=30)])
    assert model.index(0, CaseTableModel.WEEK).data() == "case week 26"
    due = TODAY + dt.timedelta(days=30)
    assert model.index(0, CaseTableModel.DUE).data().endswith(
        f"(week {due.isocalendar().week})")


def test_search_folds_danish_letters_and_accents_both_ways() -> None:
    model = CaseTableModel()
    model.set_rows([case_row("S-1", "Karen Østergaard"), case_row("S-2", "Rene Soeren"),
                    case_row("S-3", "Bo Hansen")])

    def found(text: str) -> list[str]:
        flags = model.matches(CaseFilter(text=text))
        return [row.case_id for row, shown in zip(model.rows, flags, strict=True) if shown]

    assert found("ostergaard") == ["S-1"]
    assert found("Østergård") == ["S-1"]
    assert found("René Søren") == ["S-2"]


def test_empty_lists_say_why(qtbot: QtBot) -> None:
    lists = CaseListsView()
    qtbot.addWidget(lists)
    lists.set_cases(sample_cases(), 21)
    red = lists.sections[Status.RED]
    assert red.empty.current() == ""
    lists.search.setText("nobody at all")
    assert red.empty.current() == "No case in this list matches the search or the filter."
    lists.set_cases([], 21)
    assert red.empty.current() == "No open case is in this list today."
    panel = CasePanel(TODAY)
    qtbot.addWidget(panel)
    assert panel.empty_texts["notes"].current() == "No notes yet: write one above."
