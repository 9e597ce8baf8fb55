"""`workbench report`: its counts are `workbench status`'s, its exit codes the contract's."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.reportdata import BACKENDS, TEAM, TODAY, Store, store_fixture, table_rows
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from workbench.messages import LANGUAGE_ENV

DAY = TODAY.isoformat()


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; test_cli_conventions checks the Danish ones."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


def status_counts(store: Store, capsys: pytest.CaptureFixture[str]) -> Counter[tuple[str, str]]:
    """(caseworker, status) counts as ``workbench status --format json`` prints them.

    JSON, not CSV: CSV quotes the formula-like initials (test_cli_conventions).
    """
    assert main(["--db", store.url, "status", "--today", DAY, "--format", "json"]) == EXIT_OK
    records = json.loads(capsys.readouterr().out)
    return Counter((record["caseworker"], record["status"]) for record in records)


def test_report_counts_equal_workbench_status(store: Store, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    expected = status_counts(store, capsys)
    out = tmp_path / "status.xlsx"

    assert main(["--db", store.url, "report", "--out", str(out), "--today", DAY]) == EXIT_OK

    printed = capsys.readouterr().out
    *rows, total = table_rows(load_workbook(out)["Overblik"])
    words = {"Rød": "red", "Gul": "amber", "Grøn": "green"}
    shown = Counter({(row["Sagsbehandler"], status): row[word]
                     for row in rows for word, status in words.items() if row[word]})
    assert shown == expected
    for word, status in words.items():
        assert total[word] == sum(n for (_, s), n in expected.items() if s == status)
    assert printed.startswith(f"report: {out} ({sum(expected.values())} open cases: "
                              f"{total['Rød']} red, {total['Gul']} amber, {total['Grøn']} green")


def test_team_option_limits_the_report(store: Store, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "team.xlsx"
    assert main(["--db", store.url, "report", "--out", str(out), "--today", DAY,
                 "--team", TEAM, "--include-cpr"]) == EXIT_OK
    capsys.readouterr()
    sager = table_rows(load_workbook(out)["Sager"])
    assert sager and {row["Team"] for row in sager} == {TEAM}
    assert all(not str(row["CPR"]).endswith("xxxx") for row in sager)


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        ([], EXIT_USAGE, "--out"),
        (["--out", "{dir}/a.xlsx", "--today", "20-05-2026"], EXIT_USAGE, "not a date"),
        (["--out", "{dir}/a.csv"], EXIT_INPUT, ".xlsx"),
        (["--out", "{dir}/a.xlsx", "--team", "Team Ingen"], EXIT_INPUT, "Team Test"),
        (["--out", "{dir}/missing/a.xlsx"], EXIT_INPUT, "error:"),
    ],
    ids=["no-out", "bad-date", "not-xlsx", "unknown-team", "no-such-folder"],
)
def test_bad_report_commands_exit_with_one_line_and_write_nothing(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    arguments: list[str], code: int, message: str,
) -> None:
    argv = ["--db", store.url, "report", *(a.format(dir=tmp_path) for a in arguments)]

    assert main(argv) == code

    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert list(tmp_path.rglob("*.xlsx")) == []
