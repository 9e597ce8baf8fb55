"""Plain rows the core hands to its front ends (the desktop UI, the CLI, the reports).

They are frozen dataclasses (the list rows: named tuples) of already-computed values, so a
front end shows them without knowing any rule: every status, due date and count in them
comes from the engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from workbench.calendar import iso_week, week_since
from workbench.case import Case
from workbench.engine import CaseEvaluation, MilestoneState, Status
from workbench.inquiries import is_overdue
from workbench.vocabulary import Channel, EventKind, Scheme

if TYPE_CHECKING:
    from workbench.sync.conflicts import Conflict


class CaseRow(NamedTuple):
    """One open case in the red / amber / green lists.

    A named tuple rather than a frozen dataclass (immutable all the same): a centre's
    lists are 100,000 of them, made at every full read, and a tuple is made in a third
    of the time.
    """

    case_id: str
    name: str
    cpr_masked: str
    scheme: Scheme
    caseworker: str
    team: str | None
    start: dt.date
    #: Week since the start date ("uge 23"), day 1 being the start date.
    week: int
    status: Status
    #: Rule id and titles of the open milestone that falls due first; None if none is open.
    milestone_id: str | None
    milestone_title_da: str | None
    milestone_title_en: str | None
    next_due: dt.date | None
    #: ISO week of next_due ("uge 52").
    due_iso_week: int | None
    #: Days from today to next_due; negative when overdue.
    days_left: int | None
    #: Count rules: the earliest day by which the next event should be held (advisory).
    plan_by: dt.date | None = None

    @classmethod
    def of(cls, case: Case, evaluation: CaseEvaluation, today: dt.date) -> CaseRow | None:
        """The list row of an open case; None for a closed one (closed cases are in no list)."""
        if evaluation.status is None:
            return None
        deciding = evaluation.deciding
        next_due = evaluation.next_due
        plan_by = [m.plan_by for m in evaluation.milestones if m.plan_by is not None and m.is_open]
        return cls(
            case_id=case.case_id,
            name=case.name,
            cpr_masked=case.cpr_masked,
            scheme=case.scheme,
            caseworker=case.caseworker,
            team=case.team,
            start=case.start,
            week=week_since(case.start, today),
            status=evaluation.status,
            milestone_id=evaluation.milestone_id,
            milestone_title_da=deciding.rule.title_da if deciding else None,
            milestone_title_en=deciding.rule.title_en if deciding else None,
            next_due=next_due,
            due_iso_week=iso_week(next_due) if next_due else None,
            days_left=(next_due - today).days if next_due else None,
            plan_by=min(plan_by) if plan_by else None,
        )


@dataclass(frozen=True)
class MilestoneRow:
    """One milestone of a case, as the case panel lists it."""

    rule_id: str
    title_da: str
    title_en: str
    reference: str
    occurrence: int
    due: dt.date
    state: MilestoneState
    #: The traffic light of an open milestone; None once it is met or missed.
    status: Status | None
    met_on: dt.date | None
    #: False while the rule's legal basis is not verified ("ikke juridisk verificeret").
    verified: bool = True
    #: Count rules while the window runs: hold the next event by this day (advisory).
    plan_by: dt.date | None = None


@dataclass(frozen=True)
class EventRow:
    """One event in a case's history; central and local events are told apart."""

    event_id: int
    date: dt.date
    kind: EventKind
    #: "central" (from the export) or "local" (registered in the workbench).
    source: str
    registered_by: str | None
    registered_at: dt.datetime | None
    #: A local event that a later export also contained.
    confirmed: bool
    #: Who withdrew a withdrawn registration, when and why (wb.registrations); None while
    #: it stands. A withdrawn event is no event: it is only listed in the case's history.
    withdrawn_by: str | None = None
    withdrawn_at: dt.datetime | None = None
    withdrawn_reason: str | None = None

    @property
    def withdrawn(self) -> bool:
        """True for a registration that was withdrawn."""
        return self.withdrawn_by is not None


