"""Typed team payloads: the JSON they write is the JSON the dict literals wrote, and reads back."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from workbench.sync.entries import SCHEMAS, EntityType, Entry, Schema, event_entity_id
from workbench.sync.hlc import Timestamp
from workbench.sync.payloads import (
    PAYLOADS,
    UNSET,
    CoverAttributes,
    CoverFields,
    EventAttributes,
    EventFields,
    InquiryAttributes,
    InquiryFields,
    NoteFields,
    PauseAttributes,
    PauseFields,
    known,
    values_of,
)
from workbench.sync.validate import InvalidEntryError, check

REGISTERED_AT = dt.datetime(2026, 11, 30, 8, 15, 30, 123456)


def test_the_schemas_are_the_names_entries_always_had() -> None:
    assert dict(SCHEMAS) == {
        EntityType.EVENT: Schema(("case_id", "date", "kind"), (
            "present", "registered_by", "registered_at", "withdrawn_reason")),
        EntityType.NOTE: Schema(("case_id", "author", "written_at"), ("text", "deleted")),
        EntityType.INQUIRY: Schema(("case_id", "channel", "received", "registered_by",
                                    "registered_at"), ("answered_on", "answered_by")),
        EntityType.COVER: Schema(("absent", "case_id"), ("covering", "starts", "ends")),
        EntityType.PAUSE: Schema(("case_id", "starts", "reason", "registered_by",
                                  "registered_at"), ("ends", "withdrawn")),
        EntityType.EXEMPTION: Schema(("case_id", "rule_id", "reason", "registered_by",
                                      "registered_at"), ("withdrawn",)),
    }
    assert set(PAYLOADS) == {entity_type.value for entity_type in EntityType}


def test_a_registration_writes_the_json_the_dict_literal_wrote() -> None:
    values = values_of(
        EventAttributes(case_id="S-1", date=dt.date(2026, 3, 2), kind="samtale"),
        EventFields(present=True, registered_by="AB", registered_at=REGISTERED_AT))
    old = {"case_id": "S-1", "date": "2026-03-02", "kind": "samtale", "present": True,
           "registered_by": "AB", "registered_at": "2026-11-30T08:15:30.123456"}
    assert json.dumps(values) == json.dumps(old)  # the same names, values and order


def test_a_pause_writes_its_open_end_as_null() -> None:
    values = values_of(
        PauseAttributes(case_id="S-1", starts=dt.date(2026, 3, 2), reason="sygdom",
                        registered_by="AB", registered_at=REGISTERED_AT),
        PauseFields(ends=None, withdrawn=False))
    assert list(values) == ["case_id", "starts", "reason", "registered_by", "registered_at",
                            "ends", "withdrawn"]
    assert values["ends"] is None
    assert values["withdrawn"] is False


def test_a_change_writes_only_the_fields_it_sets() -> None:
    assert values_of(NoteFields(text="Ny tekst")) == {"text": "Ny tekst"}
    assert values_of(PauseFields(ends=dt.date(2026, 4, 1))) == {"ends": "2026-04-01"}
    assert values_of(InquiryFields()) == {}


def test_a_cancelled_cover_writes_none_for_each_field() -> None:
    values = values_of(CoverAttributes(absent="CD", case_id=None),
                       CoverFields(covering=None, starts=None, ends=None))
    assert values == {"absent": "CD", "case_id": None, "covering": None, "starts": None,
                      "ends": None}


def test_parts_of_two_entity_types_are_refused() -> None:
    with pytest.raises(ValueError, match="one entity type"):
        values_of(NoteFields(text="x"), PauseFields(withdrawn=True))


def test_an_old_entrys_values_read_back_typed() -> None:
    stored = json.loads('{"answered_by": "AB", "answered_on": "2026-03-09", "case_id": "S-1", '
                        '"channel": "phone", "received": "2026-03-02", '
                        '"registered_at": "2026-03-02T09:00:00", "registered_by": "AB"}')
    attributes = InquiryAttributes.from_json(stored)
    answer = InquiryFields.from_json(stored)
    assert attributes == InquiryAttributes(
        case_id="S-1", channel="phone", received=dt.date(2026, 3, 2), registered_by="AB",
        registered_at=dt.datetime(2026, 3, 2, 9, 0))
    assert answer == InquiryFields(answered_on=dt.date(2026, 3, 9), answered_by="AB")
    assert values_of(attributes, answer) == stored


def test_a_field_the_values_lack_is_unset_and_known_as_none() -> None:
    fields = EventFields.from_json({"present": False})
    assert fields.present is False
    assert fields.registered_by is UNSET
    assert known(fields.registered_by) is None
    assert known(EventFields.from_json({"registered_by": "AB"}).registered_by) == "AB"


def test_the_validator_checks_with_the_payload_codecs() -> None:
    entity_id = event_entity_id("S-1", "2026-03-02", "samtale")
    good = {"case_id": "S-1", "date": "2026-03-02", "kind": "samtale", "present": True}
    check(_entry(entity_id, good))
    with pytest.raises(InvalidEntryError, match=r"event\.date is not a valid value"):
        check(_entry(entity_id, good | {"date": "2-3-2026"}))
    with pytest.raises(InvalidEntryError, match=r"event\.registered_at is not a valid value"):
        check(_entry(entity_id, good | {"registered_at": "2026-03-02T09:00:00+01:00"}))
    check(_entry(entity_id, good | {"registered_by": None}))


def _entry(entity_id: str, values: dict[str, object]) -> Entry:
    return Entry.from_json({
        "id": "00000000-0000-4000-8000-000000000001", "author": "AB",
        "hlc": Timestamp(1, 0, "node").encode(), "type": "event", "entity": entity_id,
        "case": "S-1", "values": values})


def test_attributes_without_one_of_them_are_refused() -> None:
    with pytest.raises(TypeError, match="EventAttributes needs date"):
        EventAttributes.from_json({"case_id": "S-1", "kind": "samtale"})
