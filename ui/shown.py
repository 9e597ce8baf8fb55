"""What the window shows now, as the database last said: one object the controllers share.

The main window, its controllers and the views' refreshers read it (who am I, which cases,
which team) instead of asking each other; only the refreshers write the data in it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from workbench.engine import Status
from workbench.views import CaseRow

if TYPE_CHECKING:
    from workbench.settings import Settings
    from workbench.sync.team import TeamStatus


_case_id = operator.attrgetter("case_id")


class Shown:
    """The settings, caseload and team the window shows, and the dialog open now."""

    def __init__(self, day: dt.date) -> None:
        #: The day the lists were computed for.
        self.day = day
        #: None until the worker has read them from the database.
        self.settings: Settings | None = None
        self.profiles: tuple[str, ...] = ()
        #: The open cases, as the last full read had them and changes since replaced them.
        self.cases: tuple[CaseRow, ...] = ()
        # Where each case is in ``cases`` (made when first needed after a full read).
        self._positions: dict[str, int] | None = None
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

    def set_cases(self, rows: Sequence[CaseRow]) -> None:
        """The whole caseload, as a full read had it."""
        self.cases = tuple(rows)
        self._positions = None

    def statuses(self, case_ids: Collection[str]) -> set[Status]:
        """The traffic lights the cases ``case_ids`` are shown under now."""
        positions = self._positions_now()
        return {self.cases[positions[case_id]].status for case_id in case_ids
                if case_id in positions}

    def _positions_now(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = dict(zip(map(_case_id, self.cases), itertools.count()))
        return self._positions

    def replace_cases(self, case_ids: Collection[str], rows: Sequence[CaseRow]) -> None:
        """Put ``rows`` in place of the cases ``case_ids`` (a case without a row is gone).

        The other rows are not looked at one by one: a change costs the same at any size.
        """
        positions = self._positions_now()
        fresh = {row.case_id: row for row in rows}
        cases = list(self.cases)
        gone = []
        for case_id in case_ids:
            line = positions.get(case_id)
            if line is not None and case_id in fresh:
                cases[line] = fresh.pop(case_id)
            elif line is not None:
                gone.append(line)
        for line in sorted(gone, reverse=True):
            del cases[line]
        if gone:
            self._positions = None
        for row in fresh.values():
            if self._positions is not None:
                self._positions[row.case_id] = len(cases)
            cases.append(row)
        self.cases = tuple(cases)
