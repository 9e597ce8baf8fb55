"""The import under attack: real export files cut, spliced and re-delimited (issue 13).

Each example takes the cases file of a real (demo) export, as the central system writes it,
and damages it: cuts it at any byte, drops, doubles or moves a stretch of it, joins lines,
opens a quote, or writes some lines (or all) with another delimiter. Then it imports the
result into the seeded store and asserts what the import promises whatever the file holds:

* no traceback: the import finishes or refuses the file with the workbench's own error,
  so the command line exits 0, 2 or 3 (a sample of the examples runs the command line
  itself, to show that mapping);
* no case whose Sags-ID appears anywhere in the file is closed as missing from it (a row
  that survives the damage may still close its case by its own closing date: that is the
  file's word). "Appears" means as a word of the file: between delimiters, quotes, white
  space or line ends (so "2026-000012" is not in "2026-0000123");
* a refused file changes nothing.

It runs 5,000 examples. To keep that within a minute or two, every example reuses one open
store and puts it back in its seeded state with a handful of statements (instead of copying
and migrating a database per example), and imports the cases file only (events never close
a case). The store is the real one (SQLite) and the import the real ``wb.imports.import_files``
with its backup and audit.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from workbench import demo
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_REJECTED_ROWS, main
from workbench.errors import WorkbenchError
from workbench.session import Workbench
from workbench.store.models import cases, import_files, imports, rejected_rows

TODAY = dt.date(2026, 3, 10)
#: The export is imported the day after it was written: no date in it is the import's date,
#: so a case closed on that date was closed as missing, not by its row's closing date.
IMPORT_DAY = TODAY + dt.timedelta(days=1)
EXAMPLES = 5_000
#: One example in this many also runs through the command line (the exit code contract).
CLI_EVERY = 100
_WORD_SEPARATORS = re.compile(r"[\s;,\t\"']+")

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English (the command line's are only checked for their exit code)."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")


class Seeded:
    """One open store with a real export imported, and the means to put it back so."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        export = demo.generate(40, seed=13, today=TODAY)
        self.case_file, _events = demo.write_export(export, folder / "export")
        self.original = self.case_file.read_bytes()
        self.database_path = folder / "store.db"
        self.workbench = Workbench.open(self.database_path)
        self.workbench.imports.import_files([self.case_file], today=IMPORT_DAY)
        with self.workbench.database.transaction() as connection:
            self.cases = [dict(row._mapping) for row in connection.execute(select(cases))]
            self.seed_import = connection.execute(select(imports.c.id)).scalar_one()
        self.open_ids = {row["case_id"] for row in self.cases if row["closed_on"] is None}
        assert len(self.open_ids) > 20
        self.examples = 0

    def restore(self) -> None:
        """Back to the seeded cases and import history.

        The audit log is append-only and left as it is: it plays no part in what an import
        decides.
        """
        later = self.seed_import
        with self.workbench.database.transaction(write=True) as connection:
            connection.execute(delete(rejected_rows).where(rejected_rows.c.import_id > later))
            connection.execute(delete(import_files).where(import_files.c.import_id > later))
            connection.execute(delete(imports).where(imports.c.id > later))
            connection.execute(delete(cases))
            connection.execute(cases.insert(), self.cases)

    def open_now(self) -> set[str]:
        with self.workbench.database.transaction() as connection:
            return set(connection.execute(
                select(cases.c.case_id).where(cases.c.closed_on.is_(None))).scalars())

    def closed_as_missing(self) -> set[str]:
        """The cases the import closed for being absent (on the import's date)."""
        with self.workbench.database.transaction() as connection:
            return set(connection.execute(
                select(cases.c.case_id).where(cases.c.closed_on == IMPORT_DAY)).scalars())


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """The seeded store, on a RAM disk where the machine has one.

    5,000 imports then cost no disk syncs; the code path is the same on any disk.
    """
    ram_disk = Path("/dev/shm")
    if ram_disk.is_dir() and os.access(ram_disk, os.W_OK):
        with tempfile.TemporaryDirectory(dir=ram_disk, prefix="workbench-fuzz-") as folder:
            store = Seeded(Path(folder))
            yield store
            store.workbench.close()
    else:
        store = Seeded(tmp_path_factory.mktemp("fuzz"))
        yield store
        store.workbench.close()


