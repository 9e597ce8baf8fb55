"""``workbench deadline`` reads a cleanly closed database's calendar without the store.

The glance (``workbench.store.glance``) trusts what the full open trusts: a file closed
cleanly and not changed since. Anything else opens the store, which checks and migrates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from workbench import cli
from workbench.messages import current_language, set_language
from workbench.session import Workbench
from workbench.store.glance import stored_settings

ROOT = Path(__file__).resolve().parents[3]
KEYS = ("closure_days", "fixed_closure_days", "language")
RUN = ("import json, sys\nfrom workbench.start import main\n"
       "code = main(sys.argv[1:])\nsys.stdout.flush()\n"
       "print(json.dumps([code, 'sqlalchemy' in sys.modules]))\n")


def saved(path: Path, **changes: object) -> Path:
    """A database at ``path`` with these settings saved, closed cleanly."""
    with Workbench.open(path) as workbench:
        workbench.settings.save(replace(workbench.settings.load(), **changes))
    return path


def deadline(database: Path, received: str = "2026-04-01") -> tuple[str, bool]:
    """Run ``workbench --db DATABASE deadline`` afresh: its date, and whether SQLAlchemy loaded."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, "--db", str(database), "deadline", "--channel", "phone",
         "--received", received],
        capture_output=True, text=True, check=True, timeout=120, cwd=database.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    date, verdict = done.stdout.splitlines()
    code, loaded = json.loads(verdict)
    assert code == cli.EXIT_OK, done.stderr
    return date, loaded


def test_a_clean_database_answers_with_its_closure_days_without_sqlalchemy(
    tmp_path: Path,
) -> None:
    database = saved(tmp_path / "w.db", closure_days=(dt.date(2026, 4, 7),))
    assert deadline(database) == ("2026-04-09", False)  # not 2026-04-08: the 7th is closed


@pytest.mark.parametrize("spoil", ["no record", "left open", "changed after the close"])
def test_without_a_clean_close_the_store_opens_it_and_answers_the_same(
    tmp_path: Path, spoil: str
) -> None:
    database = saved(tmp_path / "w.db", closure_days=(dt.date(2026, 4, 7),))
    record = tmp_path / ".w.db.closed"
    if spoil == "no record":
        record.unlink()
    elif spoil == "left open":
        record.write_text(json.dumps({"state": "open", "checked_at": 0}), encoding="utf-8")
    else:
        stamp = database.stat()
        os.utime(database, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1))
    assert stored_settings(database, KEYS) is None
    assert deadline(database) == ("2026-04-09", True)


def test_the_glance_reads_only_a_plain_sqlite_file(tmp_path: Path) -> None:
    database = saved(tmp_path / "w.db", closure_days=(dt.date(2026, 4, 7),))
    assert stored_settings(database, KEYS) == {"closure_days": '["2026-04-07"]'}
    assert stored_settings(tmp_path / "missing.db", KEYS) is None
    other = tmp_path / "other.db"
    other.write_bytes(b"\x8f" * 4096)  # as an encrypted file starts: no SQLite header
    assert stored_settings(other, KEYS) is None
    # No file is made beside the database by reading it.
    assert sorted(path.name for path in tmp_path.iterdir()
                  if path.name.startswith(("w.db", ".w.db"))) == [".w.db.closed", "w.db"]


def test_the_glanced_calendar_is_the_stores_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('closure_days = [2026-05-15]\nfixed_closure_days = ["12-24"]\n',
                      encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_SITE_CONFIG", str(config))
    monkeypatch.delenv("WORKBENCH_LANGUAGE", raising=False)
    arguments = argparse.Namespace(db=str(tmp_path / "w.db"))
    for changes in ({}, {"closure_days": (dt.date(2026, 4, 7),)},
                    {"fixed_closure_days": ("06-05", "12-31"), "language": "en"}):
        database = saved(tmp_path / "w.db", **changes)
        with Workbench.open(database) as workbench:
            expected = workbench.settings.load()
        try:
            assert cli._glanced_calendar(arguments) == expected.calendar(), changes
            assert current_language() == expected.language
        finally:
            set_language(None)
