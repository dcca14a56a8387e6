"""Translation memory for update_translations.sh: a message whose text moved to another
translation context (code moved between classes or modules) keeps its finished translation.

    python resources/carry_translations.py MEMORY.ts TARGET.ts

Every unfinished message of TARGET whose source text (and plural-ness) has a finished
translation in MEMORY, in any context, gets that translation. Prints how many were carried.
"""

from __future__ import annotations

import copy
import sys
import xml.etree.ElementTree as ET


def finished(memory: ET.Element) -> dict[tuple[str, bool], ET.Element]:
    out: dict[tuple[str, bool], ET.Element] = {}
    for msg in memory.iter("message"):
        tr = msg.find("translation")
        source = msg.findtext("source")
        if tr is None or source is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        if not (tr.text or "").strip() and not any((n.text or "").strip() for n in tr.findall("numerusform")):
            continue
        out.setdefault((source, msg.get("numerus") == "yes"), tr)
    return out


def main(memory_path: str, target_path: str) -> int:
    memory = finished(ET.parse(memory_path).getroot())
    tree = ET.parse(target_path)
    carried = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        source = msg.findtext("source")
        if tr is None or source is None or tr.get("type") != "unfinished":
            continue
        known = memory.get((source, msg.get("numerus") == "yes"))
        if known is None:
            continue
        msg.remove(tr)
        msg.append(copy.deepcopy(known))
        carried += 1
    if carried:
        ET.indent(tree, space="    ")
        with open(target_path, "wb") as f:
            f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(f, encoding="utf-8", xml_declaration=False)
            f.write(b"\n")
    print(f"carried {carried} translation(s) from the memory")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
