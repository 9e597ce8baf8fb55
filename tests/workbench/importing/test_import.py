"""The central-export import on SQLite and PostgreSQL: upserts, snapshots, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers.exports import (
    CASE_HEADER,
    TODAY,
    Case,
    cases,
    snapshot,
    write_cases,
    write_events,
    write_table,
)
from workbench.errors import InputError, NotAnExportError, TruncatedExportError
from workbench.importing import importer
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.store.models import events, imports, rejected_rows
from workbench.views import RejectedRow
from workbench.vocabulary import Channel, EventKind


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")


def import_(workbench: Workbench, *paths: Path, today: dt.date = TODAY, force: bool = False):
    return workbench.imports.import_files(list(paths), today=today, force=force)


def open_ids(workbench: Workbench, today: dt.date = TODAY) -> set[str]:
    return {row.case_id for row in workbench.cases.caseload(today)}


def stored_events(workbench: Workbench) -> list[tuple[str, dt.date, str, str, bool]]:
    query = select(events.c.case_id, events.c.date, events.c.kind, events.c.source,
                   events.c.confirmed).order_by(events.c.case_id, events.c.date, events.c.kind)
    with workbench.database.transaction() as connection:
        return [tuple(row) for row in connection.execute(query)]


# --- the first import and re-imports -------------------------------------------------


def test_first_import_creates_cases_and_events(workbench: Workbench, tmp_path: Path) -> None:
    case_file = write_cases(tmp_path / "sager.csv", [
        Case("S1"), Case("S2", scheme="FL", caseworker="DEF", team="Syd"),
    ])
    event_file = write_events(tmp_path / "haendelser.csv", [
        ("S1", "2026-02-01", "samtale"), ("S2", "2026-02-10", "fællessamtale"),
    ])

    summary = import_(workbench, case_file, event_file)

    assert (summary.new, summary.updated, summary.closed, summary.events_added) == (2, 0, 0, 2)
    assert summary.files == ("sager.csv", "haendelser.csv")
    assert summary.rejected == () and not summary.unchanged
    assert open_ids(workbench) == {"S1", "S2"}
    assert [e[:4] for e in stored_events(workbench)] == [
        ("S1", dt.date(2026, 2, 1), "samtale", "central"),
        ("S2", dt.date(2026, 2, 10), "fællessamtale", "central"),
    ]
    detail = workbench.cases.case_detail("S1", TODAY)
    assert detail.cpr_masked == "010190-xxxx" and detail.caseworker == "ABC"


def test_the_same_files_twice_change_nothing(workbench: Workbench, tmp_path: Path) -> None:
    case_file = write_cases(tmp_path / "sager.csv", [*cases(3), Case("X", cpr="bad")])
    event_file = write_events(tmp_path / "haendelser.csv", [("S1", "2026-02-01", "samtale")])
    first = import_(workbench, case_file, event_file)
    before = snapshot(workbench)

    second = import_(workbench, case_file, event_file)

    assert snapshot(workbench) == before
    assert second.unchanged
    assert (second.new, second.updated, second.closed, second.events_added) == (0, 0, 0, 0)
    assert second.rejected == first.rejected  # the same report as the first time


def test_same_content_in_new_files_changes_no_case_or_event(
    workbench: Workbench, tmp_path: Path
) -> None:
    rows = [Case("S1"), Case("S2", closed="2026-03-01")]
    import_(workbench, write_cases(tmp_path / "a.csv", rows),
            write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")]))
    before = snapshot(workbench)

    again = import_(workbench, write_cases(tmp_path / "b.csv", rows, delimiter=","),
                    write_events(tmp_path / "f.csv", [("S1", "01.02.2026", "Samtale")]))

    assert not again.unchanged
    assert (again.new, again.updated, again.closed, again.reopened, again.events_added) == (
        0, 0, 0, 0, 0)
    after = snapshot(workbench)
    for table in ("cases", "events", "notes", "inquiries", "settings"):
        assert after[table] == before[table], table
    assert len(after["imports"]) == 2  # the history still records the run


def test_changed_rows_update_the_case_and_apply_owner_changes(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(5)))

    summary = import_(workbench, write_cases(tmp_path / "b.csv", [
        *cases(4), Case("S5", caseworker="XYZ", team="Syd", name="Anne Holm"),
    ]))

    assert (summary.new, summary.updated, summary.closed) == (0, 1, 0)
    assert {r.case_id for r in workbench.cases.caseload(TODAY, caseworker="XYZ")} == {"S5"}
    assert "S5" not in {r.case_id for r in workbench.cases.caseload(TODAY, caseworker="ABC")}
    detail = workbench.cases.case_detail("S5", TODAY)
    assert (detail.name, detail.team) == ("Anne Holm", "Syd")


def test_a_case_missing_from_the_snapshot_is_closed_keeping_local_work(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(6)),
            write_events(tmp_path / "e.csv", [("S6", "2026-02-01", "samtale")]))
    workbench.registrations.add_note("S6", "ringet op", by="ABC")
    workbench.inquiries.add("S6", Channel.PHONE, dt.date(2026, 3, 2), by="ABC")
    workbench.registrations.register_event("S6", EventKind.SCREENING, dt.date(2026, 3, 3), by="ABC")

    summary = import_(workbench, write_cases(tmp_path / "b.csv", cases(5)),
                      today=dt.date(2026, 3, 12))

    assert summary.closed == 1
    assert "S6" not in open_ids(workbench, dt.date(2026, 3, 12))
    detail = workbench.cases.case_detail("S6", dt.date(2026, 3, 12))
    assert detail.closed_on == dt.date(2026, 3, 12) and detail.case is None
    assert [n.text for n in detail.notes] == ["ringet op"]
    assert len(detail.inquiries) == 1
    assert {(e.kind, e.source) for e in detail.events} == {
        (EventKind.SAMTALE, "central"), (EventKind.SCREENING, "local")}


def test_a_case_that_reappears_is_reopened(workbench: Workbench, tmp_path: Path) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(6)))
    import_(workbench, write_cases(tmp_path / "b.csv", cases(5)))

    summary = import_(workbench, write_cases(tmp_path / "c.csv", cases(6)))

    assert (summary.reopened, summary.closed, summary.new) == (1, 0, 0)
    assert "S6" in open_ids(workbench)
    assert workbench.cases.case_detail("S6", TODAY).closed_on is None


def test_afsluttet_closes_a_case_and_counts_it(workbench: Workbench, tmp_path: Path) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(2)))

    summary = import_(workbench, write_cases(tmp_path / "b.csv", [
        Case("S1"), Case("S2", closed="2026-03-01")]))

    assert (summary.closed, summary.updated) == (1, 0)
    assert open_ids(workbench) == {"S1"}
    assert workbench.cases.case_detail("S2", TODAY).closed_on == dt.date(2026, 3, 1)


def test_events_are_deduplicated_by_case_date_and_kind(
    workbench: Workbench, tmp_path: Path
) -> None:
    rows = [("S1", "2026-02-01", "samtale"), ("S1", "01-02-2026", "SAMTALE"),
            ("S1", "2026-02-01", "screening")]
    first = import_(workbench, write_cases(tmp_path / "a.csv", cases(1)),
                    write_events(tmp_path / "e.csv", rows))
    second = import_(workbench, write_events(tmp_path / "f.csv", [
        ("S1", "2026-02-01", "samtale"), ("S1", "2026-02-15", "samtale")]))

    assert (first.events_added, second.events_added) == (2, 1)
    assert [(e[1], e[2]) for e in stored_events(workbench)] == [
        (dt.date(2026, 2, 1), "samtale"), (dt.date(2026, 2, 1), "screening"),
        (dt.date(2026, 2, 15), "samtale")]


def test_a_local_event_in_a_later_export_is_confirmed_not_doubled(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(1)))
    workbench.registrations.register_event("S1", EventKind.SAMTALE, dt.date(2026, 2, 20), by="ABC")

    summary = import_(workbench, write_events(tmp_path / "e.csv", [
        ("S1", "2026-02-20", "samtale")]))

    assert (summary.events_added, summary.events_confirmed) == (0, 1)
    (event,) = workbench.cases.case_detail("S1", TODAY).events
    assert (event.source, event.confirmed, event.registered_by) == ("local", True, "ABC")


# --- truncated snapshots ---------------------------------------------------------------


def test_a_snapshot_closing_too_many_cases_is_refused_then_forced(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(10)))
    truncated = write_cases(tmp_path / "b.csv", cases(7))
    before = snapshot(workbench)

    with pytest.raises(TruncatedExportError) as refused:
        import_(workbench, truncated)

    assert (refused.value.would_close, refused.value.open_cases) == (3, 10)
    assert refused.value.threshold == pytest.approx(0.20)
    assert "3 of 10" in str(refused.value)
    assert snapshot(workbench) == before
    forced = import_(workbench, truncated, force=True)
    assert forced.closed == 3 and len(open_ids(workbench)) == 7


def test_closing_exactly_the_threshold_share_is_allowed(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(10)))

    assert import_(workbench, write_cases(tmp_path / "b.csv", cases(8))).closed == 2


def test_the_truncation_threshold_is_a_setting(workbench: Workbench, tmp_path: Path) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(10)))
    workbench.settings.save(Settings(truncation_threshold=0.5))

    assert import_(workbench, write_cases(tmp_path / "b.csv", cases(6))).closed == 4


def test_a_header_only_cases_file_is_refused_as_truncated(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(3)))

    with pytest.raises(TruncatedExportError):
        import_(workbench, write_cases(tmp_path / "b.csv", []))
    assert len(open_ids(workbench)) == 3


# --- rejected rows ---------------------------------------------------------------------

BAD_ROWS = {
    "no Sags-ID": (Case(""), "Sags-ID", "is empty"),
    "bad CPR": (Case("S9", cpr="12345"), "CPR", "CPR number must be 10 digits"),
    "CPR with no real date": (Case("S9", cpr="320190-1234"), "CPR", "real date"),
    "bad date": (Case("S9", start="2026-13-01"), "Startdato", "is not a date"),
    "date in no accepted form": (Case("S9", start="5 jan 2026"), "Startdato", "is not a date"),
    "bad closing date": (Case("S9", closed="31.02.2026"), "Afsluttet", "is not a date"),
    "unknown scheme": (Case("S9", scheme="pension"), "Ordning", "unknown scheme"),
    "no caseworker": (Case("S9", caseworker=""), "Sagsbehandler", "is empty"),
    "duplicate Sags-ID": (Case("S1", name="Other"), "Sags-ID", "duplicate Sags-ID 'S1'"),
}


@pytest.mark.parametrize("bad", list(BAD_ROWS.values()), ids=list(BAD_ROWS))
def test_a_bad_cases_row_is_rejected_and_the_rest_imports(
    workbench: Workbench, tmp_path: Path, bad: tuple[Case, str, str]
) -> None:
    row, field, reason = bad
    case_file = write_cases(tmp_path / "sager.csv", [Case("S1"), row, Case("S2")])

    summary = import_(workbench, case_file)

    (rejected,) = summary.rejected
    assert (rejected.file, rejected.line, rejected.field) == ("sager.csv", 3, field)
    assert reason in rejected.reason
    assert summary.new == 2 and open_ids(workbench) == {"S1", "S2"}
    assert workbench.cases.case_detail("S1", TODAY).name == "Anne Jensen"  # the first row won
    with workbench.database.transaction() as connection:
        stored = connection.execute(select(rejected_rows.c.file, rejected_rows.c.line,
                                           rejected_rows.c.field, rejected_rows.c.reason)).all()
        recorded = connection.execute(select(imports.c.rejected)).scalar_one()
    assert [RejectedRow(*row) for row in stored] == [rejected]
    assert recorded == 1


BAD_EVENTS = {
    "no Sags-ID": (("", "2026-02-01", "samtale"), "Sags-ID", "is empty"),
    "bad date": (("S1", "2026-02-30", "samtale"), "Dato", "is not a date"),
    "no date": (("S1", "", "samtale"), "Dato", "is empty"),
    "unknown event kind": (("S1", "2026-02-01", "kaffe"), "Hændelse", "unknown event kind"),
    "event for unknown case": (("S404", "2026-02-01", "samtale"), "Sags-ID",
                               "unknown case 'S404'"),
}


@pytest.mark.parametrize("bad", list(BAD_EVENTS.values()), ids=list(BAD_EVENTS))
def test_a_bad_events_row_is_rejected_and_the_rest_imports(
    workbench: Workbench, tmp_path: Path, bad: tuple[tuple[str, str, str], str, str]
) -> None:
    row, field, reason = bad
    event_file = write_events(tmp_path / "haendelser.csv", [
        ("S1", "2026-02-01", "screening"), row, ("S1", "2026-02-02", "samtale")])

    summary = import_(workbench, write_cases(tmp_path / "sager.csv", cases(1)), event_file)

    (rejected,) = summary.rejected
    assert (rejected.file, rejected.line, rejected.field) == ("haendelser.csv", 3, field)
    assert reason in rejected.reason
    assert summary.events_added == 2


def test_a_rejected_row_never_closes_or_changes_its_case(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(2)))

    summary = import_(workbench, write_cases(tmp_path / "b.csv", [
        Case("S1"), Case("S2", cpr="nonsense", caseworker="XYZ")]))

    assert summary.closed == 0 and len(summary.rejected) == 1
    assert open_ids(workbench) == {"S1", "S2"}
    assert workbench.cases.case_detail("S2", TODAY).caseworker == "ABC"


def test_events_for_cases_already_stored_import_without_a_cases_file(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(1)))

    summary = import_(workbench, write_events(tmp_path / "e.csv", [
        ("S1", "2026-02-01", "samtale"), ("S2", "2026-02-01", "samtale")]))

    assert summary.events_added == 1
    assert [r.reason for r in summary.rejected] == [
        "event for unknown case 'S2' (not in the cases file or the database)"]
    assert open_ids(workbench) == {"S1"}  # an events file is no snapshot: nothing closed


def test_an_event_for_a_case_whose_row_was_rejected_is_rejected_too(
    workbench: Workbench, tmp_path: Path
) -> None:
    summary = import_(workbench, write_cases(tmp_path / "a.csv", [Case("S1", cpr="x")]),
                      write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")]))

    assert [(r.file, r.field) for r in summary.rejected] == [("a.csv", "CPR"), ("e.csv", "Sags-ID")]
    assert workbench.cases.is_empty()


# --- files that are not exports: nothing changes ---------------------------------------

NOT_EXPORTS: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty"),
    "only blank lines": (b"\r\n \r\n", "empty"),
    "only empty fields": (b";;;\r\n;;\r\n", "holds no data"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    "undecodable": ("Sags-ID;Dato;Hændelse\n".encode() + b"S1;2026-01-01;\x81\x9d\xff\xfe\n",
                    "cannot be decoded"),
    "wrong headers": (b"Navn;Adresse;Telefon\nAnne;Vej 1;12345678\n", "not a central export"),
    "some headers missing": (b"Sags-ID;CPR;Navn\nS1;0101901234;Anne\n", "not a central export"),
    "broken workbook": (b"PK\x03\x04 this is no zip archive", "not a readable XLSX workbook"),
}


@pytest.mark.parametrize("content", list(NOT_EXPORTS.values()), ids=list(NOT_EXPORTS))
def test_a_file_that_is_no_export_is_refused_and_nothing_changes(
    workbench: Workbench, tmp_path: Path, content: tuple[bytes, str]
) -> None:
    data, message = content
    import_(workbench, write_cases(tmp_path / "a.csv", cases(3)))
    before = snapshot(workbench)
    bad = tmp_path / "eksport.csv"
    bad.write_bytes(data)
    good = write_cases(tmp_path / "b.csv", cases(4))

    with pytest.raises(NotAnExportError) as refused:
        import_(workbench, good, bad)

    assert isinstance(refused.value, InputError)
    assert str(bad) in str(refused.value) and message in str(refused.value)
    assert snapshot(workbench) == before


def test_a_missing_file_is_refused(workbench: Workbench, tmp_path: Path) -> None:
    with pytest.raises(NotAnExportError, match="cannot be read"):
        import_(workbench, tmp_path / "nowhere.csv")
    assert workbench.cases.is_empty()


def test_a_failure_half_way_rolls_the_whole_import_back(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(5)))
    before = snapshot(workbench)

    def fail(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer._ImportRun, "apply_events", fail)
    with pytest.raises(RuntimeError):
        import_(workbench, write_cases(tmp_path / "b.csv", [*cases(5), Case("S6")]),
                write_events(tmp_path / "e.csv", [("S6", "2026-02-01", "samtale")]))

    assert snapshot(workbench) == before


# --- formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_encodings_and_delimiters_are_detected(
    workbench: Workbench, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    case_file = write_cases(tmp_path / "sager.csv", [
        Case("S1", name="Søren Ærø Åberg", scheme="ressourceforløb")],
        delimiter=delimiter, encoding=encoding)
    event_file = write_events(tmp_path / "h.csv", [("S1", "2026-02-01", "fællessamtale")],
                              delimiter=delimiter, encoding=encoding)

    summary = import_(workbench, case_file, event_file)

    assert summary.rejected == () and (summary.new, summary.events_added) == (1, 1)
    assert workbench.cases.case_detail("S1", TODAY).name == "Søren Ærø Åberg"


@pytest.mark.parametrize("written", ["2026-01-05", "05-01-2026", "05.01.2026", "05/01/2026",
                                     "5.1.2026"])
def test_every_date_form_reads_as_the_same_date(
    workbench: Workbench, tmp_path: Path, written: str
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", [Case("S1", start=written)]))

    assert workbench.cases.case_detail("S1", TODAY).start == dt.date(2026, 1, 5)


def test_scheme_and_event_words_in_any_spelling(workbench: Workbench, tmp_path: Path) -> None:
    import_(workbench,
            write_cases(tmp_path / "a.csv", [
                Case("S1", scheme="SDP"), Case("S2", scheme="Forsikret Ledig"),
                Case("S3", scheme="jobafklaringsforlob"), Case("S4", scheme="kontanthjaelp")]),
            write_events(tmp_path / "e.csv", [("S3", "2026-01-20", "Rehabiliteringsteam"),
                                              ("S2", "2026-01-20", "faellessamtale")]))

    schemes = {row.case_id: row.scheme.value for row in workbench.cases.caseload(TODAY)}
    assert schemes == {"S1": "sygedagpenge", "S2": "forsikret ledig",
                       "S3": "jobafklaringsforløb", "S4": "kontanthjælp"}


def test_headings_match_without_case_or_extra_spaces(
    workbench: Workbench, tmp_path: Path
) -> None:
    header = [f"  {h.upper()} " for h in CASE_HEADER]
    path = write_table(tmp_path / "a.csv", header, [Case("S1").cells()])

    assert import_(workbench, path).new == 1


def test_a_differently_headed_export_imports_through_its_mapping_file(
    workbench: Workbench, tmp_path: Path
) -> None:
    header = ("Sagsnummer", "Personnummer", "Borger", "Ydelse", "Medarbejder",
              "1. fraværsdag", "Slutdato")
    other = ("Sagsnummer", "Personnummer", "Borger", "Ydelse", "Medarbejder", "Startdato",
             "Slutdato")
    first = write_table(tmp_path / "sdp.csv", header, [
        ("77", "0101901234", "Anne", "SDP", "ABC", "05.01.2026", ""),
        ("78", "0202851234", "Bo", "SDP", "ABC", "05.01.2026", "01.03.2026")])
    second = write_table(tmp_path / "fl.csv", other, [
        ("79", "0303801234", "Carl", "FL", "DEF", "2026-02-01", "")])
    event_file = write_table(tmp_path / "akt.csv", ("Sagsnummer", "Dato", "Aktivitet"), [
        ("77", "2026-02-01", "samtale")])

    summary = import_(workbench, first, second, event_file)

    assert summary.rejected == ()
    assert (summary.new, summary.events_added) == (3, 1)
    assert open_ids(workbench) == {"77", "79"}
    assert workbench.cases.case_detail("78", TODAY).closed_on == dt.date(2026, 3, 1)


def test_progress_is_reported_up_to_the_total(workbench: Workbench, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []

    workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(2))], today=TODAY,
                                   progress=lambda done, total: reports.append((done, total)))

    assert reports[-1] == (reports[-1][1], reports[-1][1])
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert len(reports) >= 3


def test_import_history_records_files_hashes_and_counts(
    workbench: Workbench, tmp_path: Path
) -> None:
    import_(workbench, write_cases(tmp_path / "a.csv", cases(2)),
            write_events(tmp_path / "e.csv", [("S1", "2026-02-01", "samtale")]))

    history = snapshot(workbench)
    assert len(history["imports"]) == 1
    files = sorted((row[2], row[4], row[5]) for row in history["import_files"])
    assert files == [("a.csv", "cases", 2), ("e.csv", "events", 1)]
    assert all(len(str(row[3])) == 64 for row in history["import_files"])  # sha-256
    with workbench.database.transaction() as connection:
        counts = connection.execute(select(imports.c.new, imports.c.events_added,
                                           func.count()).group_by(imports.c.id)).one()
    assert tuple(counts) == (2, 1, 1)
