"""The bundle's lock file pins, with hashes, what ``pyproject.toml`` asks for.

The installers are built only from ``installer/requirements.lock`` (pip
``--require-hashes``); a dependency changed in ``pyproject.toml`` without re-running
``installer/lock.sh`` would build a bundle the suite never saw, so this fails first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "installer" / "requirements.lock"
#: The extras the bundle carries besides the core's dependencies.
BUNDLED_EXTRAS = ("gui", "encryption")
#: A Windows and a Linux machine: the lock is universal, so both must be pinned.
PLATFORMS = ({"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
             {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"})


def locked() -> dict[str, tuple[Version, str, list[str]]]:
    """Name → (pinned version, marker text, hashes) of every entry in the lock."""
    entries: dict[str, tuple[Version, str, list[str]]] = {}
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)\s*(?:;\s*(.*?))?\s*((?:--hash=\S+\s*)*)",
                             line)
        assert match, f"not an exact pin with hashes: {line!r}"
        name, version, marker, hashes = match.groups()
        entries[canonicalize_name(name)] = (Version(version), marker or "", hashes.split())
    return entries


def bundled_requirements() -> list[Requirement]:
    """The core's dependencies and those of the bundled extras."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    texts = list(project["dependencies"])
    for extra in BUNDLED_EXTRAS:
        texts += project["optional-dependencies"][extra]
    return [Requirement(text) for text in texts]


def test_every_lock_entry_is_pinned_with_a_sha256_hash() -> None:
    entries = locked()
    assert len(entries) > 20
    for name, (_version, _marker, hashes) in entries.items():
        assert hashes, name
        assert all(re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", value) for value in hashes), name


@pytest.mark.parametrize("requirement", bundled_requirements(), ids=str)
def test_the_lock_satisfies_pyproject(requirement: Requirement) -> None:
    entries = locked()
    name = canonicalize_name(requirement.name)
    assert name in entries, f"{requirement} is not in the lock: run installer/lock.sh"
    version, _marker, _hashes = entries[name]
    assert requirement.specifier.contains(version, prereleases=True), (
        f"the lock pins {name}=={version}, pyproject.toml asks for {requirement}")
    for extra in requirement.extras:  # psycopg[binary] pins psycopg-binary too
        assert canonicalize_name(f"{requirement.name}-{extra}") in entries


@pytest.mark.parametrize("platform", PLATFORMS, ids=lambda values: values["sys_platform"])
def test_the_lock_holds_the_sqlcipher_and_qt_of_each_platform(platform: dict[str, str]) -> None:
    entries = locked()
    environment = {"python_full_version": "3.11.9", "python_version": "3.11",
                   "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", **platform}
    present = {name for name, (_version, marker, _hashes) in entries.items()
               if not marker or Marker(marker).evaluate(environment)}
    assert {"sqlcipher3", "keyring", "pyside6-essentials", "pyinstaller"} <= present
    assert "sqlcipher3-binary" not in present
