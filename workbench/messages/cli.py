"""The command line's own words: its help, its progress lines and its usage errors.

Every command has a short help (``cli.command.NAME``, shown in the list of commands) and a
description (``cli.command.NAME.about``, shown by ``workbench NAME --help``); every argument
has a help (``cli.arg.*``). argparse formats them with ``%``: a literal per cent sign is
written ``%%`` here, and no text has braces.
"""

from workbench.messages import Text

_PARSER = {
    "cli.usage": Text(da="brug: ", en="usage: "),
    "cli.positionals": Text(da="argumenter", en="positional arguments"),
    "cli.options": Text(da="tilvalg", en="options"),
    "cli.help": Text(da="vis denne hjælp og stop", en="show this help message and exit"),
    "cli.version": Text(da="vis versionen og stop", en="show the version and exit"),
    "cli.description": Text(
        da="Caseworker Workbench på kommandolinjen: de samme frister og tal som i vinduet. "
           "`workbench KOMMANDO --help` forklarer en kommando; `workbench --self-test` "
           "tjekker en installation.",
        en="Caseworker Workbench on the command line: the same deadlines and numbers as the "
           "window. `workbench COMMAND --help` explains a command; `workbench --self-test` "
           "checks an installation.",
    ),
    "cli.commands": Text(da="hvad der skal gøres", en="what to do"),
    "cli.actions": Text(da="handlingen", en="the action"),
    "cli.metavar.command": Text(da="KOMMANDO", en="COMMAND"),
    "cli.metavar.action": Text(da="HANDLING", en="ACTION"),
    "cli.metavar.date": Text(da="ÅÅÅÅ-MM-DD", en="YYYY-MM-DD"),
    "cli.metavar.moment": Text(da="TIDSPUNKT", en="TIME"),
    "cli.metavar.db": Text(da="STI_ELLER_URL", en="PATH_OR_URL"),
    "cli.metavar.profile": Text(da="PROFIL", en="PROFILE"),
    "cli.metavar.kind": Text(da="ART", en="KIND"),
    "cli.metavar.cases": Text(da="ANTAL", en="COUNT"),
    "cli.metavar.seed": Text(da="FRØ", en="SEED"),
    "cli.metavar.INITIALS": Text(da="INITIALER", en="INITIALS"),
    "cli.metavar.DIR": Text(da="MAPPE", en="DIR"),
    "cli.metavar.FILE": Text(da="FIL", en="FILE"),
    "cli.metavar.FILE.xlsx": Text(da="FIL.xlsx", en="FILE.xlsx"),
    "cli.metavar.FILE.toml": Text(da="FIL.toml", en="FILE.toml"),
    "cli.metavar.CASE_ID": Text(da="SAGS_ID", en="CASE_ID"),
    "cli.error": Text(da="fejl: {message}", en="error: {message}"),
    "cli.argparse.invalid_choice": Text(
        da="argument {argument}: ugyldigt valg: {value} (vælg mellem {choices})",
        en="argument {argument}: invalid choice: {value} (choose from {choices})",
    ),
    "cli.argparse.required": Text(da="disse argumenter mangler: {arguments}",
                                  en="the following arguments are required: {arguments}"),
    "cli.argparse.unrecognized": Text(da="ukendte argumenter: {arguments}",
                                      en="unrecognized arguments: {arguments}"),
    "cli.argparse.expected_one": Text(da="argument {argument}: mangler en værdi",
                                      en="argument {argument}: expected one argument"),
    "cli.argparse.invalid_value": Text(da="argument {argument}: ugyldig værdi ({type}): {value}",
                                       en="argument {argument}: invalid {type} value: {value}"),
    "cli.argparse.not_allowed_with": Text(
        da="argument {argument}: kan ikke bruges sammen med argument {other}",
        en="argument {argument}: not allowed with argument {other}",
    ),
    "cli.argparse.one_required": Text(da="et af argumenterne {arguments} skal angives",
                                      en="one of the arguments {arguments} is required"),
    "cli.not_a_date": Text(da="ikke en dato som ÅÅÅÅ-MM-DD: {text}",
                           en="not a date as YYYY-MM-DD: {text}"),
    "cli.not_an_id": Text(da="ikke et id (et helt tal fra 1 til {largest}): {text}",
                          en="not an id (a whole number from 1 to {largest}): {text}"),
    "cli.not_a_moment": Text(da="ikke et tidspunkt som 2026-11-24T08:00: {text}",
                             en="not a time as 2026-11-24T08:00: {text}"),
    "cli.rules.unverified": Text(da="ikke juridisk verificeret", en="not legally verified"),
    "cli.progress.import": Text(da="import: trin {done} af {total}",
                                en="import: step {done} of {total}"),
    "cli.progress.report": Text(da="rapport: trin {done} af {total}",
                                en="report: step {done} of {total}"),
    "cli.restore.not_sqlite": Text(
        da="kun en SQLite-databasefil har sikkerhedskopier her; en PostgreSQL-database "
           "gendannes af den, der driver serveren",
        en="only a SQLite database file has backups here; a PostgreSQL database is restored "
           "by whoever runs the server",
    ),
    "cli.restore.no_backup": Text(da="ingen intakt sikkerhedskopi af {database} i {folder}",
                                  en="no intact backup of {database} in {folder}"),
}

