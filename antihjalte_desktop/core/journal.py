"""The reflection journal as plain values: entries, prompts, search queries and the
export/import formats (Markdown with front matter, our JSON, jrnl's JSON).

Nothing here touches SQLite or Qt; ``store/journal_store.py`` keeps entries and the
journal window shows them. Journal text is private: never log it.
"""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from antihjalte_desktop.core.i18n import _

JSON_FORMAT = "antihjalte-journal"
JSON_VERSION = 1
TITLE_MAX = 120


@dataclass(frozen=True)
class Entry:
    """One journal entry. ``id`` is None until stored; ``created``/``updated`` are ISO
    date-times (UTC from the store, or whatever an import carried)."""

    day: date
    title: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()
    focus_day: date | None = None
    id: int | None = None
    created: str = ""
    updated: str = ""

    def with_derived_title(self) -> Entry:
        """The entry with its title filled from the body's first line when it has none."""
        return replace(self, title=derive_title(self.title, self.body), tags=normalize_tags(self.tags))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "focus_day": self.focus_day.isoformat() if self.focus_day else None,
            "title": self.title,
            "body": self.body,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Entry:
        """Raises ValueError when ``data`` is not an entry."""
        if not isinstance(data, Mapping):
            raise ValueError(_("an entry must be a JSON object"))
        day = _parse_date(data.get("date"), "date")
        if day is None:
            raise ValueError(_("an entry needs a date (YYYY-MM-DD)"))
        tags = data.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(_("tags must be a list of strings"))
        return Entry(
            day=day,
            title=_str(data.get("title")),
            body=_str(data.get("body")),
            tags=normalize_tags(tags),
            focus_day=_parse_date(data.get("focus_day"), "focus_day"),
            created=_str(data.get("created")),
            updated=_str(data.get("updated")),
        )

    def same_content(self, other: Entry) -> bool:
        """Equal apart from the store's id (for round trips and duplicate checks)."""
        return replace(self, id=None) == replace(other, id=None)


@dataclass(frozen=True)
class SearchHit:
    entry: Entry
    snippet: str
    rank: float = 0.0


