"""The demo export: fictional but plausible, complete, and always the same for a seed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from workbench import demo
from workbench.cpr import parse_cpr
from workbench.session import Workbench
from workbench.vocabulary import EventKind, Scheme

TODAY = dt.date(2026, 11, 22)


def test_the_same_seed_gives_the_same_export() -> None:
    assert demo.generate(50, 7, TODAY) == demo.generate(50, 7, TODAY)
    assert demo.generate(50, 7, TODAY) != demo.generate(50, 8, TODAY)


def test_cpr_numbers_are_valid_with_real_working_age_birth_dates() -> None:
    export = demo.generate(500, 1, TODAY)
    for case in export.cases:
        cpr = parse_cpr(case.cpr)
        assert 17 <= cpr.age_on(case.start) <= 65, case
    assert len({case.cpr for case in export.cases}) > 490


def test_every_scheme_several_caseworkers_and_teams_of_three() -> None:
    export = demo.generate(400, 1, TODAY)
    assert {case.scheme for case in export.cases} == set(Scheme)
    per_team: dict[str, set[str]] = {}
    for case in export.cases:
        per_team.setdefault(case.team, set()).add(case.caseworker)
    assert len(per_team) >= 3
    assert all(len(people) == demo.TEAM_SIZE for people in per_team.values())
    assert len({case.caseworker for case in export.cases}) >= 9


def test_caseloads_grow_with_the_export_to_a_realistic_size() -> None:
    export = demo.generate(3000, 2, TODAY)
    loads = Counter(case.caseworker for case in export.cases)
    assert 40 <= sum(loads.values()) / len(loads) <= 150


def test_event_histories_are_plausible() -> None:
    export = demo.generate(300, 1, TODAY)
    by_case = {case.case_id: case for case in export.cases}
    kinds: dict[Scheme, set[EventKind]] = {}
    for event in export.events:
        case = by_case[event.case_id]
        assert case.start <= event.date <= (case.closed_on or TODAY)
        kinds.setdefault(case.scheme, set()).add(event.kind)
    assert EventKind.REHABILITERINGSTEAM in kinds[Scheme.JOBAFKLARINGSFORLOB]
    assert EventKind.FAELLESSAMTALE in kinds[Scheme.FORSIKRET_LEDIG]
    assert EventKind.SCREENING in kinds[Scheme.SYGEDAGPENGE]
    assert kinds[Scheme.KONTANTHJAELP] == {EventKind.SAMTALE}
    assert 2 <= len(export.events) / len(export.cases) <= 10
    assert any(case.closed_on for case in export.cases)


def test_a_demo_caseload_has_every_colour(tmp_path: Path) -> None:
    export = demo.generate(200, 1, TODAY)
    files = demo.write_export(export, tmp_path)
    with Workbench.open(tmp_path / "w.db") as workbench:
        summary = workbench.imports.import_files(files, today=TODAY)
        demo.add_local_work(workbench, TODAY, seed=1)
        statuses = Counter(row.status.value for row in workbench.cases.caseload(TODAY))
        waiting = workbench.inquiries.rows(TODAY)
    assert summary.rejected == () and summary.new == 200
    assert summary.events_added == len(export.events)
    assert set(statuses) == {"red", "amber", "green"}
    assert waiting
