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
}
