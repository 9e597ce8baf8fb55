"""The Workbench facade on SQLite and PostgreSQL: lists, case panel, registrations, settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.exports import TODAY, Case, cases, write_cases, write_events
from tests.helpers.messages_support import said
from workbench.calendar import WorkingCalendar
from workbench.cpr import parse_cpr
from workbench.engine import CaseEvent, CaseFacts, MilestoneState, Status, evaluate_case
from workbench.errors import (
    DuplicateEventError,
    InputError,
    UnknownCaseError,
    UnknownInquiryError,
)
from workbench.inquiries import reply_due
from workbench.resources import load_named_profile
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.store.models import settings
from workbench.vocabulary import Channel, EventKind, Scheme


@pytest.fixture
def loaded(workbench: Workbench, tmp_path: Path) -> Workbench:
    """A store with five cases of two caseworkers in two teams, and some events."""
    rows = [
        Case("S1", start="2026-01-05"),
        Case("S2", scheme="FL", start="2026-02-02", cpr="020290-1234"),
        Case("S3", scheme="KH", caseworker="DEF", team="Syd", start="2025-10-01"),
        Case("S4", scheme="JAF", caseworker="DEF", team="Syd", start="2026-02-20"),
        Case("S5", closed="2026-03-01"),
    ]
    history = [("S1", "2026-02-01", "samtale"), ("S3", "2025-12-01", "samtale"),
               ("S2", "2026-02-10", "fællessamtale"), ("S2", "2026-02-10", "samtale")]
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", rows),
                                    write_events(tmp_path / "e.csv", history)], today=TODAY)
    return workbench


def test_caseload_is_exactly_the_engines_evaluation(loaded: Workbench) -> None:
    profile = load_named_profile("kbh-2006-2017")  # IT's choice in every test (conftest)
    cprs = {"S2": "020290-1234"}
    rows = loaded.cases.caseload(TODAY)

    assert rows == sorted(rows, key=lambda r: (r.next_due or dt.date.max, r.case_id))
    for row in rows:
        detail = loaded.cases.case_detail(row.case_id, TODAY)
        facts = CaseFacts(scheme=row.scheme, start=row.start,
                          events=[CaseEvent(e.date, e.kind) for e in detail.events],
                          cpr=parse_cpr(cprs.get(row.case_id, "010190-1234")))
        expected = evaluate_case(facts, profile, TODAY)
        assert (row.status, row.next_due, row.milestone_id) == (
            expected.status, expected.next_due, expected.milestone_id)
        assert detail.case == row


def test_caseload_values_for_one_hand_worked_case(loaded: Workbench) -> None:
    (s1,) = [row for row in loaded.cases.caseload(TODAY) if row.case_id == "S1"]
    # First conversation 1 Feb met SDP1; SDP2 is due 28 days later, 1 March: overdue.
    assert (s1.status, s1.milestone_id, s1.next_due) == (Status.RED, "SDP2", dt.date(2026, 3, 1))
    assert (s1.week, s1.due_iso_week, s1.days_left) == (10, 9, -9)
    assert s1.cpr_masked == "010190-xxxx" and s1.scheme is Scheme.SYGEDAGPENGE
    assert s1.milestone_title_en == "Follow-up conversation every 4 weeks"


def test_caseload_filters_and_leaves_out_closed_cases(loaded: Workbench) -> None:
    assert {r.case_id for r in loaded.cases.caseload(TODAY)} == {"S1", "S2", "S3", "S4"}
    assert {r.case_id for r in loaded.cases.caseload(TODAY, caseworker="DEF")} == {"S3", "S4"}
    assert {r.case_id for r in loaded.cases.caseload(TODAY, team="Nord")} == {"S1", "S2"}
    assert loaded.cases.caseload(TODAY, caseworker="DEF", team="Nord") == []
    # Before its closing date a case is still open.
    assert "S5" in {r.case_id for r in loaded.cases.caseload(dt.date(2026, 2, 27))}


def test_the_amber_window_is_the_setting(loaded: Workbench) -> None:
    def s4_status() -> Status:
        return next(r.status for r in loaded.cases.caseload(TODAY) if r.case_id == "S4")

    # JAF1 for S4 (start 20 Feb) is due 20 March: 10 days ahead, amber with 21 days.
    assert s4_status() is Status.AMBER
    loaded.settings.save(Settings(amber_days=7))
    assert s4_status() is Status.GREEN


def test_case_detail_shows_milestones_events_and_closed_state(loaded: Workbench) -> None:
    detail = loaded.cases.case_detail("S1", TODAY)
    assert detail.case is not None and detail.case.case_id == "S1"
    sdp1 = detail.milestones[0]
    assert (sdp1.rule_id, sdp1.state, sdp1.met_on, sdp1.status) == (
        "SDP1", MilestoneState.MET_ON_TIME, dt.date(2026, 2, 1), None)
    assert {m.rule_id: m.status for m in detail.milestones if m.state is MilestoneState.OPEN}[
        "SDP2"] is Status.RED

    closed = loaded.cases.case_detail("S5", TODAY)
    assert closed.case is None and closed.closed_on == dt.date(2026, 3, 1)
    assert all(m.status is None for m in closed.milestones)


def test_two_kinds_of_event_on_one_day_are_fine(loaded: Workbench) -> None:
    (s2,) = [row for row in loaded.cases.caseload(TODAY) if row.case_id == "S2"]
    assert len(loaded.cases.case_detail("S2", TODAY).events) == 2
    assert s2.milestone_id is not None


def test_unknown_ids_are_input_errors(loaded: Workbench) -> None:
    with pytest.raises(UnknownCaseError, match=said("service.unknown_case", case_id="S404")):
        loaded.cases.case_detail("S404", TODAY)
    with pytest.raises(UnknownCaseError):
        loaded.registrations.register_event("S404", EventKind.SAMTALE, TODAY, by="ABC")
    with pytest.raises(UnknownCaseError):
        loaded.registrations.add_note("S404", "x", by="ABC")
    with pytest.raises(UnknownCaseError):
        loaded.inquiries.add("S404", Channel.PHONE, TODAY, by="ABC")
    with pytest.raises(UnknownInquiryError, match=said("service.unknown_inquiry", inquiry_id=999)):
        loaded.inquiries.answer(999, TODAY, by="ABC")
    assert issubclass(UnknownCaseError, InputError) and issubclass(UnknownInquiryError, InputError)


def test_a_registered_event_is_local_and_changes_the_status(loaded: Workbench) -> None:
    event_id = loaded.registrations.register_event("S1", EventKind.SAMTALE, dt.date(2026, 3, 9),
                                                   by=" ABC ")

    (event,) = [e for e in loaded.cases.case_detail("S1", TODAY).events if e.event_id == event_id]
    assert (event.source, event.registered_by, event.confirmed) == ("local", "ABC", False)
    assert event.registered_at is not None and event.registered_at.tzinfo is dt.UTC
    (s1,) = [row for row in loaded.cases.caseload(TODAY) if row.case_id == "S1"]
    assert (s1.status, s1.next_due) == (Status.GREEN, dt.date(2026, 4, 6))  # 27 days ahead


def test_an_event_the_case_already_has_is_refused(loaded: Workbench) -> None:
    with pytest.raises(DuplicateEventError, match=said("service.duplicate_event", case_id="S1",
                                                       kind="samtale", date="2026-02-01")):
        loaded.registrations.register_event("S1", EventKind.SAMTALE, dt.date(2026, 2, 1), by="ABC")
    assert len(loaded.cases.case_detail("S1", TODAY).events) == 1


def test_who_registers_must_be_given(loaded: Workbench) -> None:
    with pytest.raises(InputError, match=said("service.initials_needed")):
        loaded.registrations.register_event("S1", EventKind.SAMTALE, TODAY, by="  ")
    with pytest.raises(InputError, match=said("service.initials_needed")):
        loaded.registrations.add_note("S1", "tekst", by="")


def test_notes(loaded: Workbench) -> None:
    first = loaded.registrations.add_note("S1", "Ringede til borgeren", by="ABC")
    second = loaded.registrations.add_note("S1", "Sendt brev", by="DEF")
    with pytest.raises(InputError, match=said("service.empty_note")):
        loaded.registrations.add_note("S1", "   ", by="ABC")

    notes = loaded.cases.case_detail("S1", TODAY).notes
    assert [(n.note_id, n.author, n.text) for n in notes] == [
        (first, "ABC", "Ringede til borgeren"), (second, "DEF", "Sendt brev")]
    assert notes[0].written_at.tzinfo is dt.UTC


def test_inquiries_have_deadlines_from_the_core_and_can_be_answered(loaded: Workbench) -> None:
    received = dt.date(2026, 4, 1)  # before Easter: phone due Wed 8 April
    phone = loaded.inquiries.add("S1", Channel.PHONE, received, by="ABC")
    mail = loaded.inquiries.add("S3", Channel.MAIL, received, by="DEF")

    listed = loaded.inquiries.rows(dt.date(2026, 4, 2))
    assert [(i.inquiry_id, i.due) for i in listed] == [
        (phone, dt.date(2026, 4, 8)), (mail, reply_due(received, Channel.MAIL, WorkingCalendar()))]
    assert listed[0].citizen_name == "Anne Jensen" and listed[0].caseworker == "ABC"
    assert listed[0].working_days_left == 2 and listed[0].registered_by == "ABC"
    assert [i.inquiry_id for i in loaded.inquiries.rows(TODAY, caseworker="DEF")] == [mail]
    assert [i.inquiry_id for i in loaded.inquiries.rows(TODAY, team="Nord")] == [phone]

    loaded.inquiries.answer(phone, dt.date(2026, 4, 7), by="ABC")
    assert [i.inquiry_id for i in loaded.inquiries.rows(dt.date(2026, 4, 9))] == [mail]
    (answered,) = [i for i in loaded.inquiries.rows(dt.date(2026, 4, 9), open_only=False)
                   if i.inquiry_id == phone]
    assert answered.answered_on == dt.date(2026, 4, 7) and not answered.is_open


def test_a_reply_before_the_inquiry_is_refused(loaded: Workbench) -> None:
    inquiry = loaded.inquiries.add("S1", Channel.PHONE, dt.date(2026, 4, 1), by="ABC")
    with pytest.raises(InputError, match=said("service.reply_before_received",
                                               answered_on="2026-03-31", received="2026-04-01")):
        loaded.inquiries.answer(inquiry, dt.date(2026, 3, 31), by="ABC")


def test_local_closure_days_move_inquiry_deadlines(loaded: Workbench) -> None:
    inquiry = loaded.inquiries.add("S1", Channel.PHONE, dt.date(2026, 3, 9), by="ABC")
    assert loaded.inquiries.rows(TODAY)[0].due == dt.date(2026, 3, 11)

    loaded.settings.save(Settings(closure_days=(dt.date(2026, 3, 10),)))

    (row,) = loaded.inquiries.rows(TODAY)
    assert (row.inquiry_id, row.due) == (inquiry, dt.date(2026, 3, 12))


#: The settings of a database nobody changed, where IT chose the seed profile (conftest).
SEED_SETTINGS = Settings(profile_name="kbh-2006-2017")


def test_settings_round_trip_and_defaults(workbench: Workbench) -> None:
    assert workbench.settings.load() == SEED_SETTINGS
    chosen = Settings(profile_name="kbh-2006-2017", my_initials="ABC", my_team="Nord",
                      export_folder="/srv/eksport",
                      amber_days=14, closure_days=(dt.date(2026, 5, 15), dt.date(2026, 12, 28)),
                      language="en", truncation_threshold=0.3)
    workbench.settings.save(chosen)
    assert workbench.settings.load() == chosen


@pytest.mark.parametrize("bad", [
    Settings(amber_days=-1), Settings(truncation_threshold=0), Settings(truncation_threshold=1.5),
    Settings(language="de"), Settings(profile_name="no-such-profile"),
])
def test_settings_that_make_no_sense_are_refused(workbench: Workbench, bad: Settings) -> None:
    with pytest.raises(InputError):
        workbench.settings.save(bad)
    assert workbench.settings.load() == SEED_SETTINGS


def test_caseworkers_teams_and_emptiness(workbench: Workbench, tmp_path: Path) -> None:
    assert workbench.cases.is_empty()
    assert workbench.cases.caseworkers() == [] and workbench.cases.teams() == []
    assert workbench.cases.owners() == ([], [])
    workbench.imports.import_files([write_cases(tmp_path / "a.csv", [
        *cases(2), Case("S3", caseworker="DEF", team=""), Case("S4", caseworker="GHI",
                                                                closed="2026-01-31")])],
        today=TODAY)
    assert not workbench.cases.is_empty()
    assert workbench.cases.caseworkers() == ["ABC", "DEF"]
    assert workbench.cases.teams() == ["Nord"]
    assert workbench.cases.owners() == (["ABC", "DEF"], ["Nord"])  # one read, the same


def test_a_new_database_uses_todays_law_and_a_stored_default_keeps_the_seed_rules(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(tmp_path / "none.toml"))  # IT chose none
    with Workbench.open(tmp_path / "new.db") as fresh:
        assert fresh.settings.load().profile_name == "gaeldende-2026"
    # A database from before the rename stored "default": the seed rules, by their new name.
    with workbench.database.transaction(write=True) as connection:
        connection.execute(settings.insert(), [{"key": "profile_name", "value": '"default"'}])
    assert workbench.settings.load().profile_name == "kbh-2006-2017"
    workbench.settings.save(Settings(profile_name="default"))
    assert workbench.settings.load().profile_name == "kbh-2006-2017"
