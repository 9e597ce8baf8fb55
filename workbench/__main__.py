"""Allow ``python -m workbench`` as well as the ``workbench`` command."""

import sys

from workbench.cli import main

sys.exit(main())
