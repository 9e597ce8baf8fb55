"""Team sync of 10,000 entries against a bare baseline measured in the same run (issue 15).

A teammate's replica published 10,000 entries (new notes, edits of them, conversations and
inquiries on 200 cases). Over the PostgreSQL hub and over a shared folder, three things are
timed, in alternating rounds, and compared by their medians:

* **pull + apply**: a fresh member's ``team sync`` that takes in all of them (pull, open
  each sealed entry, check it, apply it as a batch, project the case tables, publish its
  state), against the bare baseline: the same pull, decryption and JSON decoding, and one
  executemany of the rows into a table of the same columns. Bound: 10x.
* **push**: sending an outbox of 10,000 entries (read, seal, push, mark sent), against a bare
  executemany of the same rows into a table like the hub's. Bound: 5x, on the hub. A folder
  has no executemany: its push is printed against writing the same lines to files, fsync'ed
  as a batch must be, for information (that baseline skips reading the outbox and sealing).
* **empty sync**: a sync with nothing new, in-process. Bound: 0.5 s.

The bytes the entries take on the share are printed (files, or the hub table with its
indexes). Times are wall-clock seconds (the hub's work happens in the server's process).

Run: ``.venv/bin/python benchmarks/bench_sync.py --pg-url postgresql+psycopg://...``
(``--entries``, ``--rounds``; without ``--pg-url`` the folder only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scratchdb import scratch_database
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine

from workbench import demo
from workbench.session import Workbench
from workbench.store.models import sync_entries
from workbench.sync import keys, state
from workbench.sync.apply import apply_entries
from workbench.sync.entries import EntityType, Entry, event_entity_id, new_entity_id
from workbench.sync.hlc import Timestamp, physical_now_ms
from workbench.sync.hub import hub_entries
from workbench.sync.sealing import TeamKey
from workbench.sync.team import _send, open_transport, required_settings
from workbench.sync.transport import Transport

TODAY = dt.date(2026, 11, 22)
PULL_BOUND, PUSH_BOUND, EMPTY_BOUND = 10.0, 5.0, 0.5
MEMBERS = ("AB", "CD")


def median_of(action: Callable[[], object], rounds: int) -> float:
    """The median wall-clock seconds of ``rounds`` runs."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_entries(count: int, case_ids: list[str], node: str) -> list[Entry]:
    """A teammate's work: 60 % new notes, 20 % edits of them, conversations and inquiries."""
    entries: list[Entry] = []
    notes: list[tuple[str, str]] = []
    last_text: dict[str, str] = {}  # each edit saw the note's latest text: not a conflict
    wall = physical_now_ms() - 3_600_000
    for n in range(count):
        case_id = case_ids[n % len(case_ids)]
        stamp = Timestamp(wall + n, 0, node).encode()
        kind = n % 10
        if kind < 6 or not notes:
            entity_id = new_entity_id()
            notes.append((entity_id, case_id))
            values: dict[str, Any] = {"case_id": case_id, "author": "AB",
                                      "written_at": "2026-11-20T09:00:00",
                                      "text": f"Samtale om plan {n}: borger møder stabilt"}
            entry = Entry(str(uuid.uuid4()), "AB", stamp, EntityType.NOTE, entity_id, case_id,
                          values, {"text": ""}, node, n + 1)
            last_text[entity_id] = stamp
        elif kind < 8:
            entity_id, case_id = notes[(n * 7) % len(notes)]
            entry = Entry(str(uuid.uuid4()), "AB", stamp, EntityType.NOTE, entity_id, case_id,
                          {"text": f"rettet {n}"}, {"text": last_text[entity_id]}, node, n + 1)
            last_text[entity_id] = stamp
        elif kind == 8:
            day = (TODAY - dt.timedelta(days=n % 300)).isoformat()
            entry = Entry(str(uuid.uuid4()), "AB", stamp, EntityType.EVENT,
                          event_entity_id(case_id, day, "samtale"), case_id,
                          {"case_id": case_id, "date": day, "kind": "samtale", "present": True,
                           "registered_by": "AB", "registered_at": "2026-11-20T09:00:00"},
                          {"present": "", "registered_by": "", "registered_at": ""}, node, n + 1)
        else:
            entry = Entry(str(uuid.uuid4()), "AB", stamp, EntityType.INQUIRY, new_entity_id(),
                          case_id, {"case_id": case_id, "channel": "phone",
                                    "received": "2026-11-19", "registered_by": "AB",
                                    "registered_at": "2026-11-19T10:00:00"}, {}, node, n + 1)
        entries.append(entry)
    return entries


