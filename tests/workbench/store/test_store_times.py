"""Stored times (naive UTC) as aware ones: the one helper every reader uses."""

from __future__ import annotations

import datetime as dt

from workbench.store.models import from_store_time, utc_now

STORED = dt.datetime(2026, 11, 30, 7, 45, 12)
AWARE = dt.datetime(2026, 11, 30, 7, 45, 12, tzinfo=dt.UTC)


def test_a_stored_datetime_is_the_same_moment_in_utc() -> None:
    assert from_store_time(STORED) == AWARE
    assert from_store_time(STORED).tzinfo is dt.UTC


def test_stored_iso_text_is_read_as_utc_too() -> None:
    assert from_store_time(STORED.isoformat()) == AWARE


def test_no_time_and_no_text_are_no_time() -> None:
    assert from_store_time(None) is None
    assert from_store_time("") is None


def test_now_round_trips() -> None:
    now = utc_now()
    assert from_store_time(now.isoformat()) == from_store_time(now)
