"""Messages about mapping files: malformed ones, and two files that disagree."""

from workbench.messages import Text

TEXTS = {
    "mapping.not_toml": Text(
        da="{file}: ikke gyldig TOML ({problem})",
        en="{file}: not valid TOML ({problem})",
    ),
    "mapping.unreadable": Text(
        da="{file}: kan ikke læses ({problem})",
        en="{file}: cannot be read ({problem})",
    ),
    "mapping.unknown_key": Text(
        da="{file}: ukendt nøgle '{entry}' (kendte nøgler: {known})",
        en="{file}: unknown key '{entry}' (known keys: {known})",
    ),
    "mapping.title": Text(
        da="{file}: nøglen 'title' skal være en tekst",
        en="{file}: the key 'title' must be a text",
    ),
    "mapping.empty": Text(
        da="{file}: filen skal have en [columns]-tabel, [values.\"<felt>\"]-tabeller eller "
           "begge",
        en="{file}: the file needs a [columns] table, [values.\"<field>\"] tables or both",
    ),
    "mapping.not_table": Text(
        da="{file}: [{table}] skal være en tabel",
        en="{file}: [{table}] must be a table",
    ),
    "mapping.unknown_field": Text(
        da="{file}: [{table}], nøgle '{entry}': ukendt felt (kendte felter: {known})",
        en="{file}: [{table}], key '{entry}': unknown field (known fields: {known})",
    ),
    "mapping.not_mappable": Text(
        da="{file}: [{table}], nøgle '{entry}': feltets celler er id'er, navne eller datoer, "
           "ikke ord, og kan ikke oversættes",
        en="{file}: [{table}], key '{entry}': this field's cells are ids, names or dates, not "
           "words, and cannot be mapped",
    ),
    "mapping.not_list": Text(
        da="{file}: [{table}], nøgle '{entry}': skal være en liste af tekster, "
           "fx [\"Opfølgningssamtale\"]",
        en="{file}: [{table}], key '{entry}': must be a list of texts, "
           "e.g. [\"Opfølgningssamtale\"]",
    ),
    "mapping.unknown_word": Text(
        da="{file}: [{table}], nøgle '{entry}': ikke et ord i feltet {field} "
           "(kendte ord: {known})",
        en="{file}: [{table}], key '{entry}': not a word of the field {field} "
           "(known words: {known})",
    ),
    "mapping.twice": Text(
        da="{file}: [{table}], nøgle '{entry}': '{word}' står allerede under '{other}'",
        en="{file}: [{table}], key '{entry}': '{word}' is already listed under '{other}'",
    ),
    "mapping.builtin_word": Text(
        da="{file}: [{table}], nøgle '{entry}': '{word}' betyder allerede '{meaning}'",
        en="{file}: [{table}], key '{entry}': '{word}' already means '{meaning}'",
    ),
    "mapping.heading_conflict": Text(
        da="overskriften '{text}' betyder {first} i {first_file}, men {second} i "
           "{second_file}",
        en="the heading '{text}' means {first} in {first_file} but {second} in "
           "{second_file}",
    ),
    "mapping.word_conflict": Text(
        da="ordet '{text}' i {field} betyder '{first}' i {first_file}, men '{second}' i "
           "{second_file}",
        en="the word '{text}' in {field} means '{first}' in {first_file} but '{second}' in "
           "{second_file}",
    ),
    "mapping.conflict_refused": Text(
        da="{conflict}; ret en af filerne (intet blev importeret)",
        en="{conflict}; correct one of the files (nothing was imported)",
    ),
    # --- what `workbench mapping list` and `mapping check` print ------------------------
    "mapping.list.folder": Text(da="mappe {origin}: {path}", en="folder {origin}: {path}"),
    "mapping.list.missing_folder": Text(
        da="mappe {origin}: {path} (findes ikke)",
        en="folder {origin}: {path} (does not exist)",
    ),
    "mapping.list.canonical": Text(
        da="mapping 'canonical' (indbygget): overskrifterne i det centrale udtræk",
        en="mapping 'canonical' (built-in): the headings of the central export",
    ),
    "mapping.list.mapping": Text(da="mapping '{name}' ({where})",
                                 en="mapping '{name}' ({where})"),
    "mapping.list.title": Text(da="  titel: {title}", en="  title: {title}"),
    "mapping.list.heading": Text(da="  overskrift {field}: {headings}",
                                 en="  heading {field}: {headings}"),
    "mapping.list.word": Text(da="  ord {field} '{canonical}': {words}",
                              en="  word {field} '{canonical}': {words}"),
    "mapping.list.conflict": Text(da="konflikt: {conflict}", en="conflict: {conflict}"),
    "mapping.check.ok": Text(da="ok: {file}", en="ok: {file}"),
}
