"""Start-up benchmarks (issue 18 item 3): the command line answers at once.

And opening a database costs the same at any size. Every figure is a ratio to a bare
baseline measured in the same run:

* ``workbench --help`` and ``workbench --version``: at most 3x ``python -c pass``;
* ``workbench deadline``: at most 1.5x loading the Danish holiday calendar alone
  (``import holidays`` and the DK calendar of one year);
* ``workbench status --caseworker X`` (150 cases) in a database of ``--large`` cases: at most
  3x the same in a database of ``--small`` cases. The issue's figure is 1,000,000 against
  10,000; building a million cases takes minutes, so the default is 100,000 and
  ``--large 1000000`` runs the full size.

Each command runs as its own process, as ``workbench`` does, best of ``--runs``, with the
package's bytecode compiled first (as the installer ships it: without it, a development
shell's ``PYTHONDONTWRITEBYTECODE`` would time the compiling of every module). ``deadline``
is timed with no database and with a cleanly closed one (its closure days are read then).
The status databases are built fast (the 150 cases of X by the real import, the rest
inserted with sqlite3) and opened once before timing, as any database is after its first
clean close; with ``--dir`` a database built by an earlier run of the same size is reused
(a million cases take a few minutes to build).

Run: ``.venv/bin/python benchmarks/bench_startup.py [--large 1000000] [--dir FOLDER]``.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench import demo
from workbench.session import Workbench
from workbench.store import recovery

TODAY = dt.date(2026, 11, 22)
CASEWORKER = "X"
OWN_CASES = 150
BOUNDS = {
    "--help / python -c pass": 3.0,
    "--version / python -c pass": 3.0,
    "deadline / holidays DK": 1.5,
    "deadline, no database / holidays DK": 1.5,
    "status, large / small": 3.0,
}
CLI = "import sys; from workbench.start import main; sys.exit(main())"
HOLIDAYS = ("import holidays; "
            "holidays.country_holidays('DK', years=2026, categories=holidays.PUBLIC)")


def best_run(arguments: list[str], runs: int) -> float:
    """The shortest wall time of ``runs`` runs of a Python process with ``arguments``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *arguments], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def cli(*words: str) -> list[str]:
    """The interpreter's arguments that run ``workbench WORDS`` (as the console script)."""
    return ["-c", CLI, *words]


def build_database(path: Path, total: int, folder: Path) -> None:
    """``total`` open cases: X's 150 by the real import, the others inserted directly.

    A database of ``total`` cases left at ``path`` by an earlier run is kept as it is.
    """
    if _cases_in(path) == total:
        return
    path.unlink(missing_ok=True)
    export = demo.generate(OWN_CASES, 7, TODAY)
    files = demo.write_export(export, folder / f"export-{total}")
    with Workbench.open(path) as workbench:
        workbench.imports.import_files(files, today=TODAY)
    filler = export.cases[0]
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE cases SET caseworker = ?", (CASEWORKER,))
        rows = ((f"F{number:07d}", filler.cpr, filler.name, filler.scheme.value,
                 f"C{number % 2000:04d}", filler.team, filler.start.isoformat())
                for number in range(total - OWN_CASES))
        connection.executemany(
            "INSERT INTO cases (case_id, cpr, name, scheme, caseworker, team, start) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        connection.commit()
    with Workbench.open(path):  # the first open after the change checks and records
        pass


def _cases_in(path: Path) -> int | None:
    """How many cases the database at ``path`` holds; None if there is none to read."""
    if not path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro",
                                                uri=True)) as connection:
            counted: int = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
            return counted
    except sqlite3.Error:
        return None


def status_figures(folder: Path, small: int, large: int, runs: int) -> dict[str, float]:
    """Best ``status --caseworker X`` times in a small and a large database, and the ratio."""
    figures: dict[str, float] = {}
    seconds = {}
    for size in (small, large):
        path = folder / f"cases-{size}.db"
        build_database(path, size, folder)
        seconds[size] = best_run(cli("--db", str(path), "status", "--caseworker", CASEWORKER,
                                     "--today", TODAY.isoformat(), "--format", "csv"), runs)
        figures[f"status at {size:,} cases (s, best)"] = seconds[size]
        start = time.perf_counter()
        recovery.integrity_problem(path, thorough=False)
        figures[f"quick_check at {size:,} cases, no longer at every open (s)"] = (
            time.perf_counter() - start)
    figures["status, large / small"] = seconds[large] / seconds[small]
    return figures


def run(small: int, large: int, runs: int, folder: Path) -> dict[str, float]:
    """Every figure of the benchmark."""
    compileall.compile_dir(Path(demo.__file__).parent, quiet=1)
    status = status_figures(folder, small, large, runs)
    bare = best_run(["-c", "pass"], runs)
    calendar = best_run(["-c", HOLIDAYS], runs)
    asked = ("deadline", "--channel", "phone", "--received", "2026-04-01")
    figures = {
        "python -c pass (s, best)": bare,
        "holidays DK (s, best)": calendar,
        "--help / python -c pass": best_run(cli("--help"), runs) / bare,
        "--version / python -c pass": best_run(cli("--version"), runs) / bare,
        "deadline / holidays DK": best_run(
            cli("--db", str(folder / f"cases-{small}.db"), *asked), runs) / calendar,
        "deadline, no database / holidays DK": best_run(
            cli("--db", str(folder / "no-such.db"), *asked), runs) / calendar,
        "rules --profile / holidays DK": best_run(
            cli("rules", "--profile", "gaeldende-2026"), runs) / calendar,
    }
    figures.update(status)
    return figures


def main() -> int:
    """Parse the options, run, print every figure and whether its bound is kept."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", help="where to build the databases (default: a temporary one)")
    parser.add_argument("--report-only", action="store_true",
                        help="exit 0 even if a bound is missed (for a smoke run)")
    arguments = parser.parse_args()
    with contextlib.ExitStack() as stack:
        folder = Path(arguments.dir) if arguments.dir else Path(
            stack.enter_context(tempfile.TemporaryDirectory()))
        figures = run(arguments.small, arguments.large, arguments.runs, folder)
    kept = True
    for name, value in figures.items():
        bound = BOUNDS.get(name)
        verdict = "" if bound is None else (" ok" if value <= bound else f" OVER {bound}x")
        kept = kept and (bound is None or value <= bound)
        print(f"{name}: {value:.3f}{verdict}")
    return 0 if kept or arguments.report_only else 1


if __name__ == "__main__":
    sys.exit(main())
