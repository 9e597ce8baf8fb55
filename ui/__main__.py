"""Allow ``python -m ui`` as well as the ``workbench-gui`` command."""

import sys

from ui.app import main

sys.exit(main())
