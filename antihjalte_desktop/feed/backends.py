"""Which backend a feed location needs: the file backend for a path (or the embedded default),
a WebDAV file or a CalDAV calendar for a URL (``feed.detect``, imported only then)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from antihjalte_desktop.feed.backend import FeedBackend, FileBackend


def backend_for(location: str, kind: str, default_path: Path, net: Any = None) -> FeedBackend:
    """The backend for settings ``feed.location`` / ``feed.kind``; empty location: the embedded file.
    ``net``: a ``feed.detect.NetOptions`` (user, CA file, profile id, password source) for URLs."""
    loc = location.strip()
    if not loc:
        return FileBackend(default_path)
    lowered = loc.lower()
    is_url = lowered.startswith(("http://", "https://", "webcal://", "webcals://"))
    if kind in ("webdav", "caldav") or (kind == "auto" and is_url):
        from antihjalte_desktop.feed.detect import NetOptions, network_backend

        return network_backend(loc, kind, net or NetOptions())  # type: ignore[return-value]
    if lowered.startswith("file://"):
        from urllib.parse import unquote, urlparse

        loc = unquote(urlparse(loc).path)
    return FileBackend(Path(loc).expanduser())
