"""``python -m omni_codec``: the ``omni-codec`` command."""

import sys

from .cli import main

sys.exit(main())
