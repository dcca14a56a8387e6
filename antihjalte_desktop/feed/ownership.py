"""Which events in the feed are this profile's, and which of its UIDs someone else holds.

The profile marker (``X-ANTIHJALTE-PROFILE``) is public: anyone can copy it onto an
event. So an event is this profile's only when its UID is one this profile generates
*and* it carries the marker (a legacy hero week, whose UID every profile shared, also
needs this profile's record of having written it). And what this profile wrote is
remembered as a fingerprint per UID (``feed.state``): an event of ours whose content
someone else changed, or a UID of ours held by an event with another marker, is
*squatted*. A squatted event is never overwritten or deleted; the sync names it and
fails, so nobody is told "in sync" while a day is not published as planned.

The fingerprint is of the event's unfolded lines without the volatile ones (DTSTAMP,
LAST-MODIFIED, SEQUENCE), in sorted order: a CalDAV server that stores an event with
its properties re-ordered and re-folded (Radicale) has not changed it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from antihjalte_desktop.core.i18n import N_, _, ngettext
from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed._hash import blake2b
from antihjalte_desktop.feed.rawics import RawComponent

_UNFOLD = re.compile(rb"\n[ \t]")

MARKER = "marker"  # the UID is held by an event that is not this profile's
CHANGED = "changed"  # this profile's event was changed by someone else since it was written
SHARED = "shared"  # a CalDAV resource holds this profile's event together with someone else's

_WHY = {
    MARKER: N_("held by an event that is not this profile's"),
    CHANGED: N_("changed by someone else since this profile wrote it"),
    SHARED: N_("stored on the server together with someone else's event"),
}


def digest_of_key(key: bytes) -> str:
    """The fingerprint of a content key (``ics.content_key_of`` / ``OwnEvent.content_key``)."""
    lines = sorted(_UNFOLD.sub(b"", key).split(b"\n"))
    return blake2b(b"\n".join(lines), digest_size=16).hexdigest()


def digest(raw: bytes | memoryview) -> str:
    """The fingerprint of a component as it stands in the feed."""
    return digest_of_key(ics.content_key_of(bytes(raw)))


def digest_of(ev: ics.OwnEvent) -> str:
    """The fingerprint of the event this profile wants (equal to :func:`digest` of it rendered)."""
    return digest_of_key(ev.content_key())


@dataclass(frozen=True)
class Squat:
    """One UID of this profile that it cannot write: which, and why."""

    uid: str
    why: str  # MARKER, CHANGED or SHARED

    def describe(self) -> str:
        why = _WHY.get(self.why)
        return f"{self.uid} ({_(why) if why else self.why})"


@dataclass(frozen=True)
class Ownership:
    """What this profile knows about its own events (from ``feed.state``)."""

    profile_id: str
    written: frozenset[str] = frozenset()  # every UID this profile has written (its SEQUENCE record)
    accepted: Mapping[str, frozenset[str]] = field(default_factory=dict)  # uid -> fingerprints it wrote
    shared: frozenset[str] = frozenset()  # UIDs in a CalDAV resource that holds someone else's event too

    def mine(self, c: RawComponent) -> bool:
        """Is ``c`` provably this profile's event (UID and marker; a legacy hero week: and written)?"""
        if c.kind != "VEVENT" or not ics.looks_own(c.uid, c.owner, self.profile_id):
            return False
        if ics.is_legacy_hero_uid(c.uid):
            return c.uid in self.written
        return True

    def changed_by_someone(self, uid: str, fingerprint: str) -> bool:
        """True when this profile wrote ``uid`` and what is there now is not what it wrote."""
        known = self.accepted.get(uid)
        return known is not None and bool(known) and fingerprint not in known


def squat_message(squats: list[Squat], limit: int = 5) -> str:
    """The sync's one-line reason when some of this profile's UIDs are held by someone else."""
    shown = "; ".join(s.describe() for s in squats[:limit])
    rest = len(squats) - limit
    more = _("; and {n} more").format(n=rest) if rest > 0 else ""
    n = len(squats)
    return ngettext(
        "{n} event of this profile was left as found, neither overwritten nor deleted: {events}{more}. "
        "Whoever changed the feed there must put it right (or remove the event) before it is in sync",
        "{n} events of this profile were left as found, neither overwritten nor deleted: {events}{more}. "
        "Whoever changed the feed there must put it right (or remove the event) before it is in sync",
        n,
    ).format(n=n, events=shown, more=more)
