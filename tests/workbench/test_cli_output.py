"""The command line's output for a person is in the user's language (issue 19).

Each listing is run with ``--language da`` and ``--language en``: the Danish output has the
Danish words and none of the English ones, the English output keeps its stable words (the
table headers are the JSON keys), and the machine formats stay English in both.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from pathlib import Path

import pytest

from tests.helpers.exports import Case, write_cases, write_events
from tests.helpers.sync_support import EXPORT_DAY, write_export
from workbench.cli import EXIT_OK, main
from workbench.messages import LANGUAGE_ENV, catalog
from workbench.session import Workbench
from workbench.sync.entries import EntityType, Entry, new_entity_id
from workbench.sync.folder import FolderTransport
from workbench.sync.hlc import Timestamp, physical_now_ms
from workbench.sync.sealing import TeamKey

Capture = pytest.CaptureFixture[str]
TODAY = "2026-03-10"


@pytest.fixture(autouse=True)
def _no_language_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only ``--language`` (or the database's setting) chooses."""
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)


def run(capsys: Capture, *argv: str) -> str:
    """The output of a command that must succeed."""
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == EXIT_OK, captured.err
    return captured.out


def both(capsys: Capture, *argv: str) -> tuple[str, str]:
    """The command's output in Danish and in English."""
    return (run(capsys, *argv, "--language", "da"), run(capsys, *argv, "--language", "en"))


def words(text: str) -> set[str]:
    """The words of ``text`` (what an English leftover would show up as)."""
    return set(text.replace(":", " ").replace("=", " ").split())


@pytest.fixture
def database(tmp_path: Path, capsys: Capture) -> str:
    """Case S1 (overdue first conversation) with two inquiries (one overdue) and a note; S2."""
    cases = write_cases(tmp_path / "sager.csv", [Case("S1"), Case("S2", caseworker="DEF")])
    events = write_events(tmp_path / "haendelser.csv", [("S1", "2026-02-01", "samtale")])
    path = str(tmp_path / "workbench.db")
    run(capsys, "--db", path, "import", str(cases), str(events), "--today", TODAY)
    run(capsys, "--db", path, "inquiry", "add", "S1", "--channel", "phone", "--received",
        "2026-03-09", "--by", "ABC")
    run(capsys, "--db", path, "inquiry", "add", "S1", "--channel", "phone", "--received",
        "2026-03-02", "--by", "ABC")
    run(capsys, "--db", path, "note", "add", "S1", "Ringet op", "--by", "ABC")
    with Workbench.open(path) as workbench:
        workbench.settings.save(dataclasses.replace(workbench.settings.load(), my_initials="ABC"))
    return path


def test_status_table_has_danish_headers_and_words(database: str, capsys: Capture) -> None:
    danish, english = both(capsys, "--db", database, "status", "--today", TODAY)
    header = danish.splitlines()[0]
    assert header.startswith("sagsnr.") and "sagsbehandler" in header
    assert "næste frist" in header and "milepæl" in header and "ordning" in header
    assert words(danish) & {"case_id", "caseworker", "next_due", "milestone", "plan_by",
                            "red", "amber", "green"} == set()
    assert words(danish) & {"rød", "gul", "grøn"}
    assert english.splitlines()[0].split() == ["case_id", "caseworker", "scheme", "status",
                                               "next_due", "milestone", "plan_by"]
    assert words(english) & {"red", "amber", "green"}
    assert words(english) & {"sagsnr.", "rød", "gul", "grøn"} == set()


def test_machine_formats_stay_english_in_danish(database: str, capsys: Capture) -> None:
    out = run(capsys, "--db", database, "status", "--today", TODAY, "--format", "csv",
              "--language", "da")
    assert out.splitlines()[0] == "case_id,caseworker,scheme,status,next_due,milestone,plan_by"
    record = json.loads(run(capsys, "--db", database, "case", "show", "S1", "--format",
                            "json", "--today", TODAY, "--language", "da"))
    assert {"case_id", "cpr", "next_due", "milestones"} <= set(record)
    assert record["status"] in ("red", "amber", "green")


