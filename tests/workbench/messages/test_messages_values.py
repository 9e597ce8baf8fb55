"""``Text`` and ``Message`` behave as the frozen dataclasses they were (without dataclasses)."""

from __future__ import annotations

import pytest

from workbench.messages import Message, Text


def test_a_text_is_a_value_equal_by_its_languages() -> None:
    text = Text(da="hej", en="hello")
    assert text == Text("hej", "hello") and hash(text) == hash(Text("hej", "hello"))
    assert text != Text(da="hej", en="hi") and text != ("hej", "hello")
    assert {text: 1}[Text(da="hej", en="hello")] == 1
    assert repr(text) == "Text(da='hej', en='hello')"
    assert text.in_language("en") == "hello" and text.in_language("da") == "hej"


def test_a_message_is_a_value_and_neither_can_change() -> None:
    message = Message("cli.error", {"message": "x"})
    assert message == Message(key="cli.error", params={"message": "x"})
    assert message != Message("cli.error", {"message": "y"})
    assert repr(message) == "Message(key='cli.error', params={'message': 'x'})"
    with pytest.raises(AttributeError):
        message.key = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Text("a", "b").da = "c"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Text("a", "b").extra = "c"  # type: ignore[attr-defined]