_ARGUMENTS = {
    "cli.arg.db": Text(
        da="databasens sti eller URL (ellers WORKBENCH_DB, ellers brugerens datamappe)",
        en="database path or URL (else WORKBENCH_DB, else the per-user data folder)",
    ),
    "cli.arg.language": Text(
        da="sprog for hjælp og meddelelser: da eller en (ellers WORKBENCH_LANGUAGE, ellers "
           "databasens indstilling, ellers dansk)",
        en="language of help and messages: da or en (else WORKBENCH_LANGUAGE, else the "
           "database's setting, else Danish)",
    ),
    "cli.arg.format": Text(
        da="table: justerede kolonner; csv: komma; excel-csv: semikolon og BOM, til dansk "
           "Excel; json",
        en="table: aligned columns; csv: commas; excel-csv: semicolons and a BOM, for Danish "
           "Excel; json",
    ),
    "cli.arg.today": Text(da="dagen der regnes fra, ÅÅÅÅ-MM-DD (standard: i dag)",
                          en="the day to count from, YYYY-MM-DD (default: today)"),
    "cli.arg.caseworker": Text(da="kun denne sagsbehandlers sager (initialer)",
                               en="only this caseworker's cases (initials)"),
    "cli.arg.team": Text(da="kun dette teams sager", en="only this team's cases"),
    "cli.arg.by": Text(
        da="hvem der registrerer (initialer; standard: indstillingerne, ellers login-navnet)",
        en="who registers it (initials; default: the settings, else the login name)",
    ),
    "cli.arg.case_id": Text(da="sagens Sags-ID, fx 2026-000042",
                            en="the case's Sags-ID, e.g. 2026-000042"),
    "cli.arg.channel": Text(da="telefon (phone) eller skriftlig (mail)",
                            en="phone or written (mail)"),
    "cli.arg.received": Text(da="dagen henvendelsen kom, ÅÅÅÅ-MM-DD",
                             en="the day the inquiry came, YYYY-MM-DD"),
    "cli.arg.profile": Text(
        da="regelprofilens navn, resources/rules/NAVN.toml (standard: databasens profil)",
        en="the rule profile's name, resources/rules/NAME.toml (default: the database's "
           "profile)",
    ),
    "cli.arg.files": Text(da="udtræksfilerne fra det centrale sagssystem (CSV eller XLSX)",
                          en="the export files from the central case system (CSV or XLSX)"),
    "cli.arg.import_today": Text(da="udtrækkets dato, ÅÅÅÅ-MM-DD (standard: i dag)",
                                 en="the export's date, YYYY-MM-DD (default: today)"),
    "cli.arg.force": Text(
        da="importér et øjebliksbillede, selv om det lukker mange sager",
        en="import a snapshot even if it closes many cases",
    ),
    "cli.arg.dry_run": Text(da="vis hvad importen ville gøre, og ændr intet",
                            en="show what the import would do and change nothing"),
    "cli.arg.mapping_file": Text(da="mappingfilen der skal tjekkes",
                                 en="the mapping file to check"),
    "cli.arg.kind": Text(da="hændelsens art: samtale, fællessamtale, screening …",
                         en="the event's kind: samtale, fællessamtale, screening, …"),
    "cli.arg.event_date": Text(da="hændelsens dato, ÅÅÅÅ-MM-DD",
                               en="the event's date, YYYY-MM-DD"),
    "cli.arg.inquiry_id": Text(da="henvendelsens id (som inquiry add skrev)",
                               en="the inquiry's id (as inquiry add printed it)"),
    "cli.arg.answered": Text(da="dagen der blev svaret, ÅÅÅÅ-MM-DD",
                             en="the day of the reply, YYYY-MM-DD"),
    "cli.arg.all": Text(da="også de besvarede", en="answered ones too"),
    "cli.arg.export_out": Text(da="mappen udtrækket skrives i",
                               en="the folder to write the export to"),
    "cli.arg.cases": Text(da="antal sager (standard: %(default)s)",
                          en="how many cases (default: %(default)s)"),
    "cli.arg.seed": Text(
        da="frø til tilfældighederne: samme frø giver samme data (standard: %(default)s)",
        en="seed of the randomness: the same seed gives the same data "
           "(default: %(default)s)",
    ),
    "cli.arg.export_format": Text(da="filformat for udtrækket (standard: %(default)s)",
                                  en="file format of the export (default: %(default)s)"),
    "cli.arg.demo_dir": Text(da="mappen til demo-databasen og dens udtræk",
                             en="the folder for the demo database and its export"),
    "cli.arg.now": Text(da="lokal tid som 2026-11-24T08:00 (standard: nu)",
                        en="local time as 2026-11-24T08:00 (default: now)"),
    "cli.arg.peek": Text(da="vis hvad der er aktuelt uden at notere det som vist",
                         en="show what is due without recording it as shown"),
    "cli.arg.report_out": Text(da="arbejdsbogen der skrives (.xlsx)",
                               en="the workbook to write (.xlsx)"),
    "cli.arg.report_team": Text(da="kun dette team (standard: alle)",
                                en="only this team (default: everyone)"),
    "cli.arg.include_cpr": Text(da="fulde CPR-numre i stedet for DDMMÅÅ-xxxx (logges)",
                                en="full CPR numbers instead of DDMMYY-xxxx (audited)"),
    "cli.arg.since": Text(da="fra og med denne dag (ÅÅÅÅ-MM-DD, UTC)",
                          en="from this day on (YYYY-MM-DD, UTC)"),
    "cli.arg.latest": Text(da="den nyeste intakte sikkerhedskopi",
                           en="the newest intact backup"),
    "cli.arg.backup_file": Text(da="en bestemt sikkerhedskopi", en="a particular backup file"),
    "cli.arg.me": Text(da="dine initialer", en="your initials"),
    "cli.arg.members": Text(da="alle medlemmers initialer, dine egne med",
                            en="every member's initials, yours included"),
    "cli.arg.folder": Text(da="en delt mappe (et SMB-share)", en="a shared folder (an SMB share)"),
    "cli.arg.server": Text(da="en PostgreSQL-hub: postgresql://…",
                           en="a PostgreSQL hub: postgresql://…"),
}

