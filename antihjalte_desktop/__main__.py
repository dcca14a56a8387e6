"""`python -m antihjalte_desktop` is the same as the `antihjalte` command."""

from antihjalte_desktop.cli import main

raise SystemExit(main())
