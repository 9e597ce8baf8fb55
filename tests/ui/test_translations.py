"""The Qt Linguist translations: complete, faithful to their placeholders, current, loadable."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import LANGUAGES, Translations, compile_translations, current_language, source_dir
from ui.texts import status_name
from workbench.engine import Status

PLACEHOLDER = re.compile(r"%\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")
ROOT = Path(__file__).resolve().parents[2]


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    """Every message of a .ts file with its context's name."""
    tree = ET.parse(path)
    return [(context.findtext("name", ""), message)
            for context in tree.getroot().iter("context")
            for message in context.iter("message")]


def translations_of(message: ET.Element) -> list[str]:
    """The translation, or each plural form of it."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    found = messages(source_dir() / f"workbench_{language}.ts")
    assert len(found) > 100
    for context, message in found:
        translation = message.find("translation")
        assert translation is not None
        source = message.findtext("source")
        state = translation.get("type")
        assert state is None, f"{context}: {source!r} is {state}"
        forms = translations_of(message)
        assert forms and all(form.strip() for form in forms), f"{context}: {source!r} is empty"
        if message.get("numerus") == "yes":
            assert len(forms) == 2, f"{context}: {source!r} needs a singular and a plural"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_source(language: str) -> None:
    for context, message in messages(source_dir() / f"workbench_{language}.ts"):
        source = message.findtext("source", "")
        expected = sorted(PLACEHOLDER.findall(source))
        for form in translations_of(message):
            assert sorted(PLACEHOLDER.findall(form)) == expected, \
                f"{context}: {source!r} -> {form!r}"


def test_the_translation_files_are_current_with_the_code(tmp_path: Path) -> None:
    """Qt's lupdate, run now on ui/, finds exactly the messages the committed files hold."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(path) for path in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-locations", "none", "-silent", "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = {(context, m.findtext("source")) for context, m in messages(fresh)}
    for language in LANGUAGES:
        held = {(context, m.findtext("source"))
                for context, m in messages(source_dir() / f"workbench_{language}.ts")}
        assert held == wanted, f"workbench_{language}.ts: run pyside6-lupdate (see its README)"


def test_compiled_translations_load_and_speak_danish(tmp_path: Path) -> None:
    compiled = compile_translations(tmp_path)
    assert sorted(path.name for path in compiled) == ["workbench_da.qm", "workbench_en.qm"]
    translator = QTranslator()
    assert translator.load(str(tmp_path / "workbench_da.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert status_name(Status.RED, 21) == "Overskredet"
        assert status_name(Status.AMBER, 21) == "Inden for 3 uger"
        assert status_name(Status.AMBER, 7) == "Inden for 1 uge"
        assert status_name(Status.AMBER, 10) == "Inden for 10 dage"
        assert status_name(Status.GREEN, 21) == "Rettidig"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_missing_translation_leaves_the_ui_working_in_its_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WORKBENCH_RESOURCES", str(tmp_path / "resources"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    translations = Translations()
    assert not translations.try_switch("da")
    assert "cannot load the translation" in capsys.readouterr().err
    assert current_language() == "en"
    assert status_name(Status.RED, 21) == "Overdue"
