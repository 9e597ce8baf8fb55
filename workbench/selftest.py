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
from workbench.messages import LANGUAGES, render
from workbench.resources import available_profiles, load_named_profile, resource_dir

#: The day the bundled demo export (resources/demo) was made for.
DEMO_EXPORT_DATE = dt.date(2026, 11, 23)
DEMO_FILES = ("sager.csv", "haendelser.csv")

Check = Callable[[], str]


def _check_profiles() -> str:
    """Every bundled rule profile loads."""
    names = available_profiles()
    if not names:
        raise WorkbenchError(key="cli.out.selftest.no_profiles",
                             folder=str(resource_dir() / "rules"))
    rules = sum(len(load_named_profile(name).rules) for name in names)
    return render("cli.out.selftest.profiles_found", {"profiles": len(names), "rules": rules})


def _check_mappings() -> str:
    """The mapping files load: the bundled ones, IT's and the user's, with no conflict."""
    from workbench.importing.mapping import MappingError
    from workbench.importing.sitemappings import mappings_in_force, origin_word

    in_force = mappings_in_force()
    if in_force.conflicts:
        raise MappingError("; ".join(c.describe() for c in in_force.conflicts))
    per_origin = [f"{origin_word(folder.origin)} "
                  f"{sum(o == folder.origin for o in in_force.origins.values())}"
                  for folder in in_force.folders]
    return render("cli.out.selftest.mappings_found",
                  {"files": len(in_force.files), "origins": ", ".join(per_origin)})


def _check_translations() -> str:
    """A translation for every UI language is in the bundle (compiled, or as a source)."""
    folder = resource_dir() / "translations"
    missing = [language for language in LANGUAGES
               if not any((folder / f"workbench_{language}{suffix}").exists()
                          for suffix in (".qm", ".ts"))]
    if missing:
        raise WorkbenchError(key="cli.out.selftest.translations_missing", folder=str(folder),
                             languages=", ".join(missing))
    return ", ".join(LANGUAGES)


def _check_site_config() -> str:
    """IT's machine-wide configuration file, if one is deployed, is readable and valid."""
    from workbench.siteconfig import load_site_defaults, site_config_path

    defaults = load_site_defaults()
    if defaults.source is None:
        return render("cli.out.selftest.site_none", {"path": site_config_path()})
    chosen = (", ".join(sorted(defaults.as_settings()))
              or render("cli.out.selftest.site_team_only"))
    return f"{defaults.source}: {chosen}"


def _demo_files() -> list[Path]:
    """The bundled demo export's files, each of which must exist."""
    folder = resource_dir() / "demo"
    files = [folder / name for name in DEMO_FILES]
    missing = [path.name for path in files if not path.exists()]
    if missing:
        raise WorkbenchError(key="cli.out.selftest.demo_missing", folder=str(folder),
                             files=", ".join(missing))
    return files


def _check_database_and_statuses() -> str:
    """A temporary database takes the demo export and every open case gets a status."""
    from workbench.session import Workbench

    files = _demo_files()
    with (
        tempfile.TemporaryDirectory(prefix="workbench-self-test-") as folder,
        Workbench.open(Path(folder) / "self-test.db") as workbench,
    ):
        summary = workbench.imports.import_files(files, today=DEMO_EXPORT_DATE)
        caseload = workbench.cases.caseload(DEMO_EXPORT_DATE)
    if summary.rejected or not caseload:
        raise WorkbenchError(key="cli.out.selftest.demo_wrong", cases=len(caseload),
                             rejected=len(summary.rejected))
    counts = Counter(row.status.value for row in caseload)
    return render("cli.out.selftest.demo_found", {
        "cases": summary.new, "events": summary.events_added, "red": counts["red"],
        "amber": counts["amber"], "green": counts["green"]})


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
        return render("cli.out.selftest.sqlcipher_optional")
    connection = module.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'self-test'")
        version = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    if not version:
        raise WorkbenchError(key="cli.out.selftest.sqlcipher_unbuilt")
    return f"SQLCipher {version[0]}"


#: Each check by the message key of its name (``workbench.messages.cli_output``).
CHECKS: tuple[tuple[str, Check], ...] = (
    ("cli.out.selftest.profiles", _check_profiles),
    ("cli.out.selftest.mappings", _check_mappings),
    ("cli.out.selftest.translations", _check_translations),
    ("cli.out.selftest.site_config", _check_site_config),
    ("cli.out.selftest.database", _check_database_and_statuses),
    ("cli.out.selftest.encryption", _check_encryption),
)


def run_self_test(say: Callable[[str], None]) -> bool:
    """Run every check, saying what each found (in the current language); True when all passed.

    Each line starts with its verdict, "ok" or "FEJL"/"FAIL", then the check's name.
    """
    passed = True
    for key, check in CHECKS:
        name = render(key)
        try:
            say(render("cli.out.selftest.ok", {"name": name, "found": check()}))
        except (WorkbenchError, OSError, ImportError) as error:
            passed = False
            say(render("cli.out.selftest.fail", {"name": name, "problem": error}))
    return passed
