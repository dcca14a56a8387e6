"""The e-mail auto-reply (autosvar) for a focus day, from an editable template."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from antihjalte_desktop.core.dates import format_day
from antihjalte_desktop.core.i18n import N_, _

DEFAULT_TEMPLATES = {
    "sv": (
        "Hej!\n\n"
        "Tack för ditt mejl. Jag har en planeringsdag {day} och läser inte mejl under dagen. "
        "Jag är tillbaka {return_day}.\n"
        "Är det brådskande kan du kontakta {cover}.\n\n"
        "Vänliga hälsningar\n"
        "{name}"
    ),
    "en": (
        "Hello,\n\n"
        "Thank you for your email. I am on a planning day on {day} and will not read email that day. "
        "I will be back on {return_day}.\n"
        "For urgent matters, please contact {cover}.\n\n"
        "Kind regards\n"
        "{name}"
    ),
}

PLACEHOLDERS = ("day", "return_day", "cover", "cover_name", "cover_contact", "name", "email", "phone")


@dataclass(frozen=True)
class Contact:
    name: str
    email: str = ""
    phone: str = ""

    def contact_text(self) -> str:
        return ", ".join(p for p in (self.phone, self.email) if p)

    def full(self) -> str:
        c = self.contact_text()
        return f"{self.name} ({c})" if c and self.name else self.name


def parse_roster_entry(entry: str) -> Contact:
    """``Anna Berg, anna.berg@kommun.se, 070-123 45 67``: name, then e-mail and phone in any
    order; other parts (a unit, a title) are ignored."""
    parts = [p.strip() for p in entry.split(",") if p.strip()]
    if not parts:
        return Contact("")
    name, rest = parts[0], parts[1:]
    email = next((p for p in rest if "@" in p), "")
    phone = next((p for p in rest if "@" not in p and any(ch.isdigit() for ch in p)), "")
    return Contact(name, email, phone)


def find_contact(name: str, roster: list[str]) -> Contact:
    """The roster entry for ``name`` (case-insensitive; a first name alone matches when unique)."""
    if not name.strip():
        return Contact("")
    contacts = [parse_roster_entry(e) for e in roster]
    wanted = name.strip().casefold()
    exact = [c for c in contacts if c.name.casefold() == wanted]
    if exact:
        return exact[0]
    first = [c for c in contacts if c.name.casefold().split(" ")[0] == wanted]
    return first[0] if len(first) == 1 else Contact(name.strip())


def template_fields(template: str) -> set[str]:
    return {f for _text, f, _spec, _conv in string.Formatter().parse(template) if f}


def check_template(template: str) -> None:
    """Raise ValueError when the template names an unknown placeholder or is malformed."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as err:
        raise ValueError(_("malformed template: {reason}").format(reason=_python_reason(str(err)))) from None
    for _text, field, spec, conversion in parts:
        if field == "":
            raise ValueError(_("an empty placeholder {{}} names nothing; write e.g. {{day}}").format())
        if field and (spec or conversion):
            raise ValueError(
                _("write the placeholder as {placeholder}, without a format or conversion").format(
                    placeholder="{" + field + "}"
                )
            )
    fields = template_fields(template)
    unknown = sorted(fields - set(PLACEHOLDERS))
    if unknown:
        raise ValueError(
            _("unknown placeholder(s) {unknown}; known: {known}").format(
                unknown=", ".join("{" + u + "}" for u in unknown),
                known=", ".join("{" + p + "}" for p in PLACEHOLDERS),
            )
        )


# What str.format says about a malformed template: Python's own words, which the catalog puts in
# the user's language.
_PYTHON_REASONS = {
    N_("Single '}' encountered in format string"),
    N_("Single '{' encountered in format string"),
    N_("expected '}' before end of string"),
    N_("unexpected '{' in field name"),
}


def _python_reason(reason: str) -> str:
    return _(reason) if reason in _PYTHON_REASONS else reason


# A placeholder, or a doubled brace that stands for a literal one (as in str.format).
_FIELD = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def render(
    template: str,
    lang: str,
    day: date,
    return_day: date,
    me: Contact,
    cover: Contact,
) -> str:
    """Fill in the template. A line whose placeholders are all empty is left out, so
    "contact {cover}" vanishes when no cover is named."""
    values = {
        "day": format_day(day, lang),
        "return_day": format_day(return_day, lang),
        "cover": cover.full(),
        "cover_name": cover.name,
        "cover_contact": cover.contact_text(),
        "name": me.name,
        "email": me.email,
        "phone": me.phone,
    }
    out: list[str] = []
    for line in template.split("\n"):
        names = [n for n in _FIELD.findall(line) if n]
        if names and all(not values.get(n, "") for n in names):
            continue
        out.append(_FIELD.sub(lambda m: values.get(m[1], m[0]) if m[1] else m[0][0], line))
    return "\n".join(out).strip() + "\n"
