"""The status workbook's figures, sheet by sheet, against the store and the service.

Every expectation here is computed independently of ``workbench.reports``: statuses from
``wb.cases.caseload`` (what the caseworkers' lists show), milestones from the engine's
evaluations, and closures, events and cases straight from the store's tables.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook as OpenWorkbook
from sqlalchemy import select

from tests.helpers.reportdata import (
    BACKENDS,
    CLOSED_THIS_MONTH,
    FORMULA_WORKER,
    TODAY,
    WEEK_39,
    WEEK_47,
    WEEK_52,
    Store,
    notes_text,
    store_fixture,
    stored_cases,
    table_cells,
    table_rows,
)
from workbench.calendar import add_months
from workbench.engine import Status, status_for_due
from workbench.managers.cases import EvaluatedCase
from workbench.reports import ReportSummary, write_status_report
from workbench.reports.sheets import SCHEME_WORDS
from workbench.resources import load_named_profile
from workbench.session import Workbench
from workbench.store.models import cases, events
from workbench.views import InquiryRow
from workbench.vocabulary import Channel, Scheme

EVERYTHING = dt.date(2000, 1, 1)
WORDS = {"Rød": Status.RED, "Gul": Status.AMBER, "Grøn": Status.GREEN}
FILLS = {Status.RED: "FFC7CE", Status.AMBER: "FFEB9C", Status.GREEN: "C6EFCE"}


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


@pytest.fixture(scope="module")
def written(store: Store) -> tuple[ReportSummary, OpenWorkbook]:
    summary = write_status_report(store.workbench, store.folder / "status.xlsx", TODAY)
    return summary, load_workbook(summary.path)


@pytest.fixture(scope="module")
def report(written: tuple[ReportSummary, OpenWorkbook]) -> OpenWorkbook:
    return written[1]


@pytest.fixture(scope="module")
def evaluated(store: Store) -> list[EvaluatedCase]:
    return store.workbench.cases.evaluated_cases(TODAY, closed_since=EVERYTHING)


def rule_title(rule_id: str) -> str:
    """The Danish title of a rule of the seed profile the tests run under."""
    return load_named_profile("kbh-2006-2017").rule(rule_id).title_da


def as_date(value: Any) -> dt.date | None:
    """A cell's date (openpyxl reads dates back as datetimes)."""
    return value.date() if isinstance(value, dt.datetime) else value


def expected_timeliness(cases_: list[EvaluatedCase], first: dt.date, last: dt.date
                        ) -> float | None:
    """Kept / counted of the milestones due in [first, last], decided by timely_on(TODAY)."""
    outcomes = []
    for case in cases_:
        closed = case.closed_on if case.closed_on and case.closed_on <= TODAY else None
        end = min(last, TODAY, closed or TODAY)
        for milestone in case.evaluation.milestones:
            if first <= milestone.due <= end:
                outcomes.append(milestone.timely_on(TODAY))
    decided = [outcome for outcome in outcomes if outcome is not None]
    return sum(decided) / len(decided) if decided else None


def expected_on_time(inquiries: list[InquiryRow], channel: Channel) -> float | None:
    """Share of the channel's inquiries due in the last 4 weeks that were answered in time."""
    first = TODAY - dt.timedelta(days=27)
    outcomes = []
    for inquiry in inquiries:
        if inquiry.channel is not channel or not first <= inquiry.due <= TODAY:
            continue
        if inquiry.answered_on is not None:
            outcomes.append(inquiry.answered_on <= inquiry.due)
        elif inquiry.due < TODAY:
            outcomes.append(False)
    return sum(outcomes) / len(outcomes) if outcomes else None


def approx_share(expected: float | None) -> Any:
    return None if expected is None else pytest.approx(expected)


def test_the_workbook_has_the_seven_sheets_in_order(report: OpenWorkbook) -> None:
    assert report.sheetnames == ["Overblik", "Sager", "Henvendelser", "Afslutninger",
                                 "Screening", "Ugestatistik", "Stikprøve"]


