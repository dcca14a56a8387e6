"""The team feed on a big organisation feed (issues 6 and 15).

A generated feed shaped like a real unit's calendar (``tests/feed/gen.py``, ``generate_unit``):
20,000 events of 50 people over two years around today, Exchange style (a VTIMEZONE with a
Windows name, folded lines, VALARMs), a quarter all-day absences (most busy), meetings of
15 minutes to 7 hours (about 70 % of all events timed with a TZID, some in UTC), about 5 %
weekly series with an EXDATE and a moved occurrence. Measured in one run:

- icalendar's bare parse + serialize of the file (the baseline; measured before and after the
  syncs, the lower one used), and recurring-ical-events for one month;
- syncs that must index every event (``antihjalte sync`` as a process): the first sync, a sync
  after the index file was deleted, a sync after another tool re-wrote every event (line
  endings): goal ≤ 0.25× the baseline each, peak RSS ≤ ``plan list``'s + 3× the file;
- a sync after Outlook re-stamped every event (DTSTAMP, LAST-MODIFIED): no event re-read;
- a full sync after a colleague changed one event and this profile planned a day: ≤ 0.25×;
- a sync when nothing changed, and ``antihjalte team`` for one month (with its count of
  absences), each against ``antihjalte plan list`` (the CLI's own start-up): ≤ +50 ms (medians).

    python benchmarks/bench_feed.py            # 5,000 events (quick)
    ANTIHJALTE_FULL=1 python benchmarks/bench_feed.py    # the full 20,000
    python benchmarks/run.py feed
"""

from __future__ import annotations

import json
import os
import re
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
    wall, _cpu, rss = run_timed(cmd, env)
    return wall, rss, 0


def run_timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, from GNU time; less moved by other load on the
    machine than the wall time), peak RSS in bytes."""
    wrapped = [TIME, "-f", "@@%M %U %S", *cmd] if os.path.exists(TIME) else cmd
    t = time.perf_counter()
    p = subprocess.run(wrapped, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    err = p.stderr.decode(errors="replace")
    if p.returncode != 0:
        raise SystemExit(f"bench_feed: {' '.join(cmd)} failed: {err}")
    rss, cpu = 0, 0.0
    for line in err.splitlines():
        if line.startswith("@@"):
            kb, user, system = line[2:].split()
            rss, cpu = int(kb) * 1024, float(user) + float(system)
    return wall, cpu, rss


def change_one_event(path: Path) -> None:
    """A colleague edits one event (another tool writes the file)."""
    data = path.read_bytes()
    i = data.index(b"SUMMARY;LANGUAGE=sv-SE:", len(data) // 2)
    j = data.index(b"\n", i)
    j -= data[j - 1 : j] == b"\r"
    path.write_bytes(data[:i] + b"SUMMARY;LANGUAGE=sv-SE:Flyttat m\xc3\xb6te" + data[j:])


def run() -> list[dict[str, Any]]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    try:
        return _run(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _baseline(feed: Path) -> tuple[float, float, float]:
    """icalendar 7's parse and serialize of the file, recurring-ical-events for a month (a process)."""
    out = subprocess.run(
        [sys.executable, "-c", BASELINE, str(feed)], capture_output=True, text=True, check=True
    ).stdout.split()
    parse_s, ser_s, month_s = (float(x) for x in out)
    return parse_s, ser_s, month_s


_STAMP = re.compile(rb"\n(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z")


def _restamp(path: Path, stamp: bytes) -> None:
    """Outlook publishes again: every colleague's DTSTAMP and LAST-MODIFIED is new, nothing else."""
    from antihjalte_desktop.feed import rawics

    data = path.read_bytes()
    doc = rawics.split(data)
    out, pos = [], 0
    for c in doc.components:
        if c.owner:  # this profile's own events are its own business
            continue
        out.append(data[pos : c.start])
        out.append(
            re.sub(rb"\n(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z", rb"\n\1:" + stamp, data[c.start : c.end])
        )
        pos = c.end
    out.append(data[pos:])
    path.write_bytes(b"".join(out))


