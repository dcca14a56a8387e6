"""Named loggers per subsystem, written to a rotating file in the profile's log dir."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from antihjalte_desktop.store.paths import Paths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class EscapingFormatter(logging.Formatter):
    """Log lines quote feeds and servers: control characters (line breaks included) are escaped
    in the message, so reading the log in a terminal is safe and one record is one line; a
    traceback keeps its lines, each escaped."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        from antihjalte_desktop.core.text import printable

        return printable(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:
        return _lines(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return _lines(super().formatStack(stack_info))


def _lines(text: str) -> str:
    from antihjalte_desktop.core.text import printable

    return "\n".join(printable(line) for line in text.split("\n"))


def setup_file_logging(paths: Paths, level: int = logging.INFO) -> Path:
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger("antihjalte")
    path = paths.log_file
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(EscapingFormatter(FORMAT))
        root.addHandler(handler)
        path.chmod(0o600)
    root.setLevel(level)
    return path
