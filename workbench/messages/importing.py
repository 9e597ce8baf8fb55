"""Messages of the import: refused files, rejected rows, case identity, CPR numbers, bounds.

None of them ever holds a full CPR number: a CPR appears masked (DDMMYY-xxxx) or not at all,
and a refused file is described by its name, its line and what was expected, never by the
data it holds.
"""

from workbench.messages import Text

TEXTS = {
    # --- files refused whole (exit 2, nothing changed) ---------------------------------
    "import.unreadable": Text(
        da="{file}: kan ikke læses ({reason})",
        en="{file}: cannot be read ({reason})",
    ),
    "import.empty_file": Text(
        da="{file}: filen er tom",
        en="{file}: the file is empty",
    ),
    "import.binary_file": Text(
        da="{file}: det er en binær fil, ikke et CSV- eller XLSX-udtræk",
        en="{file}: this is a binary file, not a CSV or XLSX export",
    ),
    "import.undecodable": Text(
        da="{file}: teksten kan ikke afkodes (hverken UTF-8 eller Windows-1252; "
           "byte 0x{byte} på position {position})",
        en="{file}: the text cannot be decoded (not UTF-8 or Windows-1252; "
           "byte 0x{byte} at position {position})",
    ),
    "import.csv_error": Text(
        da="{file}, linje {line}: filen kan ikke læses som CSV ({detail}); intet blev ændret",
        en="{file}, line {line}: the file cannot be read as CSV ({detail}); nothing was changed",
    ),
    "import.unterminated_quote": Text(
        da="{file}, linje {line}: et anførselstegn lukkes ikke, så rækken løber ind i de "
           "næste linjer; filen er beskadiget og blev ikke indlæst (intet blev ændret)",
        en="{file}, line {line}: a quote is never closed, so the row runs into the lines "
           "after it; the file is damaged and was not imported (nothing was changed)",
    ),
    "import.cut_short": Text(
        da="{file}, linje {line}: den sidste linje er afskåret (ingen linjeafslutning og "
           "{fields} af {expected} felter); filen er ufuldstændig og blev ikke indlæst "
           "(intet blev ændret)",
        en="{file}, line {line}: the last line is cut short (no line end and {fields} of "
           "{expected} fields); the file is incomplete and was not imported "
           "(nothing was changed)",
    ),
    "import.other_delimiter": Text(
        da="{file}, linje {line}: rækken er adskilt med '{delimiter}', mens filen bruger "
           "'{expected}'; filen er beskadiget og blev ikke indlæst (intet blev ændret)",
        en="{file}, line {line}: the row is separated by '{delimiter}' while the file uses "
           "'{expected}'; the file is damaged and was not imported (nothing was changed)",
    ),
    "import.too_many_fields": Text(
        da="{file}, linje {line}: rækken har {fields} felter, men overskriften {expected} "
           "(linjer løber sammen); filen er beskadiget og blev ikke indlæst "
           "(intet blev ændret)",
        en="{file}, line {line}: the row has {fields} fields but the header {expected} "
           "(lines run together); the file is damaged and was not imported "
           "(nothing was changed)",
    ),
    "import.not_a_workbook": Text(
        da="{file}: ikke en læsbar XLSX-projektmappe ({detail})",
        en="{file}: not a readable XLSX workbook ({detail})",
    ),
    "import.workbook_too_large": Text(
        da="{file}: projektmappen fylder {megabytes} MB udpakket (højst {limit} MB); "
           "den blev ikke læst",
        en="{file}: the workbook unpacks to {megabytes} MB (at most {limit} MB); "
           "it was not read",
    ),
    "import.sheet_too_large": Text(
        da="{file}: arket {sheet} spænder over {rows} rækker og {columns} kolonner "
           "(højst {limit} celler i alt); det ligner ikke et udtræk og blev ikke læst",
        en="{file}: the sheet {sheet} spans {rows} rows and {columns} columns "
           "(at most {limit} cells in all); it is no export and was not read",
    ),
    "import.no_data": Text(
        da="{file}: ikke et udtræk fra fagsystemet: filen har ingen data; forventet {expected}",
        en="{file}: not a central export: it holds no data; expected {expected}",
    ),
    "import.no_header": Text(
        da="{file}: ikke et udtræk fra fagsystemet: ingen af de første rækker er en "
           "overskrift; forventet {expected}",
        en="{file}: not a central export: none of its first rows is a header; "
           "expected {expected}",
    ),
    "import.no_sheet_header": Text(
        da="{file}: ikke et udtræk fra fagsystemet: intet ark har overskriften for "
           "{expected} (ark: {sheets})",
        en="{file}: not a central export: no sheet has the header of {expected} "
           "(sheets: {sheets})",
    ),
    "import.expected_tables": Text(
        da="en sagstabel ({cases}) eller en hændelsestabel ({events})",
        en="a cases table ({cases}) or an events table ({events})",
    ),
    "import.truncated": Text(
        da="sagsfilen ville afslutte {would_close} af {open_cases} åbne sager (mere end "
           "{percent} %); den ser afskåret ud, og intet blev indlæst (indlæs igen med "
           "--force, hvis afslutningerne er rigtige)",
        en="the cases file would close {would_close} of {open_cases} open cases (more than "
           "{percent}%); it looks truncated, nothing was imported (import again with "
           "--force if the closures are real)",
    ),
    # --- rejected rows (exit 3, the rest imports) --------------------------------------
    "import.row.empty": Text(
        da="er tom",
        en="is empty",
    ),
    "import.row.not_a_date": Text(
        da="er ikke en dato ({formats}): '{text}'",
        en="is not a date ({formats}): '{text}'",
    ),
    "import.row.not_an_excel_date": Text(
        da="er ikke en dato: {value}",
        en="is not a date: {value}",
    ),
    "import.row.date_out_of_range": Text(
        da="datoen {date} ligger uden for {earliest} … {latest}",
        en="the date {date} is outside {earliest} … {latest}",
    ),
    "import.row.too_long": Text(
        da="er {length} tegn lang (højst {limit})",
        en="is {length} characters long (at most {limit})",
    ),
    "import.row.invalid": Text(
        da="{problem}",
        en="{problem}",
    ),
    "import.row.duplicate_case_id": Text(
        da="Sags-ID '{case_id}' optræder to gange (første gang på linje {line} i {label})",
        en="duplicate Sags-ID '{case_id}' (first on line {line} of {label})",
    ),
    "import.row.unknown_case": Text(
        da="hændelse for ukendt sag '{case_id}' (hverken i sagsfilen eller i databasen)",
        en="event for unknown case '{case_id}' (not in the cases file or the database)",
    ),
    "import.row.cpr_changed": Text(
        da="{file}, række {row}: Sags-ID '{case_id}' tilhører en anden borger "
           "({stored} i databasen, {given} i filen); rækken er afvist, og sagen og dens "
           "lokale arbejde er uændret",
        en="{file}, row {row}: Sags-ID '{case_id}' belongs to another citizen "
           "({stored} in the database, {given} in the file); the row is rejected and the "
           "case and its local work are unchanged",
    ),
    # --- CPR numbers --------------------------------------------------------------------
    "cpr.wrong_shape": Text(
        da="CPR-nummeret skal være 10 cifre som DDMMÅÅ-SSSS, men har {length} tegn",
        en="CPR number must be 10 digits as DDMMYY-SSSS, got {length} characters",
    ),
    "cpr.not_a_date": Text(
        da="CPR-nummeret begynder ikke med en rigtig dato (DDMMÅÅ): {prefix}",
        en="CPR number does not start with a real date (DDMMYY): {prefix}",
    ),
    # --- dates a person or a file gives -------------------------------------------------
    "dates.out_of_range": Text(
        da="{what} {date} ligger uden for {earliest} … {latest}",
        en="{what} {date} is outside {earliest} … {latest}",
    ),
    "dates.too_late": Text(
        da="{what} {date} ligger for langt ude i fremtiden (uden for {earliest} … {latest})",
        en="{what} {date} is too far in the future (outside {earliest} … {latest})",
    ),
    "dates.received": Text(da="modtagelsesdatoen", en="the date received"),
    "dates.answered": Text(da="svardatoen", en="the reply date"),
    "dates.event": Text(da="hændelsesdatoen", en="the event date"),
    # --- the yearly closure days (site config and settings) ----------------------------
    "siteconfig.expected.month_days": Text(
        da='en liste af dage som ["06-05", "12-24", "12-31"] (MM-DD)',
        en='a list of days like ["06-05", "12-24", "12-31"] (MM-DD)',
    ),
    "settings.fixed_closure_days": Text(
        da="de faste lukkedage skal være dage som MM-DD, ikke {days}",
        en="the fixed closure days must be days as MM-DD, not {days}",
    ),
}