@dataclass(frozen=True)
class Filter:
    """What the journal list shows: a search text plus tag, date range and focus-day filters."""

    text: str = ""
    tag: str | None = None
    start: date | None = None
    end: date | None = None
    focus_day: date | None = None
    focus_only: bool = False  # only entries linked to some focus day


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _parse_date(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(
            _("{what} must be YYYY-MM-DD, not {value!r}").format(what=what, value=value)
        ) from None


def derive_title(title: str, body: str) -> str:
    """The given title, or the body's first non-empty line without Markdown heading marks."""
    title = " ".join(title.split())
    if title:
        return title[:TITLE_MAX]
    for line in body.splitlines():
        line = line.strip().lstrip("#>").strip()
        line = re.sub(r"^([-*+]|\d+[.)])\s+", "", line)
        if line:
            return " ".join(line.split())[:TITLE_MAX]
    return ""


def normalize_tag(tag: str) -> str:
    """``"@Trygghet "`` → ``"Trygghet"``: no sigils, single spaces."""
    return " ".join(tag.strip().lstrip("@#").split())


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Clean tags, in order, without case-insensitive duplicates or empties."""
    seen: set[str] = set()
    out: list[str] = []
    for t in tags:
        t = normalize_tag(t)
        key = t.casefold()
        if t and key not in seen:
            seen.add(key)
            out.append(t)
    return tuple(out)


# -- prompts ---------------------------------------------------------------------------------
class PromptKind(enum.Enum):
    INTENT = "intent"  # before a focus day: what will I think about?
    REFLECT = "reflect"  # after it: what did I learn?


def prompt_key(kind: PromptKind, lang: str) -> str:
    lang = "sv" if lang.startswith("sv") else "en"
    return f"journal.{'intent' if kind is PromptKind.INTENT else 'reflect'}_prompts_{lang}"


def prompts(get_setting: Callable[[str], Any], kind: PromptKind, lang: str) -> list[str]:
    """The user's prompt set of ``kind`` in ``lang`` (from settings)."""
    value = get_setting(prompt_key(kind, lang))
    return [str(p).strip() for p in (value or []) if str(p).strip()]


def prompt_body(questions: Sequence[str]) -> str:
    """A new entry's Markdown: one heading per question with room to answer under it."""
    return "".join(f"## {q}\n\n\n" for q in questions)


def prompt_kind_for(day: date, now: datetime) -> PromptKind:
    """Before the focus day or on its morning (before noon): intent; later: reflection."""
    today = now.date()
    return PromptKind.INTENT if day > today or (day == today and now.hour < 12) else PromptKind.REFLECT


# -- search queries --------------------------------------------------------------------------
# unicode61 counts letters, digits and private-use characters as token characters; all else
# separates tokens. The same rule here keeps our query terms identical to the index's.
_TOKEN = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class QueryPart:
    tokens: tuple[str, ...]
    phrase: bool  # "quoted": tokens in this order, exact; else one prefix term


def parse_query(text: str) -> list[QueryPart]:
    """Split what the user typed into prefix terms and "phrases". Never fails."""
    parts: list[QueryPart] = []
    pieces = text.split('"')
    for i, piece in enumerate(pieces):
        # odd pieces are inside quotes; an unclosed quote's tail counts as a phrase too
        quoted = i % 2 == 1
        toks = _tokens(piece)
        if not toks:
            continue
        if quoted and len(toks) > 1:
            parts.append(QueryPart(tuple(toks), True))
        elif quoted:
            parts.append(QueryPart((toks[0],), True))
        else:
            parts.extend(QueryPart((t,), False) for t in toks)
    return parts


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for ``text``: every bare word a prefix term, "quoted"
    words a phrase, all ANDed. Every token is quoted, so no user input can be FTS
    syntax (AND, NEAR(, *, ^, column:). None when nothing searchable is left."""
    out = []
    for part in parse_query(text):
        quoted = " ".join(part.tokens)  # tokens hold no '"' (see _TOKEN)
        out.append(f'"{quoted}"' if part.phrase else f'"{quoted}"*')
    return " ".join(out) or None


def highlight_regex(text: str) -> re.Pattern[str] | None:
    """A case-insensitive regex finding what ``fts_query(text)`` matches, for
    highlighting in the editor. å, ä and ö stay letters of their own, as in the index."""
    alts = []
    for part in parse_query(text):
        if part.phrase:
            alts.append(r"(?<![^\W_])" + r"[\W_]+".join(re.escape(t) for t in part.tokens) + r"(?![^\W_])")
        else:
            alts.append(r"(?<![^\W_])" + re.escape(part.tokens[0]) + r"[^\W_]*")
    if not alts:
        return None
    alts.sort(key=len, reverse=True)
    return re.compile("|".join(alts), re.IGNORECASE)


# -- Markdown with front matter ------------------------------------------------------------------
def _yaml_str(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def to_markdown(entry: Entry) -> str:
    """One entry as Markdown with YAML front matter (written by hand; readable by any YAML parser)."""
    lines = ["---", f"title: {_yaml_str(entry.title)}", f"date: {entry.day.isoformat()}"]
    if entry.focus_day:
        lines.append(f"focus_day: {entry.focus_day.isoformat()}")
    lines.append("tags: [" + ", ".join(_yaml_str(t) for t in entry.tags) + "]")
    if entry.created:
        lines.append(f"created: {_yaml_str(entry.created)}")
    if entry.updated:
        lines.append(f"updated: {_yaml_str(entry.updated)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + entry.body + "\n"


def _front_value(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith(('"', "[")):
        try:
            return json.loads(raw)
        except ValueError:
            pass
        if raw.startswith("["):
            return [_unquote(x) for x in raw.strip("[]").split(",") if x.strip()]
    return _unquote(raw)


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        inner = raw[1:-1]
        return inner.replace("''", "'") if raw[0] == "'" else inner
    return raw


def from_markdown(text: str) -> Entry:
    """Parse ``to_markdown``'s output (or a hand-written file like it). Raises ValueError."""
    text = text.replace("\r\n", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.startswith("---\n"):
        raise ValueError(_("no front matter (a first line of ---)"))
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end, body = len(text) - 4, ""
        else:
            raise ValueError(_("the front matter has no closing ---"))
    else:
        body = text[end + 5 :]
    meta: dict[str, Any] = {}
    key = None
    for line in text[4:end].split("\n"):
        m = re.match(r"^([A-Za-z_][\w-]*):(.*)$", line)
        if m:
            key = m.group(1).lower()
            meta[key] = _front_value(m.group(2)) if m.group(2).strip() else []
        elif key and re.match(r"^\s+-\s*", line) and isinstance(meta.get(key), list):
            meta[key].append(_unquote(re.sub(r"^\s+-\s*", "", line)))
    if body.endswith("\n"):
        body = body[:-1]
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,\s]+", tags) if t]
    meta["tags"] = [str(t) for t in tags]
    meta["body"] = body
    for k in ("title", "created", "updated"):
        if isinstance(meta.get(k), list):
            meta[k] = ""
    return Entry.from_json(meta).with_derived_title()


def markdown_filename(entry: Entry) -> str:
    """``2026-11-30-vad-jag-lärde-mig-12.md``: sorted by date, unique by id."""
    slug = unicodedata.normalize("NFC", entry.title).casefold()
    slug = re.sub(r"[^\w]+", "-", slug).strip("-_")[:48].strip("-_") or "anteckning"
    suffix = f"-{entry.id}" if entry.id is not None else ""
    return f"{entry.day.isoformat()}-{slug}{suffix}.md"


# -- JSON -----------------------------------------------------------------------------------------
def to_json_document(entries: Iterable[Entry]) -> dict[str, Any]:
    return {"format": JSON_FORMAT, "version": JSON_VERSION, "entries": [e.to_json() for e in entries]}


def from_json_document(data: Any) -> list[Entry]:
    """Entries from our export, a ``journal list --json`` array, or a jrnl JSON export.
    Raises ValueError with a short reason when it is none of these."""
    if isinstance(data, list):
        return [Entry.from_json(e).with_derived_title() for e in data]
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ValueError(_("not a journal export (no list of entries)"))
    if data.get("format") == JSON_FORMAT:
        version = data.get("version", 1)
        if not isinstance(version, int) or version > JSON_VERSION:
            raise ValueError(
                _("written by a newer Antihjälte (format version {version})").format(version=version)
            )
        return [Entry.from_json(e).with_derived_title() for e in data["entries"]]
    if all(isinstance(e, dict) and "time" in e and "date" in e for e in data["entries"]):
        return [from_jrnl(e) for e in data["entries"]]
    return [Entry.from_json(e).with_derived_title() for e in data["entries"]]


def from_jrnl(item: Mapping[str, Any]) -> Entry:
    """One entry of ``jrnl --export json``: title, body, date, time, tags ("@tag"), starred.
    The time (local, as jrnl keeps it) becomes the created time; a star becomes the tag "starred"."""
    if not isinstance(item, Mapping):
        raise ValueError(_("a jrnl entry must be a JSON object"))
    day = _parse_date(item.get("date"), "date")
    if day is None:
        raise ValueError(_("a jrnl entry needs a date"))
    time = _str(item.get("time")) or "00:00"
    if not re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", time):
        raise ValueError(_("a jrnl time must be HH:MM, not {time!r}").format(time=time))
    if len(time) <= 5:
        time += ":00"
    raw_tags = item.get("tags") or []
    tags = [str(t) for t in raw_tags] if isinstance(raw_tags, list) else []
    if item.get("starred"):
        tags.append("starred")
    created = f"{day.isoformat()}T{time.zfill(8)}"
    return Entry(
        day=day,
        title=_str(item.get("title")).strip(),
        body=_str(item.get("body")).strip("\n"),
        tags=normalize_tags(tags),
        created=created,
        updated=created,
    ).with_derived_title()
