"""One case's facts as the central export states them: the one shape of a case.

The import reads rows into it (``importing.rows.CaseRecord`` is a ``Case`` and where in which
file it was read), the store keeps it (one column per fact, ``cases``), the engine's input is
made from it (``CaseFacts.of``) and so is the list row (``views.CaseRow.of``). A new fact of a
case is added here and in the store (model and migration); the import reads it with the
mapping's new column, and the rest takes it from here.

A named tuple rather than a frozen dataclass, as the engine's own ``CaseFacts`` and
``CaseEvent`` are: an import makes 10⁵–10⁶ of them, and a named tuple is made about three
times as fast (measured 0.9 µs against 2.7 µs for these eight fields). It is just as
immutable.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from workbench.cpr import Cpr
from workbench.vocabulary import Scheme

#: Stored scheme values and their members (a dict look-up: 20,000 cases are read per list).
_SCHEMES = {scheme.value: scheme for scheme in Scheme}


class Case(NamedTuple):
    """A case (sag): whose it is, under which scheme, who handles it, from when until when."""

    case_id: str
    #: The citizen's CPR number, its ten digits (masked wherever it is shown).
    cpr: str
    name: str
    scheme: Scheme
    caseworker: str
    team: str | None
    start: dt.date
    #: The closing date: the export's Afsluttet, or the export date it went missing on.
    closed_on: dt.date | None = None

    @classmethod
    def from_store(cls, row: Any) -> Case:
        """The case of a row of the ``cases`` table (its columns are named as the facts)."""
        values = row._mapping
        return cls._make([_SCHEMES[values[name]] if name == "scheme" else values[name]
                          for name in cls._fields])

    def store_values(self) -> dict[str, object]:
        """The case as the ``cases`` table's columns hold it."""
        return self._asdict() | {"scheme": self.scheme.value}

    @property
    def cpr_masked(self) -> str:
        """DDMMYY-xxxx: the CPR number as lists and panels show it."""
        return Cpr(self.cpr).masked
