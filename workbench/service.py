"""The workbench as a service: the one API the desktop UI and the command line share.

Plain dataclasses go in and out (``workbench.views``); no SQL, no Qt. Every status, due date
and count comes from the core: case status from ``workbench.engine.evaluate_case`` with the
configured profile and amber window, inquiry deadlines from ``workbench.inquiries``, so the
lists, the CLI and the UI can never disagree.

A ``Workbench`` is used from one thread at a time; each call is one database transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from types import TracebackType
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Connection, Row, exists, or_, select
from sqlalchemy.exc import IntegrityError

from workbench.calendar import WorkingCalendar, iso_week, week_since
from workbench.cpr import Cpr
from workbench.engine import (
    DEFAULT_AMBER_DAYS,
    CaseEvaluation,
    CaseEvent,
    CaseFacts,
    evaluate_case,
    status_for_due,
)
from workbench.errors import (
    DuplicateEventError,
    InputError,
    UnknownCaseError,
    UnknownInquiryError,
)
from workbench.importing import import_files
from workbench.inquiries import inquiry_standing
from workbench.resources import DEFAULT_PROFILE, available_profiles, load_named_profile
from workbench.rules import RuleProfile
from workbench.store.database import Database
from workbench.store.models import (
    SOURCE_LOCAL,
    cases,
    events,
    from_store_time,
    inquiries,
    notes,
    settings,
    utc_now,
)
from workbench.views import (
    CaseDetail,
    CaseRow,
    EventRow,
    ImportSummary,
    InquiryRow,
    MilestoneRow,
    NoteRow,
)
from workbench.vocabulary import Channel, EventKind, Scheme

LANGUAGES = ("da", "en")
#: Stored words to members by dictionary: Enum(value) is slow in lists of thousands.
_EVENT_KINDS = {kind.value: kind for kind in EventKind}
_SCHEMES = {scheme.value: scheme for scheme in Scheme}
#: A result row of any shape.
AnyRow: TypeAlias = Row[*tuple[Any, ...]]


@dataclass(frozen=True)
class Settings:
    """The user's settings, kept in the database beside the cases they apply to."""

    my_initials: str = ""
    my_team: str | None = None
    export_folder: str | None = None
    profile_name: str = DEFAULT_PROFILE
    #: Days ahead in which an open milestone is amber (domain.md: 21).
    amber_days: int = DEFAULT_AMBER_DAYS
    #: Local closure days: not working days for inquiry deadlines.
    closure_days: tuple[dt.date, ...] = ()
    language: str = "da"
    #: A cases snapshot closing more than this share of the open cases is refused.
    truncation_threshold: float = 0.20
    #: Closures a caseworker is expected to make per month (seed 001: revised from 10 to 5).
    closure_norm: int = 5

    def validated(self) -> Settings:
        """These settings if they make sense; InputError saying which one does not."""
        if self.amber_days < 0:
            raise InputError(f"the amber window must be 0 days or more, not {self.amber_days}")
        if not 0 < self.truncation_threshold <= 1:
            raise InputError("the truncation threshold must be a share above 0 and at most 1, "
                             f"not {self.truncation_threshold}")
        if self.closure_norm < 0:
            raise InputError(f"the closure norm must be 0 or more, not {self.closure_norm}")
        if self.language not in LANGUAGES:
            raise InputError(f"unknown language '{self.language}' (expected da or en)")
        if self.profile_name not in available_profiles() and not Path(self.profile_name).exists():
            raise InputError(f"unknown rule profile '{self.profile_name}'")
        return self

    def calendar(self) -> WorkingCalendar:
        """The working-day calendar with the local closure days."""
        return WorkingCalendar.with_closures(self.closure_days)


def _encode_setting(value: object) -> str:
    """A setting's value as JSON (dates as ISO text)."""
    if isinstance(value, tuple):
        return json.dumps([day.isoformat() for day in value])
    return json.dumps(value)


def _decode_settings(stored: dict[str, str]) -> Settings:
    """Settings from their stored JSON; an unknown key is ignored, a missing one defaulted."""
    values: dict[str, Any] = {}
    for item in fields(Settings):
        if item.name in stored:
            values[item.name] = json.loads(stored[item.name])
    if "closure_days" in values:
        values["closure_days"] = tuple(dt.date.fromisoformat(d) for d in values["closure_days"])
    return Settings(**values)


def _open_on(today: dt.date) -> ColumnElement[bool]:
    """Cases open on ``today``: not closed, or closed only after it."""
    return or_(cases.c.closed_on.is_(None), cases.c.closed_on > today)


def _owned_by(caseworker: str | None, team: str | None) -> list[ColumnElement[bool]]:
    """The filters for one caseworker's and/or one team's cases."""
    conditions: list[ColumnElement[bool]] = []
    if caseworker is not None:
        conditions.append(cases.c.caseworker == caseworker)
    if team is not None:
        conditions.append(cases.c.team == team)
    return conditions


