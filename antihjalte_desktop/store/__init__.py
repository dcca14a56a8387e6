"""Local persistence: paths, the SQLite store, settings, the holiday cache, secrets."""
