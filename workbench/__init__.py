"""Caseworker Workbench core: deadlines, statuses, storage and reports, with no Qt in it.

Everything here takes and returns plain Python (dataclasses, enums, typed errors) so that the
desktop UI, the command line and the tests all share one definition of every rule.
"""

__version__ = "0.1.0"
