"""Reports for team leads: the weekly status workbook in Excel.

``write_status_report`` is what the command line (``workbench report``) and the desktop UI
call. Every figure in it comes from the engine through the service, so the report shows the
numbers the caseworkers see.
"""

from workbench.reports.status import ReportCancelledError, ReportSummary, write_status_report

__all__ = ["ReportCancelledError", "ReportSummary", "write_status_report"]
