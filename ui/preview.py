"""'Vis først': what importing some export files would do, before anything changes.

The core's dry run (``wb.imports.preview_import``) imports and rolls back; this dialog shows
its answer: which tables were recognised under which mapping file, the counts the import
would give, each unknown word with how often it occurs and a row to look at, conflicts
between mapping files, and the rows that would be rejected. "Import" then imports the same
files for real; "Close" leaves everything as it was.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.tables import text_table
from workbench.importing.mapping import TableKind

if TYPE_CHECKING:
    from workbench.importing.dryrun import ImportPreview

#: The preview lists at most this many of the rows it would reject.
SHOWN_ROWS = 500


class ImportPreviewDialog(QDialog):
    """The dry run's answer, with a button that imports the files for real."""

    #: The user asked to import the previewed files.
    import_requested = Signal()

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-preview-dialog")
        self.setWindowTitle(self.tr("Preview of the import"))
        self.preview = preview
        files = ", ".join(Path(name).name for name in preview.summary.files)
        self.headline = QLabel(texts.fill(
            self.tr("This is what importing %1 would do. Nothing has been changed."), files))
        self.headline.setWordWrap(True)
        self.warning = QLabel(self._warning())
        self.warning.setObjectName("preview-warning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(self.warning.text()))
        self.tables = text_table("preview-tables", [
            self.tr("Table"), self.tr("Content"), self.tr("Rows"), self.tr("Mapping"),
            self.tr("Mapping file")], [
            [use.label, self._kind(use.kind), str(use.rows), use.mapping, use.source]
            for use in preview.tables])
        self.counts = self._counts()
        self.unknown_words = text_table("preview-unknown-words", [
            self.tr("Field"), self.tr("Unknown word"), self.tr("Rows"), self.tr("For example")],
            [[word.field, word.word, str(word.count),
              texts.fill(self.tr("%1, line %2"), word.example_table, word.example_line)]
             for word in preview.unknown_words])
        rejected = preview.summary.rejected[:SHOWN_ROWS]
        self.rejected_rows = text_table("preview-rejected-rows", [
            self.tr("File"), self.tr("Line"), self.tr("Field"), self.tr("Reason")],
            [[Path(r.file).name, str(r.line), r.field or "", r.reason] for r in rejected])
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("preview-import")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.warning)
        layout.addWidget(self.tables)
        layout.addLayout(self.counts)
        for title, table in ((self.tr("Words no mapping knows:"), self.unknown_words),
                             (self.tr("Rows that would be rejected:"), self.rejected_rows)):
            if table.rowCount():
                layout.addWidget(QLabel(title))
                layout.addWidget(table, 1)
            else:
                table.hide()
        layout.addWidget(buttons)
        self.resize(820, 620)

    def _warning(self) -> str:
        """Why the import would be refused as it stands, and any mapping conflict."""
        lines = []
        if self.preview.refused is not None:
            lines.append(texts.fill(
                self.tr("The import would close %1 of your %2 open cases and would ask before "
                        "it does; the counts below are those of importing it anyway."),
                self.preview.refused.would_close, self.preview.refused.open_cases))
        lines.extend(texts.fill(self.tr("Mapping files disagree: %1"), conflict.describe())
                     for conflict in self.preview.conflicts)
        return "\n".join(lines)

    def _kind(self, kind: TableKind) -> str:
        return self.tr("cases") if kind is TableKind.CASES else self.tr("events")

    def _counts(self) -> QFormLayout:
        """Every count of the summary: the known ones in words, any other by its name."""
        summary = self.preview.summary
        labels = {
            "new": self.tr("New cases:"), "updated": self.tr("Updated cases:"),
            "closed": self.tr("Closed cases:"), "reopened": self.tr("Reopened cases:"),
            "events_added": self.tr("Events added:"),
            "events_confirmed": self.tr("Local events confirmed:"),
        }
        form = QFormLayout()
        #: The label of each count, by the summary's field name ("rejected" for the rows).
        self.values: dict[str, QLabel] = {}
        for item in dataclasses.fields(summary):
            value = getattr(summary, item.name)
            if isinstance(value, int) and not isinstance(value, bool):
                self.values[item.name] = QLabel(str(value))
                form.addRow(labels.get(item.name, item.name.replace("_", " ") + ":"),
                            self.values[item.name])
        self.values["rejected"] = QLabel(str(len(summary.rejected)))
        form.addRow(self.tr("Rejected rows:"), self.values["rejected"])
        return form

    def _import(self) -> None:
        self.accept()
        self.import_requested.emit()
