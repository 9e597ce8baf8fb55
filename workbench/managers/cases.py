"""The cases manager (``wb.cases``): the caseload, one case's detail, and who has cases.

Every status, due date and count comes from the core: case status from
``workbench.engine.evaluate_case`` with the configured profile and amber window, inquiry
deadlines from ``workbench.inquiries``, so the lists, the CLI, the UI and the reports can
never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, exists, literal_column, or_, select, text

from workbench.attributes import attributes_of
from workbench.bulk import collector_paused
from workbench.case import Case
from workbench.cpr import Cpr
from workbench.engine import (
    CaseEvaluation,
    CaseEvent,
    CaseFacts,
    evaluate_case,
    status_for_due,
)
from workbench.managers.base import (
    CASE_COLUMNS,
    EVENT_KINDS,
    AnyRow,
    Manager,
    case_of,
    open_on,
    owned_by,
)
from workbench.managers.inquiries import inquiry_rows as inquiry_rows_of
from workbench.managers.registrations import withdrawn_events
from workbench.pauses import NO_WAIVERS, Waivers, rows_of_case, waivers_of
from workbench.resources import load_named_profile
from workbench.rules import RuleProfile
from workbench.settings import Settings
from workbench.store.models import cases, events, from_store_time, inquiries, notes
from workbench.sync.conflicts import case_conflicts
from workbench.views import CaseDetail, CaseRow, EventRow, MilestoneRow, NoteRow
from workbench.vocabulary import EventKind, Scheme


class LocalFacts(NamedTuple):
    """The facts kept here, beside the export's, that the engine needs: by Sags-ID."""

    waivers: Mapping[str, Waivers]
    attributes: Mapping[str, Mapping[str, str]]

    def of(self, case_id: str) -> tuple[Waivers, Mapping[str, str] | None]:
        """One case's pauses and exemptions and its attributes (None if it has none)."""
        return self.waivers.get(case_id, NO_WAIVERS), self.attributes.get(case_id)


class EvaluatedCase(NamedTuple):
    """A stored case, its events and the engine's evaluation of it (for reports).

    ``row`` is the very list row ``caseload`` shows for an open case; None once closed.
    A named tuple, not a frozen dataclass: a report makes one for each of 20,000 cases.
    """

    case_id: str
    cpr: Cpr
    name: str
    scheme: Scheme
    caseworker: str
    team: str | None
    start: dt.date
    closed_on: dt.date | None
    events: tuple[CaseEvent, ...]
    evaluation: CaseEvaluation
    row: CaseRow | None
    #: The case's standing pauses and exemptions (the report names them).
    waivers: Waivers = NO_WAIVERS


