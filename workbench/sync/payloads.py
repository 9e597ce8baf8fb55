"""Typed payloads of team entries: one pair of classes per entity type.

An entry's values are JSON scalars (dates and times as ISO text), and so they travel and are
stored. Here each entity type's values are written down once, typed: its *attributes* (fixed
when the entity is created, all present) and its *fields* (last-writer-wins registers; an
entry writes some of them, the others are ``UNSET``). Each value names its codec: how it is
written to JSON, read back from it, and checked when it comes from a teammate. The writers
(the service's changes, ``Replica``'s adoption of older work), the projection onto the case
tables, the validator of teammates' entries and ``entries.SCHEMAS`` all take their names,
types and rules from here, so a new field is added in one place.

The JSON is exactly what the dict literals wrote before: the same names, in the same order
(attributes, then fields, as declared), ISO text for dates and times. Reading is as lenient
as the projection always was (a date that is no text reads as None), so old entries read.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from typing import Any, ClassVar, Self, TypeAlias, TypeVar

from workbench.resources import available_profiles, load_named_profile
from workbench.rules import ReasonEffect
from workbench.vocabulary import Channel, EventKind

#: A value of an entry's field: what JSON can carry (dates and times as ISO text).
FieldValue: TypeAlias = str | int | float | bool | None
Values: TypeAlias = Mapping[str, FieldValue]
_T = TypeVar("_T")

#: The dates a change may name (the store's Date columns hold them, the engine computes on them).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)
#: The longest note text, and the longest name (initials, login) or Sags-ID.
MAX_TEXT = 100_000
MAX_NAME = 100
MAX_CASE_ID = 64


class Unset(enum.Enum):
    """The type of ``UNSET``: a field an entry does not write (None is a value it may write)."""

    UNSET = "unset"

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset.UNSET


def known(value: _T | Unset) -> _T | None:
    """A field's value, None where the entry (or the entity so far) has none."""
    return None if value is UNSET else value


# --- codecs: how one value goes to JSON, comes back, and is checked ---------------------


@dataclass(frozen=True)
class Codec:
    """How one kind of value is written as JSON, read back, and checked from a teammate."""

    encode: Callable[[Any], FieldValue]
    decode: Callable[[FieldValue], Any]
    check: Callable[[FieldValue], bool]