@dataclass(frozen=True)
class NoteRow:
    """A caseworker's note on a case."""

    note_id: int
    written_at: dt.datetime
    author: str
    text: str


@dataclass(frozen=True)
class InquiryRow:
    """A citizen's inquiry and its reply deadline."""

    inquiry_id: int
    case_id: str
    citizen_name: str
    caseworker: str
    channel: Channel
    received: dt.date
    due: dt.date
    answered_on: dt.date | None
    #: Working days from today to the due date; negative when overdue.
    working_days_left: int
    registered_by: str | None

    @property
    def is_open(self) -> bool:
        """Open until a reply is registered."""
        return self.answered_on is None

    @property
    def is_overdue(self) -> bool:
        """Open and past its due date (the rule lives in workbench.inquiries)."""
        return is_overdue(self.answered_on, self.working_days_left)


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case panel shows about one case."""

    case: CaseRow | None
    case_id: str
    name: str
    cpr_masked: str
    scheme: Scheme
    caseworker: str
    team: str | None
    start: dt.date
    closed_on: dt.date | None
    milestones: tuple[MilestoneRow, ...]
    events: tuple[EventRow, ...]
    notes: tuple[NoteRow, ...]
    inquiries: tuple[InquiryRow, ...]
    #: Pauses and exemptions, withdrawn ones included (marked), oldest first.
    pauses: tuple[PauseRow, ...] = ()
    exemptions: tuple[ExemptionRow, ...] = ()
    #: Case attributes in force (the caseworker's value over the export's), by name.
    attributes: tuple[tuple[str, str], ...] = ()
    #: Concurrent changes of one field by two teammates: the kept and the lost value.
    conflicts: tuple[Conflict, ...] = ()

    #: Registrations withdrawn from this case (struck through in its history).
    withdrawn_events: tuple[EventRow, ...] = ()


@dataclass(frozen=True)
class PauseRow:
    """A pause of a case's deadlines, as the case panel and the CLI show it."""

    pause_id: int
    case_id: str
    starts: dt.date
    #: None while the pause is still on.
    ends: dt.date | None
    reason: str
    #: The reason's titles and legal reference from the profile ("" if the profile lacks it).
    reason_da: str
    reason_en: str
    reference: str
    registered_by: str
    registered_at: dt.datetime
    withdrawn: bool

    def describe(self, language: str) -> str:
        """"2026-03-01–2026-03-10: In hospital" (to "…" while still on)."""
        ends = self.ends.isoformat() if self.ends else "…"
        title = self.reason_en if language == "en" else self.reason_da
        return f"{self.starts.isoformat()}–{ends}: {title or self.reason}"


@dataclass(frozen=True)
class ExemptionRow:
    """A case exempted from one rule, as the case panel and the CLI show it."""

    exemption_id: int
    case_id: str
    rule_id: str
    reason: str
    reason_da: str
    reason_en: str
    reference: str
    registered_by: str
    registered_at: dt.datetime
    withdrawn: bool

    def describe(self, language: str) -> str:
        """"SDP1: Expected back at work by the end of week 13 (§ 13 f)"."""
        title = self.reason_en if language == "en" else self.reason_da
        return f"{self.rule_id}: {title or self.reason}"


@dataclass(frozen=True)
class RejectedRow:
    """A row of an export file that was not imported, and why."""

    file: str
    line: int
    field: str | None
    reason: str


@dataclass(frozen=True)
class ImportSummary:
    """What one import did, as the CLI prints it and the UI shows it."""

    files: tuple[str, ...]
    new: int = 0
    updated: int = 0
    closed: int = 0
    reopened: int = 0
    events_added: int = 0
    events_confirmed: int = 0
    rejected: tuple[RejectedRow, ...] = field(default=())
    #: True when the files were already imported with the same content: nothing changed.
    unchanged: bool = False
    #: Sags-IDs whose citizen has a new name (the same CPR number): counted in ``updated``.
    renamed: tuple[str, ...] = field(default=())