def test_inquiries_and_audit_tables_in_danish(database: str, capsys: Capture) -> None:
    danish, english = both(capsys, "--db", database, "inquiries", "--today", TODAY)
    assert danish.splitlines()[0].split()[:4] == ["henv.-id", "sagsnr.", "sagsbehandler",
                                                  "kanal"]
    assert "telefon" in words(danish) and "phone" not in words(danish)
    assert english.splitlines()[0].split()[:4] == ["inquiry_id", "case_id", "caseworker",
                                                   "channel"]
    assert "phone" in words(english)
    danish, english = both(capsys, "--db", database, "audit")
    assert danish.splitlines()[0].split()[:3] == ["tidspunkt", "brugerkonto", "initialer"]
    assert english.splitlines()[0].split()[:3] == ["at", "os_user", "initials"]


def test_case_show_labels_in_danish(database: str, capsys: Capture) -> None:
    danish, english = both(capsys, "--db", database, "case", "show", "S1", "--today", TODAY)
    lines = danish.splitlines()
    assert lines[0] == "sagsnr.: S1"
    assert "CPR: 010190-xxxx" in lines and "sagsbehandler: ABC" in lines
    assert any(line.startswith("næste frist: ") for line in lines)
    assert any(line.startswith("status: ") and line.split()[-1] in ("rød", "gul", "grøn")
               for line in lines)
    assert any(line.startswith("milepæl SDP1 frist ") for line in lines)
    assert any(line.startswith("hændelse ") and line.endswith(" samtale central")
               for line in lines)
    assert any(line.startswith("notat ") and line.endswith("ABC: Ringet op") for line in lines)
    assert words(danish) & {"case_id", "name", "cpr", "caseworker", "next_due", "closed_on",
                            "milestone", "due", "event", "note", "open", "red", "amber",
                            "green"} == set()
    assert english.splitlines()[0] == "case_id: S1"
    assert "cpr: 010190-xxxx" in english.splitlines()
    assert any(line.startswith("milestone SDP1 due ") for line in english.splitlines())
    assert words(english) & {"sagsnr.", "milepæl", "hændelse", "notat", "frist"} == set()


def test_a_withdrawal_is_confirmed_and_shown_in_danish(database: str, capsys: Capture) -> None:
    event_id = run(capsys, "--db", database, "register", "S1", "--kind", "samtale", "--date",
                   "2026-03-09", "--by", "AB", "--today", TODAY).strip()
    out = run(capsys, "--db", database, "event", "withdraw", event_id, "--reason",
              "Forkert dato", "--by", "AB", "--language", "da")
    assert out.strip() == "tilbagekaldt: samtale 2026-03-09 på sag S1"
    shown = run(capsys, "--db", database, "case", "show", "S1", "--today", TODAY,
                "--language", "da")
    assert "hændelse - 2026-03-09 samtale lokal AB TILBAGEKALDT af AB: Forkert dato" \
        in shown.splitlines()
    assert "WITHDRAWN" not in shown

    event_id = run(capsys, "--db", database, "register", "S1", "--kind", "samtale", "--date",
                   "2026-03-08", "--by", "AB", "--today", TODAY).strip()
    out = run(capsys, "--db", database, "event", "withdraw", event_id, "--reason", "Fejl",
              "--by", "AB", "--language", "en")
    assert out.strip() == "withdrawn: samtale 2026-03-08 on case S1"


def test_nags_in_danish_as_lines_and_as_a_table(database: str, capsys: Capture) -> None:
    now = "2026-03-10T08:00"
    danish, english = both(capsys, "--db", database, "nags", "--now", now, "--peek")
    assert danish.splitlines() == [
        "overblik sagsstamme rød=1 gul=0",
        "overskredet haster henvendelse=2 sag=S1 frist=2026-03-04",
        "frist i morgen henvendelse=1 sag=S1 frist=2026-03-11",
    ]
    assert english.splitlines() == [
        "digest caseload red=1 amber=0",
        "overdue urgent inquiry=2 case=S1 due=2026-03-04",
        "due_tomorrow inquiry=1 case=S1 due=2026-03-11",
    ]
    table = run(capsys, "--db", database, "nags", "--now", now, "--peek", "--format", "table",
                "--language", "da")
    assert table == danish  # the table is the lines a person reads