def _same(value: Any) -> Any:
    return value


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_date(value: FieldValue) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _read_time(value: FieldValue) -> dt.datetime | None:
    """A time (ISO text, naive UTC as the store keeps times) as a datetime."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else None


def _is_date(value: FieldValue) -> bool:
    if not isinstance(value, str):
        return False
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= day <= LAST_DAY and day.isoformat() == value


def _is_time(value: FieldValue) -> bool:
    if not isinstance(value, str):
        return False
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.tzinfo is None and FIRST_DAY <= moment.date() <= LAST_DAY


def _is_name(value: FieldValue) -> bool:
    return isinstance(value, str) and len(value.strip()) > 0 and len(value) <= MAX_NAME


def _is_note_text(value: FieldValue) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= MAX_TEXT


def _is_boolean(value: FieldValue) -> bool:
    return isinstance(value, bool)


def _is_case(value: FieldValue) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_CASE_ID


def _is_kind(value: FieldValue) -> bool:
    return value in {kind.value for kind in EventKind}


def _is_channel(value: FieldValue) -> bool:
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


def _is_pause_reason(value: FieldValue) -> bool:
    return value in _profile_vocabulary()[0]


def _is_exemption_reason(value: FieldValue) -> bool:
    return value in _profile_vocabulary()[1]


def _is_rule_id(value: FieldValue) -> bool:
    return value in _profile_vocabulary()[2]


def _text(check: Callable[[FieldValue], bool]) -> Codec:
    return Codec(_same, _same, check)


def _optional(codec: Codec) -> Codec:
    """The same codec, with None allowed (and kept as None)."""
    return Codec(codec.encode, codec.decode,
                 lambda value: value is None or codec.check(value))


CASE = _text(_is_case)
NAME = _text(_is_name)
NOTE_TEXT = _text(_is_note_text)
EVENT_KIND = _text(_is_kind)
CHANNEL = _text(_is_channel)
PAUSE_REASON = _text(_is_pause_reason)
EXEMPTION_REASON = _text(_is_exemption_reason)
RULE_ID = _text(_is_rule_id)
BOOLEAN = Codec(_same, _same, _is_boolean)
DATE = Codec(_iso, _read_date, _is_date)
TIME = Codec(_iso, _read_time, _is_time)
OPTIONAL_CASE = _optional(CASE)
OPTIONAL_NAME = _optional(NAME)
OPTIONAL_NOTE_TEXT = _optional(NOTE_TEXT)
OPTIONAL_DATE = _optional(DATE)
OPTIONAL_TIME = _optional(TIME)


# --- the payload classes ----------------------------------------------------------------
# An attribute is fixed when the entity is created: every creating entry carries it. A field
# is a last-writer-wins register: ``UNSET`` where an entry does not write it.


class Payload:
    """Common to the payload classes: JSON to and from, the names, the checks."""

    #: The entity type's value ("event", "note", ...), as ``entries.EntityType`` has it.
    entity: ClassVar[str]

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The values' names, in the order they are written."""
        return tuple(_codecs_of(cls))

    @classmethod
    def codecs(cls) -> Mapping[str, Codec]:
        """Each value's codec, by name, in the order they are written."""
        return _codecs_of(cls)

    def to_json(self) -> dict[str, FieldValue]:
        """The values an entry carries, as JSON scalars (unset fields left out)."""
        return {name: codec.encode(value) for name, codec in self.codecs().items()
                if (value := getattr(self, name)) is not UNSET}

    @classmethod
    def from_json(cls, values: Values) -> Self:
        """The payload from an entry's (or an entity's) values; a missing field is UNSET.

        Other names are ignored: attributes and fields are read from one mapping.
        """
        payload = object.__new__(cls)
        # As the frozen dataclass's __init__ would, without its cost (entities are read by
        # the 10³); a field left out keeps its class default, UNSET.
        stored = payload.__dict__
        for name, decode, required in _readers_of(cls):
            if name in values:
                stored[name] = decode(values[name])
            elif required:
                raise TypeError(f"{cls.__name__} needs {name}")
        return payload


_CODECS: dict[type[Payload], Mapping[str, Codec]] = {}
_READERS: dict[type[Payload], tuple[tuple[str, Callable[[FieldValue], Any], bool], ...]] = {}


def _readers_of(cls: type[Payload]) -> tuple[tuple[str, Callable[[FieldValue], Any], bool], ...]:
    """Per value of a payload class: its name, its decoder, and whether it must be there."""
    readers = _READERS.get(cls)
    if readers is None:
        readers = _READERS[cls] = tuple(
            (item.name, item.metadata["codec"].decode, item.default is MISSING)
            for item in fields(cls))  # type: ignore[arg-type]
    return readers


def _codecs_of(cls: type[Payload]) -> Mapping[str, Codec]:
    """A payload class's codecs by name (worked out once: entities are read by the 10³)."""
    codecs = _CODECS.get(cls)
    if codecs is None:
        codecs = _CODECS[cls] = {item.name: item.metadata["codec"]
                                 for item in fields(cls)}  # type: ignore[arg-type]
    return codecs


def values_of(*parts: Payload) -> dict[str, FieldValue]:
    """An entry's values from its payload parts (attributes first, then fields)."""
    entities = {part.entity for part in parts}
    if len(entities) != 1:
        raise ValueError(f"payload parts of one entity type expected, got {sorted(entities)}")
    values: dict[str, FieldValue] = {}
    for part in parts:
        values |= part.to_json()
    return values


@dataclass(frozen=True)
class EventAttributes(Payload):
    """A conversation or other event: which case, which day, which kind."""

    entity: ClassVar[str] = "event"
    case_id: str = field(metadata={"codec": CASE})
    date: dt.date = field(metadata={"codec": DATE})
    kind: str = field(metadata={"codec": EVENT_KIND})


@dataclass(frozen=True)
class EventFields(Payload):
    """Whether the registration stands, who registered it when, why it was withdrawn."""

    entity: ClassVar[str] = "event"
    present: bool | Unset = field(default=UNSET, metadata={"codec": BOOLEAN})
    registered_by: str | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_NAME})
    registered_at: dt.datetime | Unset | None = field(default=UNSET,
                                                      metadata={"codec": OPTIONAL_TIME})
    withdrawn_reason: str | Unset | None = field(default=UNSET,
                                                 metadata={"codec": OPTIONAL_NOTE_TEXT})


