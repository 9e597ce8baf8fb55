"""The first window fits the screen it opens on.

A laptop at 150 % scaling offers about 1280 × 680 logical pixels: a 1600 × 900 window ran
off its edges, and of the overdue list only the first rows were in sight. The first size is
the wished one, shrunk to the screen's available area (taskbar excluded) with a margin; a
size remembered from a larger monitor is shrunk the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

#: The size the window opens at on a large screen.
PREFERRED = QSize(1600, 900)
#: The share of the available area the window may take at most.
SHARE = 0.92


def fitting_size(available: QRect, preferred: QSize = PREFERRED) -> QSize:
    """``preferred``, no larger than ``SHARE`` of the available area."""
    return QSize(min(preferred.width(), int(available.width() * SHARE)),
                 min(preferred.height(), int(available.height() * SHARE)))


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Size ``window`` (to ``preferred``, or its current size) within its screen, centred.

    Left alone when it already fits; a maximised window is the screen's business.
    """
    screen = window.screen()
    if screen is None or window.isMaximized():
        return
    available = screen.availableGeometry()
    wished = preferred or window.size()
    size = fitting_size(available, wished)
    if preferred is None and size == wished and available.contains(window.frameGeometry()):
        return
    window.resize(size)
    frame = window.frameGeometry()
    frame.moveCenter(available.center())
    window.move(frame.topLeft())
