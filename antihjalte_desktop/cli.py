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
from antihjalte_desktop.cli_input import json_help, read_stdin
from antihjalte_desktop.core.i18n import _, language, language_as
from antihjalte_desktop.errors import KnownError, UsageError

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus the usage, exit 2 (as argparse does)."""


def _day_arg(text: str) -> str:
    return text  # parsed later against the profile's clock; see _parse_day


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="antihjalte",
        description=_(
            "{app}: plan focus days, pass on quick tasks, reflect. With no command, starts the tray app."
        ).format(app=APP_NAME),
    )
    p.add_argument("--version", action="store_true", help=_("print the version and exit"))
    p.add_argument(
        "--home",
        metavar=_("DIR"),
        help=_("keep all data, settings, cache and logs of this profile in DIR (also ANTIHJALTE_HOME)"),
    )
    p.add_argument("--self-test", action="store_true", help=_("start the app fully, check it, and exit"))
    p.add_argument("--autostart", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"), parser_class=_Parser)

    plan = sub.add_parser("plan", help=_("plan focus days")).add_subparsers(
        dest="plan_command", metavar=_("ACTION"), required=True, parser_class=_Parser
    )
    a = plan.add_parser("add", help=_("plan a focus day"))
    a.add_argument(
        "date",
        metavar=_("DATE"),
        help=_("4 december, 4/12, 2026-12-04, today, tomorrow, a weekday (fri, fre) or next friday"),
    )
    a.add_argument("--note", default="", metavar=_("TEXT"), help=_("what the day is for"))
    a.add_argument("--cover", default="", metavar=_("NAME"), help=_("the colleague who covers for you"))
    a.add_argument("--force", action="store_true", help=_("plan a weekend day or public holiday anyway"))
    r = plan.add_parser("remove", help=_("take a day out of the plan"))
    r.add_argument("date", metavar=_("DATE"))
    mv = plan.add_parser("move", help=_("move a planned day, with its note, cover, ticks and tasks"))
    mv.add_argument("old", metavar=_("FROM"), help=_("the planned day"))
    mv.add_argument("new", metavar=_("TO"), help=_("the day to move it to"))
    mv.add_argument(
        "--force", action="store_true", help=_("move it to a weekend day or public holiday anyway")
    )
    e = plan.add_parser("edit", help=_("change a planned day's note or cover"))
    e.add_argument("date", metavar=_("DATE"))
    e.add_argument("--note", metavar=_("TEXT"), help=_("what the day is for"))
    e.add_argument("--cover", metavar=_("NAME"), help=_("the colleague who covers for you"))
    ls = plan.add_parser("list", help=_("list planned days (past days as done)"))
    ls.add_argument("--from", dest="start", metavar=_("DATE"), help=_("the first day to list"))
    ls.add_argument("--to", dest="end", metavar=_("DATE"), help=_("the last day to list"))
    ls.add_argument("--json", action="store_true", help=json_help())

    st = sub.add_parser("status", help=_("the next day and the cadence"))
    st.add_argument("--json", action="store_true", help=json_help())

    h = sub.add_parser("handover", help=_("the handover checklist of a day"))
    h.add_argument("date", metavar=_("DATE"))
    h.add_argument("--json", action="store_true", help=json_help())
    h.add_argument(
        "--check",
        action="append",
        default=[],
        metavar=_("ITEM"),
        help=_("tick an item: its number, its word (phone, telefon) or its text"),
    )
    h.add_argument("--uncheck", action="append", default=[], metavar=_("ITEM"), help=_("untick an item"))
    h.add_argument(
        "--add-item", action="append", default=[], metavar=_("TEXT"), help=_("add your own checklist item")
    )
    h.add_argument("--task", metavar=_("TEXT"), help=_("a quick task to pass on (with --to)"))
    h.add_argument("--to", metavar=_("NAME"), help=_("the colleague who takes the task"))
    h.add_argument(
        "--task-done", type=int, action="append", default=[], metavar="ID", help=_("mark a task as done")
    )
    h.add_argument(
        "--task-back",
        type=int,
        action="append",
        default=[],
        metavar="ID",
        help=_("mark a task as taken back after the day"),
    )
    h.add_argument(
        "--remove-task", type=int, action="append", default=[], metavar="ID", help=_("remove a task")
    )
    h.add_argument("--message", action="store_true", help=_("print a handover message for mail or chat"))
    h.add_argument("--lang", choices=("sv", "en"), help=_("the language of the message"))

    ar = sub.add_parser("autoreply", help=_("the e-mail auto-reply for a day"))
    ar.add_argument("date", metavar=_("DATE"))
    ar.add_argument("--lang", choices=("sv", "en"), help=_("the language of the auto-reply"))

    rem = sub.add_parser("reminders", help=_("due and upcoming reminders"))
    rem.add_argument("--json", action="store_true", help=json_help())

    cfg = sub.add_parser("config", help=_("settings")).add_subparsers(
        dest="config_command", metavar=_("ACTION"), required=True, parser_class=_Parser
    )
    cl = cfg.add_parser("list", help=_("every setting with its value"))
    cl.add_argument("--json", action="store_true", help=json_help())
    cg = cfg.add_parser("get", help=_("one setting"))
    cg.add_argument("key", metavar=_("KEY"))
    cs = cfg.add_parser("set", help=_("change a setting (lists: a;b;c or a JSON array; text: - reads stdin)"))
    cs.add_argument("key", metavar=_("KEY"))
    cs.add_argument("value", metavar=_("VALUE"))
    cu = cfg.add_parser("unset", help=_("back to the default"))
    cu.add_argument("key", metavar=_("KEY"))

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

    prof = Profile(Paths.resolve(args.home))
    for problem in prof.settings.problems:
        _warn(_("settings: {problem}").format(problem=problem))
    return prof


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

    sys.stderr.write(f"antihjalte: {printable(text)}\n")  # untranslated: the program name


def _check_argv(argv: Sequence[str]) -> None:
    """Invalid UTF-8 on the command line arrives as lone surrogates; name the argument and stop
    (exit 2) before anything stores or prints it."""
    from antihjalte_desktop.core.text import has_surrogate

    for i, arg in enumerate(argv):
        if not has_surrogate(arg):
            continue
        if arg.startswith("--") and "=" in arg:
            what = _("the value of {option}").format(option=arg.split("=", 1)[0])
        elif i > 0 and argv[i - 1].startswith("-") and not has_surrogate(argv[i - 1]):
            what = _("the value of {option}").format(option=argv[i - 1])
        elif i > 0 and not has_surrogate(argv[i - 1]):
            before = [a for a in argv[max(0, i - 3) : i] if not a.startswith("-") and not has_surrogate(a)]
            what = _("the argument after “{words}”").format(words=" ".join(before or argv[i - 1 : i]))
        else:
            what = _("argument {number}").format(number=i + 1)
        raise UsageError(_("{what} is not valid UTF-8 text; nothing was changed").format(what=what))


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
            print(_("No focus days planned. Plan one with: antihjalte plan add DATE"))
        from antihjalte_desktop.core.dates import short_weekday

        labels = (_("cover"), _("note"))
        states = {"planned": _("planned"), "done": _("done")}
        width = max(len(t) for t in states.values())
        for d in days:
            extra = "".join(f"  {k}: {v}" for k, v in zip(labels, (d.cover, d.note), strict=True) if v)
            state = states.get(d.status(today).value, d.status(today).value)
            print(f"{d.day.isoformat()}  {short_weekday(d.day, language())}  {state:<{width}}{extra}")
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
            _warn(_("warning: {text}").format(text=w))
        print(_("Moved: {old} → {new}").format(old=old.isoformat(), new=new.isoformat()))
        return 0
    planning = Planning(prof)
    day = _parse_day(prof, args.date)
    if action == "add":
        result = planning.plan_day(day, args.note, args.cover, force=args.force)
        for w in result.warnings:
            _warn(_("warning: {text}").format(text=w))
        done = _("Planned: {day}") if result.added else _("Already planned: {day}")
        print(done.format(day=day.isoformat()))
    elif action == "remove":
        planning.unplan_day(day)
        print(_("Removed: {day}").format(day=day.isoformat()))
    elif action == "edit":
        if prof.plan.get_day(day) is None:
            raise KnownError(_("{day} is not planned").format(day=day.isoformat()))
        planning.edit_day(day, note=args.note, cover=args.cover)
        print(_("Updated: {day}").format(day=day.isoformat()))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.dates import days_from_today
    from antihjalte_desktop.services.planning import Planning

    prof = _profile(args)
    today = prof.today()
    planning = Planning(prof)
    nxt = planning.next_day()
    cad = planning.cadence()
    if args.json:
        with language_as("en"):  # "summary" is a contract, the same in every language
            summary = cad.describe()
        _print_json(
            {
                "today": today.isoformat(),
                "today_is_focus_day": bool(nxt and nxt.day == today),
                "next_day": nxt.to_json(today) if nxt else None,
                "cadence": cad.to_json(),
                "summary": summary,
            }
        )
        return 0
    if nxt and nxt.day == today:
        print(_("Today is your antihjälte day."))
    elif nxt:
        when = days_from_today((nxt.day - today).days, language())
        print(_("Next antihjälte day: {day} ({when})").format(day=nxt.day.isoformat(), when=when))
    else:
        print(_("No antihjälte day planned."))
    text = cad.describe()
    print(text[:1].upper() + text[1:])
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.dates import format_day
    from antihjalte_desktop.core.handover import find_item, handover_message, item_key, item_word

    prof = _profile(args)
    day = _parse_day(prof, args.date)
    fd = prof.plan.get_day(day)
    if fd is None:
        raise KnownError(_("{day} is not planned").format(day=day.isoformat()))
    if (args.task is None) != (args.to is None):
        raise UsageError(_("--task and --to go together: --task TEXT --to NAME"))
    lang = args.lang or prof.language()
    for wanted, done in [(w, True) for w in args.check] + [(w, False) for w in args.uncheck]:
        item = find_item(prof.plan.items(day), wanted, fd.cover)
        if item is None:
            words = ", ".join(item_word(i, lang) for i in prof.plan.items(day))
            raise UsageError(
                _("no checklist item {item!r} on {day} (items: {items})").format(
                    item=wanted, day=day.isoformat(), items=words
                )
            )
        prof.plan.set_item_done(day, item.key, done)
    for text in args.add_item:
        prof.plan.add_item(day, item_key(text), text)
    if args.task is not None:
        if not args.task.strip() or not args.to.strip():
            raise UsageError(_("--task and --to need a text and a name"))
        prof.plan.add_task(day, args.task.strip(), args.to.strip())
    ids = {t.id for t in prof.plan.tasks(day)}
    for tid in args.task_done + args.task_back + args.remove_task:
        if tid not in ids:
            raise UsageError(_("no task {id} on {day}").format(id=tid, day=day.isoformat()))
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
                # English unless --lang asks: --json does not follow ui.language.
                "items": [
                    {"key": i.key, "label": i.text(fd.cover, args.lang or "en"), "done": i.done}
                    for i in items
                ],
                "tasks": [
                    {"id": t.id, "text": t.text, "to": t.to, "done": t.done, "taken_back": t.taken_back}
                    for t in tasks
                ],
            }
        )
        return 0
    if fd.cover:
        print(_("Handover for {day} (cover: {name})").format(day=day.isoformat(), name=fd.cover))
    else:
        print(_("Handover for {day}").format(day=day.isoformat()))
    for n, i in enumerate(items, 1):
        word = f"  ({item_word(i, lang)})" if not i.label else ""  # what --check takes
        print(f"  {n}. [{'x' if i.done else ' '}] {i.text(fd.cover, lang)}{word}")
    for t in tasks:
        mark = "x" if t.done else " "
        back = "  " + _("(taken back)") if t.taken_back else ""
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
        print(_("No reminders: nothing planned."))
    kinds = {"handover": _("handover"), "start": _("start"), "reflect": _("reflect"), "restore": _("restore")}
    states = {"pending": _("pending"), "shown": _("shown"), "snoozed": _("snoozed"), "done": _("done")}
    width = max(len(t) for t in kinds.values())
    for r in rems:
        flag = " " + _("DUE") if r.is_due(now) else ""
        snooze = (
            " " + _("until {time}").format(time=f"{r.snoozed_until:%Y-%m-%d %H:%M}")
            if r.snoozed_until
            else ""
        )
        when = f"{r.at:%Y-%m-%d %H:%M}"
        kind = kinds.get(r.kind.value, r.kind.value)
        state = states.get(r.state.value, r.state.value)
        for_day = _("for {day}").format(day=r.day.isoformat())
        print(f"{when}  {kind:<{width}} {for_day}  {state}{snooze}{flag}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.settings_schema import Kind, lookup
    from antihjalte_desktop.core.text import dumps, printable
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.settings import Settings

    paths = Paths.resolve(args.home).ensure()
    settings = Settings(paths.settings_file)
    for problem in settings.problems:
        _warn(_("settings: {problem}").format(problem=problem))
    action = args.config_command
    if action == "list":
        if args.json:
            _print_json({s.key: v for s, v in settings.items()})
        else:
            for s, v in settings.items():
                mark = "" if settings.is_default(s.key) else "  " + _("(set)")
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
            _(
                "holidays.country {code!r} is not a country the holidays package knows (e.g. SE, NO, DE)"
            ).format(code=code)
        )


AppRunner = Callable[[argparse.Namespace], int]
ReportExporter = Callable[..., Any]


def _no_app(args: argparse.Namespace) -> int:
    del args
    raise UsageError(_("give a command (see antihjalte --help); the tray app starts from `antihjalte`"))


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


def _home_arg(argv: Sequence[str]) -> str | None:
    """``--home DIR`` / ``--home=DIR`` as given (before the parser, which speaks the language)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--home" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--home="):
            return arg.split("=", 1)[1]
    return None


def _set_language(argv: Sequence[str]) -> None:
    """Speak the profile's ``ui.language`` (unset: the system's) in help, messages and errors;
    argparse's own words too. ``--json``, ``--version`` and ``--self-test`` lines do not change."""
    from antihjalte_desktop.core import i18n
    from antihjalte_desktop.store.language import language, system_language
    from antihjalte_desktop.store.paths import Paths

    try:
        lang = language(Paths.resolve(_home_arg(argv)).settings_file)
    except (KnownError, OSError, ValueError):
        lang = system_language()  # the command reports what is wrong with --home
    i18n.set_language(lang)
    i18n.translate_argparse()


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
        return _("(the log could not be written)")


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
    _set_language(argv)
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

            print(f"antihjalte {version()}")  # untranslated: --version is machine-read
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
        _warn(
            _(
                "some text given to this command is not valid UTF-8, so it was refused (details in {log})"
            ).format(log=where)
        )
        return 1
    except Exception as err:
        where = _log_bug(args)
        _warn(_("internal error ({kind}); details are in {log}").format(kind=type(err).__name__, log=where))
        return 70
