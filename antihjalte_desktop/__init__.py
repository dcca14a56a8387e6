"""Antihjälte Desktop: protected focus days for office staff.

Nothing happens on import: the version is looked up only when asked for, so the
headless CLI starts fast.
"""

APP_ID = "antihjalte"
APP_NAME = "Antihjälte"


def version() -> str:
    """The installed distribution's version (falls back to the source tree's)."""
    from importlib import metadata

    try:
        return metadata.version("antihjalte-desktop")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
