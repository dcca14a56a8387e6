"""The PyInstaller one-folder bundle builds and runs: --version, the Swedish self-test,
and a real planning command that needs the bundled holiday data.

Building takes about a minute here, so it runs in CI (where it fits the time budget)
and on a laptop only with ANTIHJALTE_BUNDLE=1; `bash packaging/build-bundle.sh` does the
same by hand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_bundle_builds_and_runs(tmp_path: Path) -> None:
    if not (IN_CI or os.environ.get("ANTIHJALTE_BUNDLE") == "1"):
        pytest.skip("builds for a minute: runs in CI, or set ANTIHJALTE_BUNDLE=1")
    dist, work = tmp_path / "dist", tmp_path / "build"
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "pyinstaller is missing from the test venv (it is in the test extras)"
    subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
         str(ROOT / "packaging" / "antihjalte.spec")],
        check=True, capture_output=True, timeout=900, cwd=ROOT,
    )  # fmt: skip
    exe = dist / "antihjalte" / "antihjalte"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8",
           "ANTIHJALTE_NOW": "2026-11-30T09:00:00+01:00"}  # fmt: skip
    home = tmp_path / "p"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), "--home", str(home), *args], capture_output=True, text=True,
                              env=env, timeout=120)  # fmt: skip

    v = run("--version")
    assert v.returncode == 0 and v.stdout.strip() == "antihjalte 0.1.0", v.stdout + v.stderr
    assert run("config", "set", "ui.language", "sv").returncode == 0
    st = run("--self-test")
    assert st.returncode == 0, st.stdout + st.stderr
    assert "translation: sv" in st.stdout and "ready in" in st.stdout, st.stdout
    planned = run("plan", "add", "2026-12-04")  # in Swedish: the bundle carries the CLI's .mo
    assert planned.returncode == 0 and planned.stdout.strip() == "Planerad: 2026-12-04", planned.stdout
    refused = run("plan", "add", "2026-12-25")
    assert refused.returncode == 1 and "Juldagen" in refused.stderr, refused.stderr
