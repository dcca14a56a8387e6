"""Where a profile keeps its data, config, cache and logs.

``--home DIR`` or ``ANTIHJALTE_HOME=DIR`` puts everything under DIR, so several
profiles (colleagues, or tests) run side by side; otherwise platformdirs decides.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from antihjalte_desktop import APP_ID
from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import StoreError

FEED_STATUS_NAME = "feed-status.json"


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> Paths:
        home = home or os.environ.get("ANTIHJALTE_HOME") or None
        if home:
            root = Path(home).expanduser().absolute()
            return cls(root / "data", root / "config", root / "cache", root / "logs")
        import platformdirs  # only here: it costs ~10 ms of start-up

        return cls(
            Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        )

    @property
    def db_file(self) -> Path:
        return self.data / "antihjalte.sqlite3"

    @property
    def journal_file(self) -> Path:
        return self.data / "journal.sqlite3"

    @property
    def feed_status_file(self) -> Path:
        """The last sync's outcome, written by every sync (the tray reads it)."""
        return self.data / FEED_STATUS_NAME

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.logs / "antihjalte.log"

    @property
    def profile_key(self) -> str:
        """A short stable name for this profile (for sockets and lock names)."""
        import hashlib

        return hashlib.sha256(str(self.data.resolve()).encode()).hexdigest()[:16]

    def ensure(self) -> Paths:
        """Create the folders, private to the user (0700)."""
        for d in (self.data, self.config, self.cache, self.logs):
            try:
                d.mkdir(parents=True, exist_ok=True, mode=0o700)
                if os.name == "posix" and (d.stat().st_mode & 0o777) != 0o700:
                    d.chmod(0o700)
            except OSError as err:
                from antihjalte_desktop.store.safeio import os_reason

                raise StoreError(
                    _("cannot create {path}: {reason}").format(path=d, reason=os_reason(err))
                ) from None
        return self
