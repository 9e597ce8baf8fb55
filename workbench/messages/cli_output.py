"""The command line's output for a person: labels, headers, confirmations, demo, self-test.

Only the human forms are translated: ``--format json``, ``csv`` and ``excel-csv`` keep
their stable English keys and values (``case_id``, ``red``), as do the table's English
headers. A table header is ``cli.out.column.NAME``; a value of a column a person reads as a
word (status, channel, yes/no, a reminder's kind) is ``cli.out.value.NAME.VALUE``.
"""

from workbench.messages import Text

_COLUMNS = {
    f"cli.out.column.{name}": Text(da=da, en=name) for name, da in (
        ("case_id", "sagsnr."),
        ("caseworker", "sagsbehandler"),
        ("scheme", "ordning"),
        ("status", "status"),
        ("next_due", "næste frist"),
        ("milestone", "milepæl"),
        ("plan_by", "plan senest"),
        ("inquiry_id", "henv.-id"),
        ("channel", "kanal"),
        ("received", "modtaget"),
        ("due", "frist"),
        ("answered_on", "besvaret"),
        ("working_days_left", "arbejdsdage tilbage"),
        ("kind", "art"),
        ("urgent", "haster"),
        ("red", "rød"),
        ("amber", "gul"),
        ("at", "tidspunkt"),
        ("os_user", "brugerkonto"),
        ("initials", "initialer"),
        ("action", "handling"),
        ("file", "fil"),
        ("detail", "detaljer"),
        ("id", "id"),
        ("title", "titel"),
        ("reference", "lovhenvisning"),
        ("verified", "verificeret"),
    )
}

_VALUES = {
    f"cli.out.value.{column}.{value}": Text(da=da, en=value) for column, value, da in (
        ("status", "red", "rød"),
        ("status", "amber", "gul"),
        ("status", "green", "grøn"),
        ("channel", "phone", "telefon"),
        ("channel", "mail", "skriftlig"),
        ("urgent", "yes", "ja"),
        ("urgent", "no", "nej"),
        ("verified", "yes", "ja"),
        ("verified", "no", "nej"),
        ("kind", "digest", "overblik"),
        ("kind", "due_today", "frist i dag"),
        ("kind", "due_tomorrow", "frist i morgen"),
        ("kind", "overdue", "overskredet"),
        ("kind", "rule", "regel"),
        ("kind", "pause", "pause"),
        ("kind", "exemption", "fritagelse"),
        ("state", "open", "åben"),
        ("state", "met_on_time", "opfyldt til tiden"),
        ("state", "met_late", "opfyldt for sent"),
        ("state", "missed", "ikke opfyldt"),
        ("action", "reveal_cpr", "viste CPR"),
        ("action", "import", "import"),
        ("action", "report_export", "rapport"),
        ("action", "cpr_export", "CPR-eksport"),
        ("action", "pause", "pause"),
        ("action", "exemption", "fritagelse"),
        ("action", "case_attribute", "sagsoplysning"),
        ("action", "withdraw_event", "tilbagekaldt hændelse"),
        ("action", "edit_note", "rettet notat"),
        ("action", "delete_note", "slettet notat"),
        ("action", "cancel_cover", "annulleret dækning"),
        ("action", "assign_cover", "dækning"),
        ("action", "restore_backup", "gendannet"),
        ("entity", "event", "hændelse"),
        ("entity", "note", "notat"),
        ("entity", "inquiry", "henvendelse"),
        ("entity", "cover", "dækning"),
        ("entity", "pause", "pause"),
        ("entity", "exemption", "fritagelse"),
        ("source", "central", "central"),
        ("source", "local", "lokal"),
    )
}

_CASE_SHOW = {
    "cli.out.case.case_id": Text(da="sagsnr.", en="case_id"),
    "cli.out.case.name": Text(da="navn", en="name"),
    "cli.out.case.cpr": Text(da="CPR", en="cpr"),
    "cli.out.case.scheme": Text(da="ordning", en="scheme"),
    "cli.out.case.caseworker": Text(da="sagsbehandler", en="caseworker"),
    "cli.out.case.team": Text(da="team", en="team"),
    "cli.out.case.start": Text(da="start", en="start"),
    "cli.out.case.closed_on": Text(da="lukket", en="closed_on"),
    "cli.out.case.status": Text(da="status", en="status"),
    "cli.out.case.next_due": Text(da="næste frist", en="next_due"),
    "cli.out.case.milestone": Text(da="milepæl {rule_id} frist {due} {state} {status}",
                                   en="milestone {rule_id} due {due} {state} {status}"),
    "cli.out.case.event": Text(da="hændelse {id} {date} {kind} {source} {by}",
                               en="event {id} {date} {kind} {source} {by}"),
    "cli.out.case.withdrawn": Text(da=" TILBAGEKALDT af {by}: {reason}",
                                   en=" WITHDRAWN by {by}: {reason}"),
    "cli.out.case.note": Text(da="notat {id} {at} {author}: {text}",
                              en="note {id} {at} {author}: {text}"),
    "cli.out.case.conflict": Text(
        da="konflikt {entity}.{field}: beholdt {kept} ({kept_by} {kept_at}), "
           "tabt {lost} ({lost_by} {lost_at})",
        en="conflict {entity}.{field}: kept {kept} ({kept_by} {kept_at}), "
           "lost {lost} ({lost_by} {lost_at})",
    ),
}

