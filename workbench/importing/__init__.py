"""Reading the central export: files, headings, mappings, row validation and the bulk import."""

from workbench.importing.importer import import_files as import_files

__all__ = ["import_files"]
