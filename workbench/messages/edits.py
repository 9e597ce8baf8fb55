"""Messages of everyday edits: registering, withdrawing, notes, covers, restoring a backup."""

from workbench.messages import Text

TEXTS = {
    "edits.unknown_event": Text(
        da="der er ingen hændelse med id {event_id}; intet blev ændret",
        en="there is no event with id {event_id}; nothing was changed",
    ),
    "edits.central_event": Text(
        da="hændelse {event_id} kommer fra det centrale udtræk og kan ikke trækkes tilbage her",
        en="event {event_id} comes from the central export and cannot be withdrawn here",
    ),
    "edits.reason_needed": Text(
        da="skriv hvorfor hændelsen trækkes tilbage (en begrundelse)",
        en="say why the event is withdrawn (a reason)",
    ),
    "edits.unknown_note": Text(
        da="der er ingen note med id {note_id}; intet blev ændret",
        en="there is no note with id {note_id}; nothing was changed",
    ),
    "edits.note_text_needed": Text(
        da="en note skal have en tekst",
        en="a note needs some text",
    ),
    "edits.initials_needed": Text(
        da="skriv hvem der registrerer (dine initialer)",
        en="say who registers it (your initials)",
    ),
    "edits.future_date": Text(
        da="datoen {date} ligger efter i dag ({today}); en hændelse registreres, når den er "
           "sket. Ret datoen",
        en="the date {date} is after today ({today}); an event is registered once it has "
           "happened. Correct the date",
    ),
    "edits.before_start": Text(
        da="datoen {date} ligger før sagens startdato ({start}). Ret datoen",
        en="the date {date} is before the case's start date ({start}). Correct the date",
    ),
    "edits.duplicate_event": Text(
        da="sag {case_id} har allerede en {kind} den {date}",
        en="case {case_id} already has a {kind} on {date}",
    ),
    "edits.no_cover": Text(
        da="{absent} bliver ikke dækket{scope}; der er intet at annullere",
        en="nobody covers {absent}{scope}; there is nothing to cancel",
    ),
    "restore.would_lose": Text(
        da="databasen {database} er intakt. Backuppen fra {made} ville miste {changes} lokale "
           "ændringer og {audits} logposter, der er lavet siden. Intet blev ændret; gentag med "
           "--force for at gendanne alligevel (logposterne og ændringerne føres så med over)",
        en="the database {database} is intact. The backup from {made} would lose {changes} "
           "local changes and {audits} audit entries made since it. Nothing was changed; run "
           "again with --force to restore anyway (the audit entries and changes are then "
           "carried over)",
    ),
    # The command line's help for the commands of everyday edits (workbench.cli).
    "cli.command.case.show": Text(da="vis én sag", en="show one case"),
    "cli.command.case.show.about": Text(
        da="Fakta (CPR-nr. maskeret), milepæle, hændelser og noter med id; tilbagekaldte "
           "hændelser er markeret.",
        en="Facts (CPR number masked), milestones, events and notes with their ids; "
           "withdrawn events are marked."),
    "cli.command.event": Text(da="ret en registreret hændelse",
                              en="correct a registered event"),
    "cli.command.event.about": Text(
        da="Ret en hændelse registreret her: træk den tilbage med en begrundelse, og "
           "registrér den rigtige med register.",
        en="Correct an event registered here: withdraw it with a reason, and register the "
           "right one with register."),
    "cli.command.event.withdraw": Text(da="træk en lokal hændelse tilbage med en begrundelse",
                                       en="withdraw a local event, saying why"),
    "cli.command.event.withdraw.about": Text(
        da="Træk en lokal hændelse tilbage; teamet ser hvem og hvorfor, og loggen "
           "registrerer det.",
        en="Withdraw a local event; the team sees who and why, and the audit log records "
           "it."),
    "cli.command.note": Text(da="skriv, ret eller slet en note",
                             en="add, edit or delete a note"),
    "cli.command.note.about": Text(
        da="Noter på en sag; rettelser og sletninger logges, og teksterne bliver i historikken.",
        en="Notes on a case; edits and deletions are audited, and the texts stay in the "
           "history."),
    "cli.command.note.add": Text(da="skriv en note på en sag; skriver dens id",
                                 en="add a note to a case; prints its id"),
    "cli.command.note.add.about": Text(da="Skriv en note på en sag.", en="Add a note to a case."),
    "cli.command.note.edit": Text(da="giv en note en ny tekst", en="give a note a new text"),
    "cli.command.note.edit.about": Text(da="Giv en note en ny tekst (den gamle bliver i "
                                           "historikken).",
                                        en="Give a note a new text (the old one stays in the "
                                           "history)."),
    "cli.command.note.delete": Text(da="slet en note", en="delete a note"),
    "cli.command.note.delete.about": Text(da="Slet en note (teksterne bliver i historikken).",
                                          en="Delete a note (its texts stay in the history)."),
    "cli.command.cover": Text(da="dæk for en fraværende kollega",
                              en="cover an absent colleague"),
    "cli.command.cover.about": Text(
        da="Dækning af en fraværende kollegas sager; hele teamet får den.",
        en="Cover of an absent colleague's cases; the whole team receives it."),
    "cli.command.cover.assign": Text(da="dæk ABSENTs sager fra en dag til en anden",
                                     en="cover ABSENT's cases from one day to another"),
    "cli.command.cover.assign.about": Text(
        da="Lad en kollega dække ABSENTs sager (eller én sag) i en periode.",
        en="Let a colleague cover ABSENT's cases (or one case) for a while."),
    "cli.command.cover.cancel": Text(da="afslut dækningen af ABSENTs sager",
                                     en="end the cover of ABSENT's cases"),
    "cli.command.cover.cancel.about": Text(
        da="Afslut en dækning for hele teamet (det logges).",
        en="End a cover for the whole team (audited)."),
    "cli.arg.note_with": Text(da="gem en note med hændelsen", en="save a note with the event"),
    "cli.arg.case_format": Text(da="text (standard) eller json", en="text (default) or json"),
    "cli.arg.event_id": Text(da="hændelsens id (se case show)",
                             en="the event's id (see case show)"),
    "cli.arg.reason": Text(da="hvorfor den trækkes tilbage", en="why it is withdrawn"),
    "cli.arg.note_id": Text(da="notens id (se case show)", en="the note's id (see case show)"),
    "cli.arg.note_text": Text(da="notens tekst", en="the note's text"),
    "cli.arg.covering": Text(da="initialerne på den, der dækker",
                             en="the initials of who covers"),
    "cli.arg.cover_from": Text(da="første dag", en="the first day"),
    "cli.arg.cover_to": Text(da="sidste dag", en="the last day"),
    "cli.arg.absent": Text(da="den fraværende kollegas initialer",
                           en="the absent colleague's initials"),
    "cli.arg.cover_case": Text(da="kun denne sag", en="this case only"),
    "cli.arg.restore_force": Text(
        da="gendan også over en intakt database (logposter og lokale ændringer føres med over)",
        en="restore over an intact database too (audit entries and local changes are "
           "carried over)"),
    "cli.arg.restore_by": Text(da="hvem der gendanner (til loggen)",
                               en="who restores (for the audit log)"),
    "restore.carried_over": Text(
        da="overført: {audits} revisionsposter; {changes} lokale ændringer tilbage i udbakken",
        en="carried over: {audits} audit entries; {changes} local changes back in the outbox",
    ),
    "restore.restored": Text(da="gendannede {database} fra {backup} ({made})",
                             en="restored {database} from {backup} ({made})"),
    "restore.kept": Text(da="den gamle fil er gemt som {kept}",
                         en="the old file is kept as {kept}"),
}