def test_rules_listing_in_danish(capsys: Capture) -> None:
    danish, english = both(capsys, "rules", "--profile", "gaeldende-2026")
    assert any(line.startswith("fritagelse: sdp-13f") for line in danish.splitlines())
    assert any(line.startswith("pause: ") for line in danish.splitlines())
    assert "exemption" not in danish and "not legally verified" not in danish
    assert any(line.startswith("exemption: sdp-13f") for line in english.splitlines())
    danish, english = both(capsys, "rules", "--profile", "gaeldende-2026", "--format",
                           "excel-csv")
    assert danish.lstrip("\ufeff").startswith("kind;id;scheme;title;reference;verified")


def test_demo_summary_in_danish(tmp_path: Path, capsys: Capture) -> None:
    folder = str(tmp_path / "demo")
    danish, english = both(capsys, "demo", "--dir", folder, "--cases", "30")
    lines = danish.splitlines()
    assert lines[0].startswith("demo-database: ")
    assert lines[1].split() == ["sagsbehandler", "rød", "gul", "grøn"]
    assert lines[-2].startswith("i alt ") and lines[-1].startswith("åbne henvendelser: ")
    assert words(danish) & {"caseworker", "red", "amber", "green", "total", "open",
                            "inquiries"} == set()
    lines = english.splitlines()
    assert lines[0].startswith("demo database: ")
    assert lines[1].split() == ["caseworker", "red", "amber", "green"]
    assert lines[-2].split()[1:] == danish.splitlines()[-2].split()[2:]  # the same counts
    assert lines[-1].startswith("open inquiries: ")


def test_the_quarantine_line_in_danish(tmp_path: Path, capsys: Capture) -> None:
    share = tmp_path / "share"
    share.mkdir()
    files = [str(path) for path in write_export(tmp_path / "export")]
    ab, cd = str(tmp_path / "ab.db"), str(tmp_path / "cd.db")
    for database in (ab, cd):
        run(capsys, "--db", database, "import", *files, "--today", EXPORT_DAY.isoformat())
    code = run(capsys, "--db", ab, "team", "join", "--me", "AB", "--members", "AB,CD",
               "--folder", str(share)).splitlines()[-1]
    run(capsys, "--db", cd, "team", "join", "--me", "CD", "--members", "AB,CD", "--folder",
        str(share), "--join-code", code)
    bad = Entry(entry_id=str(uuid.uuid4()), author="AB",
                hlc=Timestamp(physical_now_ms(), 0, "ab").encode(),
                entity_type=EntityType.INQUIRY, entity_id=new_entity_id(), case_id="S1",
                values={"case_id": "S1", "channel": "brevdue", "received": "2026-03-02",
                        "registered_by": "AB", "registered_at": "2026-03-02T08:00:00"},
                node="ab", seq=1)
    FolderTransport(share, "AB", ("AB", "CD")).push([TeamKey.from_join_code(code).seal(bad,
                                                                                     "AB")])
    synced = run(capsys, "--db", cd, "team", "sync", "--language", "da")
    assert "tilbageholdt: 1 (ugyldig 1) (se workbench team quarantine)" in synced.splitlines()
    run(capsys, "--db", ab, "register", "S1", "--kind", "samtale", "--date",
        EXPORT_DAY.isoformat(), "--by", "AB", "--today", EXPORT_DAY.isoformat())
    sent = run(capsys, "--db", ab, "team", "sync", "--language", "da").splitlines()
    assert sent[0] == "sendt: 1 (hændelse 1)"
    status = run(capsys, "--db", cd, "team", "status", "--language", "en")
    assert "held: 1 (invalid 1) (quarantined, by AB)" in status.splitlines()

    danish, english = both(capsys, "--db", cd, "team", "quarantine")
    assert danish.splitlines()[0].startswith(f"{bad.entry_id}  ugyldig  af AB (fra AB)  ")
    assert english.splitlines()[0].startswith(f"{bad.entry_id}  invalid  by AB (from AB)  ")
    assert words(danish.splitlines()[0]) & {"invalid", "by", "from"} == set()


