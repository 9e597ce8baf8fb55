"""The Danish holidays are computed once per ``holidays`` version and kept, then read back.

Making one country's calendar with the ``holidays`` package loads every country's module;
Denmark's is loaded alone, and a kept year costs reading a small file, no ``holidays``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import holidays
import pytest

from workbench import calendar

ROOT = Path(__file__).resolve().parents[2]
EASTER_MONDAY_2026 = dt.date(2026, 4, 6)


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of this test's own; the in-process caches emptied around it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(calendar.platformdirs, "user_cache_path",
                        lambda name, appauthor: tmp_path / name)
    calendar.danish_public_holidays.cache_clear()
    calendar._kept_holidays.cache_clear()
    yield tmp_path
    calendar.danish_public_holidays.cache_clear()
    calendar._kept_holidays.cache_clear()


def fresh() -> None:
    """Forget what this process computed or read, as a new process would."""
    calendar.danish_public_holidays.cache_clear()
    calendar._kept_holidays.cache_clear()


def test_a_year_is_computed_once_kept_and_read_back_the_same(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = calendar.danish_public_holidays(2026)
    assert EASTER_MONDAY_2026 in computed
    assert computed == frozenset(
        holidays.country_holidays("DK", years=2026, categories=holidays.PUBLIC).keys())
    path = calendar.holiday_cache_path()
    assert path.parent.parent == cache_folder and holidays.__version__ in path.name
    assert sorted(json.loads(path.read_text(encoding="utf-8"))) == ["2026"]

    fresh()
    monkeypatch.setattr(calendar, "_denmark", _must_not_be_called)
    assert calendar.danish_public_holidays(2026) == computed


def test_a_damaged_cache_file_is_computed_afresh(cache_folder: Path) -> None:
    path = calendar.holiday_cache_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"2026": ["not a date"]', encoding="utf-8")
    assert EASTER_MONDAY_2026 in calendar.danish_public_holidays(2026)
    assert "2026" in json.loads(path.read_text(encoding="utf-8"))


def test_another_holidays_version_does_not_read_this_ones_file(
    cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calendar.danish_public_holidays(2026)
    fresh()
    monkeypatch.setattr(calendar, "holidays_version", lambda: "0.0-other")
    calls: list[int] = []
    real = calendar._denmark

    def counting() -> object:
        calls.append(1)
        return real()

    monkeypatch.setattr(calendar, "_denmark", counting)
    assert EASTER_MONDAY_2026 in calendar.danish_public_holidays(2026)
    assert calls == [1]


def test_deadline_loads_no_other_country_and_with_a_kept_year_no_holidays(
    tmp_path: Path,
) -> None:
    script = ("import sys\nfrom workbench.start import main\n"
              "main(['--db', 'none.db', 'deadline', '--channel', 'phone', "
              "'--received', '2026-04-01'])\n"
              "print(sum(m.startswith('holidays.countries') for m in sys.modules))\n"
              "print('holidays' in sys.modules)")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}

    def run() -> list[str]:
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True, timeout=120, env=environment,
                              cwd=tmp_path).stdout.splitlines()

    first, second = run(), run()
    assert first == ["2026-04-08", "0", "True"]  # computed with Denmark's module alone
    assert second == ["2026-04-08", "0", "False"]  # read back: no holidays at all


def test_denmarks_module_alone_gives_the_packages_days_1990_to_2040() -> None:
    alone = calendar._denmark()
    years = range(1990, 2041)
    packaged = holidays.country_holidays("DK", years=years, categories=holidays.PUBLIC)
    assert alone.__name__ == "Denmark" and alone.__module__ == calendar._DENMARK_MODULE
    assert dict(alone(years=years, categories=("public",))) == dict(packaged)
    assert len(packaged) > 10 * len(years)


def _must_not_be_called(*_arguments: object, **_options: object) -> object:
    raise AssertionError("the kept year was computed again")


def test_the_version_is_the_packages_own_read_without_its_metadata_module() -> None:
    assert calendar.holidays_version() == holidays.__version__
    script = ("import sys\nfrom workbench import calendar\n"
              "print(calendar.holidays_version(), 'importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split() == [holidays.__version__, "False"]


def test_a_denmark_module_that_no_longer_loads_alone_falls_back_to_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A later holidays whose denmark.py imports relatively cannot run under another name.
    moved = tmp_path / "denmark.py"
    moved.write_text("from .groups import ChristianHolidays\n", encoding="utf-8")
    load_alone = calendar.importlib.util.spec_from_file_location
    monkeypatch.setattr(calendar.importlib.util, "spec_from_file_location",
                        lambda name, _source: load_alone(name, moved))
    calendar._denmark.cache_clear()
    try:
        fallback = calendar._denmark()
    finally:
        calendar._denmark.cache_clear()
    assert fallback.__module__ != calendar._DENMARK_MODULE
    assert dict(fallback(years=2026, categories=("public",))) == dict(
        holidays.country_holidays("DK", years=2026, categories=holidays.PUBLIC))
    assert "did not load alone" in caplog.text
