r"""Machine-wide defaults that municipal IT deploys; each user's own settings override them.

The file is TOML, in the machine's configuration folder (``%PROGRAMDATA%\caseworker-workbench\
config.toml`` on Windows, ``/etc/xdg/caseworker-workbench/config.toml`` on Linux) or wherever
``WORKBENCH_SITE_CONFIG`` points. Every key is optional::

    export_folder = '\\fil01\jobcenter\udtraek'
    profile_name = "gaeldende-2026"
    amber_days = 21
    closure_days = [2026-05-15, 2026-12-28]
    fixed_closure_days = ["12-24", "12-31"]   # default ["06-05", "12-24", "12-31"]
    language = "da"
    team_folder = '\\fil01\jobcenter\miniteams'
    team_server = "postgresql+psycopg://workbench@db01/jobcenter"
    mappings_folder = '\\fil01\jobcenter\mappings'   # default: mappings/ beside this file

A broken file is refused with a message naming the file and the key, so IT sees the mistake
instead of every caseworker getting silently different defaults.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from workbench.calendar import month_days
from workbench.errors import WorkbenchError
from workbench.messages import text

APP_NAME = "caseworker-workbench"
SITE_CONFIG_ENV = "WORKBENCH_SITE_CONFIG"


class SiteConfigError(WorkbenchError):
    """The machine-wide configuration file cannot be used; the message names file and key."""


@dataclass(frozen=True)
class SiteDefaults:
    """What IT set for every user of the machine; None where it set nothing."""

    export_folder: str | None = None
    profile_name: str | None = None
    amber_days: int | None = None
    closure_days: tuple[dt.date, ...] | None = None
    fixed_closure_days: tuple[str, ...] | None = None
    language: str | None = None
    team_folder: str | None = None
    team_server: str | None = None
    mappings_folder: str | None = None
    source: str | None = None

    def as_settings(self) -> dict[str, Any]:
        """The user-setting defaults IT chose, by the settings' own field names."""
        chosen = {
            "export_folder": self.export_folder,
            "profile_name": self.profile_name,
            "amber_days": self.amber_days,
            "closure_days": self.closure_days,
            "fixed_closure_days": self.fixed_closure_days,
            "language": self.language,
        }
        return {key: value for key, value in chosen.items() if value is not None}


def site_config_path() -> Path:
    """Where IT puts the machine-wide file (``WORKBENCH_SITE_CONFIG`` overrides)."""
    override = os.environ.get(SITE_CONFIG_ENV)
    if override:
        return Path(override)
    return platformdirs.site_config_path(APP_NAME, appauthor=False) / "config.toml"


def _text(value: Any) -> str | None:
    """A non-empty string, or None if it is not one."""
    return value if isinstance(value, str) and value.strip() else None


def _whole(value: Any) -> int | None:
    """A whole number ≥ 0, or None if it is not one."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _dates(value: Any) -> tuple[dt.date, ...] | None:
    """A list of TOML dates, or None if it is not one."""
    if not isinstance(value, list):
        return None
    if not all(isinstance(d, dt.date) and not isinstance(d, dt.datetime) for d in value):
        return None
    return tuple(value)


def _month_days(value: Any) -> tuple[str, ...] | None:
    """A list of days of the year as "MM-DD" (possibly empty), or None if it is not one."""
    if not isinstance(value, list):
        return None
    try:
        month_days(value)
    except ValueError:
        return None
    return tuple(value)


def _language(value: Any) -> str | None:
    """"da" or "en", or None for anything else."""
    return value if value in ("da", "en") else None


_READERS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "export_folder": (_text, "siteconfig.expected.folder"),
    "profile_name": (_text, "siteconfig.expected.profile"),
    "amber_days": (_whole, "siteconfig.expected.days"),
    "closure_days": (_dates, "siteconfig.expected.dates"),
    "fixed_closure_days": (_month_days, "siteconfig.expected.month_days"),
    "language": (_language, "siteconfig.expected.language"),
    "team_folder": (_text, "siteconfig.expected.folder"),
    "team_server": (_text, "siteconfig.expected.url"),
    "mappings_folder": (_text, "siteconfig.expected.folder"),
}


def parse_site_config(document: Mapping[str, Any], source: str) -> SiteDefaults:
    """Check every key of a parsed file; refuse unknown keys and wrong values by name."""
    values: dict[str, Any] = {}
    for key, raw in document.items():
        if key not in _READERS:
            known = ", ".join(_READERS)
            raise SiteConfigError(key="siteconfig.unknown_key", source=source, name=key,
                                  known=known)
        reader, expected = _READERS[key]
        value = reader(raw)
        if value is None:
            raise SiteConfigError(key="siteconfig.wrong_value", source=source, name=key,
                                  expected=text(expected), value=repr(raw))
        values[key] = value
    return SiteDefaults(**values, source=source)


def load_site_defaults(path: Path | None = None) -> SiteDefaults:
    """The machine-wide defaults; none at all when IT deployed no file."""
    location = path or site_config_path()
    if not location.exists():
        return SiteDefaults()
    try:
        document = tomllib.loads(location.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SiteConfigError(key="siteconfig.unreadable", source=str(location),
                              problem=str(error)) from None
    return parse_site_config(document, str(location))
