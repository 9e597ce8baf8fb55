"""The inquiries manager (``wb.inquiries``): citizens' inquiries and the nags about them.

Deadlines come from ``workbench.inquiries`` (the domain rules); the nag policy is
``workbench.nags`` and ``workbench.reminders`` feeds it: this manager only reads and writes
the tables, the record of nags shown and the snoozes among them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, Connection, delete, insert, select

from workbench.bounds import checked_date
from workbench.errors import InputError, UnknownInquiryError
from workbench.inquiries import inquiry_standing, reply_due
from workbench.managers.base import Manager, case_of, owned_by, required_initials, row_of
from workbench.nags import NagKey, NagKind
from workbench.settings import Settings
from workbench.store.models import cases, inquiries, nag_records, nag_snoozes, utc_now
from workbench.sync.entries import EntityType, new_entity_id
from workbench.sync.payloads import InquiryAttributes, InquiryFields, values_of
from workbench.sync.replica import Replica
from workbench.views import InquiryRow
from workbench.vocabulary import Channel


class InquiryManager(Manager):
    """Recording and answering inquiries, listing them, and the nags' bookkeeping."""

    def add(self, case_id: str, channel: Channel, received: dt.date, *, by: str) -> int:
        """Record a citizen's inquiry; its reply deadline follows from channel and date.

        InputError (``calendar.beyond``) if that deadline falls after the calendar's end.
        """
        initials = required_initials(by)
        checked_date(received, "dates.received")
        entity_id = new_entity_id()
        with self._database.transaction(write=True) as connection:
            case_of(connection, case_id)
            reply_due(received, channel, self._wb.settings.read(connection).calendar())
            Replica(connection).record(initials, EntityType.INQUIRY, entity_id, case_id, values_of(
                InquiryAttributes(case_id=case_id, channel=channel.value, received=received,
                                  registered_by=initials, registered_at=utc_now())))
            return row_of(connection, inquiries, entity_id)

    def answer(self, inquiry_id: int, answered_on: dt.date, *, by: str) -> None:
        """Register the reply to an inquiry (a second answer corrects the first).

        The answer is a last-writer-wins field: the answer with the latest clock reading is
        the inquiry's, on every team member's replica; the others stay in the field history.
        """
        initials = required_initials(by)
        checked_date(answered_on, "dates.answered")
        with self._database.transaction(write=True) as connection:
            replica = Replica(connection)  # first: it gives older inquiries their entity ids
            inquiry = connection.execute(
                select(inquiries.c.received, inquiries.c.case_id, inquiries.c.entity_id)
                .where(inquiries.c.id == inquiry_id)
            ).first()
            if inquiry is None:
                raise UnknownInquiryError(inquiry_id)
            if answered_on < inquiry.received:
                raise InputError(key="service.reply_before_received",
                                 answered_on=answered_on.isoformat(),
                                 received=inquiry.received.isoformat())
            replica.record(initials, EntityType.INQUIRY, inquiry.entity_id, inquiry.case_id,
                           values_of(InquiryFields(answered_on=answered_on,
                                                   answered_by=initials)))

    def rows(
        self,
        today: dt.date,
        *,
        open_only: bool = True,
        caseworker: str | None = None,
        team: str | None = None,
    ) -> list[InquiryRow]:
        """Inquiries (open ones by default) of a caseworker's or team's cases, soonest due first."""
        with self._database.transaction() as connection:
            current = self._wb.settings.read(connection)
            return inquiry_rows(connection, current, today, open_only=open_only,
                                conditions=owned_by(caseworker, team))

    # --- the nags' bookkeeping (the policy is workbench.nags, fed by workbench.reminders) ---

    def nags_shown(self) -> dict[NagKey, dt.datetime]:
        """The record of nags shown, as the policy reads it."""
        with self._database.transaction() as connection:
            rows = connection.execute(
                select(nag_records.c.kind, nag_records.c.subject, nag_records.c.last_shown)
            ).all()
        return {NagKey(NagKind(kind), subject): shown for kind, subject, shown in rows}

    def record_nags_shown(self, keys: Iterable[NagKey], now: dt.datetime) -> None:
        """Remember that these nags were shown at ``now``."""
        rows = [{"kind": key.kind.value, "subject": key.subject, "last_shown": now}
                for key in keys]
        with self._database.transaction(write=True) as connection:
            for row in rows:
                connection.execute(delete(nag_records).where(
                    nag_records.c.kind == row["kind"], nag_records.c.subject == row["subject"]))
            connection.execute(insert(nag_records), rows)

    def snoozes(self) -> dict[int, dt.datetime]:
        """Every snoozed inquiry and until when."""
        with self._database.transaction() as connection:
            rows = connection.execute(select(nag_snoozes.c.inquiry_id, nag_snoozes.c.until)
                                      ).all()
        return {inquiry_id: until for inquiry_id, until in rows}

    def snooze(self, inquiry_id: int, until: dt.datetime) -> None:
        """Silence one inquiry's reminders until ``until`` (local time)."""
        with self._database.transaction(write=True) as connection:
            known = connection.execute(
                select(inquiries.c.id).where(inquiries.c.id == inquiry_id)).first()
            if known is None:
                raise UnknownInquiryError(inquiry_id)
            connection.execute(delete(nag_snoozes).where(nag_snoozes.c.inquiry_id == inquiry_id))
            connection.execute(insert(nag_snoozes), [{"inquiry_id": inquiry_id, "until": until}])


def inquiry_rows(
    connection: Connection,
    current: Settings,
    today: dt.date,
    *,
    open_only: bool,
    conditions: Sequence[ColumnElement[bool]],
) -> list[InquiryRow]:
    """Inquiries joined with their cases, with due dates from ``workbench.inquiries``."""
    query = (
        select(inquiries, cases.c.name, cases.c.caseworker)
        .join(cases, cases.c.case_id == inquiries.c.case_id)
        .where(*conditions)
    )
    if open_only:
        query = query.where(inquiries.c.answered_on.is_(None))
    calendar = current.calendar()
    rows = []
    for inquiry in connection.execute(query):
        channel = Channel(inquiry.channel)
        standing = inquiry_standing(inquiry.received, channel, inquiry.answered_on, today,
                                    calendar)
        rows.append(InquiryRow(
            inquiry_id=inquiry.id, case_id=inquiry.case_id, citizen_name=inquiry.name,
            caseworker=inquiry.caseworker, channel=channel, received=inquiry.received,
            due=standing.due, answered_on=inquiry.answered_on,
            working_days_left=standing.working_days_left,
            registered_by=inquiry.registered_by,
        ))
    return sorted(rows, key=lambda r: (r.due, r.inquiry_id))