_LINES = {
    "cli.out.withdrawn": Text(da="tilbagekaldt: {kind} {date} på sag {case_id}",
                              en="withdrawn: {kind} {date} on case {case_id}"),
    "cli.out.nag.digest": Text(da="overblik sagsstamme rød={red} gul={amber}",
                               en="digest caseload red={red} amber={amber}"),
    "cli.out.nag.inquiry": Text(da="{kind}{urgent} henvendelse={inquiry_id} sag={case_id} "
                                   "frist={due}",
                                en="{kind}{urgent} inquiry={inquiry_id} case={case_id} "
                                   "due={due}"),
    "cli.out.nag.urgent": Text(da=" haster", en=" urgent"),
    "cli.out.quarantine.entry": Text(
        da="{entry_id}  {reason}  af {author} (fra {member})  {held_at}  {problem}: {detail}",
        en="{entry_id}  {reason}  by {author} (from {member})  {held_at}  {problem}: {detail}",
    ),
    "cli.out.value.quarantine.invalid": Text(da="ugyldig", en="invalid"),
    "cli.out.value.quarantine.dropped": Text(da="kasseret", en="dropped"),
    "cli.out.value.quarantine.newer": Text(da="nyere version", en="newer"),
    "cli.out.value.quarantine.ahead": Text(da="uret foran", en="ahead"),
    "cli.out.rules.reason": Text(da="{effect}: {key:10} {title} [{reference}]{mark}",
                                 en="{effect}: {key:10} {title} [{reference}]{mark}"),
    "cli.out.demo.database": Text(da="demo-database: {database}", en="demo database: {database}"),
    "cli.out.demo.caseworker": Text(da="sagsbehandler", en="caseworker"),
    "cli.out.demo.total": Text(da="i alt", en="total"),
    "cli.out.demo.inquiries": Text(da="åbne henvendelser: {count}",
                                   en="open inquiries: {count}"),
}

_SELF_TEST = {
    "cli.out.selftest.ok": Text(da="ok    {name}: {found}", en="ok    {name}: {found}"),
    "cli.out.selftest.fail": Text(da="FEJL  {name}: {problem}", en="FAIL  {name}: {problem}"),
    "cli.out.selftest.passed": Text(da="selvtesten bestået", en="self-test passed"),
    "cli.out.selftest.failed": Text(da="selvtesten FEJLEDE", en="self-test FAILED"),
    "cli.out.selftest.profiles": Text(da="regelprofiler", en="rule profiles"),
    "cli.out.selftest.mappings": Text(da="kolonnemapninger", en="column mappings"),
    "cli.out.selftest.translations": Text(da="oversættelser", en="translations"),
    "cli.out.selftest.site_config": Text(da="maskinens konfiguration",
                                         en="machine-wide configuration"),
    "cli.out.selftest.database": Text(da="database og statusser", en="database and statuses"),
    "cli.out.selftest.encryption": Text(da="kryptering", en="encryption"),
    "cli.out.selftest.profiles_found": Text(da="{profiles} regelprofil(er), {rules} regler",
                                            en="{profiles} rule profile(s), {rules} rules"),
    "cli.out.selftest.no_profiles": Text(da="ingen regelprofiler i {folder}",
                                         en="no rule profiles in {folder}"),
    "cli.out.selftest.mappings_found": Text(da="{files} mappingfil(er) ({origins})",
                                            en="{files} mapping file(s) ({origins})"),
    "cli.out.selftest.translations_missing": Text(
        da="oversættelser mangler i {folder}: {languages}",
        en="translations missing in {folder}: {languages}"),
    "cli.out.selftest.site_none": Text(da="ingen udrullet ({path})",
                                       en="none deployed ({path})"),
    "cli.out.selftest.site_team_only": Text(da="kun teamindstillinger",
                                            en="team settings only"),
    "cli.out.selftest.demo_missing": Text(da="demo-udtræk mangler i {folder}: {files}",
                                          en="demo export missing in {folder}: {files}"),
    "cli.out.selftest.demo_wrong": Text(
        da="demo-importen gav {cases} åbne sager og {rejected} afviste rækker",
        en="demo import gave {cases} open cases and {rejected} rejected rows"),
    "cli.out.selftest.demo_found": Text(
        da="demo-udtræk: {cases} sager, {events} hændelser; "
           "{red} røde, {amber} gule, {green} grønne",
        en="demo export: {cases} cases, {events} events; "
           "{red} red, {amber} amber, {green} green"),
    "cli.out.selftest.sqlcipher_optional": Text(
        da="ikke installeret (den valgfri encryption-pakke)",
        en="not installed (the optional encryption extra)"),
    "cli.out.selftest.sqlcipher_unbuilt": Text(
        da="sqlcipher3 er installeret, men er ikke bygget med SQLCipher",
        en="sqlcipher3 is installed but is not built with SQLCipher"),
}

