"""Joining a team and syncing with it: the settings, the sync itself and its report.

A sync sends the outbox (sealed with the team key), reads the teammates' published states
and publishes again what they miss of mine, pulls and takes in what the team sent
(``inbox``: checked, applied as a batch, or held), then publishes its own state (digest,
counts, gaps) and stores the new cursor and the time — the pull and its cursor in one
transaction, so a sync that breaks off anywhere is simply repeated by the next one (sending
and applying twice change nothing).

Joining: the first member (no join code) makes the team key, names it on the share and gets
the join code to hand on; the others join with that code. The key goes into the OS keyring.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, bindparam, select

from workbench.errors import SyncError, TeamSetupError
from workbench.store.database import Database
from workbench.store.models import from_store_time, sync_entries, utc_now
from workbench.sync import keys, outbox, state, streams
from workbench.sync.entries import Entry
from workbench.sync.folder import FolderTransport
from workbench.sync.hub import HubTransport, hub_url
from workbench.sync.inbox import INVALID, Quarantine, take_in
from workbench.sync.replica import Replica, count_parked
from workbench.sync.sealing import TeamKey
from workbench.sync.streams import Convergence, ReplicaState
from workbench.sync.transport import Transport

TransportKind = Literal["folder", "server"]
_INITIALS = re.compile(r"^[^\W_][\w-]{0,19}$")


@dataclass(frozen=True)
class TeamSettings:
    """Who I am in the team, who the members are, and where our entries meet."""

    me: str
    members: tuple[str, ...]
    transport: TransportKind
    #: The shared folder's path, or the hub's URL.
    target: str
    #: The team key's join code, right after the first member joined (never stored).
    join_code: str | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        """The transport in words (a hub URL without its password)."""
        if self.transport == "folder":
            return f"folder {self.target}"
        return f"server {hub_url(self.target).render_as_string(hide_password=True)}"


@dataclass(frozen=True)
class SyncReport:
    """What one sync did."""

    #: Entries sent, per kind ("event", "note", "inquiry", "cover").
    sent: dict[str, int]
    #: New entries received from teammates, per kind (repeats are not counted).
    received: dict[str, int]
    #: Field values that met a different value (the older one is kept in the field history).
    conflicts: int
    #: Team entities (a conversation, a note, ...) waiting for a case not imported here yet.
    parked: int
    #: Batches seen but not readable yet (torn or still being copied); read next time.
    unreadable: tuple[str, ...]
    #: When the sync finished (UTC).
    time: dt.datetime
    #: Teammates' entries not applied, per reason: invalid (quarantined), newer, ahead.
    held: dict[str, int] = field(default_factory=dict)
    #: My entries published again because a teammate misses them.
    resent: int = 0
    #: Numbers of teammates' entries I miss and asked to be sent again.
    missing: int = 0
    #: Batches of a newer format (a teammate runs a newer version); read after an upgrade.
    newer: tuple[str, ...] = ()

    @property
    def total_sent(self) -> int:
        """All entries sent."""
        return sum(self.sent.values())

    @property
    def total_received(self) -> int:
        """All new entries received."""
        return sum(self.received.values())


@dataclass(frozen=True)
class TeamStatus:
    """The team as this database sees it."""

    settings: TeamSettings | None
    last_sync: dt.datetime | None
    #: Local entries not sent yet.
    pending: int
    #: Team entities waiting for a case this database does not know yet.
    parked: int
    #: Teammates' entries held here, per reason (invalid, newer, ahead).
    held: dict[str, int] = field(default_factory=dict)
    #: Who made the quarantined (invalid) ones.
    quarantine_authors: tuple[str, ...] = ()
    #: My state against the teammates' last published ones (None before the first sync).
    convergence: Convergence | None = None
    #: Numbers of teammates' entries missing here (asked for again).
    missing: int = 0


# --- settings ------------------------------------------------------------------------------


def load_settings(connection: Connection) -> TeamSettings | None:
    """The team settings; None while this database is in no team."""
    stored = state.read(connection, state.ME, state.MEMBERS, state.TRANSPORT, state.TARGET)
    if len(stored) < 4:
        return None
    return TeamSettings(stored[state.ME], tuple(stored[state.MEMBERS]),
                        stored[state.TRANSPORT], stored[state.TARGET])


def required_settings(connection: Connection) -> TeamSettings:
    """The team settings; TeamSetupError while there are none."""
    settings = load_settings(connection)
    if settings is None:
        raise TeamSetupError(key="sync.error.no_team")
    return settings


def team_settings(
    me: str, members: Iterable[str], *, folder: str | Path | None = None,
    server: str | None = None,
) -> TeamSettings:
    """Checked team settings: initials, me among the members, exactly one transport."""
    mine = _initials(me)
    chosen = tuple(dict.fromkeys(_initials(member) for member in members))
    if mine not in chosen:
        raise TeamSetupError(key="sync.error.not_a_member", members=", ".join(chosen),
                             me=mine)
    if folder is None and server is None:
        raise TeamSetupError(key="sync.error.no_transport")
    if folder is not None and server is not None:
        raise TeamSetupError(key="sync.error.two_transports")
    if folder is not None:
        root = Path(folder).expanduser().resolve()
        if not root.is_dir():
            raise TeamSetupError(key="sync.error.no_folder", folder=str(root))
        return TeamSettings(mine, chosen, "folder", str(root))
    assert server is not None
    hub_url(server)
    return TeamSettings(mine, chosen, "server", server)


def _initials(text: str) -> str:
    """Initials as a member's name and folder name: letters and digits, upper case."""
    initials = text.strip().upper()
    if not _INITIALS.match(initials):
        raise TeamSetupError(key="sync.error.not_initials", text=repr(text))
    return initials


