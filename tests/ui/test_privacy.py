"""CPR numbers in the window: masked, revealed only on request (and audited), masked again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.helpers.rows import TODAY
from tests.ui.conftest import DEMO_CASES, arguments, evening_clocks, wait_idle
from tests.ui.test_window import (
    become,
    close_summary,
    dismiss_demo_offer,
    import_and_wait,
    show_everyones_cases,
    visible_rows,
)
from ui.app import Session, start_session
from ui.i18n import Translations
from ui.identity import IdentityDialog
from workbench.audit import AuditAction
from workbench.cpr import Cpr
from workbench.engine import Status
from workbench.session import Workbench
from workbench.store.models import cases
from workbench.store.recovery import backup_time, backups_of

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|"
                                       r"raise|grabbing)")


@pytest.fixture
def loaded(qtbot: QtBot, session: Session, demo_export: list[Path]) -> Session:
    """The demo caseload imported, the caseworker "AB", everyone's cases listed."""
    dismiss_demo_offer(session.window)
    import_and_wait(qtbot, session.window, demo_export)
    close_summary(session.window)
    become(qtbot, session.window, "AB")
    show_everyones_cases(session.window)
    return session


def stored_cpr(database: Path, case_id: str) -> str:
    """A case's full CPR number straight from the store (no reveal, no audit entry)."""
    with Workbench.open(database) as workbench, workbench.database.transaction() as connection:
        digits = connection.execute(select(cases.c.cpr).where(cases.c.case_id == case_id)
                                    ).scalar_one()
    return Cpr(digits).formatted


def reveals(database: Path) -> list[tuple[str | None, str]]:
    """The reveals in the audit log: (case, initials)."""
    with Workbench.open(database) as workbench:
        return [(entry.case_id, entry.initials) for entry in workbench.audit.audit_log()
                if entry.action is AuditAction.REVEAL_CPR]


def pick(qtbot: QtBot, session: Session, case_id: str) -> None:
    assert session.window.lists.select_case(case_id)
    qtbot.waitUntil(lambda: session.window.panel.case_id == case_id)
    wait_idle(qtbot, session.window)


def test_show_cpr_reveals_it_after_auditing_and_another_case_masks_it(
        qtbot: QtBot, loaded: Session, tmp_path: Path) -> None:
    window, panel = loaded.window, loaded.window.panel
    first, second = visible_rows(window, Status.GREEN)[:2]
    full = stored_cpr(tmp_path / "workbench.db", first.case_id)
    pick(qtbot, loaded, first.case_id)
    assert first.cpr_masked in panel.facts.text() and full not in panel.facts.text()
    assert panel.reveal_button.text() == "Vis CPR-nr."
    assert reveals(tmp_path / "workbench.db") == []

    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.reveal.revealed)

    assert full in panel.facts.text()
    assert reveals(tmp_path / "workbench.db") == [(first.case_id, "AB")]
    assert all(row.cpr_masked.endswith("-xxxx") for row in visible_rows(window, Status.GREEN))

    pick(qtbot, loaded, second.case_id)
    assert not panel.reveal.revealed
    assert full not in panel.facts.text() and second.cpr_masked in panel.facts.text()
    assert panel.reveal_button.text() == "Vis CPR-nr."


def test_a_revealed_number_is_masked_again_after_a_while_or_on_request(
        qtbot: QtBot, loaded: Session, tmp_path: Path) -> None:
    panel = loaded.window.panel
    row = visible_rows(loaded.window, Status.AMBER)[0]
    full = stored_cpr(tmp_path / "workbench.db", row.case_id)
    pick(qtbot, loaded, row.case_id)
    assert panel.reveal_timer.interval() == 30_000
    panel.reveal_timer.setInterval(100)

    with qtbot.waitSignal(panel.reveal_timer.timeout, timeout=10_000):
        panel.reveal_button.click()  # the timer starts only once the number is shown
    assert not panel.reveal.revealed
    assert full not in panel.facts.text() and row.cpr_masked in panel.facts.text()

    panel.reveal_timer.setInterval(30_000)
    panel.reveal_button.click()
    qtbot.waitUntil(lambda: panel.reveal.revealed)
    assert panel.reveal_button.text() == "Skjul CPR-nr."
    panel.reveal_button.click()  # hide it at once
    assert not panel.reveal.revealed and full not in panel.facts.text()
    assert reveals(tmp_path / "workbench.db") == [(row.case_id, "AB")] * 2


def test_a_damaged_database_offers_its_latest_backup_and_restores_it(
        qtbot: QtBot, tmp_path: Path, state: QSettings, translations: Translations,
        demo_export: list[Path]) -> None:
    database = tmp_path / "workbench.db"
    with Workbench.open(database) as workbench:
        workbench.imports.import_files(demo_export, today=TODAY)  # backed up (empty) before
        workbench.imports.import_files(demo_export[:1], today=TODAY, force=True)  # backed up again
    newest = backups_of(database)[-1]
    database.write_bytes(b"not a database" * 512)

    session = start_session(arguments(database), state, translations, evening_clocks())
    qtbot.addWidget(session.window)
    try:
        wait_idle(qtbot, session.window)
        offer = session.window.shown.dialog
        assert isinstance(offer, QMessageBox) and offer.objectName() == "restore-offer"
        made = backup_time(newest)
        assert f"{made:%d-%m-%Y %H:%M}" in offer.text()

        offer.button(QMessageBox.StandardButton.Yes).click()
        # Restored, it starts as usual: who am I first (no initials in this database).
        qtbot.waitUntil(lambda: isinstance(session.window.shown.dialog, IdentityDialog))
        asked = session.window.shown.dialog
        assert isinstance(asked, IdentityDialog)
        asked.reject()
        # The demo's open cases, from the backup taken before the second import.
        qtbot.waitUntil(lambda: len(session.window.shown.cases) > DEMO_CASES * 0.9, timeout=20_000)
        wait_idle(qtbot, session.window)
        assert session.window.isVisible()
        kept = list(tmp_path.glob("workbench.db.corrupt-*"))
        assert [path.read_bytes() for path in kept] == [b"not a database" * 512]
    finally:
        session.close()
