"""Opening a session loads what the window's first read uses; the rest loads on first use.

The window's process start until its lists are filled is bounded (issue 18), and the
worker loads the database layer on that path: the import (``workbench.importing``' reader
and importer), PostgreSQL's dialect (the team hub's inserts) and the team's side of the
sync (transports, the team key's cryptography) wait until they are used, and SQLAlchemy's
ORM is not used at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.exports import TODAY, Case, write_cases
from workbench.session import Workbench

#: Opens a SQLite session, reads the caseload, and says which of these modules it loaded.
_OPEN_AND_READ = """
import json, sys, datetime as dt
from workbench.session import Workbench
with Workbench.open(sys.argv[1]) as workbench:
    workbench.cases.caseload(dt.date.fromisoformat(sys.argv[2]))
    workbench.settings.load()
    loaded = sorted(name for name in sys.modules if name in sys.argv[3:])
    assert workbench.team.status().settings is None  # in no team: loaded on first use
print(json.dumps(loaded))
"""
_LATER = ("workbench.importing.importer", "workbench.importing.dryrun",
          "workbench.importing.reading", "sqlalchemy.dialects.postgresql",
          "sqlalchemy.orm", "workbench.sync.team", "cryptography")


def _loaded_by_opening(database: Path, *names: str) -> list[str]:
    found = subprocess.run([sys.executable, "-c", _OPEN_AND_READ, str(database),
                            TODAY.isoformat(), *names],
                           capture_output=True, text=True, check=True,
                           cwd=Path(__file__).resolve().parents[2])
    loaded: list[str] = json.loads(found.stdout)
    return loaded


def test_opening_and_reading_leaves_the_import_the_team_and_the_orm_unloaded(
        tmp_path: Path) -> None:
    database = tmp_path / "work.db"
    with Workbench.open(database) as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "a.csv", [Case("S1")])],
                                       today=TODAY)

    assert _loaded_by_opening(database, *_LATER, "workbench.deadlines") == [
        "workbench.deadlines"]


def test_the_import_loads_on_first_use(tmp_path: Path) -> None:
    """A session opened without the import loaded imports and previews all the same."""
    database = tmp_path / "work.db"
    Workbench.open(database).close()
    script = """
import sys, datetime as dt
from pathlib import Path
from workbench.session import Workbench
with Workbench.open(sys.argv[1]) as workbench:
    assert "workbench.importing.importer" not in sys.modules
    preview = workbench.imports.preview_import([Path(sys.argv[2])], today=dt.date(2026, 3, 10))
    summary = workbench.imports.import_files([Path(sys.argv[2])], today=dt.date(2026, 3, 10))
    print(preview.summary.new, summary.new, len(workbench.cases.caseload(dt.date(2026, 3, 10))))
"""
    export = write_cases(tmp_path / "a.csv", [Case("S1"), Case("S2")])
    found = subprocess.run([sys.executable, "-c", script, str(database), str(export)],
                           capture_output=True, text=True, check=True,
                           cwd=Path(__file__).resolve().parents[2])
    assert found.stdout.split() == ["2", "2", "2"]
