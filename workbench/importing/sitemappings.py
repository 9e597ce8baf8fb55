r"""The mapping files in force: bundled, then IT's machine-wide folder, then the user's own.

IT maps a municipality's export without a code change by dropping a mapping file (the format
of ``workbench.importing.mapping``) into ``mappings\`` beside the machine-wide
``config.toml`` (or the folder its ``mappings_folder`` names, relative to the file); a user
may keep their own in ``mappings/`` of their configuration folder. Files are read in that
order, each folder's files by name, after the bundled ``resources/mappings``.

A malformed file is refused by name. Two files that give one heading, or one word of a
field, different meanings are a conflict: it is reported (``workbench mapping list``, the
dry run, the self-test) and never resolved by order. A table headed with a conflicting
heading is refused; a cell with a conflicting word is rejected like an unknown word.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from workbench.importing.mapping import (
    CANONICAL,
    ColumnMapping,
    Conflict,
    WordMap,
    bundled_mappings,
    load_mapping_file,
    normalise_heading,
)
from workbench.messages import catalog, render
from workbench.resources import resource_dir
from workbench.siteconfig import APP_NAME, SiteDefaults, load_site_defaults, site_config_path

#: Points the user's own mapping folder elsewhere (tests; a user without a profile folder).
USER_MAPPINGS_ENV = "WORKBENCH_USER_MAPPINGS"
BUNDLED, SITE, USER = "bundled", "site", "user"


@dataclass(frozen=True)
class MappingFolder:
    """A folder mapping files are read from, and whose it is (bundled, site or user)."""

    origin: str
    path: Path


@dataclass(frozen=True)
class MappingSet:
    """Every mapping in force, in the order tables are tried, and what disagrees."""

    #: The canonical headings first, then every file; each carries the words in force.
    mappings: tuple[ColumnMapping, ...]
    folders: tuple[MappingFolder, ...]
    words: WordMap
    #: The origin (bundled, site, user) of each file by its path.
    origins: dict[str, str]

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Every heading and word two files give different meanings."""
        return (*self.words.heading_conflicts.values(), *self.words.word_conflicts.values())

    @property
    def files(self) -> tuple[ColumnMapping, ...]:
        """The mapping files (without the canonical headings)."""
        return self.mappings[1:]


