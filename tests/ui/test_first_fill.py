"""The window's first fill: the lists first, what is not the lists right after them.

Issue 18 bounds the time from process start until the lists hold every open case. The
owner filter's colleagues and teams, and the team's status, are read once the lists are
drawn; the lists and the filter in force ("my cases") do not wait for them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.helpers.exports import Case, write_cases, write_events
from tests.ui.conftest import arguments, evening_clocks, wait_idle
from ui.app import start_session
from ui.i18n import Translations
from workbench.engine import Status
from workbench.session import Workbench
from workbench.settings import Settings

TODAY = dt.date(2026, 11, 23)
CASES = [Case("S1", name="Anna Jensen", caseworker="AB", team="Nord"),
         Case("S2", name="Bo Hansen", caseworker="AB", team="Nord"),
         Case("S3", name="Carla Nielsen", caseworker="CD", team="Syd"),
         Case("S4", name="Dan Olsen", caseworker="EF", team="Syd")]


def _database(folder: Path) -> Path:
    path = folder / "workbench.db"
    with Workbench.open(str(path)) as workbench:
        workbench.imports.import_files(
            [write_cases(folder / "sager.csv", CASES),
             write_events(folder / "haendelser.csv", [])], today=TODAY)
        workbench.settings.save(Settings(my_initials="AB", my_team="Nord", language="en"))
    return path


def _offered(combo: object) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]  # type: ignore[attr-defined]


def test_the_lists_are_drawn_before_the_colleagues_are_read(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations) -> None:
    session = start_session(arguments(_database(tmp_path), today=TODAY), state, translations,
                            evening_clocks(TODAY))
    qtbot.addWidget(session.window)
    window, lists = session.window, session.window.lists
    at_first_draw: list[tuple[int, list[str], dict[Status, int], object]] = []
    window.full_refresh.drawn.connect(lambda: at_first_draw.append(
        (sum(section.model.rowCount() for section in lists.sections.values()),
         _offered(lists.owner_filter), lists.counts(), window.shown.team)))
    try:
        qtbot.waitUntil(lambda: bool(at_first_draw), timeout=20_000)
        wait_idle(qtbot, window)
        rows, offered, shown, team = at_first_draw[0]
        # The team's status too is read once the lists are drawn.
        assert team is None
        assert window.shown.team is not None and window.shown.team.settings is None
        # Every case is in the lists, and mine are shown; the colleagues come right after.
        assert rows == len(CASES)
        assert offered[:3] == ["All cases", "My cases (AB)", "My team (Nord)"]
        assert "CD" not in offered and "EF" not in offered
        assert sum(shown.values()) == 2
        assert lists.owner_filter.currentText() == "My cases (AB)"
        offered_now = _offered(lists.owner_filter)
        assert {"CD", "EF"} <= set(offered_now) and "AB" not in offered_now
        assert window.shown.caseworkers == ("AB", "CD", "EF")
        # A colleague chosen is filtered to, and stays chosen through the next full read.
        lists.owner_filter.setCurrentIndex(lists.owner_filter.findText("CD"))
        lists.owner_filter.activated.emit(lists.owner_filter.currentIndex())
        assert sum(lists.counts().values()) == 1
        with qtbot.waitSignal(window.full_refresh.drawn, timeout=20_000):
            window.full_refresh.read()
        wait_idle(qtbot, window)
        assert lists.owner_filter.currentText() == "CD"
        assert sum(lists.counts().values()) == 1
    finally:
        session.close()
