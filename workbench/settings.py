"""The user's settings: a plain dataclass, its defaults and its stored (JSON) form.

Store-free on purpose: the UI imports ``Settings`` on its own thread, where SQLAlchemy is
never loaded. The settings manager (``workbench.managers.settings``, ``wb.settings`` on a
session) reads and writes them in the database.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from workbench.calendar import DEFAULT_FIXED_CLOSURE_DAYS, WorkingCalendar, month_days
from workbench.engine import DEFAULT_AMBER_DAYS
from workbench.errors import InputError
from workbench.messages import LANGUAGES
from workbench.resources import DEFAULT_PROFILE, available_profiles, current_profile_name
from workbench.siteconfig import SiteDefaults, load_site_defaults


@dataclass(frozen=True)
class Settings:
    """The user's settings, kept in the database beside the cases they apply to."""

    my_initials: str = ""
    my_team: str | None = None
    export_folder: str | None = None
    profile_name: str = DEFAULT_PROFILE
    #: Days ahead in which an open milestone is amber (domain.md: 21).
    amber_days: int = DEFAULT_AMBER_DAYS
    #: Local closure days: not working days for inquiry deadlines.
    closure_days: tuple[dt.date, ...] = ()
    #: Days closed every year as "MM-DD" (IT can shorten the list in the site config).
    fixed_closure_days: tuple[str, ...] = DEFAULT_FIXED_CLOSURE_DAYS
    language: str = "da"
    #: A cases snapshot closing more than this share of the open cases is refused.
    truncation_threshold: float = 0.20
    #: Closures a caseworker is expected to make per month (seed 001: revised from 10 to 5).
    closure_norm: int = 5

    def validated(self) -> Settings:
        """These settings if they make sense; InputError saying which one does not."""
        if self.amber_days < 0:
            raise InputError(key="settings.amber_days", days=self.amber_days)
        if not 0 < self.truncation_threshold <= 1:
            raise InputError(key="settings.truncation_threshold",
                             threshold=self.truncation_threshold)
        if self.closure_norm < 0:
            raise InputError(key="settings.closure_norm", norm=self.closure_norm)
        try:
            month_days(self.fixed_closure_days)
        except ValueError:
            raise InputError(key="settings.fixed_closure_days",
                             days=", ".join(map(str, self.fixed_closure_days))) from None
        if self.language not in LANGUAGES:
            raise InputError(key="settings.language", language=self.language)
        name = current_profile_name(self.profile_name)
        if name not in available_profiles() and not Path(name).exists():
            raise InputError(key="settings.profile", profile=self.profile_name)
        return self

    def calendar(self) -> WorkingCalendar:
        """The working-day calendar: the fixed closure days and the local ones."""
        return WorkingCalendar(fixed_closures=month_days(self.fixed_closure_days),
                               closure_days=frozenset(self.closure_days))


def encode_setting(value: object) -> str:
    """A setting's value as JSON (dates as ISO text)."""
    if isinstance(value, tuple):
        return json.dumps([day.isoformat() if isinstance(day, dt.date) else day
                           for day in value])
    return json.dumps(value)


def decode_settings(stored: dict[str, str], site: SiteDefaults) -> Settings:
    """Settings from their stored JSON over IT's machine-wide defaults over the built-in ones.

    An unknown stored key is ignored; a key never saved takes IT's value, else the default.
    """
    values: dict[str, Any] = site.as_settings()
    for item in fields(Settings):
        if item.name in stored:
            values[item.name] = json.loads(stored[item.name])
    if "closure_days" in values:  # IT's are dates already, stored ones ISO text
        values["closure_days"] = tuple(
            d if isinstance(d, dt.date) else dt.date.fromisoformat(d)
            for d in values["closure_days"])
    if "fixed_closure_days" in values:
        values["fixed_closure_days"] = tuple(values["fixed_closure_days"])
    if "profile_name" in values:
        values["profile_name"] = current_profile_name(values["profile_name"])
    return Settings(**values)


def default_settings(site: SiteDefaults | None = None) -> Settings:
    """The settings of a user who chose nothing: IT's defaults over the built-in ones."""
    return decode_settings({}, site if site is not None else load_site_defaults())
