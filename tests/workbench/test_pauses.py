"""Pauses and exemptions stored, shared and used; an existing database keeps its rules."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, select, text

from tests.helpers.exports import Case, write_cases, write_events
from tests.helpers.migrations import at_revision
from tests.helpers.sync_support import MemoryTransport
from workbench.audit import AuditAction
from workbench.engine import Status
from workbench.errors import InputError, UnknownCaseError
from workbench.reports import write_status_report
from workbench.resources import load_named_profile
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.store.models import audit_log, exemptions, pauses, settings, sync_entries
from workbench.sync.entries import EntityType

START = "2026-01-05"          # SDP-1 (gaeldende-2026) falls due Sun 2026-03-01
DAY = dt.date(2026, 3, 6)
HOSPITAL = (dt.date(2026, 2, 20), dt.date(2026, 3, 5))   # 14 days: SDP-1 moves to 15 March


@pytest.fixture(autouse=True)
def no_site_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT chose no profile here: a new database takes today's law, gaeldende-2026."""
    config = tmp_path / "empty-site-config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))


def export(folder: Path, *case_ids: str) -> list[Path]:
    """A sickness benefit case per id, started on START, and no events."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_cases(folder / "sager.csv", [Case(c, start=START) for c in case_ids]),
            write_events(folder / "haendelser.csv", [])]


@pytest.fixture
def loaded(workbench: Workbench, tmp_path: Path) -> Workbench:
    """A new database (so gaeldende-2026) with sickness benefit cases S1 and S2."""
    workbench.imports.import_files(export(tmp_path / "export", "S1", "S2"), today=DAY)
    return workbench


def row_of(workbench: Workbench, case_id: str, today: dt.date = DAY) -> tuple[object, ...]:
    """A case's list row: status, milestone and next due."""
    row = next(r for r in workbench.cases.caseload(today) if r.case_id == case_id)
    return row.status, row.milestone_id, row.next_due


def counts(workbench: Workbench) -> tuple[int, int, int, int]:
    """Pauses, exemptions, team entries and audit entries stored."""
    with workbench.database.transaction() as connection:
        return tuple(  # type: ignore[return-value]
            int(connection.execute(select(func.count()).select_from(table)).scalar_one())
            for table in (pauses, exemptions, sync_entries, audit_log))


# --- (1) an existing database keeps the rules its deadlines were computed with ---------------

def _at_revision_0004(url: str) -> str:
    """Build the schema of revision 0004 (before profiles had names) at ``url``."""
    at_revision(url, "0004")
    return url if "://" in url else f"sqlite+pysqlite:///{url}"


def _execute(target: str, statement: str) -> None:
    engine = create_engine(target)
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def _stored_profile(workbench: Workbench) -> str | None:
    with workbench.database.transaction() as connection:
        value = connection.execute(select(settings.c.value)
                                   .where(settings.c.key == "profile_name")).scalar()
    return None if value is None else str(json.loads(value))


@pytest.fixture
def old_database(database_url: str) -> Iterator[tuple[str, str]]:
    """A database at revision 0004: its URL or path, and an engine URL for raw statements."""
    yield database_url, _at_revision_0004(database_url)


def test_an_old_database_with_cases_keeps_the_seed_rules(old_database: tuple[str, str]) -> None:
    url, target = old_database
    _execute(target, "INSERT INTO cases (case_id, cpr, name, scheme, caseworker, start) "
                     "VALUES ('S1', '0101901234', 'Anne', 'sygedagpenge', 'AB', '2026-01-05')")
    with Workbench.open(url) as upgraded:
        assert _stored_profile(upgraded) == "kbh-2006-2017"
        assert upgraded.settings.load().profile_name == "kbh-2006-2017"
        # The seed rules' first conversation, end of week 8: the same deadline as before.
        assert row_of(upgraded, "S1", dt.date(2026, 2, 1))[1:] == ("SDP1", dt.date(2026, 3, 1))


def test_an_old_database_with_only_settings_keeps_the_seed_rules(
    old_database: tuple[str, str],
) -> None:
    url, target = old_database
    _execute(target, "INSERT INTO settings (key, value) VALUES ('my_initials', '\"AB\"')")
    with Workbench.open(url) as upgraded:
        assert upgraded.settings.load().profile_name == "kbh-2006-2017"


def test_an_old_empty_database_takes_todays_law(old_database: tuple[str, str]) -> None:
    url, _ = old_database
    with Workbench.open(url) as upgraded:
        assert _stored_profile(upgraded) is None
        assert upgraded.settings.load().profile_name == "gaeldende-2026"


