"""A colleague's process for the concurrency tests: random plan/unplan operations, each followed
by a sync of the shared feed. ``python -m tests.feed.worker HOME SEED OPS``; exit 0 when every
sync got in, and prints the final plan (ISO dates, one per line)."""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

DAYS = [date(2026, 12, 1) + timedelta(days=i) for i in range(60)]


def random_operation(prof: Profile, rnd: random.Random) -> None:
    """Plan a random day of the next 60, or (40 %) unplan one that is planned."""
    planned = prof.plan.day_dates()
    try:
        if planned and rnd.random() < 0.4:
            Planning(prof).unplan_day(rnd.choice(planned))
        else:
            Planning(prof).plan_day(rnd.choice(DAYS), force=True)
    except KnownError:
        pass  # a team rule refused it: that is an operation too


def main() -> int:
    home, seed, ops = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rnd = random.Random(seed)
    prof = Profile(
        Paths.resolve(home), FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm")))
    )
    for _ in range(ops):
        random_operation(prof, rnd)
        st = sync(prof)
        if not st.in_sync:
            print(f"sync failed: {st.reason}", file=sys.stderr)
            return 1
    for d in prof.plan.day_dates():
        print(d.isoformat())
    print(prof.plan.profile_id(), file=sys.stderr)
    prof.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
