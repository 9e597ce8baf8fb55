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

import contextlib
import importlib
import os
from collections.abc import Mapping
from functools import cache

#: typing's own constant, without loading typing for ``workbench --help``.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
LANGUAGE_ENV = "WORKBENCH_LANGUAGE"

_chosen_language: str | None = None


class _Frozen:
    """A value of named fields that cannot change once made, as a frozen dataclass.

    Without ``dataclasses`` (and the ``inspect`` it loads): ``workbench --help`` needs the
    texts, and it is timed (issue 18).
    """

    __slots__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> NoReturn:
        """Refuse any change."""
        raise AttributeError(f"cannot assign to field {name!r}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        """Equal to a value of the same class with the same fields."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Frozen)
        return self._values() == other._values()

    def __hash__(self) -> int:
        """The hash of the fields."""
        return hash(self._values())

    def __repr__(self) -> str:
        """``Name(field=value, ...)``, as a dataclass shows."""
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Text(_Frozen):
    """One message in both languages, with ``{name}`` placeholders for its parameters."""

    __slots__ = ("da", "en")
    da: str
    en: str

    def __init__(self, da: str, en: str) -> None:
        object.__setattr__(self, "da", da)
        object.__setattr__(self, "en", en)

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


def _module_names() -> list[str]:
    """The modules of this package: its ``.py`` files, else what ``pkgutil`` finds.

    ``pkgutil.iter_modules`` loads ``inspect`` (a few milliseconds of ``workbench --help``)
    to name files; a bundle without source files is still listed by it.
    """
    names: set[str] = set()
    for folder in __path__:
        with contextlib.suppress(OSError):
            names |= {entry.name.removesuffix(".py") for entry in os.scandir(folder)
                      if entry.name.endswith(".py") and entry.name != "__init__.py"}
    if names:
        return sorted(names)
    import pkgutil

    return [module_info.name for module_info in pkgutil.iter_modules(__path__)]


@cache
def catalog() -> Mapping[str, Text]:
    """Every message of the core, gathered from the ``TEXTS`` table of each module here."""
    gathered: dict[str, Text] = {}
    for name in _module_names():
        module = importlib.import_module(f"{__name__}.{name}")
        for key, text in getattr(module, "TEXTS", {}).items():
            if key in gathered:
                raise RuntimeError(f"message key {key!r} is defined twice ({module.__name__})")
            gathered[key] = text
    return gathered


class Message(_Frozen):
    """A message key with its parameters, rendered when needed: a part of another message."""

    __slots__ = ("key", "params")
    key: str
    params: Mapping[str, object]

    def __init__(self, key: str, params: Mapping[str, object]) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", params)

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
