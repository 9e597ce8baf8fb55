"""Joining a team and syncing with it: the settings, the sync itself and its report.

A sync sends the outbox, then pulls and applies what the team sent, then stores the new
cursor and the time — the pull and its cursor in one transaction, so a sync that breaks off
anywhere is simply repeated by the next one (sending and applying twice change nothing).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection

from workbench.errors import SyncError, TeamSetupError
from workbench.store.database import Database
from workbench.store.models import utc_now
from workbench.sync import outbox, state
from workbench.sync.folder import FolderTransport
from workbench.sync.hub import HubTransport, hub_url
from workbench.sync.replica import Replica, count_parked
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
        raise TeamSetupError("this database is in no team yet: join one with "
                             "workbench team join --me AB --members AB,CD,EF --folder DIR")
    return settings


def team_settings(
    me: str, members: Iterable[str], *, folder: str | Path | None = None,
    server: str | None = None,
) -> TeamSettings:
    """Checked team settings: initials, me among the members, exactly one transport."""
    mine = _initials(me)
    chosen = tuple(dict.fromkeys(_initials(member) for member in members))
    if mine not in chosen:
        raise TeamSetupError(f"the members ({', '.join(chosen)}) must include you ({mine})")
    if folder is None and server is None:
        raise TeamSetupError("give the team a shared folder (--folder) or a server (--server); "
                             "IT's machine-wide configuration names neither")
    if folder is not None and server is not None:
        raise TeamSetupError("give the team either a shared folder or a server, not both")
    if folder is not None:
        root = Path(folder).expanduser().resolve()
        if not root.is_dir():
            raise TeamSetupError(f"the shared folder {root} does not exist or cannot be "
                                 "reached")
        return TeamSettings(mine, chosen, "folder", str(root))
    assert server is not None
    hub_url(server)
    return TeamSettings(mine, chosen, "server", server)


def _initials(text: str) -> str:
    """Initials as a member's name and folder name: letters and digits, upper case."""
    initials = text.strip().upper()
    if not _INITIALS.match(initials):
        raise TeamSetupError(f"not initials: {text!r} (letters and digits, up to 20)")
    return initials


def open_transport(settings: TeamSettings) -> Transport:
    """The transport the settings name."""
    if settings.transport == "folder":
        return FolderTransport(Path(settings.target), settings.me, settings.members)
    return HubTransport(settings.target, settings.members)


def join(database: Database, settings: TeamSettings) -> None:
    """Store the team settings; everything made here is sent to the new team at the next sync.

    The transport is tried first (the folder gets my subfolder, the hub its table), so a
    wrong path or server is reported now rather than at the first sync.
    """
    transport = open_transport(settings)
    if isinstance(transport, HubTransport):
        transport.prepare()
    else:
        mine = Path(settings.target) / settings.me
        try:
            mine.mkdir(exist_ok=True)
        except OSError as error:
            raise SyncError(f"cannot write to the shared folder {mine}: {error}") from None
    with database.transaction(write=True) as connection:
        Replica(connection)  # local work from before the team feature gets its entries
        state.write(connection, {state.ME: settings.me, state.MEMBERS: list(settings.members),
                                 state.TRANSPORT: settings.transport,
                                 state.TARGET: settings.target})
        state.forget(connection, state.CURSOR)
        outbox.resend_all(connection)


def status(database: Database) -> TeamStatus:
    """Team settings, last sync, and the counts of entries waiting to go or to apply."""
    with database.transaction() as connection:
        settings = load_settings(connection)
        last = state.read(connection, state.LAST_SYNC).get(state.LAST_SYNC)
        return TeamStatus(
            settings=settings,
            last_sync=_aware(last),
            pending=outbox.pending_count(connection),
            parked=count_parked(connection),
        )


def last_sync(database: Database) -> dt.datetime | None:
    """When this database last synced with its team (UTC); None if never."""
    with database.transaction() as connection:
        return _aware(state.read(connection, state.LAST_SYNC).get(state.LAST_SYNC))


def _aware(stored: str | None) -> dt.datetime | None:
    """A stored naive-UTC ISO time as an aware datetime."""
    return dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC) if stored else None


# --- syncing -------------------------------------------------------------------------------


def sync(database: Database, transport: Transport | None = None) -> SyncReport:
    """Send the outbox, take in the team's entries, record the cursor and the time."""
    with database.transaction(write=True) as connection:
        settings = required_settings(connection)
        Replica(connection).apply_parked()
    chosen = transport or open_transport(settings)
    sent = _send_outbox(database, chosen)
    with database.transaction() as connection:
        cursor = state.read(connection, state.CURSOR).get(state.CURSOR)
    pulled = chosen.pull(cursor)
    with database.transaction(write=True) as connection:
        replica = Replica(connection)
        received = replica.receive(pulled.entries)
        finished = utc_now()
        state.write(connection, {state.CURSOR: pulled.cursor,
                                 state.LAST_SYNC: finished.isoformat()})
        parked = replica.parked_count()
    return SyncReport(sent=dict(sent), received=dict(received.entries),
                      conflicts=received.conflicts, parked=parked,
                      unreadable=tuple(pulled.unreadable),
                      time=finished.replace(tzinfo=dt.UTC))


def _send_outbox(database: Database, transport: Transport) -> Counter[str]:
    """Push the outbox batch by batch; each batch leaves it once the transport has it."""
    sent: Counter[str] = Counter()
    while True:
        with database.transaction() as connection:
            batch = outbox.pending(connection)
        if not batch:
            return sent
        transport.push(batch)
        with database.transaction(write=True) as connection:
            outbox.mark_sent(connection, [entry.entry_id for entry in batch])
        sent.update(entry.entity_type.value for entry in batch)
        if len(batch) < outbox.BATCH_SIZE:
            return sent
