"""``antihjalte journal ...``: write, list, search, export and import journal entries.

``register(subparsers)`` is called by ``cli.build_parser``; it only declares parsers.
The store is imported inside the handler so other commands start no slower.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from antihjalte_desktop.cli_input import json_help
from antihjalte_desktop.core.i18n import _, ngettext
from antihjalte_desktop.core.text import dumps, printable
from antihjalte_desktop.errors import UsageError


def register(subparsers: Any) -> None:
    jp = subparsers.add_parser("journal", help=_("the private reflection journal"))
    sub = jp.add_subparsers(dest="journal_command", metavar=_("ACTION"), required=True, parser_class=type(jp))

    a = sub.add_parser("add", help=_("write an entry (TEXT, or - to read it from stdin)"))
    a.add_argument(
        "--date",
        metavar=_("DATE"),
        help=_("the entry's day: YYYY-MM-DD, today, yesterday (default today)"),
    )
    a.add_argument("--tag", action="append", default=[], metavar=_("TAG"), help=_("a tag (repeat for more)"))
    a.add_argument("--title", metavar=_("TEXT"), help=_("the title (default: the first line)"))
    a.add_argument(
        "--focus-day",
        metavar=_("DATE"),
        help=_("link to this focus day (default: the entry's day when it is planned)"),
    )
    a.add_argument("text", nargs="?", metavar=_("TEXT | -"), help=_("the entry; - reads it from stdin"))

    ls = sub.add_parser("list", help=_("list entries, newest first"))
    ls.add_argument("--tag", metavar=_("TAG"), help=_("only entries with this tag"))
    ls.add_argument("--from", dest="start", metavar=_("DATE"), help=_("the first day to list"))
    ls.add_argument("--to", dest="end", metavar=_("DATE"), help=_("the last day to list"))
    ls.add_argument("--json", action="store_true", help=json_help())

    s = sub.add_parser(
        "search", help=_('full-text search: words match as prefixes, "quoted words" as a phrase')
    )
    s.add_argument("query", metavar=_("QUERY"), help=_("the words to search for"))
    s.add_argument("--tag", metavar=_("TAG"), help=_("only entries with this tag"))
    s.add_argument("--limit", type=int, default=50, metavar=_("N"), help=_("at most N matches (default 50)"))
    s.add_argument("--json", action="store_true", help=json_help())

    ex = sub.add_parser(
        "export", help=_("write every entry to a folder of Markdown files or DIR/journal.json")
    )
    ex.add_argument(
        "--format",
        choices=("md", "json"),
        required=True,
        help=_("md: one Markdown file each; json: one file"),
    )
    ex.add_argument("--out", metavar=_("DIR"), required=True, help=_("the folder to write to"))

    im = sub.add_parser(
        "import",
        help=_("read entries from our journal.json, a jrnl JSON export, a Markdown file or a folder of them"),
    )
    im.add_argument("file", metavar=_("FILE"), help=_("the file or folder to read"))

    jp.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from antihjalte_desktop.store.journal_store import JournalStore
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile

    profile = Profile(Paths.resolve(args.home))
    store = JournalStore(profile.paths.journal_file)
    try:
        return int(_COMMANDS[args.journal_command](args, profile, store))
    finally:
        store.close()
        profile.close()


_YESTERDAY = ("yesterday", "igår", "i går", "igar")


def _day(profile: Any, text: str | None) -> Any:
    """A date as the plan commands read it, plus "yesterday" (journals look back)."""
    from datetime import timedelta

    from antihjalte_desktop.core.dates import parse_day

    if not text:
        return None
    if text.strip().lower() in _YESTERDAY:
        return profile.today() - timedelta(days=1)
    return parse_day(text, profile.today())


def _print_json(data: Any) -> None:
    sys.stdout.write(dumps(data, indent=2) + "\n")


def _add(args: argparse.Namespace, profile: Any, store: Any) -> int:
    from antihjalte_desktop.core.journal import Entry

    if args.text is None:
        raise UsageError(_("journal add needs TEXT, or - to read the entry from stdin"))
    from antihjalte_desktop.cli_input import read_stdin

    text = read_stdin() if args.text == "-" else args.text
    if not text.strip():
        raise UsageError(_("the entry is empty"))
    day = _day(profile, args.date) or profile.today()
    focus = _day(profile, args.focus_day)
    if focus is None and profile.plan.get_day(day) is not None:
        focus = day
    entry = store.add(Entry(day=day, title=args.title or "", body=text.rstrip("\n"), tags=tuple(args.tag),
                            focus_day=focus))  # fmt: skip
    print(
        _("Added entry {id}: {day} {title}").format(
            id=entry.id, day=entry.day.isoformat(), title=printable(entry.title)
        )
    )
    return 0


def _line(entry: Any) -> str:
    """One entry on one line; its title and tags (an import may have brought them from any file)
    with control characters escaped."""
    tags = "  " + " ".join(f"#{printable(t)}" for t in entry.tags) if entry.tags else ""
    focus = "  " + _("(focus day)") if entry.focus_day else ""
    return f"{entry.id:>5}  {entry.day.isoformat()}  {printable(entry.title)}{tags}{focus}"


def _snippet(text: str, marks: tuple[str, str]) -> str:
    """The search snippet with its text escaped but our own highlight marks kept."""
    start, end = marks
    parts = []
    for i, piece in enumerate(text.split(start)):
        inner = piece.split(end)
        parts.append((start if i else "") + end.join(printable(x) for x in inner))
    return "".join(parts)


def _list(args: argparse.Namespace, profile: Any, store: Any) -> int:
    from antihjalte_desktop.core.journal import Filter

    f = Filter(tag=args.tag, start=_day(profile, args.start), end=_day(profile, args.end))
    hits = store.query(f, limit=1_000_000)
    if args.json:
        _print_json([h.entry.to_json() for h in hits])
        return 0
    if not hits:
        print(_("No journal entries. Write one with: antihjalte journal add TEXT"))
    for h in hits:
        print(_line(h.entry))
    return 0


def _search(args: argparse.Namespace, profile: Any, store: Any) -> int:
    from antihjalte_desktop.core.journal import Filter

    tty = sys.stdout.isatty() and not args.json
    marks = ("\x1b[1m", "\x1b[0m") if tty else ("**", "**")
    hits = store.query(Filter(text=args.query, tag=args.tag), limit=max(1, args.limit), marks=marks)
    if args.json:
        _print_json([{**h.entry.to_json(), "snippet": h.snippet} for h in hits])
        return 0
    if not hits:
        print(_("No matches."))
    for h in hits:
        print(_line(h.entry))
        if h.snippet:
            print("       " + _snippet(" ".join(h.snippet.split()), marks))
    return 0


def _export(args: argparse.Namespace, profile: Any, store: Any) -> int:
    from antihjalte_desktop.store.journal_store import export_entries

    dest, n = export_entries(store, args.format, Path(args.out).expanduser())
    print(
        ngettext("Exported {n} entry to {path}", "Exported {n} entries to {path}", n).format(n=n, path=dest)
    )
    return 0


def _import(args: argparse.Namespace, profile: Any, store: Any) -> int:
    from antihjalte_desktop.store.journal_store import read_import

    entries = read_import(Path(args.file).expanduser())
    added, skipped = store.import_entries(entries)
    done = ngettext("Imported {n} entry", "Imported {n} entries", added).format(n=added)
    if skipped:
        done += " " + ngettext(
            "({n} already in the journal)", "({n} already in the journal)", skipped
        ).format(n=skipped)
    print(done)
    return 0


_COMMANDS = {"add": _add, "list": _list, "search": _search, "export": _export, "import": _import}
