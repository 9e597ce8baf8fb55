"""Reading the central export: files, headings, mappings, row validation and the bulk import.

``import_files`` is loaded on first use: the mapping and reading modules serve the UI thread
and the command line without the store (SQLAlchemy, Alembic) that the import itself needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.importing.importer import import_files as import_files

__all__ = ["import_files"]


def __getattr__(name: str) -> Any:
    """``import_files``, imported when first asked for (PEP 562)."""
    if name == "import_files":
        from workbench.importing.importer import import_files

        return import_files
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
