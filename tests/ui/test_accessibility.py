"""Contrast on a dark palette, names for a screen reader, and a first window that fits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView
from pytestqt.qtbot import QtBot

from ui.app import Session
from ui.backend import Backend
from ui.i18n import Translations
from ui.icons import (
    action_icon,
    contrast_ratio,
    muted_text_colour,
    status_colour,
    status_icon,
    status_icon_colour,
)
from ui.jobs import DueNag
from ui.mainwindow import Clock, MainWindow
from ui.nagbar import NagBar, nag_colours
from ui.palette import dark_palette
from ui.screenfit import PREFERRED, fitting_size
from workbench.engine import Status
from workbench.nags import Nag, NagKey, NagKind

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")

AA = 4.5
BACKGROUNDS = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
               QPalette.ColorRole.Window)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    """The application on a dark palette (as in Windows' dark mode)."""
    original = QGuiApplication.palette()
    palette = dark_palette()
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(original)


def overdue() -> DueNag:
    return DueNag(Nag(NagKey(NagKind.OVERDUE, "inquiry:7"), urgent=True, inquiry_id=7,
                      case_id="S9", due=dt.date(2026, 11, 26)), "Eva Holm")


@pytest.mark.parametrize("status", list(Status))
def test_status_text_keeps_aa_contrast_on_the_light_and_the_dark_palette(
        status: Status, qapp: QApplication) -> None:
    light = qapp.style().standardPalette()
    for palette in (light, dark_palette()):
        for role in BACKGROUNDS:
            ratio = contrast_ratio(status_colour(status, palette), palette.color(role))
            assert ratio >= AA, (status, role, round(ratio, 2))


def test_muted_labels_keep_aa_contrast_on_both_palettes(qapp: QApplication) -> None:
    for palette in (qapp.style().standardPalette(), dark_palette()):
        for role in BACKGROUNDS:
            assert contrast_ratio(muted_text_colour(palette), palette.color(role)) >= AA


@pytest.mark.parametrize("status", list(Status))
def test_status_icons_keep_aa_contrast_on_the_dark_palette(
        status: Status, dark: QPalette) -> None:
    shape = status_icon_colour(status, dark=True)
    for role in BACKGROUNDS:
        assert contrast_ratio(shape, dark.color(role)) >= AA
    # The icon drawn really is the light variant (the light one would fall below 3:1).
    image = status_icon(status).pixmap(32, 32).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(32) for y in range(32)
               if image.pixelColor(x, y).alpha() == 255}
    assert shape.name() in colours
    assert status_icon_colour(status, dark=False).name() not in colours


@pytest.mark.parametrize("status", [Status.RED, Status.AMBER])
def test_the_nag_bar_and_its_dismiss_button_stay_readable_on_dark(
        status: Status, qtbot: QtBot, dark: QPalette) -> None:
    text, wash = nag_colours(status)
    assert contrast_ratio(text, wash) >= AA
    assert wash.lightness() < 128  # a dark wash, not the pale one of the light palette
    bar = NagBar()
    qtbot.addWidget(bar)
    bar.show_nags([overdue()])
    bar.resize(600, 40)
    bar.show()
    # The "×" is drawn in the text colour on the wash, not in the palette's light text.
    button = bar.dismiss_button.grab().toImage()
    text_colour, wash_colour = nag_colours(Status.RED)
    pixels = [button.pixelColor(x, y) for x in range(button.width())
              for y in range(button.height())]
    assert any(contrast_ratio(pixel, wash_colour) >= 3 for pixel in pixels)
    assert not any(pixel.lightness() > 200 and contrast_ratio(pixel, text_colour) > 3
                   for pixel in pixels)


