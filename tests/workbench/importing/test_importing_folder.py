"""Which files of an export folder are an export."""

from __future__ import annotations

from pathlib import Path

from workbench.importing.folder import export_files_in


def test_csv_and_xlsx_files_of_any_case_by_name(tmp_path: Path) -> None:
    for name in ("sager.CSV", "haendelser.csv", "andet.Xlsx", "noter.txt", "gammel.xls"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "mappe.csv").mkdir()

    assert [path.name for path in export_files_in(tmp_path)] == [
        "andet.Xlsx", "haendelser.csv", "sager.CSV"]