def _run(tmp: Path) -> list[dict[str, Any]]:
    from tests.feed.gen import generate_unit

    rows: list[dict[str, Any]] = []
    feed = tmp / "share" / "team.ics"
    feed.parent.mkdir()
    data = generate_unit(EVENTS, seed=3)
    feed.write_bytes(data)
    size = len(data)
    del data
    rows.append({"name": f"feed size ({EVENTS:,} events)", "value": size / 1e6, "unit": "MB"})

    parse_s, ser_s, month_s = _baseline(feed)

    exe = entry_script()
    home = tmp / "home"
    env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW=NOW, TZ="Europe/Stockholm")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what users run: with .pyc files
    subprocess.run([exe, "config", "set", "me.name", "Monica Eriksson"], env=env, check=True)
    subprocess.run([exe, "feed", "set", str(feed)], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([exe, "plan", "add", "2026-12-04"], env=env, check=True, stdout=subprocess.DEVNULL)
    cli_rss = statistics.median(run_measured([exe, "plan", "list"], env)[1] for _ in range(3))

    cold: list[tuple[str, float, int]] = []
    wall, rss, _ = run_measured([exe, "sync"], env)
    cold.append(("first sync (index every event, merge, write)", wall, rss))
    index_file = home / "data" / "feed-index.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        index_file.with_name(index_file.name + suffix).unlink(missing_ok=True)
    wall, rss, _ = run_measured([exe, "sync"], env)
    cold.append(("sync after the index file was deleted", wall, rss))
    feed.write_bytes(feed.read_bytes().replace(b"\r\n", b"\n"))  # another tool re-writes every event
    wall, rss, _ = run_measured([exe, "sync"], env)
    cold.append(("sync after another tool re-wrote every event", wall, rss))
    _restamp(feed, b"20261130T081500Z")
    restamp, _rss, _ = run_measured([exe, "sync"], env)

    parse2, ser2, _m = _baseline(feed)
    baseline = min(parse_s + ser_s, parse2 + ser2)
    rows.append({"name": "icalendar parse", "value": parse_s, "unit": "s"})
    rows.append({"name": "icalendar serialize", "value": ser_s, "unit": "s"})
    again = parse2 + ser2
    rows.append({"name": "icalendar parse + serialize, again after the syncs", "value": again, "unit": "s"})
    rows.append({"name": "recurring-ical-events, one month", "value": month_s, "unit": "s"})
    limit = cli_rss + 3 * size
    for name, wall, rss in cold:
        rows.append({"name": name, "value": wall, "unit": "s"})
        rows.append(
            {
                "name": "  vs icalendar parse + serialize",
                "value": wall / baseline,
                "unit": "x",
                "goal": "<= 0.25x",
                "ok": wall / baseline <= 0.25,
            }
        )
        rows.append(
            {
                "name": "  peak RSS",
                "value": rss / 1e6,
                "unit": "MB",
                "goal": f"<= {limit / 1e6:.0f} MB (CLI {cli_rss / 1e6:.0f} + 3x file)"
                + ("" if EVENTS >= 20000 else ", for 20,000 events"),
                "ok": rss <= limit if EVENTS >= 20000 else None,
            }
        )
    rows.append({"name": "sync after Outlook re-stamped every event", "value": restamp, "unit": "s"})

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
    team_out = subprocess.run(team_cmd, env=env, check=True, capture_output=True, text=True).stdout
    absences = sum(1 for e in json.loads(team_out) if e["kind"] == "away")
    for cmd in ([exe, "plan", "list"], [exe, "sync"], team_cmd):
        run_measured(cmd, env)
    starts, syncs, teams, rss_list = [], [], [], []
    cpu_start, cpu_sync, cpu_team = [], [], []
    for _ in range(RUNS):
        w, cpu, r = run_timed([exe, "plan", "list"], env)
        starts.append(w)
        cpu_start.append(cpu)
        rss_list.append(r)
        w, cpu, _r = run_timed([exe, "sync"], env)
        syncs.append(w)
        cpu_sync.append(cpu)
        w, cpu, _r = run_timed(team_cmd, env)
        teams.append(w)
        cpu_team.append(cpu)
    start = statistics.median(starts)
    d_sync = (statistics.median(syncs) - start) * 1000
    d_team = (statistics.median(teams) - start) * 1000
    c_start = statistics.median(cpu_start)
    rows.append({"name": "`antihjalte plan list` (start-up)", "value": start * 1000, "unit": "ms"})
    rows.append({"name": "  its CPU time (user + system)", "value": c_start * 1000, "unit": "ms"})
    rows.append(
        {
            "name": "CPU time over start-up: sync (nothing changed) / team view",
            "value": f"+{(statistics.median(cpu_sync) - c_start) * 1000:.0f} / "
            f"+{(statistics.median(cpu_team) - c_start) * 1000:.0f}",
            "unit": "ms",
        }
    )
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
            "name": f"team view, December ({absences} absences): more than start-up",
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
        text = val if isinstance(val, str) else f"{val:.3f}" if abs(val) < 10 else f"{val:.0f}"
        print(f"{r['name']:<{width}}  {text:>8} {r.get('unit', ''):<3} {r.get('goal', '')} {ok}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