#: The placeholders of the newer commands' values in ``--help`` (``cli.metavar.*``, as
#: ``workbench.messages.cli``); ABSENT stays, as the commands' texts name it.
_METAVARS = {
    f"cli.metavar.{given}": Text(da=da, en=given) for given, da in (
        ("TEXT", "TEKST"),
        ("EVENT_ID", "HÆNDELSES_ID"),
        ("NOTE_ID", "NOTAT_ID"),
        ("CODE", "KODE"),
    )
}

#: Where a mapping comes from, and what a table of an export holds (mapping list, dry run).
_MAPPINGS = {
    "mapping.origin.bundled": Text(da="medfølgende", en="bundled"),
    "mapping.origin.site": Text(da="IT", en="site"),
    "mapping.origin.user": Text(da="bruger", en="user"),
    "mapping.origin.built-in": Text(da="indbygget", en="built-in"),
    "mapping.table.cases": Text(da="sager", en="cases"),
    "mapping.table.events": Text(da="hændelser", en="events"),
}

#: The team's setup and transport errors (workbench.sync): ``sync.error.*``.
_SYNC_ERRORS = {
    "sync.error.no_team": Text(
        da="databasen er ikke i noget team endnu: tilmeld den med "
           "workbench team join --me AB --members AB,CD,EF --folder MAPPE",
        en="this database is in no team yet: join one with "
           "workbench team join --me AB --members AB,CD,EF --folder DIR"),
    "sync.error.not_a_member": Text(da="medlemmerne ({members}) skal omfatte dig ({me})",
                                    en="the members ({members}) must include you ({me})"),
    "sync.error.no_transport": Text(
        da="giv teamet en delt mappe (--folder) eller en server (--server); IT's "
           "maskinkonfiguration nævner ingen af dem",
        en="give the team a shared folder (--folder) or a server (--server); IT's "
           "machine-wide configuration names neither"),
    "sync.error.two_transports": Text(
        da="giv teamet enten en delt mappe eller en server, ikke begge",
        en="give the team either a shared folder or a server, not both"),
    "sync.error.no_folder": Text(
        da="den delte mappe {folder} findes ikke eller kan ikke nås",
        en="the shared folder {folder} does not exist or cannot be reached"),
    "sync.error.not_initials": Text(
        da="ikke initialer: {text} (bogstaver og cifre, højst 20)",
        en="not initials: {text} (letters and digits, up to 20)"),
    "sync.error.unreachable": Text(da="den delte mappe {folder} kan ikke nås",
                                   en="the shared folder {folder} cannot be reached"),
    "sync.error.cannot_write": Text(da="kan ikke skrive i den delte mappe {folder}: {error}",
                                    en="cannot write to the shared folder {folder}: {error}"),
    "sync.error.cannot_read": Text(da="kan ikke læse den delte mappe {folder}: {error}",
                                   en="cannot read the shared folder {folder}: {error}"),
    "sync.error.cannot_read_file": Text(da="kan ikke læse {file}: {error}",
                                        en="cannot read {file}: {error}"),
    "sync.error.marker_lost": Text(da="den delte mappe {folder} beholdt ikke {file}",
                                   en="the shared folder {folder} did not keep {file}"),
    "sync.error.batch_exists": Text(
        da="pakken {batch} findes allerede; den sendes igen ved næste synkronisering",
        en="the batch {batch} exists already; it is sent again at the next sync"),
    "sync.error.batch_unread": Text(
        da="pakken {batch} kunne ikke læses tilbage som skrevet; den sendes igen ved næste "
           "synkronisering",
        en="the batch {batch} did not read back as written; it is sent again at the next "
           "sync"),
    "sync.error.not_a_url": Text(da="ikke en server-URL: {url} (forventet postgresql://...)",
                                 en="not a server URL: {url} (expected postgresql://...)"),
    "sync.error.not_postgresql": Text(
        da="teamets hub skal være en PostgreSQL-server, ikke {driver}",
        en="the team hub must be a PostgreSQL server, not {driver}"),
    "sync.error.hub": Text(da="kan ikke bruge teamets hub ({hub}): {detail}",
                           en="cannot use the team hub ({hub}): {detail}"),
}

TEXTS = {**_COLUMNS, **_VALUES, **_CASE_SHOW, **_LINES, **_SELF_TEST, **_SYNC_ERRORS,
         **_MAPPINGS, **_METAVARS}
