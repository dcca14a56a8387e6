"""The ``antihjalte`` command: headless subcommands, or the tray app with none.

Nothing here imports Qt; the tray app (``antihjalte_desktop.app``) is imported only
when it is started.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from antihjalte_desktop import APP_NAME
from antihjalte_desktop.cli_input import read_stdin
from antihjalte_desktop.errors import KnownError, UsageError

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus the usage, exit 2 (as argparse does)."""


def _day_arg(text: str) -> str:
    return text  # parsed later against the profile's clock; see _parse_day


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="antihjalte",
        description=f"{APP_NAME}: plan focus days, pass on quick tasks, reflect. "
        "With no command, starts the tray app.",
    )
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument(
        "--home",
        metavar="DIR",
        help="keep all data, settings, cache and logs of this profile in DIR (also ANTIHJALTE_HOME)",
    )
    p.add_argument("--self-test", action="store_true", help="start the app fully, check it, and exit")
    p.add_argument("--autostart", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    plan = sub.add_parser("plan", help="plan focus days").add_subparsers(
        dest="plan_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    a = plan.add_parser("add", help="plan a focus day")
    a.add_argument(
        "date",
        metavar="DATE",
        help="4 december, 4/12, 2026-12-04, today, tomorrow, a weekday (fri, fre) or next friday",
    )
    a.add_argument("--note", default="", help="what the day is for")
    a.add_argument("--cover", default="", metavar="NAME", help="the colleague who covers for you")
    a.add_argument("--force", action="store_true", help="plan a weekend day or public holiday anyway")
    r = plan.add_parser("remove", help="take a day out of the plan")
    r.add_argument("date", metavar="DATE")
    mv = plan.add_parser("move", help="move a planned day, with its note, cover, ticks and tasks")
    mv.add_argument("old", metavar="FROM", help="the planned day")
    mv.add_argument("new", metavar="TO", help="the day to move it to")
    mv.add_argument("--force", action="store_true", help="move it to a weekend day or public holiday anyway")
    e = plan.add_parser("edit", help="change a planned day's note or cover")
    e.add_argument("date", metavar="DATE")
    e.add_argument("--note")
    e.add_argument("--cover", metavar="NAME")
    ls = plan.add_parser("list", help="list planned days (past days as done)")
    ls.add_argument("--from", dest="start", metavar="D")
    ls.add_argument("--to", dest="end", metavar="D")
    ls.add_argument("--json", action="store_true")

    st = sub.add_parser("status", help="the next day and the cadence")
    st.add_argument("--json", action="store_true")

    h = sub.add_parser("handover", help="the handover checklist of a day")
    h.add_argument("date", metavar="DATE")
    h.add_argument("--json", action="store_true")
    h.add_argument(
        "--check",
        action="append",
        default=[],
        metavar="ITEM",
        help="tick an item: its number, its word (phone, telefon) or its text",
    )
    h.add_argument("--uncheck", action="append", default=[], metavar="ITEM")
    h.add_argument(
        "--add-item", action="append", default=[], metavar="TEXT", help="add your own checklist item"
    )
    h.add_argument("--task", metavar="TEXT", help="a quick task to pass on (with --to)")
    h.add_argument("--to", metavar="NAME", help="the colleague who takes the task")
    h.add_argument("--task-done", type=int, action="append", default=[], metavar="ID")
    h.add_argument("--task-back", type=int, action="append", default=[], metavar="ID",
                   help="mark a task as taken back after the day")
    h.add_argument("--remove-task", type=int, action="append", default=[], metavar="ID")
    h.add_argument("--message", action="store_true", help="print a handover message for mail or chat")
    h.add_argument("--lang", choices=("sv", "en"))

    ar = sub.add_parser("autoreply", help="the e-mail auto-reply for a day")
    ar.add_argument("date", metavar="DATE")
    ar.add_argument("--lang", choices=("sv", "en"))

    rem = sub.add_parser("reminders", help="due and upcoming reminders")
    rem.add_argument("--json", action="store_true")

    cfg = sub.add_parser("config", help="settings").add_subparsers(
        dest="config_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    cl = cfg.add_parser("list", help="every setting with its value")
    cl.add_argument("--json", action="store_true")
    cg = cfg.add_parser("get", help="one setting")
    cg.add_argument("key")
    cs = cfg.add_parser("set", help="change a setting (lists: a;b;c or a JSON array; text: - reads stdin)")
    cs.add_argument("key")
    cs.add_argument("value")
    cu = cfg.add_parser("unset", help="back to the default")
    cu.add_argument("key")

    # Subcommands that live beside their subsystem: each ``register(subparsers)`` only declares
    # parsers whose ``handler`` default runs them (the subsystem is imported by the handler).
    from antihjalte_desktop import insights_cli, journal_cli
    from antihjalte_desktop.feed import cli as feed_cli

    journal_cli.register(sub)
    feed_cli.register(sub)
    insights_cli.register(sub)
    return p


# -- helpers ------------------------------------------------------------------------------
def _profile(args: argparse.Namespace) -> Any:
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile

    return Profile(Paths.resolve(args.home))


def _parse_day(profile: Any, text: str) -> date:
    from antihjalte_desktop.core.dates import parse_day

    return parse_day(text, profile.today())


def _print_json(data: Any) -> None:
    from antihjalte_desktop.core.text import print_json

    print_json(data)


def _warn(text: str) -> None:
    """One line on stderr; what it quotes (a colleague's name, a server's answer, a file's
    line) is shown with control characters escaped."""
    from antihjalte_desktop.core.text import printable

    sys.stderr.write(f"antihjalte: {printable(text)}\n")


def _check_argv(argv: Sequence[str]) -> None:
    """Invalid UTF-8 on the command line arrives as lone surrogates; name the argument and stop
    (exit 2) before anything stores or prints it."""
    from antihjalte_desktop.core.text import has_surrogate

    for i, arg in enumerate(argv):
        if not has_surrogate(arg):
            continue
        if arg.startswith("--") and "=" in arg:
            what = f"the value of {arg.split('=', 1)[0]}"
        elif i > 0 and argv[i - 1].startswith("-") and not has_surrogate(argv[i - 1]):
            what = f"the value of {argv[i - 1]}"
        elif i > 0 and not has_surrogate(argv[i - 1]):
            before = [a for a in argv[max(0, i - 3) : i] if not a.startswith("-") and not has_surrogate(a)]
            what = f"the argument after “{' '.join(before or argv[i - 1 : i])}”"
        else:
            what = f"argument {i + 1}"
        raise UsageError(f"{what} is not valid UTF-8 text; nothing was changed")


# -- commands -------------------------------------------------------------------------------
def _plan_list(args: argparse.Namespace) -> int:
    """`plan list`, the most-run command, opens only the plan store and the clock: no
    Profile, so no settings, holidays, reminder or auto-reply code is imported."""
    from antihjalte_desktop.core.clock import clock_from_env
    from antihjalte_desktop.core.dates import parse_day
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.plan_store import PlanStore

    today = clock_from_env().now().date()
    start = parse_day(args.start, today) if args.start else None
    end = parse_day(args.end, today) if args.end else None
    store = PlanStore(Paths.resolve(args.home).ensure().db_file)
    try:
        days = store.list_days(start, end)
    finally:
        store.close()
    if args.json:
        _print_json([d.to_json(today) for d in days])
    else:
        if not days:
            print("No focus days planned. Plan one with: antihjalte plan add DATE")
        for d in days:
            extra = "".join(f"  {k}: {v}" for k, v in (("cover", d.cover), ("note", d.note)) if v)
            print(f"{d.day.isoformat()}  {d.day.strftime('%a')}  {d.status(today).value:<7}{extra}")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    action = args.plan_command
    if action == "list":
        return _plan_list(args)
    from antihjalte_desktop.services.planning import Planning

    prof = _profile(args)
    if action == "move":
        old, new = _parse_day(prof, args.old), _parse_day(prof, args.new)
        for w in Planning(prof).move_day(old, new, force=args.force):
            _warn(f"warning: {w}")
        print(f"Moved: {old.isoformat()} → {new.isoformat()}")
        return 0
    planning = Planning(prof)
    day = _parse_day(prof, args.date)
    if action == "add":
        result = planning.plan_day(day, args.note, args.cover, force=args.force)
        for w in result.warnings:
            _warn(f"warning: {w}")
        print(f"{'Planned' if result.added else 'Already planned'}: {day.isoformat()}")
    elif action == "remove":
        planning.unplan_day(day)
        print(f"Removed: {day.isoformat()}")
    elif action == "edit":
        if prof.plan.get_day(day) is None:
            raise KnownError(f"{day.isoformat()} is not planned")
        planning.edit_day(day, note=args.note, cover=args.cover)
        print(f"Updated: {day.isoformat()}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.dates import days_from_today
    from antihjalte_desktop.services.planning import Planning

    prof = _profile(args)
    today = prof.today()
    planning = Planning(prof)
    nxt = planning.next_day()
    cad = planning.cadence()
    data = {
        "today": today.isoformat(),
        "today_is_focus_day": bool(nxt and nxt.day == today),
        "next_day": nxt.to_json(today) if nxt else None,
        "cadence": cad.to_json(),
        "summary": cad.describe(),
    }
    if args.json:
        _print_json(data)
        return 0
    if nxt and nxt.day == today:
        print("Today is your antihjälte day.")
    elif nxt:
        # The CLI speaks English (ui.language picks only the texts written for others:
        # the auto-reply and the handover message); days_from_today also speaks Swedish.
        print(f"Next antihjälte day: {nxt.day.isoformat()} ({days_from_today((nxt.day - today).days, 'en')})")
    else:
        print("No antihjälte day planned.")
    print(cad.describe().capitalize())
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.dates import format_day
    from antihjalte_desktop.core.handover import find_item, handover_message, item_key, item_word

    prof = _profile(args)
    day = _parse_day(prof, args.date)
    fd = prof.plan.get_day(day)
    if fd is None:
        raise KnownError(f"{day.isoformat()} is not planned")
    if (args.task is None) != (args.to is None):
        raise UsageError("--task and --to go together: --task TEXT --to NAME")
    lang = args.lang or prof.language()
    for wanted, done in [(w, True) for w in args.check] + [(w, False) for w in args.uncheck]:
        item = find_item(prof.plan.items(day), wanted, fd.cover)
        if item is None:
            words = ", ".join(item_word(i, lang) for i in prof.plan.items(day))
            raise UsageError(f"no checklist item {wanted!r} on {day.isoformat()} (items: {words})")
        prof.plan.set_item_done(day, item.key, done)
    for text in args.add_item:
        prof.plan.add_item(day, item_key(text), text)
    if args.task is not None:
        if not args.task.strip() or not args.to.strip():
            raise UsageError("--task and --to need a text and a name")
        prof.plan.add_task(day, args.task.strip(), args.to.strip())
    ids = {t.id for t in prof.plan.tasks(day)}
    for tid in args.task_done + args.task_back + args.remove_task:
        if tid not in ids:
            raise UsageError(f"no task {tid} on {day.isoformat()}")
    for tid in args.task_done:
        prof.plan.update_task(tid, done=True)
    for tid in args.task_back:
        prof.plan.update_task(tid, taken_back=True)
    for tid in args.remove_task:
        prof.plan.remove_task(tid)
    items = prof.plan.items(day)
    tasks = prof.plan.tasks(day)
    if args.message:
        back = prof.calendar.next_workday(day)
        print(handover_message(format_day(day, lang), format_day(back, lang), fd.cover, tasks, lang))
        return 0
    if args.json:
        _print_json(
            {
                "date": day.isoformat(),
                "cover": fd.cover,
                "items": [{"key": i.key, "label": i.text(fd.cover, lang), "done": i.done} for i in items],
                "tasks": [
                    {"id": t.id, "text": t.text, "to": t.to, "done": t.done, "taken_back": t.taken_back}
                    for t in tasks
                ],
            }
        )
        return 0
    print(f"Handover for {day.isoformat()}" + (f" (cover: {fd.cover})" if fd.cover else ""))
    for n, i in enumerate(items, 1):
        word = f"  ({item_word(i, lang)})" if not i.label else ""  # what --check takes
        print(f"  {n}. [{'x' if i.done else ' '}] {i.text(fd.cover, lang)}{word}")
    for t in tasks:
        mark = "x" if t.done else " "
        back = "  (taken back)" if t.taken_back else ""
        print(f"  #{t.id} [{mark}] {t.text} → {t.to}{back}")
    return 0


def cmd_autoreply(args: argparse.Namespace) -> int:
    prof = _profile(args)
    day = _parse_day(prof, args.date)
    from antihjalte_desktop.services.autoreply import Autoreply

    sys.stdout.write(Autoreply(prof).text(day, args.lang or prof.language()))
    return 0


def cmd_reminders(args: argparse.Namespace) -> int:
    from antihjalte_desktop.services.reminders import schedule

    prof = _profile(args)
    now = prof.now()
    rems = schedule(prof, now)
    if args.json:
        _print_json([r.to_json(now) for r in rems])
        return 0
    if not rems:
        print("No reminders: nothing planned.")
    for r in rems:
        flag = " DUE" if r.is_due(now) else ""
        snooze = f" until {r.snoozed_until:%Y-%m-%d %H:%M}" if r.snoozed_until else ""
        when = f"{r.at:%Y-%m-%d %H:%M}"
        print(f"{when}  {r.kind.value:<8} for {r.day.isoformat()}  {r.state.value}{snooze}{flag}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.settings_schema import Kind, lookup
    from antihjalte_desktop.core.text import dumps, printable
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.settings import Settings

    paths = Paths.resolve(args.home).ensure()
    settings = Settings(paths.settings_file)
    for problem in settings.problems:
        _warn(f"settings: {problem}")
    action = args.config_command
    if action == "list":
        if args.json:
            _print_json({s.key: v for s, v in settings.items()})
        else:
            for s, v in settings.items():
                mark = "" if settings.is_default(s.key) else "  (set)"
                print(f"{s.key} = {printable(s.format(v))}{mark}")
        return 0
    try:
        setting = lookup(args.key)
    except KeyError as err:
        raise UsageError(str(err.args[0])) from None
    if action == "get":
        value = settings.get(args.key)
        if isinstance(value, list):
            print(dumps(value))
        elif isinstance(value, str):
            print(printable(value))
        else:
            print(printable(setting.format(value)))
    elif action == "set":
        text = read_stdin(one_line=setting.kind is not Kind.TEXT) if args.value == "-" else args.value
        if setting.key == "holidays.country":
            _check_country(text)
        settings.set_text(args.key, text)
    elif action == "unset":
        settings.reset(args.key)
    return 0


def _check_country(text: str) -> None:
    """A country the holidays package knows; checked only when set here, because asking
    the package costs the 0.2 s that the holiday cache saves every other start."""
    from antihjalte_desktop.core.workdays import supported_country

    code = text.strip()
    if len(code) == 2 and code.isalpha() and not supported_country(code):
        raise UsageError(
            f"holidays.country {code!r} is not a country the holidays package knows (e.g. SE, NO, DE)"
        )


AppRunner = Callable[[argparse.Namespace], int]
ReportExporter = Callable[..., Any]


def _no_app(args: argparse.Namespace) -> int:
    del args
    raise UsageError("give a command (see antihjalte --help); the tray app starts from `antihjalte`")


COMMANDS: dict[str, Handler] = {
    "plan": cmd_plan,
    "status": cmd_status,
    "handover": cmd_handover,
    "autoreply": cmd_autoreply,
    "reminders": cmd_reminders,
    "config": cmd_config,
}


def _setup_console() -> None:
    """Swedish letters on any console: Windows consoles may use a legacy code page."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def _log_bug(args: argparse.Namespace | None) -> str:
    """Write the traceback of a bug to the profile's log; return the log path."""
    import logging

    try:
        from antihjalte_desktop.store.logs import setup_file_logging
        from antihjalte_desktop.store.paths import Paths

        path = setup_file_logging(Paths.resolve(getattr(args, "home", None)).ensure())
        logging.getLogger("antihjalte").error("unexpected error", exc_info=True)
        return str(path)
    except Exception:
        return "(the log could not be written)"


def main(
    argv: Sequence[str] | None = None,
    run_app: AppRunner = _no_app,
    export_report: ReportExporter | None = None,
) -> int:
    """The command line. With no command, ``run_app`` starts the tray app; ``export_report`` draws
    ``insights --out``. The launcher (``antihjalte_desktop.main``) passes both, so this module
    never imports the Qt shell."""
    import signal

    # A file-size limit (a quota, or a test's RLIMIT_FSIZE) must end a write with
    # an error we report, not kill us mid-write.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _setup_console()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        _check_argv(argv)
    except UsageError as err:
        _warn(str(err))
        return err.exit_code
    parser = build_parser()
    args = parser.parse_args(argv)
    args.export_report = export_report
    try:
        if args.version:
            from antihjalte_desktop import version

            print(f"antihjalte {version()}")
            return 0
        if args.command is None:
            return run_app(args)
        handler: Handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return handler(args)
    except KnownError as err:
        _warn(str(err))
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `antihjalte plan list | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UnicodeError:
        # Text that is not UTF-8 (or lone surrogates, which have no UTF-8 form) got past the
        # checks at the door: the input's fault, not a crash; the log keeps where it happened.
        where = _log_bug(args)
        _warn(f"some text given to this command is not valid UTF-8, so it was refused (details in {where})")
        return 1
    except Exception as err:
        where = _log_bug(args)
        _warn(f"internal error ({type(err).__name__}); details are in {where}")
        return 70
