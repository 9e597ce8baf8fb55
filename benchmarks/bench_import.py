"""Import and status benchmarks against a bare baseline measured in the same run (issue 3).

The baseline is the least any import can do: csv.reader over the same two files and
sqlite3 executemany of the raw rows into plain tables, one commit. Every figure is printed
as a ratio to it, so the bounds hold on a slow machine as on a fast one:

* full import of N cases with E events into an empty database: at most 6x (aim 3x; issue 18:
  at most 4x at 10^6 cases);
* re-import of the unchanged export: the same files at most 2x; the same rows in new files
  (other line ends, blank lines added at the end: the same digest of the rows) at most 1x;
* re-import of new files with one cases row changed, which forces the row by row comparison
  (a hash per stored case, the changed one read back): at most 2x;
* XLSX import: at most 2x the CSV import of the same data;
* ``status`` of one caseworker's ~150 cases in that database: median under 50 ms;
* peak memory of the import (its own process): under 500 MB, at any size (issue 18: at
  10^6 cases with 4·10^6 events, the import streams and keeps ids and hashes, not rows).

Run: ``.venv/bin/python benchmarks/bench_import.py`` (defaults: 100,000 cases, 400,000 events);
the centre-scale run is ``--cases 1000000 --events 4000000 --skip-xlsx --repeat 1``; with
``--dir D --reuse`` a later run takes the export files an earlier one left in D (for the same
cases, events and seed) instead of making them again, and starts every database afresh.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import functools
import io
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from scratchdb import scratch_database

from workbench import demo
from workbench.cli import main as cli_main
from workbench.session import Workbench

TODAY = dt.date(2026, 11, 22)
BOUNDS = {
    "full import / baseline": 6.0,
    "re-import, same files / baseline": 2.0,
    "re-import, same rows in new files / baseline": 1.0,
    "re-import, one row changed / baseline": 2.0,
    "xlsx import / csv import": 2.0,
}
STATUS_BOUND_MS = 50.0
MEMORY_BOUND_MB = 500.0


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build_export(cases: int, events: int, seed: int) -> demo.DemoExport:
    """A demo export with exactly ``events`` events (a random, order-keeping subset)."""
    export = demo.generate(cases, seed, TODAY)
    if len(export.events) < events:
        raise SystemExit(f"the demo made only {len(export.events)} events for {cases} cases")
    keep = sorted(random.Random(seed).sample(range(len(export.events)), events))
    return demo.DemoExport(export.cases, tuple(export.events[i] for i in keep))


def baseline(files: list[Path], database: Path) -> None:
    """csv.reader + sqlite3 executemany of the raw rows into plain tables."""
    with contextlib.closing(sqlite3.connect(database)) as connection:
        for index, path in enumerate(files):
            with path.open(encoding="utf-8-sig", newline="") as stream:
                reader = csv.reader(stream, delimiter=";")
                header = next(reader)
                columns = ", ".join(f"c{n} TEXT" for n in range(len(header)))
                marks = ", ".join("?" * len(header))
                connection.execute(f"CREATE TABLE t{index} ({columns})")
                connection.executemany(f"INSERT INTO t{index} VALUES ({marks})", reader)
        connection.commit()


def import_into(database: Path, files: list[Path]) -> None:
    """The workbench's import, as the CLI runs it."""
    with Workbench.open(database) as workbench:
        summary = workbench.imports.import_files(files, today=TODAY)
    if summary.rejected:
        raise SystemExit(f"the benchmark export had {len(summary.rejected)} rejected rows")


def timed_import(database: Path, files: list[Path]) -> float:
    """Seconds of ``import_files`` alone (opening and migrating the store not counted)."""
    with Workbench.open(database) as workbench:
        return timed(lambda: workbench.imports.import_files(files, today=TODAY))


