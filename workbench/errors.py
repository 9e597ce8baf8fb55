"""Typed errors of the core: each says what is wrong in words a caseworker can act on."""

from __future__ import annotations

import errno
from typing import Any

from workbench.messages import Message, Text, render, text


class WorkbenchError(Exception):
    """Base of every error the core raises on purpose; the CLI and UI show its message.

    An error made with a message ``key`` (``workbench.messages``) and its parameters renders
    in the current language, and ``in_language`` renders it in any other; an error made with
    a finished sentence says that sentence in every language.
    """

    def __init__(self, message: str = "", *, key: str | None = None,
                 **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(message if key is None else render(key, params))

    def in_language(self, language: str) -> str:
        """The message in ``language``; a keyed message is rendered anew, others as they are."""
        if self.key is None:
            return str(self)
        return render(self.key, self.params, language)


class InputError(WorkbenchError):
    """Input from a person or a file is not what it must be; nothing was changed."""


class CprError(InputError):
    """A CPR number cannot be read: the message says which part is wrong."""


class VocabularyError(InputError):
    """A scheme (ordning), event kind or channel word is not one the workbench knows."""


class ProfileError(WorkbenchError):
    """A rule profile is malformed; the message names the file, the rule and the field."""

    def __init__(self, source: str, rule_id: str | None, field: str | None,
                 problem: str | Message) -> None:
        self.source = source
        self.rule_id = rule_id
        self.field = field
        self.problem = problem
        place = "rules.where" + ("_rule" if rule_id else "") + ("_field" if field else "")
        where = Message(place, {"source": source, "rule": rule_id, "field": field})
        super().__init__(key="rules.error", where=where, problem=problem)


def problem(key: str, **params: object) -> Message:
    """What is wrong, by message key: the ``problem`` of a ProfileError."""
    return Message(key, params)


def problem_of(error: WorkbenchError) -> str | Message:
    """Another error's message as the problem of a ProfileError (keyed if it is)."""
    return str(error) if error.key is None else Message(error.key, error.params)


class NotAnExportError(InputError):
    """A file given to the import is no central export (empty, binary, wrong headings).

    Made with a message key of ``workbench.messages.importing`` and its parameters; every
    such message names the file first and never quotes the file's data.
    """

    def __init__(self, file: str, key: str, **params: object) -> None:
        from workbench.cpr import mask_cpr_numbers  # cpr raises CprError from here

        self.file = file
        # A file named after a citizen (0101901234.csv) is named masked.
        rendered: dict[str, Any] = {"file": mask_cpr_numbers(file), **params}
        super().__init__(key=key, **rendered)


class DamagedExportError(NotAnExportError):
    """An export whose structure is damaged (an open quote, a cut line, another delimiter).

    ``line`` is where the damage starts; the whole file is refused and nothing changes.
    """

    def __init__(self, file: str, line: int, key: str, **params: object) -> None:
        self.line = line
        super().__init__(file, key, line=line, **params)


class TruncatedExportError(InputError):
    """A cases snapshot would close so many open cases that it is probably cut short.

    It carries the counts so that a front end can ask the user to confirm (``force``).
    """

    def __init__(self, would_close: int, open_cases: int, threshold: float) -> None:
        self.would_close = would_close
        self.open_cases = open_cases
        self.threshold = threshold
        super().__init__(key="import.truncated", would_close=would_close,
                         open_cases=open_cases, percent=f"{threshold * 100:.0f}")


class UnknownCaseError(InputError):
    """No case has the given Sags-ID."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(key="service.unknown_case", case_id=case_id)


class UnknownInquiryError(InputError):
    """No inquiry has the given id."""

    def __init__(self, inquiry_id: int) -> None:
        self.inquiry_id = inquiry_id
        super().__init__(key="service.unknown_inquiry", inquiry_id=inquiry_id)


class DuplicateEventError(InputError):
    """The case already has an event of that kind on that date (events are unique)."""


class StoreError(WorkbenchError):
    """The database cannot be opened or upgraded; the message names it."""


class WriteError(WorkbenchError):
    """A file the workbench writes (a report, a backup) could not be written completely.

    Typically the disk is full. Nothing half-written is left behind, and the file it was to
    replace, if any, is untouched; the message names the file and the cause.
    """

    def __init__(self, path: str, cause: OSError | str | Text) -> None:
        self.path = path
        reason = cause if isinstance(cause, str | Text) else describe_os_error(cause)
        super().__init__(key="store.cannot_write", path=path, reason=reason)


def describe_os_error(error: OSError) -> str | Text:
    """An operating system error in words: "the disk is full" rather than "[Errno 28] ..."."""
    if error.errno == errno.ENOSPC:
        return text("store.disk_full")
    return error.strerror or str(error)


class NetworkDatabaseError(StoreError):
    """The live database would be on a network share, where SQLite's locking is not safe.

    A network file system may not honour SQLite's locks: two computers writing one database
    over SMB or NFS can corrupt it. The database stays on the computer's own disk; a team
    shares its work through a shared folder of batch files instead (``workbench team``).
    """

    def __init__(self, path: str, where: str) -> None:
        self.path = path
        self.where = where
        super().__init__(key="store.network_database", path=path, where=where)


class TeamSetupError(InputError):
    """The team is not set up, or its settings make no sense (initials, members, transport)."""


class SyncError(WorkbenchError):
    """The team's shared folder or hub cannot be read or written; nothing local was lost."""