def _required_initials(by: str) -> str:
    """Who registers something must be known: their initials, not empty."""
    initials = by.strip()
    if not initials:
        raise InputError("say who registers it (initials)")
    return initials


_CASE_COLUMNS = (cases.c.case_id, cases.c.cpr, cases.c.name, cases.c.scheme, cases.c.caseworker,
                 cases.c.team, cases.c.start, cases.c.closed_on)


@dataclass(frozen=True)
class EvaluatedCase:
    """A stored case, its events and the engine's evaluation of it (for reports).

    ``row`` is the very list row ``caseload`` shows for an open case; None once closed.
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


class Workbench:
    """One open case store and everything a caseworker does with it."""

    def __init__(self, database: Database) -> None:
        self._database = database

    @classmethod
    def open(cls, url_or_path: str | os.PathLike[str] | None = None) -> Workbench:
        """Open (and migrate) a store; None means WORKBENCH_DB or the per-user database."""
        return cls(Database.open(url_or_path))

    @property
    def database(self) -> Database:
        """The store underneath (for tools and tests)."""
        return self._database

    def close(self) -> None:
        """Release the database connections."""
        self._database.dispose()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- settings ----------------------------------------------------------------------

    def load_settings(self) -> Settings:
        """The stored settings, defaults for the ones never saved."""
        with self._database.transaction() as connection:
            return self._settings(connection)

    def save_settings(self, new: Settings) -> None:
        """Store the settings; InputError (and nothing stored) if one makes no sense."""
        new.validated()
        rows = [{"key": key, "value": _encode_setting(value)}
                for key, value in asdict(new).items()]
        with self._database.transaction(write=True) as connection:
            connection.execute(settings.delete())
            connection.execute(settings.insert(), rows)

    @staticmethod
    def _settings(connection: Connection) -> Settings:
        stored = dict(connection.execute(select(settings.c.key, settings.c.value)).all())
        return _decode_settings(stored)

    # --- cases -------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True while no case has ever been imported."""
        with self._database.transaction() as connection:
            return not connection.execute(select(exists().where(cases.c.case_id.isnot(None)))
                                          ).scalar()

    def caseload(
        self, today: dt.date, *, caseworker: str | None = None, team: str | None = None
    ) -> list[CaseRow]:
        """The open cases (of a caseworker and/or team), soonest due first."""
        conditions = [_open_on(today), *_owned_by(caseworker, team)]
        with self._database.transaction() as connection:
            current = self._settings(connection)
            case_rows = connection.execute(select(*_CASE_COLUMNS).where(*conditions)).all()
            history = self._events_of(connection, conditions)
        profile = load_named_profile(current.profile_name)
        rows = []
        for case in case_rows:
            evaluation = self._evaluate(case, history.get(case.case_id, ()), profile, today,
                                        current.amber_days)
            row = _case_row(case, evaluation, today)
            if row is not None:
                rows.append(row)
        return sorted(rows, key=lambda r: (r.next_due or dt.date.max, r.case_id))

    def evaluated_cases(
        self, today: dt.date, *, team: str | None = None, closed_since: dt.date | None = None
    ) -> list[EvaluatedCase]:
        """The open cases, and those closed on or after ``closed_since``, each with its evaluation.

        For the team lead's report: the same query, engine call and list row as ``caseload``,
        so its counts are the caseworkers' counts, plus the milestones and events that
        timeliness and activity figures need. Unlike the list rows it carries the full CPR
        number, for a report that is explicitly asked to show it.
        """
        in_scope = _open_on(today)
        if closed_since is not None:
            in_scope = or_(in_scope, cases.c.closed_on >= closed_since)
        conditions = [in_scope, *_owned_by(None, team)]
        with self._database.transaction() as connection:
            current = self._settings(connection)
            case_rows = connection.execute(select(*_CASE_COLUMNS).where(*conditions)).all()
            history = self._events_of(connection, conditions)
        profile = load_named_profile(current.profile_name)
        evaluated = []
        for case in case_rows:
            case_events = tuple(history.get(case.case_id, ()))
            evaluation = self._evaluate(case, case_events, profile, today, current.amber_days)
            evaluated.append(EvaluatedCase(
                case_id=case.case_id, cpr=Cpr(case.cpr), name=case.name,
                scheme=Scheme(case.scheme), caseworker=case.caseworker, team=case.team,
                start=case.start, closed_on=case.closed_on, events=case_events,
                evaluation=evaluation, row=_case_row(case, evaluation, today),
            ))
        return sorted(evaluated, key=lambda c: c.case_id)

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
        for case_id, day, kind in connection.execute(query).all():
            history[case_id].append(CaseEvent(day, _EVENT_KINDS[kind]))
        return history

    @staticmethod
    def _evaluate(
        case: AnyRow,
        history: Iterable[CaseEvent],
        profile: RuleProfile,
        today: dt.date,
        amber_days: int,
    ) -> CaseEvaluation:
        """The engine's evaluation of one stored case: the one definition of its status."""
        facts = CaseFacts(scheme=_SCHEMES[case.scheme], start=case.start, events=tuple(history),
                          cpr=Cpr(case.cpr), closed_on=case.closed_on)
        return evaluate_case(facts, profile, today, amber_days)

    def case_detail(self, case_id: str, today: dt.date) -> CaseDetail:
        """Everything about one case, open or closed; UnknownCaseError if there is none."""
        with self._database.transaction() as connection:
            current = self._settings(connection)
            case = self._case(connection, case_id)
            event_rows = connection.execute(
                select(events).where(events.c.case_id == case_id)
                .order_by(events.c.date, events.c.id)
            ).all()
            note_rows = connection.execute(
                select(notes).where(notes.c.case_id == case_id).order_by(notes.c.id)
            ).all()
            inquiry_rows = self._inquiry_rows(connection, current, today, open_only=False,
                                              conditions=[inquiries.c.case_id == case_id])
        profile = load_named_profile(current.profile_name)
        history = [CaseEvent(e.date, EventKind(e.kind)) for e in event_rows]
        evaluation = self._evaluate(case, history, profile, today, current.amber_days)
        return CaseDetail(
            case=_case_row(case, evaluation, today),
            case_id=case.case_id,
            name=case.name,
            cpr_masked=Cpr(case.cpr).masked,
            scheme=Scheme(case.scheme),
            caseworker=case.caseworker,
            team=case.team,
            start=case.start,
            closed_on=case.closed_on,
            milestones=tuple(_milestone_rows(evaluation, today, current.amber_days)),
            events=tuple(_event_row(e) for e in event_rows),
            notes=tuple(NoteRow(n.id, _aware(n.written_at), n.author, n.text)
                        for n in note_rows),
            inquiries=tuple(inquiry_rows),
        )

    @staticmethod
    def _case(connection: Connection, case_id: str) -> AnyRow:
        """The stored case ``case_id``; UnknownCaseError if there is none."""
        case = connection.execute(select(*_CASE_COLUMNS).where(cases.c.case_id == case_id)
                                  ).first()
        if case is None:
            raise UnknownCaseError(case_id)
        return case

    def caseworkers(self) -> list[str]:
        """The caseworkers who have open cases, sorted."""
        return self._distinct(cases.c.caseworker)

    def teams(self) -> list[str]:
        """The teams that have open cases, sorted."""
        return self._distinct(cases.c.team)

    def _distinct(self, column: ColumnElement[Any]) -> list[str]:
        with self._database.transaction() as connection:
            values = connection.execute(
                select(column).distinct().where(cases.c.closed_on.is_(None), column.isnot(None))
            ).scalars()
            return sorted(str(value) for value in values)

    # --- local registrations -----------------------------------------------------------

    def register_event(self, case_id: str, kind: EventKind, on: dt.date, *, by: str) -> int:
        """Record a local event; DuplicateEventError if the case already has it."""
        initials = _required_initials(by)
        with self._database.transaction(write=True) as connection:
            self._case(connection, case_id)
            duplicate = connection.execute(select(events.c.id).where(
                events.c.case_id == case_id, events.c.date == on, events.c.kind == kind.value,
            )).first()
            if duplicate is not None:
                raise _duplicate_event(case_id, kind, on)
            try:
                with connection.begin_nested():
                    result = connection.execute(events.insert().values(
                        case_id=case_id, date=on, kind=kind.value, source=SOURCE_LOCAL,
                        registered_by=initials, registered_at=utc_now(), confirmed=False,
                    ))
            except IntegrityError:  # registered by someone else meanwhile (PostgreSQL)
                raise _duplicate_event(case_id, kind, on) from None
            return _new_id(result.inserted_primary_key)

    def add_note(self, case_id: str, text: str, *, by: str) -> int:
        """Add a note to a case; InputError for an empty note."""
        author = _required_initials(by)
        if not text.strip():
            raise InputError("a note needs some text")
        with self._database.transaction(write=True) as connection:
            self._case(connection, case_id)
            result = connection.execute(notes.insert().values(
                case_id=case_id, written_at=utc_now(), author=author, text=text,
            ))
            return _new_id(result.inserted_primary_key)

    def add_inquiry(self, case_id: str, channel: Channel, received: dt.date, *, by: str) -> int:
        """Record a citizen's inquiry; its reply deadline follows from channel and date."""
        initials = _required_initials(by)
        with self._database.transaction(write=True) as connection:
            self._case(connection, case_id)
            result = connection.execute(inquiries.insert().values(
                case_id=case_id, channel=channel.value, received=received,
                registered_by=initials, registered_at=utc_now(),
            ))
            return _new_id(result.inserted_primary_key)

    def answer_inquiry(self, inquiry_id: int, answered_on: dt.date, *, by: str) -> None:
        """Register the reply to an inquiry (a second answer corrects the first)."""
        initials = _required_initials(by)
        with self._database.transaction(write=True) as connection:
            received = connection.execute(
                select(inquiries.c.received).where(inquiries.c.id == inquiry_id)
            ).scalar()
            if received is None:
                raise UnknownInquiryError(inquiry_id)
            if answered_on < received:
                raise InputError(f"the reply date {answered_on.isoformat()} is before the "
                                 f"inquiry was received ({received.isoformat()})")
            connection.execute(
                inquiries.update().where(inquiries.c.id == inquiry_id)
                .values(answered_on=answered_on, answered_by=initials)
            )

    def inquiries(
        self,
        today: dt.date,
        *,
        open_only: bool = True,
        caseworker: str | None = None,
        team: str | None = None,
    ) -> list[InquiryRow]:
        """Inquiries (open ones by default) of a caseworker's or team's cases, soonest due first."""
        with self._database.transaction() as connection:
            current = self._settings(connection)
            return self._inquiry_rows(connection, current, today, open_only=open_only,
                                      conditions=_owned_by(caseworker, team))

    @staticmethod
    def _inquiry_rows(
        connection: Connection,
        current: Settings,
        today: dt.date,
        *,
        open_only: bool,
        conditions: Sequence[ColumnElement[bool]],
    ) -> list[InquiryRow]:
        """Inquiries joined with their cases, with due dates from ``workbench.inquiries``."""
        query = (
            select(inquiries, cases.c.name, cases.c.caseworker)
            .join(cases, cases.c.case_id == inquiries.c.case_id)
            .where(*conditions)
        )
        if open_only:
            query = query.where(inquiries.c.answered_on.is_(None))
        calendar = current.calendar()
        rows = []
        for inquiry in connection.execute(query):
            channel = Channel(inquiry.channel)
            standing = inquiry_standing(inquiry.received, channel, inquiry.answered_on, today,
                                        calendar)
            rows.append(InquiryRow(
                inquiry_id=inquiry.id, case_id=inquiry.case_id, citizen_name=inquiry.name,
                caseworker=inquiry.caseworker, channel=channel, received=inquiry.received,
                due=standing.due, answered_on=inquiry.answered_on,
                working_days_left=standing.working_days_left,
                registered_by=inquiry.registered_by,
            ))
        return sorted(rows, key=lambda r: (r.due, r.inquiry_id))

    # --- import ------------------------------------------------------------------------

    def import_files(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        today: dt.date,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Import central export files (see ``workbench.importing.importer``)."""
        threshold = self.load_settings().truncation_threshold
        return import_files(self._database, [Path(p) for p in paths], today=today, force=force,
                            threshold=threshold, progress=progress)


def _case_row(case: AnyRow, evaluation: CaseEvaluation, today: dt.date) -> CaseRow | None:
    """The list row of an open case; None for a closed one (closed cases are in no list)."""
    if evaluation.status is None:
        return None
    deciding = evaluation.deciding
    next_due = evaluation.next_due
    return CaseRow(
        case_id=case.case_id,
        name=case.name,
        cpr_masked=Cpr(case.cpr).masked,
        scheme=_SCHEMES[case.scheme],
        caseworker=case.caseworker,
        team=case.team,
        start=case.start,
        week=week_since(case.start, today),
        status=evaluation.status,
        milestone_id=evaluation.milestone_id,
        milestone_title_da=deciding.rule.title_da if deciding else None,
        milestone_title_en=deciding.rule.title_en if deciding else None,
        next_due=next_due,
        due_iso_week=iso_week(next_due) if next_due else None,
        days_left=(next_due - today).days if next_due else None,
    )


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
        )


def _event_row(event: AnyRow) -> EventRow:
    """A stored event as the case panel shows it."""
    return EventRow(
        event_id=event.id, date=event.date, kind=EventKind(event.kind), source=event.source,
        registered_by=event.registered_by, registered_at=from_store_time(event.registered_at),
        confirmed=bool(event.confirmed),
    )


def _aware(value: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) time as an aware one."""
    return value.replace(tzinfo=dt.UTC)


def _duplicate_event(case_id: str, kind: EventKind, on: dt.date) -> DuplicateEventError:
    """The error for an event the case already has."""
    return DuplicateEventError(
        f"case '{case_id}' already has a {kind.value} on {on.isoformat()}"
    )


def _new_id(key: Sequence[Any] | None) -> int:
    """The id the database gave a new row."""
    assert key is not None
    return int(key[0])