def test_overview_header_begins_exactly_as_the_issue_says(report: OpenWorkbook) -> None:
    header = [cell.value for cell in report["Overblik"][1]]
    assert header[:5] == ["Sagsbehandler", "Åbne sager", "Rød", "Gul", "Grøn"]
    assert header[5:] == ["Rettidighed 4 uger", "Rettidighed kvartal", "Åbne henvendelser",
                          "Overskredne henvendelser", "Besvaret rettidigt telefon",
                          "Besvaret rettidigt mail", "Afslutninger denne måned",
                          "Norm afslutninger"]


def test_overview_counts_are_the_caseworkers_lists(store: Store, report: OpenWorkbook,
                                                  written: tuple[ReportSummary, Any]) -> None:
    caseload = store.workbench.cases.caseload(TODAY)
    per_worker: dict[str, Counter[Status]] = defaultdict(Counter)
    for row in caseload:
        per_worker[row.caseworker][row.status] += 1
    *rows, total = table_rows(report["Overblik"])

    assert total["Sagsbehandler"] == "I alt"
    shown = {row["Sagsbehandler"]: row for row in rows}
    assert set(per_worker) <= set(shown)
    for name, counts in per_worker.items():
        assert (shown[name]["Rød"], shown[name]["Gul"], shown[name]["Grøn"]) == (
            counts[Status.RED], counts[Status.AMBER], counts[Status.GREEN]), name
        assert shown[name]["Åbne sager"] == sum(counts.values())
    totals = Counter(row.status for row in caseload)
    assert (total["Åbne sager"], total["Rød"], total["Gul"], total["Grøn"]) == (
        len(caseload), totals[Status.RED], totals[Status.AMBER], totals[Status.GREEN])
    summary = written[0]
    assert (summary.open_cases, summary.red, summary.amber, summary.green) == (
        len(caseload), totals[Status.RED], totals[Status.AMBER], totals[Status.GREEN])


def test_overview_timeliness_is_the_share_of_deadlines_kept(
    report: OpenWorkbook, evaluated: list[EvaluatedCase]
) -> None:
    *rows, total = table_rows(report["Overblik"])
    recent_first = TODAY - dt.timedelta(days=27)
    quarter_first = dt.date(2026, 4, 1)
    checked = 0
    for row in [*rows, total]:
        own = [c for c in evaluated
               if row is total or c.caseworker == row["Sagsbehandler"]]
        assert row["Rettidighed 4 uger"] == approx_share(
            expected_timeliness(own, recent_first, TODAY)), row["Sagsbehandler"]
        assert row["Rettidighed kvartal"] == approx_share(
            expected_timeliness(own, quarter_first, TODAY)), row["Sagsbehandler"]
        checked += row["Rettidighed kvartal"] is not None
    assert checked > 5  # the demo's deadlines give most caseworkers a figure
    assert 0 < total["Rettidighed kvartal"] < 1


def test_overview_inquiry_figures_match_the_service(store: Store, report: OpenWorkbook) -> None:
    everything = store.workbench.inquiries.rows(TODAY, open_only=False)
    *rows, total = table_rows(report["Overblik"])
    for row in [*rows, total]:
        own = [i for i in everything if row is total or i.caseworker == row["Sagsbehandler"]]
        assert row["Åbne henvendelser"] == sum(1 for i in own if i.is_open)
        assert row["Overskredne henvendelser"] == sum(1 for i in own if i.is_overdue)
        assert row["Besvaret rettidigt telefon"] == approx_share(
            expected_on_time(own, Channel.PHONE))
        assert row["Besvaret rettidigt mail"] == approx_share(expected_on_time(own, Channel.MAIL))
    assert total["Åbne henvendelser"] == len(store.workbench.inquiries.rows(TODAY)) > 0
    assert total["Besvaret rettidigt telefon"] is not None