def peak_memory_mb(database: Path, files: list[Path]) -> float:
    """Peak resident memory of a separate process that runs the import (it reports it)."""
    command = [sys.executable, __file__, "--child-import", str(database), *map(str, files)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def own_peak_memory_mb() -> float:
    """The peak resident memory of the running process.

    Linux's VmHWM belongs to the process image, so it starts afresh at exec; ru_maxrss
    would also count the parent's memory that a forked child briefly shared.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def postgres_figures(server: str, files: list[Path], folder: Path, rounds: int,
                     ) -> dict[str, float]:
    """The full import into a new database on a PostgreSQL server, against bare loads.

    Each round times the SQLite baseline, the bare PostgreSQL load (csv.reader and psycopg
    COPY of the raw rows into plain tables, one commit) and the import, each into a database
    of its own, made and dropped here. For the note, no bound.
    """
    import psycopg
    from sqlalchemy import make_url

    times: dict[str, list[float]] = {"sqlite": [], "bare": [], "import": []}
    scratch = functools.partial(scratch_database, server)

    def bare_load(url: str) -> None:
        parts = make_url(url)
        with psycopg.connect(host=parts.host, port=parts.port or 5432, dbname=parts.database,
                             user=parts.username, password=parts.password) as connection:
            for index, path in enumerate(files):
                with path.open(encoding="utf-8-sig", newline="") as stream:
                    reader = csv.reader(stream, delimiter=";")
                    header = next(reader)
                    columns = ", ".join(f"c{n} TEXT" for n in range(len(header)))
                    connection.execute(f"CREATE TABLE t{index} ({columns})")
                    with connection.cursor().copy(f"COPY t{index} FROM STDIN") as copy:
                        for row in reader:
                            copy.write_row(row)

    for n in range(rounds):
        stamp = f"bench_import_{os.getpid()}_{n}"
        times["sqlite"].append(timed(functools.partial(
            baseline, files, folder / f"pg-baseline{n}.db")))
        with scratch(f"{stamp}_bare") as url:
            times["bare"].append(timed(functools.partial(bare_load, url)))
        with scratch(f"{stamp}_import") as url, Workbench.open(url) as workbench:
            times["import"].append(timed(functools.partial(
                workbench.imports.import_files, files, today=TODAY)))
    return {
        "PostgreSQL: full import (s, best)": min(times["import"]),
        "PostgreSQL: bare csv + COPY (s, best)": min(times["bare"]),
        "PostgreSQL: full import / bare csv + COPY": statistics.median(
            a / b for a, b in zip(times["import"], times["bare"], strict=True)),
        "PostgreSQL: full import / baseline (SQLite)": statistics.median(
            a / b for a, b in zip(times["import"], times["sqlite"], strict=True)),
    }


def same_rows_in_new_files(files: list[Path], folder: Path, blank_lines: int) -> list[Path]:
    """Copies with blank lines added: new content hashes, the very same rows."""
    folder.mkdir()
    copies = []
    for path in files:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        with copy.open("ab") as stream:
            stream.write(b"\r\n" * blank_lines)
        copies.append(copy)
    return copies


def one_row_changed(files: list[Path], folder: Path) -> list[Path]:
    """Copies in which the first cases row's name is changed: every row is compared."""
    folder.mkdir()
    copies = []
    for path in files:
        copy = folder / path.name
        lines = path.read_bytes().split(b"\n")
        if lines[0].lstrip(b"\xef\xbb\xbf").startswith(b"Sags-ID;CPR;Navn;"):
            cells = lines[1].split(b";")
            cells[2] += b" Andersen"
            lines[1] = b";".join(cells)
        copy.write_bytes(b"\n".join(lines))
        copies.append(copy)
    return copies


def status_times_ms(database: Path, caseworker: str, runs: int) -> tuple[list[float], int]:
    """Times of ``caseload`` for one caseworker, and how many cases it returned."""
    with Workbench.open(database) as workbench:
        rows = workbench.cases.caseload(TODAY, caseworker=caseworker)
        times = [timed(lambda: workbench.cases.caseload(TODAY, caseworker=caseworker)) * 1000
                 for _ in range(runs)]
    return times, len(rows)


def cli_status_times_ms(database: Path, caseworker: str, runs: int) -> list[float]:
    """Times of the whole ``workbench status`` command, in-process (opening included)."""
    argv = ["--db", str(database), "status", "--today", TODAY.isoformat(), "--caseworker",
            caseworker, "--format", "csv"]
    times = []
    for _ in range(runs):
        with contextlib.redirect_stdout(io.StringIO()):
            times.append(timed(lambda: cli_main(argv)) * 1000)
    return times


def caseworker_near(export: demo.DemoExport, size: int) -> str:
    """The caseworker whose open caseload is closest to ``size`` cases."""
    loads = Counter(case.caseworker for case in export.cases if case.closed_on is None)
    return min(loads, key=lambda person: (abs(loads[person] - size), person))


def report(figures: dict[str, float], checks: dict[str, tuple[float, float]]) -> bool:
    """Print every figure, then each bound with its verdict; True if all are kept."""
    for name, value in figures.items():
        print(f"{name:48} {value:10.3f}")
    print()
    kept = True
    for name, (value, bound) in checks.items():
        verdict = "ok" if value <= bound else "MISSED"
        kept = kept and value <= bound
        print(f"{name:48} {value:8.2f}  (bound {bound:g})  {verdict}")
    return kept


@contextlib.contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    """A scratch folder, removed afterwards unless the user named one."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as folder:
        yield Path(folder)


def prepared_export(arguments: argparse.Namespace, folder: Path,
                    ) -> tuple[list[Path], list[Path] | None, str]:
    """The export's CSV (and XLSX) files in ``folder`` and a caseworker with ~150 open cases.

    What an earlier run made there (databases, backups, copies) is removed: every run starts
    afresh. With ``--reuse``, the export files an earlier run made there for the same cases,
    events and seed (its ``export.json`` says so) are taken as they are.
    """
    stamp = {"cases": arguments.cases, "events": arguments.events, "seed": arguments.seed}
    marker = folder / "export.json"
    made = json.loads(marker.read_text()) if marker.exists() else {}
    reuse = arguments.reuse and {k: made.get(k) for k in stamp} == stamp and (
        arguments.skip_xlsx or made.get("xlsx"))
    ours = {"backups", "changed", "copies1", "copies2"}
    if not reuse:
        ours |= {"csv", "xlsx", "export.json"}
    for path in folder.iterdir():
        if path.name not in ours and ".db" not in path.name:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    if reuse:
        csv_files = [folder / "csv" / name for name in made["csv"]]
        xlsx_files = None if arguments.skip_xlsx else [
            folder / "xlsx" / name for name in made["xlsx"]]
        return csv_files, xlsx_files, made["caseworker"]
    export = build_export(arguments.cases, arguments.events, arguments.seed)
    csv_files = demo.write_export(export, folder / "csv", "csv")
    xlsx_files = None if arguments.skip_xlsx else demo.write_export(
        export, folder / "xlsx", "xlsx")
    caseworker = caseworker_near(export, 150)
    marker.write_text(json.dumps({
        **stamp, "caseworker": caseworker, "csv": [path.name for path in csv_files],
        "xlsx": None if xlsx_files is None else [path.name for path in xlsx_files]}))
    return csv_files, xlsx_files, caseworker


def run(arguments: argparse.Namespace) -> bool:
    """Measure everything and print the report; True if every bound is kept.

    Each round times the baseline and then each import right after it, and a ratio is the
    median of the rounds' ratios: on a shared machine the load drifts, and a baseline timed
    minutes before the import it is compared with would measure the drift instead.
    """
    with workspace(arguments.dir) as folder:
        csv_files, xlsx_files, caseworker = prepared_export(arguments, folder)
        copies = [same_rows_in_new_files(csv_files, folder / f"copies{n}", n) for n in (1, 2)]
        changed = one_row_changed(csv_files, folder / "changed")
        rounds: dict[str, list[float]] = {}

        def record(name: str, seconds: float) -> None:
            rounds.setdefault(name, []).append(seconds)

        for n in range(arguments.repeat):
            database = folder / f"full{n}.db"
            record("baseline", timed(functools.partial(
                baseline, csv_files, folder / f"baseline{n}.db")))
            record("full", timed_import(database, csv_files))
            record("same files", timed_import(database, csv_files))
            # Alternate two sets of copies, so that every run compares row by row.
            record("new files", timed_import(database, copies[n % 2]))
            record("one row changed", timed_import(database, changed))
            if xlsx_files is not None:
                record("xlsx", timed_import(folder / f"xlsx{n}.db", xlsx_files))
                record("csv", timed_import(folder / f"csv{n}.db", csv_files))

        def ratio(name: str, base: str) -> float:
            return statistics.median(a / b for a, b in zip(rounds[name], rounds[base],
                                                           strict=True))

        figures = {
            "baseline (s, best)": min(rounds["baseline"]),
            "full import (s, best)": min(rounds["full"]),
            "re-import, same files (s, best)": min(rounds["same files"]),
            "re-import, same rows in new files (s, best)": min(rounds["new files"]),
            "re-import, one row changed (s, best)": min(rounds["one row changed"]),
        }
        checks = {
            "full import / baseline": (ratio("full", "baseline"),
                                       BOUNDS["full import / baseline"]),
            "re-import, same files / baseline": (
                ratio("same files", "baseline"), BOUNDS["re-import, same files / baseline"]),
            "re-import, same rows in new files / baseline": (
                ratio("new files", "baseline"),
                BOUNDS["re-import, same rows in new files / baseline"]),
            "re-import, one row changed / baseline": (
                ratio("one row changed", "baseline"),
                BOUNDS["re-import, one row changed / baseline"]),
        }
        if xlsx_files is not None:
            figures["xlsx import (s, best)"] = min(rounds["xlsx"])
            checks["xlsx import / csv import"] = (ratio("xlsx", "csv"),
                                                  BOUNDS["xlsx import / csv import"])
        memory = peak_memory_mb(folder / "memory.db", csv_files)
        figures["import peak memory (MB)"] = memory
        checks["import peak memory (MB)"] = (memory, MEMORY_BOUND_MB)
        database = folder / "full0.db"
        times, count = status_times_ms(database, caseworker, arguments.status_runs)
        figures[f"status, {count} cases of {caseworker}: median (ms)"] = statistics.median(times)
        checks["status median (ms)"] = (statistics.median(times), STATUS_BOUND_MS)
        cli_times = cli_status_times_ms(database, caseworker, max(5, arguments.status_runs // 4))
        figures["`workbench status` in-process: median (ms)"] = statistics.median(cli_times)
        if arguments.postgres:
            figures.update(postgres_figures(arguments.postgres, csv_files, folder,
                                            arguments.repeat))
        print(f"{arguments.cases} cases, {arguments.events} events, seed {arguments.seed}, "
              f"{arguments.repeat} rounds, load average {os.getloadavg()[0]:.1f}")
        return report(figures, checks)


def main() -> int:
    """Parse the options and run the benchmark (or, internally, one import to measure)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=400_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of measurement")
    parser.add_argument("--status-runs", type=int, default=41)
    parser.add_argument("--skip-xlsx", action="store_true", help="writing XLSX takes a while")
    parser.add_argument("--dir", type=Path, help="keep the files and databases here")
    parser.add_argument("--reuse", action="store_true",
                        help="with --dir: take the export files an earlier run made there")
    parser.add_argument("--report-only", action="store_true",
                        help="exit 0 even if a bound is missed (for a smoke run)")
    parser.add_argument("--postgres", metavar="URL",
                        help="also import into a new database on this PostgreSQL server "
                             "(a URL of its postgres database); for the note, no bound")
    parser.add_argument("--child-import", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child_import:
        database, *files = arguments.child_import
        import_into(Path(database), [Path(f) for f in files])
        print(f"{own_peak_memory_mb():.1f}")
        return 0
    kept = run(arguments)
    return 0 if kept or arguments.report_only else 1


if __name__ == "__main__":
    sys.exit(main())
