"""Merge by UID: this profile's own events become exactly what it wants them to be;
everything else in the feed stays the exact bytes it was.

"Own" is decided by ``feed.ownership`` (UID and marker together, never the marker
alone); an own UID that someone else holds or changed is *squatted*: left as it is
and reported, never overwritten or deleted.

The result is a list of byte chunks (memoryviews into the read feed for every
component this profile does not own), so a 15 MB feed is never copied in memory:
the file backend streams the chunks to its temp file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed.ownership import CHANGED, MARKER, SHARED, Ownership, Squat, digest, digest_of
from antihjalte_desktop.feed.rawics import RawComponent, RawDoc


@dataclass
class MergeResult:
    """The merged feed as chunks, and what changed (for per-resource backends: puts and deletes)."""

    parts: list[bytes | memoryview]
    changed: bool
    puts: dict[str, bytes] = field(default_factory=dict)  # uid -> the new raw VEVENT (per-resource backends)
    deletes: list[str] = field(default_factory=list)
    sequences: dict[str, int] = field(default_factory=dict)  # uid -> SEQUENCE now in the feed
    squatted: list[Squat] = field(default_factory=list)  # own uids someone else holds or changed
    own_uids: set[str] = field(default_factory=set)  # uids of the components judged this profile's
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
    ownership: Ownership | None = None,
) -> MergeResult:
    """Make this profile's events in ``doc`` equal ``desired``; keep everything else, and
    everything of ours that someone else holds (``MergeResult.squatted``)."""
    seq_floor = seq_floor or {}
    own = ownership or Ownership(profile_id)
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

    foreign_uids = {c.uid for c in doc.components if c.uid and not own.mine(c)}
    seen_own: set[str] = set()
    held: set[str] = set()
    # Everything not ours is copied as long runs of the original bytes (a few memoryviews,
    # not one per component): only our own events break a run.
    run = doc.header_end
    for c in doc.components:
        if not own.mine(c):
            continue
        out = _own(doc, c, desired, seen_own, held, res, render, seq_floor, own)
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
        if uid in foreign_uids:
            _squat(res, uid, MARKER)
        if uid in seen_own or uid in held or uid in foreign_uids:
            continue
        res.parts.append(render(desired[uid], seq_floor.get(uid, -1) + 1))
        res.added += 1
        res.changed = True
    # a UID this profile wrote and no longer wants, now under someone else's marker: not ours to delete
    for uid in sorted(set(own.accepted) & foreign_uids - set(desired)):
        _squat(res, uid, MARKER)
    res.parts.append(view[doc.footer_start :])
    return res


def _own(
    doc: RawDoc,
    c: RawComponent,
    desired: Mapping[str, ics.OwnEvent],
    seen_own: set[str],
    held: set[str],
    res: MergeResult,
    render: Callable[[ics.OwnEvent, int], bytes],
    seq_floor: Mapping[str, int],
    own: Ownership,
) -> bytes | None:
    """One of our events: None to keep it as it is, b"" to drop it, or its new bytes."""
    res.own_uids.add(c.uid)
    ev = desired.get(c.uid)
    fingerprint = digest(memoryview(doc.data)[c.start : c.end])
    if ev is not None and c.uid not in seen_own and fingerprint == digest_of(ev):
        seen_own.add(c.uid)  # as wanted: nothing to write (a re-folded copy counts as the same)
        res.sequences[c.uid] = c.sequence
        return None
    # it must be updated or removed: only if it is still what this profile wrote
    if own.changed_by_someone(c.uid, fingerprint) or c.uid in own.shared:
        held.add(c.uid)  # left as it is, and not added again either
        _squat(res, c.uid, SHARED if c.uid in own.shared else CHANGED)
        return None
    if ev is None or c.uid in seen_own:
        # no longer wanted (or a duplicate of one already kept): remove it
        res.deletes.append(c.uid)
        res.removed += 1
        res.changed = True
        return b""
    seen_own.add(c.uid)
    res.updated += 1
    res.changed = True
    return render(ev, max(c.sequence, seq_floor.get(c.uid, -1)) + 1)


def _squat(res: MergeResult, uid: str, why: str) -> None:
    if all(s.uid != uid for s in res.squatted):
        res.squatted.append(Squat(uid, why))
