"""The team feed on a big organisation feed (issue 6).

A generated feed of 20,000 events (a 50-person unit over four years, Outlook style,
about 15-18 MB, 5 % recurring with EXDATEs; ``tests/feed/gen.py``). Measured in one run:

- icalendar's bare parse + serialize of the file, and recurring-ical-events for one month
  (the baselines);
- the first sync (cold: the occurrence index is built once);
- a full sync after a colleague changed one event and this profile planned a day
  (read, merge, write: ``antihjalte sync`` as a process) against icalendar's parse +
  serialize: goal ≤ 0.25×;
- a sync when nothing changed, and ``antihjalte team`` for one month, each against
  ``antihjalte plan list`` (the CLI's own start-up): goal ≤ +50 ms (medians);
- the peak RSS of that full sync against ``plan list``'s RSS + 3× the file size.

    python benchmarks/bench_feed.py            # 5,000 events (quick)
    ANTIHJALTE_FULL=1 python benchmarks/bench_feed.py    # the full 20,000
    python benchmarks/run.py feed
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_cli import entry_script  # noqa: E402 - after the sys.path line above

FULL = os.environ.get("ANTIHJALTE_FULL") == "1"
EVENTS = int(os.environ.get("ANTIHJALTE_BENCH_EVENTS", "20000" if FULL else "5000"))
RUNS = int(os.environ.get("ANTIHJALTE_BENCH_RUNS", "11"))
NOW = "2026-11-30T09:00:00+01:00"


TIME = shutil.which("time") or "/usr/bin/time"


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in bytes, exit code. The RSS comes from GNU time around the
    command: a child forked straight from this (big) process would report our pages too."""
    wrapped = [TIME, "-f", "@@%M", *cmd] if os.path.exists(TIME) else cmd
    t = time.perf_counter()
    p = subprocess.run(wrapped, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    err = p.stderr.decode(errors="replace")
    if p.returncode != 0:
        raise SystemExit(f"bench_feed: {' '.join(cmd)} failed: {err}")
    rss = 0
    for line in err.splitlines():
        if line.startswith("@@"):
            rss = int(line[2:]) * 1024
    return wall, rss, p.returncode


def change_one_event(path: Path) -> None:
    """A colleague edits one event (another tool writes the file)."""
    data = path.read_bytes()
    i = data.index(b"SUMMARY;LANGUAGE=sv-SE:", len(data) // 2)
    j = data.index(b"\r\n", i)
    path.write_bytes(data[:i] + b"SUMMARY;LANGUAGE=sv-SE:Flyttat m\xc3\xb6te" + data[j:])


def run() -> list[dict[str, Any]]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    try:
        return _run(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(tmp: Path) -> list[dict[str, Any]]:
    from tests.feed.gen import generate

    rows: list[dict[str, Any]] = []
    feed = tmp / "share" / "team.ics"
    feed.parent.mkdir()
    data = generate(EVENTS, seed=3)
    feed.write_bytes(data)
    size = len(data)
    del data
    rows.append({"name": f"feed size ({EVENTS:,} events)", "value": size / 1e6, "unit": "MB"})

    # -- baselines: icalendar 7 and recurring-ical-events, in a separate process
    base = subprocess.run(
        [sys.executable, "-c", BASELINE, str(feed)], capture_output=True, text=True, check=True
    ).stdout.split()
    parse_s, ser_s, month_s = (float(x) for x in base)
    baseline = parse_s + ser_s
    rows.append({"name": "icalendar parse", "value": parse_s, "unit": "s"})
    rows.append({"name": "icalendar serialize", "value": ser_s, "unit": "s"})
    rows.append({"name": "recurring-ical-events, one month", "value": month_s, "unit": "s"})

    exe = entry_script()
    home = tmp / "home"
    env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW=NOW, TZ="Europe/Stockholm")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what users run: with .pyc files
    subprocess.run([exe, "config", "set", "me.name", "Monica Eriksson"], env=env, check=True)
    subprocess.run([exe, "feed", "set", str(feed)], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([exe, "plan", "add", "2026-12-04"], env=env, check=True, stdout=subprocess.DEVNULL)
    cold, cold_rss, _ = run_measured([exe, "sync"], env)
    rows.append({"name": "first sync (builds the index once)", "value": cold, "unit": "s"})

    # -- a full sync after one colleague change (and one own change, so it writes)
    change_one_event(feed)
    subprocess.run([exe, "plan", "add", "2026-12-08"], env=env, check=True, stdout=subprocess.DEVNULL)
    full, full_rss, _ = run_measured([exe, "sync"], env)
    ratio = full / baseline
    rows.append({"name": "full sync after one change (read, merge, write)", "value": full, "unit": "s"})
    rows.append(
        {
            "name": "  vs icalendar parse + serialize",
            "value": ratio,
            "unit": "x",
            "goal": "<= 0.25x",
            "ok": ratio <= 0.25,
        }
    )

    # -- no-change sync and the team view against the CLI's own start-up (interleaved, after a warm-up)
    team_cmd = [exe, "team", "--from", "2026-12-01", "--to", "2026-12-31", "--json"]
    for cmd in ([exe, "plan", "list"], [exe, "sync"], team_cmd):
        run_measured(cmd, env)
    starts, syncs, teams, rss_list = [], [], [], []
    for _ in range(RUNS):
        w, r, _ = run_measured([exe, "plan", "list"], env)
        starts.append(w)
        rss_list.append(r)
        syncs.append(run_measured([exe, "sync"], env)[0])
        teams.append(run_measured(team_cmd, env)[0])
    start = statistics.median(starts)
    d_sync = (statistics.median(syncs) - start) * 1000
    d_team = (statistics.median(teams) - start) * 1000
    rows.append({"name": "`antihjalte plan list` (start-up)", "value": start * 1000, "unit": "ms"})
    rows.append(
        {
            "name": "sync, nothing changed: more than start-up",
            "value": d_sync,
            "unit": "ms",
            "goal": "<= +50 ms",
            "ok": d_sync <= 50,
        }
    )
    rows.append(
        {
            "name": "team view, one month: more than start-up",
            "value": d_team,
            "unit": "ms",
            "goal": "<= +50 ms",
            "ok": d_team <= 50,
        }
    )
    cli_rss = statistics.median(rss_list)
    limit = cli_rss + 3 * size
    rows.append(
        {
            "name": "peak RSS of the full sync",
            "value": full_rss / 1e6,
            "unit": "MB",
            # The goal is set for the 15-20 MB feed of the issue; on the quick 4 MB feed the fixed
            # cost (icalendar for the changed event, ~5 MB) weighs more than three file sizes.
            "goal": f"<= {limit / 1e6:.0f} MB (CLI {cli_rss / 1e6:.0f} + 3x file)"
            + ("" if EVENTS >= 20000 else ", for 20,000 events"),
            "ok": full_rss <= limit if EVENTS >= 20000 else None,
        }
    )
    rows.append({"name": "peak RSS of the first (cold) sync", "value": cold_rss / 1e6, "unit": "MB"})
    return rows


BASELINE = r"""
import sys, time
from datetime import date
import icalendar, recurring_ical_events
data = open(sys.argv[1], "rb").read()
t = time.perf_counter(); cal = icalendar.Calendar.from_ical(data); parse = time.perf_counter() - t
t = time.perf_counter(); cal.to_ical(); ser = time.perf_counter() - t
t = time.perf_counter(); recurring_ical_events.of(cal).between(date(2026, 12, 1), date(2027, 1, 1))
month = time.perf_counter() - t
print(parse, ser, month)
"""


def main() -> int:
    rows = run()
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        ok = {True: "ok", False: "NOT MET", None: ""}[r.get("ok")]
        val = r["value"]
        text = f"{val:.3f}" if abs(val) < 10 else f"{val:.0f}"
        print(f"{r['name']:<{width}}  {text:>8} {r.get('unit', ''):<3} {r.get('goal', '')} {ok}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
