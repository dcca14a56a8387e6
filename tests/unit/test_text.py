"""core/text.py: the one definition of a control character, used at both walls."""

from __future__ import annotations

import pytest

from antihjalte_desktop.core.text import control_problem, drop_controls, loads_json, shown


@pytest.mark.parametrize(
    "ch",
    [
        "\x00",
        "\x01",
        "\t",
        "\n",
        "\r",
        "\x0b",
        "\x1b",
        "\x1f",
        "\x7f",
        "\x80",
        "\x85",
        "\x9f",
        "\u2028",
        "\u2029",
    ],
)
def test_every_control_character_is_refused_and_dropped(ch: str) -> None:
    assert control_problem(f"a{ch}b") is not None
    assert f"U+{ord(ch):04X}" in (control_problem(f"a{ch}b") or "")
    assert drop_controls(f"a{ch}b") in ("ab", "a b")
    assert "\\u" in shown(f"a{ch}b")


def test_ordinary_text_passes() -> None:
    for text in ("Åsa Öberg", "😀 emoji", "a\u200db", "‘quotes’ — dash", ""):
        assert control_problem(text) is None
        assert drop_controls(text) == text


def test_lone_surrogates_are_not_text() -> None:
    assert control_problem("a\ud800") == "is not valid UTF-8 text"
    assert drop_controls("a\udfffb") == "ab"


def test_line_breaks_become_the_given_newline() -> None:
    assert drop_controls("a\r\nb\rc\nd\u2028e\x85f", newline="\n") == "a\nb\nc\nd\ne\nf"
    assert drop_controls("a\r\nb\tc", newline=" ") == "a b c"
    assert control_problem("a\nb\tc", allow="\n\t") is None


def test_deep_json_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="nested too deeply"):
        loads_json("[" * 100_000)
    assert loads_json('{"a": [1]}') == {"a": [1]}
