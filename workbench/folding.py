"""Folding text so that spellings compare equal: for search, and for headings and words.

Headings and cell words (``fold_word``, and ``fold_key`` built on it) are compared without
case, surrounding and repeated space or the kind of dash, with æ/ø/å spelled ae/oe/aa (or,
for the vocabulary's second chance, a/o/a); punctuation and accents still count, as a
mapping file may tell "Rehab.teammøde" from "Rehab teammøde".

Search (``fold``) folds much further, and cannot build on ``fold_word``: a search matches
inside the row's text, whose columns are joined by tabs that must stay (a search must not
span two columns), and both sides reduce to the shortest spelling (ø, oe → o; å, aa → a)
so that each spelling finds the other inside a longer name.

A caseworker types "ostergaard" for Østergaard, "Søren" for Soeren, "Jorgensen" for
Jørgensen, "Rene" for René. Both the searched text and the search are folded to one
spelling, so each finds the other whichever way either is written: æ and ae become "ae",
ø, ö and oe become "o", å, aa and a become "a", and other accents are dropped (é → e).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache

#: The Danish letters spelled out, as a keyboard without them writes them.
SPELLED_OUT: Mapping[str, str] = {"æ": "ae", "ø": "oe", "å": "aa"}
#: The Danish letters as their bare vowels, the other way people write them.
BARE_VOWELS: Mapping[str, str] = {"æ": "a", "ø": "o", "å": "a"}
# Dashes Excel and Word put in place of a hyphen, and a stray byte order mark.
_DASHES = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
           "\u2212": "-", "\ufeff": ""}


@cache
def _word_table(letters: tuple[tuple[str, str], ...]) -> dict[int, str]:
    """The translation of dashes and of the Danish letters by ``letters``."""
    return str.maketrans({**_DASHES, **dict(letters)})


_TABLES = {id(letters): _word_table(tuple(letters.items()))
           for letters in (SPELLED_OUT, BARE_VOWELS)}


def fold_word(text: str, letters: Mapping[str, str] = SPELLED_OUT) -> str:
    """A heading or word as compared: no case, single spaces, one dash, æ/ø/å by ``letters``."""
    table = _TABLES.get(id(letters)) or _word_table(tuple(letters.items()))
    return " ".join(text.casefold().translate(table).split())


def fold_key(text: str, letters: Mapping[str, str] = SPELLED_OUT) -> str:
    """``fold_word`` with only the letters and digits left: "A-dagpenge" is "adagpenge"."""
    return "".join(ch for ch in fold_word(text, letters) if ch.isalnum())


_ACCENTED = {"a": "áàâäãå", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "y": "ýÿ",
             "c": "ç", "n": "ñ"}
_LETTERS = {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss",
            **{letter: plain for plain, letters in _ACCENTED.items() for letter in letters}}


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """``text`` folded for search (lower case, one spelling of æ/ø/å, no accents).

    Cached: a list of 20,000 cases is folded again at every refresh, and names repeat.
    """
    lowered = text.lower()
    if not lowered.isascii():
        for letter in set(lowered):  # str.replace per letter present: faster than translate
            if letter in _LETTERS:
                lowered = lowered.replace(letter, _LETTERS[letter])
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c))
    return lowered.replace("aa", "a").replace("oe", "o")
