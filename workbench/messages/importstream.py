"""Messages of the streaming import: a file that changed while the import read it."""

from workbench.messages import Text

TEXTS = {
    "import.changed_while_read": Text(
        da="{file}: filen blev ændret, mens den blev indlæst ({reason}); intet blev ændret. "
           "Indlæs den igen, når den er færdigskrevet",
        en="{file}: the file changed while it was being imported ({reason}); nothing was "
           "changed. Import it again once it has been written completely",
    ),
}
