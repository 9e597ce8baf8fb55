"""restore-backup over an intact database: refused unless forced, and then nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.exports import TODAY, cases, write_cases
from workbench.audit import AuditAction
from workbench.cli import EXIT_INPUT, EXIT_OK, main
from workbench.session import Workbench
from workbench.store.recovery import backups_of
from workbench.vocabulary import EventKind

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """Backed up before its import; since then an import, a registration, a note, a reveal."""
    path = tmp_path / "workbench.db"
    with Workbench.open(path) as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "a.csv", cases(3))], today=TODAY)
        workbench.imports.import_files([write_cases(tmp_path / "b.csv", cases(4))], today=TODAY)
        workbench.registrations.register_event("S1", EventKind.SAMTALE,
                                               TODAY - dt.timedelta(days=1),
                                               by="AB")
        workbench.registrations.add_note("S2", "Ringede", by="AB")
        workbench.audit.reveal_cpr("S1", by="AB")
    return path


def test_an_intact_database_is_not_restored_over_without_force(
        database: Path, capsys: Capture) -> None:
    code = main(["--db", str(database), "restore-backup", "--latest", "--language", "en"])
    err = capsys.readouterr().err

    assert code == EXIT_INPUT
    assert len(err.strip().splitlines()) == 1
    # The newest backup was made before the second import: since it, two local changes
    # (the event and the note) and two audit entries (the second import and the reveal).
    assert "would lose 2 local changes and 2 audit entries" in err and "--force" in err
    assert not any(database.parent.glob("workbench.db.corrupt-*"))
    with Workbench.open(database) as workbench:
        assert len(workbench.cases.case_detail("S2", TODAY).notes) == 1


def test_forced_the_audit_entries_and_local_changes_are_carried_over(
        database: Path, capsys: Capture) -> None:
    with Workbench.open(database) as workbench:
        before = [(e.at, e.action, e.case_id) for e in workbench.audit.audit_log()]
    oldest = backups_of(database)[0]  # before the first import: no cases at all

    code = main(["--language", "en", "--db", str(database), "restore-backup", str(oldest),
                 "--force", "--by", "AB"])

    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "carried over: 3 audit entries; 2 local changes back in the outbox" in out
    with Workbench.open(database) as workbench:
        after = workbench.audit.audit_log()
        assert [(e.at, e.action, e.case_id) for e in after[:-1]] == before
        assert after[-1].action is AuditAction.RESTORE_BACKUP
        assert workbench.team.status().pending >= 2
        assert workbench.cases.is_empty()  # the cases are the backup's; their work waits for them
