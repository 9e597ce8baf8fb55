"""The PySide6 desktop layer of Caseworker Workbench: windows, models and dialogs only.

No business rule lives here: every status, due date and count comes from ``workbench``.

PySide6 is loaded first, and its look at the source of each module imported after it made
cheap (``ui.pysidescan``), before any other module of the window is imported.
"""

import PySide6.QtCore  # noqa: F401 - loads PySide6's import hook, which the next line eases

from ui import pysidescan

pysidescan.install()
