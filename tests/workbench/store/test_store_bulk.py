"""The bulk inserter: rows as given, and columns whose value is the same in every row."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from workbench.session import Workbench
from workbench.store.bulk import BulkInserter
from workbench.store.models import imports, rejected_rows


def test_constant_columns_are_stored_in_every_row(workbench: Workbench) -> None:
    with workbench.database.transaction(write=True) as connection:
        key = connection.execute(insert(imports).values(
            imported_at=dt.datetime(2026, 3, 1, 10), export_date=dt.date(2026, 3, 1),
        )).inserted_primary_key
        assert key is not None
        import_id = int(key[0])
        count = BulkInserter(connection).insert(
            rejected_rows, ("line", "reason"), [(n, f"reason {n}") for n in range(1, 4)],
            {"import_id": import_id, "file": "it's a file", "field": None})
    assert count == 3
    with workbench.database.transaction() as connection:
        stored = connection.execute(select(
            rejected_rows.c.import_id, rejected_rows.c.file, rejected_rows.c.line,
            rejected_rows.c.field, rejected_rows.c.reason).order_by(rejected_rows.c.line)).all()
    assert [tuple(row) for row in stored] == [
        (import_id, "it's a file", n, None, f"reason {n}") for n in range(1, 4)]


def test_a_constant_that_is_no_text_number_or_null_is_refused(workbench: Workbench) -> None:
    with pytest.raises(TypeError), workbench.database.transaction(write=True) as connection:
        BulkInserter(connection).insert(rejected_rows, ("line",), [(1,)],
                                        {"reason": dt.date(2026, 1, 1)})
