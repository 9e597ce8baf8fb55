"""Small read-only tables of text, as the import dialogs show them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def text_table(name: str, headings: Sequence[str], rows: Sequence[Sequence[str]]
               ) -> QTableWidget:
    """A table named ``name`` of ``rows`` under ``headings``, read-only, each cell its tooltip.

    Columns fit their contents and the last one takes the rest of the width.
    """
    table = QTableWidget(len(rows), len(headings))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headings))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for line, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(line, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
