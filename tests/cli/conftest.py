"""`ah(...)`: the real `antihjalte` command in a subprocess, checked for its exit code
and for never printing a traceback."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from ..conftest import Cli


class Run:
    def __init__(self, cli: Cli) -> None:
        self.cli = cli

    def __call__(
        self, *args: str, code: int = 0, now: str | None = None, input: str | None = None, **env: str
    ) -> subprocess.CompletedProcess[str]:
        e = self.cli.env(**env)
        if now:
            e["ANTIHJALTE_NOW"] = now
        proc = self.cli(*args, env=e, input=input)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stdout, proc.stdout
        assert proc.returncode == code, f"antihjalte {' '.join(args)} -> {proc.returncode}\n{proc.stderr}"
        if code:
            lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
            assert lines, "a failure must say why on stderr"
            if code == 1:
                assert len(lines) == 1, proc.stderr  # one clear line
        return proc

    def json(self, *args: str, **kw: Any) -> Any:
        return json.loads(self(*args, "--json", **kw).stdout)


@pytest.fixture
def ah(cli: Cli) -> Run:
    """Monday 30 November 2026 09:00 (Stockholm) unless ``now=`` says otherwise."""
    return Run(cli)
