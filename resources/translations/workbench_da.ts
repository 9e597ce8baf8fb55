<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Caseworker Workbench</source>
            <extracomment>The libraries the bundle is built from (pyproject.toml: core, gui, encryption). Licence texts not in a library's metadata, by SPDX id (files in resources/licences).</extracomment>
            <translation>Om Caseworker Workbench</translation>
        </message>
        <message>
            <source>Bundled libraries</source>
            <translation>Medfølgende biblioteker</translation>
        </message>
        <message>
            <source>Licence text</source>
            <translation>Licenstekst</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Rule profile:</source>
            <translation>Regelprofil:</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>Database:</translation>
        </message>
        <message>
            <source>&lt;b&gt;Caseworker Workbench&lt;/b&gt; %1 — follow-up deadlines, inquiries and team status for jobcenter caseworkers.</source>
            <translation>&lt;b&gt;Caseworker Workbench&lt;/b&gt; %1 — opfølgningsfrister, henvendelser og teamstatus for jobcentrets sagsbehandlere.</translation>
        </message>
        <message>
            <source>Built with these libraries (select one for its licence):</source>
            <translation>Bygget med disse biblioteker (vælg et for at se dets licens):</translation>
        </message>
        <message>
            <source>No licence text is shipped with this library.</source>
            <translation>Der følger ingen licenstekst med dette bibliotek.</translation>
        </message>
    </context>
    <context>
        <name>AccessibleNames</name>
        <message>
            <source>Cases whose follow-up deadline has passed, the most overdue first. Enter opens the case.</source>
            <translation>Sager hvis opfølgningsfrist er overskredet, den mest overskredne først. Enter åbner sagen.</translation>
        </message>
        <message>
            <source>Cases whose follow-up deadline falls soon, the soonest first. Enter opens the case.</source>
            <translation>Sager hvis opfølgningsfrist falder snart, den første først. Enter åbner sagen.</translation>
        </message>
        <message>
            <source>Cases on time. Enter opens the case.</source>
            <translation>Rettidige sager. Enter åbner sagen.</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n case(s)</source>
            <translation>
                <numerusform>%1, %n sag</numerusform>
                <numerusform>%1, %n sager</numerusform>
            </translation>
        </message>
        <message>
            <source>Search the cases</source>
            <translation>Søg i sagerne</translation>
        </message>
        <message>
            <source>Citizens' inquiries</source>
            <translation>Borgernes henvendelser</translation>
        </message>
        <message>
            <source>Inquiries with their reply deadlines, overdue first.</source>
            <translation>Henvendelser med svarfrister, overskredne først.</translation>
        </message>
        <message>
            <source>Case panel</source>
            <translation>Sagspanel</translation>
        </message>
        <message>
            <source>The selected case: facts, deadlines, events, notes and inquiries.</source>
            <translation>Den valgte sag: fakta, frister, hændelser, noter og henvendelser.</translation>
        </message>
        <message>
            <source>Deadlines of the case</source>
            <translation>Sagens frister</translation>
        </message>
        <message>
            <source>Events of the case</source>
            <translation>Sagens hændelser</translation>
        </message>
        <message>
            <source>Notes on the case</source>
            <translation>Noter på sagen</translation>
        </message>
        <message>
            <source>Inquiries on the case</source>
            <translation>Henvendelser på sagen</translation>
        </message>
        <message>
            <source>Conflicting changes on the case</source>
            <translation>Samtidige ændringer på sagen</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <source>Unsaved note</source>
            <extracomment>What undoing changes (what the change itself changed).</extracomment>
            <translation>Note ikke gemt</translation>
        </message>
        <message>
            <source>The note you wrote on %1 is not saved.</source>
            <translation>Noten, du skrev på %1, er ikke gemt.</translation>
        </message>
        <message>
            <source>Save it on that case, discard it, or stay on that case?</source>
            <translation>Gem den på den sag, kassér den, eller bliv på sagen?</translation>
        </message>
        <message>
            <source>&amp;Save on %1</source>
            <translation>&amp;Gem på %1</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Kassér</translation>
        </message>
        <message>
            <source>S&amp;tay</source>
            <translation>&amp;Bliv</translation>
        </message>
        <message>
            <source>Undone</source>
            <translation>Fortrudt</translation>
        </message>
        <message>
            <source>Undo registering %1</source>
            <translation>Fortryd registrering af %1</translation>
        </message>
        <message>
            <source>Undo adding the note</source>
            <translation>Fortryd den nye note</translation>
        </message>
        <message>
            <source>Undo the withdrawal</source>
            <translation>Fortryd tilbagekaldelsen</translation>
        </message>
        <message>
            <source>Undo editing the note</source>
            <translation>Fortryd rettelsen af noten</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>Slet note</translation>
        </message>
        <message>
            <source>Delete this note? Its text stays in the case's history for the team.</source>
            <translation>Slet denne note? Teksten bliver i sagens historik for teamet.</translation>
        </message>
        <message>
            <source>Undo deleting the note</source>
            <translation>Fortryd sletningen af noten</translation>
        </message>
        <message>
            <source>Cancel a cover</source>
            <translation>Annullér en dækning</translation>
        </message>
        <message>
            <source>Whose cover ends now?</source>
            <translation>Hvis dækning slutter nu?</translation>
        </message>
        <message>
            <source>Undo cancelling the cover</source>
            <translation>Fortryd annulleringen af dækningen</translation>
        </message>
    </context>
    <context>
        <name>CaseListSection</name>
        <message>
            <source>No case in this list matches the search or the filter.</source>
            <translation>Ingen sag på denne liste passer til søgningen eller filteret.</translation>
        </message>
        <message>
            <source>No open case is in this list today.</source>
            <translation>Ingen åben sag er på denne liste i dag.</translation>
        </message>
    </context>
    <context>
        <name>CaseListsView</name>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Søg:</translation>
        </message>
        <message>
            <source>Name, CPR or case ID</source>
            <translation>Navn, CPR-nr. eller sags-ID</translation>
        </message>
        <message>
            <source>Sche&amp;me:</source>
            <translation>&amp;Ordning:</translation>
        </message>
        <message>
            <source>Sho&amp;w:</source>
            <translation>&amp;Vis:</translation>
        </message>
        <message>
            <source>All schemes</source>
            <translation>Alle ordninger</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>Alle sager</translation>
        </message>
        <message>
            <source>My cases (%1)</source>
            <translation>Mine sager (%1)</translation>
        </message>
        <message>
            <source>My team (%1)</source>
            <translation>Mit team (%1)</translation>
        </message>
        <message>
            <source>Team %1</source>
            <translation>Team %1</translation>
        </message>
        <message>
            <source>Covering for %1</source>
            <translation>Dækker for %1</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <source>Closed on %1</source>
            <translation>Afsluttet %1</translation>
        </message>
        <message>
            <source>Case ID</source>
            <translation>Sags-ID</translation>
        </message>
        <message>
            <source>CPR</source>
            <translation>CPR-nr.</translation>
        </message>
        <message>
            <source>Scheme</source>
            <translation>Ordning</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Sagsbehandler</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Startdato</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>Næste frist</translation>
        </message>
        <message>
            <source>Select a case in a list to see it here.</source>
            <translation>Vælg en sag i en af listerne for at se den her.</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Registrér</translation>
        </message>
        <message>
            <source>Register &amp;event</source>
            <translation>Registrér &amp;hændelse</translation>
        </message>
        <message>
            <source>Register the event on the chosen date (Ctrl+R prepares a conversation today)</source>
            <translation>Registrér hændelsen på den valgte dato (Ctrl+R gør en samtale i dag klar)</translation>
        </message>
        <message>
            <source>&amp;Withdraw or correct…</source>
            <translation>&amp;Tilbagekald eller ret…</translation>
        </message>
        <message>
            <source>Withdraw the selected event registered here, saying why; the team sees it</source>
            <translation>Tilbagekald den valgte hændelse registreret her, med en begrundelse; teamet ser den</translation>
        </message>
        <message>
            <source>&amp;Edit note…</source>
            <translation>&amp;Ret note…</translation>
        </message>
        <message>
            <source>&amp;Delete note</source>
            <translation>S&amp;let note</translation>
        </message>
        <message>
            <source>New &amp;inquiry…</source>
            <translation>Ny &amp;henvendelse…</translation>
        </message>
        <message>
            <source>Milestones</source>
            <translation>Milepæle</translation>
        </message>
        <message>
            <source>History (%1)</source>
            <translation>Historik (%1)</translation>
        </message>
        <message>
            <source>Notes (%1)</source>
            <translation>Noter (%1)</translation>
        </message>
        <message>
            <source>Inquiries (%1)</source>
            <translation>Henvendelser (%1)</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>Kept value</source>
            <translation>Beholdt værdi</translation>
        </message>
        <message>
            <source>Kept: by</source>
            <translation>Beholdt: af</translation>
        </message>
        <message>
            <source>Kept: when</source>
            <translation>Beholdt: hvornår</translation>
        </message>
        <message>
            <source>Lost value</source>
            <translation>Tabt værdi</translation>
        </message>
        <message>
            <source>Lost: by</source>
            <translation>Tabt: af</translation>
        </message>
        <message>
            <source>Lost: when</source>
            <translation>Tabt: hvornår</translation>
        </message>
        <message>
            <source>Conflicts (%1)</source>
            <translation>Konflikter (%1)</translation>
        </message>
        <message>
            <source>No milestones: the rule profile has no deadlines for this case.</source>
            <extracomment>The caseworker asked to see the full CPR number of this case (audited by the core). Tabs added by other modules (pauses and exemptions), after the panel's own.</extracomment>
            <translation>Ingen milepæle: regelprofilen har ingen frister for denne sag.</translation>
        </message>
        <message>
            <source>No events yet: the export brings them, or register one above.</source>
            <translation>Ingen hændelser endnu: udtrækket bringer dem, eller registrér en ovenfor.</translation>
        </message>
        <message>
            <source>No notes yet: write one above.</source>
            <translation>Ingen noter endnu: skriv en ovenfor.</translation>
        </message>
        <message>
            <source>No inquiries from this citizen.</source>
            <translation>Ingen henvendelser fra denne borger.</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>Name</source>
            <extracomment>Answers, for every line of the source in its current order, whether the line is shown. The absent colleague whose cases I cover today. Only these cases (those I cover for an absent colleague); None: any case.</extracomment>
            <translation>Navn</translation>
        </message>
        <message>
            <source>CPR</source>
            <translation>CPR-nr.</translation>
        </message>
        <message>
            <source>Scheme</source>
            <translation>Ordning</translation>
        </message>
        <message>
            <source>Case week</source>
            <translation>Sagsuge</translation>
        </message>
        <message>
            <source>Next milestone</source>
            <translation>Næste milepæl</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Frist</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Dage</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Sagsbehandler</translation>
        </message>
        <message>
            <source>Case ID</source>
            <translation>Sags-ID</translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n dag tilbage</numerusform>
                <numerusform>%n dage tilbage</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n dag over</numerusform>
                <numerusform>%n dage over</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s) left</source>
            <translation>
                <numerusform>%n arbejdsdag tilbage</numerusform>
                <numerusform>%n arbejdsdage tilbage</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s) overdue</source>
            <translation>
                <numerusform>%n arbejdsdag over</numerusform>
                <numerusform>%n arbejdsdage over</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n sag</numerusform>
                <numerusform>%n sager</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Within %n week(s)</source>
            <translation>
                <numerusform>Inden for %n uge</numerusform>
                <numerusform>Inden for %n uger</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Within %n day(s)</source>
            <translation>
                <numerusform>Inden for %n dag</numerusform>
                <numerusform>Inden for %n dage</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CoverDialog</name>
        <message>
            <source>Cover for a colleague</source>
            <translation>Dæk for kollega</translation>
        </message>
        <message>
            <source>&amp;Absent colleague:</source>
            <translation>&amp;Fraværende kollega:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>F&amp;ra:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;Til:</translation>
        </message>
    </context>
    <context>
        <name>CprReveal</name>
        <message>
            <source>Hide CPR number</source>
            <extracomment>The caseworker asked to see the full CPR number of this case (audited by the core). The number shown changed (revealed or masked): the facts are drawn again. How long a revealed CPR number stays on screen before it is masked again. The full number of the case shown, while revealed; None while masked.</extracomment>
            <translation>Skjul CPR-nr.</translation>
        </message>
        <message>
            <source>Mask the CPR number again</source>
            <translation>Vis CPR-nummeret maskeret igen</translation>
        </message>
        <message>
            <source>Show CPR number</source>
            <translation>Vis CPR-nr.</translation>
        </message>
        <message>
            <source>Show the full CPR number of this case for 30 seconds; the audit log records who saw it and when</source>
            <translation>Vis sagens fulde CPR-nummer i 30 sekunder; revisionsloggen registrerer, hvem der så det og hvornår</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Caseworker Workbench</translation>
        </message>
        <message>
            <source>Something unexpected went wrong: %1

