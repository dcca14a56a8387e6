"""Translation without Qt: the message catalog of the command line and of every message the
core, the store, the feed and the services write (errors, warnings, reports).

Two kinds of marks:

- ``_("text")`` (and ``ngettext(singular, plural, n)``) translate at once into the process's
  language, set once by the CLI (``ui.language``, else the locale) and by the tray app whenever
  the setting changes. ``N_("text")`` only marks a text that is translated later with ``_``.
  ``pybabel extract`` finds them (``resources/update_translations.sh``); the Swedish lives in
  ``resources/antihjalte_sv.po`` and is compiled to ``antihjalte_desktop/locale/sv/LC_MESSAGES/
  antihjalte.mo``, which the wheel and the bundle carry. gettext's ``.mo`` costs well under a
  millisecond to load; Babel, which compiles it, is needed only by that script.
- ``QT_TRANSLATE_NOOP(context, text)`` marks a text the Qt shell translates with
  ``QCoreApplication.translate(context, text)`` (found by ``pyside6-lupdate``; in ``.ts``).

Messages use ``str.format`` placeholders (``_("{day} is not planned").format(day=...)``), never
f-strings inside ``_``: the catalog holds the text with its placeholders.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Translate = Callable[[str, str], str]

DOMAIN = "antihjalte"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "sv")

_null = _gettext.NullTranslations()
_current: _gettext.NullTranslations = _null
_language = "en"
_loaded: dict[str, _gettext.NullTranslations] = {"en": _null}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    del context
    return text


def no_translation(context: str, text: str) -> str:
    del context
    return text


def N_(text: str) -> str:
    """Mark ``text`` for the catalog; translate it later with ``_``."""
    return text


def _(text: str) -> str:
    return _current.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def language() -> str:
    """The language messages are written in now: ``"sv"`` or ``"en"``."""
    return _language


def _catalog(lang: str) -> _gettext.NullTranslations:
    found = _loaded.get(lang)
    if found is None:
        mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            with mo.open("rb") as fp:
                found = _gettext.GNUTranslations(fp)
        except OSError:
            found = _null  # a broken install: English rather than no command line at all
        _loaded[lang] = found
    return found


def set_language(lang: str) -> None:
    """Write messages in ``lang`` from now on (anything but Swedish is English)."""
    global _current, _language
    _language = "sv" if lang == "sv" else "en"
    _current = _catalog(_language)


@contextmanager
def language_as(lang: str) -> Iterator[None]:
    """Messages in ``lang`` inside the block: machine-read output (``--json``) is English in
    every language, since its values are a contract."""
    before = _language
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def translate_argparse() -> None:
    """argparse writes its own words ("usage:", "error:", "the following arguments are
    required") through the module globals ``_`` and ``ngettext`` it took from gettext at
    import; point them at this catalog. Their texts are listed in ``argparse_texts``."""
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
