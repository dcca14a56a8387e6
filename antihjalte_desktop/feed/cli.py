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

from antihjalte_desktop.cli_input import json_help
from antihjalte_desktop.core.i18n import _, language, language_as, ngettext
from antihjalte_desktop.core.text import dumps, printable
from antihjalte_desktop.errors import UsageError


def register(subparsers: Any) -> None:
    feed = subparsers.add_parser("feed", help=_("where the team feed is"))
    parser_class = type(feed)
    fsub = feed.add_subparsers(
        dest="feed_command", metavar=_("ACTION"), required=True, parser_class=parser_class
    )
    fs = fsub.add_parser(
        "set", help=_("record where the team feed is (a path, or a URL); nothing is contacted")
    )
    fs.add_argument(
        "location",
        metavar=_("PATH_OR_URL"),
        help=_(
            "a file in a shared folder, or an http(s) URL; "
            "an empty string goes back to the file in this profile"
        ),
    )
    fs.add_argument(
        "--kind",
        choices=("auto", "file", "webdav", "caldav"),
        default="auto",
        help=_("what kind of feed it is (default: auto, found out at the first sync)"),
    )
    fs.add_argument("--user", metavar=_("USER"), help=_("user name for a network feed"))
    fsub.add_parser("show", help=_("where the feed is and how the last sync went"))
    fl = fsub.add_parser("login", help=_("save the feed's password in the system keyring (never in a file)"))
    fl.add_argument("--user", metavar=_("USER"), help=_("user name (default: the one in the settings)"))
    fl.add_argument("--password-stdin", action="store_true", help=_("read the password from standard input"))
    fsu = fsub.add_parser("subscribe", help=_("also read a calendar (webcal:// or https://) as absences"))
    fsu.add_argument("url", metavar="URL", help=_("the calendar's address"))
    fsu.add_argument("--remove", action="store_true", help=_("stop reading it"))
    feed.set_defaults(handler=cmd_feed)

    sy = subparsers.add_parser("sync", help=_("sync with the team feed now (exit 0 when in sync)"))
    sy.add_argument("--json", action="store_true", help=json_help())
    sy.add_argument("--force", action="store_true", help=_("read and merge even if nothing seems changed"))
    sy.add_argument(
        "--password-stdin",
        action="store_true",
        help=_(
            "read the feed's password from standard input for this sync only "
            "(how the app passes one it keeps in memory when there is no keyring)"
        ),
    )
    sy.set_defaults(handler=cmd_sync)

    tm = subparsers.add_parser("team", help=_("who focuses, who is away, who is this week's hero"))
    tm.add_argument(
        "--from", dest="start", metavar=_("DATE"), help=_("the first day to show (default: today)")
    )
    tm.add_argument(
        "--to", dest="end", metavar=_("DATE"), help=_("the last day to show (default: two weeks on)")
    )
    tm.add_argument("--json", action="store_true", help=json_help())
    tm.set_defaults(handler=cmd_team)

    ro = subparsers.add_parser("rota", help=_("the hero rota (veckans hjälte)"))
    rsub = ro.add_subparsers(
        dest="rota_command", metavar=_("ACTION"), required=True, parser_class=parser_class
    )
    rg = rsub.add_parser("generate", help=_("publish one hero week per week, the roster in turn"))
    rg.add_argument(
        "--from", dest="start", required=True, metavar=_("DATE"), help=_("a day in the first hero week")
    )
    rg.add_argument("--weeks", type=int, required=True, metavar="N", help=_("how many weeks"))
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
            raise UsageError(_("--kind file needs a path, not a URL"))
        if args.kind in ("webdav", "caldav") and not lowered.startswith(("http://", "https://")):
            raise UsageError(_("--kind {kind} needs an http:// or https:// URL").format(kind=args.kind))
        if loc and not is_url:
            from pathlib import Path

            loc = str(Path(loc).expanduser().absolute())
        prof.settings.set("feed.location", loc)
        prof.settings.set("feed.kind", args.kind)
        if args.user is not None:
            prof.settings.set("feed.user", args.user)
        print(
            _("Team feed: {location} (kind: {kind}); it is read and written at the next sync").format(
                location=printable(loc or sync.default_feed_path(prof.paths.data)), kind=args.kind
            )
        )
        return 0
    status = sync.read_status(prof.paths.data)
    where = printable(sync.location_label(prof))
    if prof.settings.get("feed.location"):
        print(_("Team feed: {location}").format(location=where))
    else:
        print(_("Team feed: {location} (the file in this profile)").format(location=where))
    print(_("Kind: {kind}").format(kind=printable(prof.settings.get("feed.kind"))))
    if prof.settings.get("feed.user"):
        print(_("User: {user}").format(user=printable(prof.settings.get("feed.user"))))
    show_as = printable(prof.settings.get("feed.show_as"))
    print(
        _("Shown as: {name} ({show_as})").format(name=printable(sync.identity(prof).display), show_as=show_as)
    )
    print(_("Profile id: {id}").format(id=printable(prof.plan.profile_id())))
    pending = len(prof.plan.outbox())
    # the status file is written by this app, but may be older than its escaping, or edited
    if status is None:
        if pending:
            print(
                ngettext(
                    "Not synced yet; {n} change(s) waiting", "Not synced yet; {n} change(s) waiting", pending
                ).format(n=pending)
            )
        else:
            print(_("Not synced yet"))
    elif status.in_sync and not pending:
        print(_("In sync (last sync {time})").format(time=printable(status.last_good_sync)))
    else:
        # the reason is in the language of the process that synced (see feed.sync.SyncStatus)
        reason = status.reason or _("local changes are waiting")
        print(_("Not synced: {reason}").format(reason=printable(reason)))
        if status.last_good_sync:
            print(_("Last good sync: {time}").format(time=printable(status.last_good_sync)))
        if status.next_attempt:
            print(_("Next attempt: {time}").format(time=printable(status.next_attempt)))
    return 0