_COMMANDS = {
    "cli.command.deadline": Text(da="svarfristen for en borgers henvendelse",
                                 en="the reply deadline of a citizen's inquiry"),
    "cli.command.deadline.about": Text(
        da="Skriver svarfristen for en henvendelse: 2 arbejdsdage efter en telefonisk, 10 "
           "efter en skriftlig, efter den danske arbejdsdagskalender.",
        en="Prints the reply deadline of an inquiry: 2 working days after a phone call, 10 "
           "after a written one, on the Danish working-day calendar.",
    ),
    "cli.command.rules": Text(da="reglerne i en regelprofil", en="the rules of a rule profile"),
    "cli.command.rules.about": Text(
        da="Viser hver regel i en regelprofil: id, ordning, titel og lovhenvisning.",
        en="Lists every rule of a rule profile: id, scheme, title and legal reference.",
    ),
    "cli.command.import": Text(da="importér udtræk fra det centrale sagssystem",
                               en="import the central case system's export files"),
    "cli.command.import.about": Text(
        da="Bringer databasen på linje med udtrækket i én transaktion og skriver, hvad der "
           "ændrede sig. Afviste rækker gives exitkode 3; et udtræk der ikke kan læses, "
           "ændrer intet (exitkode 2). Ctrl+C afbryder uden at ændre noget.",
        en="Brings the database in line with the export in one transaction and prints what "
           "changed. Rejected rows give exit code 3; an export that cannot be read changes "
           "nothing (exit code 2). Ctrl+C stops without changing anything.",
    ),
    "cli.command.mapping": Text(da="mappingfilerne til andre udtræk",
                                en="the mapping files for other exports"),
    "cli.command.mapping.about": Text(
        da="Mappingfiler oversætter andre systemers udtræk (kolonner og værdier) til "
           "arbejdsbænkens: check tjekker en fil, list viser dem der gælder.",
        en="Mapping files translate other systems' exports (columns and values) into the "
           "workbench's: check checks one file, list shows those in force.",
    ),
    "cli.command.mapping.check": Text(da="tjek én mappingfil", en="check one mapping file"),
    "cli.command.mapping.check.about": Text(
        da="Tjekker én mappingfil og dens konflikter med filerne der gælder; exitkode 2 "
           "ved fejl eller konflikt.",
        en="Checks one mapping file and its conflicts with the files in force; exit code 2 "
           "on an error or a conflict.",
    ),
    "cli.command.mapping.list": Text(da="mappingfilerne der gælder, og hvor de ligger",
                                     en="the mapping files in force and where they live"),
    "cli.command.mapping.list.about": Text(
        da="Viser mappingfilerne der gælder, hvor hver ligger, og eventuelle konflikter; "
           "exitkode 2 ved en konflikt.",
        en="Lists the mapping files in force, where each lives, and any conflict; exit code "
           "2 on a conflict.",
    ),
    "cli.command.status": Text(da="rød / gul / grøn for hver åben sag",
                               en="red / amber / green of every open case"),
    "cli.command.status.about": Text(
        da="Én række pr. åben sag: status, næste frist og den milepæl, der afgør den.",
        en="One row per open case: its status, next due date and the deciding milestone.",
    ),
    "cli.command.register": Text(da="registrér en lokal hændelse på en sag",
                                 en="record a local event on a case"),
    "cli.command.register.about": Text(
        da="Registrerer en hændelse (fx en samtale) på en sag og skriver dens id.",
        en="Records an event (a conversation, say) on a case and prints its id.",
    ),
    "cli.command.inquiry": Text(da="registrér eller besvar en borgers henvendelse",
                                en="record or answer a citizen's inquiry"),
    "cli.command.inquiry.about": Text(
        da="Borgeres henvendelser: add registrerer en, answer registrerer svaret.",
        en="Citizens' inquiries: add records one, answer registers the reply.",
    ),
    "cli.command.inquiry.add": Text(da="registrér en henvendelse; skriver dens id",
                                    en="record an inquiry; prints its id"),
    "cli.command.inquiry.add.about": Text(
        da="Registrerer en borgers henvendelse på en sag og skriver dens id.",
        en="Records a citizen's inquiry on a case and prints its id.",
    ),
    "cli.command.inquiry.answer": Text(da="registrér svaret på en henvendelse",
                                       en="register the reply to an inquiry"),
    "cli.command.inquiry.answer.about": Text(
        da="Registrerer, at en henvendelse er besvaret, og hvilken dag.",
        en="Registers that an inquiry was answered, and on which day.",
    ),
    "cli.command.inquiries": Text(da="henvendelser der venter på svar",
                                  en="inquiries still to answer"),
    "cli.command.inquiries.about": Text(
        da="Henvendelserne der venter på svar (alle med --all), den tidligste frist først.",
        en="The inquiries still to answer (all with --all), soonest due first.",
    ),
    "cli.command.demo-export": Text(da="skriv et opdigtet udtræk",
                                    en="write a synthetic central export"),
    "cli.command.demo-export.about": Text(
        da="Skriver et opdigtet udtræk (sager og hændelser) at prøve ting på, og filernes "
           "stier. Ingen rigtige personer.",
        en="Writes a synthetic export (cases and events) to try things on, and prints the "
           "files' paths. No real persons.",
    ),
    "cli.command.demo": Text(da="åbn en demo-database (opret den første gang)",
                             en="open (creating if need be) a demo database"),
    "cli.command.demo.about": Text(
        da="Opretter første gang en demo-database ud fra et opdigtet udtræk og skriver "
           "dens status pr. sagsbehandler.",
        en="Creates a demo database from a synthetic export the first time and prints its "
           "status per caseworker.",
    ),
    "cli.command.nags": Text(da="påmindelserne der er aktuelle nu (eller ved --now)",
                             en="the reminders due now (or at --now)"),
    "cli.command.nags.about": Text(
        da="Påmindelserne der er aktuelle på et tidspunkt; de noteres som vist, som i "
           "vinduet, medmindre --peek.",
        en="The reminders due at a moment; they are recorded as shown, as the window does, "
           "unless --peek.",
    ),
    "cli.command.report": Text(da="teamlederens statusarbejdsbog (.xlsx)",
                               en="the team lead's status workbook (.xlsx)"),
    "cli.command.report.about": Text(
        da="Skriver teamlederens status i Excel: overblik, sager, henvendelser, "
           "afslutninger, screening, ugestatistik og stikprøve. Rapporten logges.",
        en="Writes the team lead's status in Excel: overview, cases, inquiries, closures, "
           "screening, weekly figures and sample. The report is audited.",
    ),
    "cli.command.encrypt": Text(
        da="kryptér databasen med SQLCipher, nøglen i din nøglering (luk programmet først)",
        en="encrypt the database with SQLCipher, the key in your keyring (close the app "
           "first)",
    ),
    "cli.command.encrypt.about": Text(
        da="Krypterer en ukrypteret SQLite-database på stedet; nøglen gemmes i brugerens "
           "nøglering (Windows: Legitimationsstyring).",
        en="Encrypts a plain SQLite database in place; its key is kept in the user's "
           "keyring (Windows: Credential Manager).",
    ),
    "cli.command.audit": Text(da="hvem der så, importerede eller eksporterede persondata",
                              en="who revealed, imported or exported personal data"),
    "cli.command.audit.about": Text(
        da="Revisionsloggen: hvem der så et CPR-nummer, importerede eller eksporterede, "
           "og hvornår.",
        en="The audit log: who revealed a CPR number, imported or exported, and when.",
    ),
    "cli.command.restore-backup": Text(
        da="erstat databasen med en sikkerhedskopi (den gamle fil gemmes som "
           ".corrupt-<tid>)",
        en="replace the database with a backup (the old file is kept aside as "
           ".corrupt-<time>)",
    ),
    "cli.command.restore-backup.about": Text(
        da="Sætter en sikkerhedskopi i stedet for en beskadiget SQLite-database; den gamle "
           "fil lægges til side.",
        en="Puts a backup in place of a damaged SQLite database; the old file is kept "
           "aside.",
    ),
    "cli.command.team": Text(da="del lokalt arbejde med et miniteam",
                             en="share local work with a mini-team"),
    "cli.command.team.about": Text(
        da="Miniteams: join melder sig ind, sync sender og modtager, status viser hvad der "
           "venter.",
        en="Mini-teams: join joins one, sync sends and receives, status shows what waits.",
    ),
    "cli.command.team.join": Text(da="meld dig ind i et team via en delt mappe eller en server",
                                  en="join a team over a shared folder or a server"),
    "cli.command.team.join.about": Text(
        da="Melder dig ind i et team. Uden --folder og --server bruges IT's team_folder "
           "eller team_server.",
        en="Joins a team. Without --folder and --server IT's team_folder or team_server is "
           "used.",
    ),
    "cli.command.team.sync": Text(da="send lokalt arbejde, modtag teamets",
                                  en="send local work, receive the team's"),
    "cli.command.team.sync.about": Text(
        da="Synkroniserer med teamet og skriver, hvad der blev sendt og modtaget.",
        en="Syncs with the team and prints what was sent and received.",
    ),
    "cli.command.team.status": Text(da="teamet, seneste synkronisering, hvad der venter",
                                    en="the team, the last sync, what waits"),
    "cli.command.team.status.about": Text(
        da="Viser dig, medlemmerne, forbindelsen, seneste synkronisering og hvad der venter "
           "på at blive sendt eller anvendt.",
        en="Shows you, the members, the transport, the last sync and what waits to be sent "
           "or applied.",
    ),
}

TEXTS = {**_PARSER, **_ARGUMENTS, **_COMMANDS}
