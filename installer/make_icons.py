"""Render the application icon set from resources/icons/workbench.svg.

PNG files for the Linux hicolor theme (16 to 256 px), a Windows ``.ico`` for the executable
and the installer, and the SVG itself for the scalable theme folder. Qt renders them, so
the build needs nothing beyond PySide6.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "workbench.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn on a transparent square of ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main(out_dir: Path) -> int:
    """Write the icon set into ``out_dir``; exit non-zero if any file cannot be written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [(out_dir / f"workbench-{size}.png", size) for size in SIZES]
    targets.append((out_dir / "workbench.ico", 256))
    for path, size in targets:
        if not render(renderer, size).save(str(path)):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
    shutil.copyfile(SOURCE, out_dir / "workbench.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/staging/icons")))