def test_an_old_database_keeps_the_profile_it_stored(old_database: tuple[str, str]) -> None:
    url, target = old_database
    _execute(target, "INSERT INTO settings (key, value) VALUES ('profile_name', '\"default\"')")
    with Workbench.open(url) as upgraded:
        assert _stored_profile(upgraded) == "default"   # untouched; read under its new name
        assert upgraded.settings.load().profile_name == "kbh-2006-2017"


def test_a_new_database_stores_no_profile_and_uses_todays_law(workbench: Workbench) -> None:
    assert _stored_profile(workbench) is None
    assert workbench.settings.load().profile_name == "gaeldende-2026"


# --- (2) pauses -------------------------------------------------------------------------------

def test_a_pause_moves_the_due_date_in_the_lists_the_panel_and_the_report(
    loaded: Workbench,
) -> None:
    assert row_of(loaded, "S1") == (Status.RED, "SDP-1", dt.date(2026, 3, 1))
    pause_id = loaded.pauses.pause("S1", *HOSPITAL, "indlagt", by="AB")

    assert row_of(loaded, "S1") == (Status.AMBER, "SDP-1", dt.date(2026, 3, 15))
    assert row_of(loaded, "S2") == (Status.RED, "SDP-1", dt.date(2026, 3, 1))
    detail = loaded.cases.case_detail("S1", DAY)
    assert detail.case is not None and detail.case.next_due == dt.date(2026, 3, 15)
    assert [(p.pause_id, p.starts, p.ends, p.reason, p.reason_en, p.withdrawn)
            for p in detail.pauses] == [(pause_id, *HOSPITAL, "indlagt", "In hospital", False)]
    assert detail.pauses[0].reference.startswith("BEK om det fælles datagrundlag")
    reported = {c.case_id: c for c in loaded.cases.evaluated_cases(DAY)}
    assert reported["S1"].evaluation.next_due == dt.date(2026, 3, 15)
    assert reported["S2"].evaluation.next_due == dt.date(2026, 3, 1)


def test_a_pause_still_on_runs_until_it_is_ended(loaded: Workbench) -> None:
    pause_id = loaded.pauses.pause("S1", dt.date(2026, 2, 25), None, "indlagt", by="AB")
    # 25 Feb – 10 Mar: 14 paused days on 10 March.
    assert row_of(loaded, "S1", dt.date(2026, 3, 10))[2] == dt.date(2026, 3, 15)
    loaded.pauses.end_pause(pause_id, dt.date(2026, 2, 27), by="AB")
    assert row_of(loaded, "S1", dt.date(2026, 3, 10))[2] == dt.date(2026, 3, 4)
    assert loaded.cases.case_detail("S1", DAY).pauses[0].ends == dt.date(2026, 2, 27)


def test_a_withdrawn_pause_moves_nothing_and_stays_visible(loaded: Workbench) -> None:
    pause_id = loaded.pauses.pause("S1", *HOSPITAL, "ferie", by="AB")
    loaded.pauses.withdraw_pause(pause_id, by="CD")
    assert row_of(loaded, "S1") == (Status.RED, "SDP-1", dt.date(2026, 3, 1))
    assert [p.withdrawn for p in loaded.cases.case_detail("S1", DAY).pauses] == [True]
    with pytest.raises(InputError, match=f"pause {pause_id}"):
        loaded.pauses.end_pause(pause_id, dt.date(2026, 3, 1), by="CD")


def test_each_change_is_audited_with_who_did_it(loaded: Workbench) -> None:
    pause_id = loaded.pauses.pause("S1", *HOSPITAL, "indlagt", by="AB")
    loaded.pauses.end_pause(pause_id, dt.date(2026, 3, 1), by="CD")
    exemption_id = loaded.pauses.exempt("S2", "SDP-1", "sdp-13f", by="EF")
    loaded.pauses.withdraw_exemption(exemption_id, by="AB")
    entries = [(e.action, e.initials, e.case_id, e.detail) for e in loaded.audit.audit_log()
               if e.action in (AuditAction.PAUSE, AuditAction.EXEMPTION)]
    assert entries == [
        (AuditAction.PAUSE, "AB", "S1", "added indlagt from 2026-02-20 to 2026-03-05"),
        (AuditAction.PAUSE, "CD", "S1", f"pause {pause_id} ended 2026-03-01"),
        (AuditAction.EXEMPTION, "EF", "S2", "added SDP-1 sdp-13f"),
        (AuditAction.EXEMPTION, "AB", "S2", f"exemption {exemption_id} (SDP-1) withdrawn"),
    ]


