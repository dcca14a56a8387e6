"""``antihjalte insights``: the year in figures (JSON or a short summary), or as a PNG
or one-page PDF report. Only ``--out`` loads Qt, lazily, from ``ui/insights_export``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antihjalte_desktop.core.i18n import _, ngettext
from antihjalte_desktop.errors import UsageError

if TYPE_CHECKING:
    from antihjalte_desktop.services.insights import Sources


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "insights", help=_("the year in figures: days kept, reflections, the unit's days")
    )
    p.add_argument("--year", type=int, metavar=_("YEAR"), help=_("the calendar year (default: this year)"))
    p.add_argument(
        "--json",
        action="store_true",
        help=_("print the figures as one JSON object (the same in every language)"),
    )
    p.add_argument("--unit", action="store_true", help=_("the unit's focus days and hero weeks (team feed)"))
    p.add_argument(
        "--out", metavar=_("FILE"), help=_("write a report picture (.png) or one-page report (.pdf)")
    )
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
        raise UsageError(
            _("--out {file}: the report is written as .png or .pdf; name the file so").format(file=args.out)
        )
    src = _sources(args)
    try:
        year = args.year if args.year is not None else src.today.year
        if not 1900 <= year <= 9999:
            raise UsageError(_("--year {year} is not a calendar year this app can show").format(year=year))
        ins = gather_from(src, year, unit=args.unit or out is not None)
    finally:
        src.plan.close()
    if out is not None:
        from antihjalte_desktop.store.language import system_language

        if args.export_report is None:  # cli.main called without the launcher's Qt part
            raise UsageError(
                _("--out needs the app's drawing part: run it as `antihjalte insights --out FILE`")
            )
        lang = str(src.settings.get("ui.language")) or system_language()
        written = args.export_report(ins, out, lang, src.today)
        print(_("Written: {path}").format(path=written))
        return 0
    if args.json:
        print_json(ins.to_json())
        return 0
    print(summary(ins.to_json()))
    return 0


def summary(data: dict[str, Any]) -> str:
    """A few readable lines of the JSON figures, in the language of the messages."""
    d, c, h = data["days"], data["cadence"], data["handover"]
    reflections = sum(m["reflections"] for m in data["months"])
    lines = [
        _("Insights {year}").format(year=data["year"]),
        "  "
        + _("Focus days: {planned} planned, {kept} kept, {moved} moved, {removed} removed").format(
            planned=d["planned"], kept=d["kept"], moved=d["moved"], removed=d["removed"]
        ),
        "  "
        + ngettext(
            "Reflections written on {n} of {kept} kept day",
            "Reflections written on {n} of {kept} kept days",
            d["kept"],
        ).format(n=reflections, kept=d["kept"]),
    ]
    gap = ngettext("longest gap {n} workday", "longest gap {n} workdays", c["longest_gap_workdays"]).format(
        n=c["longest_gap_workdays"]
    )
    if c["every_weeks"]:
        n = c["every_weeks"]
        lines.append(
            "  "
            + ngettext(
                "Cadence every {n} week: {percent} % of the days it asked for, {gap}",
                "Cadence every {n} weeks: {percent} % of the days it asked for, {gap}",
                n,
            ).format(n=n, percent=round(c["kept_ratio"] * 100), gap=gap)
        )
    else:
        lines.append("  " + _("No cadence set; {gap}").format(gap=gap))
    if h["tasks_passed"]:
        people = ", ".join(f"{name} {n}" for name, n in h["by_person"].items())
        lines.append(
            "  "
            + _("Tasks passed on: {n} ({people}), taken back: {back}").format(
                n=h["tasks_passed"], people=people, back=h["taken_back"]
            )
        )
    months = [m for m in data["months"] if m["planned"]]
    if months:
        lines.append(
            "  "
            + _("By month: {months}").format(
                months=", ".join(f"{m['month']} {m['kept']}/{m['planned']}" for m in months)
            )
        )
    if "unit" in data:
        if data["unit"]:
            lines.append("  " + _("The unit (team feed):"))
            for p in data["unit"]:
                lines.append(
                    "    "
                    + _("{person}: {days} focus days, {weeks} hero weeks").format(
                        person=p["person"], days=p["focus_days"], weeks=p["hero_weeks"]
                    )
                )
        else:
            lines.append("  " + _("The unit: nothing shared in the team feed for this year"))
    return "\n".join(lines)
