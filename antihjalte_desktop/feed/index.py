"""The occurrence index behind the team view: who is focusing, away or hero on which day.

Components are grouped by UID (a recurring event and its RECURRENCE-ID overrides
are one group). Each group's hash is kept (of its bytes without the DTSTAMP and
LAST-MODIFIED lines: Outlook re-stamps every event at every publish); a sync reads
only groups whose hash changed, so after one colleague's change one small group is
read, not 15 MB. A plain (non-recurring) event is read straight from its lines
(``fastics``); a recurring group, or anything that reader does not understand, with
icalendar + x-wr-timezone + recurring-ical-events (imported only then). Both feed the
same rules below. The whole index is rebuilt only when its context changes: the
VTIMEZONEs or X-WR-TIMEZONE of the feed, the viewer's time zone, or the year (the window).

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
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from antihjalte_desktop.core.i18n import N_, _
from antihjalte_desktop.feed import fastics, ics
from antihjalte_desktop.feed._hash import blake2b
from antihjalte_desktop.feed.errors import FeedFormatError
from antihjalte_desktop.feed.rawics import RawComponent, RawDoc, _line_of
from antihjalte_desktop.feed.state import FeedState, stored_warning, warning_text, zone_key

log = logging.getLogger("antihjalte.feed")

INDEX_VERSION = "2"  # 2: group hashes without DTSTAMP / LAST-MODIFIED
AWAY_MIN = timedelta(hours=4)
MAX_DAYS_PER_EVENT = 400
MAX_EXPANSION_STEPS = 50_000
MAX_OCCURRENCES = 2_000
BATCH = 200  # groups per icalendar parse
CHUNK = 500  # groups per write

Row = tuple[str, str, str]  # (day, person, kind)
Span = tuple[date | datetime, date | datetime]


@dataclass
class IndexReport:
    """How much of the index an update touched."""

    parsed: int = 0  # groups read (either way)
    fast: int = 0  # of those, read straight from their lines (the rest with icalendar)
    removed: int = 0
    rebuilt: bool = False
    warnings: list[str] = field(default_factory=list)  # in this process's language


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


# A DTSTAMP or LAST-MODIFIED line (folded or not), from the newline before it.
_STAMP = re.compile(rb"\n(?:DTSTAMP|LAST-MODIFIED)[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.I)


def group_hash(doc: RawDoc, comps: list[RawComponent]) -> bytes:
    """The group's bytes without its DTSTAMP / LAST-MODIFIED lines: a re-stamp is no change."""
    view = memoryview(doc.data)
    h = blake2b(digest_size=16)
    for c in comps:
        h.update(_STAMP.sub(b"\n", view[c.start : c.end]))
    return h.digest()


def update(
    state: FeedState, doc: RawDoc, profile_id: str, zone: tzinfo, today: date, *, fast: bool = True
) -> IndexReport:
    """Bring the index in line with ``doc``; raise FeedFormatError when a changed event cannot be read.
    ``fast=False`` reads every group with icalendar (the tests compare both readers)."""
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
    # stored as message and values (feed.state.stored_warning), shown in the reader's language
    old_warnings: dict[str, list[Any]] = {} if report.rebuilt else _warnings_by_key(meta)
    report.parsed = len(changed)
    report.removed = len(removed)
    if not changed and not removed and not report.rebuilt:
        report.warnings = [warning_text(w) for ws in old_warnings.values() for w in ws]
        return report
    for k in removed + changed:
        old_warnings.pop(k, None)
    rules = _Rules(zone, window)
    zones = _fast_zones(doc) if fast else None
    parser: _Parser | None = None
    # One transaction (a group that cannot be read leaves the index as it was), written a chunk
    # of groups at a time: the rows of 20,000 groups are never all in memory at once.
    with state.tx() as c:
        # The team view's query (a month of day, kind, person) answered from this index alone.
        c.execute("CREATE INDEX IF NOT EXISTS occ_span ON occ(day, kind, person)")
        if report.rebuilt:
            state.wipe_index(c)
        else:
            for k in removed + changed:
                c.execute("DELETE FROM grp WHERE key = ?", (k,))
                c.execute("DELETE FROM occ WHERE key = ?", (k,))
        for i in range(0, len(changed), CHUNK):
            chunk = changed[i : i + CHUNK]
            rows: dict[str, set[Row]] = {}
            slow = _read_fast(doc, chunk, groups, rules, rows, zones) if zones is not None else chunk
            report.fast += len(chunk) - len(slow)
            for j in range(0, len(slow), BATCH):
                parser = parser or _Parser(doc, zone, window, rules)
                for key, (r, w) in parser.parse_groups(slow[j : j + BATCH], groups).items():
                    rows[key] = r
                    if w:
                        old_warnings[key] = w
            c.executemany("INSERT INTO grp(key, hash) VALUES (?, ?)", [(k, hashes[k]) for k in chunk])
            c.executemany(
                "INSERT INTO occ(day, person, kind, key) VALUES (?, ?, ?, ?)",
                [(d, p, kind, k) for k in chunk for d, p, kind in sorted(rows.get(k, ()))],
            )
        stored = [w for ws in old_warnings.values() for w in ws]
        report.warnings = [warning_text(w) for w in stored]
        state.set_meta(
            {
                "index_context": ctx,
                "index_warnings_by_key": json.dumps(old_warnings, ensure_ascii=False),
                "index_warnings": json.dumps(stored[:50], ensure_ascii=False),
            },
            c,
        )
    return report


