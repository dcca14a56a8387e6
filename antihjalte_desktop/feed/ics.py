"""The iCalendar form of this app's own events: focus days and hero-rota weeks.

Rendered by hand (no icalendar import): the output is deterministic, so "did my
event change?" is a byte comparison with the volatile lines (DTSTAMP,
LAST-MODIFIED, SEQUENCE) left out, and a sync that changes nothing rewrites nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from antihjalte_desktop.core.text import drop_controls

PRODID = "-//Antihjalte Desktop//Antihjalte Desktop//SV"
CALNAME = "Antihjälte"
FOCUS_CATEGORY = "ANTIHJALTE"
HERO_CATEGORY = "VECKANS-HJALTE"
HERO_PREFIX = "Veckans hjälte: "
OWNER_PROP = "X-ANTIHJALTE-PROFILE"
HERO_PROP = "X-ANTIHJALTE-HERO"
REFRESH_HINTS = ("X-PUBLISHED-TTL:PT1H", "REFRESH-INTERVAL;VALUE=DURATION:PT1H")
VOLATILE = ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE")


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; every
    other control character dropped, so no value can end a line or start a property."""
    text = drop_controls(text, newline="\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def param_value(text: str) -> str:
    """A parameter value such as ``CN=`` (RFC 5545 3.2, RFC 6868): one line without control
    characters or DQUOTE, in quotes when it holds ``:;,=`` or a backslash (icalendar drops the spaces
    around an unquoted ``=``); ``^`` written as ``^^``."""
    text = drop_controls(text, newline=" ").strip().replace('"', "'").replace("^", "^^")
    return f'"{text}"' if any(ch in text for ch in ":;,=\\") else text


_URI_UNSAFE = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f-\x9f\u2028\u2029\ud800-\udfff]')


def uri_value(text: str) -> str:
    """A URI value (``mailto:``): every character that could end the line, break a reader or is not
    text at all is percent-encoded (a lone surrogate, which has no UTF-8 form, is dropped)."""

    def enc(m: re.Match[str]) -> str:
        ch = m.group()
        if "\ud800" <= ch <= "\udfff":
            return ""
        return "".join(f"%{b:02X}" for b in ch.encode("utf-8"))

    return _URI_UNSAFE.sub(enc, text.strip())


def fold(line: str) -> list[bytes]:
    """One content line as octet lines of at most 75 bytes, never splitting a UTF-8 character.

    Linear in the line's length: the cuts are found by index, the bytes sliced once."""
    raw = line.encode("utf-8", "replace")  # a lone surrogate cannot reach here; if it did: "?"
    n = len(raw)
    if n <= 75:
        return [raw]
    out = []
    pos, limit = 0, 75
    while n - pos > limit:
        cut = pos + limit
        while (raw[cut] & 0xC0) == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        out.append(raw[pos:cut])
        pos, limit = cut, 74  # the leading space of a continuation line counts
    out.append(raw[pos:])
    return [out[0]] + [b" " + part for part in out[1:]]


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class Identity:
    """How this profile shows itself in the feed (setting ``feed.show_as``)."""

    profile_id: str
    name: str = ""
    email: str = ""
    show_as: str = "full"

    @property
    def clean_name(self) -> str:
        """The name as it may be published: one line, no control characters (a second wall
        behind the settings check, for a value put into the settings file by hand)."""
        return drop_controls(self.name, newline=" ").strip()

    @property
    def display(self) -> str:
        name = self.clean_name
        if self.show_as == "anonymous" or not name:
            return "Antihjälte"
        if self.show_as == "initials":
            return initials(name)
        return name

    @property
    def summary(self) -> str:
        if self.show_as == "anonymous" or not self.clean_name:
            return "Antihjälte"
        return f"Antihjälte: {self.display}"

    def organizer(self) -> str:
        cn = param_value(self.display)
        if self.show_as == "full" and uri_value(self.email):
            return f"ORGANIZER;CN={cn}:mailto:{uri_value(self.email)}"  # untranslated: an iCalendar line
        # No address for initials or anonymous: a URN says who owns it without saying who it is.
        return f"ORGANIZER;CN={cn}:urn:x-antihjalte:profile"  # untranslated: an iCalendar line


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p]
    return "".join(p[0].upper() + "." for p in parts) or "Antihjälte"


