"""The ``workbench`` command's entry point: ``--version`` answers before the command line loads.

Loading ``workbench.cli`` (argparse, the messages, the parser of every command) takes several
times as long as starting Python; the version needs none of it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (``workbench.cli.main``); print the version without it."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:
        from workbench import __version__

        print(f"workbench {__version__}")
        return 0
    from workbench.cli import main as run

    return run(words)
