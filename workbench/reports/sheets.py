"""The seven sheets of the team lead's status workbook, one function each.

Each function turns figures and lists (``figures``, ``lists``) into rows of cell values
and hands them to ``write_table``; the few rules and the chart that refer back to the
cells are added here too. Nothing here computes a status, a due date or a share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from workbench.calendar import week_since
from workbench.engine import MilestoneState, Status
from workbench.managers.cases import EvaluatedCase
from workbench.pauses import NO_WAIVERS, Waivers
from workbench.reports.cells import (
    CHART_COLOURS,
    PERCENT,
    STATUS_COLOURS,
    STATUS_WORDS,
    TOTAL,
    TOTAL_PERCENT,
    Formula,
    Plain,
    Styled,
    Value,
    status_style,
)
from workbench.reports.figures import CaseworkerFigures, Share, WeekFigures, inquiry_outcome
from workbench.reports.lists import SAMPLE_PER_SCHEME, ScreeningRow
from workbench.reports.periods import (
    Period,
    coming,
    month_label,
    quarter,
    quarter_label,
    recent,
)
from workbench.reports.tables import Column, ReportBook, Table, write_table
from workbench.views import CaseRow, InquiryRow
from workbench.vocabulary import Channel, Scheme

#: Timeliness targets (seed 002: 80 % by the end of 2017, 90 % from Q1 2018).
TARGET_LOW = 0.80
TARGET_HIGH = 0.90
#: Supervision error ceilings (seed 000 #10): formal errors 10 %, material errors 3 %.
FORMAL_CEILING = 0.10
MATERIAL_CEILING = 0.03

OVERVIEW_HEADERS = ("Sagsbehandler", "Åbne sager", "Rød", "Gul", "Grøn", "Rettidighed 4 uger",
                    "Rettidighed kvartal", "Åbne henvendelser", "Overskredne henvendelser",
                    "Besvaret rettidigt telefon", "Besvaret rettidigt mail",
                    "Afslutninger denne måned", "Norm afslutninger")
CASE_HEADERS = ("Sags-ID", "Navn", "CPR", "Ordning", "Sagsbehandler", "Team", "Startdato", "Uge",
                "Status", "Næste milepæl", "Frist", "Fristens uge", "Dage til frist",
                "Pause/fritagelse")
INQUIRY_HEADERS = ("Id", "Sags-ID", "Borger", "Sagsbehandler", "Kanal", "Modtaget", "Svarfrist",
                   "Besvaret", "Arbejdsdage til frist", "Stand")
SCREENING_HEADERS = ("Liste", "Sags-ID", "Navn", "CPR", "Sagsbehandler", "Startdato", "Uge nu",
                     "Dato", "Milepæl", "Frist", "Stand", "Opfyldt")
WEEK_HEADERS = ("Uge", "Fra", "Til", "Samtaler", "Sagsstamme", "Frister", "Rettidige",
                "Rettidighed")
SAMPLE_HEADERS = ("Ordning", "Sags-ID", "Navn", "CPR", "Sagsbehandler", "Startdato", "Status",
                  "Næste milepæl", "Frist", "Formelle fejl", "Materielle fejl", "Bemærkning")

CHANNEL_WORDS = {Channel.PHONE: "Telefon", Channel.MAIL: "Mail"}
#: Each scheme's name as a heading or a list writes it.
SCHEME_WORDS = {
    Scheme.SYGEDAGPENGE: "Sygedagpenge",
    Scheme.FORSIKRET_LEDIG: "Forsikret ledig",
    Scheme.JOBAFKLARINGSFORLOB: "Jobafklaringsforløb",
    Scheme.RESSOURCEFORLOB: "Ressourceforløb",
    Scheme.KONTANTHJAELP: "Kontanthjælp",
}
STATE_WORDS = {
    MilestoneState.OPEN: "Åben",
    MilestoneState.MET_ON_TIME: "Opfyldt rettidigt",
    MilestoneState.MET_LATE: "Opfyldt for sent",
    MilestoneState.MISSED: "Ikke opfyldt",
}

TIMELINESS_NOTE = (
    "Rettidighed: andelen af frister med forfaldsdato i perioden (og senest i dag), der blev "
    "overholdt. Opfyldt for sent, ikke opfyldt eller stadig åben efter fristen tæller som ikke "
    "rettidig; en åben frist, der udløber i dag, tæller ikke med endnu. En afsluttet sags "
    "frister tæller til og med afslutningsdatoen, og fristerne hører til sagens sagsbehandler "
    "i dag."
)


@dataclass(frozen=True)
class ReportContext:
    """What every sheet may mention: the report date, team, settings and CPR choice."""

    today: dt.date
    team: str | None
    include_cpr: bool
    amber_days: int
    closure_norm: int
    profile_name: str
    #: The rule profile as its file names it ("Standardprofil …"), not its short name.
    profile_title: str
    #: The Danish title of each rule and of each pause or exemption reason, by id or key.
    titles: Mapping[str, str] = field(default_factory=dict)

    def cpr(self, case: EvaluatedCase) -> str:
        """The CPR number as the report may show it: masked unless asked for in full."""
        return case.cpr.formatted if self.include_cpr else case.cpr.masked

    @property
    def scope(self) -> str:
        """Which cases the report covers, in words ("team Nord", "Team Nord", "alle teams")."""
        if not self.team:
            return "alle teams"
        return self.team if self.team.lower().startswith("team") else f"team {self.team}"

    @property
    def scope_title(self) -> str:
        """Which cases the report covers, as a heading says it ("Team Nord", "Alle teams")."""
        return self.scope[:1].upper() + self.scope[1:]


def _day(day: dt.date) -> str:
    """A date as Danish text (in notes; cells hold real dates)."""
    return f"{day:%d-%m-%Y}"


def _percent(share: Share, style: str = PERCENT) -> Value:
    """A share as a percentage cell; empty when nothing was due."""
    ratio = share.ratio
    return Styled(ratio, style) if ratio is not None else None


def _status(status: Status) -> Styled:
    """A status as its Danish word on its colour."""
    return _STATUS_CELLS[status]


_STATUS_CELLS = {status: Styled(word, status_style(status))
                 for status, word in STATUS_WORDS.items()}


def _fill(status: Status) -> PatternFill:
    """The background colour of a status, for conditional formatting."""
    return PatternFill("solid", fgColor=STATUS_COLOURS[status][0],
                       bgColor=STATUS_COLOURS[status][0])


def _font(status: Status) -> Font:
    """The text colour that goes with a status's background."""
    return Font(color=STATUS_COLOURS[status][1])


