"""Every setting, declared once: key, type, default, label and help text.

Validation, the ``config`` CLI and the settings dialog all come from this table.
Labels and help are marked for translation (context "settings").
"""

# The SCHEMA table keeps one setting per entry, wider than the line limit, so it reads as a table.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from typing import Any

from antihjalte_desktop.core.autoreply import DEFAULT_TEMPLATES, check_template, parse_roster_entry
from antihjalte_desktop.core.i18n import QT_TRANSLATE_NOOP, _
from antihjalte_desktop.core.text import control_problem, loads_json, shown


class Kind(StrEnum):
    STR = "str"
    TEXT = "text"  # multi-line
    INT = "int"
    BOOL = "bool"
    TIME = "time"  # "HH:MM"
    CHOICE = "choice"
    LIST = "list"  # list of strings; on the command line separated by ";" or given as a JSON array
    PASSWORD = "password"  # never stored in settings: kept in the OS keyring by the store layer


@dataclass(frozen=True)
class Setting:
    key: str
    kind: Kind
    default: Any
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None  # characters, for a text; for a list, per entry
    check: Callable[[Any], None] | None = field(default=None, compare=False)

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    def parse(self, text: str) -> Any:
        """Turn command-line text into a value of this setting's type, or raise ValueError."""
        k = self.kind
        if k is Kind.INT:
            try:
                value: Any = int(text.strip())
            except ValueError:
                raise ValueError(
                    _("{key} takes a whole number, not {text!r}").format(key=self.key, text=text)
                ) from None
        elif k is Kind.BOOL:
            t = text.strip().lower()
            if t in ("1", "true", "yes", "on", "ja", "på"):
                value = True
            elif t in ("0", "false", "no", "off", "nej", "av"):
                value = False
            else:
                raise ValueError(_("{key} takes true or false, not {text!r}").format(key=self.key, text=text))
        elif k is Kind.LIST:
            t = text.strip()
            if t.startswith("["):
                try:
                    value = loads_json(t)
                except json.JSONDecodeError as err:
                    raise ValueError(
                        _("{key}: not a JSON array (invalid JSON at line {line}, column {column})").format(
                            key=self.key, line=err.lineno, column=err.colno
                        )
                    ) from None
                except ValueError as err:
                    raise ValueError(
                        _("{key}: not a JSON array: {reason}").format(key=self.key, reason=err)
                    ) from None
            else:
                value = [p.strip() for p in t.split(";") if p.strip()]
        elif k is Kind.TEXT:
            value = text.replace("\\n", "\n")
        elif k is Kind.TIME:
            value = read_time(text) or text.strip()
        else:
            value = text.strip() if k is not Kind.STR else text
        return self.validate(value)

    def validate(self, value: Any) -> Any:
        """Check a value (as stored in the settings file) and return it normalised."""
        k = self.kind
        if k is Kind.INT:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(_("{key} takes a whole number").format(key=self.key))
            if self.minimum is not None and value < self.minimum:
                raise ValueError(
                    _("{key} must be at least {minimum}").format(key=self.key, minimum=self.minimum)
                )
            if self.maximum is not None and value > self.maximum:
                raise ValueError(
                    _("{key} must be at most {maximum}").format(key=self.key, maximum=self.maximum)
                )
        elif k is Kind.BOOL:
            if not isinstance(value, bool):
                raise ValueError(_("{key} takes true or false").format(key=self.key))
        elif k is Kind.TIME:
            if not isinstance(value, str) or not _TIME.match(value):
                raise ValueError(
                    _("{key} takes a time as HH:MM (24-hour), not {value!r}").format(
                        key=self.key, value=value
                    )
                )
            h, m = map(int, value.split(":"))
            value = f"{h:02d}:{m:02d}"
        elif k is Kind.CHOICE:
            if value not in self.choices:
                raise ValueError(
                    _("{key} must be one of: {choices}").format(
                        key=self.key, choices=", ".join(shown(c) for c in self.choices)
                    )
                )
        elif k is Kind.LIST:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(_("{key} takes a list of texts").format(key=self.key))
            value = [v.strip() for v in value if v.strip()]
            limit = self.max_length or MAX_LIST_ENTRY
            for v in value:
                problem = control_problem(v)
                if problem:
                    raise ValueError(
                        _("{key}: the entry {entry} {problem}").format(
                            key=self.key, entry=shown(v, 40), problem=problem
                        )
                    )
                if len(v) > limit:
                    raise ValueError(
                        _(
                            "{key}: the entry {entry} is {length:,} characters long; "
                            "the limit is {limit} characters per entry"
                        ).format(key=self.key, entry=shown(v, 40), length=len(v), limit=limit)
                    )
        elif k in (Kind.STR, Kind.TEXT, Kind.PASSWORD):
            if not isinstance(value, str):
                raise ValueError(_("{key} takes a text").format(key=self.key))
            if k is Kind.TEXT:
                value = value.replace("\r\n", "\n")  # a text written on Windows
            problem = control_problem(value, allow="\n\t" if k is Kind.TEXT else "")
            if problem:
                raise ValueError(_("{key} {problem}").format(key=self.key, problem=problem))
            if self.max_length is not None and len(value) > self.max_length:
                raise ValueError(
                    _("{key} is {length:,} characters long; the limit is {limit} characters").format(
                        key=self.key, length=len(value), limit=self.max_length
                    )
                )
        if self.check is not None:
            self.check(value)
        return value

    def format(self, value: Any) -> str:
        if self.kind is Kind.LIST:
            return "; ".join(value)
        if self.kind is Kind.BOOL:
            return "true" if value else "false"
        if self.kind is Kind.TEXT:
            return str(value).replace("\n", "\\n")
        return str(value)