@pytest.mark.parametrize(("case_id", "starts", "ends", "reason", "message"), [
    ("S9", HOSPITAL[0], None, "indlagt", "S9"),
    ("S1", HOSPITAL[0], None, "sdp-13f", "sdp-13f"),      # an exemption reason, not a pause's
    ("S1", HOSPITAL[0], None, "kur", "indlagt, ferie"),
    ("S1", HOSPITAL[1], HOSPITAL[0], "indlagt", "2026-02-20"),
])
def test_a_pause_that_makes_no_sense_changes_nothing(
    loaded: Workbench, case_id: str, starts: dt.date, ends: dt.date | None, reason: str,
    message: str,
) -> None:
    before = counts(loaded)
    with pytest.raises(InputError, match=message):
        loaded.pauses.pause(case_id, starts, ends, reason, by="AB")
    assert counts(loaded) == before


# --- (2) exemptions ---------------------------------------------------------------------------

def test_an_exempt_rule_is_in_no_list_until_the_exemption_is_withdrawn(
    loaded: Workbench,
) -> None:
    exemption_id = loaded.pauses.exempt("S1", "SDP-1", "sdp-13f", by="AB")
    milestone = row_of(loaded, "S1")[1]
    assert milestone != "SDP-1"
    assert "SDP-1" not in {m.rule_id for m in loaded.cases.case_detail("S1", DAY).milestones}
    reported = {c.case_id: c for c in loaded.cases.evaluated_cases(DAY)}
    assert "SDP-1" not in {m.rule_id for m in reported["S1"].evaluation.milestones}
    assert [(e.rule_id, e.reason, e.withdrawn) for e in loaded.cases.case_detail("S1",
                                                                                 DAY).exemptions
            ] == [("SDP-1", "sdp-13f", False)]

    loaded.pauses.withdraw_exemption(exemption_id, by="AB")
    assert row_of(loaded, "S1") == (Status.RED, "SDP-1", dt.date(2026, 3, 1))
    # Withdrawn, the same rule can be exempted again.
    loaded.pauses.exempt("S1", "SDP-1", "sdp-26u", by="AB")
    assert row_of(loaded, "S1")[1] != "SDP-1"


@pytest.mark.parametrize(("case_id", "rule_id", "reason", "error", "message"), [
    ("S9", "SDP-1", "sdp-13f", UnknownCaseError, "S9"),
    ("S1", "SDP1", "sdp-13f", InputError, "SDP1"),          # the seed profile's id
    ("S1", "KH-V", "sdp-13f", InputError, "KH-V gælder ikke sager om sygedagpenge"),
    ("S1", "SDP-1", "indlagt", InputError, "sdp-13f, sdp-26u, lab-25pct"),
])
def test_an_exemption_that_makes_no_sense_changes_nothing(
    loaded: Workbench, case_id: str, rule_id: str, reason: str, error: type[Exception],
    message: str,
) -> None:
    before = counts(loaded)
    with pytest.raises(error, match=message):
        loaded.pauses.exempt(case_id, rule_id, reason, by="AB")
    assert counts(loaded) == before


def test_a_rule_is_exempted_once(loaded: Workbench) -> None:
    loaded.pauses.exempt("S1", "SDP-1", "sdp-13f", by="AB")
    before = counts(loaded)
    with pytest.raises(InputError, match="SDP-1"):
        loaded.pauses.exempt("S1", "SDP-1", "sdp-26u", by="CD")
    assert counts(loaded) == before


def test_unknown_ids_are_refused(loaded: Workbench) -> None:
    with pytest.raises(InputError, match="99"):
        loaded.pauses.withdraw_pause(99, by="AB")
    with pytest.raises(InputError, match="98"):
        loaded.pauses.withdraw_exemption(98, by="AB")


# --- never undone by an import; shared with the team ------------------------------------------

