"""PySide6's per-module source check, answered from the file's bytes (``ui.pysidescan``).

A canary as well: the check replaces a private function of PySide6's import hook; when a
release changes it, these tests fail rather than the start quietly slowing down again.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import PySide6

import ui  # noqa: F401 - installs the check
from ui import pysidescan

_FEATURE = sys.modules[pysidescan.FEATURE_MODULE]


def _inspect_answer(module: types.ModuleType) -> bool:
    """PySide6's own answer (its ``_mod_uses_pyside``, as of 6.11): "PySide6" in the source."""
    try:
        source = inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False
    return "PySide6" in source


def test_the_hook_asks_the_installed_check() -> None:
    assert getattr(_FEATURE, pysidescan.SOURCE_CHECK) is pysidescan.uses_pyside
    assert isinstance(_FEATURE.pyside_feature_dict, dict)


def test_every_loaded_module_gets_the_answer_inspect_gives() -> None:
    modules = [module for module in list(sys.modules.values())
               if isinstance(module, types.ModuleType)]
    assert len(modules) > 300
    differ = [module.__name__ for module in modules
              if pysidescan.uses_pyside(module) != _inspect_answer(module)]
    assert differ == []
    assert pysidescan.uses_pyside(sys.modules["ui.mainwindow"])
    assert not pysidescan.uses_pyside(sys.modules["workbench.engine"])
    assert not pysidescan.uses_pyside(PySide6.QtCore)  # an extension: no source to read


def test_a_module_without_a_readable_file_does_not_use_pyside(tmp_path: Path) -> None:
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert not pysidescan.uses_pyside(gone)
    assert not pysidescan.uses_pyside(types.ModuleType("nowhere"))
    written = tmp_path / "mentions.py"
    written.write_text("import PySide6\n", encoding="utf-8")
    mentions = types.ModuleType("mentions")
    mentions.__file__ = str(written)
    assert pysidescan.uses_pyside(mentions)


def test_modules_imported_after_the_window_package_are_registered_as_before() -> None:
    """In a fresh process: the hook still files each new module, and reads no source."""
    script = (
        "import json, linecache, sys\n"
        "import ui\n"
        "from ui.mainwindow import MainWindow\n"
        "from workbench.engine import Status\n"
        "from PySide6.support import feature\n"
        "names = ('ui.mainwindow', 'workbench.engine')\n"
        "print(json.dumps([[feature.pyside_feature_dict.get(n) for n in names],"
        " [n for n in linecache.cache if n.endswith(('mainwindow.py', 'engine.py'))]]))\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env=environment, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    registered, read_into_linecache = json.loads(done.stdout.strip().splitlines()[-1])
    assert registered == [0, -1]  # uses PySide: the default features; does not: ignored
    assert read_into_linecache == []
