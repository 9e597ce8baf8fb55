"""Stored deadlines (workbench.deadlines): stored = freshly evaluated, after every change.

The lists read each open case's stored deadlines and compare them with today; the engine
stays the one definition. ``verify`` evaluates every case afresh through the cases manager's own
path and compares: these tests drive random caseloads through every kind of change and
let the days pass, and require no difference at any step, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError

from tests.helpers.exports import CASE_HEADER, write_events, write_table
from tests.helpers.migrations import migrate
from workbench import deadlines
from workbench.attributes import CaseAttributes
from workbench.cli import EXIT_DIFFERENCES, EXIT_OK, main
from workbench.deadlines import Deadlines
from workbench.engine import Status
from workbench.errors import DuplicateEventError, InputError
from workbench.resources import load_named_profile
from workbench.rules import ReasonEffect
from workbench.session import Workbench
from workbench.siteconfig import SITE_CONFIG_ENV
from workbench.store.database import Database
from workbench.store.models import case_deadlines, events, open_milestones, pauses
from workbench.views import CaseRow
from workbench.vocabulary import EventKind

SCHEMES = ("sygedagpenge", "forsikret ledig", "jobafklaringsforløb", "ressourceforløb",
           "kontanthjælp")
KINDS = tuple(kind.value for kind in EventKind)
OWNERS = (("AB", "Nord"), ("CD", "Nord"), ("EF", "Syd"))
FIRST_DAY = dt.date(2026, 1, 12)   # before gaeldende-2026's rule repealed on 2026-01-31
MIGRATIONS = Path(__file__).resolve().parents[2] / "workbench" / "store" / "migrations"


@pytest.fixture(autouse=True)
def no_site_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT chose no profile here: a new database takes today's law, gaeldende-2026."""
    config = tmp_path / "empty-site-config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))


def _cpr(rng: random.Random) -> str:
    """A CPR number of someone aged 18 to 65 (ages decide FL4's deadline)."""
    year = rng.randint(1961, 2007)
    century_digit = rng.randint(0, 3) if year < 2000 else 4
    return (f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{year % 100:02d}-"
            f"{century_digit}{rng.randint(0, 999):03d}")


class Caseload:
    """A random central export that changes from one import to the next."""

    def __init__(self, rng: random.Random, folder: Path, size: int) -> None:
        self.rng = rng
        self.folder = folder
        self.cases: dict[str, list[str]] = {}
        self.events: set[tuple[str, str, str]] = set()
        self.imports = 0
        for number in range(1, size + 1):
            self.cases[f"S{number:03d}"] = self._new_case(f"S{number:03d}")

    def _new_case(self, case_id: str) -> list[str]:
        rng = self.rng
        owner, team = rng.choice(OWNERS)
        start = FIRST_DAY + dt.timedelta(days=rng.randint(-500, 20))
        closed = ""
        if rng.random() < 0.1:
            closed = (start + dt.timedelta(days=rng.randint(10, 600))).isoformat()
        attributes = [rng.choice(["", "jobparat", "aktivitetsparat"]),
                      rng.choice(["", "ja", "nej"]), rng.choice(["", "", "jobcenter"])]
        for _ in range(rng.randint(0, 9)):
            day = start + dt.timedelta(days=rng.randint(-3, 520))
            self.events.add((case_id, day.isoformat(), rng.choice(KINDS)))
        return [case_id, _cpr(rng), f"Borger {case_id}", rng.choice(SCHEMES), owner, team,
                start.isoformat(), closed, *attributes]

    def change(self, today: dt.date) -> None:
        """Some cases change owner, close, reopen or arrive; some events arrive."""
        rng = self.rng
        for row in self.cases.values():
            roll = rng.random()
            if roll < 0.1:
                row[4], row[5] = rng.choice(OWNERS)
            elif roll < 0.15:
                row[7] = "" if row[7] else today.isoformat()
            elif roll < 0.2:
                row[8] = rng.choice(["", "jobparat", "aktivitetsparat"])
                row[10] = rng.choice(["", "jobcenter"])
        for _ in range(rng.randint(0, 3)):
            case_id = f"S{len(self.cases) + 1:03d}"
            self.cases[case_id] = self._new_case(case_id)
        for case_id in rng.sample(sorted(self.cases), k=min(6, len(self.cases))):
            day = today + dt.timedelta(days=rng.randint(-60, 15))
            self.events.add((case_id, day.isoformat(), rng.choice(KINDS)))

    def files(self) -> list[Path]:
        """The export as files (a new folder each time: a re-import, not the same files)."""
        self.imports += 1
        folder = self.folder / f"export-{self.imports}"
        folder.mkdir(parents=True)
        header = (*CASE_HEADER, "Målgruppe", "Beskæftiget", "Kategori")
        return [write_table(folder / "sager.csv", header, self.cases.values()),
                write_events(folder / "haendelser.csv", sorted(self.events))]


