"""Conflicts a person can see: only concurrent changes of one field, kept and lost value."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.sync_support import EXPORT_DAY, write_export
from workbench.cli import main
from workbench.session import Workbench
from workbench.sync.entries import EntityType
from workbench.vocabulary import Channel

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workbench, Workbench]]:
    """AB and CD, imported, in one team over a shared folder."""
    share = tmp_path / "share"
    share.mkdir()
    members = []
    for me in ("AB", "CD"):
        workbench = Workbench.open(tmp_path / f"{me}.db")
        workbench.imports.import_files(write_export(tmp_path / f"export-{me}"), today=EXPORT_DAY)
        workbench.team.join(me, ["AB", "CD"], folder=share)
        members.append(workbench)
    yield members[0], members[1]
    for workbench in members:
        workbench.close()


def test_sequential_edits_are_not_conflicts(pair: tuple[Workbench, Workbench]) -> None:
    ab, cd = pair
    note = ab.registrations.add_note("S1", "first", by="AB")
    ab.team.sync_now()
    cd.team.sync_now()
    [shown] = cd.cases.case_detail("S1", EXPORT_DAY).notes
    cd.registrations.edit_note(shown.note_id, "second, having read the first", by="CD")
    cd.team.sync_now()
    report = ab.team.sync_now()
    ab.registrations.edit_note(note, "third", by="AB")
    ab.team.sync_now()

    assert report.conflicts == 0
    assert cd.team.sync_now().conflicts == 0
    assert ab.cases.case_detail("S1", EXPORT_DAY).conflicts == ()
    assert cd.cases.case_detail("S1", EXPORT_DAY).conflicts == ()


def test_two_concurrent_answers_are_a_conflict_showing_the_kept_and_the_lost_one(
        pair: tuple[Workbench, Workbench]) -> None:
    ab, cd = pair
    inquiry = ab.inquiries.add("S2", Channel.PHONE, DAY, by="AB")
    ab.team.sync_now()
    cd.team.sync_now()
    theirs = next(row.inquiry_id for row in cd.inquiries.rows(EXPORT_DAY, open_only=False))
    ab.inquiries.answer(inquiry, DAY + dt.timedelta(days=1), by="AB")  # neither has seen
    cd.inquiries.answer(theirs, DAY + dt.timedelta(days=3), by="CD")  # the other's answer
    ab.team.sync_now()
    report = cd.team.sync_now()
    ab.team.sync_now()

    assert report.conflicts > 0
    for member in (ab, cd):
        conflicts = member.cases.case_detail("S2", EXPORT_DAY).conflicts
        by_field = {c.field: c for c in conflicts}
        assert set(by_field) == {"answered_on", "answered_by"}
        answer = by_field["answered_on"]
        assert answer.entity_type is EntityType.INQUIRY
        assert (answer.lost.author, answer.lost.value) == ("AB", "2026-03-03")
        assert (answer.kept.author, answer.kept.value) == ("CD", "2026-03-05")
        assert answer.lost.at <= answer.kept.at
    assert ab.cases.case_detail("S1", EXPORT_DAY).conflicts == ()


def test_case_show_lists_the_kept_and_the_lost_value(
        pair: tuple[Workbench, Workbench], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    ab, cd = pair
    inquiry = ab.inquiries.add("S2", Channel.PHONE, DAY, by="AB")
    ab.team.sync_now()
    cd.team.sync_now()
    theirs = next(row.inquiry_id for row in cd.inquiries.rows(EXPORT_DAY, open_only=False))
    ab.inquiries.answer(inquiry, DAY + dt.timedelta(days=1), by="AB")
    cd.inquiries.answer(theirs, DAY + dt.timedelta(days=3), by="CD")
    ab.team.sync_now()
    cd.team.sync_now()
    database = str(tmp_path / "CD.db")
    assert main(["--db", database, "case", "show", "S2", "--format", "json",
                 "--today", EXPORT_DAY.isoformat()]) == 0
    shown = json.loads(capsys.readouterr().out)
    answer = next(c for c in shown["conflicts"] if c["field"] == "answered_on")
    assert answer["entity"] == "inquiry"
    assert (answer["kept"]["author"], answer["kept"]["value"]) == ("CD", "2026-03-05")
    assert (answer["lost"]["author"], answer["lost"]["value"]) == ("AB", "2026-03-03")
    assert main(["--db", database, "case", "show", "S2", "--today",
                 EXPORT_DAY.isoformat(), "--language", "en"]) == 0
    text = capsys.readouterr().out
    assert "conflict inquiry.answered_on: kept '2026-03-05' (CD" in text
    assert main(["--db", database, "case", "show", "S2", "--today",
                 EXPORT_DAY.isoformat(), "--language", "da"]) == 0
    text = capsys.readouterr().out
    assert "konflikt inquiry.answered_on: beholdt '2026-03-05' (CD" in text
    assert ", tabt '2026-03-03' (AB " in text
