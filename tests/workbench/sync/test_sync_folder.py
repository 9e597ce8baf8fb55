"""The shared-folder transport: immutable batches, torn files skipped and taken next time."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tests.helpers.sync_support import TEST_KEY
from workbench.errors import SyncError
from workbench.sync.entries import EntityType, Entry, new_entity_id
from workbench.sync.folder import (
    BATCH_NAME,
    FolderTransport,
    TornBatchError,
    decode_batch,
    encode_batch,
)
from workbench.sync.hlc import Timestamp
from workbench.sync.sealing import Sealed


def entry(author: str = "AB", n: int = 0) -> Sealed:
    return TEST_KEY.seal(Entry(entry_id=str(uuid.uuid4()), author=author,
                 hlc=Timestamp(1_700_000_000_000 + n, 0, "ab").encode(),
                 entity_type=EntityType.NOTE, entity_id=new_entity_id(), case_id="S1",
                 values={"case_id": "S1", "author": author,
                         "written_at": "2026-03-02T08:00:00", "text": f"note {n} æøå"},
                 node=author.lower(), seq=n + 1), author)


def batches(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if BATCH_NAME.match(path.name))


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


def transports(share: Path) -> tuple[FolderTransport, FolderTransport]:
    members = ("AB", "CD")
    return FolderTransport(share, "AB", members), FolderTransport(share, "CD", members)


def test_a_batch_round_trips_and_says_how_many_entries_it_holds() -> None:
    sent = [entry(n=n) for n in range(3)]
    data = encode_batch("AB", sent)

    header, *_, trailer = data.splitlines()
    assert json.loads(header)["count"] == json.loads(trailer)["count"] == 3
    assert decode_batch(data) == sent


@pytest.mark.parametrize("cut", [1, 40, -60, -1])
def test_a_torn_batch_is_recognised_wherever_it_was_cut(cut: int) -> None:
    data = encode_batch("AB", [entry(n=n) for n in range(3)])

    with pytest.raises(TornBatchError):
        decode_batch(data[:cut])


def test_a_batch_with_a_changed_entry_fails_its_checksum() -> None:
    data = encode_batch("AB", [entry()])

    assert b"note 0" not in data  # sealed: the text is not in the file
    changed = data.replace(b'"s":1', b'"s":2')
    assert changed != data
    with pytest.raises(TornBatchError, match="checksum"):
        decode_batch(changed)


def test_each_member_writes_only_its_own_subfolder_and_reads_everyones(share: Path) -> None:
    ab, cd = transports(share)
    from_ab, from_cd = [entry("AB", 1), entry("AB", 2)], [entry("CD", 3)]
    ab.push(from_ab)
    cd.push(from_cd)

    pulled = ab.pull(None)

    assert sorted(p.name for p in share.iterdir()) == ["AB", "CD"]
    assert len(batches(share / "AB")) == len(batches(share / "CD")) == 1
    assert sorted(e.entry_id for e in pulled.entries) == sorted(
        e.entry_id for e in from_ab + from_cd)
    assert pulled.unreadable == []
    assert ab.pull(pulled.cursor).entries == []


def test_no_temporary_file_is_left_behind_and_batch_names_only_grow(share: Path) -> None:
    ab, _ = transports(share)
    for n in range(3):
        ab.push([entry(n=n)])

    names = [p.name for p in (share / "AB").iterdir()]

    assert len(names) == 3
    assert sorted(names) == [p.name for p in batches(share / "AB")]
    assert [int(name[2:12]) for name in sorted(names)] == [1, 2, 3]


def test_a_torn_batch_is_skipped_and_read_once_it_is_whole(share: Path) -> None:
    ab, cd = transports(share)
    cd.push([entry("CD", 1)])
    cd.push([entry("CD", 2)])
    cd.push([entry("CD", 3)])
    middle = batches(share / "CD")[1]
    whole = middle.read_bytes()
    middle.write_bytes(whole[: len(whole) // 2])  # still being copied, as SMB may show it

    first = ab.pull(None)
    middle.write_bytes(whole)
    second = ab.pull(first.cursor)
    third = ab.pull(second.cursor)

    assert [TEST_KEY.open(e).values["text"] for e in first.entries] == ["note 1 æøå", "note 3 æøå"]
    assert first.unreadable == [f"CD/{middle.name}"]
    assert [TEST_KEY.open(e).values["text"] for e in second.entries] == ["note 2 æøå"]
    assert second.unreadable == []
    assert third.entries == []
    assert json.loads(third.cursor)["CD"] == {"upto": batches(share / "CD")[-1].name,
                                              "seen": []}


def test_temporary_files_are_not_read(share: Path) -> None:
    ab, _ = transports(share)
    (share / "CD").mkdir()
    data = encode_batch("CD", [entry("CD")])
    (share / "CD" / ".b-0000000001-0a0b0c0d.jsonl.part").write_bytes(data)

    assert ab.pull(None).entries == []


def test_a_member_without_a_subfolder_has_just_sent_nothing(share: Path) -> None:
    ab, _ = transports(share)

    pulled = ab.pull(None)

    assert (pulled.entries, pulled.unreadable) == ([], [])


def test_an_unreachable_folder_is_a_sync_error(tmp_path: Path) -> None:
    gone = FolderTransport(tmp_path / "offline", "AB", ("AB", "CD"))

    with pytest.raises(SyncError, match="kan ikke nås") as pushed:
        gone.push([entry()])
    with pytest.raises(SyncError, match="kan ikke nås"):
        gone.pull(None)
    assert "cannot be reached" in pushed.value.in_language("en")


def test_a_big_outbox_is_split_into_several_batches(share: Path) -> None:
    ab, cd = transports(share)
    sent = [entry(n=n) for n in range(1200)]

    ab.push(sent)

    assert len(batches(share / "AB")) == 3
    assert [e.entry_id for e in cd.pull(None).entries] == [e.entry_id for e in sent]
