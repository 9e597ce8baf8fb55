"""The PySide6 desktop layer of Caseworker Workbench: windows, models and dialogs only.

No business rule lives here: every status, due date and count comes from ``workbench``.
"""
