"""Help → About: the version, the rule profile, where the database is, and the licences.

Support staff ask for the version first and the database's location second; both are here
to read and copy. The libraries the program is built from are listed with their version
and licence, and the full licence text of the one selected is shown: their licences (the
LGPL of Qt and psycopg among them) require that the text travels with the program. The
texts come from each library's installed metadata (the bundle carries it, see
``installer/workbench.spec``); Qt's LGPL/GPL texts, which PySide6's wheels do not carry,
are in ``resources/licences``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import workbench
from ui import texts
from workbench.resources import resource_dir

if TYPE_CHECKING:
    from importlib import metadata

#: The libraries the bundle is built from (pyproject.toml: core, gui, encryption).
BUNDLED = ("PySide6-Essentials", "shiboken6", "SQLAlchemy", "alembic", "holidays",
           "platformdirs", "openpyxl", "python-calamine", "psycopg", "psycopg-binary",
           "APScheduler", "sqlcipher3", "keyring")
#: Licence texts not in a library's metadata, by SPDX id (files in resources/licences).
SHIPPED_TEXTS = {"LGPL-3.0": ("LGPL-3.0.txt", "GPL-3.0.txt"), "GPL-3.0": ("GPL-3.0.txt",)}


@dataclass(frozen=True)
class Library:
    """One bundled library: its name, version, licence and the licence's full text."""

    name: str
    version: str
    licence: str
    text: str


def app_version() -> str:
    """The program's version (the installed metadata's, else the package's)."""
    from importlib import metadata  # loaded when asked (the window starts without it)

    try:
        return metadata.version("caseworker-workbench")
    except metadata.PackageNotFoundError:
        return workbench.__version__


def _licence_files_text(distribution: metadata.Distribution) -> str:
    """The text of the licence files in a distribution's metadata."""
    parts = []
    for file in distribution.files or ():
        name = file.name.lower()
        if "dist-info" in str(file) and name.startswith(("licen", "copying", "notice")):
            try:
                parts.append(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return "\n\n".join(parts)


def _shipped_text(licence: str) -> str:
    """The LGPL/GPL texts from resources/licences for a licence expression naming them."""
    for spdx, files in SHIPPED_TEXTS.items():
        if spdx in licence:
            folder = resource_dir() / "licences"
            return "\n\n".join((folder / name).read_text(encoding="utf-8") for name in files)
    return ""


def bundled_libraries() -> list[Library]:
    """Every bundled library found installed, with its licence text (empty if none)."""
    from importlib import metadata

    libraries = []
    for name in BUNDLED:
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = distribution.metadata
        licence = next(iter([*(meta.get_all("License-Expression") or []),
                             *(meta.get_all("License") or []), ""])).strip()
        if not licence or "\n" in licence or len(licence) > 60:
            # No short licence field (sometimes the whole text is in it): the classifiers.
            licence = ", ".join(c.rsplit("::", 1)[-1].strip()
                                for c in meta.get_all("Classifier") or []
                                if c.startswith("License ::")) or licence[:60] or "see its text"
        text = _licence_files_text(distribution) or _shipped_text(licence)
        libraries.append(Library(name, distribution.version, licence, text))
    return libraries


class AboutDialog(QDialog):
    """The version, profile and database, and the bundled libraries' licences."""

    def __init__(self, profile: str, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("About Caseworker Workbench"))
        self.libraries = bundled_libraries()
        self.version = QLabel(app_version())
        self.version.setObjectName("about-version")
        self.profile = QLabel(profile)
        self.profile.setObjectName("about-profile")
        self.database = QLabel(database)
        self.database.setObjectName("about-database")
        self.database.setWordWrap(True)
        for label in (self.version, self.profile, self.database):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.library_list = QListWidget()
        self.library_list.setObjectName("about-libraries")
        self.library_list.setAccessibleName(self.tr("Bundled libraries"))
        for library in self.libraries:
            self.library_list.addItem(f"{library.name} {library.version} — {library.licence}")
        self.licence_text = QPlainTextEdit()
        self.licence_text.setObjectName("about-licence")
        self.licence_text.setReadOnly(True)
        self.licence_text.setAccessibleName(self.tr("Licence text"))
        self.library_list.currentRowChanged.connect(self._show_licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Rule profile:"), self.profile)
        form.addRow(self.tr("Database:"), self.database)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.library_list)
        splitter.addWidget(self.licence_text)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(texts.fill(self.tr(
            "<b>Caseworker Workbench</b> %1 — follow-up deadlines, inquiries and team "
            "status for jobcenter caseworkers."), app_version())))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Built with these libraries (select one for its "
                                        "licence):")))
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
        if self.libraries:
            self.library_list.setCurrentRow(0)

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(self.libraries):
            library = self.libraries[row]
            self.licence_text.setPlainText(library.text or self.tr(
                "No licence text is shipped with this library."))
