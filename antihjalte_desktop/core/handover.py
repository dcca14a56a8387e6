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
        "Dagen är blockerad i kalendern",
    ),
}
NO_COVER = {"en": QT_TRANSLATE_NOOP("handover", "a colleague"), "sv": "en kollega"}

# The words a person types for a built-in item (``--check telefon``, ``--check phone``): the first of
# each language is the one shown; the others are accepted too. Keys are accepted as well.
ITEM_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "autoreply": {"en": ("autoreply", "auto-reply"), "sv": ("autosvar", "autosvaret")},
    "phone": {"en": ("phone",), "sv": ("telefon", "telefonen")},
    "tasks": {"en": ("tasks", "quick tasks"), "sv": ("puckar", "snabba puckar", "uppgifter")},
    "calendar": {"en": ("calendar",), "sv": ("kalender", "kalendern")},
}

_SLUG = re.compile(r"[^a-z0-9åäö]+")


def builtin_key(text: str) -> str | None:
    """The built-in item that ``text`` names: its key, a word for it or its label, in either
    language (any case; the cover colleague in a label may be anyone); None for any other text."""
    w = " ".join(text.split()).casefold()
    for key, (en, sv) in BUILTIN_ITEMS.items():
        words = {key, *ITEM_WORDS[key]["en"], *ITEM_WORDS[key]["sv"]}
        if w in words:
            return key
        for label in (en, sv):
            if "{cover}" in label:  # "Phone forwarded to {cover}": any colleague, or none
                head = label.casefold().split("{cover}")[0]
                if w == head.strip() or w.startswith(head):
                    return key
            elif w == label.casefold():
                return key
    return None


def item_key(label: str) -> str:
    """The key of a checklist item: built-in items by their key, word or label in either language,
    others slugged from the label."""
    text = label.strip()
    found = builtin_key(text)
    if found is not None:
        return found
    return _SLUG.sub("-", text.lower()).strip("-") or "item"


def item_word(item: HandoverItem, lang: str) -> str:
    """What to type after ``--check`` for ``item``, in ``lang``: ``telefon``/``phone`` for a built-in
    item, the label of a custom one."""
    if item.key in ITEM_WORDS:
        return ITEM_WORDS[item.key]["sv" if lang == "sv" else "en"][0]
    return item.label or item.key


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
    """Find an item by 1-based number, by key, by its word (``telefon``, ``phone``) or by its label,
    in either language."""
    w = " ".join(wanted.split())
    if w.isdigit() and 1 <= int(w) <= len(items):
        return items[int(w) - 1]
    folded = w.casefold()
    for it in items:
        if folded in (it.key, it.text(cover, "en").casefold(), it.text(cover, "sv").casefold()):
            return it
    key = item_key(w)
    return next((it for it in items if it.key == key), None)


def handover_message(day_text: str, until_text: str, cover: str, tasks: list[HandoverTask], lang: str) -> str:
    """A ready text for mail or chat: what goes to whom, and until when."""
    # Every text below is untranslated: the message follows ``lang`` (--lang, or the settings).
    if lang == "sv":
        lines = [f"Hej! Jag har en planeringsdag {day_text} och är tillbaka {until_text}."]
        if cover:
            lines.append(
                f"{cover} täcker upp för mig och har min telefon under dagen."  # untranslated: chosen by lang
            )
        if tasks:
            lines.append("De här uppgifterna lämnar jag över:")  # untranslated: chosen by lang
            lines += [f"- {t.text} → {t.to}" for t in tasks]
        lines.append("Tack för hjälpen!")  # untranslated: chosen by lang
    else:
        lines = [f"Hi! I have a focus day {day_text} and will be back {until_text}."]
        if cover:
            lines.append(
                f"{cover} covers for me and has my phone during the day."  # untranslated: chosen by lang
            )
        if tasks:
            lines.append("I am passing on these tasks:")  # untranslated: chosen by lang
            lines += [f"- {t.text} → {t.to}" for t in tasks]
        lines.append("Thanks for the help!")  # untranslated: chosen by lang
    return "\n".join(lines)
