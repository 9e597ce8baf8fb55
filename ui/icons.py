"""Icons and colours of the traffic lights, so status never rests on colour alone.

Each status has its own shape (octagon, triangle, circle with a check) as well as its own
colour, and every place that shows an icon shows the status in words too.

On a dark palette (Windows' dark mode, a dark desktop theme) the dark status colours would
fall to 2:1 against the background, so the colours and the icons switch to light variants
that keep at least 4.5:1 (WCAG AA for normal text); ``tests/ui/test_contrast.py`` computes
the ratios from the palettes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from workbench.engine import Status
from workbench.resources import resource_dir

# Text colours dark enough to read on a white background (WCAG AA for normal text).
_STATUS_COLOURS = {
    Status.RED: "#b71c1c",
    Status.AMBER: "#8a5a00",
    Status.GREEN: "#1b5e20",
}
# Light enough to read on a dark background.
_DARK_STATUS_COLOURS = {
    Status.RED: "#ff8a80",
    Status.AMBER: "#ffcc80",
    Status.GREEN: "#a5d6a7",
}
# The icons' colours on a dark palette: the shape takes the light status colour and the
# white sign inside it turns dark, so both keep their contrast.
_DARK_ICON_COLOURS = {
    Status.RED: {"#c62828": "#ff8a80", "#8e0000": "#ffb4ab", "#ffffff": "#1a1a1a"},
    Status.AMBER: {"#f0a000": "#ffcc80", "#a86f00": "#ffe0b2", "#ffffff": "#1a1a1a",
                   "#4a3200": "#ffcc80"},
    Status.GREEN: {"#2e7d32": "#a5d6a7", "#1b5e20": "#c8e6c9", "#ffffff": "#1a1a1a"},
}
# The fill of each icon's shape in the SVG files.
_ICON_SHAPE_COLOURS = {Status.RED: "#c62828", Status.AMBER: "#f0a000", Status.GREEN: "#2e7d32"}
# The sizes a recoloured icon is drawn at (twice each for high-DPI screens).
_ICON_SIZES = (16, 18, 20, 24, 32, 40, 48, 64)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's (default: the application's) background is dark."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _icon(name: str) -> QIcon:
    """Load ``resources/icons/<name>.svg``."""
    return QIcon(str(resource_dir() / "icons" / f"{name}.svg"))


def status_icon(status: Status) -> QIcon:
    """The shape-and-colour icon of a traffic light, in the application palette's variant."""
    return _status_icon(status, palette_is_dark())


@cache
def _status_icon(status: Status, dark: bool) -> QIcon:
    if not dark:
        return _icon(f"status-{status.value}")
    svg = (resource_dir() / "icons" / f"status-{status.value}.svg").read_text(encoding="utf-8")
    for light, replacement in _DARK_ICON_COLOURS[status].items():
        svg = svg.replace(f'"{light}"', f'"{replacement}"')
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    icon = QIcon()
    for size in _ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def status_icon_colour(status: Status, dark: bool) -> QColor:
    """The colour of the icon's shape (what must stand out from the background)."""
    shape = _ICON_SHAPE_COLOURS[status]
    return QColor(_DARK_ICON_COLOURS[status][shape] if dark else shape)


def status_colour(status: Status, palette: QPalette | None = None) -> QColor:
    """The text colour of a traffic light on the palette (default: the application's)."""
    colours = _DARK_STATUS_COLOURS if palette_is_dark(palette) else _STATUS_COLOURS
    return QColor(colours[status])


def muted_text_colour(palette: QPalette | None = None) -> QColor:
    """A quieter text colour (labels beside values) that still keeps 4.5:1 on the palette."""
    return QColor("#b0b0b0" if palette_is_dark(palette) else "#505050")


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0 black … 1 white)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two colours (1 … 21; 4.5 is AA for normal text)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@cache
def event_source_icon(source: str) -> QIcon:
    """A pencil for an event registered here, a database for one from the central export."""
    return _icon("event-central" if source == "central" else "event-local")


@cache
def action_icon(name: str) -> QIcon:
    """A toolbar icon: "conversation", "inquiry", "settings" or "sync"."""
    return _icon(name)


@cache
def app_icon() -> QIcon:
    """The window icon."""
    return _icon("workbench")
