"""Messages of the import's summary and of its dry run, as the command line prints them."""

from workbench.messages import Text

TEXTS = {
    # --- the counts, shared by the summary and the dry run ----------------------------
    "import.count.new": Text(da="nye: {count}", en="new: {count}"),
    "import.count.updated": Text(da="opdaterede: {count}", en="updated: {count}"),
    "import.count.closed": Text(da="lukkede: {count}", en="closed: {count}"),
    "import.count.reopened": Text(da="genåbnede: {count}", en="reopened: {count}"),
    "import.count.events_added": Text(da="hændelser tilføjet: {count}",
                                      en="events added: {count}"),
    "import.count.events_confirmed": Text(da="hændelser bekræftet: {count}",
                                          en="events confirmed: {count}"),
    "import.count.rejected": Text(da="afviste rækker: {count}", en="rejected rows: {count}"),
    "import.count.renamed": Text(da="omdøbte: {count}", en="renamed: {count}"),
    # --- the summary of an import ------------------------------------------------------
    "import.summary.imported": Text(da="indlæst: {files}", en="imported: {files}"),
    "import.summary.unchanged": Text(
        da="uændret: filerne var allerede indlæst; intet blev ændret",
        en="unchanged: these files were imported already; nothing changed",
    ),
    "import.summary.renamed": Text(da="omdøbt: {case_id}", en="renamed: {case_id}"),
    "import.summary.rejected": Text(
        da="afvist: {file} linje {line}{field}: {reason}",
        en="rejected: {file} line {line}{field}: {reason}",
    ),
    # --- the dry run -------------------------------------------------------------------
    "import.dry_run.header": Text(
        da="prøvekørsel: {files} (intet blev ændret)",
        en="dry run: {files} (nothing was changed)",
    ),
    "import.dry_run.unchanged": Text(
        da="uændret: filerne var allerede indlæst; at indlæse dem igen ændrer intet",
        en="unchanged: these files were imported already; importing them again changes "
           "nothing",
    ),
    "import.dry_run.table": Text(
        da="tabel: {label}: {kind}, {rows} rækker, overskrifter læst af mappingen "
           "'{mapping}' ({where})",
        en="table: {label}: {kind}, {rows} rows, headings read by mapping '{mapping}' "
           "({where})",
    ),
    "import.dry_run.words": Text(
        da="ord: mappingen '{mapping}' ({origin}, {source}): {fields}",
        en="words: mapping '{mapping}' ({origin}, {source}): {fields}",
    ),
    "import.dry_run.would": Text(da="ville give: {counts}", en="would: {counts}"),
    "import.dry_run.refused": Text(
        da="afvist: {reason} (tallene ovenfor er dem for --force)",
        en="refused: {reason} (the counts above are those of --force)",
    ),
    "import.dry_run.unknown_word": Text(
        da="ukendt ord: {field} '{word}' (kolonnen '{heading}'): {count} række(r), "
           "f.eks. {table} linje {line}",
        en="unknown word: {field} '{word}' (column '{heading}'): {count} row(s), "
           "e.g. {table} line {line}",
    ),
    "import.dry_run.conflict": Text(da="konflikt: {conflict}", en="conflict: {conflict}"),
    "import.dry_run.would_reject": Text(
        da="ville afvise: {file} linje {line}{field}: {reason}",
        en="would reject: {file} line {line}{field}: {reason}",
    ),
    "import.dry_run.more_rejected": Text(
        da="ville afvise: {count} rækker mere",
        en="would reject: {count} more rows",
    ),
}
