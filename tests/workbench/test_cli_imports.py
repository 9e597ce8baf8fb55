"""The command line loads what a command uses: no SQLAlchemy, Alembic or openpyxl to add days.

Each command runs in a fresh interpreter, as ``workbench`` does, and reports what it loaded
from ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import __version__, cli, demo
from workbench.session import Workbench
from workbench.vocabulary import Channel

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "python_calamine", "workbench.store",
         "workbench.session")
#: The store's modules that read a closed database's settings without SQLAlchemy.
GLANCE = ["workbench.store", "workbench.store.glance", "workbench.store.integrity"]
RUN = (
    "import json, sys\n"
    "from workbench.start import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as leaving:\n"
    "    code = leaving.code\n"
    "sys.stdout.flush()\n"
    f"loaded = sorted({{m.split('.')[0] if not m.startswith('workbench') else m for m in "
    f"sys.modules if m.startswith({HEAVY!r})}})\n"
    "print('LOADED ' + json.dumps([code, loaded]))\n"
)


def loaded_by(*argv: str, cwd: Path) -> tuple[object, list[str]]:
    """Run ``workbench ARGV`` in a fresh interpreter: its exit code and the heavy modules."""
    done = subprocess.run([sys.executable, "-c", RUN, *argv], capture_output=True, text=True,
                          check=False, timeout=120, cwd=cwd)
    last = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    assert last, done.stderr
    code, loaded = json.loads(last[-1].removeprefix("LOADED "))
    return code, loaded


@pytest.mark.parametrize("argv", [
    ["--help"],
    ["--version"],
    ["deadline", "--channel", "phone", "--received", "2026-04-01"],
    ["rules", "--profile", "gaeldende-2026"],
    ["status", "--help"],
    ["deadline", "--channel", "fax", "--received", "2026-04-01"],  # a usage error
])
def test_commands_without_a_database_load_no_database_or_excel_library(
    argv: list[str], tmp_path: Path
) -> None:
    code, loaded = loaded_by(*argv, cwd=tmp_path)
    assert code in (0, cli.EXIT_USAGE)
    assert loaded == []


@pytest.mark.parametrize("argv", [
    ["deadline", "--channel", "mail", "--received", "2026-04-01"],
    ["--help"],
    ["rules", "--profile", "gaeldende-2026", "--format", "json"],
])
def test_with_a_cleanly_closed_database_only_its_settings_are_glanced_at(
    argv: list[str], tmp_path: Path
) -> None:
    database = tmp_path / "w.db"
    Workbench.open(database).close()
    code, loaded = loaded_by("--db", str(database), *argv, cwd=tmp_path)
    assert code == 0
    assert loaded == (GLANCE if argv[0] == "deadline" else [])


def test_a_command_on_the_database_does_load_the_store(tmp_path: Path) -> None:
    # The guard above would pass for a CLI that loads nothing at all: this one must load it.
    code, loaded = loaded_by("--db", str(tmp_path / "w.db"), "status", cwd=tmp_path)
    assert code == 0
    assert "sqlalchemy" in loaded and "workbench.session" in loaded


def test_the_version_is_printed_before_the_command_line_loads(tmp_path: Path) -> None:
    script = ("import sys\nfrom workbench.start import main\ncode = main(['--version'])\n"
              "print(code, 'workbench.cli' in sys.modules, 'argparse' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=60, cwd=tmp_path)
    version, verdict = done.stdout.splitlines()
    assert version == f"workbench {__version__}"
    assert verdict == "0 False False"


def test_the_demo_export_formats_are_the_demo_modules_own() -> None:
    assert cli.DEMO_FORMATS == demo.FORMATS


def test_the_channels_are_the_vocabularys_own() -> None:
    assert tuple(channel.value for channel in Channel) == cli.CHANNELS


def test_the_help_loads_neither_typing_nor_dataclasses(tmp_path: Path) -> None:
    script = ("import sys\nfrom workbench.start import main\ntry:\n    main(['--help'])\n"
              "except SystemExit:\n    pass\n"
              "print(sorted({'typing', 'dataclasses', 'inspect', 'shutil', 'logging', "
              "'workbench.vocabulary'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=60, cwd=tmp_path)
    assert done.stdout.splitlines()[-1] == "[]"
