"""A colleague's process for the network concurrency tests: random plan/unplan operations, each
followed by a sync of a network feed. ``python -m tests.network.worker HOME SEED OPS URL USER``
with the password on standard input (kept in memory only, as the app does without a keyring).
A failed sync (a conflict, the server down) is retried by the next operation; at the end the
worker syncs until in sync (60 s at most). Prints the final plan (ISO dates, one per line) and,
on stderr, the profile id last."""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.store import secrets
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from tests.feed.worker import random_operation


def main() -> int:
    home, seed, ops, url, user = (
        Path(sys.argv[1]),
        int(sys.argv[2]),
        int(sys.argv[3]),
        sys.argv[4],
        sys.argv[5],
    )
    secrets.remember_for_session(url, user, sys.stdin.readline().rstrip("\n"))
    rnd = random.Random(seed)
    prof = Profile(
        Paths.resolve(home), FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm")))
    )
    prof.settings.set("feed.location", url)
    prof.settings.set("feed.user", user)
    prof.settings.set("me.name", f"Kollega {seed}")
    failed = 0
    for _ in range(ops):
        random_operation(prof, rnd)
        if not sync(prof).in_sync:
            failed += 1
    end = time.monotonic() + 60
    while True:
        st = sync(prof, force=True)
        if st.in_sync:
            break
        if time.monotonic() > end:
            print(f"never got in sync: {st.reason}", file=sys.stderr)
            return 1
        time.sleep(0.2 + rnd.random() * 0.3)
    for d in prof.plan.day_dates():
        print(d.isoformat())
    print(f"failed syncs on the way: {failed}", file=sys.stderr)
    print(prof.plan.profile_id(), file=sys.stderr)
    prof.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
