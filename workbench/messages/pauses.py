"""Messages of the rules at work on a case: pauses, exemptions and case attributes."""

from workbench.messages import Text

TEXTS = {
    "pause.initials_required": Text(
        da="angiv hvem der registrerer det (initialer)",
        en="say who registers it (initials)",
    ),
    "pause.unknown_reason": Text(
        da="'{reason}' er ikke en grund til pause i regelsættet {profile} (kendte: {known})",
        en="'{reason}' is no reason for a pause in the rule profile {profile} "
           "(known: {known})",
    ),
    "pause.ends_before_start": Text(
        da="pausen slutter ({ends}) før den begynder ({starts})",
        en="the pause ends ({ends}) before it starts ({starts})",
    ),
    "pause.unknown": Text(
        da="ingen pause med id {pause_id}",
        en="no pause with id {pause_id}",
    ),
    "pause.withdrawn": Text(
        da="pause {pause_id} er trukket tilbage",
        en="pause {pause_id} is withdrawn",
    ),
    "exemption.unknown_reason": Text(
        da="'{reason}' er ikke en grund til fritagelse i regelsættet {profile} "
           "(kendte: {known})",
        en="'{reason}' is no reason for an exemption in the rule profile {profile} "
           "(known: {known})",
    ),
    "exemption.unknown_rule": Text(
        da="reglen '{rule_id}' findes ikke i regelsættet {profile}",
        en="the rule profile {profile} has no rule '{rule_id}'",
    ),
    "exemption.wrong_scheme": Text(
        da="reglen {rule_id} gælder ikke sager om {scheme}",
        en="the rule {rule_id} does not apply to {scheme} cases",
    ),
    "exemption.duplicate": Text(
        da="sag '{case_id}' er allerede fritaget fra {rule_id}",
        en="case '{case_id}' is already exempt from {rule_id}",
    ),
    "exemption.unknown": Text(
        da="ingen fritagelse med id {exemption_id}",
        en="no exemption with id {exemption_id}",
    ),
    "attribute.unknown": Text(
        da="'{name}' er ikke en sagsoplysning (en af {known})",
        en="'{name}' is no case attribute (one of {known})",
    ),
    "attribute.empty": Text(
        da="angiv en værdi for {name}",
        en="give a value for {name}",
    ),
    "pause.usage": Text(
        da="brug: workbench pause SAGS_ID --from D [--to D] --reason NØGLE | "
           "pause end ID --to D | pause withdraw ID",
        en="usage: workbench pause CASE_ID --from D [--to D] --reason KEY | "
           "pause end ID --to D | pause withdraw ID",
    ),
    "exemption.usage": Text(
        da="brug: workbench exempt SAGS_ID REGEL_ID --reason NØGLE | exempt withdraw ID",
        en="usage: workbench exempt CASE_ID RULE_ID --reason KEY | exempt withdraw ID",
    ),
    # The command line's help texts of these commands.
    "cli.command.pause": Text(
        da="sæt en sags frister på pause med en grund fra regelsættet; skriver pausens id",
        en="pause a case's deadlines for a reason from the profile; prints its id",
    ),
    "cli.command.pause.about": Text(
        da="workbench pause SAGS_ID --from D [--to D] --reason NØGLE sætter fristerne på pause; "
           "workbench pause end ID --to D afslutter pausen; workbench pause withdraw ID "
           "trækker en fejlregistreret pause tilbage.",
        en="workbench pause CASE_ID --from D [--to D] --reason KEY pauses the deadlines; "
           "workbench pause end ID --to D ends the pause; workbench pause withdraw ID "
           "withdraws one registered in error.",
    ),
    "cli.command.exempt": Text(
        da="frita en sag fra én regel med en grund fra regelsættet; skriver fritagelsens id",
        en="exempt a case from one rule for a reason from the profile; prints its id",
    ),
    "cli.command.exempt.about": Text(
        da="workbench exempt SAGS_ID REGEL_ID --reason NØGLE fritager sagen fra reglen; "
           "workbench exempt withdraw ID trækker fritagelsen tilbage.",
        en="workbench exempt CASE_ID RULE_ID --reason KEY exempts the case from the rule; "
           "workbench exempt withdraw ID withdraws the exemption.",
    ),
    "cli.command.pauses": Text(
        da="en sags pauser, fritagelser og sagsoplysninger",
        en="a case's pauses, exemptions and attributes",
    ),
    "cli.command.pauses.about": Text(
        da="Skriver sagens pauser og fritagelser (også de tilbagetrukne) med grund og "
           "lovhenvisning, og dens sagsoplysninger.",
        en="Prints the case's pauses and exemptions (withdrawn ones too) with reason and "
           "legal reference, and its attributes.",
    ),
    "cli.command.case": Text(
        da="oplysninger om en sag, der holdes her",
        en="facts of a case kept here",
    ),
    "cli.command.case.about": Text(
        da="Sætter eller fjerner en sagsoplysning (Målgruppe, Beskæftiget, Kategori) her; "
           "udtrækkets værdi gælder igen, når den fjernes.",
        en="Sets or clears a case attribute (Målgruppe, Beskæftiget, Kategori) here; the "
           "export's value applies again once it is cleared.",
    ),
    "cli.command.case.set-attribute": Text(
        da="sæt en sagsoplysning her (udtrækkets værdi bliver under den)",
        en="set a case attribute here (the export's value stays beneath it)",
    ),
    "cli.command.case.set-attribute.about": Text(
        da="Den værdi, der sættes her, gælder frem for udtrækkets; en import ændrer den ikke.",
        en="The value set here wins over the export's; no import changes it.",
    ),
    "cli.command.case.clear-attribute": Text(
        da="fjern en sagsoplysning sat her",
        en="clear a case attribute set here",
    ),
    "cli.command.case.clear-attribute.about": Text(
        da="Fjerner værdien sat her; udtrækkets værdi, hvis der er en, gælder igen.",
        en="Clears the value set here; the export's value, if any, applies again.",
    ),
    "cli.arg.pause_target": Text(
        da="sagen der sættes på pause, eller end/withdraw efterfulgt af pausens id",
        en="the case to pause, or end/withdraw followed by a pause's id",
    ),
    "cli.arg.pause_id": Text(da="pausen der afsluttes eller trækkes tilbage",
                             en="the pause to end or withdraw"),
    "cli.arg.pause_from": Text(da="første dag i pausen", en="the first paused day"),
    "cli.arg.pause_to": Text(da="sidste dag i pausen (standard: indtil den afsluttes)",
                             en="the last paused day (default: until ended)"),
    "cli.arg.pause_reason": Text(
        da="en grund til pause fra regelsættet (se workbench rules)",
        en="a pause reason of the profile (see workbench rules)",
    ),
    "cli.arg.exempt_target": Text(da="sagen der fritages, eller withdraw",
                                  en="the case to exempt, or withdraw"),
    "cli.arg.exempt_rule": Text(
        da="reglen sagen fritages fra, eller fritagelsen der trækkes tilbage",
        en="the rule to exempt it from, or the exemption to withdraw",
    ),
    "cli.arg.exempt_reason": Text(
        da="en grund til fritagelse fra regelsættet (se workbench rules)",
        en="an exemption reason of the profile (see workbench rules)",
    ),
    "cli.arg.attribute_name": Text(da="maalgruppe (Målgruppe), beskaeftiget eller kategori",
                                   en="maalgruppe (Målgruppe), beskaeftiget or kategori"),
    "cli.arg.attribute_value": Text(da="værdien, fx jobparat", en="the value, e.g. jobparat"),
    "cli.metavar.KEY": Text(da="NØGLE", en="KEY"),
    "cli.metavar.RULE_ID": Text(da="REGEL_ID", en="RULE_ID"),
    "cli.metavar.NAME": Text(da="NAVN", en="NAME"),
    "cli.metavar.VALUE": Text(da="VÆRDI", en="VALUE"),
    # --- what `workbench pauses` prints -----------------------------------------------
    "pauses.cli.pause": Text(da="pause {id}: {what} [{reference}] af {by}{mark}",
                             en="pause {id}: {what} [{reference}] by {by}{mark}"),
    "pauses.cli.exemption": Text(da="fritagelse {id}: {what} [{reference}] af {by}{mark}",
                                 en="exemption {id}: {what} [{reference}] by {by}{mark}"),
    "pauses.cli.withdrawn": Text(da=" (trukket tilbage)", en=" (withdrawn)"),
    "pauses.cli.attribute": Text(da="egenskab {name}: {value}", en="attribute {name}: {value}"),
}