def _line(text: str) -> str:
    return f"antihjalte: {text}\n"


def cmd_sync(args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed import sync as feed_sync
    from antihjalte_desktop.feed.sync import sync

    prof = _profile(args)
    if getattr(args, "password_stdin", False):
        from antihjalte_desktop.cli_input import read_stdin_line
        from antihjalte_desktop.store.secrets import remember_for_session

        remember_for_session(
            str(prof.settings.get("feed.location")),
            str(prof.settings.get("feed.user")),
            read_stdin_line(_("the password")),
        )
    if args.json:
        # The JSON is a contract, the same in every language: the whole sync runs in English,
        # so its reason and warnings (and the status file it writes) are English too.
        with language_as("en"):
            status = sync(prof, force=args.force)
        _print_json(status.to_json())
    else:
        status = sync(prof, force=args.force)
    if not args.json and status.in_sync:
        counts = (
            (status.added, ngettext("{n} added", "{n} added", status.added)),
            (status.updated, ngettext("{n} updated", "{n} updated", status.updated)),
            (status.removed, ngettext("{n} removed", "{n} removed", status.removed)),
        )
        did = ", ".join(text.format(n=n) for n, text in counts if n)
        where = printable(status.location)
        if did:
            print(_("In sync: {location} ({changes})").format(location=where, changes=did))
        else:
            print(_("In sync: {location}").format(location=where))
    for w in status.warnings:
        sys.stderr.write(_line(_("warning: {text}").format(text=printable(w))))
    if not status.in_sync:
        line = feed_sync.not_synced_line(printable(status.reason))
        sys.stderr.write(line + "\n")
        return 1
    return 0


def cmd_team(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.dates import short_weekday
    from antihjalte_desktop.feed.team import team_view

    prof = _profile(args)
    start = _day(prof, args.start) if args.start else prof.today()
    end = _day(prof, args.end) if args.end else start + timedelta(days=13)
    if end < start:
        raise UsageError(_("--to is before --from"))
    if (end - start).days > 3660:
        raise UsageError(_("at most ten years at a time"))
    entries = team_view(prof, start, end)
    if args.json:
        # one object per line: json's indent= would force its slow pure-Python encoder
        rows = [dumps(e.to_json()) for e in entries]
        sys.stdout.write("[\n" + ",\n".join("  " + r for r in rows) + "\n]\n" if rows else "[]\n")
        return 0
    if not entries:
        print(
            _("Nobody focusing, away or on hero duty {start} – {end}.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    kinds_shown = {"focus": _("focus"), "away": _("away"), "hero": _("hero")}
    you = _("{name} (you)")
    by_day: dict[date, dict[str, list[str]]] = {}
    for e in entries:
        person = printable(e.person)  # a colleague's name, as the feed has it
        by_day.setdefault(e.date, {}).setdefault(e.kind, []).append(
            you.format(name=person) if e.me else person
        )
    lang = language()
    for day, kinds in by_day.items():
        parts = [f"{kinds_shown.get(k, k)}: {', '.join(v)}" for k, v in kinds.items()]
        print(f"{day.isoformat()}  {short_weekday(day, lang)}  " + "; ".join(parts))
    return 0


def cmd_rota(args: argparse.Namespace) -> int:
    from antihjalte_desktop.feed.sync import sync
    from antihjalte_desktop.feed.team import generate_rota

    prof = _profile(args)
    weeks = generate_rota(prof, _day(prof, args.start), args.weeks)
    for monday, name, _email in weeks:
        week = f"{monday.isoformat()} – {(monday + timedelta(days=4)).isoformat()}"
        print(week + "  " + _("Hero of the week: {name}").format(name=printable(name)))
    status = sync(prof)
    if not status.in_sync:
        reason = printable(status.reason)
        sys.stderr.write(_line(_("recorded, but not published yet: {reason}").format(reason=reason)))
        return 1
    print(_("Published in {location}").format(location=printable(status.location)))
    return 0
