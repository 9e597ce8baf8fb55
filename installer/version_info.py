"""The Windows version resource of the bundled executables, from ``pyproject.toml``.

PyInstaller embeds it (``EXE(version=...)``) so Explorer's Details tab, Intune/SCCM file
detection rules and support staff see the real version of ``workbench-gui.exe`` and
``workbench.exe``. The file is PyInstaller's version-file format (a ``VSVersionInfo``
expression); ``installer/workbench.spec`` writes one per executable.
"""

from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "Caseworker Workbench"
COMPANY = "Jobcenter"


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → ``(0, 1, 0, 0)``: the four numbers of a Windows file version.

    Only the release numbers count (a suffix such as ``rc1`` or ``.dev3`` is dropped);
    a version without any is refused rather than embedded as 0.0.0.0.
    """
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"not a release version: {version!r}")
    major, minor, patch, build = (int(part or 0) for part in match.groups())
    return major, minor, patch, build


def version_file_text(version: str, executable: str, description: str) -> str:
    """The version resource of ``executable`` (without ``.exe``) as PyInstaller reads it."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": executable,
        "OriginalFilename": f"{executable}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
        "LegalCopyright": f"{COMPANY}",
    }
    table = ",\n          ".join(f"StringStruct({key!r}, {value!r})"
                                 for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ],
)
"""


def write_version_file(version: str, executable: str, description: str, folder: Path) -> Path:
    """Write the version resource file for one executable into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"version-{executable}.txt"
    target.write_text(version_file_text(version, executable, description), encoding="utf-8")
    return target