def test_overview_closures_this_month_against_the_norm(store: Store,
                                                       report: OpenWorkbook) -> None:
    closed = Counter(case.caseworker for case in stored_cases(store.workbench)
                     if case.closed_on is not None and dt.date(2026, 5, 1) <= case.closed_on
                     <= TODAY)
    *rows, total = table_rows(report["Overblik"])
    assert closed[FORMULA_WORKER] >= len(CLOSED_THIS_MONTH)
    for row in rows:
        assert row["Afslutninger denne måned"] == closed[row["Sagsbehandler"]]
        assert row["Norm afslutninger"] == 5
    assert total["Afslutninger denne måned"] == sum(closed.values())
    assert total["Norm afslutninger"] == 5 * len(rows)


def test_overview_marks_the_80_and_90_percent_targets(report: OpenWorkbook) -> None:
    sheet = report["Overblik"]
    rows = len(table_rows(sheet))
    formulas: dict[str, list[str]] = defaultdict(list)
    for rule_range in sheet.conditional_formatting:
        for rule in rule_range.rules:
            formulas[str(rule_range.sqref)].extend(rule.formula)
    for column in ("F", "G"):
        marked = " ".join(formulas[f"{column}2:{column}{rows + 1}"])
        assert f"{column}2<0.8" in marked and f"{column}2>=0.9" in marked
        assert f"ISNUMBER({column}2)" in marked  # an empty figure is not "below target"


def test_overview_notes_define_timeliness(report: OpenWorkbook) -> None:
    notes = notes_text(report["Overblik"])
    assert "Rettidighed: andelen af frister med forfaldsdato i perioden" in notes
    assert "20-05-2026" in notes and "2026 K2" in notes


def test_overview_has_a_stacked_status_chart(written: tuple[ReportSummary, Any],
                                            report: OpenWorkbook) -> None:
    last = len(table_rows(report["Overblik"]))  # the caseworkers end just above the total
    with zipfile.ZipFile(written[0].path) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = archive.read(charts[0]).decode()
    assert 'grouping val="stacked"' in chart
    assert f"'Overblik'!$A$2:$A${last}" in chart
    for column, colour in (("C", "C00000"), ("D", "FFC000"), ("E", "00B050")):
        assert f"'Overblik'!${column}$2:${column}${last}" in chart
        assert colour in chart


def test_cases_sheet_lists_every_open_case_as_the_lists_show_it(
    store: Store, report: OpenWorkbook
) -> None:
    caseload = {row.case_id: row for row in store.workbench.cases.caseload(TODAY)}
    sheet = report["Sager"]
    rows = table_rows(sheet)

    assert [row["Sags-ID"] for row in rows] == [row.case_id for row in caseload.values()]
    for row, status_cell in zip(rows, table_cells(sheet, "Status"), strict=True):
        expected = caseload[row["Sags-ID"]]
        assert WORDS[row["Status"]] is expected.status
        assert status_cell.fill.fgColor.rgb.endswith(FILLS[expected.status])
        assert row["Ordning"] == SCHEME_WORDS[expected.scheme]
        assert row["Næste milepæl"] == expected.milestone_title_da
        assert as_date(row["Frist"]) == expected.next_due
        assert row["Fristens uge"] == expected.due_iso_week
        assert row["Sagsbehandler"] == expected.caseworker
        assert row["Uge"] == expected.week
        assert row["Dage til frist"] == expected.days_left


