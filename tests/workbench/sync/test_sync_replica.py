"""Outbox entries with every local change, and applying teammates' entries in any order."""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.helpers.messages_support import said
from tests.helpers.sync_support import (
    EXPORT_DAY,
    MemoryTransport,
    activity_of,
    entity_of,
    history_of,
    outbox,
    replaced_on_case,
    team_state,
    write_export,
)
from workbench.errors import DuplicateEventError, InputError, UnknownCaseError
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.store.models import events, inquiries, notes, settings, sync_entries
from workbench.sync import state
from workbench.sync.entries import EntityType, Entry, cover_entity_id, event_entity_id
from workbench.sync.hlc import MAX_AHEAD_MS, Timestamp, physical_now_ms
from workbench.sync.outbox import entry_from_row
from workbench.sync.replica import Replica
from workbench.vocabulary import Channel, EventKind

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def loaded(workbench: Workbench, tmp_path: Path) -> Workbench:
    """A workbench (SQLite and PostgreSQL) with cases S1-S3."""
    workbench.imports.import_files(write_export(tmp_path / "export"), today=EXPORT_DAY)
    return workbench


def replica(tmp_path: Path, name: str, *, case_ids: tuple[str, ...] = ("S1", "S2", "S3"),
            ) -> Workbench:
    """A SQLite team member's workbench with the given cases imported."""
    workbench = Workbench.open(tmp_path / f"{name}.db")
    workbench.imports.import_files(write_export(tmp_path / f"export-{name}", case_ids),
                                   today=EXPORT_DAY)
    return workbench


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Workbench, Workbench, MemoryTransport]]:
    """Two members, AB and CD, in a team over an in-memory transport."""
    shared = tmp_path / "share"
    shared.mkdir()
    first, second = replica(tmp_path, "ab"), replica(tmp_path, "cd")
    first.team.join("AB", ["AB", "CD"], folder=shared)
    second.team.join("CD", ["AB", "CD"], folder=shared)
    yield first, second, MemoryTransport()
    first.close()
    second.close()


# --- the outbox ------------------------------------------------------------------------------


def test_every_registration_writes_its_entry_in_the_same_transaction(loaded: Workbench) -> None:
    event_id = loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    note_id = loaded.registrations.add_note("S1", "Ringet op", by="AB")
    inquiry_id = loaded.inquiries.add("S2", Channel.PHONE, DAY, by="CD")
    loaded.inquiries.answer(inquiry_id, DAY, by="CD")
    loaded.registrations.assign_cover("AB", "CD", DAY, DAY + dt.timedelta(days=4), by="EF")

    entries = outbox(loaded)

    assert [(e["entity_type"], e["author"], e["case_id"]) for e in entries] == [
        ("event", "AB", "S1"), ("note", "AB", "S1"), ("inquiry", "CD", "S2"),
        ("inquiry", "CD", "S2"), ("cover", "EF", None)]
    assert entries == sorted(entries, key=lambda e: e["hlc"])
    assert len({e["hlc"] for e in entries}) == len(entries)
    with loaded.database.transaction() as connection:
        event_entity = connection.execute(select(events.c.entity_id)
                                          .where(events.c.id == event_id)).scalar()
        note_entity = connection.execute(select(notes.c.entity_id)
                                         .where(notes.c.id == note_id)).scalar()
        inquiry_entity = connection.execute(select(inquiries.c.entity_id)
                                            .where(inquiries.c.id == inquiry_id)).scalar()
    assert event_entity == event_entity_id("S1", "2026-03-02", "samtale")
    assert [e["entity_id"] for e in entries] == [
        event_entity, note_entity, inquiry_entity, inquiry_entity, cover_entity_id("AB", None)]
    answer = json.loads(entries[3]["payload"])
    assert answer == {"answered_on": "2026-03-02", "answered_by": "CD"}


def test_a_refused_registration_leaves_no_entry(loaded: Workbench) -> None:
    loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")

    with pytest.raises(DuplicateEventError):
        loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="CD")
    with pytest.raises(UnknownCaseError):
        loaded.registrations.add_note("S9", "no such case", by="AB")
    with pytest.raises(InputError):
        loaded.inquiries.answer(loaded.inquiries.add("S1", Channel.MAIL, DAY, by="AB"),
                                DAY - dt.timedelta(days=1), by="AB")

    assert [e["entity_type"] for e in outbox(loaded)] == ["event", "inquiry"]