def _mark_targets(table: Table, header: str, through: int) -> None:
    """Colour a share column by the targets: green from 90 %, amber from 80 %, red below."""
    cells = table.data_range(header, through=through)
    first = cells.split(":")[0]
    rules = (
        (Status.RED, f"AND(ISNUMBER({first}),{first}<{TARGET_LOW})"),
        (Status.AMBER, f"AND(ISNUMBER({first}),{first}>={TARGET_LOW},{first}<{TARGET_HIGH})"),
        (Status.GREEN, f"AND(ISNUMBER({first}),{first}>={TARGET_HIGH})"),
    )
    for status, formula in rules:
        table.sheet.conditional_formatting.add(
            cells, FormulaRule(formula=[formula], fill=_fill(status), font=_font(status)))


# --- Overblik ------------------------------------------------------------------------------

def write_overview(book: ReportBook, context: ReportContext,
                   rows: Sequence[CaseworkerFigures], total: CaseworkerFigures) -> Table:
    """Overblik: one row per caseworker and a total, the targets marked, and a bar chart."""
    table = write_table(
        book, "Overblik", [Column(header) for header in OVERVIEW_HEADERS],
        [_overview_row(row) for row in rows],
        footer=[_overview_row(total, total=True)],
        notes=_overview_notes(context),
    )
    total_row = table.last_row + 1
    for header in ("Rettidighed 4 uger", "Rettidighed kvartal"):
        _mark_targets(table, header, total_row)
    closed, norm = table.letter("Afslutninger denne måned"), table.letter("Norm afslutninger")
    table.sheet.conditional_formatting.add(
        table.data_range("Afslutninger denne måned", through=total_row),
        FormulaRule(formula=[f"{closed}2>={norm}2"], fill=_fill(Status.GREEN),
                    font=_font(Status.GREEN)))
    if rows:
        table.sheet.add_chart(_status_chart(table, len(rows)), f"A{table.end_row + 2}")
    return table


