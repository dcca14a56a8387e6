"""Read what the occurrence index needs of a plain event straight from its lines.

icalendar builds a whole object tree for every event (about a millisecond each); the index
needs a dozen values. For a non-recurring event those are read here from the unfolded
lines: DTSTART / DTEND / DURATION (a date, UTC ``Z``, floating, or ``TZID=`` an IANA or a
common Windows zone name, through zoneinfo), CATEGORIES, SUMMARY, ORGANIZER / ATTENDEE,
STATUS, TRANSP, X-MICROSOFT-CDO-BUSYSTATUS and X-ANTIHJALTE-HERO. The rules that turn
them into rows are the index's own (one code path for both readers).

Anything this reader does not understand exactly is not guessed: :func:`read_event`
returns None and the index parses that group with icalendar as before. That covers
RRULE / RDATE / RECURRENCE-ID, a TZID defined only by the feed's own VTIMEZONE, escaped
text where the text matters, repeated single-valued properties, unusual value forms and
any line that is not ``NAME[;PARAM=…]:value``. The tests compare both readers row by row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from antihjalte_desktop.feed.rawics import RawComponent

# Common Windows zone names (Outlook / Exchange TZIDs), the same IANA zones icalendar's
# WINDOWS_TO_OLSON gives them (a test checks each entry); rarer names go to icalendar.
WINDOWS_ZONES: dict[str, str] = {
    "W. Europe Standard Time": "Europe/Berlin",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "Romance Standard Time": "Europe/Paris",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "FLE Standard Time": "Europe/Kiev",
    "GTB Standard Time": "Europe/Bucharest",
    "E. Europe Standard Time": "Europe/Chisinau",
    "Russian Standard Time": "Europe/Moscow",
    "Turkey Standard Time": "Europe/Istanbul",
    "Israel Standard Time": "Asia/Jerusalem",
    "South Africa Standard Time": "Africa/Johannesburg",
    "Morocco Standard Time": "Africa/Casablanca",
    "Arabian Standard Time": "Asia/Dubai",
    "India Standard Time": "Asia/Calcutta",
    "China Standard Time": "Asia/Shanghai",
    "Singapore Standard Time": "Asia/Singapore",
    "Tokyo Standard Time": "Asia/Tokyo",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "Eastern Standard Time": "America/New_York",
    "Central Standard Time": "America/Chicago",
    "Mountain Standard Time": "America/Denver",
    "Pacific Standard Time": "America/Los_Angeles",
    "UTC": "Etc/UTC",
}

_UNFOLD = re.compile(rb"\r?\n[ \t]")
# The properties read here, each with its parameters, value and folded continuation lines.
_WANT = re.compile(
    rb"\n(DTSTART|DTEND|DURATION|SUMMARY|STATUS|TRANSP|X-MICROSOFT-CDO-BUSYSTATUS|X-ANTIHJALTE-HERO"
    rb"|ORGANIZER|CATEGORIES|ATTENDEE)([;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)",
    re.I,
)
# A line that is neither ``NAME;…`` / ``NAME:…``, nor a continuation, nor empty.
_BAD_LINE = re.compile(rb"\n(?![A-Za-z0-9-]+[;:]|[ \t]|\r?\n)")
_PARAM = re.compile(r';([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)')
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATETIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
_DURATION = re.compile(r"([-+]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_NO_PARAMS: dict[str, str] = {}


class Unknown(Exception):
    """This reader does not understand the event: let icalendar read it."""


@dataclass(slots=True)
class Fields:
    """What the index rules read of one event (None: the property is absent). Text properties
    are kept as read: :func:`text` gives their value where the rules use it."""

    categories: set[str]
    hero: str | None  # each text property as ``;params:value``
    summary: str | None
    organizer: tuple[dict[str, str], str] | None
    attendee: tuple[dict[str, str], str] | None  # the first one
    status: str | None
    transp: str | None
    busy: str | None
    start: date | datetime
    end: date | datetime | None  # DTEND
    duration: timedelta | None


class Zones:
    """TZIDs this reader may resolve itself: an IANA name or a listed Windows name that
    icalendar would also read as that zone (no own VTIMEZONE of the feed defines it
    differently, which the index then replaces by the same zoneinfo zone)."""

    def __init__(self, xwr: str = "") -> None:
        from zoneinfo import ZoneInfo

        self._zoneinfo = ZoneInfo
        self._cache: dict[str, tzinfo | None] = {}
        self.xwr: tzinfo | None = None
        if xwr:  # x-wr-timezone takes it as an IANA name, nothing else
            try:
                self.xwr = ZoneInfo(xwr) if "\\" not in xwr and not xwr.startswith("/") else None
            except (ValueError, OSError, KeyError):
                self.xwr = None
        self.usable = not xwr or self.xwr is not None

    def get(self, tzid: str) -> tzinfo | None:
        if tzid in self._cache:
            return self._cache[tzid]
        zone: tzinfo | None = None
        name = WINDOWS_ZONES.get(tzid, tzid)
        if name and not name.startswith("/") and name.strip() == name and ".." not in name:
            try:
                zone = self._zoneinfo(name)
            except (ValueError, OSError, KeyError):
                zone = None
        self._cache[tzid] = zone
        return zone


def read_event(data: bytes, c: RawComponent, zones: Zones) -> Fields | None:
    """The index fields of the plain VEVENT ``c`` of ``data``, or None when icalendar must read it
    (a recurring one included: rawics marks RRULE, RDATE and RECURRENCE-ID)."""
    if c.recurring or c.override:
        return None
    try:
        return _read(data, c, zones)
    except (Unknown, ValueError, OverflowError, UnicodeDecodeError):
        return None


def _own_ranges(c: RawComponent) -> list[tuple[int, int]]:
    """Where the event's own lines are (not those of a VALARM inside it), each from the newline
    before its first line."""
    if not c.nested:
        return [(c.start, c.end)]
    out = [(c.start, c.prop_end)]
    for i, (_a, b) in enumerate(c.nested):
        nxt = c.nested[i + 1][0] if i + 1 < len(c.nested) else c.end
        if nxt > b:
            out.append((b - 1, nxt))
    return out


def _read(data: bytes, c: RawComponent, zones: Zones) -> Fields:
    if _BAD_LINE.search(data, c.start, c.end - 1) is not None:
        raise Unknown
    found: dict[str, str] = {}
    categories: list[str] = []
    attendee: str | None = None
    for a, b in _own_ranges(c):
        for m in _WANT.finditer(data, a, b):
            name = m.group(1).upper().decode("ascii")
            raw = m.group(2)
            if b"\n" in raw:
                raw = _UNFOLD.sub(b"", raw)
            rest = raw.decode("utf-8")
            if name == "CATEGORIES":
                categories.append(rest)
            elif name == "ATTENDEE":
                if attendee is None:
                    attendee = rest
            elif name in found:
                raise Unknown  # icalendar would make a list of them
            else:
                found[name] = rest
    if "DTSTART" not in found:
        raise Unknown
    start = _when(found["DTSTART"], zones)
    end = _when(found["DTEND"], zones) if "DTEND" in found else None
    duration = _duration(found["DURATION"]) if "DURATION" in found else None
    cats: set[str] = set()
    for rest in categories:
        _params, value = _split(rest)
        cats.update(c.strip().upper() for c in _plain(value).split(","))
    return Fields(
        categories=cats,
        hero=found.get("X-ANTIHJALTE-HERO"),
        summary=found.get("SUMMARY"),
        organizer=_split(found["ORGANIZER"]) if "ORGANIZER" in found else None,
        attendee=_split(attendee) if attendee is not None else None,
        status=found.get("STATUS"),
        transp=found.get("TRANSP"),
        busy=found.get("X-MICROSOFT-CDO-BUSYSTATUS"),
        start=start,
        end=end,
        duration=duration,
    )


def _split(rest: str) -> tuple[dict[str, str], str]:
    """``;P=v;Q="w":value`` → ({P: v, Q: w}, value); Unknown for anything unusual."""
    if rest.startswith(":"):
        return _NO_PARAMS, rest[1:]
    params: dict[str, str] = {}
    pos = 0
    while rest.startswith(";", pos):
        m = _PARAM.match(rest, pos)
        if m is None:
            raise Unknown
        key, val = m.group(1).upper(), m.group(2)
        if key in params or "^" in val or "\\" in val:
            raise Unknown
        if val.startswith('"'):
            val = val[1:-1]
        elif '"' in val:
            raise Unknown
        params[key] = val
        pos = m.end()
    if not rest.startswith(":", pos):
        raise Unknown
    return params, rest[pos + 1 :]


def _plain(value: str) -> str:
    if "\\" in value:
        raise Unknown  # escapes: icalendar's own unescaping decides
    return value


def text(rest: str) -> str:
    """The value of a text property as read (``;params:value``), or Unknown when it holds
    escapes or unusual parameters."""
    return _plain(rest[1:] if rest.startswith(":") else _split(rest)[1])


def _when(rest: str, zones: Zones) -> date | datetime:
    params, value = _split(rest)
    kind = params.get("VALUE")
    tzid = params.get("TZID")
    if len(value) == 8:
        if (kind is not None and kind.upper() != "DATE") or tzid is not None:
            raise Unknown
        m = _DATE.fullmatch(value)
        if m is None:
            raise Unknown
        return date(int(m[1]), int(m[2]), int(m[3]))
    if kind is not None and kind.upper() != "DATE-TIME":
        raise Unknown
    m = _DATETIME.fullmatch(value)
    if m is None:
        raise Unknown
    dt = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6]))
    if m[7]:
        if tzid is not None:
            raise Unknown
        dt = dt.replace(tzinfo=UTC)
    elif tzid is not None:
        zone = zones.get(tzid)
        if zone is None:
            raise Unknown
        dt = dt.replace(tzinfo=zone)
    xwr = zones.xwr
    if xwr is not None:  # as x-wr-timezone does: UTC and floating times into that zone
        name = dt.tzname()
        if name is None:
            dt = dt.replace(tzinfo=xwr)
        elif name.upper() == "UTC":
            dt = dt.astimezone(xwr)
    return dt


def _duration(rest: str) -> timedelta:
    _params, value = _split(rest)
    m = _DURATION.fullmatch(value)
    if m is None or value in ("P", "-P", "+P") or value.endswith("T"):
        raise Unknown
    weeks, days, hours, minutes, seconds = (int(x) if x else 0 for x in m.groups()[1:])
    td = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    return -td if m[1] == "-" else td
