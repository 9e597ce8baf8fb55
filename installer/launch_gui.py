"""Entry script of the bundled desktop app (windowed)."""

import sys

from ui.app import main

sys.exit(main())