def open_transport(settings: TeamSettings,
                   database: Database | None = None) -> FolderTransport | HubTransport:
    """The transport the settings name (a folder's batch numbers from ``database``)."""
    if settings.transport == "folder":
        reserve = _batch_counter(database) if database is not None else None
        return FolderTransport(Path(settings.target), settings.me, settings.members, reserve)
    return HubTransport(settings.target, settings.members, settings.me)


def _batch_counter(database: Database) -> Callable[[int, int], int]:
    """Batch numbers from the stored counter, committed before the batches are written."""
    def reserve(floor: int, count: int) -> int:
        with database.transaction(write=True) as connection:
            last = int(state.lock(connection, {state.BATCH: 0})[state.BATCH])
            first = max(last, floor) + 1
            state.write(connection, {state.BATCH: first + count - 1})
        return first

    return reserve


def join(database: Database, settings: TeamSettings, join_code: str | None = None) -> str | None:
    """Store the team settings; everything made here is sent to the new team at the next sync.

    The transport is tried first (the folder gets my subfolder, the hub its tables and the
    members), so a wrong path or server is reported now rather than at the first sync. The
    first member (no join code, no key named on the share yet) makes the team key; the join
    code to hand on is returned then, else None. TeamSetupError for a join code that is not
    the team's, or none where the team has a key this user's keyring does not hold.
    """
    transport = open_transport(settings)
    try:
        if isinstance(transport, HubTransport):
            transport.prepare()
        else:
            transport.my_folder()
    except OSError as error:
        raise SyncError(key="sync.error.cannot_write", folder=settings.target,
                        error=error) from None
    key, created = _team_key(transport, join_code)
    keys.store_key(key)
    with database.transaction(write=True) as connection:
        replica = Replica(connection)  # local work from before the team feature gets entries
        _number_older_entries(connection, replica)
        state.write(connection, {state.ME: settings.me, state.MEMBERS: list(settings.members),
                                 state.TRANSPORT: settings.transport,
                                 state.TARGET: settings.target, state.KEY_ID: key.key_id})
        state.forget(connection, state.CURSOR, state.PEERS)
        outbox.resend_all(connection)
    return key.join_code if created else None


def _team_key(transport: FolderTransport | HubTransport,
              join_code: str | None) -> tuple[TeamKey, bool]:
    """The team key (and whether it was made now), checked against the id on the share."""
    named = transport.key_id()
    if join_code is not None:
        key = TeamKey.from_join_code(join_code)
        if named is None:
            named = transport.claim_key_id(key.key_id)
        if named != key.key_id:
            raise TeamSetupError(key="sync.join_code_wrong")
        return key, False
    if named is not None:
        try:
            return keys.load_key(named), False  # joining again, on a computer that has it
        except TeamSetupError:
            raise TeamSetupError(key="sync.join_code_needed") from None
    key = TeamKey.new()
    if transport.claim_key_id(key.key_id) != key.key_id:  # another first member was faster
        raise TeamSetupError(key="sync.join_code_needed")
    return key, True


def _number_older_entries(connection: Connection, replica: Replica) -> None:
    """Give local entries made before numbering existed their numbers, oldest first."""
    rows = connection.execute(select(sync_entries.c.entry_id).where(
        sync_entries.c.local.is_(True), sync_entries.c.seq.is_(None))
        .order_by(sync_entries.c.hlc)).scalars().all()
    if not rows:
        return
    numbered = [{"b_id": entry_id, "node": replica.node, "seq": replica.seq + index}
                for index, entry_id in enumerate(rows, start=1)]
    connection.execute(sync_entries.update().where(sync_entries.c.entry_id == bindparam("b_id"))
                       .values(node=bindparam("node"), seq=bindparam("seq")), numbered)
    replica.seq += len(rows)
    state.write(connection, {state.SEQ: replica.seq})


