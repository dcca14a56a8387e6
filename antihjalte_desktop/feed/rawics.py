"""Split an iCalendar file into its raw parts without parsing it.

A :class:`RawDoc` is the file's bytes plus offsets: the calendar's own lines and
each top-level component (VEVENT, VTODO, VJOURNAL, VTIMEZONE, anything) as the
exact byte range it came in. Only the few top-level properties the merge needs
(UID, X-ANTIHJALTE-PROFILE, SEQUENCE, DTSTART, RRULE, RDATE, RECURRENCE-ID) are
read, from the component's own lines (never from a VALARM inside it). So a
component this app does not own is written back byte for byte, and splitting a
15 MB feed costs a few regex passes, not a parse.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.feed._hash import blake2b
from antihjalte_desktop.feed.errors import FeedFormatError

MAX_FEED_BYTES = 32 * 1024 * 1024
"""The one size limit of a feed, read from a file or a server, and written (a 20,000-event feed
of a 50-person unit is about 15 MB). Messages state it with :func:`megabytes`, as the README does."""


def megabytes(n: int) -> str:
    """A size in messages, in the unit of the limit (MB of 1,048,576 bytes): "32 MB", "33.5 MB"."""
    mb = n / 2**20
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"


def too_big(size: int, limit: int = MAX_FEED_BYTES) -> str:
    """The one message for a feed over the limit, read (file or server) or about to be written."""
    if megabytes(size) == megabytes(limit):
        return _("the feed is just over the {limit} this app reads").format(limit=megabytes(limit))
    return _("the feed is {size}, more than the {limit} this app reads").format(
        size=megabytes(size), limit=megabytes(limit)
    )


# Both start with a literal newline, which lets the regex engine skip ahead fast (a "^" with
# re.M would be tried at every byte): splitting a 15 MB feed takes tens of milliseconds.
_MARK = re.compile(rb"\n(BEGIN|END):([^\r\n]*)", re.I)
_FIRST = re.compile(rb"(?:\xef\xbb\xbf)?(BEGIN|END):([^\r\n]*)", re.I)
_PROPS = re.compile(
    rb"\n(UID|X-ANTIHJALTE-PROFILE|SEQUENCE|DTSTART|RRULE|RDATE|RECURRENCE-ID)"
    rb"([;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)",
    re.I,
)
_UNFOLD = re.compile(rb"\r?\n[ \t]")
_NAME = re.compile(rb"^[A-Za-z0-9-]+$")
BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class RawComponent:
    """One top-level component: its kind, byte range and the few properties the merge reads."""

    kind: str  # VEVENT, VTIMEZONE, ... (upper case)
    start: int
    end: int  # exclusive, including the END line's line ending
    prop_end: int  # where the component's own properties end (first nested BEGIN, or END)
    uid: str = ""
    owner: str = ""  # X-ANTIHJALTE-PROFILE
    sequence: int = 0
    has_dtstart: bool = False
    recurring: bool = False  # RRULE or RDATE
    override: bool = False  # RECURRENCE-ID
    nested: list[tuple[int, int]] | None = None  # byte ranges of sub-components (VALARM, ...)

    def digest(self, data: bytes | memoryview) -> bytes:
        return blake2b(memoryview(data)[self.start : self.end], digest_size=16).digest()


@dataclass
class RawDoc:
    """The whole file and where its parts are."""

    data: bytes
    components: list[RawComponent] = field(default_factory=list)
    cal_start: int = 0  # offset of BEGIN:VCALENDAR
    header_end: int = 0  # the calendar's own lines end here (first component or END:VCALENDAR)
    footer_start: int = 0  # offset of END:VCALENDAR
    newline: bytes = b"\r\n"

    def header(self) -> bytes:
        return self.data[self.cal_start : self.header_end]

    def calendar_props(self) -> list[tuple[str, str]]:
        """The calendar's own properties (name, unfolded value) from anywhere outside components."""
        out = []
        regions = [(self.cal_start, self.header_end)]
        pos = self.header_end
        for c in self.components:
            if c.start > pos:
                regions.append((pos, c.start))
            pos = c.end
        if self.footer_start > pos:
            regions.append((pos, self.footer_start))
        for a, b in regions:
            text = _UNFOLD.sub(b"", self.data[a:b]).decode("utf-8").lstrip("\ufeff")
            for line in text.splitlines():
                if not line or line.upper().startswith(("BEGIN:", "END:")):
                    continue
                name, _sep, value = split_prop(line)
                out.append((name.split(";", 1)[0].upper(), value))
        return out

    def raw(self, c: RawComponent) -> bytes:
        return self.data[c.start : c.end]