def _overview_row(figures: CaseworkerFigures, *, total: bool = False) -> list[Value]:
    """The cells of one overview row, in OVERVIEW_HEADERS order."""
    percent = TOTAL_PERCENT if total else PERCENT

    def plain(value: Plain) -> Value:
        return Styled(value, TOTAL) if total else value

    return [
        plain(figures.caseworker), plain(figures.open_cases), plain(figures.red),
        plain(figures.amber), plain(figures.green),
        _percent(figures.timely_recent, percent), _percent(figures.timely_quarter, percent),
        plain(figures.open_inquiries), plain(figures.overdue_inquiries),
        _percent(figures.phone_on_time, percent), _percent(figures.mail_on_time, percent),
        plain(figures.closures_this_month), plain(figures.closure_norm),
    ]


def _overview_notes(context: ReportContext) -> list[str]:
    """What the overview's figures mean, and for which days."""
    today, amber = context.today, context.amber_days
    last_weeks, this_quarter = recent(today), quarter(today)
    return [
        f"Status pr. {_day(today)}, {context.scope}. Regelprofil: {context.profile_title}.",
        f"Rød: en frist er overskredet. Gul: en frist falder inden for {amber} dage. Grøn: "
        f"ingen frist inden for {amber} dage. Tallene er de samme som i sagsbehandlernes "
        "lister.",
        TIMELINESS_NOTE,
        f"4 uger: {_day(last_weeks.first)} til {_day(last_weeks.last)}. Kvartal "
        f"({quarter_label(today)}): {_day(this_quarter.first)} til {_day(this_quarter.last)}.",
        f"Mål for rettidighed: {TARGET_LOW:.0%} og {TARGET_HIGH:.0%}. Grøn fra "
        f"{TARGET_HIGH:.0%}, gul fra {TARGET_LOW:.0%}, rød under {TARGET_LOW:.0%}.",
        "Besvaret rettidigt: andelen af henvendelser med svarfrist i de sidste 4 uger "
        "(telefon 2, mail 10 arbejdsdage), der blev besvaret senest på fristen; en åben "
        "henvendelse efter fristen tæller som ikke rettidig.",
        f"Afslutninger: sager afsluttet fra den 1. i måneden til i dag. Norm: "
        f"{context.closure_norm} pr. sagsbehandler pr. måned (i alt-rækken: for alle).",
    ]


def _status_chart(table: Table, caseworkers: int) -> BarChart:
    """Red, amber and green cases per caseworker, stacked."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Åbne sager pr. sagsbehandler"
    chart.y_axis.title = "Sager"
    last = caseworkers + 1
    first_column = OVERVIEW_HEADERS.index("Rød") + 1
    data = Reference(table.sheet, min_col=first_column, max_col=first_column + 2, min_row=1,
                     max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(table.sheet, min_col=1, min_row=2, max_row=last))
    for series, status in zip(chart.series, (Status.RED, Status.AMBER, Status.GREEN),
                              strict=True):
        series.graphicalProperties.solidFill = CHART_COLOURS[status]
        series.graphicalProperties.line.solidFill = CHART_COLOURS[status]
    # As wide as the table: on paper, the gridlines then end where the table and chart do.
    chart.width = max(16.0, 1.2 * caseworkers, _width_cm(table))
    chart.height = 9.0
    return chart


def _width_cm(table: Table) -> float:
    """How wide the table's columns are on screen and paper, in centimetres.

    A column's width counts characters of about 7 pixels plus 5 pixels of margin (96 dpi).
    """
    widths = (table.sheet.column_dimensions[table.letter(column.header)].width or 0
              for column in table.columns)
    return sum((7 * width + 5) * 2.54 / 96 for width in widths)


# --- Sager ---------------------------------------------------------------------------------

def write_cases(book: ReportBook, context: ReportContext,
                cases: Sequence[EvaluatedCase]) -> Table:
    """Sager: every open case, soonest due first, as the caseworkers' lists have them."""
    rows = [(case, case.row) for case in cases if case.row is not None]
    rows.sort(key=lambda pair: (pair[1].next_due or dt.date.max, pair[1].case_id))
    return write_table(book, "Sager", [Column(header) for header in CASE_HEADERS],
                       [_case_cells(context, case, row) for case, row in rows])


def _case_cells(context: ReportContext, case: EvaluatedCase, row: CaseRow) -> list[Value]:
    """One open case's cells, in CASE_HEADERS order."""
    return [row.case_id, row.name, context.cpr(case), SCHEME_WORDS[row.scheme], row.caseworker,
            row.team, row.start, row.week, _status(row.status), row.milestone_title_da,
            row.next_due, row.due_iso_week, row.days_left,
            _waivers(case.waivers, context.titles) if case.waivers is not NO_WAIVERS else None]


