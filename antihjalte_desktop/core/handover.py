"""The handover checklist of a focus day: what to switch on, forward and pass on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from antihjalte_desktop.core.i18n import QT_TRANSLATE_NOOP, Translate, no_translation

# Built-in items: key -> (English label, Swedish label). ``{cover}`` is the cover colleague.
BUILTIN_ITEMS: dict[str, tuple[str, str]] = {
    "autoreply": (QT_TRANSLATE_NOOP("handover", "Auto-reply switched on"), "Autosvaret är påslaget"),
    "phone": (
        QT_TRANSLATE_NOOP("handover", "Phone forwarded to {cover}"),
        "Telefonen är hänvisad till {cover}",
    ),
    "tasks": (QT_TRANSLATE_NOOP("handover", "Quick tasks passed on"), "Snabba puckar är bollade vidare"),
    "calendar": (
        QT_TRANSLATE_NOOP("handover", "Calendar blocked for the day"),
        "Dagen är blockad i kalendern",
    ),
}
NO_COVER = {"en": QT_TRANSLATE_NOOP("handover", "a colleague"), "sv": "en kollega"}

_SLUG = re.compile(r"[^a-z0-9åäö]+")


def item_key(label: str) -> str:
    """The key of a checklist item: built-in keys as they are, others slugged from the label."""
    text = label.strip()
    if text in BUILTIN_ITEMS:
        return text
    return _SLUG.sub("-", text.lower()).strip("-") or "item"


@dataclass(frozen=True)
class HandoverItem:
    key: str
    label: str  # empty for built-in items: their label comes from BUILTIN_ITEMS in the UI language
    done: bool

    def text(self, cover: str, lang: str = "en", translator: Translate = no_translation) -> str:
        if self.key in BUILTIN_ITEMS and not self.label:
            en, sv = BUILTIN_ITEMS[self.key]
            template = sv if lang == "sv" else translator("handover", en)
            fallback = NO_COVER["sv"] if lang == "sv" else translator("handover", NO_COVER["en"])
            return template.replace("{cover}", cover or fallback)
        return self.label


@dataclass(frozen=True)
class HandoverTask:
    """A quick task passed on to a colleague for the day ("task → colleague")."""

    id: int
    text: str
    to: str
    done: bool = False  # passed on before the day
    taken_back: bool = False  # taken back after the day (at the restore reminder)


def default_items(configured: list[str]) -> list[tuple[str, str]]:
    """(key, label) pairs to seed a new day's checklist from the ``handover.items`` setting.

    Built-in keys keep an empty label so that they show in the language of the day;
    any other entry is a custom item whose label is the text itself.
    """
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for entry in configured:
        entry = entry.strip()
        if not entry:
            continue
        key = item_key(entry)
        if key in seen:
            continue
        seen.add(key)
        out.append((key, "" if key in BUILTIN_ITEMS else entry))
    return out


def find_item(items: list[HandoverItem], wanted: str, cover: str = "") -> HandoverItem | None:
    """Find an item by key, by 1-based number, or by its label (either language)."""
    w = wanted.strip()
    if w.isdigit() and 1 <= int(w) <= len(items):
        return items[int(w) - 1]
    for it in items:
        if w.lower() in (it.key, it.text(cover, "en").lower(), it.text(cover, "sv").lower()):
            return it
    key = item_key(w)
    return next((it for it in items if it.key == key), None)


def handover_message(day_text: str, until_text: str, cover: str, tasks: list[HandoverTask], lang: str) -> str:
    """A ready text for mail or chat: what goes to whom, and until when."""
    if lang == "sv":
        lines = [f"Hej! Jag har antihjältedag {day_text} och är tillbaka {until_text}."]
        if cover:
            lines.append(f"{cover} täcker upp för mig och har min telefon under dagen.")
        if tasks:
            lines.append("Det här bollar jag vidare:")
            lines += [f"- {t.text} → {t.to}" for t in tasks]
        lines.append("Tack för hjälpen!")
    else:
        lines = [f"Hi! I have a focus day {day_text} and will be back {until_text}."]
        if cover:
            lines.append(f"{cover} covers for me and has my phone during the day.")
        if tasks:
            lines.append("I am passing on these tasks:")
            lines += [f"- {t.text} → {t.to}" for t in tasks]
        lines.append("Thanks for the help!")
    return "\n".join(lines)
