"""Everyday edits: dates refused not replaced, withdrawals with a reason, notes, covers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.sync_support import EXPORT_DAY, MemoryTransport, outbox, write_export
from workbench.audit import AuditAction
from workbench.errors import InputError
from workbench.messages import set_language
from workbench.session import Workbench
from workbench.vocabulary import EventKind

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def loaded(workbench: Workbench, tmp_path: Path) -> Workbench:
    """A workbench (SQLite and PostgreSQL) with cases S1-S3, started 2026-01-05."""
    workbench.imports.import_files(write_export(tmp_path / "export"), today=EXPORT_DAY)
    return workbench


def edits(workbench: Workbench) -> list[AuditAction]:
    """The audit log's actions but the imports."""
    return [e.action for e in workbench.audit.audit_log() if e.action is not AuditAction.IMPORT]


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language(None)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("day", "words"), [
    (EXPORT_DAY + dt.timedelta(days=1), ["2026-03-11", "after today (2026-03-10)"]),
    (dt.date(2025, 12, 31), ["2025-12-31", "before the case's start date (2026-01-05)"]),
])
def test_a_typed_date_that_makes_no_sense_is_refused_with_a_message(
        loaded: Workbench, day: dt.date, words: list[str]) -> None:
    with pytest.raises(InputError) as refused:
        loaded.registrations.register("S1", EventKind.SAMTALE, day, by="AB", today=EXPORT_DAY)

    assert all(word in str(refused.value) for word in words)
    assert "Ret datoen" in refused.value.in_language("da")
    assert loaded.cases.case_detail("S1", EXPORT_DAY).events == ()
    assert outbox(loaded) == []


def test_a_note_is_saved_with_the_registration(loaded: Workbench) -> None:
    registered = loaded.registrations.register("S1", EventKind.SAMTALE, DAY, by="AB",
                                               today=EXPORT_DAY, note="Aftalt praktik")

    detail = loaded.cases.case_detail("S1", EXPORT_DAY)
    assert [e.event_id for e in detail.events] == [registered.event_id]
    assert [(n.note_id, n.text) for n in detail.notes] == [(registered.note_id,
                                                            "Aftalt praktik")]


def test_a_withdrawal_needs_a_reason_and_is_audited_and_listed_struck(
        loaded: Workbench) -> None:
    event_id = loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    with pytest.raises(InputError):
        loaded.registrations.withdraw(event_id, reason="  ", by="AB")

    gone = loaded.registrations.withdraw(event_id, reason="Forkert borger", by="AB")

    assert (gone.case_id, gone.kind, gone.date) == ("S1", EventKind.SAMTALE, DAY)
    detail = loaded.cases.case_detail("S1", EXPORT_DAY)
    assert detail.events == ()
    [withdrawn] = detail.withdrawn_events
    assert (withdrawn.date, withdrawn.kind, withdrawn.withdrawn_by,
            withdrawn.withdrawn_reason, withdrawn.registered_by) == (
        DAY, EventKind.SAMTALE, "AB", "Forkert borger", "AB")
    assert withdrawn.withdrawn
    [entry] = [e for e in loaded.audit.audit_log() if e.action is AuditAction.WITHDRAW_EVENT]
    assert (entry.initials, entry.case_id) == ("AB", "S1")
    assert "Forkert borger" not in (entry.detail or "")  # free text stays out of the log


def test_registering_again_after_a_withdrawal_stands_and_is_not_listed_withdrawn(
        loaded: Workbench) -> None:
    event_id = loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    loaded.registrations.withdraw(event_id, reason="fejl", by="AB")
    loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")

    detail = loaded.cases.case_detail("S1", EXPORT_DAY)
    assert [(e.date, e.kind) for e in detail.events] == [(DAY, EventKind.SAMTALE)]
    assert detail.withdrawn_events == ()


def test_a_correction_withdraws_and_registers_the_right_kind_and_date(
        loaded: Workbench) -> None:
    event_id = loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    right = DAY - dt.timedelta(days=1)

    _, new_id = loaded.registrations.correct(event_id, EventKind.SCREENING, right,
                                             reason="Forkert type", by="AB", today=EXPORT_DAY)

    detail = loaded.cases.case_detail("S1", EXPORT_DAY)
    assert [(e.event_id, e.date, e.kind) for e in detail.events] == [
        (new_id, right, EventKind.SCREENING)]
    assert [(e.date, e.kind) for e in detail.withdrawn_events] == [(DAY, EventKind.SAMTALE)]