MAX_NAME = 200
MAX_EMAIL = 254  # RFC 5321's limit for a whole address
MAX_LIST_ENTRY = 300
MAX_URL = 2048

_TIME = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


_TYPED_TIME = (
    re.compile(r"(\d{1,2})[:.](\d{2})"),  # 8:30, 08.30, 22:06
    re.compile(r"(\d{1,2})(\d{2})"),  # 830, 0830, 2206 (a lone 8 is not taken: 8 what?)
)


def read_time(text: str) -> str | None:
    """A time of day as people type it (``0830``, ``830``, ``8:30``, ``08.30``, ``2206``) as
    ``HH:MM``, or None when it is not one."""
    t = text.strip()
    for pattern in _TYPED_TIME:
        m = pattern.fullmatch(t)
        if m:
            h, mins = int(m[1]), int(m[2])
            return f"{h:02d}:{mins:02d}" if h < 24 and mins < 60 else None
    return None


def parse_time(value: str) -> time:
    h, m = map(int, value.split(":"))
    return time(h, m)


def _check_template(value: Any) -> None:
    check_template(value)


def holds_credentials(value: Any) -> bool:
    """Whether an address (or any address of a list) carries a user name or password
    (``https://anna:secret@host/``); the settings dialog asks this to word its refusal."""
    return any(
        isinstance(v, str) and "://" in v and "@" in v.split("://", 1)[1].split("/", 1)[0]
        for v in (value if isinstance(value, list) else [value])
    )


def _check_no_credentials(value: Any) -> None:
    """A feed address never carries a password (it would sit in the settings file in clear)."""
    if holds_credentials(value):
        raise ValueError(
            _(
                "a feed address must not hold a user name or password: put the user name in "
                "feed.user and the password in the keyring (antihjalte feed login)"
            )
        )


def _check_country(value: Any) -> None:
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise ValueError(_("holidays.country takes a two-letter country code such as SE"))


def _check_email(value: Any) -> None:
    if value and not re.fullmatch(r"[^@\s\"<>]+@[^@\s\"<>]+\.[^@\s\"<>]+", value):
        raise ValueError(_("me.email: not an e-mail address: {value}").format(value=shown(value)))


def _check_roster(value: Any) -> None:
    """Each entry's name and e-mail keep the limits of ``me.name`` and ``me.email``: both go
    into the team feed when the entry becomes a hero week."""
    for entry in value:
        contact = parse_roster_entry(entry)
        if len(contact.name) > MAX_NAME:
            raise ValueError(
                _(
                    "team.roster: the name in {entry} is {length:,} characters long; the limit is {limit} characters"
                ).format(entry=shown(entry, 40), length=len(contact.name), limit=MAX_NAME)
            )
        if len(contact.email) > MAX_EMAIL:
            raise ValueError(
                _(
                    "team.roster: the e-mail address in {entry} is {length:,} characters long; "
                    "the limit is {limit} characters"
                ).format(entry=shown(entry, 40), length=len(contact.email), limit=MAX_EMAIL)
            )


