"""Every message of the core exists in Danish and English with the same parameters."""

from __future__ import annotations

import string

import pytest

from workbench import messages
from workbench.errors import InputError
from workbench.messages import catalog, current_language, render, set_language


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog()))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    text = catalog()[key]
    assert text.da.strip() and text.en.strip()
    assert _placeholders(text.da) == _placeholders(text.en)


def test_a_keyed_error_renders_in_the_current_language_and_on_demand() -> None:
    set_language("en")
    try:
        error = InputError(key="general.interrupted")
        assert str(error) == "interrupted; nothing was changed"
        assert error.in_language("da") == "afbrudt; intet blev ændret"
    finally:
        set_language(None)


def test_the_language_defaults_to_danish_and_follows_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(messages.LANGUAGE_ENV, raising=False)
    assert current_language() == "da"
    monkeypatch.setenv(messages.LANGUAGE_ENV, "en")
    assert current_language() == "en"
    assert render("general.interrupted") == "interrupted; nothing was changed"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        set_language("de")


def test_a_plain_error_says_its_sentence_in_every_language() -> None:
    error = InputError("as written")
    assert error.key is None
    assert error.in_language("en") == error.in_language("da") == "as written"
