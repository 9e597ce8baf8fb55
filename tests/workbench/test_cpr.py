"""CPR numbers: the century rule, birth dates, ages, masking and clear errors."""

import datetime as dt

import pytest

from workbench.cpr import mask_cpr, parse_cpr
from workbench.errors import CprError


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")

D = dt.date


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("010190-1234", D(1990, 1, 1)),
        ("0101901234", D(1990, 1, 1)),
        (" 010105-3000 ", D(1905, 1, 1)),
        ("010136-4000", D(2036, 1, 1)),
        ("010137-4000", D(1937, 1, 1)),
        ("010120-9000", D(2020, 1, 1)),
        ("010150-9000", D(1950, 1, 1)),
        ("010157-5000", D(2057, 1, 1)),
        ("010158-8000", D(1858, 1, 1)),
        ("290200-4000", D(2000, 2, 29)),
    ],
)
def test_century_rule_gives_the_birth_date(text: str, born: dt.date) -> None:
    assert parse_cpr(text).birth_date == born


def test_no_modulus_11_check() -> None:
    # 010190-1235 fails modulus 11; such numbers are valid since 2007.
    assert parse_cpr("010190-1235").formatted == "010190-1235"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("320190-1234", "real date"),
        ("011390-1234", "real date"),
        ("290201-4000", "real date"),
        ("01019-1234", "10 digits"),
        ("010190-12345", "10 digits"),
        ("01-01-90-1234", "10 digits"),
        ("abcdef-ghij", "10 digits"),
        ("", "10 digits"),
    ],
)
def test_a_bad_cpr_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(CprError, match=message):
        parse_cpr(text)


def test_age_in_completed_years() -> None:
    cpr = parse_cpr("150396-1234")
    assert cpr.age_on(D(2026, 3, 14)) == 29
    assert cpr.age_on(D(2026, 3, 15)) == 30


def test_leap_day_birthday_counts_from_first_of_march() -> None:
    cpr = parse_cpr("290200-4000")
    assert cpr.age_on(D(2030, 2, 28)) == 29
    assert cpr.age_on(D(2030, 3, 1)) == 30


def test_masking_hides_the_last_four_digits_everywhere() -> None:
    cpr = parse_cpr("0101901234")
    assert cpr.masked == "010190-xxxx"
    assert str(cpr) == "010190-xxxx"
    assert "1234" not in repr(cpr)
    assert f"{cpr}" == "010190-xxxx"
    assert mask_cpr("010190-1234") == "010190-xxxx"
    assert mask_cpr("not a cpr") == "xxxxxx-xxxx"
