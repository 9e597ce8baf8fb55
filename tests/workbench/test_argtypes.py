"""The argparse types the command line and the desktop app share."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator

import pytest

from workbench.argtypes import iso_date
from workbench.messages import set_language


@pytest.fixture(autouse=True)
def language() -> Iterator[None]:
    yield
    set_language(None)


def test_an_iso_date_is_a_date() -> None:
    assert iso_date("2026-11-30") == dt.date(2026, 11, 30)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "not a date as YYYY-MM-DD: '30-11-2026'"),
    ("da", "ikke en dato som ÅÅÅÅ-MM-DD: '30-11-2026'"),
])
def test_anything_else_is_refused_in_the_current_language(language: str, expected: str) -> None:
    set_language(language)
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        iso_date("30-11-2026")
    assert str(refused.value) == expected
