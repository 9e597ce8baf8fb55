"""The whole caseload read, as the window's first fill makes it: plain rows, each date once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers.exports import TODAY, Case, write_cases, write_events
from workbench.cpr import Cpr
from workbench.engine import Status
from workbench.session import Workbench


def test_the_list_rows_share_each_date_and_mask_each_cpr(workbench: Workbench,
                                                        tmp_path: Path) -> None:
    """Each distinct date is made once for the whole read; the rows are what the engine says."""
    rows = [Case("S1", cpr="010190-1234", start="2026-01-05"),
            Case("S2", cpr="020280-2345", start="2026-01-05"),
            Case("S3", cpr="030370-3456", start="2025-10-01", caseworker="DEF"),
            Case("S4", cpr="040460-4567", start="2025-10-01", closed="2026-03-01")]
    workbench.imports.import_files(
        [write_cases(tmp_path / "a.csv", rows),
         write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")])], today=TODAY)

    found = {row.case_id: row for row in workbench.cases.caseload(TODAY)}

    assert sorted(found) == ["S1", "S2", "S3"]
    assert found["S1"].start == found["S2"].start == dt.date(2026, 1, 5)
    assert found["S1"].start is found["S2"].start
    assert found["S3"].start == dt.date(2025, 10, 1)
    assert found["S2"].next_due is not None and found["S3"].next_due is not None
    assert {row.cpr_masked for row in found.values()} == {
        Cpr(digits).masked for digits in ("0101901234", "0202802345", "0303703456")}
    for row in found.values():
        assert row.status in (Status.RED, Status.AMBER, Status.GREEN)
        assert row.week == (TODAY - row.start).days // 7 + 1
    # The stored rows agree with a fresh evaluation of every case, row for row.
    assert workbench.deadlines.verify(TODAY) == []
