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
import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, TypeAlias

from sqlalchemy import ColumnElement, Connection, Row, Table, exists, or_, select
from sqlalchemy.exc import IntegrityError

from workbench import audit
from workbench.attributes import CaseAttributes, attributes_of
from workbench.audit import AuditAction, AuditEntry
from workbench.bounds import checked_date
from workbench.bulk import collector_paused
from workbench.calendar import (
    DEFAULT_FIXED_CLOSURE_DAYS,
    WorkingCalendar,
    iso_week,
    month_days,
    week_since,
)
from workbench.casework import CaseWork, withdrawn_events
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
    StoreError,
    UnknownCaseError,
    UnknownInquiryError,
)
from workbench.importing.dryrun import ImportPreview, preview_import
from workbench.importing.importer import import_files
from workbench.inquiries import inquiry_standing, reply_due
from workbench.pauses import NO_WAIVERS, Pauses, Waivers, rows_of_case, waivers_of
from workbench.resources import (
    DEFAULT_PROFILE,
    available_profiles,
    current_profile_name,
    load_named_profile,
)
from workbench.rules import RuleProfile
from workbench.siteconfig import SiteDefaults, load_site_defaults
from workbench.store.database import Database, refuse_network_file, resolve_url
from workbench.store.integrity import ShutdownRecord
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
from workbench.store.recovery import ensure_intact
from workbench.sync import team
from workbench.sync import views as sync_views
from workbench.sync.conflicts import case_conflicts
from workbench.sync.entries import (
    EntityType,
    FieldValue,
    cover_entity_id,
    event_entity_id,
    new_entity_id,
)
from workbench.sync.inbox import HeldEntry, Quarantine
from workbench.sync.replica import Replica
from workbench.sync.team import SyncReport, TeamSettings, TeamStatus
from workbench.sync.transport import Transport
from workbench.sync.views import CoverRow, FieldChange, TeamActivity
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
#: Operations and counts only: never a name or a CPR number (workbench.logs masks any).
log = logging.getLogger(__name__)
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
    #: Days closed every year as "MM-DD" (IT can shorten the list in the site config).
    fixed_closure_days: tuple[str, ...] = DEFAULT_FIXED_CLOSURE_DAYS
    language: str = "da"
    #: A cases snapshot closing more than this share of the open cases is refused.
    truncation_threshold: float = 0.20
    #: Closures a caseworker is expected to make per month (seed 001: revised from 10 to 5).
    closure_norm: int = 5

    def validated(self) -> Settings:
        """These settings if they make sense; InputError saying which one does not."""
        if self.amber_days < 0:
            raise InputError(key="settings.amber_days", days=self.amber_days)
        if not 0 < self.truncation_threshold <= 1:
            raise InputError(key="settings.truncation_threshold",
                             threshold=self.truncation_threshold)
        if self.closure_norm < 0:
            raise InputError(key="settings.closure_norm", norm=self.closure_norm)
        try:
            month_days(self.fixed_closure_days)
        except ValueError:
            raise InputError(key="settings.fixed_closure_days",
                             days=", ".join(map(str, self.fixed_closure_days))) from None
        if self.language not in LANGUAGES:
            raise InputError(key="settings.language", language=self.language)
        name = current_profile_name(self.profile_name)
        if name not in available_profiles() and not Path(name).exists():
            raise InputError(key="settings.profile", profile=self.profile_name)
        return self

    def calendar(self) -> WorkingCalendar:
        """The working-day calendar: the fixed closure days and the local ones."""
        return WorkingCalendar(fixed_closures=month_days(self.fixed_closure_days),
                               closure_days=frozenset(self.closure_days))


def _encode_setting(value: object) -> str:
    """A setting's value as JSON (dates as ISO text)."""
    if isinstance(value, tuple):
        return json.dumps([day.isoformat() if isinstance(day, dt.date) else day
                           for day in value])
    return json.dumps(value)


