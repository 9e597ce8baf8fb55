"""The crash report: version, platform and traceback, never a CPR number or a local value."""

from __future__ import annotations

import sys

from workbench import __version__
from workbench.crash import crash_report, last_line


def _report_of_failure() -> str:
    citizen = "Anne Jensen 010190-1234"  # a local variable the report must not show
    try:
        raise ValueError(f"no deadline for 0101901234 ({len(citizen)} chars)")
    except ValueError:
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        return crash_report(kind, error, trace)


def test_the_report_has_version_platform_and_traceback_without_cpr_or_locals() -> None:
    report = _report_of_failure()

    assert report.startswith(f"Caseworker Workbench {__version__}\nPython ")
    assert "Traceback (most recent call last):" in report
    assert "_report_of_failure" in report
    assert last_line(report) == "ValueError: no deadline for 010190-xxxx (23 chars)"
    assert "1234" not in report and "Anne Jensen" not in report