S = Setting
SCHEMA: tuple[Setting, ...] = (
    S("me.name", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Your name"),
      QT_TRANSLATE_NOOP("settings", "Shown in the team feed and signed under the auto-reply."), max_length=MAX_NAME),
    S("me.email", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Your e-mail"), check=_check_email, max_length=MAX_EMAIL),
    S("me.phone", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Your phone number")),
    S("me.cover", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Who usually covers for you"),
      QT_TRANSLATE_NOOP("settings", "A name from the team list. A newly planned day gets this cover unless you name another.")),
    S("cadence.every_weeks", Kind.INT, 4, QT_TRANSLATE_NOOP("settings", "One antihjälte day every … weeks"),
      QT_TRANSLATE_NOOP("settings", "0 turns the cadence off."), minimum=0, maximum=52),
    S("holidays.country", Kind.STR, "SE", QT_TRANSLATE_NOOP("settings", "Public holidays of"),
      QT_TRANSLATE_NOOP("settings", "In Sweden, Christmas Eve, Midsummer Eve and New Year's Eve count as days "
                     "off too."), check=_check_country),
    S("ui.language", Kind.CHOICE, "", QT_TRANSLATE_NOOP("settings", "Language"),
      QT_TRANSLATE_NOOP("settings", "Empty follows the system language."), choices=("", "sv", "en"),
      choice_labels=(QT_TRANSLATE_NOOP("settings", "System language"), "Svenska", "English")),
    S("ui.first_run_done", Kind.BOOL, False, QT_TRANSLATE_NOOP("settings", "First-run setup done"),
      QT_TRANSLATE_NOOP("settings", "Untick to be asked the setup questions again at the next start.")),
    S("reminders.handover_time", Kind.TIME, "14:00", QT_TRANSLATE_NOOP("settings", "Handover reminder (workday before)")),
    S("reminders.start_time", Kind.TIME, "08:00", QT_TRANSLATE_NOOP("settings", "Start reminder (on the day)")),
    S("reminders.reflect_time", Kind.TIME, "16:00", QT_TRANSLATE_NOOP("settings", "Reflection reminder (end of the day)")),
    S("reminders.restore_time", Kind.TIME, "08:00", QT_TRANSLATE_NOOP("settings", "Restore reminder (next workday)")),
    S("autoreply.template_sv", Kind.TEXT, DEFAULT_TEMPLATES["sv"], QT_TRANSLATE_NOOP("settings", "Auto-reply in Swedish"),
      QT_TRANSLATE_NOOP("settings", "Placeholders: {day}, {return_day}, {cover}, {cover_name}, {cover_contact}, "
                     "{name}, {email}, {phone}. A line whose placeholders are all empty is left out."),
      check=_check_template),
    S("autoreply.template_en", Kind.TEXT, DEFAULT_TEMPLATES["en"], QT_TRANSLATE_NOOP("settings", "Auto-reply in English"),
      QT_TRANSLATE_NOOP("settings", "Same placeholders as the Swedish text."), check=_check_template),
    S("handover.items", Kind.LIST, ["autoreply", "phone", "tasks", "calendar"],
      QT_TRANSLATE_NOOP("settings", "Handover checklist"),
      QT_TRANSLATE_NOOP("settings", "The checklist each newly planned day starts with. Add your own items, or "
                     "take out the ones you do not need.")),
    S("team.roster", Kind.LIST, [], QT_TRANSLATE_NOOP("settings", "Team members"),
      QT_TRANSLATE_NOOP("settings", "One person per row: name, e-mail, phone. Used for the hero rota and cover contacts."),
      check=_check_roster),
    S("team.max_focus_per_day", Kind.INT, 2, QT_TRANSLATE_NOOP("settings", "At most this many on antihjälte day at once"),
      minimum=1, maximum=100),
    S("feed.location", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Team feed"),
      QT_TRANSLATE_NOOP("settings", "A file in a shared folder, or a WebDAV or CalDAV address. Empty: a file in your profile."),
      check=_check_no_credentials),
    S("feed.kind", Kind.CHOICE, "auto", QT_TRANSLATE_NOOP("settings", "Feed type"), choices=("auto", "file", "webdav", "caldav"),
      choice_labels=(QT_TRANSLATE_NOOP("settings", "Detect"), QT_TRANSLATE_NOOP("settings", "File"), "WebDAV", "CalDAV")),
    S("feed.user", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Feed user name")),
    S("feed.password", Kind.PASSWORD, "", QT_TRANSLATE_NOOP("settings", "Feed password"),
      QT_TRANSLATE_NOOP("settings", "Kept only in the system keyring.")),
    S("feed.show_as", Kind.CHOICE, "full", QT_TRANSLATE_NOOP("settings", "Show me in the team feed as"),
      choices=("full", "initials", "anonymous"),
      choice_labels=(QT_TRANSLATE_NOOP("settings", "Full name"), QT_TRANSLATE_NOOP("settings", "Initials"), QT_TRANSLATE_NOOP("settings", "Just “Antihjälte”"))),
    S("feed.sync_minutes", Kind.INT, 15, QT_TRANSLATE_NOOP("settings", "Sync every … minutes"), minimum=15, maximum=1440),
    S("feed.http_deadline_seconds", Kind.INT, 60, QT_TRANSLATE_NOOP("settings", "Give up on one server request after … seconds"),
      QT_TRANSLATE_NOOP("settings", "From connecting to the last byte of the answer."), minimum=5, maximum=600),
    S("feed.sync_deadline_seconds", Kind.INT, 120, QT_TRANSLATE_NOOP("settings", "Stop a sync after … seconds"),
      QT_TRANSLATE_NOOP("settings", "Whatever it is doing; local changes wait for the next sync."), minimum=10, maximum=3600),
    S("feed.ca_file", Kind.STR, "", QT_TRANSLATE_NOOP("settings", "Custom CA certificate file"),
      QT_TRANSLATE_NOOP("settings", "For a server with a certificate from your organisation's own authority.")),
    S("feed.subscriptions", Kind.LIST, [], QT_TRANSLATE_NOOP("settings", "Extra calendars to read (absences)"),
      QT_TRANSLATE_NOOP("settings", "webcal:// or https:// addresses, read only."), check=_check_no_credentials,
      max_length=MAX_URL),
    S("journal.intent_prompts_sv", Kind.LIST,
      ["Vad vill jag tänka igenom i dag?", "Vad vill jag läsa på om?", "Vad vill jag planera eller analysera?"],
      QT_TRANSLATE_NOOP("settings", "Intent prompts (Swedish)")),
    S("journal.intent_prompts_en", Kind.LIST,
      ["What do I want to think through today?", "What do I want to read up on?",
       "What do I want to plan or analyse?"],
      QT_TRANSLATE_NOOP("settings", "Intent prompts (English)")),
    S("journal.reflect_prompts_sv", Kind.LIST,
      ["Vad lärde jag mig?", "Vad vill jag ändra på?", "Vad skapar värde för invånarna?"],
      QT_TRANSLATE_NOOP("settings", "Reflection prompts (Swedish)")),
    S("journal.reflect_prompts_en", Kind.LIST,
      ["What did I learn?", "What will I change?", "What creates value for residents?"],
      QT_TRANSLATE_NOOP("settings", "Reflection prompts (English)")),
    S("app.autostart", Kind.BOOL, False, QT_TRANSLATE_NOOP("settings", "Start at login")),
)  # fmt: skip

BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}

SECTION_LABELS = {
    "me": QT_TRANSLATE_NOOP("settings", "You"),
    "cadence": QT_TRANSLATE_NOOP("settings", "Cadence"),
    "holidays": QT_TRANSLATE_NOOP("settings", "Public holidays"),
    "ui": QT_TRANSLATE_NOOP("settings", "Appearance"),
    "reminders": QT_TRANSLATE_NOOP("settings", "Reminders"),
    "autoreply": QT_TRANSLATE_NOOP("settings", "Auto-reply"),
    "handover": QT_TRANSLATE_NOOP("settings", "Handover"),
    "team": QT_TRANSLATE_NOOP("settings", "Team"),
    "feed": QT_TRANSLATE_NOOP("settings", "Team feed"),
    "journal": QT_TRANSLATE_NOOP("settings", "Journal"),
    "app": QT_TRANSLATE_NOOP("settings", "Application"),
}


def lookup(key: str) -> Setting:
    try:
        return BY_KEY[key]
    except KeyError:
        close = [k for k in BY_KEY if key.split(".")[-1] in k]
        if close:
            text = _(
                "unknown setting {key!r} (did you mean {close}?); `antihjalte config list` shows them all"
            )
        else:
            text = _("unknown setting {key!r}; `antihjalte config list` shows them all")
        raise KeyError(text.format(key=key, close=", ".join(close))) from None
