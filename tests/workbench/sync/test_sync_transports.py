"""The transport contract, held by the shared folder and by the PostgreSQL hub alike."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.helpers.sync_support import (
    EXPORT_DAY,
    Meeting,
    sealed,
    team_state,
    transport_kinds,
)
from tests.helpers.sync_support import write_export as write_team_export
from workbench.errors import SyncError
from workbench.session import Workbench
from workbench.sync.entries import EntityType, Entry, new_entity_id
from workbench.sync.folder import FolderTransport
from workbench.sync.hlc import Timestamp
from workbench.sync.hub import HubTransport, hub_url
from workbench.sync.sealing import Sealed
from workbench.vocabulary import Channel, EventKind

MEMBERS = ("AB", "CD", "EF")


@pytest.fixture(params=transport_kinds())
def meeting(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Meeting]:
    place = Meeting(request.param, tmp_path / "share")
    yield place
    place.close()


def entries(author: str, count: int) -> list[Sealed]:
    return sealed([Entry(entry_id=str(uuid.uuid4()), author=author,
                  hlc=Timestamp(1_700_000_000_000 + n, 0, "ab").encode(),
                  entity_type=EntityType.NOTE, entity_id=new_entity_id(), case_id="S1",
                  values={"case_id": "S1", "author": author,
                          "written_at": "2026-03-02T08:00:00", "text": f"{author} {n}"})
            for n in range(count)], author, node=author.lower())


def ids(found: list[Sealed]) -> set[str]:
    return {entry.entry_id for entry in found}


def test_a_pull_goes_on_from_its_cursor(meeting: Meeting) -> None:
    ab, cd = meeting.transport("AB", MEMBERS), meeting.transport("CD", MEMBERS)
    first, second = entries("AB", 3), entries("CD", 2)

    ab.push(first)
    one = cd.pull(None)
    cd.push(second)
    two = cd.pull(one.cursor)
    three = cd.pull(two.cursor)

    assert ids(one.entries) == ids(first)
    assert ids(two.entries) == ids(second)
    assert three.entries == []


def test_pushing_again_is_harmless(meeting: Meeting) -> None:
    ab, cd = meeting.transport("AB", MEMBERS), meeting.transport("CD", MEMBERS)
    sent = entries("AB", 4)

    ab.push(sent)
    ab.push(sent[1:3])  # the outbox was not marked sent before a crash
    pulled = cd.pull(None).entries

    assert ids(pulled) == ids(sent)
    # The hub stores each entry once; a folder holds the repeat in a second batch.
    assert len(pulled) == (4 if meeting.kind == "hub" else 6)


def test_only_the_members_entries_are_pulled(meeting: Meeting) -> None:
    ours = entries("AB", 2)
    meeting.transport("AB", MEMBERS).push(ours)
    meeting.transport("XY", ("XY", "ZZ")).push(entries("XY", 2))

    assert ids(meeting.transport("CD", MEMBERS).pull(None).entries) == ids(ours)


@contextlib.contextmanager
def push_in_flight(meeting: Meeting, sending: list[Sealed]) -> Iterator[None]:
    """A push that has started writing but not finished (uncommitted, or not renamed yet)."""
    if meeting.kind == "folder":
        transport = meeting.transport(sending[0].member, MEMBERS)
        assert isinstance(transport, FolderTransport)
        staged = transport.stage(sending)
        yield
        staged.publish()
        return
    engine = create_engine(hub_url(meeting.url))
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            HubTransport.insert(connection, sending)
            yield
            transaction.commit()
    finally:
        engine.dispose()


def test_a_push_still_in_flight_is_not_skipped_by_a_later_one(meeting: Meeting) -> None:
    slow, quick = entries("AB", 3), entries("CD", 3)
    reader = meeting.transport("EF", MEMBERS)
    quick_push = threading.Thread(target=meeting.transport("CD", MEMBERS).push, args=(quick,))

    with push_in_flight(meeting, slow):
        quick_push.start()
        quick_push.join(timeout=1.0)
        during = reader.pull(None)
        if meeting.kind == "hub":  # pushes commit one after the other: the quick one waits
            assert quick_push.is_alive()
    quick_push.join()
    after = reader.pull(during.cursor)

    assert not ids(slow) & ids(during.entries)
    assert ids(during.entries) | ids(after.entries) == ids(slow) | ids(quick)


def test_an_unreachable_hub_is_a_sync_error() -> None:
    hub = HubTransport("postgresql://nobody:secret@127.0.0.1:1/hub", MEMBERS)

    with pytest.raises(SyncError, match="kan ikke bruge teamets hub") as failed:
        hub.pull(None)

    assert "secret" not in str(failed.value)


def test_three_members_converge_over_the_transport(meeting: Meeting, tmp_path: Path) -> None:
    team = []
    for me in MEMBERS:
        workbench = Workbench.open(tmp_path / f"{me}.db")
        workbench.imports.import_files(write_team_export(tmp_path / f"export-{me}"),
                                       today=EXPORT_DAY)
        meeting.join(workbench, me, MEMBERS)
        team.append(workbench)
    ab, cd, ef = team
    day = dt.date(2026, 3, 2)
    ab.registrations.register_event("S1", EventKind.SAMTALE, day, by="AB")
    inquiry = cd.inquiries.add("S2", Channel.PHONE, day, by="CD")
    cd.inquiries.answer(inquiry, day, by="CD")
    ef.registrations.add_note("S3", "Sygemeldt igen", by="EF")
    ef.registrations.assign_cover("AB", "EF", day, day + dt.timedelta(days=10), by="EF")

    reports = [member.team.sync_now() for member in (*team, *team)]

    assert [r.total_sent for r in reports] == [1, 2, 2, 0, 0, 0]
    assert [r.total_received for r in reports] == [0, 1, 3, 4, 2, 0]
    assert team_state(ab) == team_state(cd) == team_state(ef)
    assert [row.case_id for row in ef.cases.covered_caseload(EXPORT_DAY, covering="EF")] == ["S1"]
    for member in team:
        member.close()
