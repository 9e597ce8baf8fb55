"""The counts of an import in the user's language.

One renderer for the summary the import prints and for what the dry run says it would do
(texts in ``workbench.messages.importsummary``).
"""

from __future__ import annotations

from workbench.cpr import mask_cpr_numbers
from workbench.messages import render
from workbench.views import ImportSummary, RejectedRow

#: The summary's counts in the order they are shown, each with its message key.
COUNTS = ("new", "updated", "closed", "reopened", "events_added", "events_confirmed")


def count_line(summary: ImportSummary, language: str | None = None) -> str:
    """Every count of the summary on one line ("nye: 3, opdaterede: 0, ...")."""
    parts = [render(f"import.count.{name}", {"count": getattr(summary, name)}, language)
             for name in COUNTS]
    parts.append(render("import.count.rejected", {"count": len(summary.rejected)}, language))
    parts.append(render("import.count.renamed", {"count": len(summary.renamed)}, language))
    return ", ".join(parts)


def rejected_line(key: str, row: RejectedRow, language: str | None = None) -> str:
    """A rejected row under message ``key`` (file, line, field, reason), CPR numbers masked."""
    field = f", {row.field}" if row.field else ""
    return mask_cpr_numbers(render(key, {"file": row.file, "line": row.line, "field": field,
                                         "reason": row.reason}, language))


def summary_lines(summary: ImportSummary, language: str | None = None) -> list[str]:
    """The import summary: the files, the counts, then one line per renamed case and row."""
    lines = [render("import.summary.imported", {"files": ", ".join(summary.files)}, language)]
    if summary.unchanged:
        lines.append(render("import.summary.unchanged", None, language))
    lines.append(count_line(summary, language))
    lines.extend(mask_cpr_numbers(render("import.summary.renamed", {"case_id": case_id},
                                         language)) for case_id in summary.renamed)
    lines.extend(rejected_line("import.summary.rejected", row, language)
                 for row in summary.rejected)
    return lines
