"""Row dataclasses built by hand, for the tests that need no database."""

from __future__ import annotations

import datetime as dt

from workbench.engine import MilestoneState, Status
from workbench.views import CaseRow, EventRow, InquiryRow, MilestoneRow, NoteRow
from workbench.vocabulary import Channel, EventKind, Scheme

TODAY = dt.date(2026, 11, 23)


def case_row(case_id: str, name: str, *, status: Status = Status.GREEN,
             scheme: Scheme = Scheme.SYGEDAGPENGE, caseworker: str = "AB",
             team: str | None = "Nord", days_left: int | None = 30,
             cpr_masked: str = "010190-xxxx") -> CaseRow:
    """A case row whose due date lies ``days_left`` days from TODAY."""
    due = None if days_left is None else TODAY + dt.timedelta(days=days_left)
    return CaseRow(
        case_id=case_id, name=name, cpr_masked=cpr_masked, scheme=scheme,
        caseworker=caseworker, team=team, start=dt.date(2026, 6, 1), week=26,
        status=status, milestone_id="SDP1" if due else None,
        milestone_title_da="Første opfølgningssamtale" if due else None,
        milestone_title_en="First follow-up conversation" if due else None,
        next_due=due, due_iso_week=due.isocalendar().week if due else None,
        days_left=days_left,
    )


def sample_cases() -> list[CaseRow]:
    """Six cases over the three lists, two schemes, two caseworkers and two teams."""
    return [
        case_row("S-1001", "Anna Jensen", status=Status.RED, days_left=-3),
        case_row("S-1002", "Bo Hansen", status=Status.RED, days_left=-10, caseworker="CD",
                 team="Syd", scheme=Scheme.KONTANTHJAELP, cpr_masked="150385-xxxx"),
        case_row("S-1003", "Carla Nielsen", status=Status.AMBER, days_left=5),
        case_row("S-1004", "Dennis Larsen", status=Status.AMBER, days_left=20, caseworker="CD",
                 team="Syd"),
        case_row("S-1005", "Eva Hansen", status=Status.GREEN, days_left=40,
                 scheme=Scheme.KONTANTHJAELP),
        case_row("S-1006", "Frank Olsen", status=Status.GREEN, days_left=None),
    ]


def inquiry_row(inquiry_id: int, *, left: int, answered: dt.date | None = None,
                channel: Channel = Channel.PHONE) -> InquiryRow:
    """An inquiry with ``left`` working days to its due date."""
    return InquiryRow(
        inquiry_id=inquiry_id, case_id="S-1001", citizen_name="Anna Jensen", caseworker="AB",
        channel=channel, received=TODAY - dt.timedelta(days=3),
        due=TODAY + dt.timedelta(days=left), answered_on=answered, working_days_left=left,
        registered_by="AB",
    )


def milestone_row(rule_id: str, *, state: MilestoneState = MilestoneState.OPEN,
                  status: Status | None = Status.RED) -> MilestoneRow:
    """A milestone of the sickness benefit profile."""
    return MilestoneRow(
        rule_id=rule_id, title_da="Første opfølgningssamtale",
        title_en="First follow-up conversation", reference="Seed 000 #21", occurrence=0,
        due=TODAY - dt.timedelta(days=3), state=state, status=status,
        met_on=None if state is MilestoneState.OPEN else TODAY - dt.timedelta(days=5),
    )


def event_row(event_id: int, *, source: str = "central") -> EventRow:
    """A conversation, from the export or registered here."""
    local = source == "local"
    return EventRow(
        event_id=event_id, date=TODAY - dt.timedelta(days=event_id), kind=EventKind.SAMTALE,
        source=source, registered_by="AB" if local else None,
        registered_at=dt.datetime(2026, 11, 20, 10, 15) if local else None, confirmed=False,
    )


def note_row(note_id: int, text: str) -> NoteRow:
    """A note by AB."""
    return NoteRow(note_id=note_id, written_at=dt.datetime(2026, 11, 20, 9, 0), author="AB",
                   text=text)