def _fast_zones(doc: RawDoc) -> fastics.Zones | None:
    """The zones for the fast reader, or None when the feed's X-WR-TIMEZONE is not one it can
    take as x-wr-timezone would (several, or unknown): icalendar then says what that means."""
    xwr = [v.strip() for n, v in doc.calendar_props() if n == "X-WR-TIMEZONE" and v.strip()]
    zones = fastics.Zones(xwr[0] if xwr else "")
    return zones if len(xwr) <= 1 and zones.usable else None


def _read_fast(
    doc: RawDoc,
    keys: list[str],
    groups: dict[str, list[RawComponent]],
    rules: _Rules,
    rows: dict[str, set[Row]],
    zones: fastics.Zones,
) -> list[str]:
    """Read every plain group of ``keys`` from its lines into ``rows``; return the keys left
    for icalendar (recurring, or not understood)."""
    data = doc.data
    slow: list[str] = []
    for k in keys:
        out: set[Row] = set()
        for c in groups[k]:
            f = fastics.read_event(data, c, zones)
            if f is None:
                break
            try:
                out |= rules.fast_rows(f)
            except (fastics.Unknown, ValueError, OverflowError):
                break
        else:
            rows[k] = out
            continue
        slow.append(k)
    return slow


def _warnings_by_key(meta: dict[str, str]) -> dict[str, list[Any]]:
    try:
        data = json.loads(meta.get("index_warnings_by_key", "{}"))
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(k): [x if isinstance(x, dict) else str(x) for x in v]
        for k, v in data.items()
        if isinstance(v, list)
    }


def _bad_value(events: list[Any]) -> str:
    """Which date, time or rule of an event cannot be used, as the feed names it."""
    kinds = {"DTSTART": N_("its {name} is not a date or a date-time"),
             "DTEND": N_("its {name} is not a date or a date-time"),
             "RECURRENCE-ID": N_("its {name} is not a date or a date-time"),
             "DURATION": N_("its {name} is not a duration")}  # fmt: skip
    for e in events:
        for name in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE"):
            if name not in e:
                continue
            try:
                value = e.decoded(name)
            except Exception:
                return _("its {name} is not a valid value").format(name=name)
            want = kinds.get(name)
            ok = isinstance(value, timedelta) if name == "DURATION" else isinstance(value, date)
            if want and not ok:
                return _(want).format(name=name)
    return _("its dates, times or repeat rule do not fit together")


