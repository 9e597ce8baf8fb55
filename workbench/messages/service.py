"""What the service says about cases, events, notes, inquiries, covers and settings."""

from workbench.messages import Text

TEXTS = {
    "service.unknown_case": Text(da="der er ingen sag med Sags-ID '{case_id}'",
                                 en="no case with Sags-ID '{case_id}'"),
    "service.unknown_inquiry": Text(da="der er ingen henvendelse med id {inquiry_id}",
                                    en="no inquiry with id {inquiry_id}"),
    "service.unknown_event": Text(da="der er ingen hændelse med id {event_id}",
                                  en="no event with id {event_id}"),
    "service.unknown_note": Text(da="der er ingen note med id {note_id}",
                                 en="no note with id {note_id}"),
    "service.central_event": Text(
        da="hændelse {event_id} kommer fra det centrale udtræk og kan ikke trækkes "
           "tilbage her",
        en="event {event_id} comes from the central export and cannot be withdrawn here",
    ),
    "service.duplicate_event": Text(da="sag '{case_id}' har allerede en {kind} den {date}",
                                    en="case '{case_id}' already has a {kind} on {date}"),
    "service.initials_needed": Text(da="angiv hvem der registrerer (initialer)",
                                    en="say who registers it (initials)"),
    "service.empty_note": Text(da="en note skal indeholde tekst", en="a note needs some text"),
    "service.reply_before_received": Text(
        da="svardatoen {answered_on} ligger før henvendelsen kom ({received})",
        en="the reply date {answered_on} is before the inquiry was received ({received})",
    ),
    "service.cover_people": Text(
        da="en dækning kræver en fraværende kollega og en anden, der dækker",
        en="a cover needs an absent colleague and another one to cover",
    ),
    "service.cover_ends_first": Text(
        da="dækningen slutter ({ends}) før den begynder ({starts})",
        en="the cover ends ({ends}) before it starts ({starts})",
    ),
    "settings.amber_days": Text(da="det gule vindue skal være 0 dage eller mere, ikke {days}",
                                en="the amber window must be 0 days or more, not {days}"),
    "settings.truncation_threshold": Text(
        da="grænsen for afkortede udtræk skal være en andel over 0 og højst 1, ikke "
           "{threshold}",
        en="the truncation threshold must be a share above 0 and at most 1, not {threshold}",
    ),
    "settings.closure_norm": Text(da="afslutningsnormen skal være 0 eller mere, ikke {norm}",
                                  en="the closure norm must be 0 or more, not {norm}"),
    "settings.language": Text(da="ukendt sprog '{language}' (forventet da eller en)",
                              en="unknown language '{language}' (expected da or en)"),
    "settings.profile": Text(da="ukendt regelprofil '{profile}'",
                             en="unknown rule profile '{profile}'"),
}