What you registered before is saved. Please copy the report below and send it to IT; it holds no CPR numbers.</source>
            <translation>Der skete en uventet fejl: %1

Det, du har registreret, er gemt. Kopiér rapporten herunder og send den til IT; den indeholder ingen CPR-numre.</translation>
        </message>
        <message>
            <source>&amp;Copy report</source>
            <translation>&amp;Kopiér rapport</translation>
        </message>
    </context>
    <context>
        <name>EndPauseDialog</name>
        <message>
            <source>End pause</source>
            <translation>Afslut pause</translation>
        </message>
        <message>
            <source>Last paused day</source>
            <translation>Sidste dag i pausen</translation>
        </message>
    </context>
    <context>
        <name>EventTableModel</name>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Hændelse</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Kilde</translation>
        </message>
        <message>
            <source>Registered by</source>
            <translation>Registreret af</translation>
        </message>
        <message>
            <source>Withdrawn by %1 %2: %3</source>
            <translation>Tilbagekaldt af %1 %2: %3</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <source>How to use the Workbench</source>
            <translation>Sådan bruger du Workbench</translation>
        </message>
    </context>
    <context>
        <name>HelpController</name>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hjælp</translation>
        </message>
        <message>
            <source>&amp;How to use the Workbench</source>
            <translation>&amp;Sådan bruger du Workbench</translation>
        </message>
        <message>
            <source>&amp;About Caseworker Workbench</source>
            <translation>&amp;Om Caseworker Workbench</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Who are you?</source>
            <translation>Hvem er du?</translation>
        </message>
        <message>
            <source>Enter your initials as the case system knows them: every registration records who made it, and your cases and the morning summary are the cases with your initials.</source>
            <translation>Skriv dine initialer, som sagssystemet kender dem: hver registrering gemmer, hvem der lavede den, og dine sager og morgenoversigten er sagerne med dine initialer.</translation>
        </message>
        <message>
            <source>My &amp;initials:</source>
            <translation>Mine &amp;initialer:</translation>
        </message>
        <message>
            <source>My &amp;team:</source>
            <translation>Mit &amp;team:</translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message>
            <source>Importing the export…</source>
            <translation>Importerer udtrækket…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Imported the new export from the export folder: %1 new, %2 updated and %3 closed cases.</source>
            <translation>Det nye udtræk i udtræksmappen er importeret: %1 nye, %2 opdaterede og %3 afsluttede sager.</translation>
        </message>
        <message>
            <source>Import refused</source>
            <translation>Importen blev afvist</translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>Intet blev importeret.</translation>
        </message>
        <message>
            <source>The export looks incomplete</source>
            <translation>Udtrækket ser ufuldstændigt ud</translation>
        </message>
        <message>
            <source>This export would close %1 of your %2 open cases.</source>
            <translation>Dette udtræk ville afslutte %1 af dine %2 åbne sager.</translation>
        </message>
        <message>
            <source>That is more than %1 %, which usually means the export was cut short. Nothing has been imported.