def test_every_output_text_has_both_languages_and_the_same_placeholders() -> None:
    import string

    ours = {key: text for key, text in catalog().items() if key.startswith("cli.out.")}
    assert len(ours) > 80
    for key, text in ours.items():
        assert text.da.strip() and text.en.strip(), key
        names = [{field for _, field, _, _ in string.Formatter().parse(template) if field}
                 for template in (text.da, text.en)]
        assert names[0] == names[1], key


def test_team_setup_and_transport_errors_in_danish(tmp_path: Path, capsys: Capture) -> None:
    database = str(tmp_path / "wb.db")
    missing = tmp_path / "ingen"
    for language, expected, english in (
            ("da", f"fejl: den delte mappe {missing} findes ikke eller kan ikke nås",
             "cannot be reached"),
            ("en", f"error: the shared folder {missing} does not exist or cannot be reached",
             "kan ikke")):
        assert main(["--db", database, "team", "join", "--me", "AB", "--members", "AB,CD",
                     "--folder", str(missing), "--language", language]) != EXIT_OK
        err = capsys.readouterr().err
        assert err.strip() == expected and english not in err
    assert main(["--db", database, "team", "sync", "--language", "da"]) != EXIT_OK
    err = capsys.readouterr().err
    assert "databasen er ikke i noget team endnu" in err and "no team" not in err
    assert main(["--db", database, "team", "join", "--me", "AB", "--members", "CD",
                 "--folder", str(tmp_path), "--language", "da"]) != EXIT_OK
    assert "medlemmerne (CD) skal omfatte dig (AB)" in capsys.readouterr().err


def test_mapping_origins_dry_run_tables_and_audit_actions_in_danish(
        database: str, tmp_path: Path, capsys: Capture) -> None:
    danish, english = both(capsys, "mapping", "list")
    assert danish.splitlines()[0].startswith("mappe medfølgende: ")
    assert "mapping 'canonical' (indbygget)" in danish and "bundled" not in danish
    assert english.splitlines()[0].startswith("folder bundled: ")
    cases = write_cases(tmp_path / "nye.csv", [Case("S1"), Case("S2", caseworker="DEF")])
    danish, english = both(capsys, "--db", database, "import", str(cases), "--dry-run",
                           "--today", TODAY)
    assert "tabel: nye.csv: sager, 2 rækker, overskrifter læst af mappingen 'canonical' " \
           "(indbygget)" in danish.splitlines()
    assert "table: nye.csv: cases, 2 rows, headings read by mapping 'canonical' (built-in)" \
        in english.splitlines()
    danish, english = both(capsys, "--db", database, "audit")
    assert danish.splitlines()[1].split()[4] == "import"
    run(capsys, "--db", database, "case", "set-attribute", "S1", "kategori", "2", "--by", "AB")
    danish, english = both(capsys, "--db", database, "audit")
    assert "sagsoplysning" in danish and "case_attribute" not in danish
    assert "case_attribute" in english and "sagsoplysning" not in english


def help_text(capsys: Capture, *argv: str) -> str:
    """What ``--help`` prints (argparse ends it with SystemExit 0)."""
    with pytest.raises(SystemExit) as ended:
        main([*argv, "--help"])
    assert ended.value.code == 0
    return capsys.readouterr().out


def test_the_newer_commands_placeholders_in_danish(capsys: Capture) -> None:
    danish = help_text(capsys, "note", "edit", "--language", "da")
    assert "NOTAT_ID TEKST" in danish and "NOTE_ID" not in danish
    danish = help_text(capsys, "event", "withdraw", "--language", "da")
    assert "--reason TEKST" in danish and "HÆNDELSES_ID" in danish and "TEXT" not in danish
    assert "NOTE_ID TEXT" in help_text(capsys, "note", "edit", "--language", "en")
