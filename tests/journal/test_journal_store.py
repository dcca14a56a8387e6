"""The journal store and its search on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from antihjalte_desktop.core.journal import (
    Entry,
    Filter,
    from_json_document,
    from_markdown,
    fts_query,
    highlight_regex,
    to_json_document,
    to_markdown,
)
from antihjalte_desktop.store.journal_store import MARK_END, MARK_START, JournalStore

D = date(2026, 11, 30)


@pytest.fixture
def store(tmp_path: Path) -> JournalStore:
    s = JournalStore(tmp_path / "data" / "journal.sqlite3")
    yield s
    s.close()


def ids(hits: list) -> list[int]:
    return [h.entry.id for h in hits]


def test_file_is_private_wal_and_versioned(store: JournalStore) -> None:
    assert (store.path.stat().st_mode & 0o777) == 0o600
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'entry_fts'").fetchone()[0]
    assert "remove_diacritics 0" in sql


def test_title_comes_from_first_line(store: JournalStore) -> None:
    e = store.add(Entry(day=D, body="\n## Vad lärde jag mig?\nMycket.", tags=("@läsning", "Läsning", " ")))
    assert e.title == "Vad lärde jag mig?"
    assert e.tags == ("läsning",)
    assert store.get(e.id) == e
    e2 = store.add(Entry(day=D, title="Egen rubrik", body="text"))
    assert e2.title == "Egen rubrik"


def test_swedish_prefix_phrase_case_and_letters(store: JournalStore) -> None:
    a = store.add(Entry(day=D, body="Vi diskuterade förändringar i verksamheterna."))
    b = store.add(Entry(day=D, body="ÅTGÄRDER för tryggheten i centrum"))
    c = store.add(Entry(day=D, body="En atgard utan prickar, och åtgärdsplanen."))
    assert ids(store.search("förändring")) == [a.id]
    assert ids(store.search("FÖRÄNDRINGAR")) == [a.id]
    # unicode61 folds case beyond ASCII: å finds Å
    assert ids(store.search("åtgärder")) == [b.id]
    assert set(ids(store.search("åtgärd"))) == {b.id, c.id}
    # å, ä and ö are letters of their own
    assert ids(store.search("atgard")) == [c.id]
    assert ids(store.search("atgarder")) == []
    assert ids(store.search("forandring")) == []
    assert ids(store.search('"förändringar i verksamheterna"')) == [a.id]
    assert ids(store.search('"i förändringar"')) == []
    assert ids(store.search("trygg centr")) == [b.id]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND",
        "OR",
        "NOT",
        "*",
        "NEAR(",
        "NEAR(a b",
        "a AND",
        "(",
        ")",
        "^",
        "-",
        ":",
        "title:x",
        "body:",
        'a"b"c',
        "'",
        "\\",
        "{title body}:x",
        "x*y",
        "+",
        "\u0000",
        "  ",
        'å"ä',
        "NEAR/2",
    ],
)
def test_hostile_queries_never_fail(store: JournalStore, query: str) -> None:
    store.add(Entry(day=D, body="AND or not near title body x y"))
    hits = store.search(query)
    assert isinstance(hits, list)
    assert store.count(Filter(text=query)) == len(hits)


def test_ranked_by_bm25_with_snippet(store: JournalStore) -> None:
    weak = store.add(Entry(day=D, title="Möte", body="lång text " * 30 + "omvärldsbevakning en gång"))
    strong = store.add(
        Entry(day=D, title="Omvärldsbevakning", body="omvärldsbevakning och omvärldsbevakning")
    )
    hits = store.search("omvärldsbevakning")
    assert ids(hits) == [strong.id, weak.id]
    assert hits[0].rank <= hits[1].rank
    assert f"{MARK_START}omvärldsbevakning{MARK_END}" in hits[1].snippet.casefold()
    assert "<<" in store.search("omvärld", marks=("<<", ">>"))[0].snippet


def test_tags_and_date_and_focus_filters(store: JournalStore) -> None:
    a = store.add(Entry(day=date(2026, 11, 2), body="ett", tags=("Trygghet",), focus_day=date(2026, 11, 2)))
    b = store.add(Entry(day=date(2026, 11, 20), body="två", tags=("trygghet", "läsning")))
    c = store.add(Entry(day=date(2026, 12, 1), body="tre ett", tags=("Läsning",)))
    assert ids(store.query()) == [c.id, b.id, a.id]
    assert ids(store.query(Filter(tag="TRYGGHET"))) == [b.id, a.id]
    assert ids(store.query(Filter(tag="läsning"))) == [c.id, b.id]
    assert ids(store.query(Filter(tag="LÄSNING"))) == [c.id, b.id]
    assert ids(store.query(Filter(start=date(2026, 11, 3), end=date(2026, 11, 30)))) == [b.id]
    assert ids(store.query(Filter(focus_day=date(2026, 11, 2)))) == [a.id]
    assert ids(store.query(Filter(focus_only=True))) == [a.id]
    assert ids(store.query(Filter(text="ett", end=date(2026, 11, 30)))) == [a.id]
    assert set(ids(store.query(Filter(text="läsn")))) == {b.id, c.id}  # tags are searchable
    assert store.tags() == [("läsning", 2), ("Trygghet", 2)]
    assert store.count(Filter(tag="trygghet")) == 2
    assert ids(store.query(limit=1, offset=1)) == [b.id]


def test_fts_in_step_after_edits_and_deletes(store: JournalStore) -> None:
    e = store.add(Entry(day=D, body="gammal text om cyklar"))
    assert ids(store.search("cyklar")) == [e.id]
    e = store.update(Entry(id=e.id, day=D, body="ny text om bussar", tags=("trafik",)))
    assert store.search("cyklar") == []
    assert ids(store.search("bussar")) == [e.id]
    assert ids(store.query(Filter(tag="trafik"))) == [e.id]
    assert store.delete(e.id)
    assert store.search("bussar") == []
    assert store.query(Filter(tag="trafik")) == []
    assert store.integrity_check() == ["ok"]
    # the index agrees with a rebuild from the content table
    store.conn.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")
    assert store.search("bussar") == []


def test_data_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with JournalStore(path) as s:
        e = s.add(Entry(day=D, body="kvar efter omstart"))
    with JournalStore(path) as s:
        assert ids(s.search("omstart")) == [e.id]
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()


def sample(store: JournalStore) -> list[Entry]:
    store.add(
        Entry(day=date(2026, 11, 2), body='# Rubrik\n\nText med "citat" och ---\nrad', tags=("a b", "c"))
    )
    store.add(Entry(day=date(2026, 11, 3), title="Titel: kolon", body="", focus_day=date(2026, 11, 3)))
    store.add(Entry(day=date(2026, 11, 4), body="slutar med radbrytningar\n\n\n", tags=("ö",)))
    store.add(Entry(day=date(2026, 11, 5), body="---\nser ut som front matter\n---\n"))
    return list(store.all_entries())


def test_json_round_trip_equal(store: JournalStore, tmp_path: Path) -> None:
    before = sample(store)
    text = json.dumps(to_json_document(before), ensure_ascii=False)
    with JournalStore(tmp_path / "other.sqlite3") as other:
        assert other.import_entries(from_json_document(json.loads(text))) == (4, 0)
        after = list(other.all_entries())
        assert len(after) == len(before)
        assert all(a.same_content(b) for a, b in zip(before, after, strict=True))
        # importing again adds nothing
        assert other.import_entries(from_json_document(json.loads(text))) == (0, 4)


def test_markdown_round_trip_equal(store: JournalStore) -> None:
    for e in sample(store):
        back = from_markdown(to_markdown(e))
        assert back.same_content(e), (back, e)


def test_markdown_hand_written_front_matter() -> None:
    e = from_markdown(
        "---\ntitle: 'Min dag'\ndate: 2026-11-30\ntags:\n  - läsning\n  - \"@trygghet\"\n---\nText\n"
    )
    assert (e.title, e.day, e.tags, e.body) == ("Min dag", D, ("läsning", "trygghet"), "Text")
    with pytest.raises(ValueError):
        from_markdown("no front matter")
    with pytest.raises(ValueError):
        from_markdown("---\ntitle: x\n---\nbody")  # no date


def test_jrnl_import(store: JournalStore) -> None:
    jrnl = {
        "tags": {"@arbete": 2, "@idé": 1},
        "entries": [
            {
                "title": "Lång dag.",
                "body": "Vi pratade om @arbete och förändringar.\n",
                "date": "2024-03-01",
                "time": "17:16",
                "tags": ["@arbete"],
                "starred": False,
            },
            {
                "title": "En @idé om trygghet.",
                "body": "",
                "date": "2024-03-02",
                "time": "09:00",
                "tags": ["@idé", "@arbete"],
                "starred": True,
                "uuid": "x",
            },
        ],
    }
    entries = from_json_document(jrnl)
    assert store.import_entries(entries) == (2, 0)
    got = list(store.all_entries())
    assert [(e.day, e.title, e.tags, e.created) for e in got] == [
        (date(2024, 3, 1), "Lång dag.", ("arbete",), "2024-03-01T17:16:00"),
        (date(2024, 3, 2), "En @idé om trygghet.", ("idé", "arbete", "starred"), "2024-03-02T09:00:00"),
    ]
    assert got[0].body == "Vi pratade om @arbete och förändringar."
    assert ids(store.search("förändring")) == [got[0].id]
    assert ids(store.query(Filter(tag="starred"))) == [got[1].id]


def test_bad_json_documents_are_value_errors() -> None:
    for bad in (
        {},
        {"entries": "x"},
        {"entries": [{"body": "no date"}]},
        3,
        {"format": "antihjalte-journal", "version": 99, "entries": []},
    ):
        with pytest.raises(ValueError):
            from_json_document(bad)


def test_query_building_escapes_everything() -> None:
    assert fts_query("förändring") == '"förändring"*'
    assert fts_query('"om förändringar" år') == '"om förändringar" "år"*'
    assert fts_query('AND NEAR( * "') == '"AND"* "NEAR"*'
    assert fts_query('  "  ') is None
    rx = highlight_regex('förändring "om Åtgärder"')
    assert rx is not None
    text = "Förändringar och om åtgärder, inte foförändring eller atgarder"
    assert [m.group(0) for m in rx.finditer(text)] == ["Förändringar", "om åtgärder"]


def test_journal_never_reaches_the_log(store: JournalStore, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    e = store.add(Entry(day=D, body="hemlig tanke"))
    store.update(Entry(id=e.id, day=D, body="hemlig tanke två"))
    store.search("hemlig")
    assert "hemlig" not in caplog.text


def test_a_big_import_optimizes_the_index(store: JournalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from antihjalte_desktop.store.journal_store import OPTIMIZE_AFTER

    calls: list[int] = []
    real = store.optimize
    monkeypatch.setattr(store, "optimize", lambda: (calls.append(1), real())[1])
    store.add(Entry(day=D, body="före importen"))
    assert store.import_entries([Entry(day=D, body="en enda")]) == (1, 0)
    assert calls == []
    entries = [Entry(day=D, body=f"importerad förändring {i}") for i in range(OPTIMIZE_AFTER)]
    assert store.import_entries(entries) == (OPTIMIZE_AFTER, 0)
    assert calls == [1]
    assert store.count(Filter(text="förändr")) == OPTIMIZE_AFTER
    assert store.integrity_check() == ["ok"]
    assert len(store.search("före")) == 1


def test_import_skips_duplicates_on_a_crowded_date(store: JournalStore) -> None:
    """Duplicates are found by date, title and body, against the journal and within the import
    itself, however many entries share the date (the check is a set per date, not a scan)."""
    from datetime import timedelta

    store.add(Entry(day=D, title="Möte", body="samma text"))
    store.add(Entry(day=D, body="redan här"))
    entries = [Entry(day=D, body=f"anteckning {i}", tags=("import",)) for i in range(3000)]
    entries += [
        Entry(day=D, title="Möte", body="samma text"),  # in the journal already
        Entry(day=D, title="Annat", body="samma text"),  # another title: not a duplicate
        Entry(day=D + timedelta(days=1), title="Möte", body="samma text"),  # another date: not one
        Entry(day=D, body="redan här"),  # title derived from the body, as when it was added
        Entry(day=D, body="anteckning 7"),  # twice in the import itself
        Entry(day=D, body="anteckning 7\n"),  # a different body
    ]
    assert store.import_entries(entries) == (3003, 3)
    assert store.count(Filter(tag="import")) == 3000
    assert store.count(Filter(start=D, end=D)) == 2 + 3000 + 2
    assert store.import_entries(entries) == (0, 3006)
    assert store.integrity_check() == ["ok"]
