"""Reading export files and rows, without a database: encodings, headers, mappings, fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.exports import CASE_HEADER, Case, write_cases, write_table
from workbench.importing import reading
from workbench.importing.importer import read_cases, recognise_tables
from workbench.importing.mapping import (
    CANONICAL,
    MappingError,
    TableKind,
    bundled_mappings,
    parse_mapping,
    recognise,
)
from workbench.importing.reading import detect_delimiter, read_export_file
from workbench.importing.rows import CaseRecord, FieldError, RowReader, parse_date_text


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English: the assertions of this module read them so."""
    monkeypatch.setenv("WORKBENCH_LANGUAGE", "en")


def cases_of(path: Path) -> tuple[dict[str, CaseRecord], list[tuple[int, str | None, str]]]:
    tables = recognise_tables([read_export_file(path)], bundled_mappings())
    batch = read_cases(tables)
    rejected = [(r.line, r.field, r.reason) for r in batch.rejected]
    return dict(batch.records), rejected


@pytest.mark.parametrize(("line", "expected"), [
    ("a;b;c", ";"), ("a,b,c", ","), ("a\tb\tc", "\t"), ("Navn, fornavn;CPR;Dato", ";"),
])
def test_the_delimiter_is_the_one_that_splits_the_header(line: str, expected: str) -> None:
    assert detect_delimiter([line]) == expected


def test_a_title_above_the_header_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sager.csv"
    path.write_text("Udtræk af sager 10.03.2026\n\n" + ";".join(CASE_HEADER) + "\n"
                    + ";".join(Case("S1").cells()) + "\n", encoding="utf-8")

    records, rejected = cases_of(path)

    assert list(records) == ["S1"] and rejected == []


def test_quoted_fields_may_hold_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "sager.csv"
    path.write_text(";".join(CASE_HEADER) + "\n"
                    'S1;010190-1234;"Jensen; Anne";SDP;ABC;Nord;2026-01-05;\n', encoding="utf-8")

    records, _ = cases_of(path)

    assert records["S1"].case.name == "Jensen; Anne"


def test_spaces_around_fields_are_ignored(tmp_path: Path) -> None:
    row = Case(" S1 ", cpr=" 010190-1234 ", scheme=" SDP ", start=" 2026-01-05 ")
    records, rejected = cases_of(write_cases(tmp_path / "a.csv", [row, row.but(case_id="S2")]))

    assert rejected == [] and set(records) == {"S1", "S2"}
    assert records["S1"].case.cpr == "0101901234"


def test_the_leap_day_is_checked_for_every_century(tmp_path: Path) -> None:
    # 29 Feb 2000 exists (7th digit 4, YY 00: 2000); 29 Feb 1900 does not (7th digit 0).
    rows = [Case("S1", cpr="290200-4123"), Case("S2", cpr="290200-0123"),
            Case("S3", cpr="150590-1234"), Case("S4", cpr="150590-1299")]

    records, rejected = cases_of(write_cases(tmp_path / "a.csv", rows))

    assert set(records) == {"S1", "S3", "S4"}
    assert rejected == [(3, "CPR", "CPR number does not start with a real date (DDMMYY): 290200")]


def test_a_bad_row_after_good_ones_is_still_rejected(tmp_path: Path) -> None:
    """The fast path must not wave a bad row through because its neighbours were fine."""
    good = [Case(f"S{n}") for n in range(5)]
    bad = [Case("B1", start="2026-02-30"), Case("B2", scheme="pension"),
           Case("B3", cpr="0101901234x"), Case("B4", closed="i går"), Case("B5", name=" ")]

    records, rejected = cases_of(write_cases(tmp_path / "a.csv", [*good, *bad, *good[:1]]))

    assert set(records) == {f"S{n}" for n in range(5)}
    assert [field for _, field, _ in rejected] == [
        "Startdato", "Ordning", "CPR", "Afsluttet", "Navn", "Sags-ID"]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-22", dt.date(2026, 11, 22)), ("22-11-2026", dt.date(2026, 11, 22)),
    ("22.11.2026", dt.date(2026, 11, 22)), ("22/11/2026", dt.date(2026, 11, 22)),
    ("1.2.2026", dt.date(2026, 2, 1)),
])
def test_dates_in_every_accepted_form(text: str, expected: dt.date) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["22-11.2026", "2026/11/22", "22.11.26", "31.04.2026",
                                  "i dag", "20261122"])
def test_other_date_forms_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date_text(text)


def test_a_row_reader_names_the_field_as_headed_in_the_file() -> None:
    header = ("Sagsnummer", "Dato", "Aktivitet")
    recognised = recognise(header, bundled_mappings())
    assert recognised is not None and recognised.kind is TableKind.EVENTS
    reader = RowReader(header, recognised.columns, "akt.csv")

    with pytest.raises(FieldError) as error:
        reader.event_record(2, ["77", "2026-02-01", "kaffe"])

    assert error.value.field == "Aktivitet"