@dataclass(frozen=True)
class OwnEvent:
    """One event this profile owns, before SEQUENCE and DTSTAMP are added."""

    uid: str
    start: date
    end: date  # exclusive
    summary: str
    category: str
    organizer: str
    owner: str
    transparent: bool = False
    extra: tuple[str, ...] = field(default=())

    def body_lines(self) -> list[str]:
        lines = [
            "BEGIN:VEVENT",
            f"UID:{self.uid}",
            f"DTSTART;VALUE=DATE:{self.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{self.end:%Y%m%d}",
            f"SUMMARY:{escape_text(self.summary)}",
            f"CATEGORIES:{self.category}",
            self.organizer,
            f"TRANSP:{'TRANSPARENT' if self.transparent else 'OPAQUE'}",
            f"X-MICROSOFT-CDO-BUSYSTATUS:{'FREE' if self.transparent else 'BUSY'}",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            *self.extra,
            f"{OWNER_PROP}:{self.owner}",
            "END:VEVENT",
        ]
        return lines

    def render(self, sequence: int, now: datetime, newline: bytes = b"\r\n") -> bytes:
        lines = self.body_lines()
        ts = stamp(now)
        lines[2:2] = [f"SEQUENCE:{sequence}", f"DTSTAMP:{ts}", f"LAST-MODIFIED:{ts}"]
        return b"".join(part + newline for line in lines for part in fold(line))

    def content_key(self) -> bytes:
        """The rendered event without its volatile lines, line ends normalised."""
        return b"\n".join(part for line in self.body_lines() for part in fold(line))


def content_key_of(raw: bytes) -> bytes:
    """The same key for an event as it stands in the feed."""
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    out = []
    skipping = False
    for line in lines:
        if not line:
            continue
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                out.append(line)
            continue
        name = line.split(b":", 1)[0].split(b";", 1)[0].upper().decode("ascii", "replace")
        skipping = name in VOLATILE
        if not skipping:
            out.append(line)
    return b"\n".join(out)


def focus_uid(day: date, profile_id: str) -> str:
    return f"antihjalte-{day:%Y%m%d}-{profile_id}@antihjalte"


def hero_uid(monday: date, profile_id: str) -> str:
    """The hero week's UID carries the profile id: two profiles publishing the same week
    must not hold one UID (before, every profile used :func:`legacy_hero_uid`)."""
    iso = monday.isocalendar()
    return f"veckans-hjalte-{iso.year}-W{iso.week:02d}-{profile_id}@antihjalte"


def legacy_hero_uid(monday: date) -> str:
    """The hero-week UID of earlier versions, the same for every profile (migrated away)."""
    iso = monday.isocalendar()
    return f"veckans-hjalte-{iso.year}-W{iso.week:02d}@antihjalte"


_OWN_UID = re.compile(r"(?:antihjalte-\d{8}|veckans-hjalte-\d{4}-W\d{2})-(?P<pid>[A-Za-z0-9_-]+)@antihjalte")
_LEGACY_HERO_UID = re.compile(r"veckans-hjalte-\d{4}-W\d{2}@antihjalte")


def is_own_uid(uid: str, profile_id: str) -> bool:
    """Is ``uid`` one that this profile generates (a focus day or a hero week of its own)?"""
    m = _OWN_UID.fullmatch(uid)
    return m is not None and bool(profile_id) and m.group("pid") == profile_id


def is_legacy_hero_uid(uid: str) -> bool:
    return _LEGACY_HERO_UID.fullmatch(uid) is not None


def looks_own(uid: str, owner: str, profile_id: str) -> bool:
    """An event that claims to be this profile's by both its UID and its marker (the marker
    alone is public and proves nothing). A legacy hero week with our marker counts too; the
    merge also wants proof that this profile wrote it (see ``feed.ownership``)."""
    if not profile_id or owner != profile_id:
        return False
    return is_own_uid(uid, profile_id) or is_legacy_hero_uid(uid)


def focus_event(day: date, ident: Identity) -> OwnEvent:
    return OwnEvent(
        uid=focus_uid(day, ident.profile_id),
        start=day,
        end=day + timedelta(days=1),
        summary=ident.summary,
        category=FOCUS_CATEGORY,
        organizer=ident.organizer(),
        owner=ident.profile_id,
    )


def hero_event(monday: date, hero: str, hero_email: str, ident: Identity) -> OwnEvent:
    """Monday to Friday (DTEND the Saturday, exclusive). The hero is at work: the event is free time."""
    attendee = f"ATTENDEE;CN={param_value(hero)};ROLE=REQ-PARTICIPANT:" + (
        f"mailto:{uri_value(hero_email)}" if uri_value(hero_email) else "urn:x-antihjalte:hero"
    )
    return OwnEvent(
        uid=hero_uid(monday, ident.profile_id),
        start=monday,
        end=monday + timedelta(days=5),
        summary=HERO_PREFIX + hero,
        category=HERO_CATEGORY,
        organizer=ident.organizer(),
        owner=ident.profile_id,
        transparent=True,
        extra=(attendee, f"{HERO_PROP}:{escape_text(hero)}"),
    )


def new_calendar_header(newline: bytes = b"\r\n") -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{CALNAME}",
        *REFRESH_HINTS,
    ]
    return b"".join(part + newline for line in lines for part in fold(line))
