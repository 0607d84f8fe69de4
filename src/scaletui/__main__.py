"""`python -m scaletui`: the same as the `scaletui` command."""

import sys

from scaletui.tui.cli import main

sys.exit(main())
