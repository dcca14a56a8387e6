"""``antihjalte insights``: the year in figures (JSON or a short summary), or as a PNG
or one-page PDF report. Only ``--out`` loads Qt, lazily, from ``ui/insights_export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antihjalte_desktop.errors import UsageError

if TYPE_CHECKING:
    from antihjalte_desktop.services.insights import Sources


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("insights", help="the year in figures: days kept, reflections, the unit's days")
    p.add_argument("--year", type=int, metavar="Y", help="the calendar year (default: this year)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--unit", action="store_true", help="the unit's focus days and hero weeks (team feed)")
    p.add_argument("--out", metavar="FILE", help="write a report picture (.png) or one-page report (.pdf)")
    p.set_defaults(handler=cmd_insights)


def _sources(args: argparse.Namespace) -> Sources:
    """The stores the figures come from, opened as lightly as ``plan list`` does: no
    Profile, so no reminder, auto-reply or handover code is imported."""
    from antihjalte_desktop.core.clock import clock_from_env
    from antihjalte_desktop.services.insights import Sources
    from antihjalte_desktop.store.holidays_cache import work_calendar
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.plan_store import PlanStore
    from antihjalte_desktop.store.settings import Settings

    clock = clock_from_env()
    paths = Paths.resolve(args.home).ensure()
    settings = Settings(paths.settings_file)
    calendar = work_calendar(paths.cache, str(settings.get("holidays.country")))
    return Sources(paths, PlanStore(paths.db_file, clock), settings, calendar, clock.now().date())


def cmd_insights(args: argparse.Namespace) -> int:
    from antihjalte_desktop.core.text import print_json
    from antihjalte_desktop.services.insights import gather_from

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".png", ".pdf"):
        raise UsageError(f"--out {args.out}: the report is written as .png or .pdf; name the file so")
    src = _sources(args)
    try:
        year = args.year if args.year is not None else src.today.year
        if not 1900 <= year <= 9999:
            raise UsageError(f"--year {year} is not a calendar year this app can show")
        ins = gather_from(src, year, unit=args.unit or out is not None)
    finally:
        src.plan.close()
    if out is not None:
        from antihjalte_desktop.store.language import system_language

        if args.export_report is None:  # cli.main called without the launcher's Qt part
            raise UsageError("--out needs the app's drawing part: run it as `antihjalte insights --out FILE`")
        lang = str(src.settings.get("ui.language")) or system_language()
        written = args.export_report(ins, out, lang, src.today)
        print(f"Written: {written}")
        return 0
    if args.json:
        print_json(ins.to_json())
        return 0
    print(summary(ins.to_json()))
    return 0


def summary(data: dict[str, Any]) -> str:
    """A few readable lines of the JSON figures."""
    d, c, h = data["days"], data["cadence"], data["handover"]
    lines = [
        f"Insights {data['year']}",
        f"  Focus days: {d['planned']} planned, {d['kept']} kept, {d['moved']} moved, {d['removed']} removed",
        f"  Reflections written on {sum(m['reflections'] for m in data['months'])} of {d['kept']} kept days",
    ]
    if c["every_weeks"]:
        lines.append(
            f"  Cadence every {c['every_weeks']} week{'s' if c['every_weeks'] != 1 else ''}: "
            f"{round(c['kept_ratio'] * 100)} % of the days it asked for, "
            f"longest gap {c['longest_gap_workdays']} workdays"
        )
    else:
        lines.append(f"  No cadence set; longest gap {c['longest_gap_workdays']} workdays")
    if h["tasks_passed"]:
        people = ", ".join(f"{name} {n}" for name, n in h["by_person"].items())
        lines.append(f"  Tasks passed on: {h['tasks_passed']} ({people}), taken back: {h['taken_back']}")
    months = [m for m in data["months"] if m["planned"]]
    if months:
        lines.append("  By month: " + ", ".join(f"{m['month']} {m['kept']}/{m['planned']}" for m in months))
    if "unit" in data:
        if data["unit"]:
            lines.append("  The unit (team feed):")
            for p in data["unit"]:
                lines.append(f"    {p['person']}: {p['focus_days']} focus days, {p['hero_weeks']} hero weeks")
        else:
            lines.append("  The unit: nothing shared in the team feed for this year")
    return "\n".join(lines)
