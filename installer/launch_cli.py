"""Entry script of the bundled ``workbench`` command (console)."""

import sys

from workbench.cli import main

sys.exit(main())
