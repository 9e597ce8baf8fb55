"""Column headings and cell words: the canonical ones of domain.md, and mapping files.

Municipalities' exports name the same columns differently, and write the words in their
cells differently. A mapping file (bundled in ``resources/mappings/*.toml``; IT's and the
user's own folders are added by ``workbench.importing.sitemappings``) lists, per canonical
field, the headings that mean it, and per field the words that mean a canonical word::

    title = "Export headed Sagsnummer, Personnummer, ..."
    [columns]
    "Sags-ID" = ["Sagsnummer"]
    "Startdato" = ["1. fraværsdag", "Startdato"]
    [values."Hændelse"]
    "samtale" = ["Opfølgningssamtale", "Jobsamtale (telefon)"]

A field's canonical heading is always accepted too. A table is recognised by its header:
the first mapping (canonical first, then the files in order) under which every required
field of a cases or an events table is present decides what the table is. The words of
every file in force apply to every table. Headings and words are compared folded
(``fold_word``): without case, surrounding and repeated space, the kind of dash, and with
æ/ø/å spelled ae/oe/aa.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from workbench.errors import VocabularyError, WorkbenchError
from workbench.folding import fold_word
from workbench.messages import render
from workbench.resources import resource_dir
from workbench.vocabulary import EventKind, Scheme, parse_event_kind, parse_scheme


class TableKind(enum.Enum):
    """What a table of an export holds."""

    CASES = "cases"
    EVENTS = "events"


CASE_ID = "Sags-ID"
CPR = "CPR"
NAME = "Navn"
SCHEME = "Ordning"
CASEWORKER = "Sagsbehandler"
TEAM = "Team"
START = "Startdato"
CLOSED = "Afsluttet"
DATE = "Dato"
EVENT_KIND = "Hændelse"
#: Optional case attributes, rule conditions (workbench.attributes): heading → attribute.
ATTRIBUTE_FIELDS = {"Målgruppe": "maalgruppe", "Beskæftiget": "beskaeftiget",
                    "Kategori": "kategori"}

#: Each kind's fields: required ones first, then the optional ones.
REQUIRED: dict[TableKind, tuple[str, ...]] = {
    TableKind.CASES: (CASE_ID, CPR, NAME, SCHEME, CASEWORKER, START),
    TableKind.EVENTS: (CASE_ID, DATE, EVENT_KIND),
}
OPTIONAL: dict[TableKind, tuple[str, ...]] = {
    TableKind.CASES: (TEAM, CLOSED, *ATTRIBUTE_FIELDS),
    TableKind.EVENTS: (),
}
ALL_FIELDS = frozenset(field for fields in (*REQUIRED.values(), *OPTIONAL.values())
                       for field in fields)
#: Fields whose cells are identities, names or dates: no value table can map them.
UNMAPPABLE = frozenset((CASE_ID, CPR, NAME, START, CLOSED, DATE))


@dataclass(frozen=True)
class Vocabulary:
    """A field's canonical words (an enum) and the parser that reads any accepted spelling."""

    words: type[enum.Enum]
    parse: Callable[[str], enum.Enum]


#: Fields with a canonical vocabulary: a value table must map onto one of its words. A
#: mappable field without one (Team, Sagsbehandler, ...) maps onto free text.
VOCABULARIES: dict[str, Vocabulary] = {
    SCHEME: Vocabulary(Scheme, parse_scheme),
    EVENT_KIND: Vocabulary(EventKind, parse_event_kind),
}
CANONICAL_SOURCE = "built-in"


class MappingError(WorkbenchError):
    """A mapping file is malformed or two files disagree; the message names file and key."""


def normalise_heading(text: str) -> str:
    """Compare headings as words are compared ("sags–id " is "Sags-ID")."""
    return fold_word(text)


@dataclass(frozen=True)
class Conflict:
    """One heading or word that two mapping files give different meanings."""

    #: "heading", or the field whose word it is.
    what: str
    #: The heading or word as the first file writes it.
    text: str
    #: Each meaning with the file that gives it, in the order the files are read.
    meanings: tuple[tuple[str, str], ...]

    def describe(self) -> str:
        """The conflict in words: what it means in which file."""
        (first, first_file), (second, second_file) = self.meanings[:2]
        key = "mapping.heading_conflict" if self.what == "heading" else "mapping.word_conflict"
        return render(key, {"text": self.text, "field": self.what, "first": first,
                            "first_file": first_file, "second": second,
                            "second_file": second_file})


