"""Reference cycles are collected on the UI thread only while a window session runs."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.app import Session
from ui.collector import UiThreadCollector


class Cycle:
    """An object that refers to itself: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections() -> Iterator[list[tuple[str, int]]]:
    """The thread and generation of every collection that starts during the test."""
    seen: list[tuple[str, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((threading.current_thread().name, info["generation"]))

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


def test_while_running_python_does_not_collect_by_itself_and_stop_gives_it_back(
        qtbot: QtBot) -> None:
    assert gc.isenabled()
    collector = UiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()


def test_a_generation_past_its_threshold_is_collected_on_the_ui_thread(
        qtbot: QtBot, collections: list[tuple[str, int]]) -> None:
    collector = UiThreadCollector()
    try:
        gc.collect()
        assert collector.collect_due() is None  # nothing is due right after a collection
        garbage = [Cycle() for _ in range(gc.get_threshold()[0] * 2)]
        del garbage
        collections.clear()
        qtbot.waitUntil(lambda: bool(collections))  # the timer's turn
        assert collections[0] == (threading.main_thread().name, 0)
    finally:
        collector.stop()


def test_the_worker_making_many_objects_never_collects(
        session: Session, collections: list[tuple[str, int]]) -> None:
    assert not gc.isenabled()
    made = threading.Thread(target=lambda: [Cycle() for _ in range(50_000)], name="maker")
    made.start()
    made.join()
    assert all(thread == threading.main_thread().name for thread, _ in collections)
    session.close()
    assert gc.isenabled()
