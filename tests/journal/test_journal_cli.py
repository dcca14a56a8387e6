"""`antihjalte journal ...` as the real command in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli


def j(cli: Cli, *args: str, **kw: object) -> str:
    return cli("journal", *args, check=True, **kw).stdout


def test_add_list_search(cli: Cli, home: Path) -> None:
    assert "Added entry 1" in j(
        cli, "add", "--tag", "Trygghet", "--tag", "@läsning", "Förändringar i centrum."
    )
    j(cli, "add", "--date", "2026-11-02", "-", input="## Vad lärde jag mig?\nÅtgärder behövs\n")
    rows = json.loads(j(cli, "list", "--json"))
    assert [r["id"] for r in rows] == [1, 2]
    assert rows[0]["date"] == "2026-11-30"  # today by the fixture's clock
    assert rows[0]["tags"] == ["Trygghet", "läsning"]
    assert rows[1]["title"] == "Vad lärde jag mig?"
    assert rows[1]["body"] == "## Vad lärde jag mig?\nÅtgärder behövs"
    assert set(rows[0]) >= {"id", "date", "title", "body", "tags"}
    hits = json.loads(j(cli, "search", "förändring", "--json"))
    assert [h["id"] for h in hits] == [1]
    assert "**Förändringar**" in hits[0]["snippet"]
    assert json.loads(j(cli, "search", "atgard", "--json")) == []
    assert [h["id"] for h in json.loads(j(cli, "search", "ÅTGÄRD", "--json"))] == [2]
    assert "Förändringar i centrum." in j(cli, "list")
    assert (home / "data" / "journal.sqlite3").stat().st_mode & 0o777 == 0o600


def test_hostile_search_is_calm(cli: Cli) -> None:
    j(cli, "add", "text")
    for q in ['"', "AND", "*", "NEAR(", "a:b", "(("]:
        proc = cli("journal", "search", q, "--json")
        assert proc.returncode == 0, proc.stderr
        assert isinstance(json.loads(proc.stdout), list)
        assert "Traceback" not in proc.stderr


def test_add_links_a_planned_focus_day(cli: Cli) -> None:
    cli("plan", "add", "2026-12-04", check=True)
    j(cli, "add", "--date", "2026-12-04", "Avsikt")
    j(cli, "add", "--date", "2026-12-03", "Inte fokusdag")
    rows = {r["title"]: r for r in json.loads(j(cli, "list", "--json"))}
    assert rows["Avsikt"]["focus_day"] == "2026-12-04"
    assert rows["Inte fokusdag"]["focus_day"] is None


def test_add_yesterday(cli: Cli) -> None:
    j(cli, "add", "--date", "igår", "Igår")
    j(cli, "add", "--date", "yesterday", "Yesterday")
    assert [r["date"] for r in json.loads(j(cli, "list", "--json"))] == ["2026-11-29", "2026-11-29"]


def test_usage_errors(cli: Cli) -> None:
    proc = cli("journal", "add")
    assert proc.returncode == 2 and "TEXT" in proc.stderr
    proc = cli("journal", "add", "--date", "nonsense", "x")
    assert proc.returncode == 2
    proc = cli("journal", "import", "/nonexistent/file.json")
    assert proc.returncode == 1 and "no such file" in proc.stderr


def test_export_import_round_trip(cli: Cli, tmp_path: Path) -> None:
    j(cli, "add", "--tag", "a", 'Första\n\nmed "citat"')
    j(cli, "add", "--date", "2026-11-01", "Andra")
    j(cli, "export", "--format", "json", "--out", str(tmp_path / "ex"))
    j(cli, "export", "--format", "md", "--out", str(tmp_path / "md"))
    dest = tmp_path / "ex" / "journal.json"
    assert dest.stat().st_mode & 0o777 == 0o600
    assert len(list((tmp_path / "md").glob("*.md"))) == 2
    before = json.loads(j(cli, "list", "--json"))

    for source in (dest, tmp_path / "md"):
        other = Cli(tmp_path / f"other-{source.name}")
        other.home.mkdir()
        assert "Imported 2 entries" in j(other, "import", str(source))
        after = json.loads(j(other, "list", "--json"))
        strip = [{k: v for k, v in r.items() if k != "id"} for r in before]
        assert [{k: v for k, v in r.items() if k != "id"} for r in after] == strip
        assert "already in the journal" in j(other, "import", str(source))


def test_import_jrnl(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "jrnl.json"
    item = {"title": "Hej.", "body": "Kropp", "date": "2023-01-02", "time": "08:30", "tags": ["@x"]}
    f.write_text(json.dumps({"tags": {"@x": 1}, "entries": [{**item, "starred": False}]}), encoding="utf-8")
    assert "Imported 1 entry" in j(cli, "import", str(f))
    rows = json.loads(j(cli, "list", "--json"))
    assert (rows[0]["date"], rows[0]["title"], rows[0]["tags"]) == ("2023-01-02", "Hej.", ["x"])
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = cli("journal", "import", str(bad))
    assert proc.returncode == 1 and "not valid JSON" in proc.stderr
