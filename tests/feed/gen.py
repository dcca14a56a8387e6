"""Generated organisation feeds for the benchmarks and the crash tests, Outlook-style (VTIMEZONE
with a Windows name, TZID, folded lines, VALARMs, CRLF):

- ``generate``: ``n`` events of a 50-person unit over four years, about 750 bytes each, 5 %
  recurring with EXDATEs;
- ``generate_unit``: shaped like a unit's real calendar over two years around today (a quarter
  all-day absences, meetings of 15 minutes to 7 hours, some in UTC, weekly series with an
  EXDATE and a moved occurrence), for the cold-index benchmark and tests."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""

FIRST = ["Anna", "Olle", "Karin", "Per", "Eva", "Lars", "Maria", "Johan", "Sara", "Erik"]
LAST = ["Berg", "Ek", "Lund", "Svensson", "Holm", "Nilsson", "Lindqvist", "Åberg", "Öst"]
WHAT = [
    "Möte om budgeten",
    "Semester",
    "Kurs",
    "Tjänsteresa",
    "Läkarbesök",
    "Planering",
    "Workshop",
    "Avstämning med chefen",
    "Studiebesök",
    "Konferens i Malmö",
]


def fold(line: str) -> str:
    raw = line.encode()
    if len(raw) <= 75:
        return line
    out, limit = [], 75
    while raw:
        cut = min(limit, len(raw))
        while cut < len(raw) and (raw[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(raw[:cut].decode())
        raw = raw[cut:]
        limit = 74
    return "\r\n ".join(out)


def event(i: int, rnd: random.Random, start_year: int) -> str:
    who = f"{FIRST[i % 10]} {LAST[(i // 10) % 9]}"
    mail = who.lower().replace(" ", ".").replace("å", "a").replace("ö", "o") + "@kommun.example.se"
    day = date(start_year, 1, 1) + timedelta(days=rnd.randrange(4 * 365))
    what = rnd.choice(WHAT)
    lines = [
        f"UID:040000008200E00074C5B7101A82E0080000000{i:08d}{rnd.getrandbits(64):016X}",
        f"ORGANIZER;CN={who}:mailto:{mail}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;CN={who}:mailto:{mail}",
        f"SUMMARY;LANGUAGE=sv-SE:{what}",
        "DESCRIPTION;LANGUAGE=sv-SE:" + f"{what} för enheten. Agenda: genomgång\\, frågor och nästa steg. "
        "Ta med underlag.\\n",
        f"LOCATION;LANGUAGE=sv-SE:Stadshuset rum {rnd.randrange(100, 600)}",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        "DTSTAMP:20260101T080000Z",
        "STATUS:CONFIRMED",
        f"SEQUENCE:{rnd.randrange(3)}",
    ]
    kind = rnd.random()
    if kind < 0.3:
        days = rnd.choice([1, 1, 2, 5])
        lines += [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=days):%Y%m%d}",
            "TRANSP:OPAQUE",
            "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        ]
    else:
        h = rnd.randrange(7, 15)
        length = rnd.choice([1, 1, 2, 4, 8])
        s = datetime(day.year, day.month, day.day, h)
        lines += [
            f"DTSTART;TZID=W. Europe Standard Time:{s:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=W. Europe Standard Time:{s + timedelta(hours=length):%Y%m%dT%H%M%S}",
            "TRANSP:OPAQUE",
            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
            "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        ]
        if i % 20 == 0:  # 5 % recurring, with EXDATEs
            lines.append(
                f"RRULE:FREQ=WEEKLY;COUNT={rnd.randrange(10, 40)};BYDAY={s:%a}".upper()[:-1]
                if False
                else f"RRULE:FREQ=WEEKLY;COUNT={rnd.randrange(10, 40)}"
            )
            for k in (2, 5):
                ex = s + timedelta(weeks=k)
                lines.append(f"EXDATE;TZID=W. Europe Standard Time:{ex:%Y%m%dT%H%M%S}")
    lines += [
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
    ]
    return "BEGIN:VEVENT\r\n" + "".join(fold(line) + "\r\n" for line in lines) + "END:VEVENT\r\n"


def generate(n: int, seed: int = 1, start_year: int = 2024) -> bytes:
    rnd = random.Random(seed)
    head = (
        "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
        "X-WR-CALNAME:Enheten\r\n" + VTIMEZONE.replace("\n", "\r\n")
    )
    body = "".join(event(i, rnd, start_year) for i in range(n))
    return (head + body + "END:VCALENDAR\r\n").encode()


# -- a unit's real calendar (issue 15: the cold-index benchmark) --------------------------------

MEETINGS = [15, 30, 30, 45, 60, 60, 60, 90, 120, 120, 180, 240, 300, 360, 420]  # minutes
TZ = "W. Europe Standard Time"


def _person(p: int) -> tuple[str, str]:
    who = f"{FIRST[p % 10]} {LAST[(p // 10) % 9]}" + ("" if p < 90 else f" {p}")
    mail = who.lower().replace(" ", ".").replace("å", "a").replace("ö", "o").replace("ä", "a")
    return who, mail + "@kommun.example.se"


def _outlook_tail(lines: list[str]) -> str:
    lines += [
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
    ]
    return "BEGIN:VEVENT\r\n" + "".join(fold(line) + "\r\n" for line in lines) + "END:VEVENT\r\n"


def unit_event(i: int, rnd: random.Random, first_day: date, days: int, stamp: str) -> str:
    """One component of a unit's calendar: a quarter all-day absences (most busy), meetings
    of 15 minutes to 7 hours (mostly with a Windows TZID, some in UTC), about 5 % weekly
    series with an EXDATE and a moved occurrence (the override is a second component)."""
    who, mail = _person(rnd.randrange(50))
    day = first_day + timedelta(days=rnd.randrange(days))
    uid = f"040000008200E00074C5B7101A82E0080000000{i:08d}{rnd.getrandbits(64):016X}"
    what = rnd.choice(WHAT)
    head = [
        f"UID:{uid}",
        f"ORGANIZER;CN={who}:mailto:{mail}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;CN={who}:mailto:{mail}",
        f"SUMMARY;LANGUAGE=sv-SE:{what}",
        "DESCRIPTION;LANGUAGE=sv-SE:" + f"{what} för enheten. Agenda: genomgång\\, frågor och nästa steg. "
        "Ta med underlag.\\n",
        f"LOCATION;LANGUAGE=sv-SE:Stadshuset rum {rnd.randrange(100, 600)}",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        f"SEQUENCE:{rnd.randrange(3)}",
    ]
    kind = rnd.random()
    if kind < 0.25:  # all-day absence
        length = rnd.choice([1, 1, 1, 1, 2, 3, 5, 5, 10, 15])
        busy = rnd.choices(["OOF", "BUSY", "FREE", "TENTATIVE"], [70, 15, 10, 5])[0]
        head[3] = "SUMMARY;LANGUAGE=sv-SE:" + rnd.choice(["Semester", "Ledig", "Kurs", "Tjänsteresa", "VAB"])
        lines = [
            *head,
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=length):%Y%m%d}",
            "STATUS:CONFIRMED",
            "TRANSP:" + ("TRANSPARENT" if busy == "FREE" else "OPAQUE"),
            f"X-MICROSOFT-CDO-BUSYSTATUS:{busy}",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        ]
        return _outlook_tail(lines)
    minutes = rnd.choice(MEETINGS)
    s = datetime(day.year, day.month, day.day, rnd.randrange(7, 16), rnd.choice([0, 0, 15, 30, 45]))
    e = s + timedelta(minutes=minutes)
    status = "CANCELLED" if rnd.random() < 0.02 else "CONFIRMED"
    busy = rnd.choices(["BUSY", "OOF", "TENTATIVE", "FREE"], [80, 8, 8, 4])[0]
    tail = [
        f"STATUS:{status}",
        "TRANSP:OPAQUE",
        f"X-MICROSOFT-CDO-BUSYSTATUS:{busy}",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
    ]
    if 0.25 <= kind < 0.30:  # a Teams-style meeting in UTC, half of them with DURATION
        utc = s - timedelta(hours=1)
        when = [f"DTSTART:{utc:%Y%m%dT%H%M%SZ}"]
        when.append(
            f"DURATION:PT{minutes // 60}H{minutes % 60}M"
            if rnd.random() < 0.5
            else f"DTEND:{utc + timedelta(minutes=minutes):%Y%m%dT%H%M%SZ}"
        )
        return _outlook_tail([*head, *when, *tail])
    when = [f"DTSTART;TZID={TZ}:{s:%Y%m%dT%H%M%S}", f"DTEND;TZID={TZ}:{e:%Y%m%dT%H%M%S}"]
    if kind < 0.35:  # a weekly series with an exception (about 5 % of the components)
        count = rnd.randrange(8, 40)
        series = [*head, *when, f"RRULE:FREQ=WEEKLY;COUNT={count};INTERVAL=1", *tail]
        ex = s + timedelta(weeks=rnd.randrange(1, count))
        series.append(f"EXDATE;TZID={TZ}:{ex:%Y%m%dT%H%M%S}")
        out = _outlook_tail(series)
        moved = s + timedelta(weeks=rnd.randrange(1, count))
        over = [
            *head[:-1],
            f"SEQUENCE:{rnd.randrange(3, 5)}",
            f"RECURRENCE-ID;TZID={TZ}:{moved:%Y%m%dT%H%M%S}",
            f"DTSTART;TZID={TZ}:{moved + timedelta(days=1):%Y%m%dT%H%M%S}",
            f"DTEND;TZID={TZ}:{moved + timedelta(days=1, hours=5):%Y%m%dT%H%M%S}",
            *tail,
        ]
        return out + _outlook_tail(over)
    return _outlook_tail([*head, *when, *tail])


def generate_unit(n: int, seed: int = 1, today: date = date(2026, 11, 30), stamp: str = "") -> bytes:
    """About ``n`` components of a 50-person unit's calendar over two years around ``today``,
    as Exchange publishes it (VTIMEZONE with a Windows name, CRLF, folded lines, VALARMs).
    ``stamp`` is the DTSTAMP / LAST-MODIFIED of every event (Outlook re-stamps them all)."""
    rnd = random.Random(seed)
    stamp = stamp or "20261101T080000Z"
    head = (
        "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
        "X-WR-CALNAME:Enheten\r\n" + VTIMEZONE.replace("\n", "\r\n")
    )
    first = today - timedelta(days=365)
    parts: list[str] = []
    count = 0
    i = 0
    while count < n:
        ev = unit_event(i, rnd, first, 730, stamp)
        count += ev.count("BEGIN:VEVENT")
        parts.append(ev)
        i += 1
    return (head + "".join(parts) + "END:VCALENDAR\r\n").encode()