def test_cases_sheet_is_a_proper_list(report: OpenWorkbook) -> None:
    sheet = report["Sager"]
    rows = len(table_rows(sheet))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{rows + 1}"
    for cell in table_cells(sheet, "Frist")[:50] + table_cells(sheet, "Startdato")[:50]:
        assert cell.is_date and cell.number_format == "DD-MM-YYYY"
    names = [str(cell.value) for cell in table_cells(sheet, "Navn")]
    assert sheet.column_dimensions["B"].width >= max(len(name) for name in names)
    assert all(sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMN")


def test_inquiries_sheet_shows_open_and_recently_answered(store: Store,
                                                          report: OpenWorkbook) -> None:
    everything = store.workbench.inquiries.rows(TODAY, open_only=False)
    recent_first = TODAY - dt.timedelta(days=27)
    expected = {i.inquiry_id: i for i in everything
                if i.answered_on is None or recent_first <= i.answered_on <= TODAY}
    rows = table_rows(report["Henvendelser"])

    assert {row["Id"] for row in rows} == set(expected)
    assert any(row["Besvaret"] is not None for row in rows)
    for row in rows:
        inquiry = expected[row["Id"]]
        assert as_date(row["Svarfrist"]) == inquiry.due
        assert as_date(row["Modtaget"]) == inquiry.received
        assert row["Kanal"] == {Channel.PHONE: "Telefon", Channel.MAIL: "Mail"}[inquiry.channel]
        if inquiry.is_overdue:
            assert row["Stand"] == "Overskredet"
        elif inquiry.answered_on is not None:
            on_time = inquiry.answered_on <= inquiry.due
            assert row["Stand"] == ("Besvaret rettidigt" if on_time else "Besvaret for sent")
        else:
            assert row["Stand"] == "Åben"
            assert row["Arbejdsdage til frist"] == inquiry.working_days_left


def test_closures_sheet_counts_each_month_from_the_store(store: Store,
                                                         report: OpenWorkbook) -> None:
    months = [add_months(dt.date(2026, 5, 1), -back) for back in reversed(range(12))]
    closed: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for case in stored_cases(store.workbench):
        if case.closed_on is not None and case.closed_on >= months[0]:
            closed[case.caseworker][case.closed_on.replace(day=1)] += 1
    sheet = report["Afslutninger"]
    header = [cell.value for cell in sheet[1]]
    *rows, total = table_rows(sheet)

    assert header[0] == "Sagsbehandler" and header[-1] == "I alt"
    assert header[1] == "jun 2025" and header[12] == "maj 2026"
    shown = {row["Sagsbehandler"]: row for row in rows}
    for name, counts in closed.items():
        assert [shown[name][label] for label in header[1:13]] == [counts[m] for m in months]
        assert shown[name]["I alt"] == sum(counts.values())
    assert total["I alt"] == sum(sum(c.values()) for c in closed.values()) > 0


def test_screening_lists_weeks_39_and_47_and_assessments_due(
    store: Store, report: OpenWorkbook, evaluated: list[EvaluatedCase]
) -> None:
    expected = set()
    for case in evaluated:
        if case.row is None or case.scheme is not Scheme.SYGEDAGPENGE:
            continue
        for week in (39, 47):
            entering = case.start + dt.timedelta(weeks=week - 1)
            if TODAY < entering <= TODAY + dt.timedelta(days=7):
                expected.add((f"Uge {week}", case.case_id, entering))
        for milestone in case.evaluation.open_milestones:
            if milestone.rule_id == "SDP5" and status_for_due(milestone.due, TODAY) in (
                    Status.RED, Status.AMBER):
                listing = "Vurdering uge 52" if milestone.occurrence == 0 else "Vurdering 26 uger"
                expected.add((listing, case.case_id, milestone.due))
    rows = table_rows(report["Screening"])

    assert {(row["Liste"], row["Sags-ID"], as_date(row["Dato"])) for row in rows} == expected
    by_case = {row["Sags-ID"]: row for row in rows}
    assert by_case[WEEK_39]["Liste"] == "Uge 39"
    assert by_case[WEEK_39]["Milepæl"] == rule_title("SDP3") == "Screening inden uge 39"
    assert by_case[WEEK_39]["Stand"] == "Opfyldt rettidigt"
    assert by_case[WEEK_47]["Liste"] == "Uge 47"
    assert by_case[WEEK_47]["Milepæl"] == rule_title("SDP4") and by_case[WEEK_47]["Stand"] == "Åben"
    assert by_case[WEEK_52]["Liste"] == "Vurdering uge 52"
    assert as_date(by_case[WEEK_52]["Dato"]) == TODAY + dt.timedelta(days=10)


def test_weekly_statistics_count_conversations_caseload_and_timeliness(
    store: Store, report: OpenWorkbook, evaluated: list[EvaluatedCase]
) -> None:
    stored = stored_cases(store.workbench)
    with store.workbench.database.transaction() as connection:
        conversations = connection.execute(
            select(events.c.date, cases.c.start, cases.c.closed_on)
            .join(cases, cases.c.case_id == events.c.case_id)
            .where(events.c.kind.in_(["samtale", "fællessamtale"]))
        ).all()
    rows = table_rows(report["Ugestatistik"])

    assert len(rows) == 12
    assert rows[-1]["Uge"] == "uge 21"
    assert as_date(rows[-1]["Til"]) == TODAY
    assert rows[0]["Uge"] == "uge 10"
    for row in rows:
        first, last = as_date(row["Fra"]), as_date(row["Til"])
        assert first is not None and last is not None
        held = 0
        for day, start, closed_on in conversations:
            window_end = closed_on if closed_on is not None and closed_on <= TODAY else TODAY
            held += first <= day <= last and start <= day <= window_end
        assert row["Samtaler"] == held, row["Uge"]
        assert row["Sagsstamme"] == sum(
            1 for case in stored
            if case.start <= last and (case.closed_on is None or case.closed_on > last))
        assert row["Rettidighed"] == approx_share(expected_timeliness(evaluated, first, last))
    assert sum(row["Samtaler"] for row in rows) > 0


def test_sample_draws_ten_open_cases_per_scheme_and_writes_its_seed(
    store: Store, report: OpenWorkbook
) -> None:
    caseload = {row.case_id: row for row in store.workbench.cases.caseload(TODAY)}
    per_scheme = Counter(row.scheme for row in caseload.values())
    sheet = report["Stikprøve"]
    rows = table_rows(sheet)[:-1]  # the last row holds the error shares

    scheme_of = {word: scheme for scheme, word in SCHEME_WORDS.items()}
    drawn = Counter(scheme_of[row["Ordning"]] for row in rows)
    assert drawn == {scheme: min(10, count) for scheme, count in per_scheme.items()}
    assert all(row["Sags-ID"] in caseload for row in rows)
    assert len({row["Sags-ID"] for row in rows}) == len(rows)
    assert all(row["Formelle fejl"] is None and row["Materielle fejl"] is None for row in rows)
    assert "udtrækningsnummer 20262" in notes_text(sheet)


def test_the_same_seed_draws_the_same_sample_and_another_seed_another(
    store: Store, tmp_path: Path
) -> None:
    def sample(seed: int | None, name: str) -> list[str]:
        path = tmp_path / f"{name}.xlsx"
        summary = write_status_report(store.workbench, path, TODAY, sample_seed=seed)
        assert summary.sample_seed == (20262 if seed is None else seed)
        return [row["Sags-ID"] for row in table_rows(load_workbook(path)["Stikprøve"])[:-1]]

    first, again, other = sample(None, "a"), sample(20262, "b"), sample(4711, "c")
    assert first == again
    assert first != other


def test_a_team_report_holds_only_that_team(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    summary = write_status_report(store.workbench, path, TODAY, team="Team Test")
    team_rows = store.workbench.cases.caseload(TODAY, team="Team Test")
    sager = table_rows(load_workbook(path)["Sager"])

    assert summary.open_cases == len(team_rows) > 0
    assert {row["Sags-ID"] for row in sager} == {row.case_id for row in team_rows}
    assert {row["Sagsbehandler"] for row in sager} == {FORMULA_WORKER}


def test_an_empty_store_gives_a_whole_workbook_of_empty_tables(
    workbench: Workbench, tmp_path: Path
) -> None:
    summary = write_status_report(workbench, tmp_path / "empty.xlsx", TODAY)
    report = load_workbook(summary.path)

    assert (summary.open_cases, summary.sample_size) == (0, 0)
    assert len(report.sheetnames) == 7
    assert table_rows(report["Sager"]) == []
    (total,) = table_rows(report["Overblik"])
    assert total["Sagsbehandler"] == "I alt" and total["Åbne sager"] == 0
    assert total["Rettidighed 4 uger"] is None  # nothing was due: no figure, not 0 %
