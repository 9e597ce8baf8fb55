"""The words of the domain: schemes (ordninger), event kinds and inquiry channels.

The central export writes them in Danish, with or without æøå, in any case, or as short
codes; this module turns every accepted spelling into one enum member.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypeVar

from workbench.errors import VocabularyError
from workbench.folding import BARE_VOWELS, SPELLED_OUT, fold_key

M = TypeVar("M", bound=enum.Enum)


class Scheme(enum.Enum):
    """A benefit scheme (ordning); the value is the Danish name as domain.md writes it."""

    #: Members are singletons, so identity hashing is exact (and Enum's own is slow).
    __hash__ = object.__hash__

    SYGEDAGPENGE = "sygedagpenge"
    FORSIKRET_LEDIG = "forsikret ledig"
    JOBAFKLARINGSFORLOB = "jobafklaringsforløb"
    RESSOURCEFORLOB = "ressourceforløb"
    KONTANTHJAELP = "kontanthjælp"

    @property
    def code(self) -> str:
        """The short code the central system also uses (SDP, FL, JAF, RF, KH)."""
        return _SCHEME_CODES[self]


_SCHEME_CODES = {
    Scheme.SYGEDAGPENGE: "SDP",
    Scheme.FORSIKRET_LEDIG: "FL",
    Scheme.JOBAFKLARINGSFORLOB: "JAF",
    Scheme.RESSOURCEFORLOB: "RF",
    Scheme.KONTANTHJAELP: "KH",
}


class EventKind(enum.Enum):
    """What happened on a case on a date; the value is the Danish word."""

    #: Members are singletons, so identity hashing is exact (and Enum's own is slow).
    __hash__ = object.__hash__

    SAMTALE = "samtale"
    FAELLESSAMTALE = "fællessamtale"
    SCREENING = "screening"
    AFKLARING = "afklaring"
    VURDERING = "vurdering"
    TILBUD = "tilbud"
    REHABILITERINGSTEAM = "rehabiliteringsteam"

    @property
    def is_conversation(self) -> bool:
        """A joint conversation (fællessamtale) also counts as a conversation."""
        return self in (EventKind.SAMTALE, EventKind.FAELLESSAMTALE)


class Channel(enum.Enum):
    """How a citizen's inquiry (henvendelse) arrived, which sets its reply deadline."""

    #: Members are singletons, so identity hashing is exact (and Enum's own is slow).
    __hash__ = object.__hash__

    PHONE = "phone"
    MAIL = "mail"


# Two ways people write Danish letters on keyboards without them: ae/oe/aa and a/o/a.
_FOLDINGS = (SPELLED_OUT, BARE_VOWELS)


def _spellings(canonical: str, extra: Iterable[str]) -> set[str]:
    """Every folded spelling that should map to the word ``canonical``."""
    words = [canonical, *extra]
    return {fold_key(word, mapping) for word in words for mapping in _FOLDINGS}


def _index(members: dict[M, tuple[str, ...]]) -> dict[str, M]:
    """Build the lookup from every accepted spelling to its member."""
    index: dict[str, M] = {}
    for member, extra in members.items():
        for spelling in _spellings(str(member.value), extra):
            index[spelling] = member
    return index


_SCHEME_INDEX = _index({
    Scheme.SYGEDAGPENGE: ("SDP", "sygedagpengesag"),
    Scheme.FORSIKRET_LEDIG: ("FL", "a-dagpenge"),
    Scheme.JOBAFKLARINGSFORLOB: ("JAF",),
    Scheme.RESSOURCEFORLOB: ("RF",),
    Scheme.KONTANTHJAELP: ("KH",),
})

_EVENT_INDEX = _index({
    EventKind.SAMTALE: ("opfølgningssamtale", "samtale"),
    EventKind.FAELLESSAMTALE: ("fælles samtale",),
    EventKind.SCREENING: (),
    EventKind.AFKLARING: (),
    EventKind.VURDERING: (),
    EventKind.TILBUD: (),
    EventKind.REHABILITERINGSTEAM: ("rehabteam", "rehabiliteringsteammøde"),
})

_CHANNEL_INDEX = _index({
    Channel.PHONE: ("telefon", "telefonisk", "tlf"),
    Channel.MAIL: ("skriftlig", "brev", "e-mail", "digital post", "post"),
})


def _lookup(index: dict[str, M], text: str, what: str, choices: Iterable[M]) -> M:
    """Find ``text`` in ``index`` or raise a VocabularyError that lists the accepted words."""
    for mapping in _FOLDINGS:
        member = index.get(fold_key(text, mapping))
        if member is not None:
            return member
    accepted = ", ".join(str(choice.value) for choice in choices)
    raise VocabularyError(f"unknown {what} '{text.strip()}' (expected one of: {accepted})")


def parse_scheme(text: str) -> Scheme:
    """Read an ordning as the export writes it: Danish word, æøå optional, or short code."""
    return _lookup(_SCHEME_INDEX, text, "scheme (Ordning)", Scheme)


def parse_event_kind(text: str) -> EventKind:
    """Read a Hændelse as the export writes it: the Danish word, æøå and case optional."""
    return _lookup(_EVENT_INDEX, text, "event kind (Hændelse)", EventKind)


def parse_channel(text: str) -> Channel:
    """Read an inquiry channel: phone or mail, in English or Danish."""
    return _lookup(_CHANNEL_INDEX, text, "inquiry channel", Channel)