def status(database: Database) -> TeamStatus:
    """Team settings, last sync, what waits to go or to apply, what is held, convergence."""
    with database.transaction() as connection:
        settings = load_settings(connection)
        stored = state.read(connection, state.LAST_SYNC, state.PEERS, state.NODE)
        quarantine = Quarantine(connection)
        peers = [ReplicaState.from_json(p) for p in stored.get(state.PEERS, [])]
        convergence = None
        missing = 0
        if state.PEERS in stored:
            names = {stored[state.NODE]: settings.me} if settings and state.NODE in stored else {}
            convergence = streams.compare(streams.digest(connection),
                                          streams.applied_counts(connection), peers, names)
            published = {peer.node: peer.last_seq for peer in peers}
            missing = sum(last - first + 1 for ranges in
                          streams.gaps(connection, published).values()
                          for first, last in ranges)
        return TeamStatus(
            settings=settings,
            last_sync=from_store_time(stored.get(state.LAST_SYNC)),
            pending=outbox.pending_count(connection),
            parked=count_parked(connection),
            held=quarantine.counts(),
            quarantine_authors=tuple(quarantine.authors(INVALID)),
            convergence=convergence,
            missing=missing,
        )


def last_sync(database: Database) -> dt.datetime | None:
    """When this database last synced with its team (UTC); None if never."""
    with database.transaction() as connection:
        return from_store_time(state.read(connection, state.LAST_SYNC).get(state.LAST_SYNC))


# --- syncing -------------------------------------------------------------------------------


def sync(database: Database, transport: Transport | None = None) -> SyncReport:
    """Send the outbox and what teammates miss, take in the team's entries, publish my state."""
    with database.transaction(write=True) as connection:
        settings = required_settings(connection)
        key_id = state.read(connection, state.KEY_ID).get(state.KEY_ID)
        Replica(connection).apply_parked()
    if key_id is None:
        raise TeamSetupError(key="sync.rejoin")
    key = keys.load_key(key_id)
    chosen = transport or open_transport(settings, database)
    sent = _send(database, chosen, key, settings.me)
    peers = [peer for blob in chosen.states()
             if (peer := ReplicaState.open(key, blob)) is not None
             and peer.member in settings.members]
    with database.transaction() as connection:
        node = state.read(connection, state.NODE)[state.NODE]
        again = streams.requested(connection, node, [p for p in peers if p.node != node])
        cursor = state.read(connection, state.CURSOR).get(state.CURSOR)
    for start in range(0, len(again), outbox.BATCH_SIZE):
        chosen.push([key.seal(entry, settings.me) for entry in
                     again[start:start + outbox.BATCH_SIZE]])
    pulled = chosen.pull(cursor)
    with database.transaction(write=True) as connection:
        replica = Replica(connection)
        intake = take_in(connection, replica, key, settings.members, pulled.entries)
        others = [peer for peer in peers if peer.node != replica.node]
        wants = streams.gaps(connection, {peer.node: peer.last_seq for peer in others})
        mine = ReplicaState(settings.me, replica.node, replica.seq, streams.digest(connection),
                            streams.applied_counts(connection), wants,
                            utc_now().isoformat(timespec="seconds"))
        finished = utc_now()
        state.write(connection, {state.CURSOR: pulled.cursor,
                                 state.LAST_SYNC: finished.isoformat(),
                                 state.PEERS: [peer.to_json() for peer in others]})
        parked = replica.parked_count()
    chosen.publish_state(replica.node, mine.seal(key))
    return SyncReport(sent=dict(sent), received=dict(intake.received.entries),
                      conflicts=intake.received.conflicts, parked=parked,
                      unreadable=tuple(pulled.unreadable),
                      time=from_store_time(finished), held=dict(intake.held),
                      resent=len(again),
                      missing=sum(b - a + 1 for ranges in wants.values() for a, b in ranges),
                      newer=tuple(pulled.newer))


def _send(database: Database, transport: Transport, key: TeamKey, me: str) -> Counter[str]:
    """Push the outbox batch by batch (sealed); each leaves it once the transport has it."""
    sent: Counter[str] = Counter()
    while True:
        with database.transaction() as connection:
            batch: list[Entry] = outbox.pending(connection)
        if not batch:
            return sent
        transport.push([key.seal(entry, me) for entry in batch])
        with database.transaction(write=True) as connection:
            outbox.mark_sent_upto(connection, batch[-1].hlc)
        sent.update(entry.entity_type.value for entry in batch)
        if len(batch) < outbox.BATCH_SIZE:
            return sent
