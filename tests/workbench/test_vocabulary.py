"""Scheme and event words as exports write them: æøå optional, any case, short codes."""

import pytest

from workbench.errors import VocabularyError
from workbench.vocabulary import (
    Channel,
    EventKind,
    Scheme,
    parse_channel,
    parse_event_kind,
    parse_scheme,
)


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("Sygedagpenge", Scheme.SYGEDAGPENGE),
        ("SDP", Scheme.SYGEDAGPENGE),
        ("sdp", Scheme.SYGEDAGPENGE),
        ("Forsikret ledig", Scheme.FORSIKRET_LEDIG),
        ("FORSIKRET LEDIG", Scheme.FORSIKRET_LEDIG),
        ("FL", Scheme.FORSIKRET_LEDIG),
        ("Jobafklaringsforløb", Scheme.JOBAFKLARINGSFORLOB),
        ("jobafklaringsforlob", Scheme.JOBAFKLARINGSFORLOB),
        ("JOBAFKLARINGSFORLOEB", Scheme.JOBAFKLARINGSFORLOB),
        ("JAF", Scheme.JOBAFKLARINGSFORLOB),
        ("Ressourceforløb", Scheme.RESSOURCEFORLOB),
        ("rf", Scheme.RESSOURCEFORLOB),
        ("Kontanthjælp", Scheme.KONTANTHJAELP),
        ("kontanthjaelp", Scheme.KONTANTHJAELP),
        ("Kontanthjalp", Scheme.KONTANTHJAELP),
        ("KH", Scheme.KONTANTHJAELP),
    ],
)
def test_schemes_in_every_accepted_spelling(text: str, scheme: Scheme) -> None:
    assert parse_scheme(text) is scheme


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Samtale", EventKind.SAMTALE),
        ("Fællessamtale", EventKind.FAELLESSAMTALE),
        ("faellessamtale", EventKind.FAELLESSAMTALE),
        ("FALLESSAMTALE", EventKind.FAELLESSAMTALE),
        ("screening", EventKind.SCREENING),
        ("Afklaring", EventKind.AFKLARING),
        ("Vurdering", EventKind.VURDERING),
        ("tilbud", EventKind.TILBUD),
        ("Rehabiliteringsteam", EventKind.REHABILITERINGSTEAM),
    ],
)
def test_event_kinds_in_every_accepted_spelling(text: str, kind: EventKind) -> None:
    assert parse_event_kind(text) is kind


def test_conversations_include_joint_ones() -> None:
    assert EventKind.SAMTALE.is_conversation
    assert EventKind.FAELLESSAMTALE.is_conversation
    assert not EventKind.SCREENING.is_conversation


def test_unknown_words_list_what_is_accepted() -> None:
    with pytest.raises(VocabularyError, match=r"unknown scheme.*'ferie'.*sygedagpenge"):
        parse_scheme("ferie")
    with pytest.raises(VocabularyError, match=r"unknown event kind.*'møde'.*samtale"):
        parse_event_kind("møde")


def test_channels_in_english_and_danish() -> None:
    assert parse_channel("phone") is Channel.PHONE
    assert parse_channel("Telefonisk") is Channel.PHONE
    assert parse_channel("mail") is Channel.MAIL
    assert parse_channel("Digital post") is Channel.MAIL


def test_short_codes_match_domain_md() -> None:
    assert [s.code for s in Scheme] == ["SDP", "FL", "JAF", "RF", "KH"]
