"""The caseload read narrowed to some cases: what the window reads after one change."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.exports import TODAY, Case, write_cases, write_events
from workbench.session import Workbench
from workbench.vocabulary import EventKind


def test_a_narrowed_read_gives_exactly_those_open_cases_rows(workbench: Workbench,
                                                             tmp_path: Path) -> None:
    rows = [Case("S1", start="2026-01-05"), Case("S2", start="2026-02-02"),
            Case("S3", caseworker="DEF", team="Syd", start="2025-10-01"),
            Case("S5", closed="2026-03-01")]
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", rows),
                            write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")])],
                           today=TODAY)
    everyone = {row.case_id: row for row in workbench.cases.caseload(TODAY)}

    narrowed = workbench.cases.caseload(TODAY, case_ids={"S3", "S1", "S5", "S9"})

    # The same rows as the whole read, in its order; a closed or unknown case has none.
    assert narrowed == [row for row in everyone.values() if row.case_id in {"S1", "S3"}]
    assert workbench.cases.caseload(TODAY, case_ids=()) == []
    assert workbench.cases.caseload(TODAY, caseworker="DEF",
                                    case_ids={"S1", "S3"}) == [everyone["S3"]]
    workbench.registrations.register_event("S2", EventKind.SAMTALE, TODAY, by="AB")
    (s2,) = workbench.cases.caseload(TODAY, case_ids={"S2"})
    assert s2 != everyone["S2"] and s2.milestone_id != everyone["S2"].milestone_id