def test_the_nag_bar_names_itself_and_its_buttons(qtbot: QtBot,
                                                   translations: Translations) -> None:
    bar = NagBar()
    qtbot.addWidget(bar)
    bar.show_nags([overdue()])
    assert bar.accessibleName() == "Reminders"
    assert bar.accessibleDescription().startswith("Overdue: call back Eva Holm")
    assert bar.dismiss_button.text() == "×"
    assert bar.dismiss_button.accessibleName() == "Hide the reminders"
    translations.switch("da")
    qtbot.waitUntil(lambda: bar.dismiss_button.accessibleName() == "Skjul påmindelserne")
    assert bar.accessibleName() == "Påmindelser"


def test_every_table_and_every_wordless_button_has_a_name(session: Session) -> None:
    window = session.window
    tables = window.findChildren(QTableView)
    assert len(tables) >= 8  # three lists, inquiries, four in the panel
    for table in tables:
        assert table.accessibleName(), table.objectName()
    for button in window.findChildren(QAbstractButton):
        words = "".join(ch for ch in button.text() if ch.isalnum())
        if not words and button.isVisibleTo(window):
            assert button.accessibleName(), button.objectName()
    # Danish, the default language of a new database.
    red = window.lists.sections[Status.RED].table
    assert red.accessibleName() == "Overskredet, 0 sager"
    assert red.accessibleDescription().startswith("Sager hvis opfølgningsfrist er overskredet")
    assert window.panel.accessibleName() == "Sagspanel"
    assert window.panel.accessibleDescription()
    assert window.nag_bar.dismiss_button.accessibleName() == "Skjul påmindelserne"


def test_names_follow_the_language(qtbot: QtBot, session: Session,
                                   translations: Translations) -> None:
    window = session.window
    translations.switch("en")
    red = window.lists.sections[Status.RED].table
    qtbot.waitUntil(lambda: red.accessibleName() == "Overdue, 0 cases")
    assert window.panel.accessibleName() == "Case panel"


@pytest.mark.parametrize(("available", "expected"), [
    (QRect(0, 0, 1920, 1040), PREFERRED),        # a 1080p screen at 100 %
    (QRect(0, 0, 1280, 680), QSize(1177, 625)),  # 1920 × 1080 at 150 %, taskbar excluded
    (QRect(0, 0, 1366, 728), QSize(1256, 669)),  # a small laptop
])
def test_the_first_size_fits_the_available_area(available: QRect, expected: QSize) -> None:
    size = fitting_size(available)
    assert size == expected
    assert size.width() <= available.width() and size.height() <= available.height()


def test_the_first_window_fits_its_screen(qtbot: QtBot, state: QSettings) -> None:
    backend = Backend()
    window = MainWindow(backend, Clock(dt.date(2026, 11, 23)), state)
    qtbot.addWidget(window)
    try:
        screen = window.screen()
        assert screen is not None
        available = screen.availableGeometry()
        assert window.width() <= available.width() and window.height() <= available.height()
        assert window.size() == fitting_size(available)
        # A size remembered from a bigger monitor is shrunk to this one.
        window.resize(3000, 2000)
        window.save_state()
        again = MainWindow(backend, Clock(dt.date(2026, 11, 23)), state)
        qtbot.addWidget(again)
        assert again.width() <= available.width()
        assert again.height() <= available.height()
    finally:
        backend.shutdown()


def test_light_palette_colours_are_unchanged(qapp: QApplication) -> None:
    light = qapp.style().standardPalette()
    assert status_colour(Status.RED, light) == QColor("#b71c1c")


def test_the_sync_icon_stands_out_on_the_light_and_the_dark_toolbar(qapp: QApplication) -> None:
    # WCAG 1.4.11: 3:1 for graphics; Qt's standard arrow was black on the dark toolbar.
    blue = QColor("#1e88e5")
    for palette in (qapp.style().standardPalette(), dark_palette()):
        assert contrast_ratio(blue, palette.color(QPalette.ColorRole.Window)) >= 3
        assert contrast_ratio(blue, palette.color(QPalette.ColorRole.Button)) >= 3
    image = action_icon("sync").pixmap(32, 32).toImage()
    assert any(image.pixelColor(x, y).name() == blue.name()
               for x in range(32) for y in range(32))
