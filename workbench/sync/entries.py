"""Team entries: one change to one entity, as it travels between the members of a team.

An entry says who (author, initials) changed which entity (type and a UUID that is the same on
every replica), when (a hybrid logical clock timestamp) and how (field values). Each entity
type has *attributes*, fixed when it is created (a conversation's case, date and kind; a note's
author), and *fields*, which later entries may change. A field is a last-writer-wins register:
its value is the one with the latest timestamp, and every other value it ever had is kept in
the field history. Nothing is ever updated in place or deleted: an edit of a note is a new
value of its ``text``; deleting it sets ``deleted`` (a tombstone); withdrawing a conversation
sets ``present`` to false.

Entity ids are random for notes and inquiries (two notes are two notes) and derived from the
natural key for conversations and cover assignments: two teammates who register the same
conversation (case, date, kind) write to one entity, and two who assign cover for the same
absent colleague decide the same question, of which the later decision wins.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.sync.hlc import Timestamp
from workbench.sync.payloads import PAYLOADS
from workbench.sync.payloads import FieldValue as FieldValue

_NAMESPACE = uuid.UUID("6f1d3c56-5b4e-4b53-9f6a-0c2e57a1d7b4")


class EntityType(enum.Enum):
    """The kinds of local work a team shares."""

    EVENT = "event"
    NOTE = "note"
    INQUIRY = "inquiry"
    COVER = "cover"
    PAUSE = "pause"
    EXEMPTION = "exemption"


@dataclass(frozen=True)
class Schema:
    """The attributes (fixed at creation) and the last-writer-wins fields of an entity type."""

    attributes: tuple[str, ...]
    fields: tuple[str, ...]


#: Taken from the payload classes (``workbench.sync.payloads``), where each is written once.
SCHEMAS: Mapping[EntityType, Schema] = {
    entity_type: Schema(PAYLOADS[entity_type.value][0].names(),
                        PAYLOADS[entity_type.value][1].names())
    for entity_type in EntityType
}


def event_entity_id(case_id: str, date_iso: str, kind: str) -> str:
    """The one id of a conversation or other event, whoever registers it."""
    return str(uuid.uuid5(_NAMESPACE, f"event\x1f{case_id}\x1f{date_iso}\x1f{kind}"))


def cover_entity_id(absent: str, case_id: str | None) -> str:
    """The one id of "who covers this colleague's cases" (or one case of theirs)."""
    return str(uuid.uuid5(_NAMESPACE, f"cover\x1f{absent}\x1f{case_id or '*'}"))


def new_entity_id() -> str:
    """A fresh id for a note or an inquiry."""
    return str(uuid.uuid4())


class MalformedEntryError(ValueError):
    """An entry as read from a transport is not one this version understands."""


@dataclass(frozen=True)
class Entry:
    """One change to one entity, made by one member at one hybrid logical clock time."""

    entry_id: str
    author: str
    hlc: str
    entity_type: EntityType
    entity_id: str
    #: The case the entity belongs to; None for a cover of all of a colleague's cases.
    case_id: str | None
    values: Mapping[str, FieldValue]
    #: Per field written, the timestamp of the value the author saw ('' for none): a value
    #: written without having seen the one it meets is a concurrent change (a conflict).
    bases: Mapping[str, str] = field(default_factory=dict)
    #: The replica that made the entry and its number there (1, 2, 3, ... without gaps).
    node: str | None = None
    seq: int | None = None

    @property
    def schema(self) -> Schema:
        """The attributes and fields of this entry's entity type."""
        return SCHEMAS[self.entity_type]

    def attributes(self) -> dict[str, FieldValue] | None:
        """The entity's attributes if this entry carries them (it creates the entity)."""
        names = self.schema.attributes
        if not all(name in self.values for name in names):
            return None
        return {name: self.values[name] for name in names}

    def field_values(self) -> dict[str, FieldValue]:
        """The last-writer-wins fields this entry writes."""
        return {name: self.values[name] for name in self.schema.fields if name in self.values}

    def to_json(self) -> dict[str, Any]:
        """The entry as a JSON object (the wire format of both transports)."""
        return {
            "id": self.entry_id, "author": self.author, "hlc": self.hlc,
            "type": self.entity_type.value, "entity": self.entity_id, "case": self.case_id,
            "values": dict(self.values), "bases": dict(self.bases), "node": self.node,
            "seq": self.seq,
        }

    @classmethod
    def from_json(cls, data: Any) -> Entry:
        """An entry from its JSON object; MalformedEntryError if it is not a valid one."""
        try:
            entry = cls(
                entry_id=str(uuid.UUID(data["id"])),
                author=_text(data["author"]),
                hlc=Timestamp.parse(data["hlc"]).encode(),
                entity_type=EntityType(data["type"]),
                entity_id=str(uuid.UUID(data["entity"])),
                case_id=None if data["case"] is None else _text(data["case"]),
                values=_values(data["values"]),
                bases=_bases(data.get("bases", {})),
                node=None if data.get("node") is None else _text(data["node"]),
                seq=None if data.get("seq") is None else _count(data["seq"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise MalformedEntryError(f"not a team entry: {error}") from None
        unknown = set(entry.values) - set(entry.schema.attributes) - set(entry.schema.fields)
        if unknown:
            raise MalformedEntryError(f"unknown fields for a {entry.entity_type.value}: "
                                      f"{', '.join(sorted(unknown))}")
        return entry

    def encode_values(self) -> str:
        """The values as canonical JSON text (for the store)."""
        return json.dumps(dict(self.values), sort_keys=True, ensure_ascii=False)


def _text(value: Any) -> str:
    """A non-empty string from JSON, or TypeError."""
    if not isinstance(value, str) or not value:
        raise TypeError(f"expected text, got {value!r}")
    return value


def _bases(data: Any) -> dict[str, str]:
    """An entry's bases from JSON: field names and timestamps ('' for none)."""
    if not isinstance(data, dict) or not all(
            isinstance(name, str) and isinstance(hlc, str) for name, hlc in data.items()):
        raise TypeError("bases must be an object of texts")
    for hlc in data.values():
        if hlc:
            Timestamp.parse(hlc)
    return dict(data)


def _count(value: Any) -> int:
    """A positive integer from JSON, or TypeError."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 2**62:
        raise TypeError(f"expected a positive whole number, got {value!r}")
    return value


def _values(data: Any) -> dict[str, FieldValue]:
    """An entry's values from JSON: an object of scalars."""
    if not isinstance(data, dict):
        raise TypeError("values must be an object")
    for name, value in data.items():
        if not isinstance(value, str | int | float | bool) and value is not None:
            raise TypeError(f"value of {name} is not a scalar")
    return dict(data)


def encode_value(value: FieldValue) -> str:
    """A field value as JSON text: how the field history stores it."""
    return json.dumps(value, ensure_ascii=False)


def decode_value(text: str) -> FieldValue:
    """A stored field value."""
    value: FieldValue = json.loads(text)
    return value