def join(workbench: Workbench, me: str, kind: str, target: str, code: str | None) -> str | None:
    """Join the team over the folder or the hub; the join code if this member made the key."""
    where = {"server": target} if kind == "hub" else {"folder": target}
    return workbench.team.join(me, MEMBERS, join_code=code, **where).join_code


@contextmanager
def meeting_place(kind: str, pg_url: str | None, scratch: Path) -> Iterator[str]:
    """A fresh shared folder, or a fresh hub database (dropped afterwards)."""
    if kind == "folder":
        folder = scratch / f"share-{uuid.uuid4().hex[:6]}"
        folder.mkdir()
        yield str(folder)
        return
    assert pg_url is not None
    with scratch_database(pg_url, f"bench_sync_{uuid.uuid4().hex[:10]}") as url:
        yield url


def share_bytes(kind: str, target: str) -> int:
    """What the team's entries take on the share."""
    if kind == "folder":
        return sum(path.stat().st_size for path in Path(target).rglob("*") if path.is_file())
    engine = create_engine(target)
    with engine.connect() as connection:
        size = connection.exec_driver_sql(
            f"SELECT pg_total_relation_size('{hub_entries.name}')").scalar_one()
    engine.dispose()
    return int(size)


def bare_pull_and_insert(transport: Transport, key: TeamKey, scratch: Path) -> None:
    """The baseline: the same pull, decryption and decoding, one executemany of the rows."""
    engine = create_engine(f"sqlite:///{scratch / f'bare-{uuid.uuid4().hex[:6]}.db'}")
    metadata = MetaData()
    table = Table("entries", metadata, *(Column(c.name, c.type) for c in sync_entries.columns))
    metadata.create_all(engine)
    pulled = transport.pull(None)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = []
    for sealed in pulled.entries:
        inner = json.loads(key.decrypt(sealed.blob, sealed.associated_data()))
        rows.append({"entry_id": sealed.entry_id, "author": inner["author"], "hlc": sealed.hlc,
                     "entity_type": inner["type"], "entity_id": inner["entity"],
                     "case_id": inner["case"], "payload": json.dumps(inner["values"]),
                     "local": False, "pending": False, "recorded_at": now,
                     "node": sealed.node, "seq": sealed.seq})
    with engine.begin() as connection:
        connection.execute(table.insert(), rows)
    engine.dispose()


def bare_push(kind: str, target: str, transport: Transport, rows: list[Any],
              scratch: Path) -> None:
    """The baseline push: one executemany of the same rows.

    On the folder: the same lines written and fsync'ed, 500 to a file, as a batch must be.
    """
    if kind == "folder":
        folder = scratch / f"bare-{uuid.uuid4().hex[:6]}"
        folder.mkdir()
        for start in range(0, len(rows), 500):
            with (folder / f"{start}.jsonl").open("wb") as stream:
                stream.write(b"".join(json.dumps(r.to_json()).encode() + b"\n"
                                      for r in rows[start:start + 500]))
                stream.flush()
                os.fsync(stream.fileno())
        return
    engine = create_engine(target)
    metadata = MetaData()
    table = Table(f"bare_{uuid.uuid4().hex[:6]}", metadata,
                  Column("seq", Integer, primary_key=True), Column("entry_id", String(36)),
                  Column("member", String(20)), Column("node", String(32)),
                  Column("member_seq", Integer), Column("hlc", String(64)),
                  Column("version", Integer), Column("payload", Text))
    with engine.begin() as connection:
        metadata.create_all(connection)
        connection.execute(table.insert(), [
            {"entry_id": r.entry_id, "member": r.member, "node": r.node, "member_seq": r.seq,
             "hlc": r.hlc, "version": r.version, "payload": r.blob.hex()} for r in rows])
    engine.dispose()


