"""What the store says: opening, writing, backing up and encrypting the database."""

from workbench.messages import Text

TEXTS = {
    "store.not_a_url": Text(da="ikke en database-URL: {url}", en="not a database URL: {url}"),
    "store.cannot_open": Text(da="kan ikke åbne databasen {where}: {problem}",
                              en="cannot open the database {where}: {problem}"),
    "store.cannot_write": Text(da="kan ikke skrive {path}: {reason}; intet blev ændret",
                               en="cannot write {path}: {reason}; nothing was changed"),
    "store.disk_full": Text(da="disken er fuld", en="the disk is full"),
    "store.network_database": Text(
        da="databasen {path} ligger på {where}; hold databasen på computerens egen disk "
           "(SQLite er ikke sikker på et netværksdrev), og del arbejdet med teamet gennem en "
           "delt mappe: workbench team join --folder",
        en="the database {path} is on {where}; keep the database on this computer's own "
           "disk (SQLite is not safe on a network share) and share work with the team "
           "through a shared folder: workbench team join --folder",
    ),
    "store.encrypt_not_sqlite": Text(
        da="kun en SQLite-databasefil kan krypteres her; en PostgreSQL-servers lager "
           "krypteres på serveren",
        en="only a SQLite database file can be encrypted here; a PostgreSQL server's storage "
           "is encrypted on the server",
    ),
    "store.encryption_packages": Text(
        da="kryptering af databasen kræver de valgfri pakker sqlcipher3 og keyring: "
           "pip install caseworker-workbench[encryption]",
        en="encrypting the database needs the optional packages sqlcipher3 and "
           "keyring: pip install caseworker-workbench[encryption]",
    ),
    "store.keyring_failed": Text(
        da="nøglen til databasen {path} kan ikke læses fra eller gemmes i brugerens "
           "nøglering ({problem})",
        en="the key of the database {path} cannot be read from or stored in this user's "
           "keyring ({problem})",
    ),
    "store.key_missing": Text(
        da="databasen {path} er krypteret, og dens nøgle er ikke i brugerens nøglering "
           "(tjeneste {service}); den kan kun åbnes af den bruger, der krypterede den, på "
           "den computer",
        en="the database {path} is encrypted and its key is not in this user's keyring "
           "(service {service}); it can only be opened by the user who encrypted it, on "
           "that computer",
    ),
    "store.key_does_not_fit": Text(
        da="databasen {path} kan ikke åbnes med nøglen i nøgleringen: den er beskadiget, "
           "eller nøglen hører til en anden database",
        en="the database {path} cannot be opened with the key in the keyring: it is "
           "damaged, or not the database the key was made for",
    ),
    "store.nothing_to_encrypt": Text(da="der er ingen database {path} at kryptere",
                                     en="there is no database {path} to encrypt"),
    "store.encrypted_already": Text(da="databasen {path} er allerede krypteret",
                                    en="the database {path} is encrypted already"),
    "store.cannot_encrypt": Text(
        da="kan ikke kryptere databasen {path}: {problem}; den er uændret",
        en="cannot encrypt the database {path}: {problem}; it is unchanged",
    ),
    "store.copy_did_not_verify": Text(
        da="den krypterede kopi af {path} kunne ikke bekræftes; databasen er uændret",
        en="the encrypted copy of {path} did not verify; the database is unchanged",
    ),
    "store.damaged_no_backup": Text(
        da="databasen {path} er beskadiget: {problem}; der er ingen intakt "
           "sikkerhedskopi i dens backups-mappe",
        en="the database {path} is damaged: {problem}; no intact backup was found in its "
           "backups folder",
    ),
    "store.damaged": Text(
        da="databasen {path} er beskadiget: {problem}; den seneste sikkerhedskopi er "
           "{backup} fra {time}; gendan den med: workbench --db {path} restore-backup "
           "--latest",
        en="the database {path} is damaged: {problem}; the latest backup is {backup} from "
           "{time}; restore it with: workbench --db {path} restore-backup --latest",
    ),
    "store.backup_unusable": Text(da="sikkerhedskopien {backup} kan ikke gendannes: {problem}",
                                  en="the backup {backup} cannot be restored: {problem}"),
    "store.no_such_file": Text(da="filen findes ikke", en="no such file"),
    "store.encrypted": Text(
        da="krypteret: {path} (nøglen ligger i denne brugers nøglering, tjeneste {service})",
        en="encrypted: {path} (its key is in this user's keyring, service {service})",
    ),
}