@dataclass(frozen=True)
class NoteAttributes(Payload):
    """A note: its case, its author, when it was written."""

    entity: ClassVar[str] = "note"
    case_id: str = field(metadata={"codec": CASE})
    author: str = field(metadata={"codec": NAME})
    written_at: dt.datetime = field(metadata={"codec": TIME})


@dataclass(frozen=True)
class NoteFields(Payload):
    """A note's text, and its tombstone."""

    entity: ClassVar[str] = "note"
    text: str | Unset = field(default=UNSET, metadata={"codec": NOTE_TEXT})
    deleted: bool | Unset = field(default=UNSET, metadata={"codec": BOOLEAN})


@dataclass(frozen=True)
class InquiryAttributes(Payload):
    """A citizen's inquiry: case, channel, day received, who registered it when."""

    entity: ClassVar[str] = "inquiry"
    case_id: str = field(metadata={"codec": CASE})
    channel: str = field(metadata={"codec": CHANNEL})
    received: dt.date = field(metadata={"codec": DATE})
    registered_by: str = field(metadata={"codec": NAME})
    registered_at: dt.datetime = field(metadata={"codec": TIME})


@dataclass(frozen=True)
class InquiryFields(Payload):
    """An inquiry's answer."""

    entity: ClassVar[str] = "inquiry"
    answered_on: dt.date | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_DATE})
    answered_by: str | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_NAME})


@dataclass(frozen=True)
class CoverAttributes(Payload):
    """Whose cases (all of them, or one) a cover decides."""

    entity: ClassVar[str] = "cover"
    absent: str = field(metadata={"codec": NAME})
    case_id: str | None = field(metadata={"codec": OPTIONAL_CASE})


@dataclass(frozen=True)
class CoverFields(Payload):
    """Who covers, from when to when; all None once the cover is cancelled."""

    entity: ClassVar[str] = "cover"
    covering: str | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_NAME})
    starts: dt.date | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_DATE})
    ends: dt.date | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_DATE})


@dataclass(frozen=True)
class PauseAttributes(Payload):
    """A pause of a case's deadlines: from when, why, who registered it when."""

    entity: ClassVar[str] = "pause"
    case_id: str = field(metadata={"codec": CASE})
    starts: dt.date = field(metadata={"codec": DATE})
    reason: str = field(metadata={"codec": PAUSE_REASON})
    registered_by: str = field(metadata={"codec": NAME})
    registered_at: dt.datetime = field(metadata={"codec": TIME})


@dataclass(frozen=True)
class PauseFields(Payload):
    """A pause's last day, and whether it was withdrawn."""

    entity: ClassVar[str] = "pause"
    ends: dt.date | Unset | None = field(default=UNSET, metadata={"codec": OPTIONAL_DATE})
    withdrawn: bool | Unset = field(default=UNSET, metadata={"codec": BOOLEAN})


@dataclass(frozen=True)
class ExemptionAttributes(Payload):
    """A case's exemption from one rule: which, why, who registered it when."""

    entity: ClassVar[str] = "exemption"
    case_id: str = field(metadata={"codec": CASE})
    rule_id: str = field(metadata={"codec": RULE_ID})
    reason: str = field(metadata={"codec": EXEMPTION_REASON})
    registered_by: str = field(metadata={"codec": NAME})
    registered_at: dt.datetime = field(metadata={"codec": TIME})


@dataclass(frozen=True)
class ExemptionFields(Payload):
    """Whether an exemption was withdrawn."""

    entity: ClassVar[str] = "exemption"
    withdrawn: bool | Unset = field(default=UNSET, metadata={"codec": BOOLEAN})


#: Per entity type value: its attributes class and its fields class.
PAYLOADS: Mapping[str, tuple[type[Payload], type[Payload]]] = {
    "event": (EventAttributes, EventFields),
    "note": (NoteAttributes, NoteFields),
    "inquiry": (InquiryAttributes, InquiryFields),
    "cover": (CoverAttributes, CoverFields),
    "pause": (PauseAttributes, PauseFields),
    "exemption": (ExemptionAttributes, ExemptionFields),
}
