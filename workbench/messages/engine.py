"""Messages of the engine and its calendar: deadlines that cannot be worked out."""

from workbench.messages import Text

TEXTS = {
    "calendar.beyond": Text(
        da="datoen {day} ligger for langt ude i fremtiden: fristen falder efter kalenderens "
           "sidste dag ({last})",
        en="the date {day} is too far in the future: the deadline falls after the calendar's "
           "last day ({last})",
    ),
}
