"""``antihjalte feed set|show``, ``sync``, ``team`` and ``rota generate``.

``register(subparsers)`` only declares parsers; the feed modules are imported in
the handlers, and icalendar only when a sync finds a changed component. Every text
that came from a feed, a server or a file is shown through ``printable`` (``dumps``
for ``--json``): a colleague's name cannot drive the reader's terminal.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from typing import Any

from antihjalte_desktop.core.text import dumps, printable
from antihjalte_desktop.errors import UsageError


def register(subparsers: Any) -> None:
    feed = subparsers.add_parser("feed", help="where the team feed is")
    parser_class = type(feed)
    fsub = feed.add_subparsers(
        dest="feed_command", metavar="ACTION", required=True, parser_class=parser_class
    )
    fs = fsub.add_parser("set", help="record where the team feed is (a path, or a URL); nothing is contacted")
    fs.add_argument(
        "location",
        metavar="PATH_OR_URL",
        help="a file in a shared folder, or an http(s) URL; "
        "an empty string goes back to the file in this profile",
    )
    fs.add_argument("--kind", choices=("auto", "file", "webdav", "caldav"), default="auto")
    fs.add_argument("--user", metavar="U", help="user name for a network feed")
    fsub.add_parser("show", help="where the feed is and how the last sync went")
    fl = fsub.add_parser("login", help="save the feed's password in the system keyring (never in a file)")
    fl.add_argument("--user", metavar="U", help="user name (default: the one in the settings)")
    fl.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    fsu = fsub.add_parser("subscribe", help="also read a calendar (webcal:// or https://) as absences")
    fsu.add_argument("url", metavar="URL")
    fsu.add_argument("--remove", action="store_true", help="stop reading it")
    feed.set_defaults(handler=cmd_feed)

    sy = subparsers.add_parser("sync", help="sync with the team feed now (exit 0 when in sync)")
    sy.add_argument("--json", action="store_true")
    sy.add_argument("--force", action="store_true", help="read and merge even if nothing seems changed")
    sy.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the feed's password from standard input for this sync only "
        "(how the app passes one it keeps in memory when there is no keyring)",
    )
    sy.set_defaults(handler=cmd_sync)

    tm = subparsers.add_parser("team", help="who focuses, who is away, who is this week's hero")
    tm.add_argument("--from", dest="start", metavar="D")
    tm.add_argument("--to", dest="end", metavar="D")
    tm.add_argument("--json", action="store_true")
    tm.set_defaults(handler=cmd_team)

    ro = subparsers.add_parser("rota", help="the hero rota (veckans hjälte)")
    rsub = ro.add_subparsers(dest="rota_command", metavar="ACTION", required=True, parser_class=parser_class)
    rg = rsub.add_parser("generate", help="publish one hero week per week, the roster in turn")
    rg.add_argument("--from", dest="start", required=True, metavar="DATE")
    rg.add_argument("--weeks", type=int, required=True, metavar="N")
    ro.set_defaults(handler=cmd_rota)


def _profile(args: argparse.Namespace) -> Any:
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile

    return Profile(Paths.resolve(args.home))


def _day(profile: Any, text: str) -> date:
    from antihjalte_desktop.core.dates import parse_day

    return parse_day(text, profile.today())


def _print_json(data: Any) -> None:
    sys.stdout.write(dumps(data, indent=2) + "\n")


def cmd_feed(args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed import sync

    prof = _profile(args)
    if args.feed_command in ("login", "subscribe"):
        from antihjalte_desktop.feed import netcli

        return netcli.login(prof, args) if args.feed_command == "login" else netcli.subscribe(prof, args)
    if args.feed_command == "set":
        loc = args.location.strip()
        lowered = loc.lower()
        is_url = "://" in lowered
        if args.kind == "file" and is_url and not lowered.startswith("file://"):
            raise UsageError("--kind file needs a path, not a URL")
        if args.kind in ("webdav", "caldav") and not lowered.startswith(("http://", "https://")):
            raise UsageError(f"--kind {args.kind} needs an http:// or https:// URL")
        if loc and not is_url:
            from pathlib import Path

            loc = str(Path(loc).expanduser().absolute())
        prof.settings.set("feed.location", loc)
        prof.settings.set("feed.kind", args.kind)
        if args.user is not None:
            prof.settings.set("feed.user", args.user)
        print(
            f"Team feed: {printable(loc or sync.default_feed_path(prof.paths.data))} (kind: {args.kind}); "
            "it is read and written at the next sync"
        )
        return 0
    status = sync.read_status(prof.paths.data)
    print(
        f"Team feed: {printable(sync.location_label(prof))}"
        + ("" if prof.settings.get("feed.location") else " (the file in this profile)")
    )
    print(f"Kind: {printable(prof.settings.get('feed.kind'))}")
    if prof.settings.get("feed.user"):
        print(f"User: {printable(prof.settings.get('feed.user'))}")
    show_as = printable(prof.settings.get("feed.show_as"))
    print(f"Shown as: {printable(sync.identity(prof).display)} ({show_as})")
    print(f"Profile id: {printable(prof.plan.profile_id())}")
    pending = len(prof.plan.outbox())
    # the status file is written by this app, but may be older than its escaping, or edited
    if status is None:
        print("Not synced yet" + (f"; {pending} change(s) waiting" if pending else ""))
    elif status.in_sync and not pending:
        print(f"In sync (last sync {printable(status.last_good_sync)})")
    else:
        reason = status.reason or "local changes are waiting"
        print(f"Not synced: {printable(reason)}")
        if status.last_good_sync:
            print(f"Last good sync: {printable(status.last_good_sync)}")
        if status.next_attempt:
            print(f"Next attempt: {printable(status.next_attempt)}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed.sync import sync

    prof = _profile(args)
    if getattr(args, "password_stdin", False):
        from antihjalte_desktop.cli_input import read_stdin_line
        from antihjalte_desktop.store.secrets import remember_for_session

        remember_for_session(
            str(prof.settings.get("feed.location")),
            str(prof.settings.get("feed.user")),
            read_stdin_line("the password"),
        )
    status = sync(prof, force=args.force)
    if args.json:
        _print_json(status.to_json())
    elif status.in_sync:
        did = ", ".join(
            f"{n} {w}"
            for n, w in ((status.added, "added"), (status.updated, "updated"), (status.removed, "removed"))
            if n
        )
        print(f"In sync: {printable(status.location)}" + (f" ({did})" if did else ""))
    for w in status.warnings:
        sys.stderr.write(f"antihjalte: warning: {printable(w)}\n")
    if not status.in_sync:
        sys.stderr.write(f"antihjalte: not synced: {printable(status.reason)}\n")
        return 1
    return 0


def cmd_team(args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed.team import team_view

    prof = _profile(args)
    start = _day(prof, args.start) if args.start else prof.today()
    end = _day(prof, args.end) if args.end else start + timedelta(days=13)
    if end < start:
        raise UsageError("--to is before --from")
    if (end - start).days > 3660:
        raise UsageError("at most ten years at a time")
    entries = team_view(prof, start, end)
    if args.json:
        # one object per line: json's indent= would force its slow pure-Python encoder
        rows = [dumps(e.to_json()) for e in entries]
        sys.stdout.write("[\n" + ",\n".join("  " + r for r in rows) + "\n]\n" if rows else "[]\n")
        return 0
    if not entries:
        print(f"Nobody focusing, away or on hero duty {start.isoformat()} – {end.isoformat()}.")
    by_day: dict[date, dict[str, list[str]]] = {}
    for e in entries:
        person = printable(e.person)  # a colleague's name, as the feed has it
        by_day.setdefault(e.date, {}).setdefault(e.kind, []).append(person + (" (you)" if e.me else ""))
    for day, kinds in by_day.items():
        parts = [f"{k}: {', '.join(v)}" for k, v in kinds.items()]
        print(f"{day.isoformat()}  {day.strftime('%a')}  " + "; ".join(parts))
    return 0


def cmd_rota(args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed.sync import sync
    from antihjalte_desktop.feed.team import generate_rota

    prof = _profile(args)
    weeks = generate_rota(prof, _day(prof, args.start), args.weeks)
    for monday, name, _email in weeks:
        week = f"{monday.isoformat()} – {(monday + timedelta(days=4)).isoformat()}"
        print(f"{week}  Veckans hjälte: {printable(name)}")
    status = sync(prof)
    if not status.in_sync:
        sys.stderr.write(f"antihjalte: recorded, but not published yet: {printable(status.reason)}\n")
        return 1
    print(f"Published in {printable(status.location)}")
    return 0