def test_the_clock_never_runs_backwards_across_a_restart(database_url: str, tmp_path: Path,
                                                          ) -> None:
    with Workbench.open(database_url) as first:
        first.imports.import_files(write_export(tmp_path / "export"), today=EXPORT_DAY)
        first.registrations.add_note("S1", "one", by="AB")
        ahead = Timestamp(physical_now_ms() + 60_000, 5, "ab")  # a clock a minute ahead
        with first.database.transaction(write=True) as connection:
            state.write(connection, {state.CLOCK: ahead.encode()})
    with Workbench.open(database_url) as again:
        again.registrations.add_note("S1", "two", by="AB")
        hlcs = [Timestamp.parse(e["hlc"]) for e in outbox(again)]

    assert hlcs[1] > ahead > hlcs[0]
    assert hlcs[0].node == hlcs[1].node


def test_a_stored_clock_from_the_far_future_or_at_its_end_starts_again_from_now(
        loaded: Workbench) -> None:
    """An older version could store a clock years ahead (or at its last reading): not fatal."""
    for poisoned in (Timestamp(9 * 10**13, 5, "ab"), Timestamp(10**15 - 1, 99_999, "ab")):
        with loaded.database.transaction(write=True) as connection:
            state.write(connection, {state.CLOCK: poisoned.encode()})
        before = physical_now_ms()
        loaded.registrations.add_note("S1", "works", by="AB")
        newest = max(Timestamp.parse(e["hlc"]) for e in outbox(loaded))
        assert before <= newest.wall_ms <= physical_now_ms() + MAX_AHEAD_MS


def test_two_first_ever_changes_at_once_share_one_clock(database_url: str) -> None:
    failures: list[BaseException] = []

    def assign_cover(workbench: Workbench) -> None:
        try:
            workbench.registrations.assign_cover("AB", "EF", DAY, DAY, by="CD")
        except BaseException as error:  # handed to the test thread
            failures.append(error)

    with Workbench.open(database_url) as first, Workbench.open(database_url) as second:
        with first.database.transaction(write=True) as connection:
            replica = Replica(connection)  # creates and locks the clock; not committed yet
            other = threading.Thread(target=assign_cover, args=(second,))
            other.start()
            other.join(timeout=0.5)
            assert other.is_alive()  # waits for the clock instead of making a second one
            replica.record("AB", EntityType.COVER, cover_entity_id("CD", None), None, {
                "absent": "CD", "case_id": None, "covering": "AB",
                "starts": DAY.isoformat(), "ends": DAY.isoformat()})
        other.join(timeout=30)
        entries = outbox(first)

    assert failures == []
    stamps = [Timestamp.parse(entry["hlc"]) for entry in entries]
    assert [entry["author"] for entry in entries] == ["AB", "CD"]
    assert stamps[0] < stamps[1] and stamps[0].node == stamps[1].node


def test_saving_the_users_settings_keeps_the_team_settings(loaded: Workbench, tmp_path: Path,
                                                           ) -> None:
    loaded.team.join("AB", ["AB", "CD"], folder=tmp_path)
    loaded.registrations.add_note("S1", "x", by="AB")

    loaded.settings.save(Settings(my_initials="AB", amber_days=14))

    assert loaded.team.status().settings is not None
    assert loaded.settings.load().amber_days == 14
    with loaded.database.transaction() as connection:
        keys = set(connection.execute(select(settings.c.key)).scalars())
    assert {state.NODE, state.CLOCK, state.ME, state.MEMBERS} <= keys


# --- applying entries --------------------------------------------------------------------------


def test_any_order_any_number_of_times_gives_the_same_state(tmp_path: Path) -> None:
    author = replica(tmp_path, "author")
    inquiry = author.inquiries.add("S1", Channel.PHONE, DAY, by="AB")
    author.inquiries.answer(inquiry, DAY, by="AB")
    author.inquiries.answer(inquiry, DAY + dt.timedelta(days=1), by="CD")
    note = author.registrations.add_note("S2", "first", by="AB")
    author.registrations.edit_note(note, "second", by="CD")
    author.registrations.register_event("S3", EventKind.SCREENING, DAY, by="EF")
    author.registrations.assign_cover("AB", "CD", DAY, DAY + dt.timedelta(days=9), by="AB")
    author.registrations.assign_cover("AB", "EF", DAY, DAY + dt.timedelta(days=2), by="CD")
    entries = _all_entries(author)

    states = []
    for seed in range(3):
        shuffled = entries * 2
        random.Random(seed).shuffle(shuffled)
        member = replica(tmp_path, f"member{seed}")
        with member.database.transaction(write=True) as connection:
            for entry in shuffled:  # one at a time: the worst order, twice over
                Replica(connection).receive([entry])
        states.append(team_state(member))
        member.close()

    assert states[0] == states[1] == states[2] == team_state(author)


