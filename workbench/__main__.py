"""Allow ``python -m workbench`` as well as the ``workbench`` command."""

import sys

from workbench.start import main

sys.exit(main())
