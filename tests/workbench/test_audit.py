"""The audit log: reveals, imports and exports recorded; entries can never change or go."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from tests.helpers.exports import TODAY, Case, cases, write_cases
from workbench.audit import AuditAction, os_user
from workbench.cli import EXIT_OK, main
from workbench.errors import TruncatedExportError, UnknownCaseError
from workbench.reports import write_status_report
from workbench.session import Workbench
from workbench.settings import Settings
from workbench.store.models import audit_log

CPR = "010190-1234"
DIGITS = CPR.replace("-", "")


def _imported(workbench: Workbench, tmp_path: Path, count: int = 2) -> Path:
    """A store with ``count`` cases from an audited import, made by "ABC"."""
    workbench.settings.save(Settings(my_initials="ABC"))
    path = write_cases(tmp_path / "sager.csv", cases(count, cpr=CPR))
    workbench.imports.import_files([path], today=TODAY)
    return path


def _all_text(workbench: Workbench) -> str:
    """Every value of every audit entry, as one text."""
    return " ".join(str(value) for entry in workbench.audit.audit_log()
                    for value in vars(entry).values())


def test_revealing_a_cpr_number_returns_it_and_records_who_and_which_case(
    workbench: Workbench, tmp_path: Path
) -> None:
    _imported(workbench, tmp_path)

    before = dt.datetime.now(dt.UTC)
    shown = workbench.audit.reveal_cpr("S2", by="DEF")
    after = dt.datetime.now(dt.UTC)

    assert shown == CPR
    reveal = workbench.audit.audit_log()[-1]
    assert (reveal.action, reveal.case_id, reveal.initials) == (AuditAction.REVEAL_CPR, "S2",
                                                                "DEF")
    assert reveal.os_user == os_user()
    assert before <= reveal.at <= after


def test_a_reveal_without_initials_names_the_settings_initials(
    workbench: Workbench, tmp_path: Path
) -> None:
    _imported(workbench, tmp_path)
    workbench.audit.reveal_cpr("S1")
    assert workbench.audit.audit_log()[-1].initials == "ABC"


def test_an_unknown_case_reveals_nothing_and_records_nothing(
    workbench: Workbench, tmp_path: Path
) -> None:
    _imported(workbench, tmp_path)
    before = workbench.audit.audit_log()
    with pytest.raises(UnknownCaseError):
        workbench.audit.reveal_cpr("nobody", by="ABC")
    assert workbench.audit.audit_log() == before


def test_an_import_is_recorded_with_its_file_and_counts(
    workbench: Workbench, tmp_path: Path
) -> None:
    _imported(workbench, tmp_path, count=3)

    [entry] = workbench.audit.audit_log()
    assert (entry.action, entry.initials, entry.file) == (AuditAction.IMPORT, "ABC", "sager.csv")
    assert entry.detail is not None and "new 3" in entry.detail
    assert entry.case_id is None


def test_a_refused_or_repeated_import_leaves_no_entry(
    workbench: Workbench, tmp_path: Path
) -> None:
    path = _imported(workbench, tmp_path, count=10)
    workbench.imports.import_files([path], today=TODAY)  # the same file again: nothing changes
    with pytest.raises(TruncatedExportError):
        workbench.imports.import_files([write_cases(tmp_path / "kort.csv", cases(5))], today=TODAY)
    assert [entry.action for entry in workbench.audit.audit_log()] == [AuditAction.IMPORT]


def test_reports_are_recorded_as_cpr_exports_only_when_they_hold_cpr_numbers(
    workbench: Workbench, tmp_path: Path
) -> None:
    _imported(workbench, tmp_path)
    masked = write_status_report(workbench, tmp_path / "status.xlsx", TODAY).path
    full = write_status_report(workbench, tmp_path / "fuld.xlsx", TODAY, include_cpr=True).path

    exports = [(entry.action, entry.file) for entry in workbench.audit.audit_log()[1:]]
    assert exports == [(AuditAction.REPORT_EXPORT, str(masked)),
                       (AuditAction.CPR_EXPORT, str(full))]


def test_no_entry_holds_a_cpr_number(workbench: Workbench, tmp_path: Path) -> None:
    _imported(workbench, tmp_path)
    workbench.audit.reveal_cpr("S1", by="ABC")
    write_status_report(workbench, tmp_path / "fuld.xlsx", TODAY, include_cpr=True)
    written = _all_text(workbench)
    assert "S1" in written and DIGITS not in written and CPR not in written


@pytest.mark.parametrize("change", [
    update(audit_log).values(initials="XYZ"),
    delete(audit_log),
], ids=["update", "delete"])
def test_the_database_refuses_to_change_or_delete_an_entry(
    workbench: Workbench, tmp_path: Path, change: object
) -> None:
    _imported(workbench, tmp_path)
    before = workbench.audit.audit_log()

    with pytest.raises(DBAPIError, match="append-only"), \
            workbench.database.transaction(write=True) as connection:
        connection.execute(change)  # type: ignore[call-overload]

    assert workbench.audit.audit_log() == before


def test_emptying_the_whole_table_is_refused(
    workbench: Workbench, tmp_path: Path, is_sqlite: bool
) -> None:
    _imported(workbench, tmp_path)
    # SQLite has no TRUNCATE (and drops its truncate shortcut for a table with triggers).
    emptying = "DELETE FROM audit_log" if is_sqlite else "TRUNCATE audit_log"
    with pytest.raises(DBAPIError, match="append-only"), \
            workbench.database.transaction(write=True) as connection:
        connection.execute(text(emptying))
    assert len(workbench.audit.audit_log()) == 1


def test_audit_since_lists_from_that_day_on(workbench: Workbench, tmp_path: Path) -> None:
    _imported(workbench, tmp_path)
    # The entry's own UTC day: a clock read after the import may be past midnight already.
    today = workbench.audit.audit_log()[0].at.astimezone(dt.UTC).date()
    assert len(workbench.audit.audit_log(since=today)) == 1
    assert workbench.audit.audit_log(since=today + dt.timedelta(days=1)) == []


def test_the_cli_lists_the_log_as_csv(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_cases(tmp_path / "sager.csv", [Case("S1", cpr=CPR)])
    assert main(["--db", database_url, "import", str(path), "--today", "2026-03-10"]) == EXIT_OK
    report = tmp_path / "status.xlsx"
    assert main(["--db", database_url, "report", "--out", str(report), "--today", "2026-03-10",
                 "--include-cpr"]) == EXIT_OK
    capsys.readouterr()

    code = main(["--db", database_url, "audit", "--format", "csv"])

    out = capsys.readouterr().out
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["action"], row["file"]) for row in rows] == [
        ("import", "sager.csv"), ("cpr_export", str(report))]
    assert all(row["os_user"] == os_user() for row in rows)
    assert DIGITS not in out


def test_the_cli_table_and_since(database_url: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write_cases(tmp_path / "sager.csv", [Case("S1")])
    main(["--db", database_url, "import", str(path), "--today", "2026-03-10"])
    capsys.readouterr()

    assert main(["--db", database_url, "audit", "--language", "en"]) == EXIT_OK
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["at", "os_user", "initials", "action", "case_id", "file",
                                "detail"]
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", table[1])
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    assert main(["--db", database_url, "audit", "--since", tomorrow]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 1  # the heading only
