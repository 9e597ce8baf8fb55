"""Pauses and exemptions: a case's deadlines stand still, or one rule is waived, for a reason.

The reason is a key of the active rule profile's ``[[reason]]`` list (each with its legal
reference); a pause moves every due date of the case by the paused days, an exemption takes
one rule off the case (``workbench.engine``). Both are local work: each change is a team
entry (``workbench.sync``) written in the same transaction as its audit entry, so the
mini-team sees it and the audit log tells who did it. An import never touches them.

Nothing is deleted: ending a pause sets its last day; withdrawing a pause or an exemption
registered in error marks it, and it moves no deadline from then on.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, Row, Table, select

from workbench import audit
from workbench.audit import AuditAction
from workbench.engine import Pause
from workbench.errors import InputError, UnknownCaseError
from workbench.rules import Reason, ReasonEffect, RuleProfile
from workbench.store.database import Database
from workbench.store.models import cases, exemptions, from_store_time, pauses, utc_now
from workbench.sync.entries import EntityType, new_entity_id
from workbench.sync.payloads import (
    ExemptionAttributes,
    ExemptionFields,
    PauseAttributes,
    PauseFields,
    values_of,
)
from workbench.sync.replica import Replica
from workbench.views import ExemptionRow, PauseRow
from workbench.vocabulary import Scheme

#: The active profile, read in the caller's transaction (it is a setting of the database).
ProfileOf = Callable[[Connection], RuleProfile]


class Waivers(NamedTuple):
    """What the engine needs of one case's pauses and exemptions (withdrawn ones left out)."""

    pauses: tuple[Pause, ...] = ()
    exemptions: frozenset[str] = frozenset()
    #: The reason key of each pause, in the order of ``pauses`` (for the report).
    pause_reasons: tuple[str, ...] = ()
    #: (rule id, reason key) of each exemption, by rule id (for the report).
    exemption_reasons: tuple[tuple[str, str], ...] = ()


NO_WAIVERS = Waivers()


