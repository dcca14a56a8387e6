"""Merge by UID: this profile's own events become exactly what it wants them to be;
everything else in the feed stays the exact bytes it was.

The result is a list of byte chunks (memoryviews into the read feed for every
component this profile does not own), so a 15 MB feed is never copied in memory:
the file backend streams the chunks to its temp file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed.rawics import RawComponent, RawDoc


@dataclass
class MergeResult:
    """The merged feed as chunks, and what changed (for per-resource backends: puts and deletes)."""

    parts: list[bytes | memoryview]
    changed: bool
    puts: dict[str, bytes] = field(default_factory=dict)  # uid -> the new raw VEVENT (per-resource backends)
    deletes: list[str] = field(default_factory=list)
    sequences: dict[str, int] = field(default_factory=dict)  # uid -> SEQUENCE now in the feed
    skipped: list[str] = field(default_factory=list)  # own uids held by someone else's event
    added: int = 0
    updated: int = 0
    removed: int = 0

    def chunks(self) -> Iterator[bytes | memoryview]:
        return iter(self.parts)

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.parts)

    @property
    def data(self) -> bytes:
        return b"".join(self.parts)


def merge(
    doc: RawDoc | None,
    desired: Mapping[str, ics.OwnEvent],
    profile_id: str,
    now: datetime,
    seq_floor: Mapping[str, int] | None = None,
) -> MergeResult:
    """Make this profile's events in ``doc`` equal ``desired``; keep everything else."""
    seq_floor = seq_floor or {}
    nl = doc.newline if doc is not None else b"\r\n"
    res = MergeResult([], False)

    def render(ev: ics.OwnEvent, seq: int) -> bytes:
        raw = ev.render(seq, now, nl)
        res.puts[ev.uid] = raw
        res.sequences[ev.uid] = seq
        return raw

    if doc is None:
        res.parts.append(ics.new_calendar_header(nl))
        for uid in sorted(desired):
            res.parts.append(render(desired[uid], seq_floor.get(uid, -1) + 1))
            res.added += 1
        res.parts.append(b"END:VCALENDAR" + nl)
        res.changed = True
        return res

    view = memoryview(doc.data)
    # Calendar level: keep everything, add only the refresh hints that are missing.
    res.parts.append(view[0 : doc.header_end])
    names = {name for name, _ in doc.calendar_props()}
    for hint in ics.REFRESH_HINTS:
        if hint.split(":", 1)[0].split(";", 1)[0] not in names:
            res.parts.append(hint.encode() + nl)
            res.changed = True

    foreign_uids = {c.uid for c in doc.components if c.owner != profile_id and c.uid}
    seen_own: set[str] = set()
    # Everything not ours is copied as long runs of the original bytes (a few memoryviews,
    # not one per component): only our own events break a run.
    run = doc.header_end
    for c in doc.components:
        if c.owner != profile_id or c.kind != "VEVENT":
            continue
        out = _own(doc, c, desired, seen_own, res, render, seq_floor)
        if out is None:
            continue  # kept as it is: stays inside the run
        if c.start > run:
            res.parts.append(view[run : c.start])
        if out:
            res.parts.append(out)
        run = c.end
    if doc.footer_start > run:
        res.parts.append(view[run : doc.footer_start])
    for uid in sorted(desired):
        if uid in seen_own:
            continue
        if uid in foreign_uids:
            res.skipped.append(uid)
            continue
        res.parts.append(render(desired[uid], seq_floor.get(uid, -1) + 1))
        res.added += 1
        res.changed = True
    res.parts.append(view[doc.footer_start :])
    return res


def _own(
    doc: RawDoc,
    c: RawComponent,
    desired: Mapping[str, ics.OwnEvent],
    seen_own: set[str],
    res: MergeResult,
    render: Callable[[ics.OwnEvent, int], bytes],
    seq_floor: Mapping[str, int],
) -> bytes | None:
    """One of our events: None to keep it as it is, b"" to drop it, or its new bytes."""
    ev = desired.get(c.uid)
    if ev is None or c.uid in seen_own:
        # no longer wanted (or a duplicate of one already kept): remove it
        res.deletes.append(c.uid)
        res.removed += 1
        res.changed = True
        return b""
    seen_own.add(c.uid)
    raw = doc.data[c.start : c.end]
    if _same_content(ics.content_key_of(raw), ev.content_key()):
        res.sequences[c.uid] = c.sequence
        return None
    res.updated += 1
    res.changed = True
    return render(ev, max(c.sequence, seq_floor.get(c.uid, -1)) + 1)


def _same_content(a: bytes, b: bytes) -> bool:
    """Equal, or equal as a set of unfolded lines: a CalDAV server (Radicale) stores an event
    with its properties re-ordered and re-folded; that is not a change worth a write."""
    if a == b:
        return True
    unfold = re.compile(rb"\n[ \t]")
    return sorted(unfold.sub(b"", a).split(b"\n")) == sorted(unfold.sub(b"", b).split(b"\n"))
