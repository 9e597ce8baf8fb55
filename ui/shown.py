"""What the window shows now, as the database last said: one object the controllers share.

The main window, its controllers and the views' refreshers read it (who am I, which cases,
which team) instead of asking each other; only the refreshers write the data in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from workbench.views import CaseRow

if TYPE_CHECKING:
    from workbench.settings import Settings
    from workbench.sync.team import TeamStatus


class Shown:
    """The settings, caseload and team the window shows, and the dialog open now."""

    def __init__(self, day: dt.date) -> None:
        #: The day the lists were computed for.
        self.day = day
        #: None until the worker has read them from the database.
        self.settings: Settings | None = None
        self.profiles: tuple[str, ...] = ()
        self.cases: tuple[CaseRow, ...] = ()
        self.caseworkers: tuple[str, ...] = ()
        #: The miniteam as this database sees it (None: not read yet).
        self.team: TeamStatus | None = None
        #: The dialog or question open now (tests drive it; it is kept alive while open).
        self.dialog: QWidget | None = None

    @property
    def initials(self) -> str:
        """Who uses the workbench (empty until they said so in the settings)."""
        return self.settings.my_initials if self.settings else ""

    @property
    def my_team(self) -> str | None:
        """My team as the settings have it, if any."""
        return (self.settings.my_team or None) if self.settings is not None else None

    @property
    def export_folder(self) -> str:
        """Where the central system drops its exports (empty if not set)."""
        return (self.settings.export_folder or "") if self.settings else ""

    @property
    def in_team(self) -> bool:
        """Whether this database has joined a miniteam."""
        return self.team is not None and self.team.settings is not None

    def teams(self) -> list[str]:
        """The teams the caseload names, sorted."""
        return sorted({row.team for row in self.cases if row.team})

    def replace_cases(self, case_ids: Collection[str], rows: Sequence[CaseRow]) -> None:
        """Put ``rows`` in place of the cases ``case_ids`` (a case without a row is gone)."""
        fresh = {row.case_id: row for row in rows}
        kept = [fresh.pop(row.case_id, row) for row in self.cases
                if row.case_id not in case_ids or row.case_id in fresh]
        self.cases = (*kept, *fresh.values())
