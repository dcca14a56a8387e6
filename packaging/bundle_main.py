"""Entry script of the PyInstaller bundle: the same as the `antihjalte` command."""

import sys

from antihjalte_desktop.main import main

sys.exit(main())
