<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Caseworker Workbench</source>
            <extracomment>The libraries the bundle is built from (pyproject.toml: core, gui, encryption). Licence texts not in a library's metadata, by SPDX id (files in resources/licences).</extracomment>
            <translation>About Caseworker Workbench</translation>
        </message>
        <message>
            <source>Bundled libraries</source>
            <translation>Bundled libraries</translation>
        </message>
        <message>
            <source>Licence text</source>
            <translation>Licence text</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Rule profile:</source>
            <translation>Rule profile:</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>Database:</translation>
        </message>
        <message>
            <source>&lt;b&gt;Caseworker Workbench&lt;/b&gt; %1 — follow-up deadlines, inquiries and team status for jobcenter caseworkers.</source>
            <translation>&lt;b&gt;Caseworker Workbench&lt;/b&gt; %1 — follow-up deadlines, inquiries and team status for jobcenter caseworkers.</translation>
        </message>
        <message>
            <source>Built with these libraries (select one for its licence):</source>
            <translation>Built with these libraries (select one for its licence):</translation>
        </message>
        <message>
            <source>No licence text is shipped with this library.</source>
            <translation>No licence text is shipped with this library.</translation>
        </message>
    </context>
    <context>
        <name>AccessibleNames</name>
        <message>
            <source>Cases whose follow-up deadline has passed, the most overdue first. Enter opens the case.</source>
            <translation>Cases whose follow-up deadline has passed, the most overdue first. Enter opens the case.</translation>
        </message>
        <message>
            <source>Cases whose follow-up deadline falls soon, the soonest first. Enter opens the case.</source>
            <translation>Cases whose follow-up deadline falls soon, the soonest first. Enter opens the case.</translation>
        </message>
        <message>
            <source>Cases on time. Enter opens the case.</source>
            <translation>Cases on time. Enter opens the case.</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n case(s)</source>
            <translation>
                <numerusform>%1, %n case</numerusform>
                <numerusform>%1, %n cases</numerusform>
            </translation>
        </message>
        <message>
            <source>Search the cases</source>
            <translation>Search the cases</translation>
        </message>
        <message>
            <source>Citizens' inquiries</source>
            <translation>Citizens' inquiries</translation>
        </message>
        <message>
            <source>Inquiries with their reply deadlines, overdue first.</source>
            <translation>Inquiries with their reply deadlines, overdue first.</translation>
        </message>
        <message>
            <source>Case panel</source>
            <translation>Case panel</translation>
        </message>
        <message>
            <source>The selected case: facts, deadlines, events, notes and inquiries.</source>
            <translation>The selected case: facts, deadlines, events, notes and inquiries.</translation>
        </message>
        <message>
            <source>Deadlines of the case</source>
            <translation>Deadlines of the case</translation>
        </message>
        <message>
            <source>Events of the case</source>
            <translation>Events of the case</translation>
        </message>
        <message>
            <source>Notes on the case</source>
            <translation>Notes on the case</translation>
        </message>
        <message>
            <source>Inquiries on the case</source>
            <translation>Inquiries on the case</translation>
        </message>
        <message>
            <source>Conflicting changes on the case</source>
            <translation>Conflicting changes on the case</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <source>Unsaved note</source>
            <extracomment>What undoing changes (what the change itself changed).</extracomment>
            <translation>Unsaved note</translation>
        </message>
        <message>
            <source>The note you wrote on %1 is not saved.</source>
            <translation>The note you wrote on %1 is not saved.</translation>
        </message>
        <message>
            <source>Save it on that case, discard it, or stay on that case?</source>
            <translation>Save it on that case, discard it, or stay on that case?</translation>
        </message>
        <message>
            <source>&amp;Save on %1</source>
            <translation>&amp;Save on %1</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>S&amp;tay</source>
            <translation>S&amp;tay</translation>
        </message>
        <message>
            <source>Undone</source>
            <translation>Undone</translation>
        </message>
        <message>
            <source>Undo registering %1</source>
            <translation>Undo registering %1</translation>
        </message>
        <message>
            <source>Undo adding the note</source>
            <translation>Undo adding the note</translation>
        </message>
        <message>
            <source>Undo the withdrawal</source>
            <translation>Undo the withdrawal</translation>
        </message>
        <message>
            <source>Undo editing the note</source>
            <translation>Undo editing the note</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>Delete note</translation>
        </message>
        <message>
            <source>Delete this note? Its text stays in the case's history for the team.</source>
            <translation>Delete this note? Its text stays in the case's history for the team.</translation>
        </message>
        <message>
            <source>Undo deleting the note</source>
            <translation>Undo deleting the note</translation>
        </message>
        <message>
            <source>Cancel a cover</source>
            <translation>Cancel a cover</translation>
        </message>
        <message>
            <source>Whose cover ends now?</source>
            <translation>Whose cover ends now?</translation>
        </message>
        <message>
            <source>Undo cancelling the cover</source>
            <translation>Undo cancelling the cover</translation>
        </message>
    </context>
    <context>
        <name>CaseListSection</name>
        <message>
            <source>No case in this list matches the search or the filter.</source>
            <translation>No case in this list matches the search or the filter.</translation>
        </message>
        <message>
            <source>No open case is in this list today.</source>
            <translation>No open case is in this list today.</translation>
        </message>
    </context>
    <context>
        <name>CaseListsView</name>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Search:</translation>
        </message>
        <message>
            <source>Name, CPR or case ID</source>
            <translation>Name, CPR or case ID</translation>
        </message>
        <message>
            <source>Sche&amp;me:</source>
            <translation>Sche&amp;me:</translation>
        </message>
        <message>
            <source>Sho&amp;w:</source>
            <translation>Sho&amp;w:</translation>
        </message>
        <message>
            <source>All schemes</source>
            <translation>All schemes</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>All cases</translation>
        </message>
        <message>
            <source>My cases (%1)</source>
            <translation>My cases (%1)</translation>
        </message>
        <message>
            <source>My team (%1)</source>
            <translation>My team (%1)</translation>
        </message>
        <message>
            <source>Team %1</source>
            <translation>Team %1</translation>
        </message>
        <message>
            <source>Covering for %1</source>
            <translation>Covering for %1</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <source>Closed on %1</source>
            <translation>Closed on %1</translation>
        </message>
        <message>
            <source>Case ID</source>
            <translation>Case ID</translation>
        </message>
        <message>
            <source>CPR</source>
            <translation>CPR</translation>
        </message>
        <message>
            <source>Scheme</source>
            <translation>Scheme</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Start date</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>Next deadline</translation>
        </message>
        <message>
            <source>Select a case in a list to see it here.</source>
            <translation>Select a case in a list to see it here.</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>Register &amp;event</source>
            <translation>Register &amp;event</translation>
        </message>
        <message>
            <source>Register the event on the chosen date (Ctrl+R prepares a conversation today)</source>
            <translation>Register the event on the chosen date (Ctrl+R prepares a conversation today)</translation>
        </message>
        <message>
            <source>&amp;Withdraw or correct…</source>
            <translation>&amp;Withdraw or correct…</translation>
        </message>
        <message>
            <source>Withdraw the selected event registered here, saying why; the team sees it</source>
            <translation>Withdraw the selected event registered here, saying why; the team sees it</translation>
        </message>
        <message>
            <source>&amp;Edit note…</source>
            <translation>&amp;Edit note…</translation>
        </message>
        <message>
            <source>&amp;Delete note</source>
            <translation>&amp;Delete note</translation>
        </message>
        <message>
            <source>New &amp;inquiry…</source>
            <translation>New &amp;inquiry…</translation>
        </message>
        <message>
            <source>Milestones</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <source>History (%1)</source>
            <translation>History (%1)</translation>
        </message>
        <message>
            <source>Notes (%1)</source>
            <translation>Notes (%1)</translation>
        </message>
        <message>
            <source>Inquiries (%1)</source>
            <translation>Inquiries (%1)</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Kept value</source>
            <translation>Kept value</translation>
        </message>
        <message>
            <source>Kept: by</source>
            <translation>Kept: by</translation>
        </message>
        <message>
            <source>Kept: when</source>
            <translation>Kept: when</translation>
        </message>
        <message>
            <source>Lost value</source>
            <translation>Lost value</translation>
        </message>
        <message>
            <source>Lost: by</source>
            <translation>Lost: by</translation>
        </message>
        <message>
            <source>Lost: when</source>
            <translation>Lost: when</translation>
        </message>
        <message>
            <source>Conflicts (%1)</source>
            <translation>Conflicts (%1)</translation>
        </message>
        <message>
            <source>No milestones: the rule profile has no deadlines for this case.</source>
            <extracomment>The caseworker asked to see the full CPR number of this case (audited by the core). Tabs added by other modules (pauses and exemptions), after the panel's own.</extracomment>
            <translation>No milestones: the rule profile has no deadlines for this case.</translation>
        </message>
        <message>
            <source>No events yet: the export brings them, or register one above.</source>
            <translation>No events yet: the export brings them, or register one above.</translation>
        </message>
        <message>
            <source>No notes yet: write one above.</source>
            <translation>No notes yet: write one above.</translation>
        </message>
        <message>
            <source>No inquiries from this citizen.</source>
            <translation>No inquiries from this citizen.</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>Name</source>
            <extracomment>Answers, for every line of the source in its current order, whether the line is shown. The absent colleague whose cases I cover today. Only these cases (those I cover for an absent colleague); None: any case.</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>CPR</source>
            <translation>CPR</translation>
        </message>
        <message>
            <source>Scheme</source>
            <translation>Scheme</translation>
        </message>
        <message>
            <source>Case week</source>
            <translation>Case week</translation>
        </message>
        <message>
            <source>Next milestone</source>
            <translation>Next milestone</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>Case ID</source>
            <translation>Case ID</translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s) left</source>
            <translation>
                <numerusform>%n working day left</numerusform>
                <numerusform>%n working days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n working day(s) overdue</source>
            <translation>
                <numerusform>%n working day overdue</numerusform>
                <numerusform>%n working days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Within %n week(s)</source>
            <translation>
                <numerusform>Within %n week</numerusform>
                <numerusform>Within %n weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Within %n day(s)</source>
            <translation>
                <numerusform>Within %n day</numerusform>
                <numerusform>Within %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CoverDialog</name>
        <message>
            <source>Cover for a colleague</source>
            <translation>Cover for a colleague</translation>
        </message>
        <message>
            <source>&amp;Absent colleague:</source>
            <translation>&amp;Absent colleague:</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>&amp;From:</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;To:</translation>
        </message>
    </context>
    <context>
        <name>CprReveal</name>
        <message>
            <source>Hide CPR number</source>
            <extracomment>The caseworker asked to see the full CPR number of this case (audited by the core). The number shown changed (revealed or masked): the facts are drawn again. How long a revealed CPR number stays on screen before it is masked again. The full number of the case shown, while revealed; None while masked.</extracomment>
            <translation>Hide CPR number</translation>
        </message>
        <message>
            <source>Mask the CPR number again</source>
            <translation>Mask the CPR number again</translation>
        </message>
        <message>
            <source>Show CPR number</source>
            <translation>Show CPR number</translation>
        </message>
        <message>
            <source>Show the full CPR number of this case for 30 seconds; the audit log records who saw it and when</source>
            <translation>Show the full CPR number of this case for 30 seconds; the audit log records who saw it and when</translation>
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
            <translation>Something unexpected went wrong: %1

