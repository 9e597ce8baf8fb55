"""The miniteam dialogs: the team's status and joining it, and covering an absent colleague.

Like the other dialogs they are opened with ``open()`` and report by a signal; the window
sends the work to the worker that owns the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui import texts
from ui.casepanel import date_edit, picked_date

if TYPE_CHECKING:
    from workbench.sync.team import TeamStatus


def format_moment(moment: dt.datetime | None) -> str:
    """A sync time (UTC) in local time, as the user reads it; empty for none."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{texts.format_date(local.date())} {local:%H:%M}"


def split_initials(text: str) -> list[str]:
    """"AB, CD ef" -> ["AB", "CD", "EF"]."""
    return [part.strip().upper() for part in text.replace(";", ",").replace(" ", ",").split(",")
            if part.strip()]


class TeamDialog(QDialog):
    """The miniteam this database is in, and joining one (again)."""

    # me, members, folder or None, server or None, join code or None
    submitted = Signal(str, object, object, object, object)

    def __init__(self, status: TeamStatus | None, initials: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team-dialog")
        self.setWindowTitle(self.tr("Miniteam"))
        settings = status.settings if status is not None else None
        self.status = QLabel()
        self.status.setObjectName("team-status")
        self.status.setWordWrap(True)
        if status is None or settings is None:
            self.status.setText(self.tr("This workbench is in no team yet."))
        else:
            self.status.setText(texts.fill(
                self.tr("Me: %1. Members: %2. Shared over: %3. Last sync: %4. "
                        "Waiting to be sent: %5."),
                settings.me, ", ".join(settings.members), settings.describe(),
                format_moment(status.last_sync) or self.tr("never"), status.pending))
        self.held = QLabel(self._held_text(status))
        self.held.setObjectName("team-held")
        self.held.setWordWrap(True)
        self.me = QLineEdit(settings.me if settings else initials)
        self.members = QLineEdit(", ".join(settings.members) if settings else initials)
        self.folder = QLineEdit(settings.target if settings and
                                settings.transport == "folder" else "")
        self.server = QLineEdit(settings.target if settings and
                                settings.transport != "folder" else "")
        self.join_code = QLineEdit()
        self.join_code.setObjectName("team-join-code")
        self.join_code.setPlaceholderText(self.tr("WBT1-… from the teammate who joined first; "
                                                  "empty if you are the first"))
        self.folder.setPlaceholderText(self.tr("Empty: the folder or server IT set up"))
        self.server.setPlaceholderText(self.tr("postgresql://… (instead of a folder)"))
        form = QFormLayout()
        form.addRow(self.tr("My &initials:"), self.me)
        form.addRow(self.tr("&Members:"), self.members)
        form.addRow(self.tr("Shared &folder:"), self.folder)
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("Join &code:"), self.join_code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Join"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.held)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _held_text(self, status: TeamStatus | None) -> str:
        """Teammates' entries held back here, and whether I hold what the teammates hold.

        Quarantined entries are named with their authors.
        """
        if status is None or status.settings is None:
            return ""
        held = status.held
        parts = [texts.fill(self.tr("Quarantined: %1 (from %2). Newer version: %3. "
                                    "Clock ahead: %4."),
                            held.get("invalid", 0), ", ".join(status.quarantine_authors) or "-",
                            held.get("newer", 0), held.get("ahead", 0))]
        if status.convergence is not None:
            parts.append(self.tr("In sync with the team.") if status.convergence.in_sync else
                         texts.fill(self.tr("Differs from: %1."), ", ".join(
                             member for member, _, _ in status.convergence.differences)))
        if status.missing:
            parts.append(texts.fill(self.tr("Missing, asked for again: %1."), status.missing))
        return " ".join(parts)

    def _submit(self) -> None:
        me = self.me.text().strip().upper()
        members = split_initials(self.members.text())
        if me and me not in members:
            members.insert(0, me)
        folder = self.folder.text().strip() or None
        server = self.server.text().strip() or None
        code = self.join_code.text().strip() or None
        self.accept()
        self.submitted.emit(me, members, folder, server, code)


class CoverDialog(QDialog):
    """Cover an absent colleague's cases from one day to another."""

    # absent, starts, ends
    submitted = Signal(str, object, object)

    def __init__(self, colleagues: Sequence[str], today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cover-dialog")
        self.setWindowTitle(self.tr("Cover for a colleague"))
        self.absent = QComboBox()
        self.absent.setEditable(True)
        self.absent.addItems(list(colleagues))
        self.starts = date_edit(today)
        self.ends = date_edit(today + dt.timedelta(days=7))
        form = QFormLayout()
        form.addRow(self.tr("&Absent colleague:"), self.absent)
        form.addRow(self.tr("&From:"), self.starts)
        form.addRow(self.tr("&To:"), self.ends)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        absent = self.absent.currentText().strip().upper()
        if not absent:
            return
        self.accept()
        self.submitted.emit(absent, picked_date(self.starts), picked_date(self.ends))