class Steps:
    """Random changes of every kind on a workbench, with a teammate who syncs."""

    def __init__(self, rng: random.Random, workbench: Workbench, teammate: Workbench,
                 load: Caseload) -> None:
        self.rng = rng
        self.wb = workbench
        self.teammate = teammate
        self.load = load
        self.today = FIRST_DAY
        self.done: list[str] = []

    def open_case(self, workbench: Workbench | None = None) -> str:
        rows = (workbench or self.wb).cases.caseload(self.today)
        return self.rng.choice(rows).case_id if rows else "S001"

    def some_day(self) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(-120, 10))

    def register(self) -> None:
        try:
            self.wb.registrations.register_event(self.open_case(), self.rng.choice(list(EventKind)),
                                   self.some_day(), by="AB")
        except DuplicateEventError:
            return

    def withdraw(self) -> None:
        with self.wb.database.transaction() as connection:
            local = list(connection.execute(select(events.c.id).where(
                events.c.source == "local", events.c.confirmed.is_(False))).scalars())
        if local:
            self.wb.registrations.withdraw(self.rng.choice(local), reason="fejl", by="AB")

    def _reason(self, workbench: Workbench, effect: ReasonEffect) -> str | None:
        """A reason of the profile in force (the seed profile has none)."""
        profile = load_named_profile(workbench.settings.load().profile_name)
        reasons = [r.key for r in profile.reasons if r.effect is effect]
        return self.rng.choice(reasons) if reasons else None

    def pause(self) -> None:
        starts = self.some_day()
        ends = None if self.rng.random() < 0.5 else starts + dt.timedelta(
            days=self.rng.randint(0, 40))
        reason = self._reason(self.wb, ReasonEffect.PAUSE)
        if reason is not None:
            self.wb.pauses.pause(self.open_case(), starts, ends, reason, by="AB")

    def end_pause(self) -> None:
        for pause_id, starts, ends in self._pauses():
            if ends is None:
                self.wb.pauses.end_pause(pause_id, max(starts, self.today), by="AB")
                return

    def _pauses(self) -> list[tuple[int, dt.date, dt.date | None]]:
        with self.wb.database.transaction() as connection:
            return [(row.id, row.starts, row.ends) for row in connection.execute(
                select(pauses.c.id, pauses.c.starts, pauses.c.ends)
                .where(pauses.c.withdrawn.is_(False)).order_by(pauses.c.id))]

    def exempt(self) -> None:
        case_id = self.open_case()
        detail = self.wb.cases.case_detail(case_id, self.today)
        rules = sorted({m.rule_id for m in detail.milestones})
        reason = self._reason(self.wb, ReasonEffect.EXEMPTION)
        if not rules or reason is None:
            return
        try:
            self.wb.pauses.exempt(case_id, self.rng.choice(rules), reason, by="AB")
        except InputError:
            return  # already exempt, or the rule is not this scheme's

    def attribute(self) -> None:
        name = self.rng.choice(["maalgruppe", "kategori", "beskaeftiget"])
        value = self.rng.choice([None, "jobparat", "aktivitetsparat", "jobcenter", "ja"])
        self.wb.attributes.set(self.open_case(), name, value, by="AB")

    def reimport(self) -> None:
        self.load.change(self.today)
        files = self.load.files()
        self.wb.imports.import_files(files, today=self.today, force=True)
        self.teammate.imports.import_files(files, today=self.today, force=True)

    def teammate_works(self) -> None:
        case_id = self.open_case(self.teammate)
        with contextlib.suppress(DuplicateEventError):
            self.teammate.registrations.register_event(case_id, EventKind.SAMTALE,
                                                       self.some_day(), by="CD")
        reason = self._reason(self.teammate, ReasonEffect.PAUSE)
        if reason is not None and self.rng.random() < 0.5:
            self.teammate.pauses.pause(case_id, self.some_day(), None, reason, by="CD")
        self.teammate.team.sync_now()
        self.wb.team.sync_now()

    def profile(self) -> None:
        current = self.wb.settings.load()
        other = "kbh-2006-2017" if current.profile_name == "gaeldende-2026" else "gaeldende-2026"
        self.wb.settings.save(current.__class__(**{**current.__dict__, "profile_name": other}))

    def amber(self) -> None:
        current = self.wb.settings.load()
        self.wb.settings.save(current.__class__(
            **{**current.__dict__, "amber_days": self.rng.choice([7, 21, 40])}))

    def days_pass(self) -> None:
        self.today += dt.timedelta(days=self.rng.choice([1, 1, 3, 7, 20, 45]))

    def run(self, count: int) -> Iterator[str]:
        actions = [self.register, self.register, self.withdraw, self.pause, self.end_pause,
                   self.exempt, self.attribute, self.reimport, self.teammate_works,
                   self.profile, self.amber, self.days_pass, self.days_pass]
        for _ in range(count):
            action = self.rng.choice(actions)
            action()
            self.done.append(action.__name__)
            yield action.__name__