def test_the_canonical_headings_win_over_mappings() -> None:
    recognised = recognise(CASE_HEADER, bundled_mappings())
    assert recognised is not None and recognised.mapping == CANONICAL.name


def test_the_shipped_mapping_reads_both_start_headings() -> None:
    base = ("Sagsnummer", "Personnummer", "Borger", "Ydelse", "Medarbejder")
    for start in ("1. fraværsdag", "Startdato"):
        recognised = recognise((*base, start, "Slutdato"), bundled_mappings())
        assert recognised is not None and recognised.mapping == "sagsnummer"
        assert recognised.kind is TableKind.CASES and recognised.columns["Startdato"] == 5


@pytest.mark.parametrize(("text", "message"), [
    ("title = 'x'", "needs a [columns] table, [values.\"<field>\"] tables or both"),
    ("[columns]\n'Sagsnr' = ['Sagsnummer']", "[columns], key 'Sagsnr': unknown field"),
    ("[columns]\n'CPR' = 'Personnummer'", "[columns], key 'CPR': must be a list of texts"),
    ("[columns\n", "not valid TOML"),
])
def test_a_malformed_mapping_file_is_refused_with_its_name(text: str, message: str) -> None:
    with pytest.raises(MappingError) as error:
        parse_mapping(text, "resources/mappings/bad.toml")
    assert message in error.value.in_language("en")
    assert str(error.value).startswith("resources/mappings/bad.toml: ")


def test_every_shipped_mapping_file_loads() -> None:
    names = [mapping.name for mapping in bundled_mappings()]
    assert names[0] == "canonical" and "sagsnummer" in names


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    path = write_table(tmp_path / "a.csv", CASE_HEADER, [Case("S1", name="Åse Ørum").cells()],
                       encoding="cp1252")
    records, _ = cases_of(path)
    assert records["S1"].case.name == "Åse Ørum"


# --- the extent of a sheet, read before calamine allocates it ----------------------------

_CELL_SPELLINGS = st.sampled_from([
    '<c r="{ref}" t="s"><v>1</v></c>',   # the common spelling
    '<c t="s" r="{ref}"><v>1</v></c>',   # the reference not first
    '<c><v>1</v></c>',                   # no reference: placed by its order in the row
    '<c r="{ref}" t="inlineStr"><is><r><rPr><color rgb="FF0000"/></rPr><t>x</t></r></is></c>',
])


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@st.composite
def _sheets(draw: st.DrawFn) -> bytes:
    """Sheet XML of a few rows, each cell spelled one of the ways a workbook may spell it."""
    rows = []
    for row_number in draw(st.lists(st.integers(1, 2_000_000), min_size=1, max_size=6,
                                    unique=True).map(sorted)):
        columns = draw(st.lists(st.integers(1, 800), min_size=1, max_size=5,
                                unique=True).map(sorted))
        cells = "".join(draw(_CELL_SPELLINGS).format(ref=f"{_column_letters(column)}{row_number}")
                        for column in columns)
        rows.append(f'<row r="{row_number}">{cells}</row>')
    return (f'<worksheet><cols><col min="1" max="2"/></cols><sheetData>{"".join(rows)}'
            f'</sheetData></worksheet>').encode()


@settings(max_examples=300, deadline=None)
@given(_sheets())
def test_the_fast_extent_refuses_exactly_the_sheets_the_general_one_refuses(
        xml: bytes) -> None:
    """The literal searches skip row numbers too short to matter, never a refusal."""
    def too_large(extent: tuple[int, int]) -> bool:
        rows, columns = extent
        return rows * max(columns, 1) > reading.MAX_SHEET_CELLS

    assert too_large(reading._extent_fast(xml)) == too_large(reading._extent_slowly(xml))
    assert reading._extent_fast(xml)[1] == reading._extent_slowly(xml)[1]


def test_a_sheet_of_referenced_cells_takes_the_short_way() -> None:
    common = b'<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"/></row></sheetData>'
    assert reading._every_cell_referenced_first(common)
    assert reading._extent_fast(common) == (1, 3)
    coloured = common.replace(b"<v>1</v>", b"<is><r><rPr><color/></rPr></r></is>")
    assert not reading._every_cell_referenced_first(coloured)
    assert reading._extent_fast(coloured) == (1, 3)
    unreferenced = b'<sheetData><row r="1"><c r="A1"/><c/><c/></row></sheetData>'
    assert not reading._every_cell_referenced_first(unreferenced)
    assert reading._extent_fast(unreferenced) == reading._extent_slowly(unreferenced) == (1, 3)
