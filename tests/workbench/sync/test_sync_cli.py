"""`workbench team join | sync | status`: two databases sharing a folder see each other's work."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from tests.helpers.sync_support import EXPORT_DAY, write_export
from workbench.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from workbench.messages import LANGUAGE_ENV
from workbench.session import Workbench
from workbench.sync.entries import EntityType, Entry, new_entity_id
from workbench.sync.folder import FolderTransport
from workbench.sync.hlc import Timestamp, physical_now_ms
from workbench.sync.sealing import TeamKey

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English texts; test_cli_conventions checks the Danish ones."""
    monkeypatch.setenv(LANGUAGE_ENV, "en")


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def pair(tmp_path: Path, capsys: Capture) -> tuple[str, str, Path]:
    """Two imported databases (AB's and CD's) and an empty shared folder."""
    share = tmp_path / "share"
    share.mkdir()
    files = [str(path) for path in write_export(tmp_path / "export")]
    databases = (str(tmp_path / "ab.db"), str(tmp_path / "cd.db"))
    for database in databases:
        assert run(capsys, "--db", database, "import", *files, "--today",
                   EXPORT_DAY.isoformat())[0] == EXIT_OK
    return databases[0], databases[1], share


def local_events(database: str, case_id: str) -> list[tuple[dt.date, str, str | None]]:
    with Workbench.open(database) as workbench:
        detail = workbench.cases.case_detail(case_id, EXPORT_DAY)
    return [(e.date, e.kind.value, e.registered_by) for e in detail.events if e.source == "local"]


def test_two_databases_sharing_a_folder_see_each_others_conversations(
    pair: tuple[str, str, Path], capsys: Capture,
) -> None:
    ab, cd, share = pair
    code, out, err = run(capsys, "--db", ab, "team", "join", "--me", "ab",
                         "--members", "AB,CD,EF", "--folder", str(share))
    assert (code, err) == (EXIT_OK, "")
    said = out.splitlines()
    assert said[0] == f"joined the team AB, CD, EF as AB via folder {share.resolve()}"
    join_code = said[-1]  # the first member's last line: the code the others join with
    assert join_code.startswith("WBT1-") and len(said) == 3
    code, out, _ = run(capsys, "--db", cd, "team", "join", "--me", "CD", "--members",
                       "AB,CD,EF", "--folder", str(share), "--join-code", join_code)
    assert code == EXIT_OK and "WBT1-" not in out
    assert run(capsys, "--db", ab, "register", "S1", "--kind", "samtale", "--date",
               "2026-03-02", "--by", "AB")[0] == EXIT_OK
    assert run(capsys, "--db", cd, "register", "S2", "--kind", "fællessamtale", "--date",
               "2026-03-03", "--by", "CD")[0] == EXIT_OK
    assert run(capsys, "--db", cd, "inquiry", "add", "S2", "--channel", "phone",
               "--received", "2026-03-03", "--by", "CD")[0] == EXIT_OK

    first = run(capsys, "--db", ab, "team", "sync")
    second = run(capsys, "--db", cd, "team", "sync")
    third = run(capsys, "--db", ab, "team", "sync")

    assert [code for code, _, _ in (first, second, third)] == [EXIT_OK] * 3
    assert first[1].splitlines()[:2] == ["sent: 1 (event 1)", "received: 0"]
    assert second[1].splitlines()[:2] == ["sent: 2 (event 1, inquiry 1)",
                                          "received: 1 (event 1)"]
    assert third[1].splitlines()[:2] == ["sent: 0", "received: 2 (event 1, inquiry 1)"]
    for database in (ab, cd):
        assert local_events(database, "S1") == [(dt.date(2026, 3, 2), "samtale", "AB")]
        assert local_events(database, "S2") == [(dt.date(2026, 3, 3), "fællessamtale", "CD")]


def test_status_names_me_the_members_the_transport_and_what_waits(
    pair: tuple[str, str, Path], capsys: Capture,
) -> None:
    ab, _, share = pair
    code, out, _ = run(capsys, "--db", ab, "team", "status")
    assert code == EXIT_OK
    assert out.splitlines()[0].startswith("team: none")

    run(capsys, "--db", ab, "team", "join", "--me", "AB", "--members", "AB,CD",
        "--folder", str(share))
    run(capsys, "--db", ab, "register", "S1", "--kind", "samtale", "--date", "2026-03-02",
        "--by", "AB")
    before = run(capsys, "--db", ab, "team", "status", "--language", "da")[1].splitlines()
    run(capsys, "--db", ab, "team", "sync")
    after = run(capsys, "--db", ab, "team", "status", "--language", "da")[1].splitlines()

    assert before == ["mig: AB", "medlemmer: AB, CD", f"transport: folder {share.resolve()}",
                      "sidste synkronisering: aldrig", "afventer: 1", "parkeret: 0",
                      "tilbageholdt: 0",
                      "overensstemmelse: ikke sammenlignet endnu (synkronisér først)"]
    assert after[4] == "afventer: 0"
    assert after[-1] == "overensstemmelse: i sync"
    assert after[3].startswith("sidste synkronisering: 20") and after[3].endswith(" UTC")