def user_mappings_folder() -> Path:
    """The user's own mapping folder (``WORKBENCH_USER_MAPPINGS`` overrides)."""
    override = os.environ.get(USER_MAPPINGS_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "mappings"


def site_mappings_folder(defaults: SiteDefaults) -> Path:
    """IT's folder: ``mappings_folder`` (relative to config.toml), else mappings/ beside it."""
    beside = site_config_path().parent
    if defaults.mappings_folder:
        return beside / Path(defaults.mappings_folder).expanduser()
    return beside / "mappings"


class Mappings:
    """Finds, reads and checks the mapping files of this machine and user."""

    def __init__(self, defaults: SiteDefaults | None = None) -> None:
        self._defaults = defaults

    def folders(self) -> tuple[MappingFolder, ...]:
        """Where mapping files are read from, in order (a folder need not exist)."""
        defaults = self._defaults if self._defaults is not None else load_site_defaults()
        return (
            MappingFolder(BUNDLED, resource_dir() / "mappings"),
            MappingFolder(SITE, site_mappings_folder(defaults)),
            MappingFolder(USER, user_mappings_folder()),
        )

    def load(self) -> MappingSet:
        """Every file of every folder, checked; MappingError naming a malformed one."""
        folders = self.folders()
        files: list[ColumnMapping] = list(bundled_mappings()[1:])
        origins = {mapping.source: BUNDLED for mapping in files}
        for folder in folders[1:]:
            for path in _toml_files(folder.path):
                mapping = load_mapping_file(path)
                files.append(mapping)
                origins[mapping.source] = folder.origin
        return in_force(files, folders, origins)

    def check_file(self, path: Path) -> tuple[ColumnMapping, tuple[Conflict, ...]]:
        """One file checked alone, and the conflicts it has with the other files in force."""
        checked = load_mapping_file(path)
        current = self.load()
        others = [m for m in current.files if not _same_file(m.source, path)]
        together = in_force([*others, checked], current.folders, current.origins)
        mine = tuple(c for c in together.conflicts
                     if any(_same_file(source, path) for _, source in c.meanings))
        return checked, mine


def in_force(files: Sequence[ColumnMapping], folders: tuple[MappingFolder, ...],
             origins: dict[str, str]) -> MappingSet:
    """The set of ``files`` after the canonical headings, with their merged words."""
    words = merge(files)
    mappings = tuple(dataclasses.replace(mapping, in_force=words)
                     for mapping in (CANONICAL, *files))
    return MappingSet(mappings, folders, words, origins)


def merge(files: Iterable[ColumnMapping]) -> WordMap:
    """The words of all files, and every heading or word two of them disagree on."""
    heading_meanings: dict[str, dict[str, tuple[str, str]]] = {}
    for field_name in CANONICAL.headings:
        heading_meanings[normalise_heading(field_name)] = {
            field_name: (field_name, CANONICAL.source)}
    word_meanings: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for mapping in files:
        for field_name, headings in mapping.own_headings.items():
            for heading in headings:
                meanings = heading_meanings.setdefault(normalise_heading(heading), {})
                meanings.setdefault(field_name, (heading, mapping.source))
        for field_name, table in mapping.values.items():
            for word, canonical in table.items():
                meanings = word_meanings.setdefault((field_name, word), {})
                meanings.setdefault(canonical, (mapping.spellings.get(word, word),
                                                mapping.source))
    words: dict[str, dict[str, str]] = {}
    word_conflicts: dict[tuple[str, str], Conflict] = {}
    for (field_name, word), meanings in word_meanings.items():
        if len(meanings) > 1:
            word_conflicts[(field_name, word)] = _conflict(field_name, meanings)
        else:
            words.setdefault(field_name, {})[word] = next(iter(meanings))
    heading_conflicts = {heading: _conflict("heading", meanings)
                         for heading, meanings in heading_meanings.items() if len(meanings) > 1}
    return WordMap(words, word_conflicts, heading_conflicts)


def _conflict(what: str, meanings: dict[str, tuple[str, str]]) -> Conflict:
    """A conflict from each meaning's (text as written, file)."""
    first_text = next(iter(meanings.values()))[0]
    return Conflict(what, first_text,
                    tuple((meaning, source) for meaning, (_, source) in meanings.items()))


def _toml_files(folder: Path) -> list[Path]:
    """The mapping files of a folder, by name; none if it does not exist."""
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _same_file(source: str, path: Path) -> bool:
    """True if ``source`` names the file ``path``."""
    try:
        return Path(source).resolve() == path.resolve()
    except OSError:
        return False


def mappings_in_force() -> MappingSet:
    """The mapping files of the bundle, this machine and this user, checked."""
    return Mappings().load()


def origin_word(origin: str) -> str:
    """Where a mapping comes from (bundled, site, user, built-in) in the current language."""
    key = f"mapping.origin.{origin}"
    return render(key) if key in catalog() else origin


def describe_mapping(mapping: ColumnMapping, origin: str | None = None) -> list[str]:
    """One mapping as ``workbench mapping list`` prints it: where, title, headings, words."""
    where = f"{origin_word(origin)}, {mapping.source}" if origin else mapping.source
    lines = [render("mapping.list.mapping", {"name": mapping.name, "where": where})]
    if mapping.title:
        lines.append(render("mapping.list.title", {"title": mapping.title}))
    for field_name, headings in mapping.own_headings.items():
        lines.append(render("mapping.list.heading",
                            {"field": field_name, "headings": ", ".join(headings)}))
    for field_name, table in mapping.values.items():
        by_word: dict[str, list[str]] = {}
        for word, canonical in table.items():
            by_word.setdefault(canonical, []).append(mapping.spellings.get(word, word))
        for canonical, words in by_word.items():
            lines.append(render("mapping.list.word", {"field": field_name,
                                                      "canonical": canonical,
                                                      "words": ", ".join(words)}))
    return lines


def describe_set(mapping_set: MappingSet) -> list[str]:
    """The folders searched, every mapping file in force and every conflict, line by line."""
    lines = [
        render("mapping.list.folder" if folder.path.is_dir() else "mapping.list.missing_folder",
               {"origin": origin_word(folder.origin), "path": folder.path})
        for folder in mapping_set.folders
    ]
    lines.append(render("mapping.list.canonical"))
    for mapping in mapping_set.files:
        lines.extend(describe_mapping(mapping, mapping_set.origins.get(mapping.source)))
    lines.extend(render("mapping.list.conflict", {"conflict": conflict.describe()})
                 for conflict in mapping_set.conflicts)
    return lines