def test_unknown_ids_are_refused_and_change_nothing(loaded: Workbench) -> None:
    with pytest.raises(InputError, match="999"):
        loaded.registrations.withdraw(999, reason="x", by="AB")
    with pytest.raises(InputError, match="998"):
        loaded.registrations.edit_note(998, "x", by="AB")
    with pytest.raises(InputError, match="997"):
        loaded.registrations.delete_note(997, by="AB")
    with pytest.raises(InputError, match="EF"):
        loaded.registrations.cancel_cover("EF", by="AB")
    assert outbox(loaded) == [] and edits(loaded) == []


def test_notes_are_edited_deleted_and_brought_back_each_audited(loaded: Workbench) -> None:
    note_id = loaded.registrations.add_note("S1", "Ringede", by="AB")

    assert loaded.registrations.edit_note(note_id, "Ringede tilbage", by="AB") == "Ringede"
    assert [n.text for n in loaded.cases.case_detail("S1", EXPORT_DAY).notes] == ["Ringede tilbage"]
    deleted = loaded.registrations.delete_note(note_id, by="AB")
    assert loaded.cases.case_detail("S1", EXPORT_DAY).notes == ()
    loaded.registrations.restore_note(deleted, by="AB")
    assert [n.text for n in loaded.cases.case_detail("S1", EXPORT_DAY).notes] == ["Ringede tilbage"]
    assert edits(loaded) == [AuditAction.EDIT_NOTE, AuditAction.DELETE_NOTE,
                             AuditAction.EDIT_NOTE]


def test_a_cancelled_cover_is_audited_and_can_be_put_back(loaded: Workbench) -> None:
    loaded.registrations.assign_cover("EF", "AB", DAY, DAY + dt.timedelta(days=7), by="AB")

    was = loaded.registrations.cancel_cover("EF", by="AB")

    assert loaded.registrations.covers(DAY) == []
    assert edits(loaded) == [AuditAction.CANCEL_COVER]
    loaded.registrations.restore_cover(was, by="AB")
    assert [(c.absent, c.covering) for c in loaded.registrations.covers(DAY)] == [("EF", "AB")]


def replica(tmp_path: Path, name: str) -> Workbench:
    workbench = Workbench.open(tmp_path / f"{name}.db")
    workbench.imports.import_files(write_export(tmp_path / f"export-{name}"), today=EXPORT_DAY)
    return workbench


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Workbench, Workbench, MemoryTransport]]:
    shared = tmp_path / "share"
    shared.mkdir()
    first, second = replica(tmp_path, "ab"), replica(tmp_path, "cd")
    first.team.join("AB", ["AB", "CD"], folder=shared)
    second.team.join("CD", ["AB", "CD"], folder=shared)
    yield first, second, MemoryTransport()
    first.close()
    second.close()


def test_a_teammate_sees_the_withdrawal_with_who_and_why(
        team: tuple[Workbench, Workbench, MemoryTransport]) -> None:
    ab, cd, hub = team
    event_id = ab.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    note_id = ab.registrations.add_note("S1", "Første tekst", by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    ab.registrations.withdraw(event_id, reason="Registreret på forkert sag", by="AB")
    ab.registrations.edit_note(note_id, "Rettet tekst", by="AB")
    ab.team.sync_now(hub)
    cd.team.sync_now(hub)

    detail = cd.cases.case_detail("S1", EXPORT_DAY)
    assert detail.events == ()
    assert [(e.withdrawn_by, e.withdrawn_reason) for e in detail.withdrawn_events] == [
        ("AB", "Registreret på forkert sag")]
    assert [n.text for n in detail.notes] == ["Rettet tekst"]


def test_a_correction_onto_an_existing_event_changes_nothing(loaded: Workbench) -> None:
    first = loaded.registrations.register_event("S1", EventKind.SAMTALE, DAY, by="AB")
    loaded.registrations.register_event("S1", EventKind.SCREENING, DAY, by="AB")
    before = outbox(loaded)

    with pytest.raises(InputError, match="S1"):
        loaded.registrations.correct(first, EventKind.SCREENING, DAY, reason="x", by="AB",
                                     today=EXPORT_DAY)

    assert outbox(loaded) == before
    assert loaded.cases.case_detail("S1", EXPORT_DAY).withdrawn_events == ()