@contextlib.contextmanager
def team_on_a_random_caseload(database_url: str, tmp_path: Path, seed: int, size: int,
                              ) -> Iterator[tuple[Workbench, Workbench, Steps]]:
    """Two teammates who imported one random caseload of ``size`` cases, and their steps.

    Their stored deadlines equal a fresh evaluation before the first step.
    """
    rng = random.Random(seed)
    load = Caseload(rng, tmp_path / "exports", size)
    with Workbench.open(database_url) as workbench, \
            Workbench.open(tmp_path / "teammate.db") as teammate:
        files = load.files()
        for member in (workbench, teammate):
            member.imports.import_files(files, today=FIRST_DAY)
        (tmp_path / "share").mkdir()
        code = workbench.team.join("AB", ("AB", "CD"), folder=tmp_path / "share").join_code
        teammate.team.join("CD", ("AB", "CD"), folder=tmp_path / "share", join_code=code)
        steps = Steps(rng, workbench, teammate, load)
        assert workbench.deadlines.verify(steps.today) == []
        yield workbench, teammate, steps


@pytest.mark.parametrize(("seed", "at_once"), [(1, None), (2, None), (3, 0)])
def test_stored_deadlines_equal_a_fresh_evaluation_after_every_change(
        database_url: str, tmp_path: Path, seed: int, at_once: int | None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``at_once`` 0: every change only marks its cases, as a whole-centre import does."""
    if at_once is not None:
        monkeypatch.setattr(deadlines, "EVALUATED_AT_ONCE", at_once)
    with team_on_a_random_caseload(database_url, tmp_path, seed, 24) as (
            workbench, teammate, steps):
        for done in steps.run(28):
            differences = workbench.deadlines.verify(steps.today)
            assert differences == [], f"after {steps.done}: {differences[:3]}"
            rows = workbench.cases.caseload(steps.today)
            assert workbench.deadlines.status_table(steps.today) == _status_rows(rows)
            amber_days = workbench.settings.load().amber_days
            for owner, _team in OWNERS:
                statuses = Counter(r.status for r in rows if r.caseworker == owner)
                assert workbench.deadlines.counts(steps.today, amber_days, caseworker=owner) \
                    == (statuses[Status.RED], statuses[Status.AMBER], statuses[Status.GREEN])
            if done == "reimport":
                assert teammate.deadlines.verify(steps.today) == []
        # The run did change things that move deadlines, and read them on many days.
        assert {"register", "pause", "reimport", "days_pass"} <= set(steps.done)
        assert steps.today > FIRST_DAY
        with workbench.database.transaction() as connection:
            assert connection.execute(select(open_milestones.c.case_id)).first() is not None


def _status_rows(rows: list[CaseRow]) -> list[tuple[str, ...]]:
    """``workbench status``'s columns of list rows."""
    return [(row.case_id, row.caseworker, row.scheme.value, row.status.value,
             row.next_due.isoformat() if row.next_due else "", row.milestone_id or "",
             row.plan_by.isoformat() if row.plan_by else "") for row in rows]


def _import(workbench: Workbench, folder: Path, rows: list[list[str]],
            history: list[tuple[str, str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    workbench.imports.import_files([write_table(folder / "sager.csv", CASE_HEADER, rows),
                            write_events(folder / "haendelser.csv", history)],
                           today=FIRST_DAY)


def _row(case_id: str, owner: str = "AB", start: str = "2025-12-01") -> list[str]:
    return [case_id, "010190-1234", "Anne", "sygedagpenge", owner, "Nord", start, ""]


def test_a_registration_changes_the_stored_row_in_its_own_transaction(
        workbench: Workbench, tmp_path: Path) -> None:
    _import(workbench, tmp_path, [_row("S1"), _row("S2")], [])
    workbench.cases.caseload(FIRST_DAY)
    before = _stored(workbench, "S1")
    assert before[1] == "SDP-1"    # first conversation by the end of week 8: 2026-01-25
    workbench.registrations.register_event("S1", EventKind.SAMTALE, dt.date(2026, 1, 5), by="AB")
    after = _stored(workbench, "S1")
    assert after != before and after[1] != "SDP-1"
    assert _stored(workbench, "S2") == before     # the other case was not touched


def _stored(workbench: Workbench, case_id: str) -> tuple[object, ...]:
    with workbench.database.transaction() as connection:
        row = connection.execute(select(case_deadlines.c.next_due, case_deadlines.c.rule_id)
                                 .where(case_deadlines.c.case_id == case_id)).one()
    return tuple(row)


def test_a_count_window_that_ends_is_evaluated_again_on_the_day_after(
        workbench: Workbench, tmp_path: Path) -> None:
    """A window's plan-by date holds only while it runs: the stored row says until when."""
    _import(workbench, tmp_path, [_row("S1", start="2026-01-05")],
            [("S1", "2026-01-06", "samtale")])
    rows = workbench.cases.caseload(FIRST_DAY)
    assert rows[0].plan_by is not None
    with workbench.database.transaction() as connection:
        fresh_until = connection.execute(select(case_deadlines.c.fresh_until)).scalar_one()
    assert fresh_until is not None and fresh_until > FIRST_DAY
    for day in (fresh_until - dt.timedelta(days=1), fresh_until,
                fresh_until + dt.timedelta(days=30)):
        assert workbench.deadlines.verify(day) == []


def test_the_status_counts_are_one_indexed_comparison(workbench: Workbench,
                                                      tmp_path: Path, is_sqlite: bool) -> None:
    _import(workbench, tmp_path, [_row("S1", "AB", "2025-06-01"), _row("S2", "AB"),
                                  _row("S3", "CD", "2026-01-10")], [])
    rows = workbench.cases.caseload(FIRST_DAY, caseworker="AB")
    counts = workbench.deadlines.counts(FIRST_DAY, caseworker="AB")
    assert counts == (sum(r.status is Status.RED for r in rows),
                      sum(r.status is Status.AMBER for r in rows),
                      sum(r.status is Status.GREEN for r in rows))
    assert sum(counts) == 2
    if is_sqlite:
        with workbench.database.transaction() as connection:
            plan = " ".join(str(row[-1]) for row in connection.execute(text(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM case_deadlines "
                "WHERE caseworker = 'AB' AND next_due < '2026-01-12'")))
        assert "ix_case_deadlines_caseworker_due" in plan


def test_a_migrated_database_fills_its_deadlines_at_the_first_read(
        database_url: str, tmp_path: Path) -> None:
    with Workbench.open(database_url) as workbench:
        _import(workbench, tmp_path, [_row("S1"), _row("S2", "CD")],
                [("S1", "2026-01-05", "samtale")])
        expected = workbench.cases.caseload(FIRST_DAY)
        with workbench.database.transaction(write=True) as connection:
            migrate(connection, "0007", down=True)
    with Workbench.open(database_url) as workbench:   # migrates to 0009 again
        with workbench.database.transaction() as connection:
            placeholders = connection.execute(select(case_deadlines.c.case_id,
                                                     case_deadlines.c.as_of)).all()
        assert sorted(placeholders) == [("S1", None), ("S2", None)]
        assert workbench.cases.caseload(FIRST_DAY) == expected
        assert workbench.deadlines.verify(FIRST_DAY) == []


def test_verify_prints_each_difference_and_fails(database_url: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with Workbench.open(database_url) as workbench:
        _import(workbench, tmp_path, [_row("S1"), _row("S2")], [])
    today = FIRST_DAY.isoformat()
    assert main(["--db", database_url, "verify", "--today", today, "--language", "en"]
                ) == EXIT_OK
    assert "agree with a fresh evaluation: 2 open cases" in capsys.readouterr().out
    with Workbench.open(database_url) as workbench, \
            workbench.database.transaction(write=True) as connection:
        connection.execute(update(case_deadlines).where(case_deadlines.c.case_id == "S2")
                           .values(next_due=dt.date(2030, 1, 1)))
    assert main(["--db", database_url, "verify", "--today", today, "--language", "da"]
                ) == EXIT_DIFFERENCES
    captured = capsys.readouterr()
    assert "sag S2: første frist: gemt AB Nord 2030-01-01" in captured.out
    assert "sag S2: listens række: gemt AB Nord green SDP-1 2030-01-01" in captured.out
    assert "Anne" not in captured.out
    assert "S1" not in captured.out
    assert "forskelle mellem de gemte frister" in captured.err


def test_a_case_attribute_set_here_changes_the_stored_milestones(
        workbench: Workbench, tmp_path: Path) -> None:
    """Job-ready kontanthjælp cases have rules of their own (gaeldende-2026, from July 2026)."""
    day = dt.date(2026, 7, 10)
    row = [*_row("K1", start="2026-07-06")]
    row[3] = "kontanthjælp"
    _import(workbench, tmp_path, [row], [])
    workbench.cases.caseload(day)
    before = {m.rule_id for m in workbench.deadlines.milestones("K1")}
    workbench.attributes.set("K1", "maalgruppe", "jobparat", by="AB")
    after = {m.rule_id for m in workbench.deadlines.milestones("K1")}
    assert after - before == {"KH26-J", "KH26-TB"}
    assert workbench.deadlines.verify(day) == []
    workbench.attributes.set("K1", "maalgruppe", None, by="AB")
    assert {m.rule_id for m in workbench.deadlines.milestones("K1")} == before


def test_a_change_made_without_the_session_leaves_its_cases_to_the_next_read(
        database_url: str, tmp_path: Path) -> None:
    """A tool that opens the store alone (a restore) changes cases: their rows wait."""
    day = dt.date(2026, 7, 10)
    row = [*_row("K1", start="2026-07-06")]
    row[3] = "kontanthjælp"
    with Workbench.open(database_url) as workbench:
        _import(workbench, tmp_path, [row, _row("S2")], [])
        workbench.cases.caseload(day)
    database = Database.open(database_url)
    try:
        CaseAttributes(database).set("K1", "maalgruppe", "jobparat", by="AB")
        with database.transaction() as connection:
            as_of = dict(connection.execute(select(case_deadlines.c.case_id,
                                                   case_deadlines.c.as_of)).all())
    finally:
        database.dispose()
    assert as_of == {"K1": None, "S2": day}
    with Workbench.open(database_url) as workbench:
        assert workbench.deadlines.verify(day) == []
        assert "KH26-J" in {m.rule_id for m in workbench.deadlines.milestones("K1")}


def test_rows_evaluated_with_another_profile_are_evaluated_again(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT's site configuration chooses another profile, or an update changes its rules.

    No setting is saved here, and yet no row evaluated with the old rules is shown.
    """
    config = tmp_path / "site.toml"
    config.write_text('profile_name = "kbh-2006-2017"\n', encoding="utf-8")
    monkeypatch.setenv(SITE_CONFIG_ENV, str(config))
    with Workbench.open(database_url) as workbench:
        _import(workbench, tmp_path, [_row("S1")], [])
        assert [r.milestone_id for r in workbench.cases.caseload(FIRST_DAY)] == ["SDP1"]
    config.write_text('profile_name = "gaeldende-2026"\n', encoding="utf-8")
    with Workbench.open(database_url) as workbench:
        assert [r.milestone_id for r in workbench.cases.caseload(FIRST_DAY)] == ["SDP-1"]
        assert workbench.deadlines.verify(FIRST_DAY) == []
        assert workbench.deadlines.milestones("S1")[0].rule_id == "SDP-1"


def test_a_read_that_cannot_store_evaluates_for_itself(
        workbench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk takes no write: the lists still show today's deadlines, stored or not."""
    _import(workbench, tmp_path, [_row("S1"), _row("S2", "CD", "2025-06-01")],
            [("S1", "2026-01-05", "samtale")])
    expected = workbench.cases.caseload(FIRST_DAY)
    table = workbench.deadlines.status_table(FIRST_DAY)
    later = FIRST_DAY - dt.timedelta(days=30)        # S1's conversation is still to come
    expected_later = workbench.cases.caseload(later)
    assert expected_later != expected
    workbench.cases.caseload(FIRST_DAY)                    # stored for FIRST_DAY again

    def full_disk(*_args: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    monkeypatch.setattr(Deadlines, "refresh", full_disk)
    assert workbench.cases.caseload(FIRST_DAY) == expected
    assert workbench.deadlines.status_table(FIRST_DAY) == table
    assert workbench.cases.caseload(later) == expected_later
    assert workbench.deadlines.status_table(later) == _status_rows(expected_later)
    statuses = Counter(r.status for r in expected_later)
    assert workbench.deadlines.counts(later) == (
        statuses[Status.RED], statuses[Status.AMBER], statuses[Status.GREEN])
