"""The case actions: what a caseworker does to a case, its corrections, and Undo.

``CaseActions`` owns the case panel's requests (register, note, withdraw or correct, edit
and delete a note), cancelling a cover, and Ctrl+Z: the last change made in this session is
undone by its opposite, itself an ordinary, audited change the team receives.

It also guards the note box: the text belongs to the case it was typed on, so selecting
another case while it holds unsaved text asks first — save it on that case, discard it, or
stay — and a note is never saved on another citizen.

The main window only wires it: it hands over its ``change`` (send a job, draw the snapshot
it ends with) and ``load_case``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ui import jobs, texts
from ui.caselists import CaseListsView
from ui.casepanel import CasePanel
from ui.editdialogs import NoteDialog, WithdrawDialog
from workbench.views import EventRow, NoteRow
from workbench.vocabulary import EventKind

if TYPE_CHECKING:
    from workbench.session import Workbench

# Send a job (an edit, then a snapshot) to the worker; draw the snapshot; then ``then``.
Change = Callable[[Callable[["Workbench", jobs.View], jobs.Snapshot],
                   Callable[[], None] | None], None]
# Undo a change, given the worker's Workbench and who undoes it.
Undoing = Callable[["Workbench", str], object]


@dataclass(frozen=True)
class UndoStep:
    """How to undo the last own change: its name for the menu, and its opposite."""

    label: str
    undo: Undoing


class CaseActions(QObject):
    """The actions on cases of the main window, and their undo."""

    # The label of what Ctrl+Z would undo now ("" when there is nothing).
    undo_changed = Signal(str)

    def __init__(self, panel: CasePanel, lists: CaseListsView, *, change: Change,
                 load_case: Callable[[str], None], today: Callable[[], dt.date],
                 initials: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._panel = panel
        self._lists = lists
        self._change = change
        self._load_case = load_case
        self._today = today
        self._initials = initials
        self._window = parent
        self._undo: UndoStep | None = None
        # The dialog or question open now (tests drive it).
        self.dialog: QWidget | None = None
        panel.register_event_requested.connect(self.register_event)
        panel.note_requested.connect(self.add_note)
        panel.withdraw_requested.connect(self.withdraw)
        panel.edit_note_requested.connect(self.edit_note)
        panel.delete_note_requested.connect(self.delete_note)
        lists.case_selected.connect(self.select_case)

    # -- the note box belongs to one case ------------------------------------------------

    def select_case(self, case_id: str) -> None:
        """Show ``case_id``; first ask what to do with a note typed on another case."""
        pending = self._panel.unsaved_note
        if pending is None or pending[0] == case_id:
            self._load_case(case_id)
            return
        if isinstance(self.dialog, QMessageBox) and self.dialog.isVisible() \
                and self.dialog.objectName() == "unsaved-note":
            return  # already asking
        self.dialog = self._ask_about_note(pending[0], case_id)

    def _ask_about_note(self, written_on: str, wanted: str) -> QMessageBox:
        name = self._case_name(written_on)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved note"), texts.fill(
            self.tr("The note you wrote on %1 is not saved."), name),
            QMessageBox.StandardButton.NoButton, self._window)
        box.setObjectName("unsaved-note")
        box.setInformativeText(self.tr("Save it on that case, discard it, or stay on that "
                                       "case?"))
        save = box.addButton(texts.fill(self.tr("&Save on %1"), name),
                             QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("save-note-here")
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard-note")
        stay = box.addButton(self.tr("S&tay"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("stay")
        box.setDefaultButton(save)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is save:
                text = (self._panel.unsaved_note or (written_on, ""))[1]
                self.add_note(written_on, text, then=lambda: self._load_case(wanted))
            elif clicked is discard:
                self._panel.discard_note()
                self._load_case(wanted)
            else:
                self._lists.select_case(written_on, quiet=True)

        box.finished.connect(answered)
        box.open()
        return box

    def _case_name(self, case_id: str) -> str:
        detail = self._panel.detail
        if detail is not None and detail.case_id == case_id:
            return f"{detail.name} ({case_id})"
        return case_id

    # -- registrations --------------------------------------------------------------------

    def register_event(self, case_id: str, kind: EventKind, on: dt.date, note: str) -> None:
        """Register an event (and the note written on that case, if asked) on ``case_id``.

        A date the core refuses (after today, before the case's start) is said in an error
        box; the date field keeps what was typed, to be corrected.
        """
        by, today = self._initials(), self._today()
        done: dict[str, Any] = {}

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            done["it"] = workbench.registrations.register(case_id, kind, on, by=by, today=today,
                                                          note=note or None)
            return jobs.snapshot(workbench, view)

        def then() -> None:
            if note:
                self._panel.note_saved()
            registered, undone = done["it"], self.tr("Undone")

            def undo(workbench: Workbench, who: str) -> None:
                workbench.registrations.withdraw(registered.event_id, reason=undone, by=who)
                if registered.note_id is not None:
                    workbench.registrations.delete_note(registered.note_id, by=who)

            self._remember(texts.fill(self.tr("Undo registering %1"),
                                      texts.event_kind_name(kind)), undo)

        self._change(job, then)

    def add_note(self, case_id: str, text: str,
                 then: Callable[[], None] | None = None) -> None:
        """Save a note on ``case_id`` (the case it was written on)."""
        by = self._initials()
        done: dict[str, int] = {}

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            done["id"] = workbench.registrations.add_note(case_id, text, by=by)
            return jobs.snapshot(workbench, view)

        def saved() -> None:
            self._panel.note_saved()
            note_id = done["id"]
            self._remember(self.tr("Undo adding the note"),
                           lambda workbench, who: workbench.registrations.delete_note(note_id,
                                                                                      by=who))
            if then is not None:
                then()

        self._change(job, saved)

    # -- corrections ----------------------------------------------------------------------

    def withdraw(self, event: EventRow) -> None:
        """Ask why an event is withdrawn (and what to register instead, if anything)."""
        dialog = WithdrawDialog(event, self._window)
        dialog.submitted.connect(lambda reason, kind, on: self._withdraw(event, reason, kind,
                                                                         on))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def _withdraw(self, event: EventRow, reason: str, kind: EventKind | None,
                  on: dt.date | None) -> None:
        by, today = self._initials(), self._today()
        done: dict[str, Any] = {}

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            if kind is not None and on is not None:
                done["gone"], done["new"] = workbench.registrations.correct(
                    event.event_id, kind, on, reason=reason, by=by, today=today)
            else:
                done["gone"] = workbench.registrations.withdraw(event.event_id, reason=reason,
                                                                by=by)
            return jobs.snapshot(workbench, view)

        def then() -> None:
            gone, new, undone = done["gone"], done.get("new"), self.tr("Undone")

            def undo(workbench: Workbench, who: str) -> None:
                if new is not None:
                    workbench.registrations.withdraw(new, reason=undone, by=who)
                workbench.registrations.register_event(gone.case_id, gone.kind, gone.date, by=who)

            self._remember(self.tr("Undo the withdrawal"), undo)

        self._change(job, then)

    def edit_note(self, note: NoteRow) -> None:
        """Give a note a new text."""
        dialog = NoteDialog(note, self._window)
        dialog.submitted.connect(lambda text: self._edit_note(note, text))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def _edit_note(self, note: NoteRow, text: str) -> None:
        by = self._initials()

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            workbench.registrations.edit_note(note.note_id, text, by=by)
            return jobs.snapshot(workbench, view)

        self._change(job, lambda: self._remember(
            self.tr("Undo editing the note"),
            lambda workbench, who: workbench.registrations.edit_note(note.note_id, note.text,
                                                                     by=who)))

    def delete_note(self, note: NoteRow) -> None:
        """Delete a note once the caseworker confirmed it."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete note"),
                          self.tr("Delete this note? Its text stays in the case's history "
                                  "for the team."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self._window)
        box.setObjectName("delete-note-question")
        box.setInformativeText(note.text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self._delete_note(note)
                             if box.clickedButton() is yes else None)
        box.open()
        self.dialog = box

    def _delete_note(self, note: NoteRow) -> None:
        by = self._initials()
        done: dict[str, Any] = {}

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            done["it"] = workbench.registrations.delete_note(note.note_id, by=by)
            return jobs.snapshot(workbench, view)

        self._change(job, lambda: self._remember(
            self.tr("Undo deleting the note"),
            lambda workbench, who: workbench.registrations.restore_note(done["it"], by=who)))

    def cancel_cover(self, covers: list[tuple[str, str | None]]) -> None:
        """Choose one of the covers in force and cancel it for the team."""
        if not covers:
            self.dialog = None
            return
        labels = [absent if case_id is None else f"{absent} ({case_id})"
                  for absent, case_id in covers]
        dialog = QInputDialog(self._window)
        dialog.setObjectName("cancel-cover")
        dialog.setWindowTitle(self.tr("Cancel a cover"))
        dialog.setLabelText(self.tr("Whose cover ends now?"))
        dialog.setComboBoxItems(labels)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(
            lambda label: self._cancel_cover(*covers[labels.index(label)]))
        dialog.open()
        self.dialog = dialog

    def _cancel_cover(self, absent: str, case_id: str | None) -> None:
        by = self._initials()
        done: dict[str, Any] = {}

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            done["was"] = workbench.registrations.cancel_cover(absent, by=by, case_id=case_id)
            return jobs.snapshot(workbench, view)

        self._change(job, lambda: self._remember(
            self.tr("Undo cancelling the cover"),
            lambda workbench, who: workbench.registrations.restore_cover(done["was"], by=who)))

    # -- undo -----------------------------------------------------------------------------

    @property
    def undo_label(self) -> str:
        """What Ctrl+Z undoes now; "" when nothing."""
        return self._undo.label if self._undo else ""

    def _remember(self, label: str, undo: Undoing) -> None:
        self._undo = UndoStep(label, undo)
        self.undo_changed.emit(label)

    def undo(self) -> None:
        """Ctrl+Z: undo the last own change of this session (once)."""
        step = self._undo
        if step is None:
            return
        by = self._initials()
        self._undo = None
        self.undo_changed.emit("")

        def job(workbench: Workbench, view: jobs.View) -> jobs.Snapshot:
            step.undo(workbench, by)
            return jobs.snapshot(workbench, view)

        self._change(job, None)
