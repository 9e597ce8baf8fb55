"""Argparse types shared by the command line and the desktop app's own options.

Kept apart from ``workbench.cli`` so that the desktop app can parse ``--today`` without
loading the command line (and with it the service and SQLAlchemy) on its UI thread.
"""

from __future__ import annotations

import argparse
import datetime as dt

from workbench.messages import render


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates; its error is the core's, in the current language."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(render("cli.not_a_date", {"text": repr(text)})) from None