@dataclass(frozen=True)
class WordMap:
    """The value tables in force: each field's source words and what they mean."""

    #: Field → folded source word → canonical word.
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: (field, folded word) → the conflict that keeps the word from meaning anything.
    word_conflicts: Mapping[tuple[str, str], Conflict] = field(default_factory=dict)
    #: Folded heading → the conflict that keeps a table headed with it from being read.
    heading_conflicts: Mapping[str, Conflict] = field(default_factory=dict)

    def maps(self, *fields: str) -> bool:
        """True if a value table (or a conflict) covers any of ``fields``."""
        covered = {f for f, _ in self.word_conflicts} | set(self.words)
        return any(f in covered for f in fields)

    def translate(self, field_name: str, text: str) -> str:
        """The canonical word ``text`` means in ``field_name``; ``text`` if none maps it.

        VocabularyError if two files map the word differently: it means nothing then.
        """
        table = self.words.get(field_name)
        if table is None and all(f != field_name for f, _ in self.word_conflicts):
            return text
        folded = fold_word(text)
        conflict = self.word_conflicts.get((field_name, folded))
        if conflict is not None:
            raise VocabularyError(conflict.describe())
        return table.get(folded, text) if table is not None else text

    def reader(self, field_name: str, parse: Callable[[str], Any]) -> Callable[[str], Any]:
        """``parse`` applied to the word a cell's text means in ``field_name``."""
        if not self.maps(field_name):
            return parse
        return lambda text: parse(self.translate(field_name, text))


NO_WORDS = WordMap()


@dataclass(frozen=True)
class ColumnMapping:
    """Which headings mean which canonical field, and which words mean which word."""

    name: str
    #: Canonical field → the headings (normalised) that mean it.
    headings: Mapping[str, tuple[str, ...]]
    title: str = ""
    #: The file it was read from; "built-in" for the canonical headings.
    source: str = CANONICAL_SOURCE
    #: Field → folded source word → canonical word, as this file alone gives them.
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Field → this file's own headings for it, as written (what ``mapping list`` shows).
    own_headings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Each folded source word of the value tables as the file writes it.
    spellings: Mapping[str, str] = field(default_factory=dict)
    #: The words and conflicts of every file in force (the mapping set fills this in).
    in_force: WordMap = NO_WORDS

    def locate(self, header: Sequence[str], kind: TableKind) -> dict[str, int] | None:
        """Column index of every field of ``kind`` in ``header``; None if a required one lacks."""
        positions = {normalise_heading(text): index for index, text in reversed(
            list(enumerate(header)))}
        found: dict[str, int] = {}
        for field_name in (*REQUIRED[kind], *OPTIONAL[kind]):
            index = next((positions[h] for h in self.headings[field_name] if h in positions),
                         None)
            if index is not None:
                found[field_name] = index
            elif field_name in REQUIRED[kind]:
                return None
        return found

    def refuse_conflicts(self, header: Sequence[str]) -> None:
        """MappingError if a heading of ``header`` is one two mapping files disagree on."""
        for text in header:
            conflict = self.in_force.heading_conflicts.get(normalise_heading(text))
            if conflict is not None:
                raise MappingError(key="mapping.conflict_refused",
                                   conflict=conflict.describe())


@dataclass(frozen=True)
class RecognisedTable:
    """A table's kind, the column of each field, and the mapping that recognised it."""

    kind: TableKind
    columns: dict[str, int]
    mapping: str
    #: The value tables in force when it was recognised.
    words: WordMap = NO_WORDS
    #: The file of the mapping that recognised it.
    source: str = CANONICAL_SOURCE


CANONICAL = ColumnMapping(
    name="canonical", headings={field: (normalise_heading(field),) for field in ALL_FIELDS}
)
_TOP_KEYS = ("title", "columns", "values")