# --- damage: what happens to a file on its way from the central system --------------------


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """The file with one to three kinds of damage done to it, in any order."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        damage = draw(st.sampled_from(("cut", "drop", "double", "move", "join", "quote",
                                       "redelimit_lines", "redelimit_all", "splice_lines")))
        data = _DAMAGE[damage](draw, data)
    return data


def _position(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _stretch(draw: st.DrawFn, data: bytes) -> tuple[int, int]:
    start = _position(draw, data)
    return start, min(len(data), start + draw(st.integers(0, 400)))


def _cut(draw: st.DrawFn, data: bytes) -> bytes:
    return data[:_position(draw, data)]


def _drop(draw: st.DrawFn, data: bytes) -> bytes:
    start, end = _stretch(draw, data)
    return data[:start] + data[end:]


def _double(draw: st.DrawFn, data: bytes) -> bytes:
    start, end = _stretch(draw, data)
    return data[:end] + data[start:end] + data[end:]


def _move(draw: st.DrawFn, data: bytes) -> bytes:
    start, end = _stretch(draw, data)
    rest = data[:start] + data[end:]
    at = _position(draw, rest)
    return rest[:at] + data[start:end] + rest[at:]


def _join(draw: st.DrawFn, data: bytes) -> bytes:
    ends = [match.start() for match in re.finditer(rb"\r\n", data)]
    if not ends:
        return data
    at = draw(st.sampled_from(ends))
    return data[:at] + data[at + 2:]


def _quote(draw: st.DrawFn, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + b'"' + data[at:]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n")


def _redelimit_lines(draw: st.DrawFn, data: bytes) -> bytes:
    lines = _lines(data)
    chosen = draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=5))
    other = draw(st.sampled_from((b",", b"\t", b"|")))
    partly = draw(st.booleans())
    for index in chosen:
        line = lines[index]
        if partly:  # only the first fields of the line
            cut = draw(st.integers(0, len(line)))
            lines[index] = line[:cut].replace(b";", other) + line[cut:]
        else:
            lines[index] = line.replace(b";", other)
    return b"\r\n".join(lines)


def _redelimit_all(draw: st.DrawFn, data: bytes) -> bytes:
    return data.replace(b";", draw(st.sampled_from((b",", b"\t"))))


def _splice_lines(draw: st.DrawFn, data: bytes) -> bytes:
    """The start of one line glued to the end of another (a write interrupted and resumed)."""
    lines = _lines(data)
    first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    head = lines[first][:draw(st.integers(0, len(lines[first])))]
    tail = lines[second][draw(st.integers(0, len(lines[second]))):]
    lines[first] = head + tail
    return b"\r\n".join(lines)


_DAMAGE = {
    "cut": _cut, "drop": _drop, "double": _double, "move": _move, "join": _join,
    "quote": _quote, "redelimit_lines": _redelimit_lines, "redelimit_all": _redelimit_all,
    "splice_lines": _splice_lines,
}


def words_of(data: bytes) -> set[str]:
    """Every word of the file, as "appears anywhere in the file" means it."""
    return set(_WORD_SEPARATORS.split(data.decode("latin-1")))


# --- the property --------------------------------------------------------------------------


def test_a_damaged_export_never_closes_a_case_it_names_and_never_crashes(
    seeded: Seeded, capsys: pytest.CaptureFixture[str]
) -> None:
    outcomes: dict[int, int] = {}

    @FUZZ
    @given(data=damaged(seeded.original), force=st.booleans())
    def check(data: bytes, force: bool) -> None:
        seeded.restore()
        seeded.examples += 1
        path = seeded.folder / "sager.csv"
        path.write_bytes(data)
        try:
            summary = seeded.workbench.imports.import_files([path], today=IMPORT_DAY, force=force)
        except WorkbenchError as refused:
            code = EXIT_INPUT
            assert str(refused)
            assert seeded.open_now() == seeded.open_ids  # refused: nothing changed
        else:
            code = EXIT_REJECTED_ROWS if summary.rejected else EXIT_OK
            closed = seeded.closed_as_missing()
            named = words_of(data)
            assert not closed & named, f"closed although the file names them: {closed & named}"
        outcomes[code] = outcomes.get(code, 0) + 1
        if seeded.examples % CLI_EVERY == 0:  # the command line maps it to the same code
            seeded.restore()
            argv = ["--db", str(seeded.database_path), "import", str(path), "--today",
                    IMPORT_DAY.isoformat(), *(["--force"] if force else [])]
            assert main(argv) == code
            assert "Traceback" not in capsys.readouterr().err

    check()
    assert sum(outcomes.values()) >= EXAMPLES
    # The damage reaches every outcome: refused, imported with rejections, imported clean.
    assert all(outcomes.get(code, 0) > 50 for code in (EXIT_OK, EXIT_INPUT, EXIT_REJECTED_ROWS))
