"""Translations: the UI is written in English and shipped in Danish (the default) and English.

The Qt Linguist sources (``resources/translations/workbench_*.ts``) are in git; the compiled
``.qm`` files are not. ``compile_translations`` runs Qt's ``lrelease`` on them: the installer
calls it for the bundle, and a source checkout compiles them on first start into the user's
cache folder. ``python -m ui.i18n --out DIR`` does the same from a build script.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workbench import messages
from workbench.messages import DEFAULT_LANGUAGE, LANGUAGES
from workbench.resources import resource_dir

APP_NAME = "caseworker-workbench"

_current_language = DEFAULT_LANGUAGE


class TranslationError(RuntimeError):
    """The translations could not be compiled or loaded; the message says which file."""


def current_language() -> str:
    """The language the UI shows right now ("da" or "en")."""
    return _current_language


def source_dir() -> Path:
    """The folder holding the ``.ts`` sources (and, in an installed bundle, the ``.qm`` files)."""
    return resource_dir() / "translations"


def cache_dir() -> Path:
    """Where a source checkout keeps the ``.qm`` files it compiled itself."""
    return platformdirs.user_cache_path(APP_NAME) / "translations"


def lrelease_executable() -> Path:
    """Qt's ``lrelease``, which the PySide6 wheel ships beside its modules."""
    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise TranslationError("Qt's lrelease was not found: install PySide6")
    return Path(found)


def _is_stale(source: Path, compiled: Path) -> bool:
    """True when ``compiled`` is missing or older than its ``source``."""
    return not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime


def compile_translations(out_dir: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile every ``.ts`` source into ``out_dir`` (default: the cache) and list the ``.qm``.

    Only stale files are compiled, so calling it at every start costs nothing after the first.
    """
    target = out_dir or cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    compiled: list[Path] = []
    for source in sorted(source_dir().glob("workbench_*.ts")):
        qm = target / source.with_suffix(".qm").name
        if force or _is_stale(source, qm):
            result = subprocess.run(
                [str(lrelease_executable()), "-silent", str(source), "-qm", str(qm)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0 or not qm.exists():
                raise TranslationError(f"lrelease failed on {source.name}: {result.stderr.strip()}")
        compiled.append(qm)
    return compiled


def qm_file(language: str) -> Path:
    """The compiled translation of ``language``: the bundled one if fresh, else the cache's."""
    source = source_dir() / f"workbench_{language}.ts"
    bundled = source.with_suffix(".qm")
    if bundled.exists() and not (source.exists() and _is_stale(source, bundled)):
        return bundled
    compile_translations()
    return cache_dir() / bundled.name


class Translations:
    """The translators installed in the application; switching language swaps them.

    Installing a translator makes Qt send every widget a ``LanguageChange`` event, on
    which the widgets of this package set their texts again.
    """

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> None:
        """Show the UI in ``language`` from now on (an unknown language falls back to Danish)."""
        global _current_language
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        loaded = [self._load_own(language), *self._load_qt(language)]
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = loaded
        _current_language = language
        messages.set_language(language)  # the core's errors speak the window's language
        QLocale.setDefault(QLocale(QLocale.Language.Danish if language == "da"
                                   else QLocale.Language.English, QLocale.Country.Denmark))
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)

    def try_switch(self, language: str) -> bool:
        """Switch as ``switch`` does; if the translation cannot be had, say so and go on.

        Better an English workbench than none: the caseworker can still work.
        """
        try:
            self.switch(language)
        except TranslationError as error:
            print(f"warning: {error}; the window stays in English", file=sys.stderr)
            messages.set_language("en")
            return False
        return True

    @staticmethod
    def _load_own(language: str) -> QTranslator:
        """The workbench's own messages in ``language``."""
        translator = QTranslator()
        path = qm_file(language)
        if not translator.load(str(path)):
            raise TranslationError(f"cannot load the translation {path}")
        return translator

    @staticmethod
    def _load_qt(language: str) -> list[QTranslator]:
        """Qt's own texts (standard buttons, the file dialog) in ``language``, where shipped."""
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator()
        if translator.load(f"qtbase_{language}", folder):
            return [translator]
        return []


def main(argv: list[str] | None = None) -> int:
    """Compile the translations from the command line (used by the installer and builds)."""
    parser = argparse.ArgumentParser(description="Compile the workbench's Qt translations.")
    parser.add_argument("--out", type=Path, default=source_dir(),
                        help="folder for the .qm files (default: beside the .ts sources)")
    arguments = parser.parse_args(argv)
    for path in compile_translations(arguments.out, force=True):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