def test_sync_before_joining_is_an_input_error_on_one_line(
    pair: tuple[str, str, Path], capsys: Capture,
) -> None:
    code, out, err = run(capsys, "--db", pair[0], "team", "sync")

    assert (code, out) == (EXIT_INPUT, "")
    assert err.startswith("error: this database is in no team yet") and err.count("\n") == 1


@pytest.mark.parametrize(("arguments", "code", "message"), [
    (["--me", "AB", "--members", "CD,EF", "--folder", "{share}"], EXIT_INPUT,
     "must include you (AB)"),
    (["--me", "A/B", "--members", "A/B", "--folder", "{share}"], EXIT_INPUT, "not initials"),
    (["--me", "AB", "--members", "AB", "--folder", "{share}/missing"], EXIT_INPUT,
     "does not exist"),
    (["--me", "AB", "--members", "AB", "--server", "sqlite:///x.db"], EXIT_INPUT,
     "must be a PostgreSQL server"),
    (["--me", "AB", "--members", "AB", "--folder", "{share}", "--server", "postgresql://h/x"],
     EXIT_USAGE, "not allowed with argument"),
    (["--me", "AB", "--members", "AB"], EXIT_INPUT, "names neither"),
])
def test_a_bad_join_changes_nothing_and_says_why(
    pair: tuple[str, str, Path], capsys: Capture, arguments: list[str], code: int,
    message: str,
) -> None:
    ab, _, share = pair
    filled = [word.replace("{share}", str(share)) for word in arguments]

    result = run(capsys, "--db", ab, "team", "join", *filled)

    assert result[0] == code
    assert message in result[2] and "Traceback" not in result[2]
    with Workbench.open(ab) as workbench:
        assert workbench.team.status().settings is None


def test_an_unreachable_folder_is_reported_and_the_outbox_kept(
    pair: tuple[str, str, Path], capsys: Capture,
) -> None:
    ab, _, share = pair
    run(capsys, "--db", ab, "team", "join", "--me", "AB", "--members", "AB,CD",
        "--folder", str(share))
    run(capsys, "--db", ab, "register", "S1", "--kind", "samtale", "--date", "2026-03-02",
        "--by", "AB")
    share.rename(share.with_name("share-offline"))

    code, _, err = run(capsys, "--db", ab, "team", "sync")

    assert code == EXIT_INPUT
    assert "cannot be reached" in err
    assert "pending: 1" in run(capsys, "--db", ab, "team", "status")[1]


def test_a_quarantined_entry_is_listed_with_its_author_and_can_be_dropped(
    pair: tuple[str, str, Path], capsys: Capture,
) -> None:
    ab, cd, share = pair
    out = run(capsys, "--db", ab, "team", "join", "--me", "AB", "--members", "AB,CD",
              "--folder", str(share))[1]
    run(capsys, "--db", cd, "team", "join", "--me", "CD", "--members", "AB,CD",
        "--folder", str(share), "--join-code", out.splitlines()[-1])
    key = TeamKey.from_join_code(out.splitlines()[-1])
    bad = Entry(entry_id=str(uuid.uuid4()), author="AB",
                hlc=Timestamp(physical_now_ms(), 0, "ab").encode(),
                entity_type=EntityType.INQUIRY, entity_id=new_entity_id(), case_id="S1",
                values={"case_id": "S1", "channel": "brevdue", "received": "2026-03-02",
                        "registered_by": "AB", "registered_at": "2026-03-02T08:00:00"},
                node="ab", seq=1)
    FolderTransport(share, "AB", ("AB", "CD")).push([key.seal(bad, "AB")])

    synced = run(capsys, "--db", cd, "team", "sync")
    status = run(capsys, "--db", cd, "team", "status")[1].splitlines()
    listed = run(capsys, "--db", cd, "team", "quarantine")[1].splitlines()
    inquiries = run(capsys, "--db", cd, "inquiries", "--format", "csv")

    assert synced[0] == EXIT_OK and "held: 1 (invalid 1)" in synced[1]
    assert "held: 1 (invalid 1) (quarantined, by AB)" in status
    assert listed[0].startswith(f"{bad.entry_id}  invalid  by AB (from AB)")
    assert listed[-1] == "held: 1"
    assert inquiries[0] == EXIT_OK and "S1" not in inquiries[1]
    dropped = run(capsys, "--db", cd, "team", "quarantine", "--drop", bad.entry_id)
    assert dropped[1].splitlines() == [f"dropped {bad.entry_id}", "held: 0"]
    again = run(capsys, "--db", cd, "team", "quarantine", "--drop", bad.entry_id)
    assert again[0] == EXIT_INPUT and bad.entry_id in again[2]
