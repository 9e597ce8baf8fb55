"""Evaluating many cases in rounds (workbench.deadlines): by range of Sags-IDs or by name.

A whole-centre first read or a profile switch evaluates the caseload in rounds that read a
range of Sags-IDs in the database's own order; these tests make the rounds tiny so that a
small caseload takes every path (exact ranges, ranges with cases not asked for, cases by
name, Sags-IDs no case has), on SQLite and on PostgreSQL, whose collation orders text
otherwise than Python.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import event, insert, select

from tests.workbench.test_deadlines import FIRST_DAY, Caseload, team_on_a_random_caseload
from workbench import deadlines
from workbench.session import Workbench
from workbench.store.models import case_deadlines, cases

#: Sags-IDs that sort differently by code point and by a language's collation.
ODD_IDS = ("a-1", "A2", "b", "B", "æ1", "Z", "10", "9", "a 3", "å", "_x", "Ø-7")


def _add_cases(workbench: Workbench, case_ids: tuple[str, ...]) -> None:
    with workbench.database.transaction(write=True) as connection:
        connection.execute(insert(cases), [
            {"case_id": case_id, "cpr": "0101901234", "name": "Anne", "scheme": "sygedagpenge",
             "caseworker": "AB", "team": "Nord", "start": dt.date(2025, 12, 1)}
            for case_id in case_ids])


@pytest.mark.parametrize("asked", [ODD_IDS, ODD_IDS[:9], ODD_IDS[1::2], (*ODD_IDS[2:], "gone")])
def test_rounds_cover_exactly_the_cases_asked_for(database_url: str, asked: tuple[str, ...],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadlines, "CHUNK", 3)
    with Workbench.open(database_url) as workbench:
        _add_cases(workbench, ODD_IDS)
        with workbench.database.transaction() as connection:
            rounds = list(deadlines._rounds(connection, list(reversed(asked))))
            seen: list[str] = []
            for part in rounds:
                assert 0 < len(part.case_ids) <= 3
                read = set(connection.execute(select(cases.c.case_id).where(
                    *part.selecting(cases.c.case_id))).scalars())
                deleted = set(connection.execute(select(cases.c.case_id).where(
                    *part.deleting(cases.c.case_id))).scalars())
                assert set(part.case_ids) - {"gone"} <= read
                assert deleted == set(part.case_ids) - {"gone"}
                assert part.exact == (read == set(part.case_ids) - {"gone"})
                seen.extend(part.case_ids)
    assert sorted(seen) == sorted(asked)
    if len(asked) > 3 * 3:   # many: most go by range
        assert any(part.first is not None for part in rounds)


def test_every_case_goes_by_exact_ranges(database_url: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadlines, "CHUNK", 5)
    with Workbench.open(database_url) as workbench:
        _add_cases(workbench, ODD_IDS)
        with workbench.database.transaction() as connection:
            rounds = list(deadlines._rounds(connection, None))
    assert [len(part.case_ids) for part in rounds] == [5, 5, 2]
    assert all(part.exact and part.first is not None for part in rounds)
    assert sorted(case_id for part in rounds for case_id in part.case_ids) == sorted(ODD_IDS)


def test_a_refresh_in_ranges_replaces_only_the_rows_asked_for(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadlines, "CHUNK", 4)
    with Workbench.open(database_url) as workbench:
        _add_cases(workbench, ODD_IDS)
        workbench.deadlines.recompute_all(FIRST_DAY)
        kept = {"b", "Z", "å"}
        with workbench.database.transaction(write=True) as connection:
            connection.execute(case_deadlines.update().values(rule_id="OLD"))
            workbench.deadlines.refresh(connection, [*sorted(set(ODD_IDS) - kept), "gone"],
                                        FIRST_DAY)
            rules = dict(connection.execute(select(case_deadlines.c.case_id,
                                                   case_deadlines.c.rule_id)).all())
    assert {case_id for case_id, rule in rules.items() if rule == "OLD"} == kept
    assert set(rules) == set(ODD_IDS)


@pytest.mark.parametrize("seed", [4, 5])
def test_stored_deadlines_equal_a_fresh_evaluation_in_tiny_rounds(
        database_url: str, tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every change only marks its cases; reads evaluate them three cases a round."""
    monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", 0)
    monkeypatch.setattr(deadlines, "CHUNK", 3)
    with team_on_a_random_caseload(database_url, tmp_path, seed, 20) as (
            workbench, _teammate, steps):
        for _done in steps.run(16):
            assert workbench.deadlines.verify(steps.today) == [], steps.done
            workbench.deadlines.recompute_all(steps.today)
            assert workbench.deadlines.verify(steps.today) == [], steps.done


def _indexes(workbench: Workbench) -> list[tuple[str, str]]:
    with workbench.database.transaction() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('case_deadlines', 'open_milestones') ORDER BY name")]


def test_a_write_of_many_rows_makes_the_indexes_again(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """On SQLite the stored rows' indexes are set aside while many rows are written."""
    monkeypatch.setattr(deadlines, "CHUNK", 4)
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        _add_cases(workbench, ODD_IDS)
        before = _indexes(workbench)
        with workbench.database.transaction(write=True) as connection:
            with deadlines._indexes_set_aside(connection, many=True):
                inside = connection.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                    "NULL AND tbl_name = 'case_deadlines'").scalar_one()
            assert inside == 0
        workbench.deadlines.recompute_all(FIRST_DAY)
        assert _indexes(workbench) == before
        assert "ix_case_deadlines_caseworker_due" in {name for name, _sql in before}
        with workbench.database.transaction() as connection:
            plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM case_deadlines "
                "WHERE caseworker = 'AB' AND next_due < '2026-01-12'"))
        assert "ix_case_deadlines_caseworker_due" in plan


def test_the_first_read_after_a_whole_import_marks_no_row_again(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No profile was stored yet, but no row was evaluated either: none is marked again.

    (Rows evaluated with another profile are: test_deadlines.py.)
    """
    monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", 0)
    load = Caseload(random.Random(6), tmp_path / "exports", 12)
    statements: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.split()))

    with Workbench.open(database_url) as workbench:
        workbench.imports.import_files(load.files(), today=FIRST_DAY)
        with workbench.database.transaction() as connection:
            # No row at all: not evaluated (store.touched.leave_unevaluated).
            assert connection.execute(select(case_deadlines.c.case_id)).first() is None
        event.listen(workbench.database.engine, "before_cursor_execute", seen)
        try:
            rows = workbench.cases.caseload(FIRST_DAY)
        finally:
            event.remove(workbench.database.engine, "before_cursor_execute", seen)
        assert rows
        assert not [s for s in statements if s.startswith("UPDATE case_deadlines")]
        assert workbench.deadlines.verify(FIRST_DAY) == []
