"""A teammate's entry is checked against the vocabulary and bounds a local change meets.

The service checks a local change before it becomes an entry (a known event kind and
channel, a date, a note's text, a cover that ends after it starts, a pause's or exemption's
reason and rule from a rule profile, a pause that ends after it starts); an entry from the team
has not passed through this workbench's service, and may come from a newer version, a
damaged file or someone who should not write at all. ``check`` applies the same rules to
it, so that what is applied can always be projected, listed and counted. An entry that
fails is quarantined by the caller (kept, counted, never applied).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache

from workbench.resources import available_profiles, load_named_profile
from workbench.rules import ReasonEffect
from workbench.sync.entries import (
    EntityType,
    Entry,
    FieldValue,
    cover_entity_id,
    event_entity_id,
)
from workbench.vocabulary import Channel, EventKind

#: The dates a change may name (the store's Date columns hold them, the engine computes on them).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)
#: The longest note text, and the longest name (initials, login) or Sags-ID.
MAX_TEXT = 100_000
MAX_NAME = 100
MAX_CASE_ID = 64


class InvalidEntryError(ValueError):
    """An entry breaks a rule a local change keeps; ``problem`` is a message key."""

    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


def _date(value: FieldValue) -> bool:
    if not isinstance(value, str):
        return False
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= day <= LAST_DAY and day.isoformat() == value


def _time(value: FieldValue) -> bool:
    if not isinstance(value, str):
        return False
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.tzinfo is None and FIRST_DAY <= moment.date() <= LAST_DAY


def _name(value: FieldValue) -> bool:
    return isinstance(value, str) and len(value.strip()) > 0 and len(value) <= MAX_NAME


def _note_text(value: FieldValue) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= MAX_TEXT


def _boolean(value: FieldValue) -> bool:
    return isinstance(value, bool)


def _case(value: FieldValue) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_CASE_ID


def _kind(value: FieldValue) -> bool:
    return value in {kind.value for kind in EventKind}


def _channel(value: FieldValue) -> bool:
    return value in {channel.value for channel in Channel}


@cache
def _profile_vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Pause reasons, exemption reasons and rule ids of every rule profile this version ships.

    A teammate may use another shipped profile than this database (``workbench.pauses`` shows
    a reason this profile lacks without its title), so any shipped profile's key is valid.
    """
    profiles = [load_named_profile(name) for name in available_profiles()]
    reasons = [reason for profile in profiles for reason in profile.reasons]
    return (frozenset(r.key for r in reasons if r.effect is ReasonEffect.PAUSE),
            frozenset(r.key for r in reasons if r.effect is ReasonEffect.EXEMPTION),
            frozenset(rule.id for profile in profiles for rule in profile.rules))


def _pause_reason(value: FieldValue) -> bool:
    return value in _profile_vocabulary()[0]


def _exemption_reason(value: FieldValue) -> bool:
    return value in _profile_vocabulary()[1]


def _rule_id(value: FieldValue) -> bool:
    return value in _profile_vocabulary()[2]


def _or_none(check: Callable[[FieldValue], bool]) -> Callable[[FieldValue], bool]:
    return lambda value: value is None or check(value)


_RULES: Mapping[EntityType, Mapping[str, Callable[[FieldValue], bool]]] = {
    EntityType.EVENT: {"case_id": _case, "date": _date, "kind": _kind, "present": _boolean,
                       "registered_by": _or_none(_name), "registered_at": _or_none(_time),
                       "withdrawn_reason": _or_none(_note_text)},
    EntityType.NOTE: {"case_id": _case, "author": _name, "written_at": _time,
                      "text": _note_text, "deleted": _boolean},
    EntityType.INQUIRY: {"case_id": _case, "channel": _channel, "received": _date,
                         "registered_by": _name, "registered_at": _time,
                         "answered_on": _or_none(_date), "answered_by": _or_none(_name)},
    EntityType.COVER: {"absent": _name, "case_id": _or_none(_case),
                       "covering": _or_none(_name), "starts": _or_none(_date),
                       "ends": _or_none(_date)},
    EntityType.PAUSE: {"case_id": _case, "starts": _date, "reason": _pause_reason,
                       "registered_by": _name, "registered_at": _time,
                       "ends": _or_none(_date), "withdrawn": _boolean},
    EntityType.EXEMPTION: {"case_id": _case, "rule_id": _rule_id, "reason": _exemption_reason,
                           "registered_by": _name, "registered_at": _time,
                           "withdrawn": _boolean},
}


def check(entry: Entry) -> None:
    """InvalidEntryError unless the entry could have been made by this version's service."""
    if not _name(entry.author):
        raise InvalidEntryError("sync.invalid_author", "the author is empty or too long")
    if entry.case_id is not None and not _case(entry.case_id):
        raise InvalidEntryError("sync.invalid_value", "the Sags-ID is empty or too long")
    rules = _RULES[entry.entity_type]
    for name, value in entry.values.items():
        if name not in rules:
            raise InvalidEntryError("sync.invalid_value",
                                    f"{entry.entity_type.value}.{name} is not a known field")
        if not rules[name](value):
            raise InvalidEntryError("sync.invalid_value",
                                    f"{entry.entity_type.value}.{name} is not a valid value")
    unknown_bases = set(entry.bases) - set(entry.schema.fields)
    if unknown_bases:
        raise InvalidEntryError("sync.invalid_value",
                                f"bases of unknown fields: {', '.join(sorted(unknown_bases))}")
    if not entry.values:
        raise InvalidEntryError("sync.invalid_value", "the entry changes nothing")
    _check_entity(entry)


def _check_entity(entry: Entry) -> None:
    """The entity id and case agree with the attributes; a cover or pause ends after it starts."""
    values = entry.values
    if "case_id" in values and values["case_id"] != entry.case_id:
        raise InvalidEntryError("sync.invalid_value", "the case differs from the entry's case")
    if entry.entity_type is EntityType.EVENT and entry.attributes() is not None:
        expected = event_entity_id(str(values["case_id"]), str(values["date"]),
                                   str(values["kind"]))
        if expected != entry.entity_id:
            raise InvalidEntryError("sync.invalid_value", "the event's id does not match it")
    if entry.entity_type is EntityType.COVER:
        if "absent" not in values:
            raise InvalidEntryError("sync.invalid_value", "a cover must name the absent one")
        if cover_entity_id(str(values["absent"]), entry.case_id) != entry.entity_id:
            raise InvalidEntryError("sync.invalid_value", "the cover's id does not match it")
        starts, ends = values.get("starts"), values.get("ends")
        if isinstance(starts, str) and isinstance(ends, str) and ends < starts:
            raise InvalidEntryError("sync.invalid_value", "the cover ends before it starts")
    if entry.entity_type is EntityType.PAUSE:
        starts, ends = values.get("starts"), values.get("ends")
        if isinstance(starts, str) and isinstance(ends, str) and ends < starts:
            raise InvalidEntryError("sync.invalid_value", "the pause ends before it starts")