def test_the_later_answer_wins_and_the_earlier_stays_in_the_history(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    inquiry = ab.inquiries.add("S1", Channel.PHONE, DAY, by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)
    cd_inquiry = cd.inquiries.rows(EXPORT_DAY, open_only=False)[0].inquiry_id
    ab.inquiries.answer(inquiry, DAY, by="AB")  # both answer while offline
    cd.inquiries.answer(cd_inquiry, DAY + dt.timedelta(days=1), by="CD")

    ab_report = ab.team.sync_now(hub)
    cd_report = cd.team.sync_now(hub)
    ab_last = ab.team.sync_now(hub)

    assert (ab_report.conflicts, cd_report.conflicts, ab_last.conflicts) == (0, 2, 2)
    for member in (ab, cd):
        row = member.inquiries.rows(EXPORT_DAY, open_only=False)[0]
        assert (row.answered_on, row.registered_by) == (DAY + dt.timedelta(days=1), "AB")
        entity = entity_of(member, EntityType.INQUIRY, row.inquiry_id)
        assert entity is not None
        answers = [(c.value, c.author, c.is_current) for c in history_of(member, entity)
                   if c.field == "answered_on"]
        assert answers == [("2026-03-02", "AB", False), ("2026-03-03", "CD", True)]
        replaced = replaced_on_case(member, "S1")
        assert {(c.field, c.value) for c in replaced} == {("answered_on", "2026-03-02"),
                                                           ("answered_by", "AB")}
    assert team_state(ab)["history"] == team_state(cd)["history"]


def test_a_note_edit_is_a_revision_and_a_delete_a_tombstone(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    note = ab.registrations.add_note("S2", "Borger ringer tilbage", by="AB")
    ab.registrations.edit_note(note, "Borger ringer tilbage mandag", by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)
    assert [n.text for n in cd.cases.case_detail("S2", EXPORT_DAY).notes] == [
        "Borger ringer tilbage mandag"]

    cd.registrations.delete_note(cd.cases.case_detail("S2", EXPORT_DAY).notes[0].note_id, by="CD")
    cd.team.sync_now(hub)
    ab.team.sync_now(hub)

    for member in (ab, cd):
        assert member.cases.case_detail("S2", EXPORT_DAY).notes == ()
    entity = team_state(ab)["history"]
    texts = {(value, author) for _, field, value, author, _, _ in entity if field == "text"}
    assert texts == {('"Borger ringer tilbage"', "AB"), ('"Borger ringer tilbage mandag"', "AB")}


def test_two_members_registering_one_conversation_share_one_event(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    ab.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    cd.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="CD")

    for member in (ab, cd, ab):
        member.team.sync_now(hub)

    for member in (ab, cd):
        local = [e for e in member.cases.case_detail("S1",
                                                     EXPORT_DAY).events if e.source == "local"]
        assert [(e.date, e.registered_by) for e in local] == [(DAY, "CD")]
    assert team_state(ab)["events"] == team_state(cd)["events"]


def test_a_withdrawn_conversation_is_withdrawn_for_the_team(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    event_id = ab.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    ab.registrations.withdraw(event_id, reason="fejl", by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    for member in (ab, cd):
        assert [e for e in member.cases.case_detail("S1", EXPORT_DAY).events
                if e.date == DAY] == []
    history = [(c.value, c.author) for c in history_of(cd, event_entity_id(
        "S1", DAY.isoformat(), "samtale")) if c.field == "present"]
    assert history == [(True, "AB"), (False, "AB")]


def test_an_event_from_the_export_cannot_be_withdrawn_here(loaded: Workbench, tmp_path: Path,
                                                           ) -> None:
    loaded.imports.import_files(write_export(tmp_path / "newer", history=[("S1", DAY.isoformat(),
                                                                           "samtale")]),
                                 today=EXPORT_DAY + dt.timedelta(days=1))
    [central] = loaded.cases.case_detail("S1", EXPORT_DAY).events

    with pytest.raises(InputError, match=said("edits.central_event", event_id=central.event_id)):
        loaded.registrations.withdraw(central.event_id, reason="fejl", by="AB")
    assert outbox(loaded) == []


def test_an_import_never_undoes_a_teammates_conversation_and_later_confirms_it(
    team: tuple[Workbench, Workbench, MemoryTransport], tmp_path: Path,
) -> None:
    ab, cd, hub = team
    ab.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    cd.imports.import_files(write_export(tmp_path / "newer", history=[("S2", "2026-03-01",
                                                                       "samtale")]),
                            today=EXPORT_DAY + dt.timedelta(days=1))
    mine = [e for e in cd.cases.case_detail("S1", EXPORT_DAY).events if e.date == DAY]
    assert [(e.source, e.registered_by, e.confirmed) for e in mine] == [("local", "AB", False)]

    summary = cd.imports.import_files(
        write_export(tmp_path / "newest", history=[("S1", DAY.isoformat(), "samtale")]),
        today=EXPORT_DAY + dt.timedelta(days=2))
    mine = [e for e in cd.cases.case_detail("S1", EXPORT_DAY).events if e.date == DAY]
    assert summary.events_confirmed == 1
    assert [(e.source, e.registered_by, e.confirmed) for e in mine] == [("local", "AB", True)]


def test_a_registration_of_an_event_the_export_has_confirms_it(
    team: tuple[Workbench, Workbench, MemoryTransport], tmp_path: Path,
) -> None:
    ab, cd, hub = team
    cd.imports.import_files(write_export(tmp_path / "newer", history=[("S1", DAY.isoformat(),
                                                                       "samtale")]),
                            today=EXPORT_DAY + dt.timedelta(days=1))
    ab.registrations.register_event("S1", EventKind.SAMTALE, DAY,
                                    by="AB")  # before AB had that export

    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    mine = [e for e in cd.cases.case_detail("S1", EXPORT_DAY).events if e.date == DAY]
    assert [(e.source, e.registered_by, e.confirmed) for e in mine] == [("local", "AB", True)]


def test_work_on_a_case_not_imported_yet_is_parked_until_an_import_brings_it(
    tmp_path: Path,
) -> None:
    hub = MemoryTransport()
    shared = tmp_path / "share"
    shared.mkdir()
    ahead = replica(tmp_path, "ahead", case_ids=("S1", "S2", "S3", "S4"))
    behind = replica(tmp_path, "behind")
    ahead.team.join("AB", ["AB", "CD"], folder=shared)
    behind.team.join("CD", ["AB", "CD"], folder=shared)
    ahead.registrations.register_event("S4", EventKind.SAMTALE, DAY, by="AB")
    inquiry = ahead.inquiries.add("S4", Channel.MAIL, DAY, by="AB")
    ahead.inquiries.answer(inquiry, DAY, by="AB")
    ahead.team.sync_now(hub)

    report = behind.team.sync_now(hub)
    assert (report.received, report.parked) == ({"event": 1, "inquiry": 2}, 2)
    assert behind.team.status().parked == 2

    behind.imports.import_files(write_export(tmp_path / "newer", ("S1", "S2", "S3", "S4")),
                                today=EXPORT_DAY + dt.timedelta(days=1))

    detail = behind.cases.case_detail("S4", EXPORT_DAY)
    assert [(e.date, e.registered_by) for e in detail.events] == [(DAY, "AB")]
    assert [(i.received, i.answered_on) for i in detail.inquiries] == [(DAY, DAY)]
    assert behind.team.status().parked == 0
    ahead.close()
    behind.close()


def test_an_answer_that_arrives_before_its_inquiry_waits_for_it(tmp_path: Path) -> None:
    author = replica(tmp_path, "author")
    inquiry = author.inquiries.add("S1", Channel.PHONE, DAY, by="AB")
    author.inquiries.answer(inquiry, DAY, by="AB")
    creation, answer = _all_entries(author)
    member = replica(tmp_path, "member")

    with member.database.transaction(write=True) as connection:
        Replica(connection).receive([answer])
    assert member.inquiries.rows(EXPORT_DAY, open_only=False) == []
    with member.database.transaction(write=True) as connection:
        Replica(connection).receive([creation])

    assert [r.answered_on for r in member.inquiries.rows(EXPORT_DAY, open_only=False)] == [DAY]


def test_work_stored_before_the_team_feature_gets_entries(loaded: Workbench) -> None:
    loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    loaded.registrations.add_note("S1", "old note", by="AB")
    answered = loaded.inquiries.add("S2", Channel.PHONE, DAY, by="CD")
    loaded.inquiries.answer(answered, DAY, by="CD")
    with loaded.database.transaction(write=True) as connection:  # as an older version left it
        for table in ("sync_entries", "sync_entities", "field_history"):
            connection.exec_driver_sql(f"DELETE FROM {table}")
        for table in (events, notes, inquiries):
            connection.execute(update(table).values(entity_id=None))
        state.forget(connection, state.ADOPTED)

    loaded.registrations.add_note("S3", "new note", by="EF")

    kinds = sorted((e["entity_type"], e["author"]) for e in outbox(loaded))
    assert kinds == [("event", "AB"), ("inquiry", "CD"), ("note", "AB"), ("note", "EF")]
    assert [n.text for n in loaded.cases.case_detail("S1", EXPORT_DAY).notes] == ["old note"]
    assert [r.answered_on for r in loaded.inquiries.rows(EXPORT_DAY, open_only=False)] == [DAY]


# --- covers --------------------------------------------------------------------------------


def test_a_cover_shows_the_absent_colleagues_cases_to_the_one_covering(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    ab.registrations.assign_cover("AB", "CD", DAY, DAY + dt.timedelta(days=14), by="AB")
    ab.registrations.assign_cover("EF", "CD", DAY, DAY + dt.timedelta(days=14), by="AB",
                                  case_id="S3")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    covered = cd.cases.covered_caseload(EXPORT_DAY, covering="CD")

    assert [row.case_id for row in covered] == ["S1", "S3"]
    assert cd.cases.covered_caseload(DAY + dt.timedelta(days=15), covering="CD") == []
    assert cd.cases.covered_caseload(EXPORT_DAY, covering="EF") == []
    assert [(c.absent, c.case_id, c.covering,
             c.assigned_by) for c in cd.registrations.covers(EXPORT_DAY)] == [
        ("AB", None, "CD", "AB"), ("EF", "S3", "CD", "AB")]


def test_conflicting_covers_the_later_decision_wins_and_both_are_kept(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    ab.registrations.assign_cover("EF", "AB", DAY, DAY + dt.timedelta(days=5), by="AB")
    cd.registrations.assign_cover("EF", "CD", DAY, DAY + dt.timedelta(days=9), by="CD")
    cd.registrations.cancel_cover("EF", by="CD")
    cd.registrations.assign_cover("EF", "CD", DAY, DAY + dt.timedelta(days=7), by="CD")

    for member in (ab, cd, ab):
        member.team.sync_now(hub)

    for member in (ab, cd):
        [cover] = member.registrations.covers()
        assert (cover.covering, cover.ends, cover.assigned_by) == (
            "CD", DAY + dt.timedelta(days=7), "CD")
        history = [(c.value, c.author) for c in history_of(member, cover.entity_id)
                   if c.field == "covering"]
        assert history == [("AB", "AB"), ("CD", "CD"), (None, "CD"), ("CD", "CD")]


def test_a_cover_needs_two_colleagues_and_a_period(loaded: Workbench) -> None:
    with pytest.raises(InputError, match=said("service.cover_people")):
        loaded.registrations.assign_cover("AB", "AB", DAY, DAY, by="AB")
    day_before = DAY - dt.timedelta(days=1)
    with pytest.raises(InputError, match=said("service.cover_ends_first",
                                              ends=day_before.isoformat(),
                                              starts=DAY.isoformat())):
        loaded.registrations.assign_cover("AB", "CD", DAY, day_before, by="AB")
    with pytest.raises(UnknownCaseError):
        loaded.registrations.assign_cover("AB", "CD", DAY, DAY, by="AB", case_id="S9")
    assert outbox(loaded) == []


def test_who_registered_what_is_in_the_team_activity(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    ab.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    cd.registrations.add_note("S1", "Talt med a-kassen", by="CD")
    for member in (ab, cd, ab):
        member.team.sync_now(hub)

    activity = activity_of(ab, case_id="S1")

    assert [(a.author, a.entity_type, a.local) for a in activity] == [
        ("CD", EntityType.NOTE, False), ("AB", EntityType.EVENT, True)]
    assert [a.author for a in activity_of(ab, author="CD")] == ["CD"]


def _all_entries(workbench: Workbench) -> list[Entry]:
    """Every entry of a replica (what its teammates would receive)."""
    with workbench.database.transaction() as connection:
        rows = connection.execute(select(sync_entries).order_by(sync_entries.c.hlc)).all()
    return [entry_from_row(row._mapping) for row in rows]
