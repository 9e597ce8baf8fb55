"""A list model puts changed rows in place: no reset, sort order kept, the rest untouched."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from tests.helpers.rows import case_row, sample_cases
from ui.models import CaseFilter, CaseFilterProxy, CaseTableModel


def names(proxy: CaseFilterProxy) -> list[str]:
    return [proxy.index(line, CaseTableModel.NAME).data() for line in range(proxy.rowCount())]


def sorted_by_name(order: Qt.SortOrder) -> tuple[CaseTableModel, CaseFilterProxy, list[str]]:
    model = CaseTableModel()
    proxy = CaseFilterProxy(model)
    model.set_rows(sample_cases())
    proxy.sort(CaseTableModel.NAME, order)
    return model, proxy, names(proxy)


def test_a_changed_row_moves_to_its_place_and_the_others_stay_the_same_objects(
        qtmodeltester: ModelTester) -> None:
    model, proxy, before = sorted_by_name(Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    kept = {row.case_id: row for row in model.rows}
    held = QPersistentModelIndex(model.index(before.index("Frank Olsen"), 0))
    renamed = kept["S-1001"]._replace(name="Zoe Jensen")
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))
    proxy.modelReset.connect(lambda: resets.append(None))

    model.replace_cases({"S-1001"}, [renamed])

    assert names(proxy) == [*before[1:], "Zoe Jensen"]
    assert resets == []
    assert all(row is kept[row.case_id] for row in model.rows if row.case_id != "S-1001")
    assert held.data() == "Frank Olsen"  # a selection on another row follows it
    qtmodeltester.check(proxy)


def test_rows_come_and_go_in_a_descending_order_and_a_filter_holds() -> None:
    model, proxy, _ = sorted_by_name(Qt.SortOrder.DescendingOrder)
    proxy.set_case_filter(CaseFilter(text="hansen"))
    assert names(proxy) == ["Eva Hansen", "Bo Hansen"]
    new = case_row("S-2000", "Carl Hansen")
    model.replace_cases({"S-1005", "S-2000"}, [new])  # Eva's case went to another list
    assert names(proxy) == ["Carl Hansen", "Bo Hansen"]
    proxy.set_case_filter(CaseFilter())
    assert names(proxy) == ["Frank Olsen", "Dennis Larsen", "Carla Nielsen", "Carl Hansen",
                            "Bo Hansen", "Anna Jensen"]
    assert model.row_of_case("S-2000") == 3


def test_a_row_that_keeps_its_place_is_changed_where_it_is() -> None:
    model, proxy, before = sorted_by_name(Qt.SortOrder.AscendingOrder)
    moved: list[None] = []
    changed: list[int] = []
    model.rowsRemoved.connect(lambda *_: moved.append(None))
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    line = model.row_of_case("S-1003")
    later = model.row_at(line)._replace(days_left=2)
    model.replace_cases({"S-1003"}, [later])
    assert moved == [] and changed == [line]
    assert model.row_at(line) is later
    assert names(proxy) == before
