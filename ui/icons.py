"""Icons and colours of the traffic lights, so status never rests on colour alone.

Each status has its own shape (octagon, triangle, circle with a check) as well as its own
colour, and every place that shows an icon shows the status in words too.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QIcon

from workbench.engine import Status
from workbench.resources import resource_dir

# Text colours dark enough to read on a white background (WCAG AA for normal text).
_STATUS_COLOURS = {
    Status.RED: "#b71c1c",
    Status.AMBER: "#8a5a00",
    Status.GREEN: "#1b5e20",
}


def _icon(name: str) -> QIcon:
    """Load ``resources/icons/<name>.svg``."""
    return QIcon(str(resource_dir() / "icons" / f"{name}.svg"))


@cache
def status_icon(status: Status) -> QIcon:
    """The shape-and-colour icon of a traffic light."""
    return _icon(f"status-{status.value}")


def status_colour(status: Status) -> QColor:
    """The text colour of a traffic light."""
    return QColor(_STATUS_COLOURS[status])


@cache
def event_source_icon(source: str) -> QIcon:
    """A pencil for an event registered here, a database for one from the central export."""
    return _icon("event-central" if source == "central" else "event-local")


@cache
def action_icon(name: str) -> QIcon:
    """A toolbar icon: "conversation", "inquiry" or "settings"."""
    return _icon(name)


@cache
def app_icon() -> QIcon:
    """The window icon."""
    return _icon("workbench")
