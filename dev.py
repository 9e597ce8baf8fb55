"""Developer entry point: the README's two set-up commands live here.

``python3 dev.py demo`` installs the workbench into ``.venv`` and starts it on demo data.
``python3 dev.py test`` installs everything the checks need and runs all of them: ruff,
mypy, the import contract, the Qt-free core suite in a virtual environment without
PySide6, and the full suite against SQLite and a real PostgreSQL server started here.

It uses only the standard library, so it runs on a fresh machine with nothing but Python.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent
FULL_VENV = ROOT / ".venv"
CORE_VENV = ROOT / ".venv-core"
LOWEST_VENV = ROOT / ".venv-lowest"
#: Every version the bundle is built from, pinned with its hashes (installer/lock.sh).
BUNDLE_LOCK = ROOT / "installer" / "requirements.lock"
DEMO_DIR = ROOT / ".demo"
QT_SETTINGS_UNKNOWN = "ignore:Unknown config option:pytest.PytestConfigWarning"
NO_TESTS_COLLECTED = 5
PG_BIN = Path("/usr/lib/postgresql/15/bin")
# The PostgreSQL server, LibreOffice (the report must open there), poppler's PDF tools (to
# read the printed report back) and the shared libraries Qt's offscreen platform loads.
APT_TEST_PACKAGES = [
    "postgresql-15",
    "libreoffice-calc-nogui",
    "poppler-utils",
    "desktop-file-utils",
    "appstream",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
]
# What Qt's xcb platform needs on a Linux desktop (Windows and macOS need none of it).
APT_GUI_PACKAGES = [
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
]


def venv_python(venv: Path) -> Path:
    """Return the interpreter inside ``venv`` on Windows and POSIX alike."""
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def run(*command: str | Path, env: dict[str, str] | None = None) -> int:
    """Run a command in the repository, echoing it, and return its exit code."""
    printable = " ".join(str(part) for part in command)
    print(f"$ {printable}", flush=True)
    return subprocess.call([str(part) for part in command], cwd=ROOT, env=env)


def must(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command and stop this script if it fails."""
    code = run(*command, env=env)
    if code != 0:
        sys.exit(code)


