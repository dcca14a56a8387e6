"""Every window at 200 % (QT_SCALE_FACTOR=2) on a real X server, in Swedish and in English, saved
as tests/_artifacts/a11y-200-<window>-<language>.png for a person to look at."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.a11y.conftest import A11ySession, start_session
from tests.a11y.test_atspi_names import WINDOWS
from tests.harness.xvfb import ARTIFACTS

SHOTS = {**WINDOWS, "planner": "open planner 2026-12-02", "journal": "open journal"}


@pytest.fixture(scope="module", params=["sv", "en"])
def big(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[A11ySession]:
    yield from start_session(
        tmp_path_factory.mktemp(f"shots-{request.param}"), request.param, scale="2", size=(2560, 1600)
    )


def test_windows_at_200_percent(big: A11ySession) -> None:
    from PySide6.QtGui import QImage

    big.cli("plan", "add", "2026-12-02", check=True)
    for name, command in sorted(SHOTS.items()):
        reply = big.cmd(command)
        if reply.get("missing"):
            continue
        # A window just mapped may not be painted yet (Xvfb shows black until the first paint
        # reaches it): take the picture again until it shows something, for a few seconds.
        deadline = time.monotonic() + 10
        target = ARTIFACTS / f"a11y-200-{name}-{big.language}.png"
        while True:
            path = big.x.screenshot(target, window=str(reply["wid"]))
            image = QImage(str(path))
            assert not image.isNull(), path
            grid = ((x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17))
            colours = {image.pixel(x, y) for x, y in grid}
            if len(colours) > 3 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert image.width() >= 400 and image.height() >= 200, (name, image.size())
        assert len(colours) > 3, f"{name}: the screenshot is blank"

