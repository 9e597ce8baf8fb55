"""A realistic, entirely fictional central export: the demo data and the benchmark data.

Names are combinations of common Danish first and last names; CPR numbers have real birth
dates and a 7th digit that gives the right century, but random serial digits (no modulus-11
check, as domain.md asks) and no link to anyone. Event histories follow each scheme's
rhythm with the slips real caseloads have: some conversations late, some missing, so that
the demo shows red, amber and green cases alike. The same seed always gives the same export.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import DuplicateEventError
from workbench.vocabulary import Channel, EventKind, Scheme

if TYPE_CHECKING:
    from workbench.session import Workbench

CASES_FILE = "sager"
EVENTS_FILE = "haendelser"
CASE_HEADER = ("Sags-ID", "CPR", "Navn", "Ordning", "Sagsbehandler", "Team", "Startdato",
               "Afsluttet")
EVENT_HEADER = ("Sags-ID", "Dato", "Hændelse")
FORMATS = ("csv", "xlsx")

#: Teams are miniteams of three caseworkers sharing one caseload (seed 001, initiative 4).
TEAM_SIZE = 3
DISTRICTS = ("Nord", "Syd", "Vest", "Øst", "Centrum", "Havn")
#: Cases per caseworker on average (domain.md: 40 to 150 each).
CASES_PER_CASEWORKER = 110
MIN_CASEWORKERS = 9
FIRST_NAMES = (
    "Anne", "Mette", "Hanne", "Susanne", "Lene", "Maria", "Marianne", "Camilla", "Louise",
    "Charlotte", "Sofie", "Ida", "Emma", "Freja", "Peter", "Jens", "Lars", "Michael", "Henrik",
    "Thomas", "Søren", "Jan", "Niels", "Rasmus", "Mads", "Anders", "Mikkel", "Jesper", "Ali",
    "Fatima", "Ahmed", "Yasmin", "Kasper", "Line", "Jonas", "Nanna", "Frederik", "Pia",
)
LAST_NAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Dahl",
    "Lund", "Holm", "Kjær", "Bech", "Yilmaz", "Hussein", "Ahmadi", "Nguyen",
)
#: Rough shares of the schemes in a jobcenter's caseload.
SCHEME_WEIGHTS: dict[Scheme, int] = {
    Scheme.SYGEDAGPENGE: 40,
    Scheme.FORSIKRET_LEDIG: 25,
    Scheme.KONTANTHJAELP: 15,
    Scheme.JOBAFKLARINGSFORLOB: 10,
    Scheme.RESSOURCEFORLOB: 10,
}
#: Share of cases the export already marks as closed (Afsluttet).
CLOSED_SHARE = 0.06
#: Share of planned conversations that never happen (what makes cases red).
SKIPPED_SHARE = 0.08
MAX_AGE_DAYS = 420


@dataclass(frozen=True)
class DemoCase:
    """One row of the cases file."""

    case_id: str
    cpr: str
    name: str
    scheme: Scheme
    caseworker: str
    team: str
    start: dt.date
    closed_on: dt.date | None


@dataclass(frozen=True)
class DemoEvent:
    """One row of the events file."""

    case_id: str
    date: dt.date
    kind: EventKind


@dataclass(frozen=True)
class DemoExport:
    """A generated export: its cases and their events."""

    cases: tuple[DemoCase, ...]
    events: tuple[DemoEvent, ...]


def fictional_cpr(rng: random.Random, born: dt.date) -> str:
    """Ten CPR digits for ``born``: a 7th digit giving the right century, random serial."""
    seventh = rng.randint(0, 3) if born.year < 2000 else rng.choice((4, 9, 5, 6, 7, 8))
    serial = rng.randint(0, 999)
    return f"{born:%d%m%y}{seventh}{serial:03d}"


def _birth_date(rng: random.Random, today: dt.date) -> dt.date:
    """A birth date of someone of working age (18 to 64) on ``today``."""
    return today - dt.timedelta(days=rng.randint(18 * 365 + 5, 64 * 365))


def staff(rng: random.Random, cases: int) -> list[tuple[str, str]]:
    """(team, initials) of enough caseworkers for ``cases``, in teams of three."""
    count = max(MIN_CASEWORKERS, -(-cases // CASES_PER_CASEWORKER))
    letters = "ABCDEFGHIJKLMNOPRSTUVW"
    initials: list[str] = []
    while len(initials) < count:
        candidate = "".join(rng.choice(letters) for _ in range(3 if count < 2000 else 4))
        if candidate not in initials:
            initials.append(candidate)
    people = []
    for index, person in enumerate(initials):
        team_number = index // TEAM_SIZE
        district = DISTRICTS[team_number % len(DISTRICTS)]
        round_number = team_number // len(DISTRICTS)
        team = f"Team {district}" + (f" {round_number + 1}" if round_number else "")
        people.append((team, person))
    return people


def _dates_every(
    rng: random.Random, first: dt.date, gap: tuple[int, int], until: dt.date
) -> Iterator[dt.date]:
    """Dates from ``first`` on, a random gap apart, up to ``until``; some are skipped."""
    day = first
    while day <= until:
        if rng.random() >= SKIPPED_SHARE:
            yield day
        day += dt.timedelta(days=rng.randint(*gap))


def _once(rng: random.Random, start: dt.date, window: tuple[int, int], until: dt.date,
          ) -> list[dt.date]:
    """One date within ``window`` days of ``start``, if it has come by ``until``."""
    day = start + dt.timedelta(days=rng.randint(*window))
    return [day] if day <= until else []


def _history(rng: random.Random, scheme: Scheme, start: dt.date, until: dt.date
             ) -> list[tuple[dt.date, EventKind]]:
    """A plausible event history of a case of ``scheme`` from ``start`` to ``until``."""
    def at(offset: tuple[int, int]) -> dt.date:
        return start + dt.timedelta(days=rng.randint(*offset))

    talk, joint = EventKind.SAMTALE, EventKind.FAELLESSAMTALE
    dated: list[tuple[dt.date, EventKind]] = []
    if scheme is Scheme.SYGEDAGPENGE:
        dated += [(d, talk) for d in _dates_every(rng, at((20, 62)), (21, 34), until)]
        dated += [(d, EventKind.SCREENING) for d in _once(rng, start, (190, 275), until)]
        dated += [(d, EventKind.AFKLARING) for d in _once(rng, start, (270, 330), until)]
        dated += [(d, EventKind.VURDERING)
                  for d in _dates_every(rng, at((330, 372)), (160, 190), until)]
    elif scheme is Scheme.FORSIKRET_LEDIG:
        dated += [(d, joint) for d in _once(rng, start, (10, 45), until)]
        dated += [(d, joint) for d in _once(rng, start, (80, 170), until)]
        dated += [(d, talk) for d in _dates_every(rng, at((25, 40)), (24, 40), until)]
        dated += [(d, EventKind.TILBUD) for d in _once(rng, start, (50, 190), until)]
    elif scheme is Scheme.JOBAFKLARINGSFORLOB:
        dated += [(d, EventKind.REHABILITERINGSTEAM) for d in _once(rng, start, (12, 40), until)]
        dated += [(d, talk) for d in _dates_every(rng, at((14, 45)), (28, 56), until)]
    elif scheme is Scheme.RESSOURCEFORLOB:
        dated += [(d, talk) for d in _dates_every(rng, at((14, 60)), (35, 70), until)]
    else:
        dated += [(d, talk) for d in _dates_every(rng, at((20, 90)), (55, 100), until)]
    return sorted(set(dated), key=lambda item: (item[0], item[1].value))


def generate(cases: int, seed: int, today: dt.date) -> DemoExport:
    """An export of ``cases`` fictional cases as the central system would write it on ``today``."""
    rng = random.Random(seed)
    people = staff(rng, cases)
    schemes = list(SCHEME_WEIGHTS)
    weights = list(SCHEME_WEIGHTS.values())
    case_rows: list[DemoCase] = []
    event_rows: list[DemoEvent] = []
    for number in range(1, cases + 1):
        scheme = rng.choices(schemes, weights)[0]
        team, caseworker = rng.choice(people)
        start = today - dt.timedelta(days=rng.randint(0, MAX_AGE_DAYS))
        closed_on = None
        if rng.random() < CLOSED_SHARE and start < today:
            closed_on = start + dt.timedelta(days=rng.randint(1, (today - start).days))
        case_id = f"{start.year}-{number:06d}"
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        cpr = fictional_cpr(rng, _birth_date(rng, start))
        case_rows.append(DemoCase(case_id, cpr, name, scheme, caseworker, team, start, closed_on))
        until = closed_on or today
        event_rows.extend(DemoEvent(case_id, day, kind)
                          for day, kind in _history(rng, scheme, start, until))
    return DemoExport(tuple(case_rows), tuple(event_rows))


def _case_cells(case: DemoCase) -> tuple[object, ...]:
    """A case as the cells of its row (dates as dates; formatting is the writer's job)."""
    cpr = f"{case.cpr[:6]}-{case.cpr[6:]}"
    return (case.case_id, cpr, case.name, case.scheme.value, case.caseworker, case.team,
            case.start, case.closed_on)


def _event_cells(event: DemoEvent) -> tuple[object, ...]:
    """An event as the cells of its row."""
    return (event.case_id, event.date, event.kind.value)


def write_export(export: DemoExport, folder: Path, file_format: str = "csv") -> list[Path]:
    """Write the cases and the events file into ``folder``; return their paths."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format!r}")
    folder.mkdir(parents=True, exist_ok=True)
    tables = (
        (CASES_FILE, "Sager", CASE_HEADER, map(_case_cells, export.cases)),
        (EVENTS_FILE, "Hændelser", EVENT_HEADER, map(_event_cells, export.events)),
    )
    written = []
    for stem, sheet, header, rows in tables:
        path = folder / f"{stem}.{file_format}"
        if file_format == "csv":
            _write_csv(path, header, rows)
        else:
            _write_xlsx(path, sheet, header, rows)
        written.append(path)
    return written


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[tuple[object, ...]]) -> None:
    """Semicolon-separated UTF-8 with BOM, as Danish Excel writes and reads it."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(header)
        writer.writerows(
            tuple(_csv_text(cell) for cell in row) for row in rows
        )


def _csv_text(cell: object) -> str:
    """A cell as CSV text: dates ISO, nothing as empty."""
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def _write_xlsx(path: Path, sheet: str, header: Sequence[str],
                rows: Iterable[tuple[object, ...]]) -> None:
    """One sheet with a header row and real date cells (write-only mode: flat memory)."""
    from openpyxl import Workbook  # only for an .xlsx export: the CLI starts without it

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(list(row))
    workbook.save(path)


def add_local_work(workbench: Workbench, today: dt.date, seed: int) -> None:
    """Give a demo database some local work: inquiries to answer, notes, local events.

    An imported export has none of these, and without them the inquiry list and the case
    panel's local history would be empty in the demo.
    """
    rng = random.Random(seed)
    open_cases = workbench.cases.caseload(today)
    if not open_cases:
        return
    chosen = rng.sample(open_cases, min(len(open_cases), 12))
    for number, case in enumerate(chosen):
        channel = Channel.PHONE if number % 2 == 0 else Channel.MAIL
        received = today - dt.timedelta(days=rng.randint(0, 12))
        inquiry_id = workbench.inquiries.add(case.case_id, channel, received, by=case.caseworker)
        if number % 3 == 0:
            workbench.inquiries.answer(inquiry_id, min(today, received + dt.timedelta(days=1)),
                                       by=case.caseworker)
    for case in chosen[:4]:
        workbench.registrations.add_note(case.case_id,
                                         "Borgeren ringede; aftalt samtale i næste uge.",
                                         by=case.caseworker)
    for case in chosen[4:8]:
        with contextlib.suppress(DuplicateEventError):
            workbench.registrations.register_event(case.case_id, EventKind.SAMTALE, today,
                                                   by=case.caseworker)
