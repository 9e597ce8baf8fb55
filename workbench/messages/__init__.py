"""What the core says to a person, by message key, in Danish and in English.

Errors and rejected-row reasons carry a key and their parameters instead of a finished
sentence, so that the window and the command line can each show them in the user's language.
Each module of this package holds the texts of one area in a ``TEXTS`` table; they are
gathered here once, and ``tests/`` checks that every key has both languages.

The current language is a process-wide choice: the command line sets it from ``--language``
or the database's setting, the window from its settings; until then ``WORKBENCH_LANGUAGE``
or Danish.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
LANGUAGE_ENV = "WORKBENCH_LANGUAGE"

_chosen_language: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """One message in both languages, with ``{name}`` placeholders for its parameters."""

    da: str
    en: str

    def in_language(self, language: str) -> str:
        """The template in ``language`` (English for "en", Danish otherwise)."""
        return self.en if language == "en" else self.da


def set_language(language: str | None) -> None:
    """Choose the language messages are rendered in from now on (None: back to the default)."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    global _chosen_language
    _chosen_language = language


def current_language() -> str:
    """The language chosen by ``set_language``, else ``WORKBENCH_LANGUAGE``, else Danish."""
    if _chosen_language is not None:
        return _chosen_language
    from_environment = os.environ.get(LANGUAGE_ENV, "")
    return from_environment if from_environment in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalog() -> Mapping[str, Text]:
    """Every message of the core, gathered from the ``TEXTS`` table of each module here."""
    gathered: dict[str, Text] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, text in getattr(module, "TEXTS", {}).items():
            if key in gathered:
                raise RuntimeError(f"message key {key!r} is defined twice ({module.__name__})")
            gathered[key] = text
    return gathered


@dataclass(frozen=True, slots=True)
class Message:
    """A message key with its parameters, rendered when needed: a part of another message."""

    key: str
    params: Mapping[str, object]

    def in_language(self, language: str) -> str:
        """The message rendered in ``language``."""
        return render(self.key, self.params, language)


def render(key: str, params: Mapping[str, object] | None = None,
           language: str | None = None) -> str:
    """The message ``key`` in ``language`` (default: the current one) with its parameters.

    A parameter that is itself a ``Text`` (``text(key)``) or a ``Message`` is put in in the
    same language.
    """
    chosen = language or current_language()
    values = {name: value.in_language(chosen) if isinstance(value, Text | Message) else value
              for name, value in (params or {}).items()}
    return catalog()[key].in_language(chosen).format(**values)


def text(key: str) -> Text:
    """The message ``key`` in both languages: a parameter that follows the message's language."""
    return catalog()[key]
