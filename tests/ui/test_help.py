"""Help → About (version, profile, database, licences) and the caseworker's guide."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from ui.about import BUNDLED, AboutDialog, app_version, bundled_libraries
from ui.app import Session
from ui.help import GuideDialog, guide_path
from ui.i18n import Translations

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


def test_about_shows_version_profile_database_and_every_licence(
        qtbot: QtBot, session: Session) -> None:
    window = session.window
    window.help.about_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.help.dialog, AboutDialog), timeout=10_000)
    about = window.help.dialog
    assert isinstance(about, AboutDialog)
    assert about.version.text() == app_version() == "0.1.0"
    assert about.profile.text() == window.shown.settings.profile_name  # type: ignore[union-attr]
    assert about.database.text().endswith("workbench.db")
    listed = [about.library_list.item(row).text() for row in range(about.library_list.count())]
    assert any(line.startswith("PySide6-Essentials ") and "LGPL-3.0" in line for line in listed)
    assert len(listed) == len(BUNDLED)
    about.library_list.setCurrentRow(0)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in about.licence_text.toPlainText()
    about.close()


def test_every_bundled_library_has_its_licence_text(qtbot: QtBot) -> None:
    libraries = bundled_libraries()
    assert [library.name for library in libraries] == list(BUNDLED)
    for library in libraries:
        assert library.licence, library.name
        assert len(library.text) > 500, library.name
        assert re.search(r"(?i)licen[cs]e|permission|warranty", library.text), library.name


@pytest.mark.parametrize(("language", "words"), [
    ("da", ("Overskredet", "Påmindelser", "Miniteams", "Dæk en kollega",
            "Filer → Dæk for kollega…")),
    ("en", ("Overdue", "Reminders", "Mini-teams", "Covering a colleague",
            "File → Cover for a colleague…")),
])
def test_the_guide_covers_lists_reminders_teams_and_covering(
        qtbot: QtBot, language: str, words: tuple[str, ...]) -> None:
    guide = GuideDialog(language)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    for word in words:
        assert word in text, word
    assert guide_path(language).name == f"guide_{language}.html"


def test_help_menu_opens_the_guide_in_the_current_language(
        qtbot: QtBot, session: Session, translations: Translations) -> None:
    window = session.window
    translations.switch("da")
    assert window.help.menu.title() == "&Hjælp"
    guide = window.help.open_guide()
    assert "Sådan bruger du Workbench" in guide.browser.toPlainText()
    guide.close()


def test_the_window_loads_the_libraries_metadata_when_about_asks() -> None:
    """``importlib.metadata`` (and the email parser under it) is the About dialog's alone."""
    script = ("import sys\nimport ui.app\nprint('importlib.metadata' in sys.modules)\n"
              "from ui.about import app_version\nversion = app_version()\n"
              "print('importlib.metadata' in sys.modules, bool(version))")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env=environment, timeout=120)
    assert done.stdout.split() == ["False", "True", "True"]
