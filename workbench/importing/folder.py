"""Which files of an export folder are an export: by their suffix, whatever their case.

Kept free of the store, so that the UI thread and the reminders can list a folder alike.
"""

from __future__ import annotations

from pathlib import Path

#: The files an export folder may hold.
EXPORT_SUFFIXES = (".csv", ".xlsx")


def export_files_in(folder: Path) -> list[Path]:
    """The export files (by ``EXPORT_SUFFIXES``) lying in ``folder``, by name."""
    return sorted(path for path in folder.iterdir()
                  if path.is_file() and path.suffix.lower() in EXPORT_SUFFIXES)