class _Parser:
    def __init__(self, doc: RawDoc, zone: tzinfo, window: tuple[date, date], rules: _Rules) -> None:
        import icalendar  # heavy: only when something changed

        self.icalendar = icalendar
        self.rules = rules
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
                # A zone with a known name (IANA, or Windows) is read as that zoneinfo zone (see
                # _fast_zone); its VTIMEZONE left out, icalendar and recurring-ical-events use the
                # zoneinfo zone too instead of walking Outlook's rules from 1601 at every step.
                m = _TZID.search(doc.data, c.start, c.prop_end)
                if m is not None and _known_zone(m.group(1).decode("utf-8").strip()) is not None:
                    continue
                head += doc.data[c.start : c.end]
                if not head.endswith(b"\n"):
                    head += nl
        self.head = head

    def _calendar(self, comps: list[RawComponent]) -> Any:
        body = bytearray(self.head)
        for c in comps:
            body += _slim(self.doc.data[c.start : c.end])
        body += b"END:VCALENDAR\r\n"
        cal = self.icalendar.Calendar.from_ical(bytes(body))
        if self.xwr:
            import x_wr_timezone

            cal = x_wr_timezone.to_standard(cal)
        return cal

    def parse_groups(
        self, keys: list[str], groups: dict[str, list[RawComponent]]
    ) -> dict[str, tuple[set[Row], list[Any]]]:
        comps = [c for k in keys for c in groups[k]]
        try:
            cal = self._calendar(comps)
            events = [e for e in cal.subcomponents if e.name == "VEVENT"]
            if len(events) != len(comps):
                raise ValueError("component count differs")  # untranslated: caught below
        except Exception:
            if len(keys) == 1:
                self._fail(groups[keys[0]][0], None)
            out: dict[str, tuple[set[Row], list[Any]]] = {}
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
        if c.uid and detail:
            text = _("line {line}: the event {uid!r} cannot be read: {detail}")
        elif c.uid:
            text = _("line {line}: the event {uid!r} cannot be read")
        elif detail:
            text = _("line {line}: an event cannot be read: {detail}")
        else:
            text = _("line {line}: an event cannot be read")
        raise FeedFormatError(text.format(line=line, uid=c.uid, detail=detail)[:300])

    # -- occurrences ------------------------------------------------------------
    def _rows(self, key: str, events: list[Any]) -> tuple[set[Row], list[Any]]:
        warnings: list[Any] = []  # feed.state.stored_warning
        recurring = any("RRULE" in e or "RDATE" in e or "RECURRENCE-ID" in e for e in events)
        for e in events:
            e.decoded("DTSTART")  # raises on a bad or missing value
        occurrences = self._expand(key, events, warnings) if recurring else [(e, None) for e in events]
        rows: set[Row] = set()
        for ev, span in occurrences:
            rows.update(self.rules.slow_rows(ev, span))
        return rows, warnings

    def _expand(self, key: str, events: list[Any], warnings: list[Any]) -> list[tuple[Any, Span | None]]:
        import recurring_ical_events

        master = next((e for e in events if "RRULE" in e and "RECURRENCE-ID" not in e), None)
        if master is not None:
            steps = self._estimate(master)
            if steps > MAX_EXPANSION_STEPS:
                summary = str(master.get("SUMMARY", ""))[:60]
                warnings.append(
                    stored_warning(
                        N_(
                            "the event {name!r} repeats too often to show (about {steps:,} times); "
                            "only its first occurrence is shown"
                        ),
                        name=summary or key,
                        steps=steps,
                    )
                )
                first: list[tuple[Any, Span | None]] = [
                    (e, None) for e in events if "RRULE" in e or "RECURRENCE-ID" in e
                ]
                return first[:1]
        cal = self.icalendar.Calendar()
        for e in events:
            cal.add_component(e)
        try:
            found = _occurrences(recurring_ical_events.of(cal), self.window)
        except Exception as err:
            warnings.append(
                stored_warning(
                    N_("the repeating event {name!r} could not be expanded ({problem})"),
                    name=key,
                    problem=type(err).__name__,
                )
            )
            return [(e, None) for e in events[:1]]
        if len(found) > MAX_OCCURRENCES:
            warnings.append(
                stored_warning(
                    N_("the event {name!r} has {count} occurrences; only the first {shown} shown"),
                    name=key,
                    count=len(found),
                    shown=MAX_OCCURRENCES,
                )
            )
            found = found[:MAX_OCCURRENCES]
        return found

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


