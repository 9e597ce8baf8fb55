"""Reminders from the store on SQLite and PostgreSQL: the record survives restarts."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.helpers.exports import Case, write_cases, write_events
from tests.helpers.messages_support import said
from workbench import reminders
from workbench.cli import EXIT_OK, main
from workbench.errors import InputError
from workbench.nags import Nag, NagKind, WorkingHours
from workbench.reminders import due_reminders, new_export_files, snooze_inquiry
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.vocabulary import Channel

D = dt.date
# Wednesday 13 May 2026; Thursday 14 May is Ascension Day.
WEDNESDAY = dt.datetime(2026, 5, 13, 8, 0)


@pytest.fixture
def with_inquiries(workbench: Workbench, tmp_path: Path) -> Workbench:
    """Two caseworkers' cases; ABC's phone inquiry is due today, DEF's is overdue."""
    rows = [Case("S1", start="2026-01-05"), Case("S2", caseworker="DEF", start="2026-01-05")]
    workbench.imports.import_files([write_cases(tmp_path / "c.csv", rows),
                                    write_events(tmp_path / "e.csv", [])], today=WEDNESDAY.date())
    workbench.inquiries.add("S1", Channel.PHONE, D(2026, 5, 11), by="ABC")
    workbench.inquiries.add("S2", Channel.PHONE, D(2026, 5, 7), by="DEF")
    workbench.settings.save(Settings(my_initials="ABC"))
    return workbench


def kinds(nags: list[Nag]) -> list[tuple[NagKind, int | None]]:
    return [(nag.kind, nag.inquiry_id) for nag in nags]


def test_only_my_inquiries_and_cases_nag(with_inquiries: Workbench) -> None:
    nags = due_reminders(with_inquiries, WEDNESDAY)
    assert kinds(nags) == [(NagKind.DIGEST, None), (NagKind.DUE_TODAY, 1)]
    assert (nags[0].red, nags[0].amber) == (1, 0)  # ABC's one case, SDP1 overdue


def test_the_record_outlives_a_restart(with_inquiries: Workbench, database_url: str) -> None:
    assert due_reminders(with_inquiries, WEDNESDAY)
    with_inquiries.close()
    with Workbench.open(database_url) as reopened:
        assert due_reminders(reopened, WEDNESDAY + dt.timedelta(minutes=30)) == []
        later = due_reminders(reopened, WEDNESDAY + dt.timedelta(hours=2))
        assert kinds(later) == [(NagKind.DUE_TODAY, 1)]


def test_peeking_records_nothing(with_inquiries: Workbench) -> None:
    assert due_reminders(with_inquiries, WEDNESDAY, record=False)
    assert len(due_reminders(with_inquiries, WEDNESDAY)) == 2


def test_answered_and_snoozed_inquiries_are_quiet(with_inquiries: Workbench) -> None:
    snooze_inquiry(with_inquiries, 1, WEDNESDAY + dt.timedelta(hours=3))
    assert kinds(due_reminders(with_inquiries, WEDNESDAY)) == [(NagKind.DIGEST, None)]
    assert kinds(due_reminders(with_inquiries, WEDNESDAY + dt.timedelta(hours=3))) == [
        (NagKind.DUE_TODAY, 1)]
    with_inquiries.inquiries.answer(1, D(2026, 5, 13), by="ABC")
    assert due_reminders(with_inquiries, WEDNESDAY + dt.timedelta(hours=6)) == []
    with pytest.raises(InputError, match=said("service.unknown_inquiry", inquiry_id=99)):
        snooze_inquiry(with_inquiries, 99, WEDNESDAY)


