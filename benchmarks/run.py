#!/usr/bin/env python3
"""Run the benchmarks and print a table of figures.

    python benchmarks/run.py              # every benchmarks/bench_*.py
    python benchmarks/run.py cli          # only bench_cli.py
    python benchmarks/run.py --json       # the rows as JSON (for CI artefacts)

Adding a benchmark: create ``benchmarks/bench_<name>.py`` with a function
``run() -> list[dict]``. Each row is a dict with ``name`` and ``value`` (a number),
and optionally ``unit`` (e.g. "ms", "x"), ``goal`` (text such as "<= 3x") and
``ok`` (True/False/None: whether the goal is met). The runner only measures what
the modules return; nothing here is asserted in the test suite. Heavy benchmarks
should honour ``ANTIHJALTE_FULL=1`` for full counts and keep a quick default.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def discover(names: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if names:
        wanted = {n.removeprefix("bench_").removesuffix(".py") for n in names}
        found = [f for f in found if f.stem.removeprefix("bench_") in wanted]
        missing = wanted - {f.stem.removeprefix("bench_") for f in found}
        if missing:
            raise SystemExit(f"run.py: no benchmark named {', '.join(sorted(missing))}")
    return found


def load(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"benchmarks.{path.stem}", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def fmt_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def print_table(rows: list[dict[str, Any]]) -> None:
    header = ["benchmark", "figure", "value", "unit", "goal", "ok"]
    table = [header] + [
        [
            r["bench"],
            str(r["name"]),
            fmt_value(r["value"]),
            str(r.get("unit", "")),
            str(r.get("goal", "")),
            {True: "yes", False: "NO", None: ""}[r.get("ok")],
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for n, row in enumerate(table):
        cells = [
            c.rjust(w) if i == 2 else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    rows: list[dict[str, Any]] = []
    failed = False
    for path in discover(args.names):
        name = path.stem.removeprefix("bench_")
        print(f"run.py: {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            mod = load(path)
            bench = getattr(mod, "run", None)
            if bench is None:
                rows.append(
                    {"bench": name, "name": f"(no run(); run it alone: python {path.name})", "value": "-"}
                )
                continue
            for row in bench():
                rows.append({"bench": name, **row})
                failed |= row.get("ok") is False
        except Exception as err:  # one broken benchmark must not hide the others' figures
            rows.append(
                {"bench": name, "name": f"failed: {type(err).__name__}: {err}", "value": "-", "ok": False}
            )
            failed = True
        print(f"run.py: {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print_table(rows)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