class CaseManager(Manager):
    """The stored cases, evaluated by the engine: lists, one case, owners."""

    def is_empty(self) -> bool:
        """True while no case has ever been imported."""
        with self._database.transaction() as connection:
            return not connection.execute(select(exists().where(cases.c.case_id.isnot(None)))
                                          ).scalar()

    def caseload(
        self, today: dt.date, *, caseworker: str | None = None, team: str | None = None,
        case_ids: Collection[str] | None = None,
    ) -> list[CaseRow]:
        """The open cases (of a caseworker and/or team), soonest due first.

        ``case_ids`` narrows the read to those cases (a change touched them): the window
        replaces just their rows instead of reading the whole caseload again.
        """
        owned = owned_by(caseworker, team)
        if case_ids is not None:
            owned.append(cases.c.case_id.in_(sorted(case_ids)))
        return self._caseload(today, owned, listed=case_ids is not None)

    def _caseload(self, today: dt.date, owned: Sequence[ColumnElement[bool]], *,
                  listed: bool = False) -> list[CaseRow]:
        """The open cases matching ``owned``, soonest due first, from the stored deadlines.

        ``listed``: ``owned`` names the cases in a list (see ``Deadlines.caseload``).
        """
        with collector_paused():
            return self._wb.deadlines.caseload(today, owned, listed=listed)

    def evaluated_cases(
        self, today: dt.date, *, team: str | None = None, closed_since: dt.date | None = None
    ) -> list[EvaluatedCase]:
        """The open cases, and those closed on or after ``closed_since``, each with its evaluation.

        For the team lead's report: the same query, engine call and list row as ``caseload``,
        so its counts are the caseworkers' counts, plus the milestones and events that
        timeliness and activity figures need. Unlike the list rows it carries the full CPR
        number, for a report that is explicitly asked to show it.
        """
        in_scope = open_on(today)
        if closed_since is not None:
            in_scope = or_(in_scope, cases.c.closed_on >= closed_since)
        with collector_paused():
            current, case_rows, history, local = self._cases_with_events(
                [in_scope, *owned_by(None, team)])
            profile = load_named_profile(current.profile_name)
            evaluated = []
            for case in case_rows:
                case_events = tuple(history.get(case.case_id, ()))
                facts = local.of(case.case_id)
                evaluation = self._evaluate(case, case_events, profile, today,
                                            current.amber_days, facts)
                evaluated.append(EvaluatedCase(
                    case_id=case.case_id, cpr=Cpr(case.cpr), name=case.name,
                    scheme=case.scheme, caseworker=case.caseworker, team=case.team,
                    start=case.start, closed_on=case.closed_on, events=case_events,
                    evaluation=evaluation, row=CaseRow.of(case, evaluation, today),
                    waivers=facts[0],
                ))
            return sorted(evaluated, key=lambda c: c.case_id)

    def _cases_with_events(
        self, conditions: Sequence[ColumnElement[bool]]
    ) -> tuple[Settings, Sequence[Case], dict[str, list[CaseEvent]], LocalFacts]:
        """The settings, the cases matching ``conditions``, their events and local facts."""
        with self._database.transaction() as connection:
            current = self._wb.settings.read(connection)
            case_rows = [Case.from_store(row) for row in
                         connection.execute(select(*CASE_COLUMNS).where(*conditions))]
            return (current, case_rows, self._events_of(connection, conditions),
                    LocalFacts(waivers_of(connection, conditions),
                               attributes_of(connection, conditions)))

    @staticmethod
    def _events_of(
        connection: Connection, conditions: Sequence[ColumnElement[bool]]
    ) -> dict[str, list[CaseEvent]]:
        """The events of the cases matching ``conditions``, by Sags-ID, in one query."""
        query = (
            select(events.c.case_id, events.c.date, events.c.kind)
            .join(cases, cases.c.case_id == events.c.case_id)
            .where(*conditions)
        )
        history: dict[str, list[CaseEvent]] = defaultdict(list)
        made: dict[tuple[dt.date, str], CaseEvent] = {}  # a caseload repeats each many times
        for case_id, day, kind in connection.execute(query).all():
            event = made.get((day, kind))
            if event is None:
                event = made[day, kind] = CaseEvent(day, EVENT_KINDS[kind])
            history[case_id].append(event)
        return history

    @staticmethod
    def _evaluate(
        case: Case,
        history: Sequence[CaseEvent],
        profile: RuleProfile,
        today: dt.date,
        amber_days: int,
        local: tuple[Waivers, Mapping[str, str] | None] = (NO_WAIVERS, None),
    ) -> CaseEvaluation:
        """The engine's evaluation of one stored case: the one definition of its status.

        ``local`` is the case's pauses and exemptions and its attributes (``LocalFacts.of``).
        """
        waivers, attributes = local
        facts = CaseFacts.of(case, history, attributes=attributes, pauses=waivers.pauses,
                             exemptions=waivers.exemptions)
        return evaluate_case(facts, profile, today, amber_days)

    def case_detail(self, case_id: str, today: dt.date) -> CaseDetail:
        """Everything about one case, open or closed; UnknownCaseError if there is none."""
        with self._database.transaction() as connection:
            current = self._wb.settings.read(connection)
            case = Case.from_store(case_of(connection, case_id))
            event_rows = connection.execute(
                select(events).where(events.c.case_id == case_id)
                .order_by(events.c.date, events.c.id)
            ).all()
            note_rows = connection.execute(
                select(notes).where(notes.c.case_id == case_id).order_by(notes.c.id)
            ).all()
            inquiry_rows = inquiry_rows_of(connection, current, today, open_only=False,
                                        conditions=[inquiries.c.case_id == case_id])
            profile = load_named_profile(current.profile_name)
            this_case = [cases.c.case_id == case_id]
            local = LocalFacts(waivers_of(connection, this_case),
                               attributes_of(connection, this_case))
            pause_rows, exemption_rows = rows_of_case(connection, case_id, profile)
            withdrawn = withdrawn_events(connection, case_id)
            conflicts = case_conflicts(connection, case_id)
        history = [CaseEvent(e.date, EventKind(e.kind)) for e in event_rows]
        evaluation = self._evaluate(case, history, profile, today, current.amber_days,
                                    local.of(case_id))
        return CaseDetail(
            case=CaseRow.of(case, evaluation, today),
            case_id=case.case_id,
            name=case.name,
            cpr_masked=case.cpr_masked,
            scheme=case.scheme,
            caseworker=case.caseworker,
            team=case.team,
            start=case.start,
            closed_on=case.closed_on,
            milestones=tuple(_milestone_rows(evaluation, today, current.amber_days)),
            events=tuple(_event_row(e) for e in event_rows),
            notes=tuple(NoteRow(n.id, from_store_time(n.written_at), n.author, n.text)
                        for n in note_rows),
            inquiries=tuple(inquiry_rows),
            pauses=pause_rows,
            exemptions=exemption_rows,
            attributes=tuple(sorted((local.of(case_id)[1] or {}).items())),
            withdrawn_events=withdrawn,
            conflicts=tuple(conflicts),
        )

    def caseworkers(self) -> list[str]:
        """The caseworkers who have open cases, sorted."""
        return self._distinct(cases.c.caseworker)

    def teams(self) -> list[str]:
        """The teams that have open cases, sorted."""
        return self._distinct(cases.c.team)

    def owners(self) -> tuple[list[str], list[str]]:
        """``caseworkers()`` and ``teams()`` together, from one pass over the cases.

        SQLite is told to make that pass (``NOT INDEXED``): left to itself it walks the
        caseworker index and looks every case up from it, five times the CPU and eight
        times the time of the pass at 100,000 cases.
        """
        with self._database.transaction() as connection:
            table = "cases NOT INDEXED" if connection.dialect.name == "sqlite" else "cases"
            pairs: Sequence[Any] = connection.execute(
                select(literal_column("caseworker"), literal_column("team")).distinct()
                .select_from(text(table)).where(literal_column("closed_on").is_(None))).all()
        return (sorted({str(worker) for worker, _ in pairs if worker is not None}),
                sorted({str(team) for _, team in pairs if team is not None}))

    def _distinct(self, column: ColumnElement[Any]) -> list[str]:
        with self._database.transaction() as connection:
            values = connection.execute(
                select(column).distinct().where(cases.c.closed_on.is_(None), column.isnot(None))
            ).scalars()
            return sorted(str(value) for value in values)

    def covered_caseload(self, today: dt.date, *, covering: str) -> list[CaseRow]:
        """The open cases ``covering`` covers today for absent colleagues, soonest due first."""
        active = [row for row in self._wb.registrations.covers(today) if row.covering == covering]
        if not active:
            return []
        whole = [row.absent for row in active if row.case_id is None]
        single = [row.case_id for row in active if row.case_id is not None]
        return self._caseload(today, [or_(cases.c.caseworker.in_(whole),
                                          cases.c.case_id.in_(single))], listed=True)


def _milestone_rows(
    evaluation: CaseEvaluation, today: dt.date, amber_days: int
) -> Iterable[MilestoneRow]:
    """The case panel's milestones, with the traffic light of each open one.

    A closed case has no traffic lights: it is in no list, and nothing on it is due.
    """
    case_open = evaluation.status is not None
    for milestone in evaluation.milestones:
        rule = milestone.rule
        lit = case_open and milestone.is_open
        status = status_for_due(milestone.due, today, amber_days) if lit else None
        yield MilestoneRow(
            rule_id=rule.id, title_da=rule.title_da, title_en=rule.title_en,
            reference=rule.reference, occurrence=milestone.occurrence, due=milestone.due,
            state=milestone.state, status=status, met_on=milestone.met_on,
            verified=rule.verified, plan_by=milestone.plan_by if lit else None,
        )


def _event_row(event: AnyRow) -> EventRow:
    """A stored event as the case panel shows it."""
    return EventRow(
        event_id=event.id, date=event.date, kind=EventKind(event.kind), source=event.source,
        registered_by=event.registered_by, registered_at=from_store_time(event.registered_at),
        confirmed=bool(event.confirmed),
    )
