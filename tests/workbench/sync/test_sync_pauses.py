"""Pauses and exemptions travel through the hardened team sync: sealed, numbered, checked.

Each test runs over the shared folder and, where the run has a server, the PostgreSQL hub,
with a team that joined by join code (so every entry is sealed with the team key).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.exports import Case, write_cases, write_events
from tests.helpers.sync_support import Meeting, transport_kinds
from workbench.engine import Status
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.store.models import sync_entries
from workbench.sync import hlc, state
from workbench.sync.entries import EntityType, Entry, new_entity_id
from workbench.sync.keys import load_key
from workbench.sync.sealing import TeamKey
from workbench.sync.team import open_transport
from workbench.sync.validate import InvalidEntryError, check

MEMBERS = ("AB", "CD")
START = "2026-01-05"          # SDP-1 (gaeldende-2026) falls due Sun 2026-03-01
DAY = dt.date(2026, 3, 6)
HOSPITAL = (dt.date(2026, 2, 20), dt.date(2026, 3, 5))   # 14 days: SDP-1 moves to 15 March


@pytest.fixture(autouse=True)
def no_site_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT chose no profile here: a new database takes today's law, gaeldende-2026."""
    config = tmp_path / "empty-site-config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))


@pytest.fixture(params=transport_kinds())
def meeting(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Meeting]:
    place = Meeting(request.param, tmp_path / "share")
    yield place
    place.close()


@pytest.fixture
def team(meeting: Meeting, tmp_path: Path) -> Iterator[list[Workbench]]:
    """AB and CD with the same export (sickness benefit S1, S2), CD joined by AB's code."""
    members = []
    code = None
    for me in MEMBERS:
        workbench = Workbench.open(tmp_path / f"{me}.db")
        folder = tmp_path / f"export-{me}"
        folder.mkdir()
        workbench.imports.import_files([
            write_cases(folder / "sager.csv", [Case(c, start=START) for c in ("S1", "S2")]),
            write_events(folder / "haendelser.csv", [])], today=DAY)
        target = {"server": meeting.url} if meeting.kind == "hub" else {"folder": meeting.folder}
        joined = workbench.team.join(me, MEMBERS, join_code=code, **target)
        code = code or joined.join_code
        members.append(workbench)
    yield members
    for workbench in members:
        workbench.close()


def row_of(workbench: Workbench, case_id: str) -> tuple[object, ...]:
    row = next(r for r in workbench.cases.caseload(DAY) if r.case_id == case_id)
    return row.status, row.milestone_id, row.next_due


def stored_numbers(workbench: Workbench) -> list[tuple[str, int | None]]:
    """The entity type and sequence number of each of the replica's own entries."""
    with workbench.database.transaction() as connection:
        return [(row.entity_type, row.seq) for row in connection.execute(
            sync_entries.select().where(sync_entries.c.local.is_(True))
            .order_by(sync_entries.c.seq))]


def test_a_teammates_pause_and_exemption_reach_the_other_member(team: list[Workbench]) -> None:
    ab, cd = team
    pause_id = ab.pauses.pause("S1", HOSPITAL[0], None, "indlagt", by="AB")
    ab.pauses.exempt("S2", "SDP-1", "sdp-13f", by="AB")
    assert stored_numbers(ab) == [("pause", 1), ("exemption", 2)]
    assert ab.team.sync_now().sent == {"pause": 1, "exemption": 1}

    report = cd.team.sync_now()
    assert report.held == {}
    assert report.received == {"pause": 1, "exemption": 1}
    assert cd.team.status().held == {}
    pause = cd.cases.case_detail("S1", DAY).pauses[0]
    assert (pause.starts, pause.ends, pause.reason, pause.registered_by) == (
        HOSPITAL[0], None, "indlagt", "AB")
    assert [(e.rule_id, e.reason) for e in cd.cases.case_detail("S2", DAY).exemptions] == [
        ("SDP-1", "sdp-13f")]
    assert row_of(cd, "S1") == row_of(ab, "S1")
    assert row_of(cd, "S1")[2] == dt.date(2026, 3, 16)   # still on: 20 Feb – 6 Mar

    # CD ends the pause and withdraws the exemption; both reach AB the same way.
    cd.pauses.end_pause(pause.pause_id, HOSPITAL[1], by="CD")
    cd.pauses.withdraw_exemption(cd.cases.case_detail("S2", DAY).exemptions[0].exemption_id,
                                 by="CD")
    cd.team.sync_now()
    assert ab.team.sync_now().held == {}
    assert ab.cases.case_detail("S1", DAY).pauses[0].pause_id == pause_id
    assert ab.cases.case_detail("S1", DAY).pauses[0].ends == HOSPITAL[1]
    assert ab.cases.case_detail("S2", DAY).exemptions[0].withdrawn
    assert row_of(ab, "S1") == row_of(cd, "S1") == (Status.AMBER, "SDP-1",
                                                    dt.date(2026, 3, 15))
    assert row_of(ab, "S2") == row_of(cd, "S2")
    assert ab.team.status().held == {} and cd.team.status().held == {}


