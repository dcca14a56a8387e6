"""The command line's message catalog (gettext), beside the Qt shell's .ts files.

    python resources/update_messages.py            # extract, merge into the .po, compile the .mo
    python resources/update_messages.py --fill F   # also take translations from F (JSON: msgid ->
                                                   # text, or [singular, plural] for ngettext)
    python resources/update_messages.py --check    # exit 1 if a text lacks Swedish or the .mo is stale

1. every ``_()``, ``N_()`` and ``ngettext()`` text of ``antihjalte_desktop`` (Babel's Python
   extractor) becomes the template; ``resources/antihjalte_sv.po`` keeps what is translated, takes
   in what is new (untranslated, never a guessed "fuzzy" match) and drops what is gone;
2. ``antihjalte_desktop/locale/sv/LC_MESSAGES/antihjalte.mo`` is compiled from it, so every
   install (editable, wheel, bundle) carries it as package data.
Translate with any .po editor (Poedit, Lokalize) or by hand, then run this again and commit both.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "antihjalte_desktop"
PO = ROOT / "resources" / "antihjalte_sv.po"
MO = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "antihjalte.mo"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}


def template() -> Catalog:
    cat = Catalog(project="antihjalte-desktop", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("ui/**.py", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        # Not "TRANSLATORS:": pyside6-lupdate reads a TRANSLATOR comment as a context of its own.
        comment_tags=("L10N:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        cat.add(
            message,
            None,
            [(f"antihjalte_desktop/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return cat


def load_po() -> Catalog:
    if not PO.exists():
        return Catalog(locale="sv", project="antihjalte-desktop", fuzzy=False)
    with PO.open("rb") as fp:
        return read_po(fp, locale="sv")


def fill(cat: Catalog, source: Path) -> int:
    wanted = json.loads(source.read_text(encoding="utf-8"))
    n = 0
    for msg in cat:
        if not msg.id:
            continue
        key = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        if key in wanted:
            text = wanted[key]
            msg.string = tuple(text) if isinstance(msg.id, tuple) else text
            n += 1
    return n


def untranslated(cat: Catalog) -> list[str]:
    out = []
    for msg in cat:
        if not msg.id:
            continue
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        if not all(strings) or msg.fuzzy:
            out.append(msg.id[0] if isinstance(msg.id, tuple) else msg.id)
    return out


def compiled(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


def po_text(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, cat, width=100, include_lineno=False, omit_header=False, sort_output=False)
    return buf.getvalue()


def merged() -> Catalog:
    cat = load_po()
    cat.update(template(), no_fuzzy_matching=True, update_header_comment=False)
    cat.obsolete.clear()
    # A fixed header: the .po and .mo change only when a text does.
    fixed = datetime(2026, 12, 1, tzinfo=UTC)
    cat.creation_date = cat.revision_date = fixed
    cat.version = "1"
    cat.copyright_holder = "the Antihjälte Desktop authors"
    cat.msgid_bugs_address = ""
    cat.last_translator = cat.language_team = "Antihjälte Desktop <sv>"
    return cat


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fill", action="append", default=[], type=Path)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    cat = merged()
    if args.check:
        missing = untranslated(cat)
        stale = not MO.exists() or MO.read_bytes() != compiled(cat)
        for m in missing:
            print(f"untranslated: {m!r}")
        if stale:
            print(f"{MO.relative_to(ROOT)} is not compiled from the current catalog")
        return 1 if missing or stale else 0
    for source in args.fill:
        print(f"{source}: {fill(cat, source)} translations taken")
    PO.write_bytes(po_text(cat))
    MO.parent.mkdir(parents=True, exist_ok=True)
    MO.write_bytes(compiled(cat))
    missing = untranslated(cat)
    print(f"{PO.relative_to(ROOT)}: {len(cat)} texts, {len(missing)} without Swedish")
    return 0


if __name__ == "__main__":
    sys.exit(main())
