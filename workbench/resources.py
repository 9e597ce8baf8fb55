"""Where the bundled data lives (rule profiles, column mappings, demo data, translations).

In a source checkout it is ``resources/`` beside the packages; in an installed wheel it is
``workbench/_resources``; in a PyInstaller bundle it is ``resources/`` in the bundle.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from workbench.rules import RuleProfile, load_profile

#: The law in force now: the profile a new database uses unless IT or the user chose another.
DEFAULT_PROFILE = "gaeldende-2026"
#: Names profiles had before, to the names they have now: a database that stored "default"
#: keeps the seed rules, under their new name.
FORMER_PROFILE_NAMES = {"default": "kbh-2006-2017"}


def current_profile_name(name: str) -> str:
    """``name``, or the name the profile it used to name has now."""
    return FORMER_PROFILE_NAMES.get(name, name)


def resource_dir() -> Path:
    """The folder that holds the bundled resources."""
    override = os.environ.get("WORKBENCH_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def profile_path(name: str) -> Path:
    """The file of the rule profile called ``name``, or ``name`` itself if it is a path."""
    candidate = Path(name)
    if candidate.suffix == ".toml" and candidate.exists():
        return candidate
    return resource_dir() / "rules" / f"{current_profile_name(name)}.toml"


def available_profiles() -> list[str]:
    """Names of the bundled rule profiles."""
    return sorted(path.stem for path in (resource_dir() / "rules").glob("*.toml"))


@cache
def load_named_profile(name: str = DEFAULT_PROFILE) -> RuleProfile:
    """Load (once) the rule profile called ``name``."""
    return load_profile(profile_path(name))