def parse_mapping(text: str, source: str) -> ColumnMapping:
    """Read a mapping file's TOML, checking every table, field, heading and word."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise MappingError(key="mapping.not_toml", file=source, problem=str(error)) from None
    for key in data:
        if key not in _TOP_KEYS:
            raise MappingError(key="mapping.unknown_key", file=source, entry=key,
                               known=", ".join(_TOP_KEYS))
    title = data.get("title", "")
    if not isinstance(title, str):
        raise MappingError(key="mapping.title", file=source)
    if "columns" not in data and "values" not in data:
        raise MappingError(key="mapping.empty", file=source)
    own = _read_columns(data.get("columns", {}), source)
    headings = dict(CANONICAL.headings)
    for field_name, names in own.items():
        headings[field_name] = (*(normalise_heading(n) for n in names),
                                *CANONICAL.headings[field_name])
    spellings: dict[str, str] = {}
    values = _read_values(data.get("values", {}), source, spellings)
    return ColumnMapping(name=Path(source).stem, headings=headings, title=title,
                         source=source, values=values, own_headings=own, spellings=spellings)


def _table(value: object, source: str, table: str) -> dict[str, Any]:
    """``value`` if it is a TOML table; MappingError naming the table otherwise."""
    if not isinstance(value, dict):
        raise MappingError(key="mapping.not_table", file=source, table=table)
    return value


def _strings(value: object, source: str, table: str, key: str) -> list[str]:
    """A list of non-empty strings; MappingError naming file, table and key otherwise."""
    if (not isinstance(value, list) or not value
            or not all(isinstance(item, str) and item.strip() for item in value)):
        raise MappingError(key="mapping.not_list", file=source, table=table, entry=key)
    return value


def _known_field(name: str, source: str, table: str) -> None:
    """MappingError unless ``name`` is a canonical field."""
    if name not in ALL_FIELDS:
        raise MappingError(key="mapping.unknown_field", file=source, table=table, entry=name,
                           known=", ".join(sorted(ALL_FIELDS)))


def _read_columns(value: object, source: str) -> dict[str, tuple[str, ...]]:
    """The [columns] table: field → headings; a heading may mean one field only."""
    columns = _table(value, source, "columns")
    seen: dict[str, str] = {}
    own: dict[str, tuple[str, ...]] = {}
    for field_name, names in columns.items():
        _known_field(field_name, source, "columns")
        headings = _strings(names, source, "columns", field_name)
        for heading in headings:
            other = seen.setdefault(normalise_heading(heading), field_name)
            if other != field_name:
                raise MappingError(key="mapping.twice", file=source, table="columns",
                                   entry=field_name, word=heading, other=other)
        own[field_name] = tuple(headings)
    return own


def _read_values(value: object, source: str,
                 spellings: dict[str, str]) -> dict[str, dict[str, str]]:
    """The [values."<field>"] tables: field → folded source word → canonical word."""
    tables = _table(value, source, "values")
    values: dict[str, dict[str, str]] = {}
    for field_name, table in tables.items():
        where = f'values."{field_name}"'
        _known_field(field_name, source, where)
        if field_name in UNMAPPABLE:
            raise MappingError(key="mapping.not_mappable", file=source, table=where,
                               entry=field_name)
        words: dict[str, str] = {}
        for target, sources in _table(table, source, where).items():
            canonical = _canonical_word(field_name, target, source, where)
            for word in _strings(sources, source, where, target):
                folded = fold_word(word)
                spellings.setdefault(folded, word.strip())
                other = words.setdefault(folded, canonical)
                if other != canonical:
                    raise MappingError(key="mapping.twice", file=source, table=where,
                                       entry=target, word=word, other=other)
                _agrees_with_vocabulary(field_name, word, canonical, source, where, target)
        values[field_name] = words
    return values


def _canonical_word(field_name: str, target: str, source: str, where: str) -> str:
    """The canonical word a value table's key names (its vocabulary's own spelling)."""
    vocabulary = VOCABULARIES.get(field_name)
    if vocabulary is None:
        if not target.strip():
            raise MappingError(key="mapping.not_list", file=source, table=where, entry=target)
        return target.strip()
    try:
        return str(vocabulary.parse(target).value)
    except VocabularyError:
        known = ", ".join(str(word.value) for word in vocabulary.words)
        raise MappingError(key="mapping.unknown_word", file=source, table=where, entry=target,
                           field=field_name, known=known) from None


def _agrees_with_vocabulary(field_name: str, word: str, canonical: str, source: str,
                            where: str, target: str) -> None:
    """MappingError if the built-in vocabulary already reads ``word`` as another word."""
    vocabulary = VOCABULARIES.get(field_name)
    if vocabulary is None:
        return
    try:
        meaning = str(vocabulary.parse(word).value)
    except VocabularyError:
        return
    if meaning != canonical:
        raise MappingError(key="mapping.builtin_word", file=source, table=where, entry=target,
                           word=word, meaning=meaning)


def load_mapping_file(path: Path) -> ColumnMapping:
    """Read and check one mapping file; MappingError naming it if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError(key="mapping.unreadable", file=str(path),
                           problem=str(error)) from None
    return parse_mapping(text, str(path))


@cache
def bundled_mappings() -> tuple[ColumnMapping, ...]:
    """The canonical headings, then every mapping file in resources/mappings, by name."""
    folder = resource_dir() / "mappings"
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return (CANONICAL, *(load_mapping_file(f) for f in files))


def recognise(
    header: Sequence[str], mappings: Sequence[ColumnMapping]
) -> RecognisedTable | None:
    """What ``header`` is a header of, under the first mapping that explains it.

    MappingError if the header holds a heading that two mapping files disagree on.
    """
    for mapping in mappings:
        for kind in TableKind:
            columns = mapping.locate(header, kind)
            if columns is not None:
                mapping.refuse_conflicts(header)
                return RecognisedTable(kind, columns, mapping.name, mapping.in_force,
                                       mapping.source)
    return None


def describe_expected() -> str:
    """The canonical headings of both tables, for the message on an unrecognised file."""
    cases = ", ".join(REQUIRED[TableKind.CASES])
    events = ", ".join(REQUIRED[TableKind.EVENTS])
    return f"a cases table ({cases}) or an events table ({events})"
