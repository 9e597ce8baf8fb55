"""The report's building blocks: periods, shares, the text guard, weeks and seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbench.cellguard import needs_text_guard
from workbench.reports.cells import (
    NOTE,
    CellMaker,
    Formula,
    Styled,
    clean_text,
)
from workbench.reports.figures import Share
from workbench.reports.lists import default_sample_seed, first_day_of_week
from workbench.reports.periods import (
    Period,
    coming,
    last_iso_weeks,
    last_months,
    month,
    month_label,
    quarter,
    quarter_label,
    recent,
)
from workbench.reports.tables import Column, ReportBook, write_table

WEDNESDAY = dt.date(2026, 5, 20)


def cell_maker() -> CellMaker:
    book = ReportBook.new("test")
    return CellMaker(book.workbook.create_sheet("x"), book.styles)


def test_recent_is_the_last_28_days_and_quarter_runs_from_its_first_day() -> None:
    assert recent(WEDNESDAY) == Period(dt.date(2026, 4, 23), WEDNESDAY)
    assert quarter(WEDNESDAY) == Period(dt.date(2026, 4, 1), WEDNESDAY)
    assert quarter(dt.date(2026, 1, 1)) == Period(dt.date(2026, 1, 1), dt.date(2026, 1, 1))
    assert quarter_label(dt.date(2026, 12, 31)) == "2026 K4"


def test_months_end_on_their_last_day_and_the_current_one_today() -> None:
    assert month(dt.date(2026, 5, 31), back=3) == Period(dt.date(2026, 2, 1),
                                                         dt.date(2026, 2, 28))
    assert month(dt.date(2024, 3, 15), back=1).last == dt.date(2024, 2, 29)
    months = last_months(WEDNESDAY)
    assert len(months) == 12
    assert months[0] == Period(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert months[-1] == Period(dt.date(2026, 5, 1), WEDNESDAY)
    assert month_label(months[0]) == "jun 2025"


def test_iso_weeks_run_monday_to_sunday_across_the_new_year() -> None:
    weeks = last_iso_weeks(dt.date(2026, 1, 7))
    assert len(weeks) == 12
    assert weeks[-1] == Period(dt.date(2026, 1, 5), dt.date(2026, 1, 7))
    assert weeks[-2] == Period(dt.date(2025, 12, 29), dt.date(2026, 1, 4))
    assert weeks[0].first == dt.date(2025, 10, 20)
    assert all(week.first.weekday() == 0 for week in weeks)


def test_the_coming_week_starts_tomorrow() -> None:
    assert coming(WEDNESDAY) == Period(dt.date(2026, 5, 21), dt.date(2026, 5, 27))


def test_a_case_enters_week_n_on_day_7n_minus_6() -> None:
    start = dt.date(2026, 1, 5)
    assert first_day_of_week(start, 1) == start
    assert first_day_of_week(start, 39) == start + dt.timedelta(days=266)


def test_share_leaves_undecided_deadlines_out() -> None:
    share = Share.of([True, False, None, True])
    assert share == Share(kept=2, counted=3)
    assert share.ratio == pytest.approx(2 / 3)
    assert Share.of([None]).ratio is None
    assert share + Share(1, 1) == Share(3, 4)


def test_the_sample_seed_is_the_quarter() -> None:
    assert default_sample_seed(WEDNESDAY) == 20262
    assert default_sample_seed(dt.date(2026, 12, 31)) == 20264


@pytest.mark.parametrize("text", ["=1+1", "+45 1234", "-5", "@SUM(A1)", "#N/A", "#DIV/0!"])
def test_formula_like_text_is_guarded(text: str) -> None:
    assert needs_text_guard(text)
    cell = cell_maker().row([text])[0]
    assert cell.data_type == "s" and cell.value == text and cell.quotePrefix


@pytest.mark.parametrize("text", ["Anne Jensen", "2026-000017", "1-2", "e-mail"])
def test_ordinary_text_goes_out_as_it_is(text: str) -> None:
    assert not needs_text_guard(text)
    assert cell_maker().row([text])[0] == text


def test_control_characters_an_xlsx_cannot_hold_are_dropped() -> None:
    assert clean_text("Anne\x01 Jensen\x1f") == "Anne Jensen"


def test_only_a_real_formula_is_written_as_one() -> None:
    with pytest.raises(ValueError, match="not a formula"):
        cell_maker().row([Formula("SUM(A1:A2)")])[0]


def test_dates_are_real_dates_in_danish_order() -> None:
    cell = cell_maker().row([WEDNESDAY])[0]
    assert cell.value == WEDNESDAY and cell.is_date
    assert cell.number_format == "DD-MM-YYYY"


def test_rows_sharing_a_column_keep_their_own_values_and_styles(tmp_path: Path) -> None:
    book = ReportBook.new("test")
    write_table(book, "x", [Column("Dato"), Column("Note")], [
        [WEDNESDAY, Styled("=SUM(A1)", NOTE)],
        [dt.date(2026, 5, 21), Styled("Anne", NOTE)],
        [None, Styled(7, NOTE)],
        [WEDNESDAY, Styled(7, NOTE)],
    ])
    book.workbook.save(tmp_path / "x.xlsx")

    rows = list(load_workbook(tmp_path / "x.xlsx")["x"].iter_rows(min_row=2))
    assert [(row[0].value, row[1].value) for row in rows] == [
        (dt.datetime(2026, 5, 20), "=SUM(A1)"), (dt.datetime(2026, 5, 21), "Anne"), (None, 7),
        (dt.datetime(2026, 5, 20), 7)]
    assert [row[0].number_format for row in rows] == ["DD-MM-YYYY"] * 2 + ["General"] + [
        "DD-MM-YYYY"]
    assert [row[1].style for row in rows] == [NOTE] * 4
    assert [row[1].quotePrefix for row in rows] == [True, False, False, False]
    assert rows[0][1].data_type == "s"
