"""What the team lead's report says when it cannot be written as asked."""

from workbench.messages import Text

TEXTS = {
    "report.unknown_team": Text(da="ingen åbne sager i teamet '{team}' (teams: {known})",
                                en="no open cases in team '{team}' (teams: {known})"),
    "report.not_xlsx": Text(
        da="rapporten er en Excel-arbejdsbog: angiv en .xlsx-fil, ikke '{path}'",
        en="the report is an Excel workbook: give a .xlsx file, not '{path}'",
    ),
    "report.no_folder": Text(da="mappen '{folder}' findes ikke",
                             en="the folder '{folder}' does not exist"),
    "report.cancelled": Text(da="rapporten blev afbrudt; ingen fil blev skrevet",
                             en="the report was cancelled; no file was written"),
    "report.written": Text(
        da="rapport: {path} ({open_cases} åbne sager: {red} røde, {amber} gule, {green} grønne; "
           "stikprøve til supervision på {sample_size}, frø {sample_seed})",
        en="report: {path} ({open_cases} open cases: {red} red, {amber} amber, {green} green; "
           "supervision sample of {sample_size}, seed {sample_seed})",
    ),
}