def run(kind: str, pg_url: str | None, count: int, rounds: int, scratch: Path) -> bool:
    """Measure one transport; True if every bound holds."""
    template = scratch / "template.db"
    if not template.exists():
        export = demo.generate(200, 7, TODAY)
        files = demo.write_export(export, scratch / "export")
        with Workbench.open(template) as workbench:
            workbench.imports.import_files(files, today=TODAY)
    with Workbench.open(template) as workbench:
        case_ids = [row.case_id for row in workbench.cases.caseload(TODAY)]
    pull, bare, push, bare_push_times, empty = [], [], [], [], []
    size = 0
    for round_number in range(rounds):
        with meeting_place(kind, pg_url, scratch) as target:
            author_path, reader_path = (scratch / f"{m}-{round_number}-{kind}.db"
                                        for m in MEMBERS)
            shutil.copyfile(template, author_path)
            shutil.copyfile(template, reader_path)
            author, reader = Workbench.open(author_path), Workbench.open(reader_path)
            code = join(author, "AB", kind, target, None)
            join(reader, "CD", kind, target, code)
            with author.database.transaction(write=True) as connection:
                node = state.read(connection, state.NODE)[state.NODE]
                entries = make_entries(count, case_ids, node)
                apply_entries(connection, entries, local=True)
                state.write(connection, {state.SEQ: count})
                settings = required_settings(connection)
                key = keys.load_key(state.read(connection, state.KEY_ID)[state.KEY_ID])
            transport = open_transport(settings, author.database)
            sealed = [key.seal(entry, "AB") for entry in entries]
            start = time.perf_counter()
            _send(author.database, transport, key, "AB")
            push.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare_push(kind, target, transport, sealed, scratch)
            bare_push_times.append(time.perf_counter() - start)
            size = share_bytes(kind, target)

            start = time.perf_counter()
            bare_pull_and_insert(transport, key, scratch)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = reader.team.sync_now()
            pull.append(time.perf_counter() - start)
            assert (report.total_received, report.conflicts) == (count, 0), report
            empty.append(median_of(reader.team.sync_now, 3))
            author.close()
            reader.close()
            for path in (author_path, reader_path):
                path.unlink()
    ratios = (statistics.median(pull) / statistics.median(bare),
              statistics.median(push) / statistics.median(bare_push_times))
    empty_s = statistics.median(empty)
    print(f"[{kind}] {count} entries, {rounds} rounds (median wall-clock seconds)")
    print(f"  pull + apply   {statistics.median(pull):7.3f} s   bare pull+insert "
          f"{statistics.median(bare):7.3f} s   ratio {ratios[0]:5.1f}x (bound {PULL_BOUND}x)")
    baseline = "bare executemany" if kind == "hub" else "bare write+fsync"
    bound = f"bound {PUSH_BOUND}x" if kind == "hub" else "not bounded"
    print(f"  push           {statistics.median(push):7.3f} s   {baseline} "
          f"{statistics.median(bare_push_times):7.3f} s   ratio {ratios[1]:5.1f}x ({bound})")
    print(f"  empty sync     {empty_s:7.3f} s   (bound {EMPTY_BOUND} s)")
    print(f"  on the share   {size:,} bytes ({size / count:.0f} per entry)")
    push_holds = ratios[1] <= PUSH_BOUND or kind == "folder"
    return ratios[0] <= PULL_BOUND and push_holds and empty_s <= EMPTY_BOUND


def main() -> int:
    """Measure, print, and exit 1 if a bound does not hold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg-url", default=os.environ.get("WORKBENCH_TEST_PG_URL"))
    arguments = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ.setdefault(keys.KEYRING_FILE_ENV, str(scratch / "keyring.json"))
    try:
        kinds = ["hub", "folder"] if arguments.pg_url else ["folder"]
        held = [run(kind, arguments.pg_url, arguments.entries, arguments.rounds, scratch)
                for kind in kinds]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("all bounds hold" if all(held) else "a bound does NOT hold")
    return 0 if all(held) else 1


if __name__ == "__main__":
    sys.exit(main())
