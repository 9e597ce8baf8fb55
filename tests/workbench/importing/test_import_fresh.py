"""An import into an empty store: the events go in without lookups, their indexes built after.

The guarantees are those of any import: an event's key (case, date, kind) is stored once,
the first row of a repeated key counts, and a rollback leaves the store (and its schema) as
it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from tests.helpers.exports import TODAY, cases, snapshot, write_cases, write_events
from workbench.importing import importer
from workbench.session import Workbench
from workbench.store.models import events, metadata


def _schema_differences(workbench: Workbench) -> list[object]:
    with workbench.database.transaction() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def _key_is_unique(workbench: Workbench) -> bool:
    """Whether the store refuses a second event with a stored event's key."""
    with workbench.database.transaction() as connection:
        case_id, day, kind = connection.execute(
            select(events.c.case_id, events.c.date, events.c.kind).limit(1)).one()
    try:
        with workbench.database.transaction(write=True) as connection:
            connection.execute(insert(events).values(
                case_id=case_id, date=day, kind=kind, source="local", confirmed=False))
    except IntegrityError:
        return True
    return False


def test_a_first_import_keeps_the_first_of_each_repeated_event(
        workbench: Workbench, tmp_path: Path) -> None:
    # Each key four times, a hundred rows apart; one key written two ways.
    rows = [(f"S{n % 50 + 1}", f"2026-02-{n % 4 + 1:02d}", "samtale") for n in range(400)]
    rows += [("S7", "01-03-2026", "SCREENING"), ("S7", "2026-03-01", "screening")]
    distinct = {(f"S{n % 50 + 1}", dt.date(2026, 2, n % 4 + 1), "samtale") for n in range(100)}
    distinct.add(("S7", dt.date(2026, 3, 1), "screening"))

    summary = workbench.imports.import_files(
        [write_cases(tmp_path / "a.csv", cases(50)), write_events(tmp_path / "e.csv", rows)],
        today=TODAY)

    assert summary.events_added == len(distinct) == 101
    assert summary.rejected == ()
    with workbench.database.transaction() as connection:
        stored = connection.execute(select(events.c.case_id, events.c.date, events.c.kind)).all()
    assert sorted(stored) == sorted(distinct)
    assert _schema_differences(workbench) == []
    assert _key_is_unique(workbench)


def test_the_first_row_of_a_repeated_key_is_the_one_kept(
        workbench: Workbench, tmp_path: Path) -> None:
    rows = [("S1", "2026-02-01", "samtale"), ("S2", "2026-02-01", "samtale"),
            ("S1", "01-02-2026", "SAMTALE")]

    workbench.imports.import_files(
        [write_cases(tmp_path / "a.csv", cases(2)), write_events(tmp_path / "e.csv", rows)],
        today=TODAY)

    with workbench.database.transaction() as connection:
        order = connection.execute(
            select(events.c.case_id).order_by(events.c.id)).scalars().all()
    assert order == ["S1", "S2"]  # S1's event is the first inserted, not the repeat


def test_a_first_import_looks_up_no_stored_event(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_lookup(*_args: object) -> set[object]:
        raise AssertionError("an empty store has no events to look up")

    monkeypatch.setattr(importer._ImportRun, "_stored_event_keys", no_lookup)
    summary = workbench.imports.import_files(
        [write_cases(tmp_path / "a.csv", cases(3)),
         write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale"),
                                           ("S3", "2026-02-02", "samtale")])],
        today=TODAY)

    assert summary.events_added == 2


def test_a_first_import_that_fails_after_its_events_leaves_the_store_as_it_was(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(workbench)

    def fail(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer._ImportRun, "finish", fail)
    with pytest.raises(RuntimeError):
        workbench.imports.import_files(
            [write_cases(tmp_path / "a.csv", cases(2)),
             write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale"),
                                               ("S1", "2026-02-01", "samtale")])],
            today=TODAY)

    assert snapshot(workbench) == before
    assert _schema_differences(workbench) == []
    monkeypatch.undo()
    workbench.imports.import_files(
        [write_cases(tmp_path / "a.csv", cases(2)),
         write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")])], today=TODAY)
    assert _key_is_unique(workbench)


def test_a_dry_run_into_an_empty_store_keeps_its_schema(
        workbench: Workbench, tmp_path: Path) -> None:
    preview = workbench.imports.preview_import(
        [write_cases(tmp_path / "a.csv", cases(2)),
         write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale"),
                                           ("S1", "2026-02-01", "samtale"),
                                           ("S2", "2026-02-01", "samtale")])],
        today=TODAY)

    assert preview.summary.events_added == 2
    assert _schema_differences(workbench) == []
    with workbench.database.transaction() as connection:
        assert connection.execute(select(func.count()).select_from(events)).scalar_one() == 0


def _pragma_during_events(pragma: str, workbench: Workbench, tmp_path: Path, name: str,
                          monkeypatch: pytest.MonkeyPatch) -> int:
    """SQLite's ``PRAGMA pragma`` while an import (events of kind ``name``) applies its events."""
    seen: list[int] = []
    apply_events = importer._ImportRun.apply_events

    def spy(run: importer._ImportRun, tables: object) -> None:
        seen.append(run.connection.exec_driver_sql(f"PRAGMA {pragma}").scalar_one())
        apply_events(run, tables)  # type: ignore[arg-type]

    monkeypatch.setattr(importer._ImportRun, "apply_events", spy)
    (tmp_path / name).mkdir()
    workbench.imports.import_files(
        [write_cases(tmp_path / name / "a.csv", cases(3)),
         write_events(tmp_path / name / "e.csv", [(f"S{n}", "2026-02-01", name)
                                                  for n in (1, 2, 3)])], today=TODAY)
    monkeypatch.undo()
    return seen[0]


def test_a_first_import_on_sqlite_keeps_a_small_page_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        with workbench.database.transaction() as connection:
            before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()

        first = _pragma_during_events("cache_size", workbench, tmp_path, "samtale", monkeypatch)
        later = _pragma_during_events("cache_size", workbench, tmp_path, "screening", monkeypatch)

        assert first == -importer.FRESH_IMPORT_PAGE_CACHE_KIB
        assert later == -importer.IMPORT_PAGE_CACHE_KIB  # its lookups want the large one
        with workbench.database.transaction() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar_one() == before


def test_a_first_import_on_sqlite_checks_the_foreign_keys_once_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        first = _pragma_during_events("foreign_keys", workbench, tmp_path, "samtale",
                                      monkeypatch)
        later = _pragma_during_events("foreign_keys", workbench, tmp_path, "screening",
                                      monkeypatch)
        assert (first, later) == (0, 1)
        with workbench.database.transaction() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_a_first_import_that_breaks_a_foreign_key_is_rolled_back_whole(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(workbench)
    finish = importer._ImportRun.finish

    def an_event_of_no_case(run: importer._ImportRun, *args: object) -> object:
        run.connection.execute(insert(events).values(
            case_id="nobody", date=dt.date(2026, 2, 1), kind="samtale", source="central",
            confirmed=False))
        return finish(run, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importer._ImportRun, "finish", an_event_of_no_case)
    with pytest.raises(IntegrityError):
        workbench.imports.import_files(
            [write_cases(tmp_path / "a.csv", cases(2)),
             write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")])],
            today=TODAY)

    assert snapshot(workbench) == before
