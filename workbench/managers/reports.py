"""The reports manager (``wb.reports``): what the team lead's report reads from the store.

The report itself (``workbench.reports``) is pure: it gets these reads and writes a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from workbench.errors import InputError
from workbench.managers.base import Manager
from workbench.managers.cases import EvaluatedCase
from workbench.settings import Settings
from workbench.views import InquiryRow


class ReportReads(NamedTuple):
    """The settings, cases and inquiries one report is made of."""

    settings: Settings
    #: Open cases and those closed since ``closed_since``.
    cases: Sequence[EvaluatedCase]
    #: Every inquiry of the team's cases, answered or not.
    inquiries: Sequence[InquiryRow]


class ReportManager(Manager):
    """The reads behind a report, for the whole office or one team."""

    def read(self, today: dt.date, *, team: str | None, closed_since: dt.date) -> ReportReads:
        """The cases, inquiries and settings a report needs; InputError for an unknown team."""
        wb = self._wb
        with wb.reading():  # one snapshot: the counts agree with the lists they come from
            if team is not None:
                teams = wb.cases.teams()
                if team not in teams:
                    raise InputError(key="report.unknown_team", team=team,
                                     known=", ".join(teams) or "-")
            return ReportReads(
                settings=wb.settings.load(),
                cases=wb.cases.evaluated_cases(today, team=team, closed_since=closed_since),
                inquiries=wb.inquiries.rows(today, open_only=False, team=team),
            )
