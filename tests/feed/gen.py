"""A generated organisation feed for the benchmark and the crash tests: ``n`` events of a
50-person unit over several years, about 750 bytes each, 5 % recurring with EXDATEs,
Outlook-style (VTIMEZONE, TZID, folded lines, VALARMs, CRLF)."""

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
