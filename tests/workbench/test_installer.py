"""The Windows installer's script and version resource, checked where Linux can check them.

Inno Setup itself runs only on Windows (installer/windows/build.ps1); these tests hold the
script to what the README promises IT and to the Inno Setup documentation's rules.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "workbench.iss"


def version_info() -> ModuleType:
    """installer/version_info.py (the installer folder is not a package)."""
    spec = importlib.util.spec_from_file_location("version_info",
                                                  ROOT / "installer" / "version_info.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def setup_directives() -> dict[str, str]:
    """The [Setup] section's directives (ISPP lines and comments left out)."""
    section = ISS.read_text(encoding="utf-8").split("[Setup]", 1)[1].split("\n[", 1)[0]
    directives = {}
    for line in section.splitlines():
        if "=" in line and not line.lstrip().startswith((";", "#")):
            key, value = line.split("=", 1)
            directives[key.strip()] = value.strip()
    return directives


def test_the_install_folder_follows_the_install_mode() -> None:
    directives = setup_directives()
    # {autopf}: Program Files for all users, %LOCALAPPDATA%\Programs for one user.
    assert directives["DefaultDirName"].startswith("{autopf}\\")
    assert directives["PrivilegesRequired"] == "lowest"
    assert set(directives["PrivilegesRequiredOverridesAllowed"].split()) == {"dialog",
                                                                            "commandline"}
    # UsePreviousPrivileges must be "no" when AppId holds constants; it holds none.
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", directives["AppId"])
    assert "localappdata" not in " ".join(directives.values()).lower()


def test_the_self_test_can_fail_the_install() -> None:
    script = ISS.read_text(encoding="utf-8")
    run_section = script.split("[Run]", 1)[1].split("\n[", 1)[0]
    assert "--self-test" not in run_section  # Setup ignores exit codes of [Run] entries
    code = script.split("[Code]", 1)[1]
    assert "function GetCustomSetupExitCode: Integer;" in code
    assert "'--self-test'" in code and "ewWaitUntilTerminated" in code
    assert "SuppressibleMsgBox(" in code
    assert "#define SelfTestFailedExitCode 10" in script


def test_signing_and_the_version_resource_are_wired() -> None:
    directives = setup_directives()
    assert directives["SignTool"] == "workbenchsign"
    assert directives["VersionInfoVersion"] == "{#AppVersion}"
    build = (ROOT / "installer" / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "/Sworkbenchsign=$SignTool" in build
    assert "--require-hashes" in build and "requirements.lock" in build


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("2.10", (2, 10, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)),
    ("1.4.0rc1", (1, 4, 0, 0)),
])
def test_file_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert version_info().numeric_version(version) == numbers


def test_a_version_without_numbers_is_refused() -> None:
    with pytest.raises(ValueError, match="not a release version"):
        version_info().numeric_version("dev")


def test_the_version_resource_carries_the_pyproject_version(tmp_path: Path) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]
    target = version_info().write_version_file(version, "workbench-gui", "Caseworker Workbench",
                                               tmp_path)
    text = target.read_text(encoding="utf-8")
    numbers = tuple(int(part) for part in version.split(".")) + (0,) * (4 - len(
        version.split(".")))
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{version}')" in text
    assert "StringStruct('OriginalFilename', 'workbench-gui.exe')" in text


def test_the_package_version_is_the_pyproject_version() -> None:
    # The bundle has no installed metadata of its own: About shows workbench.__version__.
    import workbench

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert workbench.__version__ == project["version"]
