"""The hybrid logical clock: monotonic, past every observed reading, text order = time order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.sync.hlc import MAX_AHEAD_MS, ClockAheadError, HybridClock, Timestamp


class FakeTime:
    """A physical clock the test sets (milliseconds)."""

    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


def test_ticks_follow_the_physical_clock_while_it_moves_forward() -> None:
    time = FakeTime(1_000)
    clock = HybridClock("aa", physical=time)

    first = clock.tick()
    time.now = 1_500
    second = clock.tick()

    assert (first.wall_ms, first.counter) == (1_000, 0)
    assert (second.wall_ms, second.counter) == (1_500, 0)


def test_a_clock_that_stands_still_or_goes_back_only_counts_up() -> None:
    time = FakeTime(5_000)
    clock = HybridClock("aa", physical=time)
    readings = [clock.tick()]
    readings.append(clock.tick())
    time.now = 4_000  # the computer's clock was set back
    readings.append(clock.tick())

    assert [(r.wall_ms, r.counter) for r in readings] == [(5_000, 0), (5_000, 1), (5_000, 2)]


def test_observing_a_later_remote_reading_moves_past_it() -> None:
    clock = HybridClock("aa", physical=FakeTime(1_000))
    remote = Timestamp(9_000, 7, "bb")

    after = clock.observe(remote)

    assert after > remote
    assert clock.tick() > after
    assert (after.wall_ms, after.counter) == (9_000, 8)


def test_a_counter_that_would_overflow_moves_the_wall_part_on() -> None:
    clock = HybridClock("aa", Timestamp(1_000, 99_999, "aa"), physical=FakeTime(1_000))

    assert clock.tick() == Timestamp(1_001, 0, "aa")


def test_a_restored_reading_keeps_the_clock_monotonic_across_restarts() -> None:
    time = FakeTime(10_000)
    before = HybridClock("aa", physical=time).tick()
    time.now = 2_000  # the next start sees an earlier physical time

    restarted = HybridClock("aa", Timestamp.parse(before.encode()), physical=time)

    assert restarted.tick() > before


@given(st.lists(st.tuples(st.integers(0, 10**13), st.integers(0, 99_999),
                          st.sampled_from(["a1", "b2", "ff"])), min_size=2, max_size=20))
def test_text_order_is_timestamp_order(parts: list[tuple[int, int, str]]) -> None:
    stamps = [Timestamp(*part) for part in parts]

    assert sorted(stamps) == sorted(stamps, key=Timestamp.encode)
    assert all(Timestamp.parse(stamp.encode()) == stamp for stamp in stamps)


@given(st.lists(st.one_of(st.just("tick"), st.integers(0, 20_000)), max_size=40),
       st.lists(st.integers(0, 20_000), min_size=40, max_size=40))
def test_every_reading_is_later_than_all_before_it(
    steps: list[str | int], physical: list[int]
) -> None:
    time = FakeTime(0)
    clock = HybridClock("aa", physical=time)
    seen: list[Timestamp] = []
    for step, now in zip(steps, physical, strict=False):
        time.now = now
        reading = clock.tick() if step == "tick" else clock.observe(Timestamp(int(step), 3, "bb"))
        assert all(reading > earlier for earlier in seen)
        seen.append(reading)
        if step != "tick":
            seen.append(Timestamp(int(step), 3, "bb"))


def test_a_remote_clock_more_than_five_minutes_ahead_is_refused_and_changes_nothing() -> None:
    time = FakeTime(1_000_000)
    clock = HybridClock("aa", physical=time)
    before = clock.tick()

    assert not clock.is_ahead(Timestamp(1_000_000 + MAX_AHEAD_MS, 0, "bb"))
    with pytest.raises(ClockAheadError):
        clock.observe(Timestamp(1_000_000 + MAX_AHEAD_MS + 1, 0, "bb"))
    with pytest.raises(ClockAheadError):
        clock.observe(Timestamp(10**15 - 1, 99_999, "bb"))  # the largest reading there is
    assert clock.last == before
    assert clock.tick() > before


def test_the_clock_never_writes_a_reading_past_its_digits() -> None:
    last = Timestamp(10**15 - 1, 99_999, "aa")
    clock = HybridClock("aa", last, physical=FakeTime(10**15 - 1))

    with pytest.raises(ClockAheadError):
        clock.tick()
    assert clock.last == last
