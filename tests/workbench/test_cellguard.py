"""``csv_may_need_guard``: a CSV text is printed unguarded only if no cell needs the guard."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from workbench.cellguard import csv_cell, csv_may_need_guard, needs_text_guard

STATUS_ROW = ("2025-025871", "IHV", "kontanthjælp", "red", "2026-03-28", "KH-4I6", "")


def _written(rows: list[tuple[str, ...]]) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue()


# Cells made of what matters: formula starts, hyphens, commas, quotes, line ends, digits.
TEXT = st.text(alphabet="=+-@#\t\r\n,\" A1-", max_size=6)
CELLS = TEXT | st.builds(str.__add__, st.sampled_from("=+-@#\t\r"), TEXT)


# Hyphens among what a CSV writer quotes, and no other formula start to give them away.
HYPHENS = st.text(alphabet="-,\"\n A1", max_size=6)


@given(st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=6))
def test_no_cell_that_needs_the_guard_goes_unnoticed(rows: list[tuple[str, ...]]) -> None:
    if any(needs_text_guard(cell) for row in rows for cell in row):
        assert csv_may_need_guard(_written(rows))


@given(st.lists(st.tuples(HYPHENS, HYPHENS), min_size=1, max_size=4))
def test_no_cell_that_starts_with_a_hyphen_goes_unnoticed(rows: list[tuple[str, ...]]) -> None:
    if any(cell.startswith("-") for row in rows for cell in row):
        assert csv_may_need_guard(_written(rows))


def test_status_rows_with_dates_and_hyphens_inside_need_no_guard() -> None:
    rows = [STATUS_ROW, ("S-1", "A-B", "sygedagpenge", "green", "", "", "2026-12-01")]
    assert not csv_may_need_guard(_written(rows))
    assert all(csv_cell(cell) == cell for row in rows for cell in row)


def test_a_hyphen_starting_any_cell_is_noticed() -> None:
    for cells in (("-1", "IHV"), ("S1", "-IHV"), ("S1", "-A,B"), ("S1", '-"q"')):
        assert csv_may_need_guard(_written([STATUS_ROW, cells])), cells


def test_an_error_value_or_a_formula_start_anywhere_is_noticed() -> None:
    for cell in ("#N/A", "=1", "+45", "@SUM(1)", "\tx", "a\rb"):
        assert csv_may_need_guard(_written([STATUS_ROW, ("S1", cell)])), cell
