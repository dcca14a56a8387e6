"""The store's messages, the journal and the insights commands in Swedish: every failure the same
exit code in both languages, the Swedish line different from the English one and free of its
words; ``--json`` the same in both; ``--help`` of journal and insights in Swedish."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from antihjalte_desktop.store.journal_store import MAX_IMPORT_BYTES
from antihjalte_desktop.store.settings import MAX_SETTINGS_BYTES
from tests import swedish

from ..conftest import Cli, require, require_tools


def english_words(text: str, *paths: Path) -> list[str]:
    """The English words left in ``text`` once paths, commands in backticks, setting keys and option names
    (``--force``) are taken out."""
    return swedish.english_words(
        text,
        r"`[^`]*`",
        r"\b\w+(?:\.\w+)+\b",  # setting keys (feed.password), journal.json
        r"(?<![\w-])--?[A-Za-z][\w-]*",
        paths=paths,
    )


def lang_env(cli: Cli, lang: str) -> dict[str, str]:
    """The locale says the language (a damaged settings file cannot)."""
    loc = "sv_SE.UTF-8" if lang == "sv" else "C.UTF-8"
    return cli.env(LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG=loc)


def run(cli: Cli, lang: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [*_command(), *args], input=stdin, capture_output=True, env=lang_env(cli, lang), timeout=60
    )
    out = subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )
    assert "Traceback" not in out.stderr, out.stderr
    return out


def _command() -> list[str]:
    import sys

    return [sys.executable, "-m", "antihjalte_desktop"]


def both(cli: Cli, *args: str, code: int, paths: tuple[Path, ...] = (), stdin: bytes | None = None) -> str:
    """Run in English and in Swedish: the same exit code ``code``, a different stderr, and the
    Swedish one without English words. Returns the Swedish stderr."""
    en = run(cli, "en", *args, stdin=stdin)
    sv = run(cli, "sv", *args, stdin=stdin)
    assert en.returncode == sv.returncode == code, (args, en.returncode, en.stderr, sv.returncode, sv.stderr)
    assert sv.stderr.strip() and en.stderr.strip()
    assert sv.stderr != en.stderr, sv.stderr
    left = english_words(sv.stderr, cli.home, *paths)
    assert not left, (left, sv.stderr)
    return sv.stderr


# -- journal import ---------------------------------------------------------------------------
def test_import_a_folder_without_markdown(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    err = both(cli, "journal", "import", str(folder), code=1, paths=(folder,))
    assert "inga Markdown-filer" in err


def test_import_a_folder_named_like_markdown(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "inne.md").mkdir(parents=True)
    err = both(cli, "journal", "import", str(folder), code=1, paths=(folder / "inne.md",))
    assert "en mapp, inte en fil" in err


def test_import_a_fifo(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "journal.json"
    os.mkfifo(fifo)
    err = both(cli, "journal", "import", str(fifo), code=1, paths=(fifo,))
    assert "en namngiven pipe (FIFO), inte en fil" in err


def test_import_too_large(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "journal.json"
    with big.open("wb") as fh:
        fh.truncate(MAX_IMPORT_BYTES + 40 * 1024 * 1024)  # sparse: refused on its size, never read
    err = both(cli, "journal", "import", str(big), code=1, paths=(big,))
    assert "168 MB, mer än de 128 MB som en import får vara" in err


def test_import_bad_json(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "journal.json"
    bad.write_text('{"entries": [', encoding="utf-8")
    err = both(cli, "journal", "import", str(bad), code=1, paths=(bad,))
    assert "ogiltig JSON (rad 1, kolumn 14)" in err


def test_import_not_utf8(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "journal.json"
    bad.write_bytes(b'{"entries": ["Ol\xffle"]}')
    err = both(cli, "journal", "import", str(bad), code=1, paths=(bad,))
    assert "inte UTF-8-text" in err


def test_import_missing_file(cli: Cli, tmp_path: Path) -> None:
    gone = tmp_path / "borta.json"
    err = both(cli, "journal", "import", str(gone), code=1, paths=(gone,))
    assert "filen finns inte" in err


def test_import_counts_in_swedish(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "a.md"
    src.write_text("---\ndate: 2026-11-02\n---\nLäste på.\n", encoding="utf-8")
    first = run(cli, "sv", "journal", "import", str(src))
    assert first.returncode == 0 and first.stdout.strip() == "Importerade 1 anteckning", first
    again = run(cli, "en", "journal", "import", str(src))
    assert again.stdout.strip() == "Imported 0 entries (1 already in the journal)", again


# -- journal export ---------------------------------------------------------------------------
def test_export_to_a_file(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "ut"
    blocker.write_text("")
    err = both(cli, "journal", "export", "--format", "json", "--out", str(blocker), code=1, paths=(blocker,))
    assert "kan inte skapa" in err and "det finns redan något med det namnet" in err


# -- settings ---------------------------------------------------------------------------------
def settings_file(cli: Cli) -> Path:
    path = cli.home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize(
    ("content", "swedish"),
    [
        (b'{"me.name": "Kim",', "ogiltig JSON på rad 1, kolumn 19"),
        (b'{"me.name": "Ol\xffle"}', "den är inte UTF-8-text (byte 16)"),
        (b"[1, 2]", "inget JSON-objekt"),
    ],
)
def test_damaged_settings_file(cli: Cli, content: bytes, swedish: str) -> None:
    settings_file(cli).write_bytes(content)
    for args in (("insights",), ("config", "list")):
        err = both(cli, *args, code=1, paths=(settings_file(cli),))
        assert "inställningsfilen" in err and "är skadad" in err and swedish in err, err
    assert settings_file(cli).read_bytes() == content  # left as it was


def test_settings_file_a_folder_or_too_large(cli: Cli) -> None:
    path = settings_file(cli)
    path.mkdir()
    err = both(cli, "insights", code=1, paths=(path,))
    assert "är en mapp, inte en fil" in err
    path.rmdir()
    with path.open("wb") as fh:
        fh.truncate(2 * MAX_SETTINGS_BYTES)
    err = both(cli, "insights", code=1, paths=(path,))
    assert "2 MB, mer än de 1 MB som en inställningsfil får vara" in err


def test_unknown_setting_in_the_file(cli: Cli) -> None:
    settings_file(cli).write_text('{"ui.language": "sv", "gammal.nyckel": 1}', encoding="utf-8")
    sv = cli("config", "get", "ui.language")
    said = [ln for ln in sv.stderr.splitlines() if ln.startswith("antihjalte: ")]
    assert sv.returncode == 0
    assert said == ["antihjalte: inställningar: ”gammal.nyckel”: okänd inställning, används inte"]
    assert not english_words(said[0])
    settings_file(cli).write_text('{"gammal.nyckel": 1}', encoding="utf-8")
    en = cli("config", "get", "ui.language")
    assert en.returncode == 0 and "“gammal.nyckel”: unknown setting, ignored" in en.stderr


def test_password_setting_points_to_the_keyring(cli: Cli) -> None:
    err = both(cli, "config", "set", "feed.password", "hemligt", code=2)
    assert "sparas i systemets nyckelring" in err


# -- the profile's folders ----------------------------------------------------------------------
def test_unwritable_home(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("")
    cli = Cli(blocker / "profile")
    for args in (("journal", "list"), ("insights",)):
        err = both(cli, *args, code=1, paths=(blocker,))
        assert "kan inte skapa" in err and "en del av sökvägen är en fil, inte en mapp" in err


def test_read_only_data_folder(cli: Cli) -> None:
    """An immutable folder (chattr +i) refuses new files even to root, like a read-only disk."""
    require_tools("chattr")
    assert run(cli, "en", "plan", "add", "fri").returncode == 0
    data = cli.home / "data"
    ok = subprocess.run(["chattr", "+i", str(data)], capture_output=True).returncode == 0
    require(ok, "chattr +i needs root and a file system that supports it")
    try:
        err = both(cli, "journal", "add", "Läste på.", code=1, paths=(data / "journal.sqlite3",))
        assert "du saknar behörighet" in err or "skrivskyddad" in err, err
    finally:
        subprocess.run(["chattr", "-i", str(data)], check=True)
    assert not (data / "journal.sqlite3").exists()


def test_damaged_journal_database(cli: Cli) -> None:
    journal = cli.home / "data" / "journal.sqlite3"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"inte en databas" * 100)
    err = both(cli, "journal", "list", code=1, paths=(journal,))
    assert "databasen" in err and "är skadad (ingen SQLite-fil)" in err


# -- journal add, search, show ------------------------------------------------------------------
def test_journal_add_errors(cli: Cli) -> None:
    assert "behöver TEXT" in both(cli, "journal", "add", code=2)
    assert "anteckningen är tom" in both(cli, "journal", "add", "   ", code=2)
    err = both(cli, "journal", "add", "-", code=2, stdin=b"Ol\xffle\n")
    assert "standardinmatningen är inte giltig UTF-8 (byte 3)" in err


def test_journal_search_and_show_errors(cli: Cli) -> None:
    both(cli, "journal", "search", "hej", "--limit", "många", code=2)
    both(cli, "journal", "show", "1", code=2)  # there is no show: the choices are listed
    both(cli, "journal", "search", code=2)


def test_journal_texts_in_swedish_and_json_the_same(cli: Cli) -> None:
    assert run(cli, "en", "plan", "add", "2026-11-30").returncode == 0
    sv = run(cli, "sv", "journal", "add", "--tag", "läsa", "Läste om trygghetsmätningen")
    assert sv.returncode == 0 and sv.stdout.startswith("Anteckning 1 sparad: 2026-11-30"), sv
    listed = run(cli, "sv", "journal", "list").stdout
    assert "(antihjältedag)" in listed and "#läsa" in listed
    assert run(cli, "sv", "journal", "search", "ingenting").stdout.strip() == "Inga träffar."
    for args in (("journal", "list", "--json"), ("journal", "search", "trygghet", "--json")):
        en, sv2 = run(cli, "en", *args), run(cli, "sv", *args)
        assert en.returncode == sv2.returncode == 0
        assert en.stdout == sv2.stdout and json.loads(en.stdout), args
    out = cli.home.parent / "export"
    sv = run(cli, "sv", "journal", "export", "--format", "md", "--out", str(out))
    assert sv.stdout.strip() == f"Exporterade 1 anteckning till {out}", sv


# -- insights -------------------------------------------------------------------------------
def test_insights_errors(cli: Cli) -> None:
    assert "inget kalenderår som appen kan visa" in both(cli, "insights", "--year", "99999", code=2)
    assert "rapporten sparas som .png eller .pdf" in both(cli, "insights", "--out", "rapport.txt", code=2)
    both(cli, "insights", "--year", "i år", code=2)


def test_insights_summary_in_swedish_and_json_the_same(cli: Cli) -> None:
    assert run(cli, "en", "plan", "add", "2026-12-02").returncode == 0
    cli = Cli(cli.home, now="2026-12-10T09:00:00+01:00")  # the day has passed: kept
    sv = run(cli, "sv", "insights")
    assert sv.returncode == 0 and sv.stdout.startswith("Året i siffror 2026"), sv
    assert "Antihjältedagar – planerade: 1, genomförda: 1" in sv.stdout
    assert "Reflektion skriven för 0 av 1 genomförd dag" in sv.stdout
    assert not english_words(sv.stdout), sv.stdout
    for args in (("insights", "--json"), ("insights", "--json", "--unit")):
        en, sv2 = run(cli, "en", *args), run(cli, "sv", *args)
        assert en.returncode == sv2.returncode == 0
        assert en.stdout == sv2.stdout and json.loads(en.stdout)["year"] == 2026, args


# -- --help ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("journal", "--help"),
        ("journal", "add", "--help"),
        ("journal", "list", "--help"),
        ("journal", "search", "--help"),
        ("journal", "export", "--help"),
        ("journal", "import", "--help"),
        ("insights", "--help"),
    ],
)
def test_help_in_swedish(cli: Cli, args: tuple[str, ...]) -> None:
    en, sv = run(cli, "en", *args), run(cli, "sv", *args)
    assert en.returncode == sv.returncode == 0
    assert sv.stdout.startswith("användning: antihjalte ") and sv.stdout != en.stdout
    assert not english_words(sv.stdout), (english_words(sv.stdout), sv.stdout)
    assert "flaggor" in sv.stdout


# -- the tray app without a display -------------------------------------------------------------
def test_no_display(cli: Cli) -> None:
    said = {}
    for lang in ("en", "sv"):
        env = lang_env(cli, lang)
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
        proc = subprocess.run(_command(), capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        said[lang] = proc.stderr
    assert said["en"].startswith("antihjalte: no display: neither DISPLAY nor WAYLAND_DISPLAY is set")
    assert said["sv"].startswith("antihjalte: ingen skärm: varken DISPLAY eller WAYLAND_DISPLAY är satt")
    assert not english_words(said["sv"]), said["sv"]