What you registered before is saved. Please copy the report below and send it to IT; it holds no CPR numbers.</translation>
        </message>
        <message>
            <source>&amp;Copy report</source>
            <translation>&amp;Copy report</translation>
        </message>
    </context>
    <context>
        <name>EndPauseDialog</name>
        <message>
            <source>End pause</source>
            <translation>End pause</translation>
        </message>
        <message>
            <source>Last paused day</source>
            <translation>Last paused day</translation>
        </message>
    </context>
    <context>
        <name>EventTableModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Registered by</source>
            <translation>Registered by</translation>
        </message>
        <message>
            <source>Withdrawn by %1 %2: %3</source>
            <translation>Withdrawn by %1 %2: %3</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <source>How to use the Workbench</source>
            <translation>How to use the Workbench</translation>
        </message>
    </context>
    <context>
        <name>HelpController</name>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;How to use the Workbench</source>
            <translation>&amp;How to use the Workbench</translation>
        </message>
        <message>
            <source>&amp;About Caseworker Workbench</source>
            <translation>&amp;About Caseworker Workbench</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Who are you?</source>
            <translation>Who are you?</translation>
        </message>
        <message>
            <source>Enter your initials as the case system knows them: every registration records who made it, and your cases and the morning summary are the cases with your initials.</source>
            <translation>Enter your initials as the case system knows them: every registration records who made it, and your cases and the morning summary are the cases with your initials.</translation>
        </message>
        <message>
            <source>My &amp;initials:</source>
            <translation>My &amp;initials:</translation>
        </message>
        <message>
            <source>My &amp;team:</source>
            <translation>My &amp;team:</translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message>
            <source>Importing the export…</source>
            <translation>Importing the export…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Imported the new export from the export folder: %1 new, %2 updated and %3 closed cases.</source>
            <translation>Imported the new export from the export folder: %1 new, %2 updated and %3 closed cases.</translation>
        </message>
        <message>
            <source>Import refused</source>
            <translation>Import refused</translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>Nothing was imported.</translation>
        </message>
        <message>
            <source>The export looks incomplete</source>
            <translation>The export looks incomplete</translation>
        </message>
        <message>
            <source>This export would close %1 of your %2 open cases.</source>
            <translation>This export would close %1 of your %2 open cases.</translation>
        </message>
        <message>
            <source>That is more than %1 %, which usually means the export was cut short. Nothing has been imported.

