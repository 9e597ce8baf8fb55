"""Team sync that cannot be poisoned, cannot silently diverge, keeps personal data off the share.

Each test runs over the shared folder and, where the run has a server, the PostgreSQL hub.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, delete, func, select

from tests.helpers.sync_support import EXPORT_DAY, Meeting, team_state, transport_kinds
from tests.helpers.sync_support import write_export as write_team_export
from workbench.errors import SyncError, TeamSetupError
from workbench.session import Workbench
from workbench.store.models import sync_entries
from workbench.sync import hlc, state
from workbench.sync.entries import EntityType, Entry, event_entity_id, new_entity_id
from workbench.sync.folder import BATCH_NAME, FolderTransport
from workbench.sync.hub import HubTransport, hub_entries, hub_url
from workbench.sync.keys import load_key
from workbench.sync.sealing import Sealed, TeamKey
from workbench.sync.team import open_transport
from workbench.vocabulary import Channel, EventKind

MEMBERS = ("AB", "CD", "EF")
DAY = dt.date(2026, 3, 2)
CPR = "0101901234"  # the export's CPR number (tests/helpers/exports.py), without its dash
SECRET = "Sygemeldt, ring 0101901234 om helbred"
FOLDER_ONLY = pytest.mark.parametrize("meeting", ["folder"], indirect=True)
# Always collected (a run without a server deselects it with -m "not postgres"), so that no
# run reports it skipped for an empty parameter set.
HUB_ONLY = pytest.mark.parametrize(
    "meeting", [pytest.param("hub", marks=pytest.mark.postgres)], indirect=True)


@pytest.fixture(params=transport_kinds())
def meeting(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Meeting]:
    place = Meeting(request.param, tmp_path / "share")
    yield place
    place.close()


@pytest.fixture
def team(meeting: Meeting, tmp_path: Path) -> Iterator[list[Workbench]]:
    """Three imported members who joined the team (the others with the first's join code)."""
    members = []
    code = None
    for me in MEMBERS:
        workbench = Workbench.open(tmp_path / f"{me}.db")
        workbench.imports.import_files(write_team_export(tmp_path / f"export-{me}"),
                                       today=EXPORT_DAY)
        target = {"server": meeting.url} if meeting.kind == "hub" else {"folder": meeting.folder}
        joined = workbench.team.join(me, MEMBERS, join_code=code, **target)
        code = code or joined.join_code
        members.append(workbench)
    yield members
    for workbench in members:
        workbench.close()


def team_key(workbench: Workbench) -> TeamKey:
    with workbench.database.transaction() as connection:
        return load_key(state.read(connection, state.KEY_ID)[state.KEY_ID])


def transport_of(workbench: Workbench) -> FolderTransport | HubTransport:
    settings = workbench.team.status().settings
    assert settings is not None
    return open_transport(settings, workbench.database)


def crafted(values: dict[str, Any], *, entity_type: EntityType = EntityType.NOTE,
            author: str = "AB", hlc_text: str | None = None, seq: int = 1,
            node: str = "crafted", entity_id: str | None = None) -> Entry:
    """An entry as a buggy or newer teammate's replica might make it (no local checks)."""
    return Entry(entry_id=str(uuid.uuid4()), author=author,
                 hlc=hlc_text or hlc.Timestamp(hlc.physical_now_ms(), 0, node).encode(),
                 entity_type=entity_type, entity_id=entity_id or new_entity_id(),
                 case_id="S1", values=values, node=node, seq=seq)


def note(text: str = "ok") -> dict[str, Any]:
    return {"case_id": "S1", "author": "AB", "written_at": "2026-03-02T08:00:00", "text": text}


# --- 1. validated, quarantined, held back ------------------------------------------------------


def test_poisoned_entries_are_quarantined_and_never_break_a_sync(team: list[Workbench]) -> None:
    ab, cd, _ = team
    key, hub = team_key(ab), transport_of(ab)
    future = hlc.Timestamp(10**15 - 1, 99_999, "poison").encode()
    poisoned = [
        crafted({"case_id": "S1", "date": "2026-03-02", "kind": "videomøde", "present": True},
                entity_type=EntityType.EVENT,
                entity_id=event_entity_id("S1", "2026-03-02", "videomøde"), seq=1),
        crafted({"case_id": "S1", "date": "2026-02-30", "kind": "samtale", "present": True},
                entity_type=EntityType.EVENT,
                entity_id=event_entity_id("S1", "2026-02-30", "samtale"), seq=2),
        crafted({"case_id": "S1", "channel": "brevdue", "received": "2026-03-02",
                 "registered_by": "AB", "registered_at": "2026-03-02T08:00:00"},
                entity_type=EntityType.INQUIRY, seq=3),
        crafted(note(""), seq=4),
        crafted(note("fine"), author="", seq=5),
    ]
    fine = crafted(note("fine"), seq=6)
    hub.push([key.seal(entry, "AB") for entry in [*poisoned, fine]])
    hub.push([key.seal(crafted(note("far future"), hlc_text=future, seq=7), "AB")])

    report = cd.team.sync_now()

    assert report.held == {"invalid": 5, "ahead": 1}
    assert report.total_received == 1
    status = cd.team.status()
    assert status.held == {"invalid": 5, "ahead": 1}
    assert status.quarantine_authors == ("AB",)
    cd.registrations.register_event("S1", EventKind.SAMTALE, DAY,
                                    by="CD")  # the clock is still usable
    assert cd.team.sync_now().held == {"ahead": 1}  # retried, still held; the invalid stay put
    assert [row.text for row in cd.cases.case_detail("S1", EXPORT_DAY).notes] == ["fine"]

    held = cd.team.quarantine()
    dropped = next(entry.entry_id for entry in held if entry.reason == "invalid")
    assert len(cd.team.quarantine(dropped)) == 5
    with pytest.raises(Exception, match=dropped):
        cd.team.quarantine(dropped)
    cd.team.sync_now()
    assert cd.team.status().held == {"invalid": 4, "ahead": 1}


def test_an_entry_of_a_newer_format_waits_with_a_message(team: list[Workbench]) -> None:
    ab, cd, _ = team
    key = team_key(ab)
    newer = dataclasses.replace(key.seal(crafted(note("from the future version")), "AB"),
                                version=3)

    transport_of(ab).push([newer])
    report = cd.team.sync_now()

    assert report.held == {"newer": 1}
    assert [entry.problem for entry in cd.team.quarantine()] == ["sync.newer_version"]
    assert "newer version" in render_en("sync.newer_version")


def render_en(key: str) -> str:
    from workbench.messages import render

    return render(key, language="en")


def test_a_member_ten_minutes_ahead_is_held_back_until_the_clocks_meet(
        team: list[Workbench], monkeypatch: pytest.MonkeyPatch) -> None:
    ab, cd, _ = team
    real = hlc.physical_now_ms
    monkeypatch.setattr(hlc, "physical_now_ms", lambda: real() + 10 * 60_000)
    ab.registrations.add_note("S1", "written ten minutes ahead", by="AB")
    ab.team.sync_now()
    monkeypatch.setattr(hlc, "physical_now_ms", real)

    assert cd.team.sync_now().held == {"ahead": 1}
    assert cd.cases.case_detail("S1", EXPORT_DAY).notes == ()
    monkeypatch.setattr(hlc, "physical_now_ms", lambda: real() + 6 * 60_000)  # time passes
    report = cd.team.sync_now()

    assert (report.held, report.total_received) == ({}, 1)
    assert cd.team.status().held == {}


def test_an_entry_not_sealed_with_the_team_key_is_quarantined(team: list[Workbench]) -> None:
    ab, cd, _ = team
    stranger = TeamKey.new()  # someone who reached the share but has no join code
    forged = stranger.seal(crafted(note("forged")), "AB")
    changed = dataclasses.replace(team_key(ab).seal(crafted(note("changed")), "AB"), seq=9)

    transport_of(ab).push([forged, changed])
    report = cd.team.sync_now()

    assert report.held == {"invalid": 2}
    assert {entry.problem for entry in cd.team.quarantine()} == {"sync.not_authentic"}
    assert cd.cases.case_detail("S1", EXPORT_DAY).notes == ()


# --- 2. nothing silently lost -----------------------------------------------------------------


def delete_from_share(meeting: Meeting, member: str) -> None:
    """Lose everything a member published so far (a clean-up, or deleted hub rows)."""
    if meeting.kind == "folder":
        for path in (meeting.folder / member).iterdir():
            if BATCH_NAME.match(path.name):
                path.unlink()
        return
    engine = create_engine(hub_url(meeting.url))
    with engine.begin() as connection:
        connection.execute(delete(hub_entries).where(hub_entries.c.member == member))
    engine.dispose()


def test_a_lost_batch_is_noticed_asked_for_and_sent_again(meeting: Meeting,
                                                          team: list[Workbench]) -> None:
    ab, cd, ef = team
    ab.registrations.add_note("S1", "first", by="AB")
    ab.team.sync_now()
    cd.team.sync_now()  # CD has it; EF has not read it yet
    delete_from_share(meeting, "AB")
    ab.registrations.add_note("S1", "second", by="AB")
    ab.team.sync_now()

    noticed = ef.team.sync_now()
    assert noticed.missing == 1 and noticed.total_received == 1
    assert ef.team.status().missing == 1
    resent = ab.team.sync_now()
    assert resent.resent == 1
    healed = ef.team.sync_now()

    assert (healed.total_received, healed.missing) == (1, 0)
    assert sorted(n.text for n in ef.cases.case_detail("S1", EXPORT_DAY).notes) == ["first",
                                                                                    "second"]
    for member in team:
        member.team.sync_now()
    assert team_state(ab)["entries"] == team_state(cd)["entries"] == team_state(ef)["entries"]


def test_a_lost_last_batch_is_noticed_from_the_authors_published_state(
        meeting: Meeting, team: list[Workbench]) -> None:
    ab, cd, _ = team
    ab.registrations.add_note("S1", "only one", by="AB")
    ab.team.sync_now()
    delete_from_share(meeting, "AB")

    assert cd.team.sync_now().missing == 1
    ab.team.sync_now()
    assert [n.text for n in cd.cases.case_detail("S1", EXPORT_DAY).notes] == []
    assert cd.team.sync_now().total_received == 1


@FOLDER_ONLY
def test_batch_numbers_are_never_reused_after_a_clean_up(tmp_path: Path,
                                                         team: list[Workbench],
                                                         meeting: Meeting) -> None:
    ab, cd, _ = team
    for text in ("one", "two", "three"):
        ab.registrations.add_note("S1", text, by="AB")
        ab.team.sync_now()
    cd.team.sync_now()
    before = max(BATCH_NAME.match(p.name)[1] for p in (meeting.folder / "AB").iterdir()
                 if BATCH_NAME.match(p.name))
    delete_from_share(meeting, "AB")
    for text in ("four", "five", "six", "seven"):
        ab.registrations.add_note("S1", text, by="AB")
        ab.team.sync_now()
    after = sorted(BATCH_NAME.match(p.name)[1] for p in (meeting.folder / "AB").iterdir()
                   if BATCH_NAME.match(p.name))

    assert min(after) > before
    cd.team.sync_now()
    assert len(cd.cases.case_detail("S1", EXPORT_DAY).notes) == 7


def test_an_author_spelled_in_lower_case_still_reaches_everyone(team: list[Workbench]) -> None:
    ab, cd, _ = team
    ab.registrations.add_note("S1", "by lower case", by="ab")
    ab.registrations.register_event("S1", EventKind.SAMTALE, DAY,
                                    by="jdoe")  # a login name, no initials

    assert ab.team.sync_now().total_sent == 2
    assert cd.team.sync_now().total_received == 2
    assert ab.team.status().pending == 0


@HUB_ONLY
def test_the_hub_refuses_a_push_from_someone_who_is_not_a_member(meeting: Meeting,
                                                                 team: list[Workbench]) -> None:
    ab = team[0]
    stranger = HubTransport(meeting.url, MEMBERS, "XY")  # not prepared: never joined
    with pytest.raises(SyncError, match="fk_team_log_member"):
        stranger.push([team_key(ab).seal(crafted(note("intruder")), "XY")])
    with pytest.raises(SyncError):
        stranger.push([team_key(ab).seal(crafted(note("intruder")), "ab")])


def test_team_status_says_in_sync_or_who_differs(team: list[Workbench]) -> None:
    ab, cd, ef = team
    assert ab.team.status().convergence is None
    ab.registrations.add_note("S1", "n", by="AB")
    for member in (ab, cd, ef, ab, cd, ef):
        member.team.sync_now()
    assert all(m.team.status().convergence.in_sync for m in team)  # type: ignore[union-attr]

    cd.registrations.add_note("S2", "AB has not synced since", by="CD")
    cd.team.sync_now()
    ef.team.sync_now()
    status = ef.team.status().convergence
    assert status is not None and not status.in_sync
    [(member, _, split)] = status.differences
    [(node, counts)] = split.items()
    assert (member, status.names[node], counts) == ("AB", "CD", (0, 1))  # AB: 0, me: 1


# --- 3. personal data off the share ---------------------------------------------------------


def share_bytes(meeting: Meeting) -> bytes:
    """Everything on the share: every file of the folder, or every row of every hub table."""
    if meeting.kind == "folder":
        return b"".join(path.read_bytes() for path in sorted(meeting.folder.rglob("*"))
                        if path.is_file())
    engine = create_engine(hub_url(meeting.url))
    found = b""
    with engine.connect() as connection:
        for table in ("team_log", "team_members", "team_states", "team_keys"):
            for row in connection.exec_driver_sql(f"SELECT * FROM {table}"):
                found += repr(tuple(row)).encode("utf-8")
                found += b"".join(bytes(v) for v in row if isinstance(v, bytes | memoryview))
    engine.dispose()
    return found


def test_no_note_text_and_no_cpr_lies_on_the_share(meeting: Meeting,
                                                   team: list[Workbench]) -> None:
    ab, cd, _ = team
    ab.registrations.add_note("S1", SECRET, by="AB")
    inquiry = cd.inquiries.add("S2", Channel.PHONE, DAY, by="CD")
    cd.inquiries.answer(inquiry, DAY, by="CD")
    for member in team:
        member.team.sync_now()
    assert [n.text for n in cd.cases.case_detail("S1", EXPORT_DAY).notes] == [SECRET]

    on_share = share_bytes(meeting)
    assert len(on_share) > 1000
    for needle in ("Sygemeldt", "helbred", CPR, "010190-1234", "samtale", "phone"):
        assert needle.encode("utf-8") not in on_share, needle


@FOLDER_ONLY
@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_batch_files_and_the_members_folder_are_owner_only(meeting: Meeting,
                                                           team: list[Workbench]) -> None:
    team[0].registrations.add_note("S1", "x", by="AB")
    team[0].team.sync_now()
    mine = meeting.folder / "AB"
    assert stat.S_IMODE(mine.stat().st_mode) == 0o700
    files = list(mine.iterdir())
    assert len(files) == 2  # one batch, one state
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {0o600}


def test_joining_needs_the_teams_join_code(meeting: Meeting, tmp_path: Path,
                                           team: list[Workbench],
                                           private_keyring: Path) -> None:
    private_keyring.unlink()  # another computer: its keyring has no team key
    late = Workbench.open(tmp_path / "late.db")
    target = {"server": meeting.url} if meeting.kind == "hub" else {"folder": meeting.folder}
    with pytest.raises(TeamSetupError, match=r"join code|tilmeldingskode"):
        late.team.join("EF", MEMBERS, **target)
    with pytest.raises(TeamSetupError):
        late.team.join("EF", MEMBERS, join_code=TeamKey.new().join_code, **target)
    with pytest.raises(TeamSetupError):
        late.team.join("EF", MEMBERS, join_code="WBT1-NOT-A-CODE", **target)
    late.close()


@HUB_ONLY
def test_another_teams_role_reads_none_of_this_teams_rows(meeting: Meeting) -> None:
    """Row-level security on the hub: each team's role sees its own rows only."""
    admin = create_engine(hub_url(meeting.url), isolation_level="AUTOCOMMIT")
    suffix = uuid.uuid4().hex[:8]
    roles = (f"wb_team_a_{suffix}", f"wb_team_b_{suffix}")
    with admin.connect() as connection:
        for role in roles:
            connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
            connection.exec_driver_sql(
                f'GRANT CONNECT ON DATABASE "{hub_url(meeting.url).database}" TO {role}')
    try:
        url_a, url_b = (hub_url(meeting.url).set(username=role, password=None)
                        .render_as_string(hide_password=False) for role in roles)
        team_a = HubTransport(url_a, ("AB",), "AB")
        team_a.prepare()
        key = TeamKey.new()
        team_a.push([key.seal(crafted(note("team A's")), "AB")])
        team_a.publish_state("crafted", b"state of team A")
        team_b = HubTransport(url_b, ("AB",), "AB")  # team B also has an AB
        team_b.prepare()

        assert len(team_a.pull(None).entries) == 1
        assert team_b.pull(None).entries == []
        assert team_b.states() == []
        engine_b = create_engine(hub_url(url_b))
        with engine_b.connect() as connection:
            assert connection.execute(select(func.count()).select_from(hub_entries)
                                      ).scalar_one() == 0
        engine_b.dispose()
    finally:
        with admin.connect() as connection:
            for role in roles:
                connection.exec_driver_sql(f"DROP OWNED BY {role}")
                connection.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()


def test_the_outbox_entries_are_numbered_without_gaps(team: list[Workbench]) -> None:
    ab = team[0]
    for n in range(3):
        ab.registrations.add_note("S1", f"n{n}", by="AB")
    with ab.database.transaction() as connection:
        numbers = connection.execute(select(sync_entries.c.seq).where(
            sync_entries.c.local.is_(True)).order_by(sync_entries.c.seq)).scalars().all()
    assert numbers == [1, 2, 3]


def test_a_sealed_entry_round_trips_and_hides_everything_but_routing() -> None:
    key = TeamKey.new()
    entry = crafted(note(SECRET))
    sealed = key.seal(entry, "AB")

    assert key.open(sealed) == dataclasses.replace(entry, bases={})
    assert SECRET.encode() not in repr(sealed.to_json()).encode()
    assert Sealed.from_json(sealed.to_json()) == sealed
    assert TeamKey.from_join_code(key.join_code.lower()).key == key.key


def test_a_quarantined_entry_shows_no_cpr_number(team: list[Workbench]) -> None:
    ab, cd, _ = team
    bad = crafted({"case_id": "S1", "date": "2026-03-02", "kind": "videomøde",
                   "present": True}, entity_type=EntityType.EVENT, author="010190-1234",
                  entity_id=event_entity_id("S1", "2026-03-02", "videomøde"))
    transport_of(ab).push([team_key(ab).seal(bad, "AB")])

    assert cd.team.sync_now().held == {"invalid": 1}
    shown = repr(cd.team.quarantine()) + repr(cd.team.status())
    assert "1234" not in shown and "010190-xxxx" in shown
