"""What the window shows: a change replaces, drops or adds just the cases it names."""

from __future__ import annotations

from tests.helpers.rows import TODAY, case_row, sample_cases
from ui.shown import Shown


def test_a_change_replaces_drops_and_adds_cases_and_keeps_the_others() -> None:
    shown = Shown(TODAY)
    shown.set_cases(sample_cases())
    before = shown.cases
    renamed = before[2]._replace(name="Carla Holm")
    shown.replace_cases({"S-1003"}, [renamed])
    assert shown.cases == (*before[:2], renamed, *before[3:])
    assert all(new is old for new, old in zip(shown.cases, before, strict=True)
               if new.case_id != "S-1003")
    new = case_row("S-2000", "Gitte Lund")
    shown.replace_cases({"S-1001", "S-2000", "S-9999"}, [new])  # S-1001 closed
    assert [row.case_id for row in shown.cases] == [
        "S-1002", "S-1003", "S-1004", "S-1005", "S-1006", "S-2000"]
    again = new._replace(name="Gitte Lund Berg")
    shown.replace_cases({"S-2000"}, [again])
    assert shown.cases[-1] is again and len(shown.cases) == 6
    assert shown.teams() == ["Nord", "Syd"]
