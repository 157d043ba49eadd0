"""Run the command line as ``python -m bkn_awards``."""

import sys

from bkn_awards.cli import main

sys.exit(main())