class _Rules:
    """The index rules (see the module's docstring), for an icalendar event or fastics fields."""

    def __init__(self, zone: tzinfo, window: tuple[date, date]) -> None:
        self.zone = zone
        self.window = window
        self._zones: dict[str, tzinfo | None] = {}

    def slow_rows(self, ev: Any, span: Span | None = None) -> set[Row]:
        """The rows of an icalendar event; ``span``: this occurrence's (start, end), else the event's."""
        cats = _categories(ev)
        if ics.HERO_CATEGORY in cats:
            hero = str(ev.get(ics.HERO_PROP, "") or "").strip()
            if not hero:
                summary = str(ev.get("SUMMARY", ""))
                hero = summary.split(":", 1)[1].strip() if ":" in summary else summary.strip()
            return {(d, hero, "hero") for d in self._all_days(*(span or _span(ev)))}
        person = person_of(ev)
        if ics.FOCUS_CATEGORY in cats:
            return {(d, person, "focus") for d in self._all_days(*(span or _span(ev)))}
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            return set()
        if str(ev.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            return set()
        busy = str(ev.get("X-MICROSOFT-CDO-BUSYSTATUS", "") or "").upper()
        if busy in ("FREE", "WORKINGELSEWHERE"):
            return set()
        return {(d, person, "away") for d in self._away_days(*(span or _span(ev)))}

    def fast_rows(self, f: fastics.Fields) -> set[Row]:
        """The same rules on fields read by ``fastics``; raises fastics.Unknown where a text
        the rules need holds escapes."""
        text = fastics.text
        cats = f.categories
        if ics.HERO_CATEGORY in cats:
            hero = text(f.hero or ":").strip()
            if not hero:
                summary = text(f.summary or ":")
                hero = summary.split(":", 1)[1].strip() if ":" in summary else summary.strip()
            return {(d, hero, "hero") for d in self._all_days(*_fast_span(f))}
        if ics.FOCUS_CATEGORY in cats:
            return {(d, _fast_person(f), "focus") for d in self._all_days(*_fast_span(f))}
        if f.status is not None and text(f.status).upper() == "CANCELLED":
            return set()
        if f.transp is not None and text(f.transp).upper() == "TRANSPARENT":
            return set()
        if f.busy is not None and text(f.busy).upper() in ("FREE", "WORKINGELSEWHERE"):
            return set()
        days = self._away_days(*_fast_span(f))
        return {(d, _fast_person(f), "away") for d in days} if days else set()

    def _dates(self, first: date, last_exclusive: date) -> list[str]:
        a = max(first, self.window[0])
        b = min(last_exclusive, self.window[1], first + timedelta(days=MAX_DAYS_PER_EVENT))
        out = []
        d = a
        while d < b:
            out.append(d.isoformat())
            d += timedelta(days=1)
        return out

    def _all_days(self, start: date | datetime, end: date | datetime) -> list[str]:
        if isinstance(start, datetime):
            s = self._local(start).date()
            e = self._local(end) if isinstance(end, datetime) else datetime.combine(end, time(0), self.zone)
            last = e.date() + timedelta(days=1) if e.time() != time(0) else e.date()
            return self._dates(s, max(last, s + timedelta(days=1)))
        end_day = end.date() if isinstance(end, datetime) else end
        return self._dates(start, max(end_day, start + timedelta(days=1)))

    def _away_days(self, start: date | datetime, end: date | datetime) -> list[str]:
        if not isinstance(start, datetime):
            return self._all_days(start, end)
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


def _occurrences(query: Any, window: tuple[date, date]) -> list[tuple[Any, Span | None]]:
    """Each occurrence in the window as (its source event, its span). ``between()`` makes a copy
    of the event for each occurrence (most of the time spent on a series); where this version of
    recurring-ical-events offers its occurrences themselves, the rules read them directly."""
    try:
        start, stop = query.to_datetime(window[0]), query.to_datetime(window[1])
        occs = query._occurrences_between(start, stop)
        return [(o._adapter._component, (o.start, o.end)) for o in occs]
    except AttributeError:
        return [(c, None) for c in query.between(window[0], window[1])]


def _span(ev: Any) -> Span:
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


def _fast_span(f: fastics.Fields) -> tuple[date | datetime, date | datetime]:
    start = f.start
    if f.end is not None:
        return start, f.end
    if f.duration is not None:
        return start, start + f.duration
    if isinstance(start, datetime):
        return start, start
    return start, start + timedelta(days=1)


def _fast_person(f: fastics.Fields) -> str:
    """:func:`person_of` on fastics fields."""
    if f.organizer is not None:
        cn = f.organizer[0].get("CN", "").strip()
        if cn:
            return cn
    if f.attendee is not None:
        cn = f.attendee[0].get("CN", "").strip()
        if cn:
            return cn
        addr = fastics.text(":" + f.attendee[1]).strip()
        if addr.lower().startswith("mailto:"):
            addr = addr[7:]
        if addr:
            return addr
    return fastics.text(f.summary or ":").strip() or "?"


_TZID = re.compile(rb"\nTZID:([^\r\n]*)", re.I)
_LINE_NAME = re.compile(rb"([A-Za-z0-9-]+)[;:]")
_UNFOLD = re.compile(rb"\r?\n[ \t]")
# What the rules and the recurrence expansion read; other lines (descriptions, VALARMs, …) are
# left out before icalendar parses a group: parsing and each occurrence's copy cost less.
_KEEP = frozenset(
    {
        b"BEGIN",
        b"END",
        b"UID",
        b"DTSTART",
        b"DTEND",
        b"DURATION",
        b"RRULE",
        b"RDATE",
        b"EXDATE",
        b"EXRULE",
        b"RECURRENCE-ID",
        b"SEQUENCE",
        b"CATEGORIES",
        b"SUMMARY",
        b"ORGANIZER",
        b"ATTENDEE",
        b"STATUS",
        b"TRANSP",
        b"X-MICROSOFT-CDO-BUSYSTATUS",
        ics.HERO_PROP.encode(),
        b"X-ANTIHJALTE-PROFILE",
    }
)


def _slim(raw: bytes) -> bytes:
    """The component with only the lines in _KEEP and without sub-components; a line that is
    not ``NAME[;…]:`` stays, so icalendar still judges it."""
    out = []
    depth = 0
    for line in _UNFOLD.sub(b"", raw).splitlines():
        m = _LINE_NAME.match(line)
        if m is None:
            if line.strip():
                out.append(line)
            continue
        name = m.group(1).upper()
        if name == b"BEGIN":
            depth += 1
        if depth == 1 and name in _KEEP:
            out.append(line)
        if name == b"END":
            depth -= 1
    out.append(b"")
    return b"\r\n".join(out)


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
