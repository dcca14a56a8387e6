"""Entry script of the PyInstaller bundle: the same as the `antihjalte` command."""

import sys

from antihjalte_desktop.cli import main

sys.exit(main())
