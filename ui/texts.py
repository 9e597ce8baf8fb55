"""How the core's values read on screen: dates, weeks, days left, and the domain's words.

Nothing here decides anything: statuses, due dates and day counts arrive computed by the
core; these functions only put them into words in the current language.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QCoreApplication, QObject

from ui.i18n import current_language
from workbench.engine import MilestoneState, Status
from workbench.vocabulary import Channel, EventKind, Scheme

# The one date format of the UI (domain: dates dd-mm-yyyy).
DATE_FORMAT = "%d-%m-%Y"
# The same format as QDateEdit writes it.
QT_DATE_FORMAT = "dd-MM-yyyy"


class Counts(QObject):
    """The texts that depend on a number (Danish "1 dag", "2 dage").

    Plural forms are looked up through ``tr`` with a count, the one form Qt's Python
    ``lupdate`` recognises as plural in every PySide6 version.
    """

    def days_left(self, days: int) -> str:
        """Says e.g. "5 dage tilbage"."""
        return self.tr("%n day(s) left", "", days)

    def days_overdue(self, days: int) -> str:
        """Says e.g. "3 dage over"."""
        return self.tr("%n day(s) overdue", "", days)

    def working_days_left(self, days: int) -> str:
        """Says e.g. "2 arbejdsdage tilbage"."""
        return self.tr("%n working day(s) left", "", days)

    def working_days_overdue(self, days: int) -> str:
        """Says e.g. "1 arbejdsdag over"."""
        return self.tr("%n working day(s) overdue", "", days)

    def cases(self, count: int) -> str:
        """Says e.g. "12 sager"."""
        return self.tr("%n case(s)", "", count)

    def within_weeks(self, weeks: int) -> str:
        """Says e.g. "Inden for 3 uger"."""
        return self.tr("Within %n week(s)", "", weeks)

    def within_days(self, days: int) -> str:
        """Says e.g. "Inden for 10 dage"."""
        return self.tr("Within %n day(s)", "", days)


@cache
def counts() -> Counts:
    """The one ``Counts`` (made on first use, once Qt runs)."""
    return Counts()


def fill(text: str, *values: object) -> str:
    """Put ``values`` into the ``%1``, ``%2``… placeholders of a translated ``text``."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def format_date(day: dt.date | None) -> str:
    """A date as dd-mm-yyyy; nothing for no date."""
    return day.strftime(DATE_FORMAT) if day else ""


def format_datetime(moment: dt.datetime | None) -> str:
    """A moment as dd-mm-yyyy hh:mm; nothing for none."""
    return moment.strftime(f"{DATE_FORMAT} %H:%M") if moment else ""


def week_label(week: int) -> str:
    """The week of a case counted from its start date, as "sagsuge 23".

    Not "uge 23": that is always an ISO calendar week here (``due_label``).
    """
    return fill(QCoreApplication.translate("texts", "case week %1"), week)


def due_label(due: dt.date | None, iso_week: int | None) -> str:
    """A due date with its ISO week: "22-12-2026 (uge 52)"."""
    if due is None:
        return ""
    if iso_week is None:
        return format_date(due)
    return fill(QCoreApplication.translate("texts", "%1 (week %2)"), format_date(due), iso_week)


def days_left_label(days: int | None) -> str:
    """Calendar days to a deadline: "5 dage tilbage", "i dag", "3 dage over"."""
    if days is None:
        return ""
    if days == 0:
        return QCoreApplication.translate("texts", "due today")
    if days > 0:
        return counts().days_left(days)
    return counts().days_overdue(-days)


def working_days_left_label(days: int) -> str:
    """Working days to a reply deadline: "2 arbejdsdage tilbage", "1 arbejdsdag over"."""
    if days == 0:
        return QCoreApplication.translate("texts", "due today")
    if days > 0:
        return counts().working_days_left(days)
    return counts().working_days_overdue(-days)


def count_label(count: int) -> str:
    """A number of cases, as the list headings show it."""
    return counts().cases(count)


def scheme_name(scheme: Scheme) -> str:
    """A scheme (ordning) as caseworkers call it."""
    names = {
        Scheme.SYGEDAGPENGE: QCoreApplication.translate("texts", "Sickness benefit"),
        Scheme.FORSIKRET_LEDIG: QCoreApplication.translate("texts", "Insured unemployed"),
        Scheme.JOBAFKLARINGSFORLOB: QCoreApplication.translate("texts", "Job clarification"),
        Scheme.RESSOURCEFORLOB: QCoreApplication.translate("texts", "Resource programme"),
        Scheme.KONTANTHJAELP: QCoreApplication.translate("texts", "Social assistance"),
    }
    return names[scheme]


def event_kind_name(kind: EventKind) -> str:
    """An event kind as caseworkers call it."""
    names = {
        EventKind.SAMTALE: QCoreApplication.translate("texts", "Conversation"),
        EventKind.FAELLESSAMTALE: QCoreApplication.translate("texts", "Joint conversation"),
        EventKind.SCREENING: QCoreApplication.translate("texts", "Screening"),
        EventKind.AFKLARING: QCoreApplication.translate("texts", "Clarification"),
        EventKind.VURDERING: QCoreApplication.translate("texts", "Assessment"),
        EventKind.TILBUD: QCoreApplication.translate("texts", "Offer started"),
        EventKind.REHABILITERINGSTEAM: QCoreApplication.translate(
            "texts", "Rehabilitation team"),
    }
    return names[kind]


def channel_name(channel: Channel) -> str:
    """How an inquiry arrived."""
    names = {
        Channel.PHONE: QCoreApplication.translate("texts", "Phone"),
        Channel.MAIL: QCoreApplication.translate("texts", "Written"),
    }
    return names[channel]


def unverified_mark() -> str:
    """The mark of a rule whose legal basis is not verified against the law's text."""
    return QCoreApplication.translate("texts", "not legally verified")


def plan_by_label(day: dt.date) -> str:
    """A count rule's plan-by date: hold the next conversation by then (advisory)."""
    return QCoreApplication.translate("texts", "Plan by %1").replace("%1", format_date(day))


def status_name(status: Status, amber_days: int) -> str:
    """A traffic light in words: the names of the three lists.

    The amber list is named after the configured window ("Inden for 3 uger" by default).
    """
    if status is Status.RED:
        return QCoreApplication.translate("texts", "Overdue")
    if status is Status.GREEN:
        return QCoreApplication.translate("texts", "On time")
    weeks, odd_days = divmod(amber_days, 7)
    if odd_days == 0:
        return counts().within_weeks(weeks)
    return counts().within_days(amber_days)


def milestone_state_name(state: MilestoneState) -> str:
    """Where a met or missed milestone stands (open ones show their traffic light instead)."""
    names = {
        MilestoneState.OPEN: QCoreApplication.translate("texts", "Open"),
        MilestoneState.MET_ON_TIME: QCoreApplication.translate("texts", "Met on time"),
        MilestoneState.MET_LATE: QCoreApplication.translate("texts", "Met late"),
        MilestoneState.MISSED: QCoreApplication.translate("texts", "Missed"),
    }
    return names[state]


def event_source_name(source: str, confirmed: bool) -> str:
    """Whether an event came from the central export or was registered here."""
    if source == "central":
        return QCoreApplication.translate("texts", "Central")
    if confirmed:
        return QCoreApplication.translate("texts", "Local, confirmed by export")
    return QCoreApplication.translate("texts", "Local")


def localized(danish: str | None, english: str | None) -> str:
    """Pick the core's Danish or English text (milestone titles) by the UI's language."""
    if current_language() == "en":
        return english or danish or ""
    return danish or english or ""
