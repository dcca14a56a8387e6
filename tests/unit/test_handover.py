"""The handover checklist: default items, finding an item, the message."""

from __future__ import annotations

from antihjalte_desktop.core.handover import (
    HandoverItem,
    HandoverTask,
    default_items,
    find_item,
    handover_message,
    item_key,
    item_word,
)


def test_default_items_from_setting() -> None:
    assert default_items(["autoreply", "phone", "tasks", "calendar"]) == [
        ("autoreply", ""),
        ("phone", ""),
        ("tasks", ""),
        ("calendar", ""),
    ]
    assert default_items([" phone ", "", "Vattna blommorna", "phone", "vattna  blommorna"]) == [
        ("phone", ""),
        ("vattna-blommorna", "Vattna blommorna"),
    ]


def test_item_key() -> None:
    assert item_key("phone") == "phone"
    # A built-in item typed in either language is the built-in item, shown in the day's language.
    assert item_key("Telefon") == "phone"
    assert item_key("Telefonen är hänvisad till Anna") == "phone"
    assert item_key("Dagen är blockerad i kalendern") == "calendar"
    assert default_items(["Autosvaret är påslaget", "snabba puckar"]) == [("autoreply", ""), ("tasks", "")]
    assert item_key("Stäng av larmet!") == "stäng-av-larmet"
    assert item_key("!!!") == "item"


def test_builtin_labels_follow_language_and_cover() -> None:
    phone = HandoverItem("phone", "", False)
    assert phone.text("Anna", "sv") == "Telefonen är hänvisad till Anna"
    assert phone.text("Anna", "en") == "Phone forwarded to Anna"
    assert phone.text("", "sv") == "Telefonen är hänvisad till en kollega"
    assert phone.text("", "en") == "Phone forwarded to a colleague"
    assert HandoverItem("x", "Egen rad", True).text("Anna", "sv") == "Egen rad"


def test_find_item_by_key_number_label() -> None:
    items = [HandoverItem(k, "", False) for k in ("autoreply", "phone", "tasks", "calendar")]
    items.append(HandoverItem("vattna-blommorna", "Vattna blommorna", False))
    assert find_item(items, "phone") is items[1]
    assert find_item(items, "3") is items[2]
    assert find_item(items, "Auto-reply switched on") is items[0]
    assert find_item(items, "autosvaret är påslaget") is items[0]
    assert find_item(items, "Telefonen är hänvisad till Anna", "Anna") is items[1]
    assert find_item(items, "Vattna blommorna") is items[4]
    assert find_item(items, "vattna blommorna") is items[4]
    assert find_item(items, "6") is None
    assert find_item(items, "0") is None
    assert find_item(items, "fax") is None


def test_find_item_by_its_word_in_either_language() -> None:
    items = [HandoverItem(k, "", False) for k in ("autoreply", "phone", "tasks", "calendar")]
    for words, item in (
        (("telefon", "Telefonen", "phone"), items[1]),
        (("autosvar", "auto-reply", "autoreply"), items[0]),
        (("puckar", "snabba puckar", "uppgifter", "tasks", "quick tasks"), items[2]),
        (("kalender", "calendar", "dagen är blockerad i kalendern"), items[3]),
    ):
        for word in words:
            assert find_item(items, word) is item, word
    assert [item_word(i, "sv") for i in items] == ["autosvar", "telefon", "puckar", "kalender"]
    assert [item_word(i, "en") for i in items] == ["autoreply", "phone", "tasks", "calendar"]
    assert item_word(HandoverItem("vattna-blommorna", "Vattna blommorna", False), "sv") == "Vattna blommorna"


def test_swedish_labels_read_as_swedish() -> None:
    calendar = HandoverItem("calendar", "", False)
    assert calendar.text("", "sv") == "Dagen är blockerad i kalendern"  # not "blockad", a blockade


def test_handover_message() -> None:
    tasks = [HandoverTask(1, "Svara Lisa om larmet", "Erik")]
    sv = handover_message("fredag 4 december", "måndag 7 december", "Anna", tasks, "sv")
    assert sv.startswith("Hej! Jag har en planeringsdag fredag 4 december och är tillbaka måndag 7 december.")
    assert "Anna täcker upp för mig" in sv
    assert "De här uppgifterna lämnar jag över:" in sv and "bollar" not in sv  # plain Swedish to others
    assert "- Svara Lisa om larmet → Erik" in sv
    en = handover_message("Friday 4 December", "Monday 7 December", "", [], "en")
    assert "covers for me" not in en and "passing on" not in en
    assert en.startswith("Hi! I have a focus day Friday 4 December")
