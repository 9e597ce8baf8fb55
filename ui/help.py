"""The Help menu: "How to use the Workbench" (a short guide) and About.

The guide is a page per language in ``resources/help`` (``guide_da.html``,
``guide_en.html``): the three lists, reminders, mini-teams and covering a colleague, in
the words of the menus. It opens in the window's current language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.about import AboutDialog
from ui.i18n import current_language
from workbench.resources import resource_dir

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow
    from workbench.session import Workbench


def guide_path(language: str) -> Path:
    """The guide's page in ``language`` (Danish if there is none in it)."""
    folder = resource_dir() / "help"
    page = folder / f"guide_{language}.html"
    return page if page.exists() else folder / "guide_da.html"


class GuideDialog(QDialog):
    """The caseworker's guide, readable beside the window (not modal)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide-dialog")
        self.setWindowTitle(self.tr("How to use the Workbench"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setAccessibleName(self.tr("How to use the Workbench"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_path(language).read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 640)


def database_location(workbench: Workbench) -> str:
    """Where the open database is: its file, or its server URL without a password."""
    database = workbench.database
    if database.sqlite_path is not None:
        suffix = " (SQLCipher)" if database.encrypted else ""
        return f"{database.sqlite_path}{suffix}"
    return database.engine.url.render_as_string(hide_password=True)


class HelpController(QObject):
    """Adds the Help menu to the window and opens the guide and the About box."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        self.guide_action = QAction(window)
        self.guide_action.setObjectName("help-guide")
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(lambda _checked=False: self.open_guide())
        self.about_action = QAction(window)
        self.about_action.setObjectName("help-about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda _checked=False: self.open_about())
        window.addAction(self.guide_action)
        self.menu = window.menuBar().addMenu("")
        self.menu.setObjectName("help-menu")
        self.menu.addAction(self.guide_action)
        self.menu.addSeparator()
        self.menu.addAction(self.about_action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&How to use the Workbench"))
        self.about_action.setText(self.tr("&About Caseworker Workbench"))

    def open_guide(self) -> GuideDialog:
        """F1: the caseworker's guide in the current language."""
        dialog = GuideDialog(current_language(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.dialog = dialog
        return dialog

    def open_about(self) -> None:
        """The About box, once the worker has said where the database is."""
        window = self.window
        profile = window.shown.settings.profile_name if window.shown.settings else ""

        def shown(location: str) -> None:
            dialog = AboutDialog(profile, location, window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog

        window.backend.submit(database_location, on_done=shown, on_error=window.show_error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Follow a language switch."""
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)
