"""The team manager (``wb.team``): joining a team, its status, syncing, the quarantine.

The work itself is ``workbench.sync``'s; this is the session's one door to it. Its team
side (``workbench.sync.team``: the transports, the team key's cryptography) is loaded at
the first call, not with the session: the window's first fill does without it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.managers.base import Manager

if TYPE_CHECKING:
    from workbench.sync.inbox import HeldEntry
    from workbench.sync.team import SyncReport, TeamSettings, TeamStatus
    from workbench.sync.transport import Transport

#: Counts only: never a name or a CPR number.
log = logging.getLogger(__name__)


class TeamManager(Manager):
    """The team of this database: joining, its status, syncing and the quarantine."""

    def join(
        self, me: str, members: Iterable[str], *, folder: str | os.PathLike[str] | None = None,
        server: str | None = None, join_code: str | None = None,
    ) -> TeamSettings:
        """Join a team over a shared folder or a PostgreSQL hub (exactly one of them).

        Everything made here so far is sent to the team at the next sync. TeamSetupError for
        settings that make no sense or a wrong join code, SyncError if the folder or server
        cannot be used. Given neither, IT's machine-wide team_folder or team_server is used
        (see siteconfig). The first member gets the new team key's join code in the result.
        """
        from workbench.sync import team

        if folder is None and server is None:
            folder, server = self._wb.site.team_folder, self._wb.site.team_server
        chosen = team.team_settings(me, members, server=server,
                                    folder=None if folder is None else Path(folder))
        code = team.join(self._database, chosen, join_code)
        return replace(chosen, join_code=code)

    def status(self) -> TeamStatus:
        """Team settings, last sync time, entries still to send and entries parked."""
        from workbench.sync import team

        return team.status(self._database)

    def quarantine(self, drop: str | None = None) -> list[HeldEntry]:
        """Teammates' entries held here (after dropping the quarantined one ``drop``)."""
        from workbench.sync.inbox import Quarantine

        with self._database.transaction(write=drop is not None) as connection:
            quarantine = Quarantine(connection)
            if drop is not None:
                quarantine.drop(drop)
            return quarantine.entries()

    def sync_now(self, transport: Transport | None = None) -> SyncReport:
        """Sync with the team now: send the outbox, apply what the team sent.

        SyncError if the folder or hub cannot be reached (nothing local is lost: the outbox
        waits for the next sync). ``transport`` replaces the configured one (for tests).
        """
        from workbench.sync import team

        report = team.sync(self._database, transport)
        log.info("synced with the team: sent %d, received %d, conflicts %d, parked %d",
                 sum(report.sent.values()), sum(report.received.values()), report.conflicts,
                 report.parked)
        return report
