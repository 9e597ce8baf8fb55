"""LibreOffice opens the status workbook headless and converts it without error.

This is the "opens cleanly" check a test can make: LibreOffice's own import reads every
sheet, style, rule and the chart. ``python3 dev.py test`` installs LibreOffice Calc
(libreoffice-calc-nogui), so a missing LibreOffice fails here rather than skipping.
The workbook's figures do not depend on the database, so SQLite is enough here.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.reportdata import FORMULA_NAMES, TODAY, Store, store_fixture
from workbench.reports import write_status_report

#: Comma separated, UTF-8 (76), every sheet to its own file (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
TIMEOUT = 240


@pytest.fixture(scope="module", params=["sqlite"])
def store(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from store_fixture(request, tmp_path_factory)


@pytest.fixture(scope="module")
def workbook(store: Store) -> Path:
    return write_status_report(store.workbench, store.folder / "status.xlsx", TODAY).path


def soffice() -> str:
    """The LibreOffice executable; a failure, not a skip, when it is missing."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail("LibreOffice is not installed; `python3 dev.py test` installs it "
                    "(libreoffice-calc-nogui)", pytrace=False)
    return found


def convert(source: Path, target_format: str, out: Path, profile: Path) -> list[Path]:
    """Convert ``source`` headless with a private profile; the files LibreOffice wrote."""
    out.mkdir()
    result = subprocess.run(
        [soffice(), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", target_format, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    return sorted(out.iterdir())


def test_libreoffice_converts_the_workbook_to_pdf(workbook: Path, tmp_path: Path) -> None:
    written = convert(workbook, "pdf", tmp_path / "pdf", tmp_path / "lo")

    assert [path.name for path in written] == ["status.pdf"]
    content = written[0].read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 10_000


def pdf_tool(name: str) -> str:
    """A poppler tool; a failure, not a skip, when it is missing."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; `python3 dev.py test` installs it "
                    "(poppler-utils)", pytrace=False)
    return found


def test_the_printed_report_is_a4_across_with_headers_and_page_numbers(
        workbook: Path, tmp_path: Path) -> None:
    (pdf,) = convert(workbook, "pdf", tmp_path / "pdf", tmp_path / "lo")
    info = subprocess.run([pdf_tool("pdfinfo"), str(pdf)], capture_output=True, text=True,
                          check=True, timeout=TIMEOUT).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])  # type: ignore[index]
    assert "Page size:       841.89 x 595.3" in info  # A4, landscape
    text = subprocess.run([pdf_tool("pdftotext"), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout
    printed = text.split("\f")[:pages]
    assert len(printed) == pages > 7  # every sheet, the case list over several pages
    for number, page in enumerate(printed, start=1):
        assert "Status for teamleder – " in page, number
        assert "Alle teams" in page and "20-05-2026" in page, number
        assert "Fortroligt – indeholder personoplysninger" in page, number
        assert f"Side {number} af {pages}" in page, number
    # The header row is repeated on every page of the case list.
    case_pages = [page for page in printed if "Status for teamleder – Sager" in page]
    assert len(case_pages) > 1
    assert all("Sags-ID" in page and "Næste milepæl" in page for page in case_pages)


def test_libreoffice_reads_every_sheet_and_keeps_names_as_text(workbook: Path,
                                                               tmp_path: Path) -> None:
    written = convert(workbook, CSV_FILTER, tmp_path / "csv", tmp_path / "lo")

    sheets = {path.stem.removeprefix("status-"): path for path in written}
    assert set(sheets) == {"Overblik", "Sager", "Henvendelser", "Afslutninger", "Screening",
                           "Ugestatistik", "Stikprøve"}
    with sheets["Overblik"].open(encoding="utf-8") as stream:
        header = next(csv.reader(stream))
    assert header[:5] == ["Sagsbehandler", "Åbne sager", "Rød", "Gul", "Grøn"]
    with sheets["Sager"].open(encoding="utf-8") as stream:
        names = {row[1] for row in csv.reader(stream)}
    # Evaluated, "=1+1" would have become 2: LibreOffice read each one as text.
    assert set(FORMULA_NAMES) <= names
