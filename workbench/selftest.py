"""``workbench --self-test``: prove an installed bundle is whole, without a display.

IT runs it after a silent install, and the installer build runs it on the bundle it made:
it loads every rule profile and mapping file (IT's and the user's too), finds the
translations, creates a temporary database, imports the bundled demo export and computes
every status. Anything missing from the bundle, or wrong in IT's files, shows up as a named
problem instead of a crash at a caseworker's desk.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.messages import LANGUAGES
from workbench.resources import available_profiles, load_named_profile, resource_dir

#: The day the bundled demo export (resources/demo) was made for.
DEMO_EXPORT_DATE = dt.date(2026, 11, 23)
DEMO_FILES = ("sager.csv", "haendelser.csv")

Check = Callable[[], str]


def _check_profiles() -> str:
    """Every bundled rule profile loads."""
    names = available_profiles()
    if not names:
        raise WorkbenchError(f"no rule profiles in {resource_dir() / 'rules'}")
    rules = sum(len(load_named_profile(name).rules) for name in names)
    return f"{len(names)} rule profile(s), {rules} rules"


def _check_mappings() -> str:
    """The mapping files load: the bundled ones, IT's and the user's, with no conflict."""
    from workbench.importing.mapping import MappingError
    from workbench.importing.sitemappings import mappings_in_force

    in_force = mappings_in_force()
    if in_force.conflicts:
        raise MappingError("; ".join(c.describe() for c in in_force.conflicts))
    per_origin = [f"{folder.origin} {sum(o == folder.origin for o in in_force.origins.values())}"
                  for folder in in_force.folders]
    return f"{len(in_force.files)} mapping file(s) ({', '.join(per_origin)})"


def _check_translations() -> str:
    """A translation for every UI language is in the bundle (compiled, or as a source)."""
    folder = resource_dir() / "translations"
    missing = [language for language in LANGUAGES
               if not any((folder / f"workbench_{language}{suffix}").exists()
                          for suffix in (".qm", ".ts"))]
    if missing:
        raise WorkbenchError(f"translations missing in {folder}: {', '.join(missing)}")
    return ", ".join(LANGUAGES)


def _check_site_config() -> str:
    """IT's machine-wide configuration file, if one is deployed, is readable and valid."""
    from workbench.siteconfig import load_site_defaults, site_config_path

    defaults = load_site_defaults()
    if defaults.source is None:
        return f"none deployed ({site_config_path()})"
    chosen = ", ".join(sorted(defaults.as_settings())) or "team settings only"
    return f"{defaults.source}: {chosen}"


def _demo_files() -> list[Path]:
    """The bundled demo export's files, each of which must exist."""
    folder = resource_dir() / "demo"
    files = [folder / name for name in DEMO_FILES]
    missing = [path.name for path in files if not path.exists()]
    if missing:
        raise WorkbenchError(f"demo export missing in {folder}: {', '.join(missing)}")
    return files


def _check_database_and_statuses() -> str:
    """A temporary database takes the demo export and every open case gets a status."""
    from workbench.service import Workbench

    files = _demo_files()
    with (
        tempfile.TemporaryDirectory(prefix="workbench-self-test-") as folder,
        Workbench.open(Path(folder) / "self-test.db") as workbench,
    ):
        summary = workbench.import_files(files, today=DEMO_EXPORT_DATE)
        caseload = workbench.caseload(DEMO_EXPORT_DATE)
    if summary.rejected or not caseload:
        raise WorkbenchError(
            f"demo import gave {len(caseload)} open cases and {len(summary.rejected)} rejected rows"
        )
    counts = Counter(row.status.value for row in caseload)
    return (f"demo export: {summary.new} cases, {summary.events_added} events; "
            f"{counts['red']} red, {counts['amber']} amber, {counts['green']} green")


def _check_encryption() -> str:
    """SQLCipher encrypts and reads back a database; the bundle must carry it.

    A source install without the ``encryption`` extra is told it is optional; the built
    bundle (Windows and Linux alike) must have it, or the README's offer is untrue.
    """
    from workbench.store import encryption

    try:
        module = encryption.sqlcipher()
    except WorkbenchError:
        if getattr(sys, "frozen", False):
            raise
        return "not installed (the optional encryption extra)"
    connection = module.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'self-test'")
        version = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    if not version:
        raise WorkbenchError("sqlcipher3 is installed but is not built with SQLCipher")
    return f"SQLCipher {version[0]}"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("rule profiles", _check_profiles),
    ("column mappings", _check_mappings),
    ("translations", _check_translations),
    ("machine-wide configuration", _check_site_config),
    ("database and statuses", _check_database_and_statuses),
    ("encryption", _check_encryption),
)


def run_self_test(say: Callable[[str], None]) -> bool:
    """Run every check, saying what each found; True when all passed."""
    passed = True
    for name, check in CHECKS:
        try:
            say(f"ok    {name}: {check()}")
        except (WorkbenchError, OSError, ImportError) as error:
            passed = False
            say(f"FAIL  {name}: {error}")
    return passed
