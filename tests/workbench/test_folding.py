"""Search folding: Danish letters and their two-letter spellings, accents, both ways."""

from __future__ import annotations

import pytest

from workbench.folding import BARE_VOWELS, SPELLED_OUT, fold, fold_key, fold_word


@pytest.mark.parametrize(("typed", "name"), [
    ("ostergaard", "Østergaard"),
    ("Østergård", "Oestergaard"),
    ("østergaa", "Ostergaard"),
    ("jaeger", "Jæger"),
    ("Jæger", "Jaeger"),
    ("soren", "Søren"),
    ("Søren", "Soeren"),
    ("Rene", "René"),
    ("rené", "Rene"),
    ("aase", "Åse"),
    ("muller", "Müller"),
])
def test_each_spelling_finds_the_other(typed: str, name: str) -> None:
    assert fold(typed) in fold(name)


def test_folding_keeps_what_it_must_not_touch() -> None:
    assert fold("S-1001\t010190-xxxx") == "s-1001\t010190-xxxx"
    assert fold("hansen") not in fold("Jensen")


def test_a_word_key_is_the_folded_word_with_only_letters_and_digits() -> None:
    assert fold_key(" A–Dagpenge ") == "adagpenge" == fold_key("a-dagpenge")
    assert fold_key("Rehab.teammøde") == "rehabteammoede" == fold_key("Rehab teammøde")
    assert fold_word("Rehab.teammøde") != fold_word("Rehab teammøde")


def test_a_word_key_spells_the_danish_letters_either_way() -> None:
    assert fold_key("Fællessamtale Å") == "faellessamtaleaa"
    assert fold_key("Fællessamtale Å", BARE_VOWELS) == "fallessamtalea"
    assert fold_key("Fællessamtale Å", SPELLED_OUT) == fold_key("faellessamtale aa")