class Pauses:
    """Pausing a case's deadlines and exempting it from rules, on one database."""

    def __init__(self, database: Database, profile_of: ProfileOf) -> None:
        self._database = database
        self._profile_of = profile_of

    # --- pauses ------------------------------------------------------------------------

    def pause(self, case_id: str, starts: dt.date, ends: dt.date | None, reason: str, *,
              by: str) -> int:
        """Pause a case's deadlines from ``starts`` (to ``ends``, or until ended); its id.

        InputError (nothing changed) for an unknown case, a reason that is no pause reason of
        the active profile, or an end before the start.
        """
        initials = _initials(by)
        _check_period(starts, ends)
        entity_id = new_entity_id()
        with self._database.transaction(write=True) as connection:
            _case_scheme(connection, case_id)
            _reason(self._profile_of(connection), reason, ReasonEffect.PAUSE)
            Replica(connection).record(initials, EntityType.PAUSE, entity_id, case_id, values_of(
                PauseAttributes(case_id=case_id, starts=starts, reason=reason,
                                registered_by=initials, registered_at=utc_now()),
                PauseFields(ends=ends, withdrawn=False)))
            audit.record(connection, AuditAction.PAUSE, initials=initials, case_id=case_id,
                         detail=f"added {reason} from {starts.isoformat()}"
                                f"{f' to {ends.isoformat()}' if ends else ''}")
            return _row_id(connection, pauses, entity_id)

    def end_pause(self, pause_id: int, ends: dt.date, *, by: str) -> None:
        """Set a pause's last day (a later call corrects it)."""
        initials = _initials(by)
        with self._database.transaction(write=True) as connection:
            row = _pause(connection, pause_id)
            if row.withdrawn:
                raise InputError(key="pause.withdrawn", pause_id=pause_id)
            _check_period(row.starts, ends)
            self._change(connection, EntityType.PAUSE, row, initials, PauseFields(ends=ends),
                         f"pause {pause_id} ended {ends.isoformat()}")

    def withdraw_pause(self, pause_id: int, *, by: str) -> None:
        """Withdraw a pause registered in error: it moves no deadline any more."""
        initials = _initials(by)
        with self._database.transaction(write=True) as connection:
            row = _pause(connection, pause_id)
            self._change(connection, EntityType.PAUSE, row, initials,
                         PauseFields(withdrawn=True), f"pause {pause_id} withdrawn")

    # --- exemptions ----------------------------------------------------------------------

    def exempt(self, case_id: str, rule_id: str, reason: str, *, by: str) -> int:
        """Exempt a case from one rule of the active profile; the exemption's id.

        InputError (nothing changed) for an unknown case or rule, a rule of another scheme,
        a reason that is no exemption reason of the profile, or an exemption already in force.
        """
        initials = _initials(by)
        entity_id = new_entity_id()
        with self._database.transaction(write=True) as connection:
            scheme = _case_scheme(connection, case_id)
            profile = self._profile_of(connection)
            _rule_for(profile, rule_id, scheme)
            _reason(profile, reason, ReasonEffect.EXEMPTION)
            standing = connection.execute(select(exemptions.c.id).where(
                exemptions.c.case_id == case_id, exemptions.c.rule_id == rule_id,
                exemptions.c.withdrawn.is_(False))).first()
            if standing is not None:
                raise InputError(key="exemption.duplicate", case_id=case_id, rule_id=rule_id)
            Replica(connection).record(
                initials, EntityType.EXEMPTION, entity_id, case_id, values_of(
                    ExemptionAttributes(case_id=case_id, rule_id=rule_id, reason=reason,
                                        registered_by=initials, registered_at=utc_now()),
                    ExemptionFields(withdrawn=False)))
            audit.record(connection, AuditAction.EXEMPTION, initials=initials,
                         case_id=case_id, detail=f"added {rule_id} {reason}")
            return _row_id(connection, exemptions, entity_id)

    def withdraw_exemption(self, exemption_id: int, *, by: str) -> None:
        """Withdraw an exemption: the rule applies to the case again."""
        initials = _initials(by)
        with self._database.transaction(write=True) as connection:
            row = connection.execute(select(exemptions).where(exemptions.c.id == exemption_id)
                                     ).first()
            if row is None:
                raise InputError(key="exemption.unknown", exemption_id=exemption_id)
            self._change(connection, EntityType.EXEMPTION, row, initials,
                         ExemptionFields(withdrawn=True),
                         f"exemption {exemption_id} ({row.rule_id}) withdrawn")

    def _change(self, connection: Connection, entity_type: EntityType, row: Row[Any],
                initials: str, change: PauseFields | ExemptionFields, detail: str) -> None:
        """Record a change of a pause or exemption for the team, and audit it."""
        Replica(connection).record(initials, entity_type, row.entity_id, row.case_id,
                                   values_of(change))
        action = AuditAction.PAUSE if entity_type is EntityType.PAUSE else AuditAction.EXEMPTION
        audit.record(connection, action, initials=initials, case_id=row.case_id, detail=detail)

    # --- reading -------------------------------------------------------------------------

    def of_case(self, case_id: str) -> tuple[tuple[PauseRow, ...], tuple[ExemptionRow, ...]]:
        """A case's pauses and exemptions, withdrawn ones included, oldest first."""
        with self._database.transaction() as connection:
            return rows_of_case(connection, case_id, self._profile_of(connection))


def rows_of_case(
    connection: Connection, case_id: str, profile: RuleProfile
) -> tuple[tuple[PauseRow, ...], tuple[ExemptionRow, ...]]:
    """A case's pauses and exemptions with their reasons' titles, in the caller's transaction."""
    pause_rows = connection.execute(
        select(pauses).where(pauses.c.case_id == case_id).order_by(pauses.c.id)).all()
    exemption_rows = connection.execute(
        select(exemptions).where(exemptions.c.case_id == case_id).order_by(exemptions.c.id)
    ).all()
    return (
        tuple(PauseRow(row.id, row.case_id, row.starts, row.ends, row.reason,
                       *_titles(profile, row.reason, ReasonEffect.PAUSE), row.registered_by,
                       from_store_time(row.registered_at), bool(row.withdrawn))
              for row in pause_rows),
        tuple(ExemptionRow(row.id, row.case_id, row.rule_id, row.reason,
                           *_titles(profile, row.reason, ReasonEffect.EXEMPTION),
                           row.registered_by, from_store_time(row.registered_at),
                           bool(row.withdrawn))
              for row in exemption_rows),
    )


