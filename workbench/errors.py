"""Typed errors of the core: each says what is wrong in words a caseworker can act on."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error the core raises on purpose; the CLI and UI show its message."""


class InputError(WorkbenchError):
    """Input from a person or a file is not what it must be; nothing was changed."""


class CprError(InputError):
    """A CPR number cannot be read: the message says which part is wrong."""


class VocabularyError(InputError):
    """A scheme (ordning), event kind or channel word is not one the workbench knows."""


class ProfileError(WorkbenchError):
    """A rule profile is malformed; the message names the file, the rule and the field."""

    def __init__(self, source: str, rule_id: str | None, field: str | None, problem: str) -> None:
        self.source = source
        self.rule_id = rule_id
        self.field = field
        self.problem = problem
        where = source
        if rule_id:
            where += f", rule {rule_id}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")
