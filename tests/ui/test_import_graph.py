"""The UI thread does not load the store: what import-linter's contract cannot see.

The forbidden contract in ``pyproject.toml`` follows the imports modules name; importing
``workbench.importing.mapping`` also runs ``workbench/importing/__init__.py``, which the
contract does not follow. So every module the UI thread imports is imported here, in a
fresh interpreter, and what it loaded is read from ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ui

#: The modules whose code runs on the database worker's thread, not the UI thread.
WORKER_MODULES = {"ui.jobs"}
STORE_PACKAGES = ("sqlalchemy", "alembic", "workbench.store")


def ui_thread_modules() -> list[str]:
    """Every module of the ``ui`` package but the worker's.

    ``ui.__main__`` runs the app when imported; its one import, ``ui.app``, is among them.
    """
    folder = Path(ui.__file__).parent
    names = [f"ui.{path.stem}" for path in sorted(folder.glob("*.py"))
             if path.stem not in ("__init__", "__main__")]
    return [name for name in names if name not in WORKER_MODULES]


def test_no_ui_thread_module_loads_sqlalchemy_alembic_or_the_store() -> None:
    modules = ui_thread_modules()
    assert "ui.mainwindow" in modules and "ui.app" in modules and "ui.preview" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({STORE_PACKAGES!r}))))"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env=environment, timeout=120)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