Import it anyway only if these cases really have ended.</source>
            <translation>That is more than %1 %, which usually means the export was cut short. Nothing has been imported.

Import it anyway only if these cases really have ended.</translation>
        </message>
        <message>
            <source>Import anyway and close them</source>
            <translation>Import anyway and close them</translation>
        </message>
        <message>
            <source>Do not import</source>
            <translation>Do not import</translation>
        </message>
        <message>
            <source>Checking the export…</source>
            <translation>Checking the export…</translation>
        </message>
        <message>
            <source>Import export files</source>
            <extracomment>What an import job does, given the worker's Workbench and a progress callback. Emitted after an import changed (or confirmed) the database. Emitted when an import was refused or failed; the database is unchanged. Emitted when a preview (dry run) is shown; the database is unchanged.</extracomment>
            <translation>Import export files</translation>
        </message>
        <message>
            <source>Exports (*.csv *.xlsx);;All files (*)</source>
            <translation>Exports (*.csv *.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>No export folder is set (Settings): choose the files instead.</source>
            <translation>No export folder is set (Settings): choose the files instead.</translation>
        </message>
        <message>
            <source>Preview the import of export files</source>
            <translation>Preview the import of export files</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <source>%1, line %2</source>
            <translation>%1, line %2</translation>
        </message>
        <message>
            <source>Closed cases:</source>
            <translation>Closed cases:</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>Events added:</source>
            <translation>Events added:</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>For example</source>
            <translation>For example</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Local events confirmed:</source>
            <translation>Local events confirmed:</translation>
        </message>
        <message>
            <source>Mapping</source>
            <translation>Mapping</translation>
        </message>
        <message>
            <source>Mapping file</source>
            <translation>Mapping file</translation>
        </message>
        <message>
            <source>Mapping files disagree: %1</source>
            <translation>Mapping files disagree: %1</translation>
        </message>
        <message>
            <source>New cases:</source>
            <translation>New cases:</translation>
        </message>
        <message>
            <source>Preview of the import</source>
            <extracomment>The preview lists at most this many of the rows it would reject. The user asked to import the previewed files.</extracomment>
            <translation>Preview of the import</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Rejected rows:</source>
            <extracomment>The label of each count, by the summary's field name (&quot;rejected&quot; for the rows).</extracomment>
            <translation>Rejected rows:</translation>
        </message>
        <message>
            <source>Reopened cases:</source>
            <translation>Reopened cases:</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>Rows that would be rejected:</source>
            <translation>Rows that would be rejected:</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>The import would close %1 of your %2 open cases and would ask before it does; the counts below are those of importing it anyway.</source>
            <translation>The import would close %1 of your %2 open cases and would ask before it does; the counts below are those of importing it anyway.</translation>
        </message>
        <message>
            <source>This is what importing %1 would do. Nothing has been changed.</source>
            <translation>This is what importing %1 would do. Nothing has been changed.</translation>
        </message>
        <message>
            <source>Unknown word</source>
            <translation>Unknown word</translation>
        </message>
        <message>
            <source>Updated cases:</source>
            <translation>Updated cases:</translation>
        </message>
        <message>
            <source>Words no mapping knows:</source>
            <translation>Words no mapping knows:</translation>
        </message>
        <message>
            <source>cases</source>
            <translation>cases</translation>
        </message>
        <message>
            <source>events</source>
            <translation>events</translation>
        </message>
    </context>
    <context>
        <name>ImportSummaryDialog</name>
        <message>
            <source>Import finished</source>
            <translation>Import finished</translation>
        </message>
        <message>
            <source>New cases:</source>
            <translation>New cases:</translation>
        </message>
        <message>
            <source>Updated cases:</source>
            <translation>Updated cases:</translation>
        </message>
        <message>
            <source>Closed cases:</source>
            <translation>Closed cases:</translation>
        </message>
        <message>
            <source>Reopened cases:</source>
            <translation>Reopened cases:</translation>
        </message>
        <message>
            <source>Events added:</source>
            <translation>Events added:</translation>
        </message>
        <message>
            <source>Local events confirmed:</source>
            <translation>Local events confirmed:</translation>
        </message>
        <message>
            <source>Rejected rows:</source>
            <translation>Rejected rows:</translation>
        </message>
        <message>
            <source>Renamed citizens:</source>
            <translation>Renamed citizens:</translation>
        </message>
        <message>
            <source>Cases whose citizen has a new name (same CPR number)</source>
            <translation>Cases whose citizen has a new name (same CPR number)</translation>
        </message>
        <message>
            <source>Renamed (Sags-ID):</source>
            <translation>Renamed (Sags-ID):</translation>
        </message>
        <message>
            <source>%1 was already imported: nothing changed.</source>
            <translation>%1 was already imported: nothing changed.</translation>
        </message>
        <message>
            <source>Imported %1.</source>
            <translation>Imported %1.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>InquiriesView</name>
        <message>
            <source>No inquiry waits for a reply here. A citizen's call or letter is registered with New inquiry (Ctrl+N).</source>
            <translation>No inquiry waits for a reply here. A citizen's call or letter is registered with New inquiry (Ctrl+N).</translation>
        </message>
        <message numerus="yes">
            <source>%n open inquiry(s)</source>
            <translation>
                <numerusform>%n open inquiry</numerusform>
                <numerusform>%n open inquirys</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message>
            <source>Sho&amp;w:</source>
            <translation>Sho&amp;w:</translation>
        </message>
        <message>
            <source>&amp;New inquiry…</source>
            <translation>&amp;New inquiry…</translation>
        </message>
        <message>
            <source>Register a phone or written inquiry (Ctrl+N)</source>
            <translation>Register a phone or written inquiry (Ctrl+N)</translation>
        </message>
        <message>
            <source>Answered &amp;on:</source>
            <translation>Answered &amp;on:</translation>
        </message>
        <message>
            <source>&amp;Mark answered</source>
            <translation>&amp;Mark answered</translation>
        </message>
        <message>
            <source>My inquiries (%1)</source>
            <translation>My inquiries (%1)</translation>
        </message>
        <message>
            <source>My team (%1)</source>
            <translation>My team (%1)</translation>
        </message>
        <message>
            <source>All inquiries</source>
            <translation>All inquiries</translation>
        </message>
    </context>
    <context>
        <name>InquiryTableModel</name>
        <message>
            <source>Citizen</source>
            <translation>Citizen</translation>
        </message>
        <message>
            <source>Case ID</source>
            <translation>Case ID</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Reply by</source>
            <translation>Reply by</translation>
        </message>
        <message>
            <source>Working days</source>
            <translation>Working days</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>answered %1</source>
            <translation>answered %1</translation>
        </message>
    </context>
    <context>
        <name>LogonCheckBox</name>
        <message>
            <source>&amp;Start the workbench when I log on (reminders from the start)</source>
            <extracomment>The database this process runs on (``--db``), so logon starts the same one.</extracomment>
            <translation>&amp;Start the workbench when I log on (reminders from the start)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Select a case first.</source>
            <translation>Select a case first.</translation>
        </message>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Caseworker Workbench</translation>
        </message>
        <message>
            <source>That did not work; nothing was changed.</source>
            <translation>That did not work; nothing was changed.</translation>
        </message>
        <message>
            <source>Cases (%1)</source>
            <translation>Cases (%1)</translation>
        </message>
        <message>
            <source>Inquiries (%1)</source>
            <translation>Inquiries (%1)</translation>
        </message>
        <message>
            <source>Rule profile: %1</source>
            <translation>Rule profile: %1</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>Today: %1 (week %2)</source>
            <translation>Today: %1 (week %2)</translation>
        </message>
        <message>
            <source>Import &amp;files…</source>
            <translation>Import &amp;files…</translation>
        </message>
        <message>
            <source>Import export files (Ctrl+O); you can also drop them onto the window</source>
            <translation>Import export files (Ctrl+O); you can also drop them onto the window</translation>
        </message>
        <message>
            <source>&amp;Import now</source>
            <translation>&amp;Import now</translation>
        </message>
        <message>
            <source>Import the export folder's files (F5)</source>
            <translation>Import the export folder's files (F5)</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>&amp;New inquiry…</source>
            <translation>&amp;New inquiry…</translation>
        </message>
        <message>
            <source>Register a phone or written inquiry (Ctrl+N)</source>
            <translation>Register a phone or written inquiry (Ctrl+N)</translation>
        </message>
        <message>
            <source>&amp;Register conversation…</source>
            <translation>&amp;Register conversation…</translation>
        </message>
        <message>
            <source>Register a conversation today on the selected case (Ctrl+R)</source>
            <translation>Register a conversation today on the selected case (Ctrl+R)</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>S&amp;ettings…</translation>
        </message>
        <message>
            <source>C&amp;ancel a cover…</source>
            <translation>C&amp;ancel a cover…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;Case</translation>
        </message>
        <message>
            <source>&amp;Team…</source>
            <translation>&amp;Team…</translation>
        </message>
        <message>
            <source>S&amp;ync now</source>
            <translation>S&amp;ync now</translation>
        </message>
        <message>
            <source>Sync with the team now (Ctrl+Shift+S)</source>
            <translation>Sync with the team now (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>&amp;Cover for a colleague…</source>
            <translation>&amp;Cover for a colleague…</translation>
        </message>
        <message>
            <source>&amp;Preview an import…</source>
            <translation>&amp;Preview an import…</translation>
        </message>
        <message>
            <source>Show what importing export files would do, without changing anything</source>
            <translation>Show what importing export files would do, without changing anything</translation>
        </message>
        <message>
            <source>E&amp;xport status to Excel…</source>
            <translation>E&amp;xport status to Excel…</translation>
        </message>
        <message>
            <source>The team lead's status workbook: choose the team and the day</source>
            <translation>The team lead's status workbook: choose the team and the day</translation>
        </message>
    </context>
    <context>
        <name>MilestoneTableModel</name>
        <message>
            <source>Milestone and reference</source>
            <translation>Milestone and reference</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
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
                <numerusform>%n more reminder</numerusform>
                <numerusform>%n more reminders</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>Show the inquiry (or, for the morning overview, the overdue cases)</source>
            <translation>Show the inquiry (or, for the morning overview, the overdue cases)</translation>
        </message>
        <message numerus="yes">
            <source>Snooze %n hour(s)</source>
            <translation>
                <numerusform>Snooze %n hour</numerusform>
                <numerusform>Snooze %n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No reminders about this inquiry for %n hour(s)</source>
            <translation>
                <numerusform>No reminders about this inquiry for %n hour</numerusform>
                <numerusform>No reminders about this inquiry for %n hours</numerusform>
            </translation>
        </message>
        <message>
            <source>Hide the reminders</source>
            <translation>Hide the reminders</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Reminder</translation>
        </message>
    </context>
    <context>
        <name>NagTray</name>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Caseworker Workbench</translation>
        </message>
        <message numerus="yes">
            <source>%n inquiry(s) waiting for a reply</source>
            <translation>
                <numerusform>%n inquiry waiting for a reply</numerusform>
                <numerusform>%n inquiries waiting for a reply</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more reminder(s) in the workbench</source>
            <translation>
                <numerusform>%n more reminder in the workbench</numerusform>
                <numerusform>%n more reminders in the workbench</numerusform>
            </translation>
        </message>
        <message>
            <source>Overdue inquiry</source>
            <translation>Overdue inquiry</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Reminder</translation>
        </message>
    </context>
    <context>
        <name>NewInquiryDialog</name>
        <message>
            <source>New inquiry</source>
            <extracomment>Each language named in itself, so anyone can find their own.</extracomment>
            <translation>New inquiry</translation>
        </message>
        <message>
            <source>Type a name or case ID</source>
            <translation>Type a name or case ID</translation>
        </message>
        <message>
            <source>&amp;Citizen:</source>
            <translation>&amp;Citizen:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Channel:</translation>
        </message>
        <message>
            <source>&amp;Received:</source>
            <translation>&amp;Received:</translation>
        </message>
        <message>
            <source>Reply by:</source>
            <translation>Reply by:</translation>
        </message>
    </context>
    <context>
        <name>NoteBox</name>
        <message>
            <source>Write a note…</source>
            <extracomment>Save this text as a note on this case. The text changed (the panel enables its buttons accordingly).</extracomment>
            <translation>Write a note…</translation>
        </message>
        <message>
            <source>Add n&amp;ote</source>
            <translation>Add n&amp;ote</translation>
        </message>
        <message>
            <source>Save the note with the event</source>
            <translation>Save the note with the event</translation>
        </message>
        <message>
            <source>Registering the event also saves the note written on this case</source>
            <translation>Registering the event also saves the note written on this case</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Edit note</source>
            <translation>Edit note</translation>
        </message>
        <message>
            <source>Written by %1 %2</source>
            <translation>Written by %1 %2</translation>
        </message>
    </context>
    <context>
        <name>NoteTableModel</name>
        <message>
            <source>Written</source>
            <translation>Written</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
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
            <translation>The reminders could not be checked: %1</translation>
        </message>
        <message>
            <source>No reminders about %1 until %2.</source>
            <translation>No reminders about %1 until %2.</translation>
        </message>
        <message>
            <source>The export folder could not be read: %1</source>
            <translation>The export folder could not be read: %1</translation>
        </message>
    </context>
    <context>
        <name>ReportActions</name>
        <message>
            <source>Cancelling the report…</source>
            <extracomment>Where the folder the last report went to is remembered. Emitted with the ReportSummary once the workbook is written (and opened). Emitted when a report was cancelled: nothing was written. Emitted with the error when a report failed: nothing was written. A short message for the status bar. Emitted with (steps done, steps) as the report goes, once the progress dialog shows it. Opens the written workbook; tests replace it (no spreadsheet program there).</extracomment>
            <translation>Cancelling the report…</translation>
        </message>
        <message>
            <source>Writing the status workbook…</source>
            <translation>Writing the status workbook…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Export status to Excel</source>
            <translation>Export status to Excel</translation>
        </message>
        <message>
            <source>Status workbook written: %1 (%2 open cases: %3 red, %4 amber, %5 green).</source>
            <translation>Status workbook written: %1 (%2 open cases: %3 red, %4 amber, %5 green).</translation>
        </message>
        <message>
            <source>The workbook was written but could not be opened.</source>
            <translation>The workbook was written but could not be opened.</translation>
        </message>
        <message>
            <source>The report was cancelled; no file was written.</source>
            <translation>The report was cancelled; no file was written.</translation>
        </message>
        <message>
            <source>No workbook was written.</source>
            <translation>No workbook was written.</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Export status to Excel</source>
            <translation>Export status to Excel</translation>
        </message>
        <message>
            <source>All teams</source>
            <translation>All teams</translation>
        </message>
        <message>
            <source>Full CPR numbers (recorded in the audit log)</source>
            <translation>Full CPR numbers (recorded in the audit log)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <source>&amp;Team:</source>
            <translation>&amp;Team:</translation>
        </message>
        <message>
            <source>&amp;Status as of:</source>
            <translation>&amp;Status as of:</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <source>The workbook holds names and case facts: it is recorded in the audit log. The file opens when it is ready.</source>
            <translation>The workbook holds names and case facts: it is recorded in the audit log. The file opens when it is ready.</translation>
        </message>
        <message>
            <source>Save the status workbook</source>
            <translation>Save the status workbook</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>SettingsActions</name>
        <message>
            <source>Every registration records who made it: enter your initials, then register again.</source>
            <extracomment>The settings read or saved now are in force (the window shows the profile). A short message for the status bar.</extracomment>
            <translation>Every registration records who made it: enter your initials, then register again.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
        <message>
            <source>My &amp;initials:</source>
            <translation>My &amp;initials:</translation>
        </message>
        <message>
            <source>My &amp;team:</source>
            <translation>My &amp;team:</translation>
        </message>
        <message>
            <source>&amp;Export folder:</source>
            <translation>&amp;Export folder:</translation>
        </message>
        <message>
            <source>&amp;Rule profile:</source>
            <translation>&amp;Rule profile:</translation>
        </message>
        <message>
            <source>&amp;Amber window:</source>
            <translation>&amp;Amber window:</translation>
        </message>
        <message>
            <source>Refuse an import that &amp;closes more than:</source>
            <translation>Refuse an import that &amp;closes more than:</translation>
        </message>
        <message>
            <source>&amp;Closure days:</source>
            <translation>&amp;Closure days:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Export folder</translation>
        </message>
    </context>
    <context>
        <name>StartUp</name>
        <message>
            <source>Welcome</source>
            <extracomment>The database is open and the settings are read: the reminders may start.</extracomment>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>The database is empty.</source>
            <translation>The database is empty.</translation>
        </message>
        <message>
            <source>Load a demo caseload of fictional citizens to try the workbench? You can import your own export later (Import now, F5).</source>
            <translation>Load a demo caseload of fictional citizens to try the workbench? You can import your own export later (Import now, F5).</translation>
        </message>
        <message>
            <source>Caseworker Workbench</source>
            <translation>Caseworker Workbench</translation>
        </message>
        <message>
            <source>The database could not be opened.</source>
            <translation>The database could not be opened.</translation>
        </message>
        <message>
            <source>The database is damaged and cannot be opened. Restore the latest backup, from %1?</source>
            <translation>The database is damaged and cannot be opened. Restore the latest backup, from %1?</translation>
        </message>
        <message>
            <source>Work registered after the backup must be registered again. The damaged file is kept beside it.</source>
            <translation>Work registered after the backup must be registered again. The damaged file is kept beside it.</translation>
        </message>
    </context>
    <context>
        <name>TeamActions</name>
        <message>
            <source>Join code</source>
            <extracomment>True when the database joined a team (or is found in one), False if not. A sync has been shown, or has failed. A short message for the status bar.</extracomment>
            <translation>Join code</translation>
        </message>
        <message>
            <source>The team&apos;s key was made now. Give your teammates this join code (it is shown only now):

%1</source>
            <translation>The team's key was made now. Give your teammates this join code (it is shown only now):

%1</translation>
        </message>
        <message>
            <source>This workbench is in no team: join one first (Team…).</source>
            <translation>This workbench is in no team: join one first (Team…).</translation>
        </message>
        <message>
            <source>Synced: sent %1, received %2 (%3)</source>
            <translation>Synced: sent %1, received %2 (%3)</translation>
        </message>
        <message>
            <source>The team sync failed; it is tried again: %1</source>
            <translation>The team sync failed; it is tried again: %1</translation>
        </message>
        <message>
            <source>No colleague is covered now.</source>
            <translation>No colleague is covered now.</translation>
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
            <translation>This workbench is in no team yet.</translation>
        </message>
        <message>
            <source>Me: %1. Members: %2. Shared over: %3. Last sync: %4. Waiting to be sent: %5.</source>
            <translation>Me: %1. Members: %2. Shared over: %3. Last sync: %4. Waiting to be sent: %5.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Empty: the folder or server IT set up</source>
            <translation>Empty: the folder or server IT set up</translation>
        </message>
        <message>
            <source>postgresql://… (instead of a folder)</source>
            <translation>postgresql://… (instead of a folder)</translation>
        </message>
        <message>
            <source>My &amp;initials:</source>
            <translation>My &amp;initials:</translation>
        </message>
        <message>
            <source>&amp;Members:</source>
            <translation>&amp;Members:</translation>
        </message>
        <message>
            <source>Shared &amp;folder:</source>
            <translation>Shared &amp;folder:</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>&amp;Join</source>
            <translation>&amp;Join</translation>
        </message>
        <message>
            <source>Quarantined: %1 (from %2). Newer version: %3. Clock ahead: %4.</source>
            <translation>Quarantined: %1 (from %2). Newer version: %3. Clock ahead: %4.</translation>
        </message>
        <message>
            <source>In sync with the team.</source>
            <translation>In sync with the team.</translation>
        </message>
        <message>
            <source>Differs from: %1.</source>
            <translation>Differs from: %1.</translation>
        </message>
        <message>
            <source>Missing, asked for again: %1.</source>
            <translation>Missing, asked for again: %1.</translation>
        </message>
        <message>
            <source>WBT1-… from the teammate who joined first; empty if you are the first</source>
            <translation>WBT1-… from the teammate who joined first; empty if you are the first</translation>
        </message>
        <message>
            <source>Join &amp;code:</source>
            <translation>Join &amp;code:</translation>
        </message>
    </context>
    <context>
        <name>TrayKeeper</name>
        <message>
            <source>&amp;Open Caseworker Workbench</source>
            <extracomment>Remembered once the first-time notice has been shown.</extracomment>
            <translation>&amp;Open Caseworker Workbench</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Caseworker Workbench is still running</source>
            <translation>Caseworker Workbench is still running</translation>
        </message>
        <message>
            <source>Reminders keep coming; the tray icon opens the window, its menu quits.</source>
            <translation>Reminders keep coming; the tray icon opens the window, its menu quits.</translation>
        </message>
    </context>
    <context>
        <name>WaiverDialog</name>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Until ended</source>
            <translation>Until ended</translation>
        </message>
        <message>
            <source>Pause case %1</source>
            <translation>Pause case %1</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Exempt case %1</source>
            <translation>Exempt case %1</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
    </context>
    <context>
        <name>WaiverTab</name>
        <message>
            <source>Pauses (%1)</source>
            <extracomment>(&quot;pause&quot; or &quot;exemption&quot;, its id). A pause's id, to end it.</extracomment>
            <translation>Pauses (%1)</translation>
        </message>
        <message>
            <source>until ended</source>
            <translation>until ended</translation>
        </message>
        <message>
            <source>Paused %1 – %2: %3 (by %4)</source>
            <translation>Paused %1 – %2: %3 (by %4)</translation>
        </message>
        <message>
            <source>Exempt from %1: %2 (by %3)</source>
            <translation>Exempt from %1: %2 (by %3)</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>withdrawn</translation>
        </message>
        <message>
            <source>&amp;Pause…</source>
            <translation>&amp;Pause…</translation>
        </message>
        <message>
            <source>Pause the case's deadlines for a legal reason</source>
            <translation>Pause the case's deadlines for a legal reason</translation>
        </message>
        <message>
            <source>E&amp;xempt…</source>
            <translation>E&amp;xempt…</translation>
        </message>
        <message>
            <source>Exempt the case from one rule for a legal reason</source>
            <translation>Exempt the case from one rule for a legal reason</translation>
        </message>
        <message>
            <source>End pause…</source>
            <translation>End pause…</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>Withdraw a pause or exemption registered in error</source>
            <translation>Withdraw a pause or exemption registered in error</translation>
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <source>Withdraw an event</source>
            <translation>Withdraw an event</translation>
        </message>
        <message>
            <source>%1 on %2, registered by %3</source>
            <translation>%1 on %2, registered by %3</translation>
        </message>
        <message>
            <source>Why, e.g. registered on the wrong case</source>
            <translation>Why, e.g. registered on the wrong case</translation>
        </message>
        <message>
            <source>&amp;Register the right one instead</source>
            <translation>&amp;Register the right one instead</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
    </context>
    <context>
        <name>nags</name>
        <message>
            <source>The morning summary has no caseload to count: enter your initials (Settings) to see your own overdue and soon due cases</source>
            <translation>The morning summary has no caseload to count: enter your initials (Settings) to see your own overdue and soon due cases</translation>
        </message>
        <message>
            <source>The morning summary has no caseload to count: no open case has the caseworker %1</source>
            <translation>The morning summary has no caseload to count: no open case has the caseworker %1</translation>
        </message>
        <message>
            <source>Your caseload this morning: %1 overdue, %2 due soon</source>
            <translation>Your caseload this morning: %1 overdue, %2 due soon</translation>
        </message>
        <message>
            <source>Overdue: reply to %1 (case %2), the reply was due %3</source>
            <translation>Overdue: reply to %1 (case %2), the reply was due %3</translation>
        </message>
        <message>
            <source>Overdue: call back %1 (case %2), the reply was due %3</source>
            <translation>Overdue: call back %1 (case %2), the reply was due %3</translation>
        </message>
        <message>
            <source>Reply: the inquiry from %1 (case %2) must be answered today</source>
            <translation>Reply: the inquiry from %1 (case %2) must be answered today</translation>
        </message>
        <message>
            <source>Call back: the inquiry from %1 (case %2) must be answered today</source>
            <translation>Call back: the inquiry from %1 (case %2) must be answered today</translation>
        </message>
        <message>
            <source>Reply: the inquiry from %1 (case %2) must be answered by %3</source>
            <translation>Reply: the inquiry from %1 (case %2) must be answered by %3</translation>
        </message>
        <message>
            <source>Call back: the inquiry from %1 (case %2) must be answered by %3</source>
            <translation>Call back: the inquiry from %1 (case %2) must be answered by %3</translation>
        </message>
    </context>
    <context>
        <name>texts</name>
        <message>
            <source>not legally verified</source>
            <translation>not legally verified</translation>
        </message>
        <message>
            <source>Plan by %1</source>
            <translation>Plan by %1</translation>
        </message>
        <message>
            <source>case week %1</source>
            <translation>case week %1</translation>
        </message>
        <message>
            <source>%1 (week %2)</source>
            <translation>%1 (week %2)</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>due today</translation>
        </message>
        <message>
            <source>Sickness benefit</source>
            <translation>Sickness benefit</translation>
        </message>
        <message>
            <source>Insured unemployed</source>
            <translation>Insured unemployed</translation>
        </message>
        <message>
            <source>Job clarification</source>
            <translation>Job clarification</translation>
        </message>
        <message>
            <source>Resource programme</source>
            <translation>Resource programme</translation>
        </message>
        <message>
            <source>Social assistance</source>
            <translation>Social assistance</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>Joint conversation</source>
            <translation>Joint conversation</translation>
        </message>
        <message>
            <source>Screening</source>
            <translation>Screening</translation>
        </message>
        <message>
            <source>Clarification</source>
            <translation>Clarification</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <source>Offer started</source>
            <translation>Offer started</translation>
        </message>
        <message>
            <source>Rehabilitation team</source>
            <translation>Rehabilitation team</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Written</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Met on time</source>
            <translation>Met on time</translation>
        </message>
        <message>
            <source>Met late</source>
            <translation>Met late</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Missed</translation>
        </message>
        <message>
            <source>Central</source>
            <translation>Central</translation>
        </message>
        <message>
            <source>Local, confirmed by export</source>
            <translation>Local, confirmed by export</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Local</translation>
        </message>
    </context>
</TS>
