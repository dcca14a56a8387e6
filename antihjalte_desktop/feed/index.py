"""The occurrence index behind the team view: who is focusing, away or hero on which day.

Components are grouped by UID (a recurring event and its RECURRENCE-ID overrides
are one group). Each group's hash is kept; a sync re-parses only groups whose
bytes changed (icalendar + x-wr-timezone + recurring-ical-events, imported only
then), so after one colleague's change one small group is parsed, not 15 MB.
The whole index is rebuilt only when its context changes: the VTIMEZONEs or
X-WR-TIMEZONE of the feed, the viewer's time zone, or the year (the window).

Rules (issue 6):
- CATEGORIES ANTIHJALTE → ``focus``, CATEGORIES VECKANS-HJALTE → ``hero`` (the hero's
  name from X-ANTIHJALTE-HERO, else the summary after "Veckans hjälte: ");
- otherwise an event is an absence (``away``) unless TRANSPARENT, FREE (or
  working elsewhere) or CANCELLED: all-day → every day of it (DTEND exclusive);
  timed → each *local* date on which it covers at least 4 hours;
- the person is the ORGANIZER's CN, else the first ATTENDEE, else the summary.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed._hash import blake2b
from antihjalte_desktop.feed.errors import FeedFormatError
from antihjalte_desktop.feed.rawics import RawComponent, RawDoc, _line_of
from antihjalte_desktop.feed.state import FeedState, zone_key

log = logging.getLogger("antihjalte.feed")

INDEX_VERSION = "1"
AWAY_MIN = timedelta(hours=4)
MAX_DAYS_PER_EVENT = 400
MAX_EXPANSION_STEPS = 50_000
MAX_OCCURRENCES = 2_000
BATCH = 1000

Row = tuple[str, str, str]  # (day, person, kind)


@dataclass
class IndexReport:
    """How much of the index an update touched."""

    parsed: int = 0
    removed: int = 0
    rebuilt: bool = False
    warnings: list[str] = field(default_factory=list)


def window_for(today: date) -> tuple[date, date]:
    return date(today.year - 1, 1, 1), date(today.year + 3, 1, 1)


def context_key(doc: RawDoc, zone: tzinfo, window: tuple[date, date]) -> str:
    h = blake2b(digest_size=16)
    h.update(f"{INDEX_VERSION}|{zone_key(zone)}|{window[0]}|{window[1]}|".encode())
    for c in doc.components:
        if c.kind == "VTIMEZONE":
            h.update(doc.data[c.start : c.end])
    for name, value in doc.calendar_props():
        if name == "X-WR-TIMEZONE":
            h.update(b"X-WR-TIMEZONE:" + value.encode())
    return h.hexdigest()


def groups_of(doc: RawDoc, profile_id: str) -> dict[str, list[RawComponent]]:
    """Every event not owned by this profile, grouped by UID (the marker alone does not make an
    event ours: a colleague's event with our marker is still the colleague's, and shown)."""
    out: dict[str, list[RawComponent]] = defaultdict(list)
    view = memoryview(doc.data)
    for c in doc.components:
        if c.kind != "VEVENT" or ics.looks_own(c.uid, c.owner, profile_id):
            continue
        key = c.uid or "#" + blake2b(view[c.start : c.end], digest_size=8).hexdigest()
        out[key].append(c)
    return out


def group_hash(doc: RawDoc, comps: list[RawComponent]) -> bytes:
    view = memoryview(doc.data)
    h = blake2b(digest_size=16)
    for c in comps:
        h.update(view[c.start : c.end])
    return h.digest()


def update(state: FeedState, doc: RawDoc, profile_id: str, zone: tzinfo, today: date) -> IndexReport:
    """Bring the index in line with ``doc``; raise FeedFormatError when a changed event cannot be read."""
    report = IndexReport()
    window = window_for(today)
    ctx = context_key(doc, zone, window)
    meta = state.meta()
    report.rebuilt = meta.get("index_context") != ctx
    groups = groups_of(doc, profile_id)
    hashes = {k: group_hash(doc, comps) for k, comps in groups.items()}
    # Compare with the stored hashes row by row (not a second 20,000-entry dict in memory).
    unchanged: set[str] = set()
    removed: list[str] = []
    if not report.rebuilt:
        for k, h in state.iter_group_hashes():
            cur = hashes.get(k)
            if cur is None:
                removed.append(k)
            elif cur == h:
                unchanged.add(k)
    changed = [k for k in hashes if k not in unchanged]
    del unchanged
    old_warnings: dict[str, list[str]] = {} if report.rebuilt else _warnings_by_key(meta)
    rows: dict[str, set[Row]] = {}
    warns: dict[str, list[str]] = {}
    if changed:
        parser = _Parser(doc, zone, window)
        for i in range(0, len(changed), BATCH):
            chunk = changed[i : i + BATCH]
            for key, (r, w) in parser.parse_groups(chunk, groups).items():
                rows[key] = r
                if w:
                    warns[key] = w
    report.parsed = len(changed)
    report.removed = len(removed)
    if not changed and not removed and not report.rebuilt:
        report.warnings = [w for ws in old_warnings.values() for w in ws]
        return report
    for k in removed + changed:
        old_warnings.pop(k, None)
    old_warnings.update(warns)
    report.warnings = [w for ws in old_warnings.values() for w in ws]
    with state.tx() as c:
        if report.rebuilt:
            state.wipe_index(c)
        for k in removed + changed:
            c.execute("DELETE FROM grp WHERE key = ?", (k,))
            c.execute("DELETE FROM occ WHERE key = ?", (k,))
        c.executemany("INSERT INTO grp(key, hash) VALUES (?, ?)", [(k, hashes[k]) for k in changed])
        c.executemany(
            "INSERT INTO occ(day, person, kind, key) VALUES (?, ?, ?, ?)",
            [(d, p, kind, k) for k in changed for d, p, kind in sorted(rows.get(k, ()))],
        )
        state.set_meta(
            {
                "index_context": ctx,
                "index_warnings_by_key": json.dumps(old_warnings, ensure_ascii=False),
                "index_warnings": json.dumps(report.warnings[:50], ensure_ascii=False),
            },
            c,
        )
    return report


def _warnings_by_key(meta: dict[str, str]) -> dict[str, list[str]]:
    try:
        data = json.loads(meta.get("index_warnings_by_key", "{}"))
    except ValueError:
        return {}
    return {str(k): [str(x) for x in v] for k, v in data.items()} if isinstance(data, dict) else {}


def _bad_value(events: list[Any]) -> str:
    """Which date, time or rule of an event cannot be used, as the feed names it."""
    kinds = {"DTSTART": "a date or a date-time", "DTEND": "a date or a date-time",
             "RECURRENCE-ID": "a date or a date-time", "DURATION": "a duration"}  # fmt: skip
    for e in events:
        for name in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE"):
            if name not in e:
                continue
            try:
                value = e.decoded(name)
            except Exception:
                return f"its {name} is not a valid value"
            want = kinds.get(name)
            ok = isinstance(value, timedelta) if name == "DURATION" else isinstance(value, date)
            if want and not ok:
                return f"its {name} is not {want}"
    return "its dates, times or repeat rule do not fit together"


class _Parser:
    def __init__(self, doc: RawDoc, zone: tzinfo, window: tuple[date, date]) -> None:
        import icalendar  # heavy: only when something changed

        self.icalendar = icalendar
        self.doc = doc
        self.zone = zone
        self.window = window
        nl = b"\r\n"
        head = b"BEGIN:VCALENDAR" + nl + b"VERSION:2.0" + nl + b"PRODID:-//antihjalte index//" + nl
        self.xwr = ""
        for name, value in doc.calendar_props():
            if name == "X-WR-TIMEZONE" and value.strip():
                self.xwr = value.strip()
                head += b"X-WR-TIMEZONE:" + value.strip().encode() + nl
        for c in doc.components:
            if c.kind == "VTIMEZONE":
                head += doc.data[c.start : c.end]
                if not head.endswith(b"\n"):
                    head += nl
        self.head = head
        self._zones: dict[str, tzinfo | None] = {}

    def _calendar(self, comps: list[RawComponent]) -> Any:
        body = bytearray(self.head)
        for c in comps:
            body += self.doc.data[c.start : c.end]
            if not body.endswith(b"\n"):
                body += b"\r\n"
        body += b"END:VCALENDAR\r\n"
        cal = self.icalendar.Calendar.from_ical(bytes(body))
        if self.xwr:
            import x_wr_timezone

            cal = x_wr_timezone.to_standard(cal)
        return cal

    def parse_groups(
        self, keys: list[str], groups: dict[str, list[RawComponent]]
    ) -> dict[str, tuple[set[Row], list[str]]]:
        comps = [c for k in keys for c in groups[k]]
        try:
            cal = self._calendar(comps)
            events = [e for e in cal.subcomponents if e.name == "VEVENT"]
            if len(events) != len(comps):
                raise ValueError("component count differs")
        except Exception:
            if len(keys) == 1:
                self._fail(groups[keys[0]][0], None)
            out: dict[str, tuple[set[Row], list[str]]] = {}
            for k in keys:
                out.update(self.parse_groups([k], groups))
            return out
        out = {}
        pos = 0
        for k in keys:
            n = len(groups[k])
            evs = events[pos : pos + n]
            pos += n
            try:
                out[k] = self._rows(k, evs)
            except FeedFormatError:
                raise
            except Exception:
                self._fail(groups[k][0], _bad_value(evs))
        return out

    def _fail(self, c: RawComponent, detail: str | None) -> None:
        """Say which event cannot be read and, when known, which value in the feed's own terms
        (never Python's exception text)."""
        line = _line_of(self.doc.data, c.start)
        what = f"the event {c.uid!r}" if c.uid else "an event"
        why = f": {detail}" if detail else ""
        raise FeedFormatError(f"line {line}: {what} cannot be read{why}"[:300])

    # -- occurrences ------------------------------------------------------------
    def _rows(self, key: str, events: list[Any]) -> tuple[set[Row], list[str]]:
        warnings: list[str] = []
        recurring = any("RRULE" in e or "RDATE" in e or "RECURRENCE-ID" in e for e in events)
        for e in events:
            e.decoded("DTSTART")  # raises on a bad or missing value
        occurrences: list[Any]
        occurrences = self._expand(key, events, warnings) if recurring else events
        rows: set[Row] = set()
        for occ in occurrences:
            rows.update(self._classify(occ))
        return rows, warnings

    def _expand(self, key: str, events: list[Any], warnings: list[str]) -> list[Any]:
        import recurring_ical_events

        master = next((e for e in events if "RRULE" in e and "RECURRENCE-ID" not in e), None)
        if master is not None:
            steps = self._estimate(master)
            if steps > MAX_EXPANSION_STEPS:
                summary = str(master.get("SUMMARY", ""))[:60]
                warnings.append(
                    f"the event {summary or key!r} repeats too often to show (about {steps:,} times); "
                    "only its first occurrence is shown"
                )
                return [e for e in events if "RRULE" in e or "RECURRENCE-ID" in e][:1]
        cal = self.icalendar.Calendar()
        for e in events:
            cal.add_component(e)
        try:
            found = recurring_ical_events.of(cal).between(self.window[0], self.window[1])
        except Exception as err:
            warnings.append(f"the repeating event {key!r} could not be expanded ({type(err).__name__})")
            return events[:1]
        if len(found) > MAX_OCCURRENCES:
            warnings.append(
                f"the event {key!r} has {len(found)} occurrences; only the first {MAX_OCCURRENCES} shown"
            )
            found = found[:MAX_OCCURRENCES]
        return list(found)

    def _estimate(self, master: Any) -> int:
        rule = master.get("RRULE")
        freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
        seconds = {
            "SECONDLY": 1,
            "MINUTELY": 60,
            "HOURLY": 3600,
            "DAILY": 86400,
            "WEEKLY": 604800,
            "MONTHLY": 2419200,
            "YEARLY": 31536000,
        }.get(freq, 86400)
        try:
            interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
        except (TypeError, ValueError):
            interval = 1
        start = master.decoded("DTSTART")
        start_day = start.date() if isinstance(start, datetime) else start
        span_days = max(0, (self.window[1] - start_day).days)
        steps = span_days * 86400 // (seconds * interval) + 1
        mult = 1
        for part in (
            "BYSECOND",
            "BYMINUTE",
            "BYHOUR",
            "BYDAY",
            "BYMONTHDAY",
            "BYYEARDAY",
            "BYWEEKNO",
            "BYMONTH",
        ):
            vals = rule.get(part)
            if vals:
                mult *= max(1, len(vals))
        count = rule.get("COUNT")
        total = steps * mult
        if count:
            with contextlib.suppress(TypeError, ValueError):
                total = min(total, int(count[0]) * mult)
        return total

    def _classify(self, ev: Any) -> set[Row]:
        cats = _categories(ev)
        if ics.HERO_CATEGORY in cats:
            hero = str(ev.get(ics.HERO_PROP, "") or "").strip()
            if not hero:
                summary = str(ev.get("SUMMARY", ""))
                hero = summary.split(":", 1)[1].strip() if ":" in summary else summary.strip()
            return {(d, hero, "hero") for d in self._all_days(ev)}
        person = person_of(ev)
        if ics.FOCUS_CATEGORY in cats:
            return {(d, person, "focus") for d in self._all_days(ev)}
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            return set()
        if str(ev.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            return set()
        busy = str(ev.get("X-MICROSOFT-CDO-BUSYSTATUS", "") or "").upper()
        if busy in ("FREE", "WORKINGELSEWHERE"):
            return set()
        return {(d, person, "away") for d in self._away_days(ev)}

    def _span(self, ev: Any) -> tuple[date | datetime, date | datetime]:
        start = ev.decoded("DTSTART")
        if "DTEND" in ev:
            end = ev.decoded("DTEND")
        elif "DURATION" in ev:
            end = start + ev.decoded("DURATION")
        elif isinstance(start, datetime):
            end = start
        else:
            end = start + timedelta(days=1)
        return start, end

    def _dates(self, first: date, last_exclusive: date) -> list[str]:
        a = max(first, self.window[0])
        b = min(last_exclusive, self.window[1], first + timedelta(days=MAX_DAYS_PER_EVENT))
        out = []
        d = a
        while d < b:
            out.append(d.isoformat())
            d += timedelta(days=1)
        return out

    def _all_days(self, ev: Any) -> list[str]:
        start, end = self._span(ev)
        if isinstance(start, datetime):
            s = self._local(start).date()
            e = self._local(end) if isinstance(end, datetime) else datetime.combine(end, time(0), self.zone)
            last = e.date() + timedelta(days=1) if e.time() != time(0) else e.date()
            return self._dates(s, max(last, s + timedelta(days=1)))
        end_day = end.date() if isinstance(end, datetime) else end
        return self._dates(start, max(end_day, start + timedelta(days=1)))

    def _away_days(self, ev: Any) -> list[str]:
        start, end = self._span(ev)
        if not isinstance(start, datetime):
            return self._all_days(ev)
        s = self._local(start)
        e = self._local(end) if isinstance(end, datetime) else datetime.combine(end, time(0), self.zone)
        if e <= s:
            return []
        s_utc, e_utc = s.astimezone(UTC), e.astimezone(UTC)
        out = []
        d = max(s.date(), self.window[0])
        last = min(e.date(), self.window[1], s.date() + timedelta(days=MAX_DAYS_PER_EVENT))
        while d <= last:
            day_start = datetime.combine(d, time(0), self.zone).astimezone(UTC)
            day_end = datetime.combine(d + timedelta(days=1), time(0), self.zone).astimezone(UTC)
            covered = min(e_utc, day_end) - max(s_utc, day_start)
            if covered >= AWAY_MIN:
                out.append(d.isoformat())
            d += timedelta(days=1)
        return out

    def _local(self, when: datetime) -> datetime:
        if when.tzinfo is None:  # floating time: the viewer's wall clock
            return when.replace(tzinfo=self.zone)
        return self._fast_zone(when).astimezone(self.zone)

    def _fast_zone(self, when: datetime) -> datetime:
        """A zone built from a VTIMEZONE (dateutil) walks its rules from their DTSTART (1601 in
        Outlook's) on every conversion; where its TZID names a known zone (IANA, or a Windows
        name), use that zone's zoneinfo instead: same wall time, a thousand times faster."""
        tz = when.tzinfo
        tzid = getattr(tz, "_tzid", None)
        if not tzid:
            return when
        if tzid not in self._zones:
            self._zones[tzid] = _known_zone(str(tzid))
        known = self._zones[tzid]
        return when.replace(tzinfo=known) if known is not None else when


def _known_zone(tzid: str) -> tzinfo | None:
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(tzid)
    except (ValueError, OSError, KeyError):
        pass
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        name = WINDOWS_TO_OLSON.get(tzid)
        return ZoneInfo(name) if name else None
    except (ImportError, ValueError, OSError, KeyError):
        return None


def _categories(ev: Any) -> set[str]:
    out: set[str] = set()
    raw = ev.get("CATEGORIES")
    if raw is None:
        return out
    for item in raw if isinstance(raw, list) else [raw]:
        cats = getattr(item, "cats", None)
        if cats is None:
            cats = str(item).split(",")
        out.update(str(c).strip().upper() for c in cats)
    return out


def _cn(prop: Any) -> str:
    cn = getattr(prop, "params", {}).get("CN", "")
    if isinstance(cn, (list, tuple)):  # an unquoted comma in the name
        cn = ",".join(str(p) for p in cn)
    return str(cn or "").strip()


def person_of(ev: Any) -> str:
    org = ev.get("ORGANIZER")
    if org is not None:
        cn = _cn(org)
        if cn:
            return cn
    att = ev.get("ATTENDEE")
    if att is not None:
        first = att[0] if isinstance(att, list) and att else att
        if first is not None and not isinstance(first, list):
            cn = _cn(first)
            if cn:
                return cn
            addr = str(first).strip()
            if addr.lower().startswith("mailto:"):
                addr = addr[7:]
            if addr:
                return addr
    return str(ev.get("SUMMARY", "") or "").strip() or "?"
