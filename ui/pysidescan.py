"""PySide6's look at every module imported after it, answered from the file's bytes.

Once PySide6 is loaded it replaces ``builtins.__import__``, and for each module imported
from then on it asks whether the module uses PySide (``"PySide6"`` in its source), so that
``from __feature__ import snake_case`` in one module changes no other. It asks through
``inspect.getsource``: inspect's lookups, the file split into lines and kept in
``linecache`` for good. The window's start imports some 440 modules after PySide6 (the
``ui`` package, the core, and SQLAlchemy on the database worker): about 0.1 s of the
process start until the lists are filled (issue 18), for a question the file's bytes
answer in a fifth of the time (a plain read, nothing kept).

``install`` puts ``uses_pyside`` in place of PySide6's ``_mod_uses_pyside`` (the one
function its import hook calls for that question). The answers are the same for every
module with a ``.py`` file (tests/ui/test_pysidescan.py compares them for every module
loaded); a module with none (an extension, a frozen or zipped one) counts as not using
PySide, as inspect's answer for it mostly is, and no module here selects a ``__feature__``
anyway. The function is private, so PySide6 is pinned to the one minor version the canary
test has checked (pyproject.toml); should a release drop or rename it, nothing is replaced
and the canary test says so.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

#: The module of PySide6's import hook, and the function of it that reads the sources.
FEATURE_MODULE = "PySide6.support.feature"
SOURCE_CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file mentions PySide6 (False: it has none to read)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def install() -> bool:
    """Answer PySide6's question with ``uses_pyside`` from now on; False if it cannot."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, SOURCE_CHECK, None)):
        return False
    setattr(feature, SOURCE_CHECK, uses_pyside)
    return True
