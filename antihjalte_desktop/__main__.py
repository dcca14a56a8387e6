"""`python -m antihjalte_desktop` is the same as the `antihjalte` command."""

from antihjalte_desktop.main import main

raise SystemExit(main())
