"""A worker killed with SIGKILL mid-import or mid-sync: nothing acknowledged is ever lost.

The worker (``fault_worker.py``) prints an acknowledgement right after each commit returns.
After the kill the database must pass ``PRAGMA integrity_check``, open in the Workbench, and
hold every acknowledged commit; an import is all or nothing (every case carries one round's
caseworker, and each round's conversations are all there or none are). In the team's shared
folder, no torn batch is ever taken as complete: a kill leaves at most a temporary file that
readers ignore, and the teammate receives every event once the killed member syncs again.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers import fault_worker
from tests.helpers.sync_support import write_export
from workbench.session import Workbench
from workbench.store.models import cases, events
from workbench.sync.folder import BATCH_NAME, KEY_MARKER, STATE_NAME, decode_batch

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[3]
#: Kill delays after the worker is ready, drawn once from a fixed seed: random points, the
#: same in every run.
_DRAW = random.Random(20260310)
IMPORT_DELAYS = sorted(round(_DRAW.uniform(0.0, 2.5), 2) for _ in range(4))
SYNC_DELAYS = sorted(round(_DRAW.uniform(0.0, 2.0), 2) for _ in range(3))
CASE_COUNT = 1500


def run_and_kill(arguments: list[str], delay: float) -> list[str]:
    """Start the worker, kill it ``delay`` seconds after it is ready; its output lines."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.fault_worker", *arguments],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    with contextlib.ExitStack() as cleanup:
        cleanup.callback(worker.wait)
        cleanup.callback(worker.kill)
        assert worker.stdout is not None
        assert worker.stdout.readline() == "ready\n", "the worker did not start"
        time.sleep(delay)
        worker.send_signal(signal.SIGKILL)
        output, _ = worker.communicate(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    return output.splitlines()


def acknowledged(lines: list[str], word: str) -> list[int]:
    """The numbers of the acknowledgement lines starting with ``word``."""
    return [int(line.split()[1]) for line in lines if line.startswith(f"{word} ")]


def assert_intact(database: Path) -> None:
    """SQLite's own check of every page and index (it replays the WAL first)."""
    with contextlib.closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


@contextlib.contextmanager
def reopened(database: Path) -> Iterator[Workbench]:
    """The killed worker's database, opened as the app opens it."""
    with Workbench.open(database) as workbench:
        yield workbench


@pytest.mark.parametrize("delay", IMPORT_DELAYS)
def test_an_import_killed_at_any_point_is_all_or_nothing(tmp_path: Path, delay: float) -> None:
    database = tmp_path / "workbench.db"
    lines = run_and_kill(["import", str(database), str(tmp_path), str(CASE_COUNT)], delay)
    imported, registered = acknowledged(lines, "imported"), acknowledged(lines, "registered")

    assert_intact(database)
    with reopened(database) as workbench, workbench.database.transaction() as connection:
        owners = set(connection.execute(select(cases.c.caseworker)).scalars())
        per_day = dict(connection.execute(
            select(events.c.date, func.count()).where(events.c.kind == "samtale")
            .group_by(events.c.date)).all())
        local_ids = set(connection.execute(
            select(events.c.id).where(events.c.kind == "screening")).scalars())
    last = max(imported, default=0)
    if owners:  # one round's snapshot, whole: the last acknowledged one or the one after it
        assert len(owners) == 1
        (owner,) = owners
        assert int(owner[1:]) in (last, last + 1)
    else:
        assert last == 0
    assert set(per_day.values()) <= {CASE_COUNT}, "a round's events were imported in part"
    for number in imported:
        assert per_day.get(fault_worker.round_day(number)) == CASE_COUNT
    assert set(registered) <= local_ids


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two members' databases (AB's and CD's) joined over a shared folder: (ab, cd, share)."""
    share = tmp_path / "share"
    share.mkdir()
    export = write_export(tmp_path / "export")
    for me in ("AB", "CD"):
        with Workbench.open(tmp_path / f"{me}.db") as workbench:
            workbench.imports.import_files(export, today=fault_worker.TODAY)
            workbench.team.join(me, ["AB", "CD"], folder=share)
    return tmp_path / "AB.db", tmp_path / "CD.db", share


def local_days(database: Path, case_id: str = "S1") -> set[int]:
    """The round numbers of the conversations a database holds on a case."""
    with reopened(database) as workbench, workbench.database.transaction() as connection:
        days = connection.execute(select(events.c.date).where(
            events.c.case_id == case_id, events.c.kind == "samtale")).scalars()
        return {(day - fault_worker.FIRST_DAY).days for day in days}


def assert_no_torn_batch(share: Path) -> None:
    """Every file under a batch's final name is whole; anything else is a temporary file."""
    for path in share.rglob("*"):
        if path.is_file() and BATCH_NAME.match(path.name):
            decode_batch(path.read_bytes())
        elif path.is_file() and (STATE_NAME.match(path.name) or path.name == KEY_MARKER):
            assert path.stat().st_size > 0, path  # written aside and renamed: never torn
        elif path.is_file():
            assert path.name.startswith(".") and path.name.endswith(".part"), path


@pytest.mark.parametrize("delay", SYNC_DELAYS)
def test_a_sync_killed_at_any_point_loses_nothing(team: tuple[Path, Path, Path],
                                                  delay: float) -> None:
    ab, cd, share = team
    lines = run_and_kill(["sync", str(ab)], delay)
    registered, synced = acknowledged(lines, "registered"), acknowledged(lines, "synced")

    assert_intact(ab)
    assert set(registered) <= local_days(ab)
    assert_no_torn_batch(share)
    with reopened(cd) as teammate:
        report = teammate.team.sync_now()
    assert report.unreadable == ()
    assert set(range(1, max(synced, default=0) + 1)) <= local_days(cd)

    with reopened(ab) as restarted:  # the killed member syncs again: the rest goes out
        restarted.team.sync_now()
    with reopened(cd) as teammate:
        assert teammate.team.sync_now().unreadable == ()
    assert local_days(ab) <= local_days(cd)
    assert_no_torn_batch(share)
