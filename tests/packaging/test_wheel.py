"""A plain wheel from a clean checkout carries what the app needs, and runs.

The wheel is built with pip (build isolation, like `pip install .`), installed into a
fresh virtual environment, and started from there: `antihjalte --version` and
`antihjalte --self-test` (offscreen), then the icons and the .qm files are loaded from
the installed package, not from the source tree. To save minutes, the fresh venv reuses
the dependencies of the test venv through a .pth line (its own site-packages, where our
wheel goes, comes first on sys.path; the test venv's editable install is not active there).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = tmp_path_factory.mktemp("src") / "checkout"
    # A clean checkout: only what git tracks (plus the working tree's changes to tracked files).
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        path = ROOT / rel
        if path.is_file():
            dest = src / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(path.read_bytes())
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    wheels = list(out.glob("antihjalte_desktop-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    py = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "_deps_from_test_venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)  # a pure wheel: unpacking it is what an installer does
    # The console script, as an installer would write it.
    script = env_dir / "bin" / "antihjalte"
    script.write_text(f"#!{py}\nimport sys\nfrom antihjalte_desktop.main import main\nsys.exit(main())\n")
    script.chmod(0o755)
    return env_dir


def _run(venv: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    e = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    e.update(env)
    return subprocess.run([str(venv / "bin" / "antihjalte"), *args], capture_output=True, text=True,
                          env=e, timeout=120, cwd=venv)  # fmt: skip


def test_wheel_contains_the_compiled_resources(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "antihjalte_desktop/ui/resources.py" in names, names
    assert "antihjalte_desktop/locale/sv/LC_MESSAGES/antihjalte.mo" in names, names  # the CLI's Swedish


def test_installed_version_and_self_test(venv: Path, tmp_path: Path) -> None:
    v = _run(venv, "--version")
    assert v.returncode == 0 and v.stdout.strip() == "antihjalte 0.1.0", v.stdout + v.stderr
    st = _run(venv, "--home", str(tmp_path / "p"), "--self-test", QT_QPA_PLATFORM="offscreen")
    assert st.returncode == 0, st.stdout + st.stderr
    assert "ready in" in st.stdout
    # The command line speaks Swedish from the installed package (its .mo is package data).
    home = str(tmp_path / "p")
    assert _run(venv, "--home", home, "config", "set", "ui.language", "sv").returncode == 0
    now = "2026-11-30T09:00:00+01:00"
    planned = _run(venv, "--home", home, "plan", "add", "2026-12-04", ANTIHJALTE_NOW=now)
    assert planned.returncode == 0 and planned.stdout.strip() == "Planerad: 2026-12-04", planned.stdout


def test_resources_load_from_the_installed_package(venv: Path) -> None:
    code = (
        "import antihjalte_desktop, pathlib, sys\n"
        "from importlib import resources\n"
        "where = antihjalte_desktop.__file__\n"
        "assert 'site-packages' in where, where\n"
        "from PySide6.QtCore import QDir, QTranslator\n"
        "from PySide6.QtGui import QGuiApplication, QIcon\n"
        "app = QGuiApplication([])\n"
        "from antihjalte_desktop.ui import resources, icons\n"
        "assert 'site-packages' in resources.__file__, resources.__file__\n"
        "t = QTranslator(); assert t.load(':/i18n/antihjalte_sv.qm')\n"
        "names = QDir(':/icons').entryList()\n"
        "assert len(names) >= 10, names\n"
        "assert all(not QIcon(':/icons/' + n).pixmap(32, 32).isNull() for n in names), names\n"
        "for st in icons.TrayState: assert not icons.tray_icon(st).isNull()\n"
        "print('ok', len(names))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    py = str(venv / "bin" / "python")
    res = subprocess.run([py, "-c", code], capture_output=True, text=True, timeout=120, env=env, cwd=venv)
    assert res.returncode == 0 and res.stdout.startswith("ok"), res.stdout + res.stderr
