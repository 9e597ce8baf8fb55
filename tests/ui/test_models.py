"""The item models over the core's rows: Qt's model contract, sorting, search and filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from tests.helpers.rows import (
    case_row,
    event_row,
    inquiry_row,
    milestone_row,
    note_row,
    sample_cases,
)
from ui.models import (
    ROW_ROLE,
    CaseFilter,
    CaseFilterProxy,
    CaseTableModel,
    EventTableModel,
    InquiryTableModel,
    MilestoneTableModel,
    NoteTableModel,
    case_search_key,
)
from workbench.engine import MilestoneState, Status
from workbench.folding import fold
from workbench.vocabulary import Scheme


def names(proxy: CaseFilterProxy) -> list[str]:
    return [proxy.index(line, CaseTableModel.NAME).data() for line in range(proxy.rowCount())]


def filled_proxy() -> tuple[CaseTableModel, CaseFilterProxy]:
    model = CaseTableModel()
    proxy = CaseFilterProxy(model)
    model.set_rows(sample_cases())
    return model, proxy


def test_case_model_and_proxy_keep_qt_model_contract(qtmodeltester: ModelTester) -> None:
    model, proxy = filled_proxy()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.sort(CaseTableModel.DAYS, Qt.SortOrder.DescendingOrder)
    proxy.set_case_filter(CaseFilter(text="hansen"))
    model.set_rows(sample_cases()[:3])
    qtmodeltester.check(proxy)


def test_case_cells_word_the_core_values() -> None:
    model = CaseTableModel()
    model.set_rows([case_row("S-1", "Anna Jensen", status=Status.RED, days_left=-3)])
    cell = model.index(0, CaseTableModel.DAYS)
    assert cell.data() == "3 days overdue"
    assert model.index(0, CaseTableModel.WEEK).data() == "case week 26"
    assert model.index(0, CaseTableModel.DUE).data() == "20-11-2026 (week 47)"
    assert model.index(0, CaseTableModel.CPR).data() == "010190-xxxx"
    assert model.index(0, CaseTableModel.SCHEME).data() == "Sickness benefit"
    assert model.index(0, CaseTableModel.NAME).data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    assert not model.index(0, CaseTableModel.NAME).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 0).data(ROW_ROLE).case_id == "S-1"


def test_sorting_by_days_left_puts_missing_due_dates_last() -> None:
    _, proxy = filled_proxy()
    proxy.sort(CaseTableModel.DAYS, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Bo Hansen", "Anna Jensen", "Carla Nielsen", "Dennis Larsen",
                            "Eva Hansen", "Frank Olsen"]
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "Frank Olsen"


def test_sorting_moves_persistent_indexes_with_their_rows() -> None:
    model, proxy = filled_proxy()
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.AscendingOrder)
    held = QPersistentModelIndex(model.index(0, CaseTableModel.NAME))
    assert held.data() == "Anna Jensen"
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.DescendingOrder)
    assert held.data() == "Anna Jensen"
    assert held.row() == 5


def test_new_rows_keep_the_chosen_sort_order() -> None:
    model, proxy = filled_proxy()
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.DescendingOrder)
    model.set_rows(list(reversed(sample_cases())))
    assert names(proxy)[:2] == ["Frank Olsen", "Eva Hansen"]


def test_rows_said_to_come_in_the_sort_in_force_are_not_sorted_again() -> None:
    model, proxy = filled_proxy()
    due = (CaseTableModel.DUE, Qt.SortOrder.AscendingOrder)
    proxy.sort(*due)
    by_due = names(proxy)
    given = list(reversed(sample_cases()))
    model.set_rows(given, in_order=due)  # the caller vouches for the order: taken as it is
    assert names(proxy) == [row.name for row in given] != by_due
    model.set_rows(given)
    assert names(proxy) == by_due
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.DescendingOrder)
    model.set_rows(given, in_order=due)  # another sort is in force: it is applied
    assert names(proxy)[:2] == ["Frank Olsen", "Eva Hansen"]


def test_search_matches_name_case_id_and_cpr() -> None:
    _, proxy = filled_proxy()
    proxy.set_case_filter(CaseFilter(text="HANSEN"))
    assert sorted(names(proxy)) == ["Bo Hansen", "Eva Hansen"]
    proxy.set_case_filter(CaseFilter(text="s-1003"))
    assert names(proxy) == ["Carla Nielsen"]
    proxy.set_case_filter(CaseFilter(text="150385"))
    assert names(proxy) == ["Bo Hansen"]
    proxy.set_case_filter(CaseFilter(text="150385-1234"))
    assert names(proxy) == ["Bo Hansen"]
    proxy.set_case_filter(CaseFilter(text="nobody"))
    assert names(proxy) == []
    proxy.set_case_filter(CaseFilter())
    assert proxy.rowCount() == 6


def test_filters_by_scheme_caseworker_and_team_combine() -> None:
    _, proxy = filled_proxy()
    proxy.set_case_filter(CaseFilter(scheme=Scheme.KONTANTHJAELP))
    assert sorted(names(proxy)) == ["Bo Hansen", "Eva Hansen"]
    proxy.set_case_filter(CaseFilter(caseworker="CD"))
    assert sorted(names(proxy)) == ["Bo Hansen", "Dennis Larsen"]
    proxy.set_case_filter(CaseFilter(team="Nord", scheme=Scheme.KONTANTHJAELP))
    assert names(proxy) == ["Eva Hansen"]


def test_filter_survives_a_reload_of_the_rows() -> None:
    model, proxy = filled_proxy()
    proxy.set_case_filter(CaseFilter(text="hansen"))
    model.set_rows([*sample_cases(), case_row("S-2000", "Gitte Hansen")])
    assert sorted(names(proxy)) == ["Bo Hansen", "Eva Hansen", "Gitte Hansen"]


def test_row_of_case_finds_the_line_after_sorting() -> None:
    model, proxy = filled_proxy()
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.DescendingOrder)
    line = model.row_of_case("S-1001")
    assert line is not None
    assert model.row_at(line).name == "Anna Jensen"
    assert model.row_of_case("missing") is None


def test_inquiry_model_puts_overdue_first(qtmodeltester: ModelTester) -> None:
    model = InquiryTableModel()
    model.set_rows([inquiry_row(1, left=3), inquiry_row(2, left=-2), inquiry_row(3, left=0)])
    qtmodeltester.check(model)
    model.sort(InquiryTableModel.LEFT, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(line).inquiry_id for line in range(3)] == [2, 3, 1]
    assert model.index(0, InquiryTableModel.LEFT).data() == "2 working days overdue"
    assert model.index(1, InquiryTableModel.LEFT).data() == "due today"
    assert model.index(2, InquiryTableModel.LEFT).data() == "3 working days left"
    assert model.index(0, InquiryTableModel.CHANNEL).data() == "Phone"
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(2, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_case_panel_models_keep_qt_model_contract(qtmodeltester: ModelTester) -> None:
    milestones = MilestoneTableModel()
    milestones.set_rows([milestone_row("SDP1"),
                         milestone_row("SDP3", state=MilestoneState.MET_LATE, status=None)])
    events = EventTableModel()
    events.set_rows([event_row(1, source="local"), event_row(2)])
    notes = NoteTableModel()
    notes.set_rows([note_row(1, "Ringede\ntil borgeren")])
    for model in (milestones, events, notes):
        qtmodeltester.check(model)
    assert milestones.index(0, 2).data() == "Overdue"
    assert milestones.index(1, 2).data() == "Met late\n18-11-2026"
    assert milestones.index(0, 0).data() == "First follow-up conversation\nSeed 000 #21"
    assert events.index(0, 2).data() == "Local"
    assert events.index(1, 2).data() == "Central"
    assert events.index(0, 3).data() == "AB 20-11-2026 10:15"
    assert notes.index(0, 2).data() == "Ringede til borgeren"


def test_tables_have_no_children_below_rows() -> None:
    model, _ = filled_proxy()
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_a_filter_showing_the_same_lines_does_not_reset_the_list() -> None:
    _, proxy = filled_proxy()
    resets: list[None] = []
    proxy.modelReset.connect(lambda: resets.append(None))
    proxy.set_case_filter(CaseFilter(text="nobody"))
    assert proxy.rowCount() == 0
    proxy.set_case_filter(CaseFilter(text="nobodyx"))
    assert len(resets) == 1
    proxy.set_case_filter(CaseFilter(text="hansen"))
    assert len(resets) == 2
    assert sorted(names(proxy)) == ["Bo Hansen", "Eva Hansen"]


def test_a_search_key_folds_name_and_case_id_each_as_fold_does() -> None:
    for name, case_id in [("Søren Aagaard", "AA-OE1"), ("Zoë Åberg", "2026-0123"),
                          ("Anna Aa", "a-1"), ("Ærø Oest", "Ø-ÆÅ")]:
        row = case_row(case_id, name, cpr_masked="150385-xxxx")
        assert case_search_key(row) == f"{fold(name)}\t{fold(case_id)}\t150385-xxxx\t150385"
