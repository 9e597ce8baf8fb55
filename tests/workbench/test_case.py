"""One ``Case`` shape: the import row, the store row, the engine input and the list row agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from tests.helpers.exports import TODAY, write_cases, write_events
from tests.helpers.exports import Case as CaseLine
from workbench.case import Case
from workbench.engine import CaseEvent, CaseFacts, evaluate_case
from workbench.importing.mapping import bundled_mappings, recognise
from workbench.importing.rows import RowReader
from workbench.resources import load_named_profile
from workbench.session import Workbench
from workbench.store.models import cases
from workbench.views import CaseRow
from workbench.vocabulary import EventKind, Scheme

SICK_PAY = Case(case_id="S1", cpr="0101901234", name="Anne Jensen", scheme=Scheme.SYGEDAGPENGE,
                caseworker="ABC", team="Nord", start=dt.date(2026, 1, 5))


def test_the_import_reads_a_row_into_the_case_it_states() -> None:
    header = ["Sags-ID", "CPR", "Navn", "Ordning", "Sagsbehandler", "Team", "Startdato",
              "Afsluttet"]
    recognised = recognise(header, bundled_mappings())
    assert recognised is not None
    reader = RowReader(header, recognised.columns, "a.csv", today=TODAY)
    cells = ["S1", "010190-1234", "Anne Jensen", "sygedagpenge", "ABC", "Nord", "2026-01-05",
             ""]
    checked = reader.case_record(2, cells)
    fast = reader.case_record(3, cells)  # the caches are filled now: the fast way
    assert checked.case == fast.case == SICK_PAY
    assert (checked.label, checked.line, fast.line) == ("a.csv", 2, 3)
    assert checked.case_id == "S1"


def test_a_stored_case_reads_back_as_the_case_imported(workbench: Workbench,
                                                       tmp_path: Path) -> None:
    closed = CaseLine("S2", scheme="FL", team="", closed="2026-03-01")
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", [CaseLine("S1"), closed])],
                           today=TODAY)
    with workbench.database.transaction() as connection:
        stored = {row.case_id: Case.from_store(row)
                  for row in connection.execute(select(cases))}
    assert stored["S1"] == SICK_PAY
    assert stored["S2"] == SICK_PAY._replace(case_id="S2", scheme=Scheme.FORSIKRET_LEDIG,
                                             team=None, closed_on=dt.date(2026, 3, 1))
    assert stored["S2"].store_values() == {
        "case_id": "S2", "cpr": "0101901234", "name": "Anne Jensen", "scheme": "forsikret ledig",
        "caseworker": "ABC", "team": None, "start": dt.date(2026, 1, 5),
        "closed_on": dt.date(2026, 3, 1)}
    assert stored["S1"].cpr_masked == "010190-xxxx"


def test_the_engine_input_and_the_list_row_are_made_from_the_case(
        workbench: Workbench, tmp_path: Path) -> None:
    workbench.imports.import_files([
        write_cases(tmp_path / "a.csv", [CaseLine("S1")]),
        write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")])], today=TODAY)
    facts = CaseFacts.of(SICK_PAY, [CaseEvent(dt.date(2026, 2, 1), EventKind.SAMTALE)])
    assert (facts.scheme, facts.start, facts.closed_on, facts.cpr and facts.cpr.digits) == (
        Scheme.SYGEDAGPENGE, dt.date(2026, 1, 5), None, "0101901234")
    evaluation = evaluate_case(facts, load_named_profile("kbh-2006-2017"), TODAY)
    row = CaseRow.of(SICK_PAY, evaluation, TODAY)
    assert row is not None
    assert [row] == workbench.cases.caseload(TODAY)  # the service's own list row, field for field
    assert (row.case_id, row.cpr_masked, row.week) == ("S1", "010190-xxxx", 10)


def test_a_closed_case_has_no_list_row() -> None:
    closed = SICK_PAY._replace(closed_on=dt.date(2026, 2, 1))
    evaluation = evaluate_case(CaseFacts.of(closed), load_named_profile("kbh-2006-2017"),
                               TODAY)
    assert CaseRow.of(closed, evaluation, TODAY) is None
