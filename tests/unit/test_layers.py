"""The package's layers, read from its source: no import cycles, and every module imports only
the layers below it — core ← store ← feed ← services ← (cli | ui) ← app ← main.

Every import counts: module-level ones, the ones inside functions, those under
``TYPE_CHECKING``, and ``importlib.import_module("...")`` with a literal name. The CLI sits
beside the Qt shell and imports none of it; ``main`` (the launcher) is the one module that
knows both.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PKG = "antihjalte_desktop"
ROOT = Path(__file__).resolve().parents[2] / PKG

# (layer, rank): a module may import a lower rank, or its own layer.
LAYERS = {
    "base": 0,  # the package itself and errors.py: names every layer shares
    "core": 1,
    "store": 2,
    "feed": 3,
    "services": 4,
    "cli": 5,
    "ui": 5,
    "app": 6,
    "main": 7,
}
CLI_MODULES = {
    f"{PKG}.cli", f"{PKG}.cli_input", f"{PKG}.journal_cli", f"{PKG}.insights_cli", f"{PKG}.feed.cli",
    f"{PKG}.feed.netcli", f"{PKG}.argparse_texts",
}  # fmt: skip


def modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def layer(module: str) -> str:
    if module in CLI_MODULES:
        return "cli"
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("errors", "__init__"):
        return "base"
    if parts[1] in ("core", "store", "feed", "services", "ui"):
        return parts[1]
    if parts[1] == "app":
        return "app"
    if parts[1] in ("main", "__main__"):
        return "main"
    raise AssertionError(f"{module}: which layer? (add it to tests/unit/test_layers.py)")


def imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``module`` imports, anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def add(name: str) -> None:
        # the longest known module that ``name`` is or lies in
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != module:
            found.add(name)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PKG):
                    add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            if not base.startswith(PKG):
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                add(full if full in known else base)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and str(node.args[0].value).startswith(PKG)
        ):
            add(str(node.args[0].value))
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {m: imports(m, p, known) for m, p in mods.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_the_scanner_sees_imports_inside_functions_and_type_checking_blocks(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from antihjalte_desktop.app import App\n"
        "def f():\n    import antihjalte_desktop.feed.sync\n"
        "    import importlib\n    importlib.import_module('antihjalte_desktop.ui.tray')\n"
    )
    known = {f"{PKG}.app", f"{PKG}.feed.sync", f"{PKG}.ui.tray", f"{PKG}.ui"}
    assert imports(f"{PKG}.store.m", src, known) == known - {f"{PKG}.ui"}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    found = cycles(graph())
    assert not found, "import cycles:\n" + "\n".join(" ↔ ".join(c) for c in found)


def test_every_layer_imports_only_the_layers_below() -> None:
    bad: dict[str, list[str]] = defaultdict(list)
    for module, targets in graph().items():
        mine = layer(module)
        for target in targets:
            theirs = layer(target)
            if theirs != mine and LAYERS[theirs] >= LAYERS[mine]:
                bad[module].append(f"{target} ({theirs})")
    assert not bad, "imports that go up or sideways:\n" + "\n".join(
        f"{m} ({layer(m)}) → {', '.join(sorted(t))}" for m, t in sorted(bad.items())
    )


def test_no_qt_below_the_shell() -> None:
    qt_users = []
    for module, path in modules().items():
        if layer(module) in ("ui", "app"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                qt_users.append(module)
    assert not qt_users, f"Qt imported outside ui/ and app.py: {sorted(set(qt_users))}"