def pause_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "case_id": "S1", "starts": "2026-02-20", "reason": "indlagt", "registered_by": "AB",
        "registered_at": "2026-03-02T08:00:00", "ends": None, "withdrawn": False}
    values.update(changes)
    return values


def exemption_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "case_id": "S1", "rule_id": "SDP-1", "reason": "sdp-13f", "registered_by": "AB",
        "registered_at": "2026-03-02T08:00:00", "withdrawn": False}
    values.update(changes)
    return values


def crafted(values: dict[str, Any], entity_type: EntityType, seq: int) -> Entry:
    """An entry as a buggy or newer teammate's replica might make it (no local checks)."""
    return Entry(entry_id=str(uuid.uuid4()), author="AB",
                 hlc=hlc.Timestamp(hlc.physical_now_ms(), 0, "crafted").encode(),
                 entity_type=entity_type, entity_id=new_entity_id(), case_id="S1",
                 values=values, node="crafted", seq=seq)


MALFORMED = [
    (EntityType.PAUSE, pause_values(reason="no-such-reason")),
    (EntityType.PAUSE, pause_values(reason="sdp-13f")),          # an exemption's reason
    (EntityType.PAUSE, pause_values(starts="2026-02-30")),
    (EntityType.PAUSE, pause_values(ends="2026-02-19")),         # before it starts
    (EntityType.PAUSE, pause_values(withdrawn="no")),
    (EntityType.PAUSE, pause_values(registered_by="")),
    (EntityType.EXEMPTION, exemption_values(rule_id="NO-SUCH-RULE")),
    (EntityType.EXEMPTION, exemption_values(reason="indlagt")),  # a pause's reason
]


@pytest.mark.parametrize(("entity_type", "values"), MALFORMED)
def test_check_refuses_a_malformed_pause_or_exemption(entity_type: EntityType,
                                                      values: dict[str, Any]) -> None:
    with pytest.raises(InvalidEntryError):
        check(crafted(values, entity_type, 1))


def test_check_accepts_what_a_local_change_makes() -> None:
    check(crafted(pause_values(), EntityType.PAUSE, 1))
    check(crafted(pause_values(ends="2026-03-05"), EntityType.PAUSE, 1))
    check(crafted({"ends": "2026-03-05"}, EntityType.PAUSE, 1))
    check(crafted(exemption_values(), EntityType.EXEMPTION, 1))
    # Either shipped profile's vocabulary: the seed profile's rule ids too.
    check(crafted(exemption_values(rule_id="SDP1"), EntityType.EXEMPTION, 1))


def test_a_malformed_pause_is_quarantined_and_a_good_one_still_applies(
        team: list[Workbench]) -> None:
    ab, cd = team
    with ab.database.transaction() as connection:
        key = load_key(state.read(connection, state.KEY_ID)[state.KEY_ID])
    settings = ab.team.status().settings
    assert settings is not None
    transport = open_transport(settings, ab.database)
    bad = [crafted(values, entity_type, seq)
           for seq, (entity_type, values) in enumerate(MALFORMED, start=1)]
    good = crafted(pause_values(ends="2026-03-05"), EntityType.PAUSE, len(bad) + 1)
    transport.push([key.seal(entry, "AB") for entry in [*bad, good]])

    report = cd.team.sync_now()

    assert report.held == {"invalid": len(MALFORMED)}
    assert report.received == {"pause": 1}
    assert cd.team.status().held == {"invalid": len(MALFORMED)}
    assert cd.team.status().quarantine_authors == ("AB",)
    assert [(p.starts, p.ends, p.reason) for p in cd.cases.case_detail("S1", DAY).pauses] == [
        (HOSPITAL[0], HOSPITAL[1], "indlagt")]
    assert row_of(cd, "S1") == (Status.AMBER, "SDP-1", dt.date(2026, 3, 15))
    held = {entry.entry_id for entry in cd.team.quarantine()}
    assert held == {entry.entry_id for entry in bad}
    assert cd.team.sync_now().held == {}   # the quarantined stay put, nothing new is held


def test_a_pause_sealed_with_another_key_is_quarantined(team: list[Workbench]) -> None:
    ab, cd = team
    settings = ab.team.status().settings
    assert settings is not None
    entry = crafted(pause_values(), EntityType.PAUSE, 1)
    open_transport(settings, ab.database).push(
        [TeamKey.new().seal(entry, "AB")])
    assert cd.team.sync_now().held == {"invalid": 1}
    assert cd.cases.case_detail("S1", DAY).pauses == ()