def split_prop(line: str) -> tuple[str, str, str]:
    """``NAME;PARAM="a:b":value`` → (``NAME;PARAM="a:b"``, ``:``, ``value``): the first unquoted colon."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], ":", line[i + 1 :]
    return line, "", ""


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def check_encoding(data: bytes) -> None:
    if b"\x00" in data:
        raise FeedFormatError(_("the feed holds binary data (NUL bytes), not a calendar"))
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    step = 1 << 20
    try:
        for i in range(0, len(data), step):
            dec.decode(data[i : i + step], final=i + step >= len(data))
        if not data:
            dec.decode(b"", final=True)
    except UnicodeDecodeError as err:
        pos = (i if data else 0) + err.start
        raise FeedFormatError(
            _("the feed is not UTF-8 text (line {line}): iCalendar files must be UTF-8").format(
                line=_line_of(data, pos)
            )
        ) from None


def split(data: bytes, *, max_bytes: int = MAX_FEED_BYTES) -> RawDoc:
    """Split ``data`` into a :class:`RawDoc`, or raise FeedFormatError saying what is wrong."""
    if len(data) > max_bytes:
        raise FeedFormatError(too_big(len(data), max_bytes))
    if not data.strip():
        raise FeedFormatError(
            _("the feed file is empty (if it is meant to be a new feed, delete it and sync again)")
        )
    check_encoding(data)
    head = data[:65536]
    if b"\r" in head and b"\n" not in head:
        raise FeedFormatError(
            _(
                "the feed's lines end with a carriage return only (CR, as on old Macs); "
                "iCalendar needs CRLF or LF line ends, so it was left as it is"
            )
        )
    doc = RawDoc(data)
    doc.newline = b"\r\n" if b"\r\n" in data[:4096] else b"\n"
    stack: list[str] = []
    current: RawComponent | None = None
    seen_calendar = False
    for m in _marks(data):
        what = m.group(1).upper()
        name = sys.intern(m.group(2).strip().upper().decode("ascii", "replace"))
        line_start = m.start(1)
        line_end = _line_end(data, m.end())
        if not _NAME.match(name.encode("ascii", "replace")):
            raise FeedFormatError(
                _("line {line}: {mark} is not a component name").format(
                    line=_line_of(data, line_start), mark=f"{what.decode()}:{name}"
                )
            )
        if what == b"BEGIN":
            if not stack:
                if seen_calendar and data[line_start:].strip():
                    raise FeedFormatError(
                        _(
                            "line {line}: a second calendar in one file (only one VCALENDAR is supported)"
                        ).format(line=_line_of(data, line_start))
                    )
                if name != "VCALENDAR":
                    raise FeedFormatError(
                        _("line {line}: the file does not start with BEGIN:VCALENDAR").format(
                            line=_line_of(data, line_start)
                        )
                    )
                if data[:line_start].strip(BOM + b" \t\r\n"):
                    raise FeedFormatError(_("the file has text before BEGIN:VCALENDAR"))
                seen_calendar = True
                doc.cal_start = 0  # any BOM or blank lines before it stay in the header
            elif len(stack) == 1:
                current = RawComponent(name, line_start, -1, -1)
            elif len(stack) == 2 and current is not None:
                if current.prop_end < 0:
                    current.prop_end = line_start
                if current.nested is None:
                    current.nested = []
                current.nested.append((line_start, -1))
            stack.append(name)
        else:
            if not stack or stack[-1] != name:
                line = _line_of(data, line_start)
                if stack:
                    raise FeedFormatError(
                        _(
                            "line {line}: {found} where {expected} was expected "
                            "(the file is cut off or damaged)"
                        ).format(line=line, found=f"END:{name}", expected=f"END:{stack[-1]}")
                    )
                raise FeedFormatError(
                    _(
                        "line {line}: {found} where nothing was expected (the file is cut off or damaged)"
                    ).format(line=line, found=f"END:{name}")
                )
            stack.pop()
            if len(stack) == 2 and current is not None and current.nested:
                current.nested[-1] = (current.nested[-1][0], line_end)
            elif len(stack) == 1 and current is not None:
                current.end = line_end
                if current.prop_end < 0:
                    current.prop_end = line_start
                doc.components.append(current)
                current = None
            elif not stack:
                doc.footer_start = line_start
                rest = data[line_end:]
                if rest.strip(b" \t\r\n"):
                    raise FeedFormatError(
                        _("line {line}: text after END:VCALENDAR (only one VCALENDAR is supported)").format(
                            line=_line_of(data, line_end)
                        )
                    )
    if not seen_calendar:
        raise FeedFormatError(_("not a calendar: there is no BEGIN:VCALENDAR"))
    if stack:
        raise FeedFormatError(
            _("the feed is cut off: {mark} is missing at the end").format(mark=f"END:{stack[-1]}")
        )
    doc.header_end = doc.components[0].start if doc.components else doc.footer_start
    _read_all_props(doc)
    return doc


def _marks(data: bytes) -> Iterator[re.Match[bytes]]:
    first = _FIRST.match(data)
    if first is not None:
        yield first
    yield from _MARK.finditer(data)


def _line_end(data: bytes, pos: int) -> int:
    if data.startswith(b"\r\n", pos):
        return pos + 2
    if data.startswith(b"\n", pos) or data.startswith(b"\r", pos):
        return pos + 1
    return pos


def _read_all_props(doc: RawDoc) -> None:
    """One pass over the file for the few properties the merge needs, each given to the
    component whose own lines hold it (not to a VALARM inside it)."""
    comps = doc.components
    if not comps:
        return
    ci = 0
    for m in _PROPS.finditer(doc.data, comps[0].start, comps[-1].end):
        pos = m.start(1)
        while ci < len(comps) and comps[ci].end <= pos:
            ci += 1
        if ci == len(comps):
            break
        c = comps[ci]
        if pos < c.start or (c.nested and any(a <= pos < b for a, b in c.nested)):
            continue
        _apply(c, m.group(1).upper(), m.group(2))


def _apply(c: RawComponent, name: bytes, raw: bytes) -> None:
    if name == b"DTSTART":
        c.has_dtstart = len(raw.strip()) > 1
        return
    if name in (b"RRULE", b"RDATE"):
        c.recurring = True
        return
    if name == b"RECURRENCE-ID":
        c.override = True
        return
    value = _value(raw)
    if name == b"UID":
        c.uid = value
    elif name == b"X-ANTIHJALTE-PROFILE":
        c.owner = value
    elif name == b"SEQUENCE":
        try:
            c.sequence = int(value)
        except ValueError:
            c.sequence = 0


def _value(raw: bytes) -> str:
    if b"\n" in raw:
        raw = _UNFOLD.sub(b"", raw)
    text = raw.decode("utf-8")
    if text.startswith(":"):
        return text[1:].strip()
    return split_prop(text)[2].strip()


def validate(doc: RawDoc) -> None:
    """What a merge needs to trust the file: every VEVENT has a DTSTART."""
    for c in doc.components:
        if c.kind == "VEVENT" and not c.has_dtstart:
            line = _line_of(doc.data, c.start)
            if c.uid:
                raise FeedFormatError(
                    _("line {line}: the event {uid!r} has no DTSTART (RFC 5545 requires one)").format(
                        line=line, uid=c.uid
                    )
                )
            raise FeedFormatError(
                _("line {line}: an event without UID has no DTSTART (RFC 5545 requires one)").format(
                    line=line
                )
            )


# A content line (RFC 5545 3.1) once unfolded: a name, parameters whose values are quoted
# strings or plain text without ``";:,``, a colon, then the value. Control characters are
# checked on the decoded text.
_PARAM = rb'[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*'
_CONTENT_LINE = re.compile(rb"[A-Za-z0-9-]+(?:;" + _PARAM + rb")*:.*", re.S)


def check_own_event(raw: bytes, uid: str, profile_id: str) -> None:
    """One event this profile is about to write, held to what a read checks (``split``: UTF-8,
    no NUL, balanced BEGIN/END) and more: it is exactly one VEVENT, with this UID, this
    profile's marker and a DTSTART, and every line of it is a well-formed content line without
    control characters. FeedFormatError saying what is wrong otherwise."""
    from antihjalte_desktop.core.text import control_problem

    nl = b"\r\n" if raw.endswith(b"\r\n") else b"\n"
    wrapped = b"BEGIN:VCALENDAR" + nl + raw + (b"" if raw.endswith(b"\n") else nl) + b"END:VCALENDAR" + nl
    doc = split(wrapped)
    validate(doc)
    if len(doc.components) != 1:
        raise FeedFormatError(
            _("it would make {n} components instead of one").format(n=len(doc.components))
        )
    c = doc.components[0]
    if c.kind != "VEVENT" or c.nested:
        raise FeedFormatError(_("it would not be one plain event"))
    if c.uid != uid or c.owner != profile_id:
        raise FeedFormatError(_("its UID or owner would not read back as written"))
    for n, line in enumerate(_UNFOLD.sub(b"", raw).split(b"\n"), 1):
        line = line.removesuffix(b"\r")
        if not line:
            continue
        if not _CONTENT_LINE.fullmatch(line):
            raise FeedFormatError(_("its line {n} is not a well-formed iCalendar line").format(n=n))
        problem = control_problem(line.decode("utf-8"), allow="\t")
        if problem:
            # L10N: {problem} ends the sentence: "holds the control character U+0007, ..."
            raise FeedFormatError(_("its line {n} {problem}").format(n=n, problem=problem))


def check_before_write(size: int, own: dict[str, bytes], profile_id: str) -> None:
    """Never write what a read would refuse: the merged feed's size within the one limit, and
    every event this profile rendered (``own``: uid → bytes) as :func:`check_own_event` wants it.
    Everything else in the output is bytes that passed :func:`split` when the feed was read, cut
    at component boundaries, so checking the new parts checks the whole.
    Raises FeedFormatError ("nothing was written: …")."""
    if size > MAX_FEED_BYTES:
        raise FeedFormatError(
            _(
                "nothing was written: the feed would be {size}, more than the "
                "{limit} this app reads (is a name or a roster entry very long?)"
            ).format(size=megabytes(size), limit=megabytes(MAX_FEED_BYTES))
        )
    for uid, raw in own.items():
        try:
            check_own_event(raw, uid, profile_id)
        except FeedFormatError as err:
            raise FeedFormatError(
                _("nothing was written: this profile's event {uid} would not be readable ({reason})").format(
                    uid=uid, reason=err
                )
            ) from None