def _decode_settings(stored: dict[str, str], site: SiteDefaults) -> Settings:
    """Settings from their stored JSON over IT's machine-wide defaults over the built-in ones.

    An unknown stored key is ignored; a key never saved takes IT's value, else the default.
    """
    values: dict[str, Any] = site.as_settings()
    for item in fields(Settings):
        if item.name in stored:
            values[item.name] = json.loads(stored[item.name])
    if "closure_days" in values:  # IT's are dates already, stored ones ISO text
        values["closure_days"] = tuple(
            d if isinstance(d, dt.date) else dt.date.fromisoformat(d)
            for d in values["closure_days"])
    if "fixed_closure_days" in values:
        values["fixed_closure_days"] = tuple(values["fixed_closure_days"])
    if "profile_name" in values:
        values["profile_name"] = current_profile_name(values["profile_name"])
    return Settings(**values)


def default_settings(site: SiteDefaults | None = None) -> Settings:
    """The settings of a user who chose nothing: IT's defaults over the built-in ones."""
    return _decode_settings({}, site if site is not None else load_site_defaults())


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
        raise InputError(key="service.initials_needed")
    return initials


_CASE_COLUMNS = (cases.c.case_id, cases.c.cpr, cases.c.name, cases.c.scheme, cases.c.caseworker,
                 cases.c.team, cases.c.start, cases.c.closed_on)


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


