"""Folding text for search: Danish letters and their two-letter spellings, accents, case.

A caseworker types "ostergaard" for Østergaard, "Søren" for Soeren, "Jorgensen" for
Jørgensen, "Rene" for René. Both the searched text and the search are folded to one
spelling, so each finds the other whichever way either is written: æ and ae become "ae",
ø, ö and oe become "o", å, aa and a become "a", and other accents are dropped (é → e).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

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
