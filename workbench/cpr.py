"""CPR numbers: parsing, the century rule, birth date, age and masking.

No modulus-11 check: valid CPR numbers without it have been issued since 2007.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workbench.errors import CprError

_CPR_PATTERN = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")
#: Ten digits, with a dash or a space (or none) after the sixth, not part of a longer number.
_CPR_LIKE = re.compile(r"(?<!\d)(\d{6})[-\s\u00a0]?(\d{4})(?!\d)")


def _century(year_in_century: int, seventh_digit: int) -> int:
    """The century of a birth year from its two digits and the CPR's 7th digit."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if year_in_century <= 36 else 1900
    return 2000 if year_in_century <= 57 else 1800


@dataclass(frozen=True, order=True)
class Cpr:
    """A parsed CPR number, kept as its ten digits."""

    digits: str

    @property
    def birth_date(self) -> dt.date:
        """The birth date the first six digits and the century rule give."""
        day, month, year = int(self.digits[0:2]), int(self.digits[2:4]), int(self.digits[4:6])
        return dt.date(_century(year, int(self.digits[6])) + year, month, day)

    @property
    def formatted(self) -> str:
        """DDMMYY-SSSS: the number as people write it."""
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        """DDMMYY-xxxx: what the screen shows until someone deliberately reveals it."""
        return f"{self.digits[:6]}-xxxx"

    def age_on(self, day: dt.date) -> int:
        """Completed years of age on ``day`` (a 29 February birthday counts from 1 March)."""
        born = self.birth_date
        before_birthday = (day.month, day.day) < (born.month, born.day)
        return day.year - born.year - int(before_birthday)

    def __str__(self) -> str:
        """Masked on purpose, so a CPR number never leaks through an f-string or a log."""
        return self.masked

    def __repr__(self) -> str:
        """Masked for the same reason as ``__str__``."""
        return f"Cpr({self.masked!r})"


def parse_cpr(text: str) -> Cpr:
    """Read a CPR number with or without its dash; raise CprError saying what is wrong."""
    cleaned = text.strip()
    match = _CPR_PATTERN.match(cleaned)
    if not match:
        raise CprError(key="cpr.wrong_shape", length=len(cleaned))
    cpr = Cpr("".join(match.groups()))
    try:
        cpr.birth_date  # noqa: B018 - validates day and month
    except ValueError:
        raise CprError(key="cpr.not_a_date",
                       prefix=match.group(1) + match.group(2) + match.group(3)) from None
    return cpr


def mask_cpr(text: str) -> str:
    """Mask a CPR number as DDMMYY-xxxx; text that is no CPR is masked whole."""
    try:
        return parse_cpr(text).masked
    except CprError:
        return "xxxxxx-xxxx"


def mask_cpr_numbers(text: str) -> str:
    """``text`` with every CPR-looking number masked as DDMMYY-xxxx.

    A CPR number counts however it is written: with a dash, without, or with a space after
    the sixth digit. Only ten digits whose first six are a real date count (the same
    century rule as ``parse_cpr``), so phone numbers, counts and timestamps stay readable.
    """
    return _CPR_LIKE.sub(_masked_match, text)


def _masked_match(match: re.Match[str]) -> str:
    """One match masked if it is a date-shaped CPR number, else as it was."""
    cpr = Cpr(match.group(1) + match.group(2))
    try:
        cpr.birth_date  # noqa: B018 - a real date is what makes it look like a CPR number
    except ValueError:
        return match.group(0)
    return cpr.masked