def _waivers(waivers: Waivers, titles: Mapping[str, str]) -> str:
    """A case's standing pauses and exemptions, with their reasons, in one cell.

    Rules and reasons by their Danish titles, as the rest of the report names them.
    """
    parts = [f"pause {_day(pause.start)}–{_day(pause.end) if pause.end else '…'} "
             f"({titles.get(reason, reason)})"
             for pause, reason in zip(waivers.pauses, waivers.pause_reasons, strict=True)]
    parts += [f"fritaget fra {titles.get(rule_id, rule_id)} ({titles.get(reason, reason)})"
              for rule_id, reason in waivers.exemption_reasons]
    return "; ".join(parts)


# --- Henvendelser --------------------------------------------------------------------------

def write_inquiries(book: ReportBook, context: ReportContext,
                    inquiries: Sequence[InquiryRow]) -> Table:
    """Henvendelser: open inquiries and those answered in the last 4 weeks."""
    return write_table(
        book, "Henvendelser", [Column(header) for header in INQUIRY_HEADERS],
        [_inquiry_cells(inquiry) for inquiry in inquiries],
        notes=[f"Åbne henvendelser og henvendelser besvaret i de sidste 4 uger, pr. "
               f"{_day(context.today)}. Svarfrist: telefon 2, mail 10 arbejdsdage efter "
               "modtagelsen."],
    )


def _inquiry_cells(inquiry: InquiryRow) -> list[Value]:
    """One inquiry's cells, in INQUIRY_HEADERS order."""
    return [inquiry.inquiry_id, inquiry.case_id, inquiry.citizen_name, inquiry.caseworker,
            CHANNEL_WORDS[inquiry.channel], inquiry.received, inquiry.due, inquiry.answered_on,
            inquiry.working_days_left if inquiry.is_open else None, _inquiry_state(inquiry)]


def _inquiry_state(inquiry: InquiryRow) -> Value:
    """Open, overdue, answered on time or answered late, coloured like a status."""
    outcome = inquiry_outcome(inquiry)
    if inquiry.is_open:
        return "Åben" if outcome is None else Styled("Overskredet", status_style(Status.RED))
    if outcome:
        return Styled("Besvaret rettidigt", status_style(Status.GREEN))
    return Styled("Besvaret for sent", status_style(Status.RED))


# --- Afslutninger --------------------------------------------------------------------------

def write_closures(book: ReportBook, context: ReportContext, months: Sequence[Period],
                   table_rows: dict[str, list[int]]) -> Table:
    """Afslutninger: closures per caseworker per month, the last 12 months."""
    headers = ["Sagsbehandler", *(month_label(period) for period in months), "I alt"]
    rows: list[list[Value]] = [[name, *counts, sum(counts)]
                               for name, counts in table_rows.items()]
    totals = [sum(column) for column in zip(*table_rows.values(), strict=True)] or [0] * len(
        months)
    table = write_table(
        book, "Afslutninger", [Column(header) for header in headers], rows,
        footer=[[Styled(value, TOTAL) for value in ["I alt", *totals, sum(totals)]]],
        notes=[f"Afsluttede sager pr. måned, {context.scope}. Norm: {context.closure_norm} "
               "pr. sagsbehandler pr. måned; hele måneder under normen er markeret. "
               f"Indeværende måned til og med {_day(context.today)}."],
    )
    if rows and len(months) > 1:
        last_whole_month = get_column_letter(len(months))
        table.sheet.conditional_formatting.add(
            f"B2:{last_whole_month}{table.last_row}",
            CellIsRule(operator="lessThan", formula=[str(context.closure_norm)],
                       fill=_fill(Status.AMBER), font=_font(Status.AMBER)))
    return table


# --- Screening -----------------------------------------------------------------------------

def write_screening(book: ReportBook, context: ReportContext,
                    rows: Sequence[ScreeningRow]) -> Table:
    """Screening: sickness benefit cases entering week 39 or 47, and assessments due."""
    days = coming(context.today)
    return write_table(
        book, "Screening", [Column(header) for header in SCREENING_HEADERS],
        [_screening_cells(context, row) for row in rows],
        notes=[f"Sygedagpengesager, der går ind i uge 39 eller 47 fra {_day(days.first)} til "
               f"{_day(days.last)} (Dato: dagen sagen går ind i ugen), og sager hvis vurdering "
               "i uge 52 eller hver 26. uge er overskredet eller falder inden for "
               f"{context.amber_days} dage (Dato: fristen)."],
    )


