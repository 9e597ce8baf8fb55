"""``workbench-gui --self-test``: the desktop half of an installation check.

``workbench --self-test`` proves the core (profiles, database, import); this proves what only
the desktop app needs: that Qt's platform plugin loads, both translations install, the icons
render and the main window opens on a database. The installer build runs it on the bundle.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings
from PySide6.QtWidgets import QApplication

from ui.i18n import Translations
from ui.icons import app_icon
from workbench.messages import LANGUAGES

Say = Callable[[str], None]
WINDOW_TIMEOUT_MS = 10_000


def _translations_install(translations: Translations, say: Say) -> bool:
    """Every UI language's translation installs."""
    installed = [language for language in LANGUAGES if translations.try_switch(language)]
    say(f"translations installed: {', '.join(installed) or 'none'}")
    return len(installed) == len(LANGUAGES)


def _icons_render(say: Say) -> bool:
    """The application icon is in the bundle and renders."""
    rendered = not app_icon().pixmap(32, 32).isNull()
    say("application icon renders" if rendered else "application icon is missing")
    return rendered


def _licences_present(say: Say) -> bool:
    """Help → About can show every bundled library's licence text (the bundle carries it)."""
    from ui.about import BUNDLED, bundled_libraries

    libraries = bundled_libraries()
    # The bundle must carry them all; a source install only those it has installed.
    wanted = set(BUNDLED) if getattr(sys, "frozen", False) else {lib.name for lib in libraries}
    missing = sorted(wanted - {library.name for library in libraries if library.text})
    say(f"licence texts missing: {', '.join(missing)}" if missing
        else f"licence texts of {len(libraries)} bundled libraries")
    return not missing


def _window_opens(app: QApplication, translations: Translations, say: Say) -> bool:
    """The main window shows and its worker opens a fresh database."""
    from ui.app import parse_arguments, start_session

    with tempfile.TemporaryDirectory(prefix="workbench-gui-self-test-") as folder:
        state = QSettings(str(Path(folder) / "state.ini"), QSettings.Format.IniFormat)
        arguments = parse_arguments(["--db", str(Path(folder) / "self-test.db")])
        session = start_session(arguments, state, translations)
        timer = QElapsedTimer()
        timer.start()
        while not session.window.isVisible() and timer.elapsed() < WINDOW_TIMEOUT_MS:
            app.processEvents()
        visible = session.window.isVisible()
        app.processEvents()
        session.close()
    say("main window opens" if visible else "main window did not open")
    return visible


def run_gui_self_test(app: QApplication, say: Say) -> bool:
    """Run every desktop check, saying what each found; True when all passed."""
    translations = Translations()
    results = [
        _translations_install(translations, say),
        _icons_render(say),
        _licences_present(say),
        _window_opens(app, translations, say),
    ]
    return all(results)
