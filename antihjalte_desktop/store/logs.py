"""Named loggers per subsystem, written to a rotating file in the profile's log dir."""

from __future__ import annotations

import logging
from pathlib import Path

from antihjalte_desktop.store.paths import Paths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_file_logging(paths: Paths, level: int = logging.INFO) -> Path:
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger("antihjalte")
    path = paths.log_file
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        path.chmod(0o600)
    root.setLevel(level)
    return path
