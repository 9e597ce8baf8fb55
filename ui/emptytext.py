"""A sentence in an empty table, saying why it is empty and what would fill it.

An empty list with no words looks broken ("did the import fail?"). ``EmptyText`` paints a
short explanation, greyed and centred, in a table's viewport while its model has no rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView


class EmptyText(QObject):
    """Paints ``text()`` in ``table`` while it shows no rows."""

    def __init__(self, table: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(table)
        self._table = table
        self._text = text
        table.viewport().installEventFilter(self)

    def current(self) -> str:
        """The sentence shown now; "" while the table has rows."""
        model = self._table.model()
        return self._text() if model is not None and model.rowCount() == 0 else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Paint the sentence before the (empty) table paints nothing over it."""
        if event.type() == QEvent.Type.Paint and watched is self._table.viewport():
            text = self.current()
            if text:
                painter = QPainter(self._table.viewport())
                painter.setPen(self._table.palette().color(QPalette.ColorRole.PlaceholderText))
                area = self._table.viewport().rect().adjusted(12, 12, -12, -12)
                painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter
                                           | Qt.AlignmentFlag.AlignTop
                                           | Qt.TextFlag.TextWordWrap), text)
                painter.end()
        return False
