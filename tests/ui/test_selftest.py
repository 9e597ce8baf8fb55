"""``workbench-gui --self-test`` checks Qt, translations, icons and the window."""

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.selftest import run_gui_self_test

# The offscreen platform has no window system to pass size hints on to.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_gui_self_test_passes_on_the_source_tree(qapp: QApplication) -> None:
    said: list[str] = []
    assert run_gui_self_test(qapp, said.append)
    assert said == ["translations installed: da, en", "application icon renders",
                    "licence texts of 13 bundled libraries", "main window opens"]


def test_gui_self_test_fails_without_translations(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "source_dir", lambda: tmp_path / "no-translations")
    monkeypatch.setattr(i18n, "cache_dir", lambda: tmp_path / "no-cache")
    said: list[str] = []
    assert not run_gui_self_test(qapp, said.append)
    assert said[0] == "translations installed: none"


def test_gui_self_test_fails_when_the_bundle_lacks_licence_texts(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import about

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(about, "BUNDLED", (*about.BUNDLED, "not-a-bundled-library"))
    said: list[str] = []
    assert not run_gui_self_test(qapp, said.append)
    assert "licence texts missing: not-a-bundled-library" in said