def _screening_cells(context: ReportContext, row: ScreeningRow) -> list[Value]:
    """One screening row's cells, in SCREENING_HEADERS order."""
    case, milestone = row.case, row.milestone
    rule: Plain = milestone.rule.title_da if milestone else None
    return [row.listing, case.case_id, case.name, context.cpr(case), case.caseworker,
            case.start, week_since(case.start, context.today), row.day, rule,
            milestone.due if milestone else None,
            STATE_WORDS[milestone.state] if milestone else None,
            milestone.met_on if milestone else None]


# --- Ugestatistik --------------------------------------------------------------------------

def write_weeks(book: ReportBook, context: ReportContext,
                weeks: Sequence[WeekFigures]) -> Table:
    """Ugestatistik: per ISO week, conversations held, caseload and timeliness."""
    table = write_table(
        book, "Ugestatistik", [Column(header) for header in WEEK_HEADERS],
        [[week.label, week.week.first, week.week.last, week.conversations, week.caseload,
          week.timeliness.counted, week.timeliness.kept, _percent(week.timeliness)]
         for week in weeks],
        notes=[f"De sidste {len(weeks)} uger (mandag til søndag), {context.scope}; "
               f"indeværende uge til og med {_day(context.today)}.",
               "Samtaler: samtaler og fællessamtaler holdt i ugen. Sagsstamme: åbne sager "
               "ved ugens sidste dag.",
               TIMELINESS_NOTE],
    )
    _mark_targets(table, "Rettidighed", table.last_row)
    return table


# --- Stikprøve -----------------------------------------------------------------------------

def write_sample(book: ReportBook, context: ReportContext,
                 sample: Sequence[EvaluatedCase], seed: int) -> Table:
    """Stikprøve: the supervision sample, with empty columns for the reviewer's marks."""
    columns = [Column(header) for header in SAMPLE_HEADERS[:-3]]
    columns += [Column("Formelle fejl", 14), Column("Materielle fejl", 14),
                Column("Bemærkning", 40)]
    rows = [_sample_cells(context, case) for case in sample]
    marks = [get_column_letter(SAMPLE_HEADERS.index(header) + 1)
             for header in ("Formelle fejl", "Materielle fejl")]
    last = 1 + len(rows)
    footer: list[list[Value]] = []
    if rows:
        shares: list[Value] = [Formula(f"=COUNTA({column}2:{column}{last})/{len(rows)}",
                                       TOTAL_PERCENT) for column in marks]
        footer = [[Styled("Andel med fejl", TOTAL), *[None] * (len(columns) - 4), *shares]]
    table = write_table(
        book, "Stikprøve", columns, rows, footer=footer,
        notes=[f"Stikprøve til ledelsestilsyn {quarter_label(context.today)}, "
               f"{context.scope}: op til {SAMPLE_PER_SCHEME} åbne sager pr. ordning (alle, "
               "hvis der er færre).",
               f"Stikprøven er trukket med udtrækningsnummer {seed}. Samme nummer og samme "
               "åbne sager giver samme stikprøve.",
               "Marker en fejl med x i kolonnen Formelle fejl eller Materielle fejl. Loft: "
               f"formelle fejl {FORMAL_CEILING:.0%}, materielle fejl {MATERIAL_CEILING:.0%}."],
    )
    if rows:
        for column, ceiling in zip(marks, (FORMAL_CEILING, MATERIAL_CEILING), strict=True):
            table.sheet.conditional_formatting.add(
                f"{column}{last + 1}",
                CellIsRule(operator="greaterThan", formula=[str(ceiling)],
                           fill=_fill(Status.RED), font=_font(Status.RED)))
    return table


def _sample_cells(context: ReportContext, case: EvaluatedCase) -> list[Value]:
    """One sampled case's cells, in SAMPLE_HEADERS order (the reviewer's columns empty)."""
    row = case.row
    assert row is not None  # the sample holds open cases only
    return [SCHEME_WORDS[case.scheme], case.case_id, case.name, context.cpr(case), case.caseworker,
            case.start, _status(row.status), row.milestone_title_da, row.next_due,
            None, None, None]

