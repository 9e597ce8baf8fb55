"""What the settings say: IT's machine-wide configuration file."""

from workbench.messages import Text

TEXTS = {
    "siteconfig.unknown_key": Text(da="{source}: ukendt nøgle '{name}' (kendte nøgler: {known})",
                                   en="{source}: unknown key '{name}' (known keys: {known})"),
    "siteconfig.wrong_value": Text(da="{source}: nøglen '{name}' skal være {expected}, "
                                      "ikke {value}",
                                   en="{source}: key '{name}' must be {expected}, not {value}"),
    "siteconfig.unreadable": Text(da="{source}: kan ikke læses: {problem}",
                                  en="{source}: cannot be read: {problem}"),
    "siteconfig.expected.folder": Text(da="en mappesti", en="a folder path"),
    "siteconfig.expected.profile": Text(da="navnet på en regelprofil",
                                        en="a rule profile name"),
    "siteconfig.expected.days": Text(da="et helt antal dage ≥ 0",
                                     en="a whole number of days ≥ 0"),
    "siteconfig.expected.dates": Text(da="en liste af datoer som [2026-05-15]",
                                      en="a list of dates like [2026-05-15]"),
    "siteconfig.expected.language": Text(da='"da" eller "en"', en='"da" or "en"'),
    "siteconfig.expected.url": Text(da="en postgresql+psycopg://-URL",
                                    en="a postgresql+psycopg:// URL"),
}
