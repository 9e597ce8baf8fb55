"""Messages that belong to no one area: the fallbacks of the command line and the window."""

from workbench.messages import Text

TEXTS = {
    "general.interrupted": Text(
        da="afbrudt; intet blev ændret",
        en="interrupted; nothing was changed",
    ),
}
