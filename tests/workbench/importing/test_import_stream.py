"""The streaming import: files read from disk as needed, a file's digest is of its rows."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from pathlib import Path

import pytest

from tests.helpers.exports import Case, write_cases, write_events
from workbench.errors import NotAnExportError
from workbench.importing import importer, reading
from workbench.importing.mapping import bundled_mappings
from workbench.importing.reading import content_hash, read_export_file
from workbench.store import bulk
from workbench.store.database import Database

HEADER = "Sags-ID;CPR;Navn;Ordning;Sagsbehandler;Startdato"
ROW = "S1;010190-1234;Anne;SDP;ABC;2026-01-05"


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_same_rows_with_other_line_ends_have_the_same_hash(tmp_path: Path) -> None:
    plain = written(tmp_path / "a.csv", f"{HEADER}\n{ROW}\n".encode())
    windows = written(tmp_path / "b.csv", f"{HEADER}\r\n{ROW}\r\n\r\n\r\n".encode())

    assert read_export_file(plain).content_hash == read_export_file(windows).content_hash
    assert content_hash(plain) == read_export_file(plain).content_hash


@pytest.mark.parametrize("other", [
    f"{HEADER}\n{ROW.replace('Anne', 'Anna')}\n",  # a changed row
    f"{HEADER}\n\n{ROW}\n",  # a blank line between: the row's line number moves
    f"{HEADER}\n{ROW}",  # no line end: the last line may be cut short
    f"\ufeff{HEADER}\n{ROW}\n",  # a BOM: read as UTF-8 whatever follows
])
def test_other_rows_have_another_hash(tmp_path: Path, other: str) -> None:
    first = written(tmp_path / "a.csv", f"{HEADER}\n{ROW}\n".encode())
    second = written(tmp_path / "b.csv", other.encode())

    assert read_export_file(first).content_hash != read_export_file(second).content_hash


def test_the_rows_are_read_from_the_file_not_kept_in_memory(tmp_path: Path) -> None:
    path = written(tmp_path / "a.csv", f"{HEADER}\n{ROW}\n".encode())
    table = read_export_file(path).tables[0]
    path.write_bytes(f"{HEADER}\n{ROW.replace('S1', 'S2')}\n".encode())

    assert [row[0] for _, row in table.rows(1)] == ["S2"]


def test_a_file_that_changes_to_undecodable_while_read_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path / "a.csv", f"\ufeff{HEADER}\n{ROW}\n".encode())
    table = read_export_file(path).tables[0]
    path.write_bytes(b"\xef\xbb\xbf" + f"{HEADER}\n".encode() + b"S1;\xff\n")

    with pytest.raises(NotAnExportError) as refused:
        list(table.rows(1))
    assert refused.value.key == "import.changed_while_read"


@pytest.mark.parametrize(("data", "byte", "position"), [
    (b"\xef\xbb\xbfab\xffc", "ff", 2),  # after a BOM: counted from the text after it
    (b"ab" + b"x" * (1 << 20) + b"\x81", "81", 2 + (1 << 20)),  # cp1252's undefined byte
    (b"\xef\xbb\xbfab" + "æ".encode() * (1 << 19) + b"\xc3", "c3", 2 + (1 << 20)),  # cut off
])
def test_an_undecodable_byte_is_named_where_it_is(
    tmp_path: Path, data: bytes, byte: str, position: int
) -> None:
    path = written(tmp_path / "a.csv", data)
    with pytest.raises(NotAnExportError) as refused:
        read_export_file(path)
    assert refused.value.key == "import.undecodable"
    assert refused.value.params["byte"] == byte
    assert refused.value.params["position"] == position


def test_a_character_split_between_two_reads_is_decoded(tmp_path: Path) -> None:
    # The 1 MiB read ends inside "æ" (two bytes in UTF-8).
    data = b"\xef\xbb\xbf" + f"{HEADER}\n".encode()
    data += b"x;\n" * (((1 << 20) - len(data)) // 3 - 1)
    data += b"x" * ((1 << 20) - len(data) - 1) + "æ;\n".encode()
    assert data[(1 << 20) - 1:(1 << 20) + 1] == "æ".encode()
    path = written(tmp_path / "a.csv", data)

    table = read_export_file(path).tables[0]

    assert table.delimiter == ";" and list(table.rows(1))[-1][1][0][-1] == "æ"


def _traced_import_peak(folder: Path, count: int) -> int:
    """The peak traced memory of importing ``count`` cases with 8 events each, afresh."""
    folder.mkdir()
    days = [f"2026-0{month}-{day:02d}" for month in (2, 3) for day in range(1, 29)]
    files = [
        write_cases(folder / "sager.csv", (
            Case(f"S{number:07d}", name=f"Borger nummer {number}") for number in range(count))),
        write_events(folder / "haendelser.csv", (
            (f"S{number:07d}", days[(number + step * 7) % len(days)], "samtale")
            for number in range(count) for step in range(8))),
    ]
    database = Database.open(folder / "workbench.db")
    try:
        database.migrate()
        tracemalloc.start()
        try:
            summary = importer.import_files(database, files, today=dt.date(2026, 11, 22),
                                            mappings=bundled_mappings())
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    finally:
        database.dispose()
    assert (summary.new, summary.events_added, summary.rejected) == (count, 8 * count, ())
    return peak


def test_the_import_holds_ids_not_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small chunks and reads, so that 10³ rows are many, as 10⁶ rows are at the real size.
    monkeypatch.setattr(importer, "CHUNK", 250)
    monkeypatch.setattr(bulk, "CHUNK", 250)
    monkeypatch.setattr(reading, "READ_SIZE", 1 << 14)
    peaks = [_traced_import_peak(tmp_path / str(count), count) for count in (1500, 3000)]

    # Each further case (a row of 9 fields and 8 event rows, some 400 bytes of text) may
    # cost its Sags-ID and a number in a dictionary, not its rows: holding them (the file's
    # text, the records, the events' keys, as the import once did) costs 2 kB a case.
    per_case = (peaks[1] - peaks[0]) / 1500
    assert per_case < 400, f"{per_case:.0f} bytes of memory per case"


def _import(folder: Path, files: list[Path]) -> tuple[int, int, bool]:
    database = Database.open(folder / "workbench.db")
    try:
        database.migrate()
        summary = importer.import_files(database, files, today=dt.date(2026, 11, 22),
                                        mappings=bundled_mappings())
    finally:
        database.dispose()
    return summary.new, summary.updated, summary.unchanged


def test_the_same_rows_in_new_files_are_an_import_already_done(tmp_path: Path) -> None:
    first = [write_cases(tmp_path / "sager.csv", [Case("S1"), Case("S2")]),
             write_events(tmp_path / "haendelser.csv", [("S1", "2026-02-02", "samtale")])]
    again = tmp_path / "again"
    again.mkdir()
    copies = [written(again / path.name, path.read_bytes().replace(b"\r\n", b"\n") + b"\n\n")
              for path in first]
    changed = tmp_path / "changed"
    changed.mkdir()
    renamed = [write_cases(changed / "sager.csv", [Case("S1"), Case("S2", name="Anne Berg")]),
               copies[1]]

    assert _import(tmp_path, first) == (2, 0, False)
    assert _import(tmp_path, copies) == (0, 0, True)
    assert _import(tmp_path, renamed) == (0, 1, False)


def test_the_cycle_collector_is_paused_while_the_rows_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    apply_cases = importer._ImportRun.apply_cases

    def spy(run: importer._ImportRun, rows: importer.CaseRows, threshold: float) -> None:
        seen.append(gc.isenabled())
        apply_cases(run, rows, threshold)

    monkeypatch.setattr(importer._ImportRun, "apply_cases", spy)
    gc.enable()
    database = Database.open(tmp_path / "workbench.db")
    try:
        database.migrate()
        importer.import_files(database, [write_cases(tmp_path / "a.csv", [Case("S1")])],
                              today=dt.date(2026, 3, 10), mappings=bundled_mappings())
    finally:
        database.dispose()
    assert seen == [False]
    assert gc.isenabled()
