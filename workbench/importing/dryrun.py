"""The dry run: what an import of some files would do, with nothing changed.

It runs the real import (``import_files(dry_run=True)``: every check and every count, then the
transaction is rolled back and no backup is made), so what it says is what the import does.
Beside the counts it says which tables it recognised under which mapping file, and which
words of the cells no vocabulary or value table knows, each with how often it occurs and a
row to look at: what IT needs to write a mapping file for a new export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import InputError, TruncatedExportError
from workbench.folding import fold_word
from workbench.importing.importer import ExportTable, import_files, recognise_tables
from workbench.importing.mapping import VOCABULARIES, Conflict, TableKind
from workbench.importing.reading import cell_text, read_export_file
from workbench.importing.sitemappings import MappingSet, mappings_in_force, origin_word
from workbench.importing.summarytext import count_line, rejected_line
from workbench.messages import current_language, render
from workbench.store.database import Database
from workbench.views import ImportSummary

Progress = Callable[[int, int], None]
#: How many of the rows it would reject the printed dry run lists (the unknown words and
#: their counts say the rest).
SHOWN_REJECTIONS = 20


@dataclass(frozen=True)
class TableUse:
    """A table of the files: what it is, how many rows, and the mapping that read its header."""

    label: str
    kind: TableKind
    rows: int
    mapping: str
    #: The mapping's file, or "built-in" for the canonical headings.
    source: str


@dataclass(frozen=True)
class UnknownWord:
    """A word in a field's cells that neither the vocabulary nor a value table knows."""

    field: str
    #: The column's heading as the file writes it.
    heading: str
    #: The word as first written; spellings that differ only as ``fold_word`` ignores count
    #: as the same word (one value table entry maps them all).
    word: str
    count: int
    #: The first row it is on: the table (file, and sheet) and the line or row number.
    example_table: str
    example_line: int
    reason: str


@dataclass(frozen=True)
class ImportPreview:
    """What importing the files would do; the database is exactly as it was."""

    summary: ImportSummary
    tables: tuple[TableUse, ...]
    unknown_words: tuple[UnknownWord, ...]
    conflicts: tuple[Conflict, ...]
    #: Why the import would be refused as it stands (the counts are then those of --force).
    refused: TruncatedExportError | None = None

    @property
    def rejects_rows(self) -> bool:
        """True if the import would reject rows."""
        return bool(self.summary.rejected)


def preview_import(
    database: Database,
    paths: Sequence[Path],
    *,
    today: dt.date,
    force: bool = False,
    threshold: float = 0.20,
    progress: Progress | None = None,
) -> ImportPreview:
    """The import of ``paths`` done and rolled back, with its tables and unknown words."""
    in_force = mappings_in_force()
    tables = recognise_tables([read_export_file(Path(p)) for p in paths], in_force.mappings)
    uses, unknown = survey(tables)
    options: dict[str, Any] = {"today": today, "threshold": threshold, "progress": progress,
                               "mappings": in_force.mappings, "dry_run": True}
    refused = None
    try:
        summary = import_files(database, paths, force=force, **options)
    except TruncatedExportError as error:
        refused = error
        summary = import_files(database, paths, force=True, **options)
    return ImportPreview(summary, uses, unknown, in_force.conflicts, refused)


def survey(tables: Sequence[ExportTable]) -> tuple[tuple[TableUse, ...], tuple[UnknownWord, ...]]:
    """Each table's use and rows, and every unknown word of a field with a vocabulary."""
    uses = []
    found: dict[tuple[str, str], list[Any]] = {}
    for table in tables:
        columns = table.recognised.columns
        fields = [(f, columns[f]) for f in VOCABULARIES if f in columns]
        readers = {f: table.recognised.words.reader(f, VOCABULARIES[f].parse) for f, _ in fields}
        verdicts: dict[tuple[str, str], str | None] = {}
        rows = 0
        for line, cells in table.data_rows():
            rows += 1
            for field_name, index in fields:
                word = cell_text(cells[index]) if index < len(cells) else ""
                if not word:
                    continue
                key = (field_name, word)
                if key not in verdicts:
                    verdicts[key] = _why_unknown(readers[field_name], word)
                if verdicts[key] is None:
                    continue
                # One entry per word as a value table matches it: "Kaffemøde" is "kaffemøde ".
                entry = found.setdefault((field_name, fold_word(word)), [
                    word, table.header[index], 0, table.raw.label, line, verdicts[key]])
                entry[2] += 1
        uses.append(TableUse(table.raw.label, table.recognised.kind, rows,
                             table.recognised.mapping, table.recognised.source))
    unknown = tuple(
        UnknownWord(field_name, heading, word, count, label, line, reason)
        for (field_name, _), (word, heading, count, label, line, reason) in found.items()
    )
    return tuple(uses), tuple(sorted(unknown, key=lambda u: (u.field, -u.count, u.word)))


def _why_unknown(read: Callable[[str], Any], word: str) -> str | None:
    """None if ``read`` knows ``word``; otherwise why not."""
    try:
        read(word)
    except InputError as error:
        return str(error)
    return None


def describe(preview: ImportPreview, mapping_set: MappingSet | None = None,
             language: str | None = None) -> list[str]:
    """The preview as the command line prints it, one line each, in ``language``."""
    origins = mapping_set.origins if mapping_set is not None else {}
    summary = preview.summary

    def say(key: str, **params: object) -> str:
        return render(f"import.dry_run.{key}", params, language)

    lines = [say("header", files=", ".join(summary.files))]
    if summary.unchanged:
        lines.append(say("unchanged"))
    for use in preview.tables:
        where = (origin_word(use.source) if use.source not in origins
                 else f"{origin_word(origins[use.source])}, {use.source}")
        lines.append(say("table", label=use.label, kind=render(f"mapping.table.{use.kind.value}"),
                         rows=use.rows,
                         mapping=use.mapping, where=where))
    if mapping_set is not None:
        for mapping in mapping_set.files:
            if mapping.values:
                fields = ", ".join(f"{f} {len(words)}" for f, words in mapping.values.items())
                lines.append(say("words", mapping=mapping.name,
                                 origin=origin_word(origins.get(mapping.source, "")),
                                 source=mapping.source,
                                 fields=fields))
    lines.append(say("would", counts=count_line(summary, language)))
    if preview.refused is not None:
        lines.append(say("refused", reason=preview.refused.in_language(
            language or current_language())))
    for word in preview.unknown_words:
        lines.append(say("unknown_word", field=word.field, word=word.word, heading=word.heading,
                         count=word.count, table=word.example_table, line=word.example_line))
    for conflict in preview.conflicts:
        lines.append(say("conflict", conflict=conflict.describe()))
    lines.extend(rejected_line("import.dry_run.would_reject", row, language)
                 for row in summary.rejected[:SHOWN_REJECTIONS])
    if len(summary.rejected) > SHOWN_REJECTIONS:
        lines.append(say("more_rejected", count=len(summary.rejected) - SHOWN_REJECTIONS))
    return lines