def test_overdue_inquiry_nags_hourly_on_working_days_only(with_inquiries: Workbench) -> None:
    with_inquiries.settings.save(Settings(my_initials="DEF"))
    hours = WorkingHours(dt.time(8), dt.time(16))
    shown = [moment for moment in (WEDNESDAY + dt.timedelta(minutes=30 * n) for n in range(96))
             for nag in due_reminders(with_inquiries, moment, hours=hours)
             if nag.kind is NagKind.OVERDUE]
    # Wednesday 08-15 every hour; Thursday is Ascension Day; Friday 08-... continues.
    assert shown[:8] == [WEDNESDAY + dt.timedelta(hours=h) for h in range(8)]
    assert all(moment.date() != D(2026, 5, 14) for moment in shown)


def test_a_new_export_in_the_folder_is_found_once(workbench: Workbench, tmp_path: Path) -> None:
    folder = tmp_path / "udtraek"
    folder.mkdir()
    cases = write_cases(folder / "sager.csv", [Case("S1", start="2026-01-05")])
    events = write_events(folder / "haendelser.csv", [])
    (folder / "notes.txt").write_text("not an export", encoding="utf-8")
    settled = dt.datetime.now() + dt.timedelta(days=1)  # long after the last write below
    assert new_export_files(workbench, folder, settled) == [events, cases]
    workbench.imports.import_files(new_export_files(workbench, folder, settled),
                                   today=WEDNESDAY.date())
    assert new_export_files(workbench, folder, settled) == []
    write_cases(folder / "sager.csv", [Case("S1", start="2026-01-05"), Case("S2")])
    assert new_export_files(workbench, folder, settled) == [events, cases]
    assert new_export_files(workbench, tmp_path / "missing") == []


def test_an_unchanged_export_is_not_read_again(
    workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "udtraek"
    folder.mkdir()
    cases = write_cases(folder / "sager.csv", [Case("S1", start="2026-01-05")])
    write_events(folder / "haendelser.csv", [])
    settled = dt.datetime.now() + dt.timedelta(days=1)  # long after the last write below
    read: list[str] = []
    real_hash = reminders.content_hash

    def counting_hash(path: Path) -> str:
        read.append(path.name)
        return real_hash(path)

    monkeypatch.setattr(reminders, "content_hash", counting_hash)
    workbench.imports.import_files(new_export_files(workbench, folder, settled),
                                   today=WEDNESDAY.date())
    assert new_export_files(workbench, folder, settled) == []
    assert sorted(read) == ["haendelser.csv", "sager.csv"]
    # Rewritten in place with the same size: the new modification time has it read again.
    modified = cases.stat().st_mtime_ns
    cases.write_bytes(cases.read_bytes().replace(b"S1", b"S9"))
    os.utime(cases, ns=(modified + 10**9, modified + 10**9))
    assert new_export_files(workbench, folder, settled)
    assert sorted(read) == ["haendelser.csv", "sager.csv", "sager.csv"]


def test_a_file_still_being_copied_in_is_left_until_it_settles(
    workbench: Workbench, tmp_path: Path
) -> None:
    folder = tmp_path / "udtraek"
    folder.mkdir()
    written = write_cases(folder / "sager.csv", [Case("S1", start="2026-01-05")])
    just_written = dt.datetime.fromtimestamp(written.stat().st_mtime)
    assert new_export_files(workbench, folder, just_written) == []
    assert new_export_files(workbench, folder, just_written + dt.timedelta(seconds=61))


def test_cli_prints_one_line_per_nag(with_inquiries: Workbench, database_url: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    with_inquiries.close()
    assert main(["--db", database_url, "nags", "--now", "2026-05-13T08:00", "--peek",
                 "--language", "en"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [
        "digest caseload red=1 amber=0",  # S1 had no first conversation by 1 March
        "due_today inquiry=1 case=S1 due=2026-05-13",
    ]
    assert main(["--db", database_url, "nags", "--now", "2026-05-13T08:00"]) == EXIT_OK
    assert main(["--db", database_url, "nags", "--now", "2026-05-13T08:30"]) == EXIT_OK
    assert capsys.readouterr().out.count("\n") == 2
    assert main(["--db", database_url, "nags", "--now", "13-05-2026 08:00"]) == 1
