"""Messages of team sync (workbench.sync): joining, the team key, held entries, convergence."""

from workbench.messages import Text

TEXTS = {
    "sync.join_code_invalid": Text(
        da="det er ikke en gyldig tilmeldingskode (den begynder med WBT1-); tjek for tastefejl",
        en="that is not a valid join code (it starts with WBT1-); check it for typos"),
    "sync.join_code_wrong": Text(
        da="tilmeldingskoden hører ikke til dette teams nøgle; bed en kollega om teamets kode",
        en="the join code does not belong to this team's key; ask a teammate for the team's "
           "code"),
    "sync.join_code_needed": Text(
        da="teamet har allerede en nøgle: bed en kollega om tilmeldingskoden og tilmeld med "
           "--join-code KODE",
        en="the team already has a key: ask a teammate for the join code and join with "
           "--join-code CODE"),
    "sync.keyring_missing": Text(
        da="teamets nøgle gemmes i styresystemets nøglering, men pakken keyring mangler",
        en="the team key is kept in the OS keyring, but the keyring package is missing"),
    "sync.keyring_failed": Text(
        da="teamets nøgle kan ikke læses fra eller gemmes i nøgleringen ({error})",
        en="the team key cannot be read from or stored in the keyring ({error})"),
    "sync.key_missing": Text(
        da="teamets nøgle er ikke i denne brugers nøglering; tilmeld igen med --join-code KODE",
        en="the team key is not in this user's keyring; join again with --join-code CODE"),
    "sync.rejoin": Text(
        da="teamet deles nu krypteret: tilmeld igen (den første med team join, de andre med "
           "--join-code KODE)",
        en="the team now shares encrypted: join again (the first member with team join, the "
           "others with --join-code CODE)"),
    "sync.quarantine_unknown": Text(
        da="ingen post i karantæne har id {entry_id}",
        en="no quarantined entry has the id {entry_id}"),
    "sync.invalid_author": Text(
        da="forfatteren mangler eller er for lang", en="the author is missing or too long"),
    "sync.invalid_value": Text(
        da="en værdi er ikke gyldig", en="a value is not valid"),
    "sync.malformed": Text(
        da="posten kan ikke læses", en="the entry cannot be read"),
    "sync.not_authentic": Text(
        da="posten er ikke lavet med teamets nøgle (eller ændret undervejs)",
        en="the entry was not made with the team key (or changed on the way)"),
    "sync.unknown_member": Text(
        da="posten er sendt af en, der ikke er medlem af teamet",
        en="the entry was sent by someone who is not a team member"),
    "sync.newer_version": Text(
        da="en kollega bruger en nyere version af Workbench; posten venter, til du opdaterer",
        en="a teammate runs a newer version of the Workbench; the entry waits until you "
           "upgrade"),
    "sync.clock_ahead": Text(
        da="afsenderens ur går mere end 5 minutter foran; posten venter",
        en="the sender's clock is more than 5 minutes ahead; the entry waits"),
    "sync.in_sync": Text(da="i sync", en="in sync"),
    "sync.differs": Text(
        da="{member} afviger: {details}", en="{member} differs: {details}"),
    "sync.differs_count": Text(
        da="{member} har {theirs} af {author}s poster, jeg har {mine}",
        en="{member} has {theirs} of {author}'s entries, I have {mine}"),
    "sync.not_compared": Text(
        da="ikke sammenlignet endnu (synkronisér først)",
        en="not compared yet (sync first)"),
    "cli.command.team.quarantine": Text(
        da="kollegers poster, der holdes tilbage her",
        en="teammates' entries held back here"),
    "cli.command.team.quarantine.about": Text(
        da="Viser de poster fra kolleger, der ikke er anvendt: i karantæne (ugyldige), fra en "
           "nyere version eller med et ur, der går foran. --drop ID kasserer en post i "
           "karantæne for altid.",
        en="Lists the teammates' entries not applied here: quarantined (invalid), from a newer "
           "version, or with a clock ahead. --drop ID discards a quarantined entry for good."),
    "cli.arg.join_code": Text(
        da="koden, som teamets første medlem fik vist (ikke for den første)",
        en="the code the team's first member was shown (not for the first)"),
    "cli.arg.drop": Text(da="kassér en post i karantæne", en="discard a quarantined entry"),
    # --- what `workbench team join/sync/status/quarantine` print ------------------------
    "sync.cli.joined": Text(da="tilmeldt teamet {members} som {me} via {transport}",
                            en="joined the team {members} as {me} via {transport}"),
    "sync.cli.join_code": Text(
        da="de andre tilmelder sig med: --join-code (vises kun nu; hold den væk fra den "
           "delte mappe)",
        en="the others join with: --join-code (shown only now; keep it from the share)"),
    "sync.cli.sent": Text(da="sendt: {counts}", en="sent: {counts}"),
    "sync.cli.received": Text(da="modtaget: {counts}", en="received: {counts}"),
    "sync.cli.conflicts": Text(
        da="konflikter: {count} (de erstattede værdier gemmes i historikken)",
        en="conflicts: {count} (the replaced values are kept in the history)"),
    "sync.cli.parked_waiting": Text(
        da="parkeret: {count} (venter på sager, som et nyere udtræk bringer)",
        en="parked: {count} (waiting for cases a newer export brings)"),
    "sync.cli.unreadable": Text(
        da="kan ikke læses endnu, læses ved næste synkronisering: {batch}",
        en="not readable yet, read at the next sync: {batch}"),
    "sync.cli.held_see": Text(da="tilbageholdt: {counts} (se workbench team quarantine)",
                              en="held: {counts} (see workbench team quarantine)"),
    "sync.cli.resent": Text(da="sendt igen: {resent}; mangler her, bedt om: {missing}",
                            en="sent again: {resent}; missing here, asked for: {missing}"),
    "sync.cli.synced_at": Text(da="synkroniseret {time}", en="synced at {time}"),
    "sync.cli.no_team": Text(
        da="team: intet (tilmeld et med: workbench team join --me AB --members AB,CD,EF "
           "--folder DIR)",
        en="team: none (join one with: workbench team join --me AB --members AB,CD,EF "
           "--folder DIR)"),
    "sync.cli.me": Text(da="mig: {me}", en="me: {me}"),
    "sync.cli.members": Text(da="medlemmer: {members}", en="members: {members}"),
    "sync.cli.transport": Text(da="transport: {transport}", en="transport: {transport}"),
    "sync.cli.last_sync": Text(da="sidste synkronisering: {time}", en="last sync: {time}"),
    "sync.cli.never": Text(da="aldrig", en="never"),
    "sync.cli.pending": Text(da="afventer: {count}", en="pending: {count}"),
    "sync.cli.parked": Text(da="parkeret: {count}", en="parked: {count}"),
    "sync.cli.held": Text(da="tilbageholdt: {counts}", en="held: {counts}"),
    "sync.cli.quarantined": Text(da=" (i karantæne, af {authors})",
                                 en=" (quarantined, by {authors})"),
    "sync.cli.missing": Text(da="mangler, bedt om igen: {count}",
                             en="missing, asked for again: {count}"),
    "sync.cli.convergence": Text(da="overensstemmelse: {state}", en="convergence: {state}"),
    "sync.cli.dropped": Text(da="kasseret {entry}", en="dropped {entry}"),
}
