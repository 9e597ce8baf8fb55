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

from collections.abc import Callable, Mapping

from workbench.sync.entries import (
    EntityType,
    Entry,
    FieldValue,
    cover_entity_id,
    event_entity_id,
)
from workbench.sync.payloads import (
    FIRST_DAY as FIRST_DAY,
)
from workbench.sync.payloads import (
    LAST_DAY as LAST_DAY,
)
from workbench.sync.payloads import (
    MAX_CASE_ID,
    MAX_NAME,
    PAYLOADS,
)
from workbench.sync.payloads import (
    MAX_TEXT as MAX_TEXT,
)


class InvalidEntryError(ValueError):
    """An entry breaks a rule a local change keeps; ``problem`` is a message key."""

    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


def _name(value: FieldValue) -> bool:
    return isinstance(value, str) and len(value.strip()) > 0 and len(value) <= MAX_NAME


def _case(value: FieldValue) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_CASE_ID


#: Per entity type, each value's check: the payload classes' codecs (workbench.sync.payloads).
_RULES: Mapping[EntityType, Mapping[str, Callable[[FieldValue], bool]]] = {
    entity_type: {name: codec.check
                  for part in PAYLOADS[entity_type.value]
                  for name, codec in part.codecs().items()}
    for entity_type in EntityType
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
