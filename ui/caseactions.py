"""The case actions: what a caseworker does to a case, its corrections, and Undo.

``CaseActions`` owns the case panel's requests (register, note, withdraw or correct, edit
and delete a note), cancelling a cover, and Ctrl+Z: the last change made in this session is
undone by its opposite, itself an ordinary, audited change the team receives.

It also guards the note box: the text belongs to the case it was typed on, so selecting
another case while it holds unsaved text asks first — save it on that case, discard it, or
stay — and a note is never saved on another citizen.

Each change is an op (``ui.ops``) that says which case it changed; the lists and the
panel read only that case again. The main window only wires it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ui import ops, texts
from ui.caselists import CaseListsView
from ui.casepanel import CasePanel
from ui.editdialogs import NoteDialog, WithdrawDialog
from ui.ops import Changes, Op, Operations
from ui.refresh import CasePanelRefresh
from workbench.views import EventRow, NoteRow
from workbench.vocabulary import EventKind

if TYPE_CHECKING:
    from workbench.managers.registrations import Registered, WithdrawnEvent
    from workbench.session import Workbench

# Undo a change, given the worker's Workbench and who undoes it.
Undoing = Callable[["Workbench", str], object]


@dataclass(frozen=True)
class UndoStep:
    """How to undo the last own change: its name for the menu, and its opposite."""

    label: str
    undo: Undoing
    #: What undoing changes (what the change itself changed).
    changes: Changes


class CaseActions(QObject):
    """The actions on cases of the main window, and their undo."""

    # The label of what Ctrl+Z would undo now ("" when there is nothing).
    undo_changed = Signal(str)

    def __init__(self, operations: Operations, panel: CasePanel, lists: CaseListsView, *,
                 loader: CasePanelRefresh, today: Callable[[], dt.date],
                 initials: Callable[[], str], have_initials: Callable[[], bool],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._operations = operations
        self._panel = panel
        self._lists = lists
        self._load_case = loader.load
        self._have_initials = have_initials
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
        panel.reveal_requested.connect(self.reveal_cpr)
        lists.case_selected.connect(self.select_case)

    def _run(self, op: Op[Any], then: Callable[[Any], object] | None = None) -> None:
        """Send ``op`` (once the initials are known); ``then(result)`` once it is stored."""
        if not self._have_initials():
            return
        if then is not None:
            op.success(then)
        op.run(self._operations, self)

    def show_case(self, case_id: str) -> None:
        """Load one case into the panel."""
        self._load_case(case_id)

    def reveal_cpr(self, case_id: str) -> None:
        """Show one case's full CPR number in the panel, once the core has audited it."""
        by = self._initials()
        self._operations.backend.submit(
            lambda workbench: workbench.audit.reveal_cpr(case_id, by=by or None),
            on_done=lambda number: self._panel.reveal.show(case_id, number),
            on_error=self._operations.show_error)

    # -- the note box belongs to one case ------------------------------------------------

    def select_case(self, case_id: str) -> None:
        """Show ``case_id``; first ask what to do with a note typed on another case."""
        pending = self._panel.notebox.unsaved
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
                text = (self._panel.notebox.unsaved or (written_on, ""))[1]
                self.add_note(written_on, text, then=lambda: self._load_case(wanted))
            elif clicked is discard:
                self._panel.notebox.discard()
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

        def then(registered: Registered) -> None:
            if note:
                self._panel.notebox.discard()
            undone = self.tr("Undone")

            def undo(workbench: Workbench, who: str) -> None:
                workbench.registrations.withdraw(registered.event_id, reason=undone, by=who)
                if registered.note_id is not None:
                    workbench.registrations.delete_note(registered.note_id, by=who)

            self._remember(texts.fill(self.tr("Undo registering %1"),
                                      texts.event_kind_name(kind)), undo, case_id)

        self._run(ops.register_event(case_id, kind, on, note, by=by, today=today), then)

    def add_note(self, case_id: str, text: str,
                 then: Callable[[], None] | None = None) -> None:
        """Save a note on ``case_id`` (the case it was written on)."""
        by = self._initials()

        def saved(note_id: int) -> None:
            self._panel.notebox.discard()
            self._remember(self.tr("Undo adding the note"),
                           lambda workbench, who: workbench.registrations.delete_note(note_id,
                                                                                 by=who),
                           case_id)
            if then is not None:
                then()

        self._run(ops.add_note(case_id, text, by=by), saved)

    # -- corrections ----------------------------------------------------------------------

    def withdraw(self, event: EventRow) -> None:
        """Ask why an event is withdrawn (and what to register instead, if anything)."""
        case_id = self._panel.case_id or ""
        dialog = WithdrawDialog(event, self._window)
        dialog.submitted.connect(lambda reason, kind, on: self._withdraw(case_id, event, reason,
                                                                         kind, on))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def _withdraw(self, case_id: str, event: EventRow, reason: str, kind: EventKind | None,
                  on: dt.date | None) -> None:
        by, today = self._initials(), self._today()
        undone = self.tr("Undone")

        def then(done: WithdrawnEvent | tuple[WithdrawnEvent, int]) -> None:
            gone, new = done if isinstance(done, tuple) else (done, None)

            def undo(workbench: Workbench, who: str) -> None:
                if new is not None:
                    workbench.registrations.withdraw(new, reason=undone, by=who)
                workbench.registrations.register_event(gone.case_id, gone.kind, gone.date, by=who)

            self._remember(self.tr("Undo the withdrawal"), undo, case_id)

        if kind is not None and on is not None:
            self._run(ops.correct_event(case_id, event.event_id, kind, on, reason, by=by,
                                        today=today), then)
        else:
            self._run(ops.withdraw_event(case_id, event.event_id, reason, by=by), then)

    def edit_note(self, note: NoteRow) -> None:
        """Give a note a new text."""
        case_id = self._panel.case_id or ""
        dialog = NoteDialog(note, self._window)
        dialog.submitted.connect(lambda text: self._edit_note(case_id, note, text))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def _edit_note(self, case_id: str, note: NoteRow, text: str) -> None:
        self._run(ops.edit_note(case_id, note.note_id, text, by=self._initials()),
                  lambda _old: self._remember(
                      self.tr("Undo editing the note"),
                      lambda workbench, who: workbench.registrations.edit_note(note.note_id,
                                                                          note.text, by=who),
                      case_id))

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
        case_id = self._panel.case_id or ""
        box.finished.connect(lambda _r: self._delete_note(case_id, note)
                             if box.clickedButton() is yes else None)
        box.open()
        self.dialog = box

    def _delete_note(self, case_id: str, note: NoteRow) -> None:
        self._run(ops.delete_note(case_id, note.note_id, by=self._initials()),
                  lambda deleted: self._remember(
                      self.tr("Undo deleting the note"),
                      lambda workbench, who: workbench.registrations.restore_note(deleted, by=who),
                      case_id))

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
        op = ops.cancel_cover(absent, case_id, by=self._initials())
        self._run(op, lambda was: self._remember(
            self.tr("Undo cancelling the cover"),
            lambda workbench, who: workbench.registrations.restore_cover(was, by=who),
            Changes(covers=True, team=True)))

    # -- undo -----------------------------------------------------------------------------

    @property
    def undo_label(self) -> str:
        """What Ctrl+Z undoes now; "" when nothing."""
        return self._undo.label if self._undo else ""

    def _remember(self, label: str, undo: Undoing, changes: Changes | str) -> None:
        """Keep how to undo the change just made (``changes``: its case, or what it changed)."""
        self._undo = UndoStep(label, undo,
                              ops.of_cases(changes) if isinstance(changes, str) else changes)
        self.undo_changed.emit(label)

    def undo(self) -> None:
        """Ctrl+Z: undo the last own change of this session (once)."""
        step = self._undo
        if step is None:
            return
        if not self._have_initials():
            return
        by = self._initials()
        self._undo = None
        self.undo_changed.emit("")
        self._run(Op(lambda workbench: ops.Done(step.undo(workbench, by), step.changes)))