def test_an_import_never_undoes_a_pause_or_an_exemption(loaded: Workbench, tmp_path: Path,
                                                        ) -> None:
    loaded.pauses.pause("S1", *HOSPITAL, "indlagt", by="AB")
    loaded.pauses.exempt("S2", "SDP-1", "sdp-13f", by="AB")
    newer = tmp_path / "newer"
    newer.mkdir()
    files = [write_cases(newer / "sager.csv", [Case("S1", start=START, name="Anne Jensen-Berg"),
                                               Case("S2", start=START)]),
             write_events(newer / "haendelser.csv", [("S2", "2026-02-02", "samtale")])]
    loaded.imports.import_files(files, today=dt.date(2026, 3, 7))
    assert row_of(loaded, "S1")[2] == dt.date(2026, 3, 15)
    assert [e.rule_id for e in loaded.cases.case_detail("S2", DAY).exemptions] == ["SDP-1"]
    assert len(loaded.cases.case_detail("S1", DAY).pauses) == 1


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Workbench, Workbench, MemoryTransport]]:
    """Two members, AB and CD, with the same export, in a team over an in-memory transport."""
    shared = tmp_path / "share"
    shared.mkdir()
    members = []
    for name in ("ab", "cd"):
        member = Workbench.open(tmp_path / f"{name}.db")
        member.imports.import_files(export(tmp_path / f"export-{name}", "S1", "S2"), today=DAY)
        members.append(member)
    members[0].team.join("AB", ["AB", "CD"], folder=shared)
    members[1].team.join("CD", ["AB", "CD"], folder=shared)
    yield members[0], members[1], MemoryTransport()
    for member in members:
        member.close()


def test_pauses_and_exemptions_reach_the_team_and_so_do_their_ends(
    team: tuple[Workbench, Workbench, MemoryTransport],
) -> None:
    ab, cd, hub = team
    pause_id = ab.pauses.pause("S1", HOSPITAL[0], None, "indlagt", by="AB")
    ab.pauses.exempt("S2", "SDP-1", "sdp-13f", by="AB")
    report = ab.team.sync_now(hub)
    assert report.sent == {EntityType.PAUSE.value: 1, EntityType.EXEMPTION.value: 1}
    cd.team.sync_now(hub)
    assert row_of(cd, "S1") == row_of(ab, "S1")
    assert row_of(cd, "S1")[2] == dt.date(2026, 3, 16)   # still on: 20 Feb – 6 Mar
    assert [e.rule_id for e in cd.cases.case_detail("S2", DAY).exemptions] == ["SDP-1"]

    # CD ends the pause on their replica; AB gets the end.
    cd_pause = cd.cases.case_detail("S1", DAY).pauses[0]
    assert (cd_pause.registered_by, cd_pause.starts) == ("AB", HOSPITAL[0])
    cd.pauses.end_pause(cd_pause.pause_id, HOSPITAL[1], by="CD")
    cd.team.sync_now(hub)
    ab.team.sync_now(hub)
    assert ab.cases.case_detail("S1", DAY).pauses[0].ends == HOSPITAL[1]
    assert row_of(ab, "S1") == row_of(cd, "S1") == (Status.AMBER, "SDP-1", dt.date(2026, 3, 15))
    assert ab.cases.case_detail("S1", DAY).pauses[0].pause_id == pause_id


def test_the_report_names_a_cases_pauses_and_exemptions(loaded: Workbench,
                                                         tmp_path: Path) -> None:
    loaded.pauses.pause("S1", *HOSPITAL, "indlagt", by="AB")
    loaded.pauses.exempt("S1", "SDP-1", "sdp-13f", by="AB")
    withdrawn = loaded.pauses.pause("S2", HOSPITAL[0], None, "ferie", by="AB")
    loaded.pauses.withdraw_pause(withdrawn, by="AB")
    path = tmp_path / "status.xlsx"
    write_status_report(loaded, path, DAY)
    sheet = load_workbook(path)["Sager"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Pause/fritagelse")
    cells = {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    # Rules and reasons by their titles, as the rest of the report names them.
    profile = load_named_profile(loaded.settings.load().profile_name)
    reasons = {reason.key: reason.title_da for reason in profile.reasons}
    assert cells == {"S1": f"pause 20-02-2026–05-03-2026 ({reasons['indlagt']}); fritaget fra "
                           f"{profile.rule('SDP-1').title_da} ({reasons['sdp-13f']})",
                     "S2": None}


def test_a_teammates_pause_on_a_case_not_yet_here_waits_for_the_import(
    team: tuple[Workbench, Workbench, MemoryTransport], tmp_path: Path,
) -> None:
    ab, cd, hub = team
    ab.imports.import_files(export(tmp_path / "newer-ab", "S1", "S2", "S3"), today=DAY)
    ab.pauses.pause("S3", *HOSPITAL, "indlagt", by="AB")
    ab.team.sync_now(hub)
    assert cd.team.sync_now(hub).parked == 1
    cd.imports.import_files(export(tmp_path / "newer-cd", "S1", "S2", "S3"), today=DAY)
    assert [(p.case_id, p.starts, p.ends) for p in cd.cases.case_detail("S3", DAY).pauses] == [
        ("S3", *HOSPITAL)]
    assert row_of(cd, "S3") == row_of(ab, "S3") == (Status.AMBER, "SDP-1", dt.date(2026, 3, 15))
