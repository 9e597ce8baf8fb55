"""The log file: rotating, in the per-user log folder, and never holding a CPR number."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.helpers.exports import TODAY, cases, write_cases
from workbench import logs
from workbench.cli import EXIT_OK, main
from workbench.logs import configure_logging, mask_cpr_numbers

log = logging.getLogger("tests.logs")


def _written(path: Path) -> str:
    """The log file's text once every handler has flushed."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), [
    ("cpr 010190-1234 here", "cpr 010190-xxxx here"),
    ("cpr 0101901234.", "cpr 010190-xxxx."),
    ("cpr 010190 1234 with a space", "cpr 010190-xxxx with a space"),
    ("two: 311299-4321,290200-4111", "two: 311299-xxxx,290200-xxxx"),
    # Not a date (1900 was no leap year), part of a longer number, or too short: kept.
    ("29 Feb: 290200-1111", "29 Feb: 290200-1111"),
    ("count 9999991234", "count 9999991234"),
    ("id 123456789012", "id 123456789012"),
    ("phone 12345678", "phone 12345678"),
])
def test_cpr_looking_numbers_are_masked_and_others_kept(text: str, expected: str) -> None:
    assert mask_cpr_numbers(text) == expected


def test_a_cpr_in_the_message_or_its_arguments_is_masked_in_the_file(
    private_log_folder: Path,
) -> None:
    path = configure_logging()

    log.warning("case S1 has CPR 010190-1234")
    log.warning("case %s has CPR %s", "S2", "0202021234")

    written = _written(path)
    assert path.parent == private_log_folder
    assert "case S1 has CPR 010190-xxxx" in written
    assert "case S2 has CPR 020202-xxxx" in written
    assert "1234" not in written


def test_an_exception_with_a_cpr_is_masked_in_the_traceback(private_log_folder: Path) -> None:
    path = configure_logging()

    def fail() -> None:
        raise ValueError("bad row for 010190-1234")

    try:
        fail()
    except ValueError:
        log.exception("import failed")

    written = _written(path)
    assert "Traceback" in written
    assert "ValueError: bad row for 010190-xxxx" in written
    assert "010190-1234" not in written


def test_the_log_rotates_at_its_size_keeping_five_old_files(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    [handler] = [h for h in logging.getLogger().handlers
                 if isinstance(h, logs.WorkbenchLogHandler)]
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
    for _ in range(4_000):  # about 2.2 MB
        log.info("x" * 500)
    assert path.with_name("workbench.log.1").exists()
    assert path.with_name("workbench.log.2").exists()


def test_configuring_twice_keeps_one_handler(tmp_path: Path) -> None:
    configure_logging(tmp_path / "a")
    configure_logging(tmp_path / "b")
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs.WorkbenchLogHandler)]
    assert len(ours) == 1


def test_the_cli_logs_an_import_in_counts_only(
    private_log_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_cases(tmp_path / "sager.csv", cases(3, cpr="010190-1234"))
    database = tmp_path / "workbench.db"

    assert main(["--db", str(database), "import", str(path), "--today",
                 TODAY.isoformat()]) == EXIT_OK
    capsys.readouterr()

    written = _written(private_log_folder / logs.LOG_FILE_NAME)
    assert "opened the database" in written
    assert "imported sager.csv: new 3" in written
    assert "0101901234" not in written and "010190-1234" not in written


def test_a_cli_error_is_logged(private_log_folder: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.csv"
    assert main(["--db", str(tmp_path / "w.db"), "import", str(missing)]) != EXIT_OK
    capsys.readouterr()
    written = _written(private_log_folder / logs.LOG_FILE_NAME)
    assert "workbench import failed" in written and "nowhere.csv" in written


def test_the_window_and_the_command_line_write_separate_files(private_log_folder: Path) -> None:
    gui = configure_logging(program=logs.GUI_PROGRAM)
    log.info("from the window")
    cli = configure_logging(program=logs.CLI_PROGRAM)
    log.info("from a script")
    assert gui.name == "workbench-gui.log" and cli.name == "workbench.log"
    assert "from the window" in _written(gui) and "from a script" not in gui.read_text()
    assert "from a script" in _written(cli)


def test_a_rotation_refused_by_another_process_loses_nothing_and_retries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    handler = logs.WorkbenchLogHandler(tmp_path / "workbench.log", maxBytes=2000,
                                       backupCount=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("tests.logs.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    monkeypatch.setattr(logging, "raiseExceptions", True)

    def refused(source: str, dest: str) -> None:
        # What Windows says when another process holds the file open.
        raise PermissionError(13, "The process cannot access the file", source)

    monkeypatch.setattr(handler, "rotate", refused)
    try:
        for number in range(100):
            logger.info("record %03d %s", number, "x" * 40)
        assert handler.failed_rollovers >= 1
        assert handler.failed_rollovers < 20  # retried after a tenth more, not on every record
        text = (tmp_path / "workbench.log").read_text(encoding="utf-8")
        assert all(f"record {number:03d}" in text for number in range(100))
        assert not (tmp_path / "workbench.log.1").exists()
        monkeypatch.undo()  # the other process let go: the next retry rotates
        for number in range(100, 130):
            logger.info("record %03d %s", number, "x" * 40)
        assert (tmp_path / "workbench.log.1").exists()
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert "Logging error" not in capsys.readouterr().err
