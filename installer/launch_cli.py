"""Entry script of the bundled ``workbench`` command (console)."""

import sys

from workbench.start import main

sys.exit(main())
