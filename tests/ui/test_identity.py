"""Who am I: the morning summary says plainly when it has no caseload to count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.exports import cases, write_cases
from ui.i18n import Translations
from ui.jobs import DueNag, check_nags
from ui.nagbar import nag_text
from workbench.nags import Nag, NagKey, NagKind
from workbench.session import Workbench
from workbench.settings import Settings

MORNING = dt.datetime(2026, 11, 25, 9, 0)  # a Wednesday, in working hours


@pytest.mark.parametrize(("initials", "expected"), [("", ""), ("ZZ", "ZZ"), ("ABC", None)])
def test_the_digest_knows_whether_it_counted_a_caseload(
        tmp_path: Path, initials: str, expected: str | None) -> None:
    with Workbench.open(tmp_path / "workbench.db") as workbench:
        workbench.imports.import_files([write_cases(tmp_path / "sager.csv", cases(3))],
                                       today=MORNING.date())
        workbench.settings.save(Settings(my_initials=initials))
        [digest] = [due for due in check_nags(workbench, MORNING).nags
                    if due.nag.kind is NagKind.DIGEST]
    assert digest.no_caseload == expected
    if expected is None:
        assert digest.nag.red == 3  # the three cases started in January are overdue


def test_a_digest_without_a_caseload_says_so_instead_of_zero(
        translations: Translations) -> None:
    nag = Nag(NagKey(NagKind.DIGEST, "digest:2026-11-25"), urgent=False, red=0, amber=0)
    assert "enter your initials" in nag_text(DueNag(nag, no_caseload=""))
    assert nag_text(DueNag(nag, no_caseload="ZZ")).endswith("no open case has the "
                                                              "caseworker ZZ")
    translations.switch("da")
    assert "0 overskredet" not in nag_text(DueNag(nag, no_caseload=""))
    assert "initialer" in nag_text(DueNag(nag, no_caseload=""))