def waivers_of(
    connection: Connection, conditions: Sequence[ColumnElement[bool]]
) -> dict[str, Waivers]:
    """The standing pauses and exemptions of the cases matching ``conditions``, by Sags-ID.

    Two queries for a whole caseload; a case with neither is absent (use ``NO_WAIVERS``).
    """
    found_pauses: dict[str, list[tuple[Pause, str]]] = defaultdict(list)
    for case_id, starts, ends, reason in connection.execute(
            select(pauses.c.case_id, pauses.c.starts, pauses.c.ends, pauses.c.reason)
            .join(cases, cases.c.case_id == pauses.c.case_id)
            .where(pauses.c.withdrawn.is_(False), *conditions)
            .order_by(pauses.c.starts, pauses.c.id)):
        found_pauses[case_id].append((Pause(starts, ends), reason))
    found_exemptions: dict[str, dict[str, str]] = defaultdict(dict)
    for case_id, rule_id, reason in connection.execute(
            select(exemptions.c.case_id, exemptions.c.rule_id, exemptions.c.reason)
            .join(cases, cases.c.case_id == exemptions.c.case_id)
            .where(exemptions.c.withdrawn.is_(False), *conditions)):
        found_exemptions[case_id][rule_id] = reason
    waivers = {}
    for case_id in found_pauses.keys() | found_exemptions.keys():
        paused = found_pauses.get(case_id, [])
        exempt = found_exemptions.get(case_id, {})
        waivers[case_id] = Waivers(tuple(pause for pause, _ in paused), frozenset(exempt),
                                   tuple(reason for _, reason in paused),
                                   tuple(sorted(exempt.items())))
    return waivers


def _initials(by: str) -> str:
    """Who does it must be known: their initials, not empty."""
    initials = by.strip()
    if not initials:
        raise InputError(key="pause.initials_required")
    return initials


def _check_period(starts: dt.date, ends: dt.date | None) -> None:
    """A pause ends on or after the day it starts."""
    if ends is not None and ends < starts:
        raise InputError(key="pause.ends_before_start", starts=starts.isoformat(),
                         ends=ends.isoformat())


def _case_scheme(connection: Connection, case_id: str) -> Scheme:
    """The scheme of the stored case ``case_id``; UnknownCaseError if there is none."""
    scheme = connection.execute(select(cases.c.scheme).where(cases.c.case_id == case_id)
                                ).scalar()
    if scheme is None:
        raise UnknownCaseError(case_id)
    return Scheme(scheme)


def _reason(profile: RuleProfile, key: str, effect: ReasonEffect) -> Reason:
    """The profile's reason ``key`` for ``effect``; InputError naming the known ones."""
    try:
        return profile.reason(key, effect)
    except KeyError:
        known = ", ".join(r.key for r in profile.reasons if r.effect is effect) or "-"
        raise InputError(key=f"{effect.value}.unknown_reason", reason=key,
                         profile=profile.id, known=known) from None


def _rule_for(profile: RuleProfile, rule_id: str, scheme: Scheme) -> None:
    """InputError unless the profile has the rule, for the case's scheme."""
    try:
        rule = profile.rule(rule_id)
    except KeyError:
        raise InputError(key="exemption.unknown_rule", rule_id=rule_id,
                         profile=profile.id) from None
    if rule.scheme is not scheme:
        raise InputError(key="exemption.wrong_scheme", rule_id=rule_id, scheme=scheme.value)


def _titles(profile: RuleProfile, key: str, effect: ReasonEffect) -> tuple[str, str, str]:
    """A reason's Danish and English title and its reference; empty if the profile lacks it.

    A teammate on another profile may have given a reason this one does not list.
    """
    try:
        reason = profile.reason(key, effect)
    except KeyError:
        return "", "", ""
    return reason.title_da, reason.title_en, reason.reference


def _pause(connection: Connection, pause_id: int) -> Row[Any]:
    """The stored pause ``pause_id``; InputError if there is none."""
    row = connection.execute(select(pauses).where(pauses.c.id == pause_id)).first()
    if row is None:
        raise InputError(key="pause.unknown", pause_id=pause_id)
    return row


def _row_id(connection: Connection, table: Table, entity_id: str) -> int:
    """The local id of the row a pause or exemption entity was projected onto."""
    return int(connection.execute(select(table.c.id).where(table.c.entity_id == entity_id)
                                  ).scalar_one())
