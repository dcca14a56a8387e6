"""packaging/start.sh installs only when something changed, and the tray app without a display
says so in one line (exit 1) before Qt's platform plugin can abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/bin/sh
# A stand-in for .venv/bin/python: records a pip install and "installs" the console script.
echo "$*" >> "$(dirname "$0")/../pip-calls.log"
cat > "$(dirname "$0")/antihjalte" <<'INNER'
#!/bin/sh
echo "antihjalte started with: $*"
INNER
chmod +x "$(dirname "$0")/antihjalte"
"""


def _checkout(tmp: Path) -> Path:
    """What start.sh reads: pyproject.toml, the package's files, the script; and a .venv whose
    python is a recorder, so no real install runs."""
    src = tmp / "checkout"
    (src / "packaging").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", src / "pyproject.toml")
    shutil.copy(ROOT / "packaging" / "start.sh", src / "packaging" / "start.sh")
    shutil.copytree(ROOT / "antihjalte_desktop", src / "antihjalte_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    venv_bin = src / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "python").write_text(FAKE_PYTHON)
    (venv_bin / "python").chmod(0o755)
    return src


def _start(src: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": sys.executable, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(["bash", str(src / "packaging" / "start.sh"), *args], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def _pip_calls(src: Path) -> list[str]:
    log = src / ".venv" / "pip-calls.log"
    return log.read_text().splitlines() if log.exists() else []


def test_second_start_skips_the_install(tmp_path: Path) -> None:
    src = _checkout(tmp_path)
    first = _start(src, "--version")
    assert first.returncode == 0, first.stderr
    assert "Installing" in first.stdout
    assert len(_pip_calls(src)) == 1 and "pip install" in _pip_calls(src)[0]
    assert "antihjalte started with: --version" in first.stdout

    second = _start(src, "status")
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    assert len(_pip_calls(src)) == 1  # pip was not called again
    assert "antihjalte started with: status" in second.stdout


def test_a_changed_pyproject_or_a_new_module_installs_again(tmp_path: Path) -> None:
    src = _checkout(tmp_path)
    _start(src)
    (src / "antihjalte_desktop" / "new_module.py").write_text("")
    assert "Installing" in _start(src).stdout
    assert len(_pip_calls(src)) == 2
    assert "up to date" in _start(src).stdout
    with (src / "pyproject.toml").open("a") as f:
        f.write("\n# changed\n")
    assert "Installing" in _start(src).stdout
    assert len(_pip_calls(src)) == 3


def test_an_edited_module_needs_no_install(tmp_path: Path) -> None:
    src = _checkout(tmp_path)
    _start(src)
    with (src / "antihjalte_desktop" / "main.py").open("a") as f:
        f.write("\n# edited\n")
    assert "up to date" in _start(src).stdout  # the install is editable
    assert len(_pip_calls(src)) == 1


def _without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_no_display_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(tmp_path / "p")],
        env=_without_display(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "DISPLAY" in lines[0] and "WAYLAND_DISPLAY" in lines[0]
    assert "xcb" not in proc.stderr.lower()
    assert proc.stdout == ""


def test_a_platform_the_user_chose_is_respected_without_a_display(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(tmp_path / "p"), "--self-test"],
        env=_without_display(QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "ready in" in proc.stdout


def test_the_command_line_needs_no_display(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(tmp_path / "p"), "config", "get",
         "me.name"],
        env=_without_display(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