class Workbench:
    """One open case store and everything a caseworker does with it."""

    def __init__(self, database: Database, site: SiteDefaults | None = None) -> None:
        self._database = database
        #: IT's machine-wide defaults (a broken file is refused here, naming file and key).
        self._site = site if site is not None else load_site_defaults()
        #: Pauses and exemptions (workbench.pauses), checked against the active profile.
        self.pauses = Pauses(database, self._profile_of)
        #: Case attributes set here (workbench.attributes).
        self.attributes = CaseAttributes(database)
        #: The SQLite file's clean-close record (set by ``open``; None for PostgreSQL).
        self._shutdown_record: ShutdownRecord | None = None
        #: Registrations and their corrections (withdraw, notes, covers), audited.
        self.casework = CaseWork(self)

    @classmethod
    def open(cls, url_or_path: str | os.PathLike[str] | None = None) -> Workbench:
        """Open (and migrate) a store; None means WORKBENCH_DB or the per-user database.

        NetworkDatabaseError for a SQLite file on a network share: a team shares its work
        through a shared folder of batch files, never by sharing the live database.
        CorruptDatabaseError, naming the latest intact backup, for a damaged SQLite file:
        the file is checked when ``workbench.store.integrity`` finds cause (an unclean
        shutdown, a change since the clean close, a week since the last check), and whenever
        it cannot be opened.
        """
        url = resolve_url(url_or_path)
        record, reason = None, None
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            path = Path(str(url.database))
            # Refused before the integrity check, which would read the file over the network.
            refuse_network_file(path, url_or_path)
            record = ShutdownRecord(path)
            reason = record.reason_to_check()
            if reason is not None:
                log.info("checking the database for damage: %s", reason)
                ensure_intact(path)
        try:
            opened = cls(Database.open(url_or_path))
        except StoreError:
            if record is not None and reason is None:
                ensure_intact(record.database)  # damage the file's metadata did not show
            raise
        if record is not None:
            record.opened(checked=reason is not None)
            opened._shutdown_record = record
        log.info("opened the database %s", url.render_as_string(hide_password=True))
        return opened

    @property
    def database(self) -> Database:
        """The store underneath (for tools and tests)."""
        return self._database

    def close(self) -> None:
        """Release the database connections; a SQLite file records its clean close."""
        self._database.dispose()
        if self._shutdown_record is not None:
            self._shutdown_record.closed()
            self._shutdown_record = None

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
        """Store the user's own choices; InputError (and nothing stored) if one makes no sense.

        Only values that differ from the defaults (IT's, else the built-in ones) are stored,
        so a later change of IT's defaults still reaches every user who did not choose
        otherwise.
        """
        new.validated()
        defaults = asdict(_decode_settings({}, self._site))
        rows = [{"key": key, "value": _encode_setting(value)}
                for key, value in asdict(new).items() if value != defaults[key]]
        with self._database.transaction(write=True) as connection:
            # Only the user's settings: the team's (workbench.sync) live in the same table.
            keys = list(defaults)
            connection.execute(settings.delete().where(settings.c.key.in_(keys)))
            if rows:
                connection.execute(settings.insert(), rows)

    def _settings(self, connection: Connection) -> Settings:
        """The effective settings: the user's over IT's over the built-in defaults."""
        stored = dict(connection.execute(select(settings.c.key, settings.c.value)).all())
        return _decode_settings(stored, self._site)

    def _profile_of(self, connection: Connection) -> RuleProfile:
        """The rule profile this database uses."""
        return load_named_profile(self._settings(connection).profile_name)

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
        return self._caseload(today, _owned_by(caseworker, team))

    def _caseload(self, today: dt.date, owned: Sequence[ColumnElement[bool]]) -> list[CaseRow]:
        """The open cases matching ``owned``, evaluated, soonest due first."""
        with collector_paused():
            current, case_rows, history, local = self._cases_with_events(
                [_open_on(today), *owned])
            profile = load_named_profile(current.profile_name)
            rows = []
            for case in case_rows:
                cpr = Cpr(case.cpr)
                evaluation = self._evaluate(case, cpr, history.get(case.case_id, ()), profile,
                                            today, current.amber_days, local.of(case.case_id))
                row = _case_row(case, cpr, evaluation, today)
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
        with collector_paused():
            current, case_rows, history, local = self._cases_with_events(
                [in_scope, *_owned_by(None, team)])
            profile = load_named_profile(current.profile_name)
            evaluated = []
            for case in case_rows:
                cpr, case_events = Cpr(case.cpr), tuple(history.get(case.case_id, ()))
                facts = local.of(case.case_id)
                evaluation = self._evaluate(case, cpr, case_events, profile, today,
                                            current.amber_days, facts)
                evaluated.append(EvaluatedCase(
                    case_id=case.case_id, cpr=cpr, name=case.name,
                    scheme=_SCHEMES[case.scheme], caseworker=case.caseworker, team=case.team,
                    start=case.start, closed_on=case.closed_on, events=case_events,
                    evaluation=evaluation, row=_case_row(case, cpr, evaluation, today),
                    waivers=facts[0],
                ))
            return sorted(evaluated, key=lambda c: c.case_id)

    def _cases_with_events(
        self, conditions: Sequence[ColumnElement[bool]]
    ) -> tuple[Settings, Sequence[AnyRow], dict[str, list[CaseEvent]], LocalFacts]:
        """The settings, the cases matching ``conditions``, their events and local facts."""
        with self._database.transaction() as connection:
            current = self._settings(connection)
            case_rows = connection.execute(select(*_CASE_COLUMNS).where(*conditions)).all()
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
        for case_id, day, kind in connection.execute(query).all():
            history[case_id].append(CaseEvent(day, _EVENT_KINDS[kind]))
        return history

    @staticmethod
    def _evaluate(
        case: AnyRow,
        cpr: Cpr,
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
        facts = CaseFacts(scheme=_SCHEMES[case.scheme], start=case.start, events=history,
                          cpr=cpr, closed_on=case.closed_on, attributes=attributes,
                          pauses=waivers.pauses, exemptions=waivers.exemptions)
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
            this_case = [cases.c.case_id == case_id]
            local = LocalFacts(waivers_of(connection, this_case),
                               attributes_of(connection, this_case))
            pause_rows, exemption_rows = rows_of_case(connection, case_id, profile)
            withdrawn = withdrawn_events(connection, case_id)
            conflicts = case_conflicts(connection, case_id)
        history = [CaseEvent(e.date, EventKind(e.kind)) for e in event_rows]
        cpr = Cpr(case.cpr)
        evaluation = self._evaluate(case, cpr, history, profile, today, current.amber_days,
                                    local.of(case_id))
        return CaseDetail(
            case=_case_row(case, cpr, evaluation, today),
            case_id=case.case_id,
            name=case.name,
            cpr_masked=cpr.masked,
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
            pauses=pause_rows,
            exemptions=exemption_rows,
            attributes=tuple(sorted((local.of(case_id)[1] or {}).items())),
            withdrawn_events=withdrawn,
            conflicts=tuple(conflicts),
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

    # Each registration is also a team entry (workbench.sync), written in the same
    # transaction: Replica.record stores the entry and applies it to the case tables, exactly
    # as a teammate's entry is applied, so both show the same rows.

    def register_event(self, case_id: str, kind: EventKind, on: dt.date, *, by: str) -> int:
        """Record a local event; DuplicateEventError if the case already has it."""
        initials = _required_initials(by)
        checked_date(on, "dates.event")
        entity_id = event_entity_id(case_id, on.isoformat(), kind.value)
        with self._database.transaction(write=True) as connection:
            self._case(connection, case_id)
            duplicate = connection.execute(select(events.c.id).where(
                events.c.case_id == case_id, events.c.date == on, events.c.kind == kind.value,
            )).first()
            if duplicate is not None:
                raise _duplicate_event(case_id, kind, on)
            try:
                with connection.begin_nested():
                    Replica(connection).record(initials, EntityType.EVENT, entity_id, case_id, {
                        "case_id": case_id, "date": on.isoformat(), "kind": kind.value,
                        "present": True, "registered_by": initials,
                        "registered_at": utc_now().isoformat(),
                    })
            except IntegrityError:  # registered by someone else meanwhile (PostgreSQL)
                raise _duplicate_event(case_id, kind, on) from None
            return _row_of(connection, events, entity_id)

    def withdraw_event(self, event_id: int, *, by: str) -> None:
        """Withdraw a local event registered in error (a tombstone the team receives too).

        An event the central export contains cannot be withdrawn here: the export rules.
        """
        initials = _required_initials(by)
        with self._database.transaction(write=True) as connection:
            event = connection.execute(select(events).where(events.c.id == event_id)).first()
            if event is None:
                raise InputError(key="service.unknown_event", event_id=event_id)
            if event.source != SOURCE_LOCAL or event.confirmed or event.entity_id is None:
                raise InputError(key="service.central_event", event_id=event_id)
            Replica(connection).record(initials, EntityType.EVENT, event.entity_id,
                                       event.case_id, {
                                           "case_id": event.case_id,
                                           "date": event.date.isoformat(), "kind": event.kind,
                                           "present": False,
                                       })

    def add_note(self, case_id: str, text: str, *, by: str) -> int:
        """Add a note to a case; InputError for an empty note."""
        author = _required_initials(by)
        _required_text(text)
        entity_id = new_entity_id()
        with self._database.transaction(write=True) as connection:
            self._case(connection, case_id)
            Replica(connection).record(author, EntityType.NOTE, entity_id, case_id, {
                "case_id": case_id, "author": author, "written_at": utc_now().isoformat(),
                "text": text,
            })
            return _row_of(connection, notes, entity_id)

    def edit_note(self, note_id: int, text: str, *, by: str) -> None:
        """Give a note a new text (a new revision; the old text stays in the field history)."""
        editor = _required_initials(by)
        _required_text(text)
        self._change_note(note_id, editor, {"text": text})

    def delete_note(self, note_id: int, *, by: str) -> None:
        """Delete a note (a tombstone: its texts stay in the field history)."""
        self._change_note(note_id, _required_initials(by), {"deleted": True})

    def _change_note(self, note_id: int, by: str, values: dict[str, FieldValue]) -> None:
        with self._database.transaction(write=True) as connection:
            note = connection.execute(select(notes.c.case_id, notes.c.entity_id)
                                      .where(notes.c.id == note_id)).first()
            if note is None:
                raise InputError(key="service.unknown_note", note_id=note_id)
            Replica(connection).record(by, EntityType.NOTE, note.entity_id, note.case_id,
                                       values)

    def add_inquiry(self, case_id: str, channel: Channel, received: dt.date, *, by: str) -> int:
        """Record a citizen's inquiry; its reply deadline follows from channel and date.

        InputError (``calendar.beyond``) if that deadline falls after the calendar's end.
        """
        initials = _required_initials(by)
        checked_date(received, "dates.received")
        entity_id = new_entity_id()
        with self._database.transaction(write=True) as connection:
            self._case(connection, case_id)
            reply_due(received, channel, self._settings(connection).calendar())
            Replica(connection).record(initials, EntityType.INQUIRY, entity_id, case_id, {
                "case_id": case_id, "channel": channel.value, "received": received.isoformat(),
                "registered_by": initials, "registered_at": utc_now().isoformat(),
            })
            return _row_of(connection, inquiries, entity_id)

    def answer_inquiry(self, inquiry_id: int, answered_on: dt.date, *, by: str) -> None:
        """Register the reply to an inquiry (a second answer corrects the first).

        The answer is a last-writer-wins field: the answer with the latest clock reading is
        the inquiry's, on every team member's replica; the others stay in the field history.
        """
        initials = _required_initials(by)
        checked_date(answered_on, "dates.answered")
        with self._database.transaction(write=True) as connection:
            replica = Replica(connection)  # first: it gives older inquiries their entity ids
            inquiry = connection.execute(
                select(inquiries.c.received, inquiries.c.case_id, inquiries.c.entity_id)
                .where(inquiries.c.id == inquiry_id)
            ).first()
            if inquiry is None:
                raise UnknownInquiryError(inquiry_id)
            if answered_on < inquiry.received:
                raise InputError(key="service.reply_before_received",
                                 answered_on=answered_on.isoformat(),
                                 received=inquiry.received.isoformat())
            replica.record(initials, EntityType.INQUIRY, inquiry.entity_id, inquiry.case_id,
                           {"answered_on": answered_on.isoformat(), "answered_by": initials})

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
        """Import central export files (see ``workbench.importing.importer``).

        An import that changed the store is audited in its own transaction; files that were
        imported already change nothing and leave no entry.
        """
        current = self.load_settings()

        def record_import(connection: Connection, summary: ImportSummary) -> None:
            audit.record(connection, AuditAction.IMPORT, initials=current.my_initials,
                         file=", ".join(summary.files), detail=_import_counts(summary))

        summary = import_files(self._database, [Path(p) for p in paths], today=today,
                               force=force, threshold=current.truncation_threshold,
                               progress=progress, audit=record_import)
        log.info("imported %s: %s%s", ", ".join(summary.files), _import_counts(summary),
                 " (unchanged: imported before)" if summary.unchanged else "")
        # Teammates' work on cases this export brings in was parked until now.
        with self._database.transaction(write=True) as connection:
            Replica(connection).apply_parked()
        return summary

    def preview_import(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        today: dt.date,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportPreview:
        """What importing ``paths`` would do, with nothing changed (``importing.dryrun``)."""
        threshold = self.load_settings().truncation_threshold
        return preview_import(self._database, [Path(p) for p in paths], today=today,
                              force=force, threshold=threshold, progress=progress)

    # --- personal data: reveals, exports and the audit log --------------------------------

    def reveal_cpr(self, case_id: str, *, by: str | None = None) -> str:
        """The full CPR number of a case (DDMMYY-SSSS), for a caseworker who asked to see it.

        The reveal is audited in the same transaction that reads the number, so no number is
        handed out without its audit entry committed. ``by`` defaults to the settings'
        initials. UnknownCaseError if there is no such case.
        """
        with self._database.transaction(write=True) as connection:
            case = self._case(connection, case_id)
            initials = by if by is not None else self._settings(connection).my_initials
            audit.record(connection, AuditAction.REVEAL_CPR, initials=initials,
                         case_id=case_id)
        return Cpr(case.cpr).formatted

    def audit_export(
        self, path: str | os.PathLike[str], *, with_cpr: bool, detail: str | None = None,
    ) -> None:
        """Record a written file with personal data (a report, a list) in the audit log.

        ``with_cpr`` says that it holds full CPR numbers: a cpr_export rather than a
        report_export. Call it right after the file was written.
        """
        action = AuditAction.CPR_EXPORT if with_cpr else AuditAction.REPORT_EXPORT
        with self._database.transaction(write=True) as connection:
            audit.record(connection, action, initials=self._settings(connection).my_initials,
                         file=os.fspath(path), detail=detail)

    def audit_log(self, since: dt.date | None = None) -> list[AuditEntry]:
        """The audit log from ``since`` (a UTC day) on, or all of it, oldest first."""
        with self._database.transaction() as connection:
            return audit.entries(connection, since)

    # --- team (workbench.sync) ---------------------------------------------------------

    def team_settings(self) -> TeamSettings | None:
        """The team this database is in; None while it is in none."""
        with self._database.transaction() as connection:
            return team.load_settings(connection)

    def join_team(
        self, me: str, members: Iterable[str], *, folder: str | os.PathLike[str] | None = None,
        server: str | None = None, join_code: str | None = None,
    ) -> TeamSettings:
        """Join a team over a shared folder or a PostgreSQL hub (exactly one of them).

        Everything made here so far is sent to the team at the next sync. TeamSetupError for
        settings that make no sense or a wrong join code, SyncError if the folder or server
        cannot be used. Given neither, IT's machine-wide team_folder or team_server is used
        (see siteconfig). The first member gets the new team key's join code in the result.
        """
        if folder is None and server is None:
            folder, server = self._site.team_folder, self._site.team_server
        chosen = team.team_settings(me, members, server=server,
                                    folder=None if folder is None else Path(folder))
        code = team.join(self._database, chosen, join_code)
        return replace(chosen, join_code=code)

    def team_status(self) -> TeamStatus:
        """Team settings, last sync time, entries still to send and entries parked."""
        return team.status(self._database)

    def team_quarantine(self, drop: str | None = None) -> list[HeldEntry]:
        """Teammates' entries held here (after dropping the quarantined one ``drop``)."""
        with self._database.transaction(write=drop is not None) as connection:
            quarantine = Quarantine(connection)
            if drop is not None:
                quarantine.drop(drop)
            return quarantine.entries()

    def sync_now(self, transport: Transport | None = None) -> SyncReport:
        """Sync with the team now: send the outbox, apply what the team sent.

        SyncError if the folder or hub cannot be reached (nothing local is lost: the outbox
        waits for the next sync). ``transport`` replaces the configured one (for tests).
        """
        report = team.sync(self._database, transport)
        log.info("synced with the team: sent %d, received %d, conflicts %d, parked %d",
                 sum(report.sent.values()), sum(report.received.values()), report.conflicts,
                 report.parked)
        return report

    def last_sync(self) -> dt.datetime | None:
        """When this database last synced with its team (UTC); None if never."""
        return team.last_sync(self._database)

    def assign_cover(
        self, absent: str, covering: str, starts: dt.date, ends: dt.date, *, by: str,
        case_id: str | None = None,
    ) -> None:
        """Let ``covering`` cover ``absent``'s cases (or one case) from ``starts`` to ``ends``.

        One assignment per absent colleague (and per case): a new one replaces it for the
        whole team, and the one it replaced stays in the field history.
        """
        initials = _required_initials(by)
        if not absent.strip() or not covering.strip() or absent.strip() == covering.strip():
            raise InputError(key="service.cover_people")
        if ends < starts:
            raise InputError(key="service.cover_ends_first", ends=ends.isoformat(),
                             starts=starts.isoformat())
        self._record_cover(absent.strip(), case_id, initials, {
            "covering": covering.strip(), "starts": starts.isoformat(), "ends": ends.isoformat(),
        })

    def cancel_cover(self, absent: str, *, by: str, case_id: str | None = None) -> None:
        """End the cover of ``absent``'s cases (or one case) for the whole team."""
        self._record_cover(absent.strip(), case_id, _required_initials(by),
                           {"covering": None, "starts": None, "ends": None})

    def _record_cover(self, absent: str, case_id: str | None, by: str,
                      values: dict[str, FieldValue]) -> None:
        with self._database.transaction(write=True) as connection:
            if case_id is not None:
                self._case(connection, case_id)
            Replica(connection).record(by, EntityType.COVER, cover_entity_id(absent, case_id),
                                       case_id, {"absent": absent, "case_id": case_id, **values})

    def covers(self, on: dt.date | None = None) -> list[CoverRow]:
        """The cover assignments (only those holding on ``on``, if given)."""
        with self._database.transaction() as connection:
            rows = sync_views.covers(connection)
        return [row for row in rows if on is None or row.active_on(on)]

    def covered_caseload(self, today: dt.date, *, covering: str) -> list[CaseRow]:
        """The open cases ``covering`` covers today for absent colleagues, soonest due first."""
        active = [row for row in self.covers(today) if row.covering == covering]
        if not active:
            return []
        whole = [row.absent for row in active if row.case_id is None]
        single = [row.case_id for row in active if row.case_id is not None]
        return self._caseload(today, [or_(cases.c.caseworker.in_(whole),
                                          cases.c.case_id.in_(single))])

    def field_history(self, entity_id: str) -> list[FieldChange]:
        """Every value each field of a team entity had, by whom and when; none is dropped."""
        with self._database.transaction() as connection:
            return sync_views.field_changes(connection, entity_id)

    def entity_id(self, entity_type: EntityType, row_id: int) -> str | None:
        """The team entity id of an inquiry or note (for ``field_history``)."""
        with self._database.transaction() as connection:
            return sync_views.entity_of(connection, entity_type, row_id)

    def case_history(self, case_id: str) -> list[FieldChange]:
        """The replaced values on a case's team entities (answers, note texts), oldest first."""
        with self._database.transaction() as connection:
            return sync_views.superseded_on_case(connection, case_id)

    def team_activity(
        self, *, case_id: str | None = None, author: str | None = None, limit: int = 200,
    ) -> list[TeamActivity]:
        """Who registered what: the newest team entries (of a case, of an author)."""
        with self._database.transaction() as connection:
            return sync_views.activity(connection, case_id=case_id, author=author, limit=limit)


def _case_row(
    case: AnyRow, cpr: Cpr, evaluation: CaseEvaluation, today: dt.date
) -> CaseRow | None:
    """The list row of an open case; None for a closed one (closed cases are in no list)."""
    if evaluation.status is None:
        return None
    deciding = evaluation.deciding
    next_due = evaluation.next_due
    return CaseRow(
        case_id=case.case_id,
        name=case.name,
        cpr_masked=cpr.masked,
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
        plan_by=_plan_by(evaluation),
    )


def _plan_by(evaluation: CaseEvaluation) -> dt.date | None:
    """The earliest plan-by date of the case's open count windows (advisory, never a status)."""
    dates = [m.plan_by for m in evaluation.milestones if m.plan_by is not None and m.is_open]
    return min(dates) if dates else None


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


def _import_counts(summary: ImportSummary) -> str:
    """What an import did, in counts only: the audit log's detail holds no personal data."""
    return (f"new {summary.new}, updated {summary.updated}, closed {summary.closed}, "
            f"reopened {summary.reopened}, events added {summary.events_added}, "
            f"rejected rows {len(summary.rejected)}")


def _aware(value: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) time as an aware one."""
    return value.replace(tzinfo=dt.UTC)


def _duplicate_event(case_id: str, kind: EventKind, on: dt.date) -> DuplicateEventError:
    """The error for an event the case already has."""
    return DuplicateEventError(key="service.duplicate_event", case_id=case_id,
                               kind=kind.value, date=on.isoformat())


def _required_text(text: str) -> None:
    """A note must say something."""
    if not text.strip():
        raise InputError(key="service.empty_note")


def _row_of(connection: Connection, table: Table, entity_id: str) -> int:
    """The local id of the row a team entity was projected onto."""
    row_id = connection.execute(select(table.c.id).where(table.c.entity_id == entity_id)
                                ).scalar()
    assert row_id is not None, f"entity {entity_id} has no row in {table.name}"
    return int(row_id)