def ensure_venv(venv: Path, extras: str) -> Path:
    """Create ``venv`` if needed and install the project with ``extras`` into it.

    With the ``gui`` extra the locked versions go in first, hashes checked, so the UI suite
    runs on exactly what the bundle is built from.
    """
    if not venv_python(venv).exists():
        must(sys.executable, "-m", "venv", venv)
        must(venv_python(venv), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    if "gui" in extras.split(","):
        must(venv_python(venv), "-m", "pip", "install", "--quiet", "--require-hashes",
             "-r", BUNDLE_LOCK)
    target = f".[{extras}]" if extras else "."
    must(venv_python(venv), "-m", "pip", "install", "--quiet", "-e", target)
    return venv_python(venv)


def ensure_apt_packages(packages: list[str]) -> None:
    """Install system ``packages`` that are missing, where this is a Debian machine we own."""
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}\n", *packages],
        capture_output=True,
        text=True,
        check=False,
    )
    installed = status.stdout.count("install ok installed")
    if installed == len(packages):
        return
    apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    must("apt-get", "update", "-qq", env=apt_env)
    must("apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages, env=apt_env)


def free_port() -> int:
    """Ask the kernel for a loopback port nobody uses right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_postgres_user(*command: str | Path) -> list[str]:
    """Wrap a server command so it runs as ``postgres`` when we are root (initdb refuses root)."""
    words = [str(part) for part in command]
    if os.name != "nt" and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *words]
    return words


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a throw-away PostgreSQL 15 cluster on loopback and yield its SQLAlchemy URL."""
    data_root = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
    data_dir = data_root / "data"
    if os.name != "nt" and os.geteuid() == 0:
        shutil.chown(data_root, user="postgres", group="postgres")
    port = free_port()
    subprocess.run(
        as_postgres_user(PG_BIN / "initdb", "-D", data_dir, "-A", "trust", "-U", "postgres",
                         "--encoding=UTF8", "--locale=C.UTF-8"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {data_root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        as_postgres_user(PG_BIN / "pg_ctl", "-D", data_dir, "-o", options, "-w", "-l",
                         data_root / "server.log", "start"),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            as_postgres_user(PG_BIN / "pg_ctl", "-D", data_dir, "-m", "fast", "stop"),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(data_root, ignore_errors=True)


def pytest_passed(code: int, pytest_args: list[str]) -> bool:
    """Pytest's verdict; "no test collected" (5) is fine only when a filter was given."""
    return code == 0 or (code == NO_TESTS_COLLECTED and bool(pytest_args))


def lowest_versions_suite(uv: Path, pytest_args: list[str]) -> int:
    """The core suite (SQLite half) on the lowest versions ``pyproject.toml`` allows.

    A floor such as ``python-calamine>=0.8.3`` is a promise that the code works there;
    uv resolves every direct dependency to its lowest allowed version and the suite runs
    on them, so a floor below what the code calls fails here (about two minutes).
    """
    pins = ROOT / "build" / "lowest-versions.txt"
    pins.parent.mkdir(exist_ok=True)
    if not venv_python(LOWEST_VENV).exists():
        must(uv, "venv", "--quiet", "--python", sys.executable, LOWEST_VENV)
    lowest = venv_python(LOWEST_VENV)
    must(uv, "pip", "compile", "--quiet", "--resolution", "lowest-direct", "--extra", "test",
         "--python", lowest, "--output-file", pins, "pyproject.toml")
    must(uv, "pip", "sync", "--quiet", "--python", lowest, pins)
    must(uv, "pip", "install", "--quiet", "--python", lowest, "--no-deps", "-e", ".")
    env = {**os.environ, "WORKBENCH_TEST_NO_PG": "1"}
    env.pop("WORKBENCH_TEST_PG_URL", None)
    # The fuzz and the sync state machine try thousands of inputs against our own logic;
    # they ran on the current versions already and ask nothing more of a library's floor.
    slow = ("importing/test_import_fuzz.py", "sync/test_sync_properties.py")
    skipped = [f"--ignore=tests/workbench/{name}" for name in slow]
    return run(lowest, "-m", "pytest", "-p", "no:cacheprovider", "-W", QT_SETTINGS_UNKNOWN,
               *skipped, "-m", "not postgres", "tests/workbench", *pytest_args, env=env)


def command_test(pytest_args: list[str]) -> int:
    """Install everything and run every check; the exit code is the first failure's.

    The core suite runs once, in a virtual environment where PySide6 is not even installed
    (the proof that the core is Qt-free), against SQLite and the PostgreSQL server started
    here; the UI suite runs in the full environment.
    """
    ensure_apt_packages(APT_TEST_PACKAGES)
    python = ensure_venv(FULL_VENV, "gui,test,dev")
    core_python = ensure_venv(CORE_VENV, "test")
    bin_dir = python.parent
    must(bin_dir / "ruff", "check", ".")
    must(python, "-m", "mypy")
    must(bin_dir / "lint-imports")
    must(core_python, "-c", "import importlib.util, sys; "
         "sys.exit(importlib.util.find_spec('PySide6') is not None)")
    with postgres_server() as pg_url:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_TEST_PG_URL": pg_url}
        # pytest-qt is absent from the core environment: its settings are unknown keys there.
        core = run(core_python, "-m", "pytest", "-W", QT_SETTINGS_UNKNOWN, "tests/workbench",
                   *pytest_args, env=env)
        ui = run(python, "-m", "pytest", "--strict-config", "tests/ui", *pytest_args, env=env)
    lowest = lowest_versions_suite(bin_dir / "uv", pytest_args)
    if not all(pytest_passed(code, pytest_args) for code in (core, ui, lowest)):
        return core or ui or lowest
    if pytest_args or os.name == "nt":
        return 0
    # A full run also builds the installable bundle from the lock and self-tests it.
    return run("bash", "installer/build.sh", sys.executable)


def command_demo(gui_args: list[str]) -> int:
    """Install the app and open it on a demo caseload (made on the first start)."""
    ensure_apt_packages(APT_GUI_PACKAGES)
    python = ensure_venv(FULL_VENV, "gui")
    DEMO_DIR.mkdir(exist_ok=True)
    return run(python, "-m", "ui", "--db", DEMO_DIR / "demo.db", "--demo", *gui_args)


def main() -> int:
    """Parse the sub-command and run it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["demo", "test"])
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="passed on to pytest or the app")
    arguments = parser.parse_args()
    if arguments.command == "test":
        return command_test(arguments.rest)
    return command_demo(arguments.rest)


if __name__ == "__main__":
    sys.exit(main())