Import it anyway only if these cases really have ended.</source>
            <translation>Det er mere end %1 %, og det betyder som regel, at udtrækket er blevet afkortet. Intet er importeret.

Importér det kun alligevel, hvis sagerne virkelig er afsluttet.</translation>
        </message>
        <message>
            <source>Import anyway and close them</source>
            <translation>Importér alligevel og afslut dem</translation>
        </message>
        <message>
            <source>Do not import</source>
            <translation>Importér ikke</translation>
        </message>
        <message>
            <source>Checking the export…</source>
            <translation>Gennemgår udtrækket…</translation>
        </message>
        <message>
            <source>Import export files</source>
            <extracomment>What an import job does, given the worker's Workbench and a progress callback. Emitted after an import changed (or confirmed) the database. Emitted when an import was refused or failed; the database is unchanged. Emitted when a preview (dry run) is shown; the database is unchanged.</extracomment>
            <translation>Importér udtræksfiler</translation>
        </message>
        <message>
            <source>Exports (*.csv *.xlsx);;All files (*)</source>
            <translation>Udtræk (*.csv *.xlsx);;Alle filer (*)</translation>
        </message>
        <message>
            <source>No export folder is set (Settings): choose the files instead.</source>
            <translation>Der er ikke valgt en udtræksmappe (Indstillinger): vælg filerne i stedet.</translation>
        </message>
        <message>
            <source>Preview the import of export files</source>
            <translation>Vis først, hvad en import af udtræksfiler vil gøre</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <source>%1, line %2</source>
            <translation>%1, linje %2</translation>
        </message>
        <message>
            <source>Closed cases:</source>
            <translation>Afsluttede sager:</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Indhold</translation>
        </message>
        <message>
            <source>Events added:</source>
            <translation>Nye hændelser:</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fil</translation>
        </message>
        <message>
            <source>For example</source>
            <translation>Fx</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importér</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Linje</translation>
        </message>
        <message>
            <source>Local events confirmed:</source>
            <translation>Lokale hændelser bekræftet:</translation>
        </message>
        <message>
            <source>Mapping</source>
            <translation>Mapping</translation>
        </message>
        <message>
            <source>Mapping file</source>
            <translation>Mappingfil</translation>
        </message>
        <message>
            <source>Mapping files disagree: %1</source>
            <translation>Mappingfilerne er uenige: %1</translation>
        </message>
        <message>
            <source>New cases:</source>
            <translation>Nye sager:</translation>
        </message>
        <message>
            <source>Preview of the import</source>
            <extracomment>The preview lists at most this many of the rows it would reject. The user asked to import the previewed files.</extracomment>
            <translation>Vis først: importen</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Årsag</translation>
        </message>
        <message>
            <source>Rejected rows:</source>
            <extracomment>The label of each count, by the summary's field name (&quot;rejected&quot; for the rows).</extracomment>
            <translation>Afviste rækker:</translation>
        </message>
        <message>
            <source>Reopened cases:</source>
            <translation>Genåbnede sager:</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rækker</translation>
        </message>
        <message>
            <source>Rows that would be rejected:</source>
            <translation>Rækker, der ville blive afvist:</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Tabel</translation>
        </message>
        <message>
            <source>The import would close %1 of your %2 open cases and would ask before it does; the counts below are those of importing it anyway.</source>
            <translation>Importen ville afslutte %1 af dine %2 åbne sager og vil spørge, før den gør det; tallene herunder gælder, hvis den importeres alligevel.</translation>
        </message>
        <message>
            <source>This is what importing %1 would do. Nothing has been changed.</source>
            <translation>Sådan ville en import af %1 gå. Intet er ændret.</translation>
        </message>
        <message>
            <source>Unknown word</source>
            <translation>Ukendt ord</translation>
        </message>
        <message>
            <source>Updated cases:</source>
            <translation>Opdaterede sager:</translation>
        </message>
        <message>
            <source>Words no mapping knows:</source>
            <translation>Ord, som ingen mapping kender:</translation>
        </message>
        <message>
            <source>cases</source>
            <translation>sager</translation>
        </message>
        <message>
            <source>events</source>
            <translation>hændelser</translation>
        </message>
    </context>
    <context>
        <name>ImportSummaryDialog</name>
        <message>
            <source>Import finished</source>
            <translation>Importen er færdig</translation>
        </message>
        <message>
            <source>New cases:</source>
            <translation>Nye sager:</translation>
        </message>
        <message>
            <source>Updated cases:</source>
            <translation>Opdaterede sager:</translation>
        </message>
        <message>
            <source>Closed cases:</source>
            <translation>Afsluttede sager:</translation>
        </message>
        <message>
            <source>Reopened cases:</source>
            <translation>Genåbnede sager:</translation>
        </message>
        <message>
            <source>Events added:</source>
            <translation>Nye hændelser:</translation>
        </message>
        <message>
            <source>Local events confirmed:</source>
            <translation>Lokale hændelser bekræftet:</translation>
        </message>
        <message>
            <source>Rejected rows:</source>
            <translation>Afviste rækker:</translation>
        </message>
        <message>
            <source>Renamed citizens:</source>
            <translation>Omdøbte borgere:</translation>
        </message>
        <message>
            <source>Cases whose citizen has a new name (same CPR number)</source>
            <translation>Sager hvis borger har fået nyt navn (samme CPR-nr.)</translation>
        </message>
        <message>
            <source>Renamed (Sags-ID):</source>
            <translation>Omdøbt (Sags-ID):</translation>
        </message>
        <message>
            <source>%1 was already imported: nothing changed.</source>
            <translation>%1 var allerede importeret: intet er ændret.</translation>
        </message>
        <message>
            <source>Imported %1.</source>
            <translation>Importeret: %1.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fil</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Linje</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Årsag</translation>
        </message>
    </context>
    <context>
        <name>InquiriesView</name>
        <message>
            <source>No inquiry waits for a reply here. A citizen's call or letter is registered with New inquiry (Ctrl+N).</source>
            <translation>Ingen henvendelse venter på svar her. En borgers opkald eller brev registreres med Ny henvendelse (Ctrl+N).</translation>
        </message>
        <message numerus="yes">
            <source>%n open inquiry(s)</source>
            <translation>
                <numerusform>%n åben henvendelse</numerusform>
                <numerusform>%n åbne henvendelser</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overskredet</numerusform>
                <numerusform>%n overskredet</numerusform>
            </translation>
        </message>
        <message>
            <source>Sho&amp;w:</source>
            <translation>&amp;Vis:</translation>
        </message>
        <message>
            <source>&amp;New inquiry…</source>
            <translation>&amp;Ny henvendelse…</translation>
        </message>
        <message>
            <source>Register a phone or written inquiry (Ctrl+N)</source>
            <translation>Registrér en telefonisk eller skriftlig henvendelse (Ctrl+N)</translation>
        </message>
        <message>
            <source>Answered &amp;on:</source>
            <translation>Besvaret &amp;den:</translation>
        </message>
        <message>
            <source>&amp;Mark answered</source>
            <translation>&amp;Markér som besvaret</translation>
        </message>
        <message>
            <source>My inquiries (%1)</source>
            <translation>Mine henvendelser (%1)</translation>
        </message>
        <message>
            <source>My team (%1)</source>
            <translation>Mit team (%1)</translation>
        </message>
        <message>
            <source>All inquiries</source>
            <translation>Alle henvendelser</translation>
        </message>
    </context>
    <context>
        <name>InquiryTableModel</name>
        <message>
            <source>Citizen</source>
            <translation>Borger</translation>
        </message>
        <message>
            <source>Case ID</source>
            <translation>Sags-ID</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Modtaget</translation>
        </message>
        <message>
            <source>Reply by</source>
            <translation>Svarfrist</translation>
        </message>
        <message>
            <source>Working days</source>
            <translation>Arbejdsdage</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Sagsbehandler</translation>
        </message>
        <message>
            <source>answered %1</source>
            <translation>besvaret %1</translation>
        </message>
    </context>
    <context>
        <name>LogonCheckBox</name>
        <message>
            <source>&amp;Start the workbench when I log on (reminders from the start)</source>
            <extracomment>The database this process runs on (``--db``), so logon starts the same one.</extracomment>
            <translation>&amp;Start Workbench, når jeg logger på (påmindelser fra start)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Select a case first.</source>
            <translation>Vælg først en sag.</translation>
        </message>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Sagsbehandlerens arbejdsbord</translation>
        </message>
        <message>
            <source>That did not work; nothing was changed.</source>
            <translation>Det lykkedes ikke; intet er ændret.</translation>
        </message>
        <message>
            <source>Cases (%1)</source>
            <translation>Sager (%1)</translation>
        </message>
        <message>
            <source>Inquiries (%1)</source>
            <translation>Henvendelser (%1)</translation>
        </message>
        <message>
            <source>Rule profile: %1</source>
            <translation>Regelprofil: %1</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Fortryd</translation>
        </message>
        <message>
            <source>Today: %1 (week %2)</source>
            <translation>I dag: %1 (uge %2)</translation>
        </message>
        <message>
            <source>Import &amp;files…</source>
            <translation>Importér &amp;filer…</translation>
        </message>
        <message>
            <source>Import export files (Ctrl+O); you can also drop them onto the window</source>
            <translation>Importér udtræksfiler (Ctrl+O); du kan også trække dem ind i vinduet</translation>
        </message>
        <message>
            <source>&amp;Import now</source>
            <translation>&amp;Importér nu</translation>
        </message>
        <message>
            <source>Import the export folder's files (F5)</source>
            <translation>Importér filerne i udtræksmappen (F5)</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Søg</translation>
        </message>
        <message>
            <source>&amp;New inquiry…</source>
            <translation>&amp;Ny henvendelse…</translation>
        </message>
        <message>
            <source>Register a phone or written inquiry (Ctrl+N)</source>
            <translation>Registrér en telefonisk eller skriftlig henvendelse (Ctrl+N)</translation>
        </message>
        <message>
            <source>&amp;Register conversation…</source>
            <translation>&amp;Registrér samtale…</translation>
        </message>
        <message>
            <source>Register a conversation today on the selected case (Ctrl+R)</source>
            <translation>Registrér en samtale i dag på den valgte sag (Ctrl+R)</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>I&amp;ndstillinger…</translation>
        </message>
        <message>
            <source>C&amp;ancel a cover…</source>
            <translation>&amp;Annullér en dækning…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Afslut</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Filer</translation>
        </message>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;Sag</translation>
        </message>
        <message>
            <source>&amp;Team…</source>
            <translation>&amp;Miniteam…</translation>
        </message>
        <message>
            <source>S&amp;ync now</source>
            <translation>S&amp;ynkronisér nu</translation>
        </message>
        <message>
            <source>Sync with the team now (Ctrl+Shift+S)</source>
            <translation>Synkronisér med miniteamet nu (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>&amp;Cover for a colleague…</source>
            <translation>&amp;Dæk for kollega…</translation>
        </message>
        <message>
            <source>&amp;Preview an import…</source>
            <translation>&amp;Vis først…</translation>
        </message>
        <message>
            <source>Show what importing export files would do, without changing anything</source>
            <translation>Vis, hvad en import af udtræksfiler vil gøre, uden at ændre noget</translation>
        </message>
        <message>
            <source>E&amp;xport status to Excel…</source>
            <translation>&amp;Eksportér status til Excel…</translation>
        </message>
        <message>
            <source>The team lead's status workbook: choose the team and the day</source>
            <translation>Teamlederens statusark: vælg team og dag</translation>
        </message>
    </context>
    <context>
        <name>MilestoneTableModel</name>
        <message>
            <source>Milestone and reference</source>
            <translation>Milepæl og hjemmel</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Frist</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>NagBar</name>
        <message numerus="yes">
            <source>%n more reminder(s)</source>
            <translation>
                <numerusform>%n påmindelse mere</numerusform>
                <numerusform>%n påmindelser mere</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Åbn</translation>
        </message>
        <message>
            <source>Show the inquiry (or, for the morning overview, the overdue cases)</source>
            <translation>Vis henvendelsen (eller, for morgenoversigten, de overskredne sager)</translation>
        </message>
        <message numerus="yes">
            <source>Snooze %n hour(s)</source>
            <translation>
                <numerusform>Udsæt %n time</numerusform>
                <numerusform>Udsæt %n timer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No reminders about this inquiry for %n hour(s)</source>
            <translation>
                <numerusform>Ingen påmindelser om denne henvendelse den næste %n time</numerusform>
                <numerusform>Ingen påmindelser om denne henvendelse de næste %n timer</numerusform>
            </translation>
        </message>
        <message>
            <source>Hide the reminders</source>
            <translation>Skjul påmindelserne</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Påmindelser</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Påmindelse</translation>
        </message>
    </context>
    <context>
        <name>NagTray</name>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Sagsbehandlerens arbejdsbord</translation>
        </message>
        <message numerus="yes">
            <source>%n inquiry(s) waiting for a reply</source>
            <translation>
                <numerusform>%n henvendelse venter på svar</numerusform>
                <numerusform>%n henvendelser venter på svar</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more reminder(s) in the workbench</source>
            <translation>
                <numerusform>%n påmindelse mere i arbejdsbordet</numerusform>
                <numerusform>%n påmindelser mere i arbejdsbordet</numerusform>
            </translation>
        </message>
        <message>
            <source>Overdue inquiry</source>
            <translation>Svarfristen er overskredet</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Påmindelse</translation>
        </message>
    </context>
    <context>
        <name>NewInquiryDialog</name>
        <message>
            <source>New inquiry</source>
            <extracomment>Each language named in itself, so anyone can find their own.</extracomment>
            <translation>Ny henvendelse</translation>
        </message>
        <message>
            <source>Type a name or case ID</source>
            <translation>Skriv et navn eller et sags-ID</translation>
        </message>
        <message>
            <source>&amp;Citizen:</source>
            <translation>&amp;Borger:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Kanal:</translation>
        </message>
        <message>
            <source>&amp;Received:</source>
            <translation>&amp;Modtaget:</translation>
        </message>
        <message>
            <source>Reply by:</source>
            <translation>Svarfrist:</translation>
        </message>
    </context>
    <context>
        <name>NoteBox</name>
        <message>
            <source>Write a note…</source>
            <extracomment>Save this text as a note on this case. The text changed (the panel enables its buttons accordingly).</extracomment>
            <translation>Skriv en note…</translation>
        </message>
        <message>
            <source>Add n&amp;ote</source>
            <translation>Gem n&amp;ote</translation>
        </message>
        <message>
            <source>Save the note with the event</source>
            <translation>Gem noten med hændelsen</translation>
        </message>
        <message>
            <source>Registering the event also saves the note written on this case</source>
            <translation>Når hændelsen registreres, gemmes noten skrevet på denne sag også</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Edit note</source>
            <translation>Ret note</translation>
        </message>
        <message>
            <source>Written by %1 %2</source>
            <translation>Skrevet af %1 %2</translation>
        </message>
    </context>
    <context>
        <name>NoteTableModel</name>
        <message>
            <source>Written</source>
            <translation>Skrevet</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Af</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <source>The reminders could not be checked: %1</source>
            <translation>Påmindelserne kunne ikke tjekkes: %1</translation>
        </message>
        <message>
            <source>No reminders about %1 until %2.</source>
            <translation>Ingen påmindelser om %1 før kl. %2.</translation>
        </message>
        <message>
            <source>The export folder could not be read: %1</source>
            <translation>Udtræksmappen kunne ikke læses: %1</translation>
        </message>
    </context>
    <context>
        <name>ReportActions</name>
        <message>
            <source>Cancelling the report…</source>
            <extracomment>Where the folder the last report went to is remembered. Emitted with the ReportSummary once the workbook is written (and opened). Emitted when a report was cancelled: nothing was written. Emitted with the error when a report failed: nothing was written. A short message for the status bar. Emitted with (steps done, steps) as the report goes, once the progress dialog shows it. Opens the written workbook; tests replace it (no spreadsheet program there).</extracomment>
            <translation>Afbryder rapporten…</translation>
        </message>
        <message>
            <source>Writing the status workbook…</source>
            <translation>Skriver statusarket…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annullér</translation>
        </message>
        <message>
            <source>Export status to Excel</source>
            <translation>Eksportér status til Excel</translation>
        </message>
        <message>
            <source>Status workbook written: %1 (%2 open cases: %3 red, %4 amber, %5 green).</source>
            <translation>Statusarket er skrevet: %1 (%2 åbne sager: %3 røde, %4 gule, %5 grønne).</translation>
        </message>
        <message>
            <source>The workbook was written but could not be opened.</source>
            <translation>Statusarket blev skrevet, men kunne ikke åbnes.</translation>
        </message>
        <message>
            <source>The report was cancelled; no file was written.</source>
            <translation>Rapporten blev afbrudt; der blev ikke skrevet nogen fil.</translation>
        </message>
        <message>
            <source>No workbook was written.</source>
            <translation>Der blev ikke skrevet noget statusark.</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Export status to Excel</source>
            <translation>Eksportér status til Excel</translation>
        </message>
        <message>
            <source>All teams</source>
            <translation>Alle teams</translation>
        </message>
        <message>
            <source>Full CPR numbers (recorded in the audit log)</source>
            <translation>Fulde CPR-numre (registreres i revisionsloggen)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Gennemse…</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Eksportér</translation>
        </message>
        <message>
            <source>&amp;Team:</source>
            <translation>&amp;Team:</translation>
        </message>
        <message>
            <source>&amp;Status as of:</source>
            <translation>&amp;Status pr.:</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Fil:</translation>
        </message>
        <message>
            <source>The workbook holds names and case facts: it is recorded in the audit log. The file opens when it is ready.</source>
            <translation>Statusarket indeholder navne og sagsoplysninger: det registreres i revisionsloggen. Filen åbnes, når den er klar.</translation>
        </message>
        <message>
            <source>Save the status workbook</source>
            <translation>Gem statusarket</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel-projektmappe (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>SettingsActions</name>
        <message>
            <source>Every registration records who made it: enter your initials, then register again.</source>
            <extracomment>The settings read or saved now are in force (the window shows the profile). A short message for the status bar.</extracomment>
            <translation>Hver registrering gemmer, hvem der lavede den: skriv dine initialer, og registrér så igen.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Indstillinger</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Gennemse…</translation>
        </message>
        <message>
            <source> days</source>
            <translation> dage</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Tilføj</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Fjern</translation>
        </message>
        <message>
            <source>My &amp;initials:</source>
            <translation>Mine &amp;initialer:</translation>
        </message>
        <message>
            <source>My &amp;team:</source>
            <translation>Mit &amp;team:</translation>
        </message>
        <message>
            <source>&amp;Export folder:</source>
            <translation>&amp;Udtræksmappe:</translation>
        </message>
        <message>
            <source>&amp;Rule profile:</source>
            <translation>&amp;Regelprofil:</translation>
        </message>
        <message>
            <source>&amp;Amber window:</source>
            <translation>Gul &amp;varsling før frist:</translation>
        </message>
        <message>
            <source>Refuse an import that &amp;closes more than:</source>
            <translation>Afvis en import, der &amp;afslutter mere end:</translation>
        </message>
        <message>
            <source>&amp;Closure days:</source>
            <translation>&amp;Lukkedage:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprog:</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Udtræksmappe</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>Welcome</source>
            <extracomment>The database is open and the settings are read: the reminders may start.</extracomment>
            <translation>Velkommen</translation>
        </message>
        <message>
            <source>The database is empty.</source>
            <translation>Databasen er tom.</translation>
        </message>
        <message>
            <source>Load a demo caseload of fictional citizens to try the workbench? You can import your own export later (Import now, F5).</source>
            <translation>Vil du indlæse en demo-sagsstamme med opdigtede borgere og prøve arbejdsbordet? Du kan importere jeres eget udtræk senere (Importér nu, F5).</translation>
        </message>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Caseworker Workbench</translation>
        </message>
        <message>
            <source>The database could not be opened.</source>
            <translation>Databasen kunne ikke åbnes.</translation>
        </message>
        <message>
            <source>The database is damaged and cannot be opened. Restore the latest backup, from %1?</source>
            <translation>Databasen er beskadiget og kan ikke åbnes. Vil du gendanne den seneste sikkerhedskopi fra %1?</translation>
        </message>
        <message>
            <source>Work registered after the backup must be registered again. The damaged file is kept beside it.</source>
            <translation>Det, der er registreret efter sikkerhedskopien, skal registreres igen. Den beskadigede fil gemmes ved siden af.</translation>
        </message>
    </context>
    <context>
        <name>TeamActions</name>
        <message>
            <source>Join code</source>
            <extracomment>True when the database joined a team (or is found in one), False if not. A sync has been shown, or has failed. A short message for the status bar.</extracomment>
            <translation>Tilmeldingskode</translation>
        </message>
        <message>
            <source>The team&apos;s key was made now. Give your teammates this join code (it is shown only now):

%1</source>
            <translation>Teamets nøgle er lavet nu. Giv dine kolleger denne tilmeldingskode (den vises kun nu):

%1</translation>
        </message>
        <message>
            <source>This workbench is in no team: join one first (Team…).</source>
            <translation>Arbejdsbordet er ikke i et miniteam: tilslut først (Miniteam…).</translation>
        </message>
        <message>
            <source>Synced: sent %1, received %2 (%3)</source>
            <translation>Synkroniseret: sendt %1, modtaget %2 (%3)</translation>
        </message>
        <message>
            <source>The team sync failed; it is tried again: %1</source>
            <translation>Synkroniseringen mislykkedes; den prøves igen: %1</translation>
        </message>
        <message>
            <source>No colleague is covered now.</source>
            <translation>Ingen kollega bliver dækket nu.</translation>
        </message>
    </context>
    <context>
        <name>TeamDialog</name>
        <message>
            <source>Miniteam</source>
            <translation>Miniteam</translation>
        </message>
        <message>
            <source>This workbench is in no team yet.</source>
            <translation>Arbejdsbordet er ikke i et miniteam endnu.</translation>
        </message>
        <message>
            <source>Me: %1. Members: %2. Shared over: %3. Last sync: %4. Waiting to be sent: %5.</source>
            <translation>Mig: %1. Medlemmer: %2. Deles via: %3. Seneste synkronisering: %4. Venter på at blive sendt: %5.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>aldrig</translation>
        </message>
        <message>
            <source>Empty: the folder or server IT set up</source>
            <translation>Tom: mappen eller serveren IT har sat op</translation>
        </message>
        <message>
            <source>postgresql://… (instead of a folder)</source>
            <translation>postgresql://… (i stedet for en mappe)</translation>
        </message>
        <message>
            <source>My &amp;initials:</source>
            <translation>Mine &amp;initialer:</translation>
        </message>
        <message>
            <source>&amp;Members:</source>
            <translation>&amp;Medlemmer:</translation>
        </message>
        <message>
            <source>Shared &amp;folder:</source>
            <translation>Delt &amp;mappe:</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>&amp;Join</source>
            <translation>&amp;Tilslut</translation>
        </message>
        <message>
            <source>Quarantined: %1 (from %2). Newer version: %3. Clock ahead: %4.</source>
            <translation>I karantæne: %1 (fra %2). Nyere version: %3. Ur foran: %4.</translation>
        </message>
        <message>
            <source>In sync with the team.</source>
            <translation>I sync med teamet.</translation>
        </message>
        <message>
            <source>Differs from: %1.</source>
            <translation>Afviger fra: %1.</translation>
        </message>
        <message>
            <source>Missing, asked for again: %1.</source>
            <translation>Mangler, bedt om igen: %1.</translation>
        </message>
        <message>
            <source>WBT1-… from the teammate who joined first; empty if you are the first</source>
            <translation>WBT1-… fra kollegaen, der tilmeldte sig først; tom hvis du er den første</translation>
        </message>
        <message>
            <source>Join &amp;code:</source>
            <translation>Tilmeldings&amp;kode:</translation>
        </message>
    </context>
    <context>
        <name>TrayKeeper</name>
        <message>
            <source>&amp;Open Caseworker Workbench</source>
            <extracomment>Remembered once the first-time notice has been shown.</extracomment>
            <translation>&amp;Åbn Caseworker Workbench</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Afslut</translation>
        </message>
        <message>
            <source>Caseworker Workbench is still running</source>
            <translation>Caseworker Workbench kører stadig</translation>
        </message>
        <message>
            <source>Reminders keep coming; the tray icon opens the window, its menu quits.</source>
            <translation>Påmindelserne kommer stadig; ikonet ved uret åbner vinduet, dets menu afslutter.</translation>
        </message>
    </context>
    <context>
        <name>WaiverDialog</name>
        <message>
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <source>Until ended</source>
            <translation>Indtil den afsluttes</translation>
        </message>
        <message>
            <source>Pause case %1</source>
            <translation>Sæt sag %1 på pause</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Fra</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Til</translation>
        </message>
        <message>
            <source>Exempt case %1</source>
            <translation>Frita sag %1</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Regel</translation>
        </message>
    </context>
    <context>
        <name>WaiverTab</name>
        <message>
            <source>Pauses (%1)</source>
            <extracomment>(&quot;pause&quot; or &quot;exemption&quot;, its id). A pause's id, to end it.</extracomment>
            <translation>Pauser (%1)</translation>
        </message>
        <message>
            <source>until ended</source>
            <translation>indtil videre</translation>
        </message>
        <message>
            <source>Paused %1 – %2: %3 (by %4)</source>
            <translation>Pause %1 – %2: %3 (af %4)</translation>
        </message>
        <message>
            <source>Exempt from %1: %2 (by %3)</source>
            <translation>Fritaget fra %1: %2 (af %3)</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>trukket tilbage</translation>
        </message>
        <message>
            <source>&amp;Pause…</source>
            <translation>&amp;Pause…</translation>
        </message>
        <message>
            <source>Pause the case's deadlines for a legal reason</source>
            <translation>Sæt sagens frister på pause med en lovhjemlet grund</translation>
        </message>
        <message>
            <source>E&amp;xempt…</source>
            <translation>F&amp;ritag…</translation>
        </message>
        <message>
            <source>Exempt the case from one rule for a legal reason</source>
            <translation>Frita sagen fra én regel med en lovhjemlet grund</translation>
        </message>
        <message>
            <source>End pause…</source>
            <translation>Afslut pause…</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>Træk tilbage</translation>
        </message>
        <message>
            <source>Withdraw a pause or exemption registered in error</source>
            <translation>Træk en pause eller fritagelse tilbage, der er registreret ved en fejl</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <source>Withdraw an event</source>
            <translation>Tilbagekald en hændelse</translation>
        </message>
        <message>
            <source>%1 on %2, registered by %3</source>
            <translation>%1 den %2, registreret af %3</translation>
        </message>
        <message>
            <source>Why, e.g. registered on the wrong case</source>
            <translation>Hvorfor, f.eks. registreret på den forkerte sag</translation>
        </message>
        <message>
            <source>&amp;Register the right one instead</source>
            <translation>&amp;Registrér den rigtige i stedet</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Begrundelse:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Dato:</translation>
        </message>
    </context>
    <context>
        <name>nags</name>
        <message>
            <source>The morning summary has no caseload to count: enter your initials (Settings) to see your own overdue and soon due cases</source>
            <translation>Morgenoversigten har ingen sager at tælle: skriv dine initialer (Indstillinger) for at se dine egne overskredne og snart forfaldne sager</translation>
        </message>
        <message>
            <source>The morning summary has no caseload to count: no open case has the caseworker %1</source>
            <translation>Morgenoversigten har ingen sager at tælle: ingen åben sag har sagsbehandleren %1</translation>
        </message>
        <message>
            <source>Your caseload this morning: %1 overdue, %2 due soon</source>
            <translation>Din sagsstamme i dag: %1 overskredet, %2 forfalder snart</translation>
        </message>
        <message>
            <source>Overdue: reply to %1 (case %2), the reply was due %3</source>
            <translation>Overskredet: svar %1 (sag %2), svarfristen var %3</translation>
        </message>
        <message>
            <source>Overdue: call back %1 (case %2), the reply was due %3</source>
            <translation>Overskredet: ring tilbage til %1 (sag %2), svarfristen var %3</translation>
        </message>
        <message>
            <source>Reply: the inquiry from %1 (case %2) must be answered today</source>
            <translation>Svar: henvendelsen fra %1 (sag %2) skal besvares i dag</translation>
        </message>
        <message>
            <source>Call back: the inquiry from %1 (case %2) must be answered today</source>
            <translation>Ring tilbage: henvendelsen fra %1 (sag %2) skal besvares i dag</translation>
        </message>
        <message>
            <source>Reply: the inquiry from %1 (case %2) must be answered by %3</source>
            <translation>Svar: henvendelsen fra %1 (sag %2) skal besvares senest %3</translation>
        </message>
        <message>
            <source>Call back: the inquiry from %1 (case %2) must be answered by %3</source>
            <translation>Ring tilbage: henvendelsen fra %1 (sag %2) skal besvares senest %3</translation>
        </message>
    </context>
    <context>
        <name>texts</name>
        <message>
            <source>not legally verified</source>
            <translation>ikke juridisk verificeret</translation>
        </message>
        <message>
            <source>Plan by %1</source>
            <translation>Planlæg senest %1</translation>
        </message>
        <message>
            <source>case week %1</source>
            <translation>sagsuge %1</translation>
        </message>
        <message>
            <source>%1 (week %2)</source>
            <translation>%1 (uge %2)</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>frist i dag</translation>
        </message>
        <message>
            <source>Sickness benefit</source>
            <translation>Sygedagpenge</translation>
        </message>
        <message>
            <source>Insured unemployed</source>
            <translation>Forsikret ledig</translation>
        </message>
        <message>
            <source>Job clarification</source>
            <translation>Jobafklaringsforløb</translation>
        </message>
        <message>
            <source>Resource programme</source>
            <translation>Ressourceforløb</translation>
        </message>
        <message>
            <source>Social assistance</source>
            <translation>Kontanthjælp</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Samtale</translation>
        </message>
        <message>
            <source>Joint conversation</source>
            <translation>Fællessamtale</translation>
        </message>
        <message>
            <source>Screening</source>
            <translation>Screening</translation>
        </message>
        <message>
            <source>Clarification</source>
            <translation>Afklaring</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Vurdering</translation>
        </message>
        <message>
            <source>Offer started</source>
            <translation>Tilbud</translation>
        </message>
        <message>
            <source>Rehabilitation team</source>
            <translation>Rehabiliteringsteam</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefonisk</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Skriftlig</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overskredet</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Rettidig</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Åben</translation>
        </message>
        <message>
            <source>Met on time</source>
            <translation>Opfyldt rettidigt</translation>
        </message>
        <message>
            <source>Met late</source>
            <translation>Opfyldt for sent</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Ikke nået</translation>
        </message>
        <message>
            <source>Central</source>
            <translation>Central</translation>
        </message>
        <message>
            <source>Local, confirmed by export</source>
            <translation>Lokal, bekræftet af udtræk</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Lokal</translation>
        </message>
    </context>
</TS>
