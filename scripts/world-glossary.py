#!/usr/bin/env python3
"""Regenerate glossaries/world.yaml, the world glossary built into mizan.

usage: python3 scripts/world-glossary.py [--check]     (needs: pip install babel pyyaml)

Sources:
  * Country, territory and world-region (continent) names in Arabic and English: the Unicode CLDR data shipped with the
    `babel` package (BSD-3-Clause; the CLDR data is under the Unicode License v3,
    https://www.unicode.org/license.txt). The CLDR version is written into the output.
  * scripts/world/curated.yaml, written by hand and dated: nationality adjectives, Arabic variant
    spellings, ids and English names where CLDR's differ from the ids mizan uses, capitals and
    cities, international organisations, wire agencies and outlets, heads of state and
    government (as of the date it gives; check them).

Spellings are checked for collisions after a normalisation that mirrors mizan's (hamza forms,
ى/ي, ة/ه, diacritics): a spelling claimed twice is left to its first claimant and reported on
stderr, so that the output always loads. --check exits 1 when the file on disk differs.
"""
import json, re, sys, unicodedata
from pathlib import Path

import babel
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "scripts" / "world" / "curated.yaml"
OUT = ROOT / "glossaries" / "world.yaml"

def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640\u0654\u0655"))
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFC", s)
    return " ".join(s.lower().split())

def ascii_id(en):
    s = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode()
    s = s.replace("&", " and ").replace("St.", "Saint")
    s = re.sub(r"\(.*?\)", "", s)
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")

def clean_ar(s):
    return re.sub(r"\s*\(.*?\)\s*", " ", s).strip()

def q(s):
    return json.dumps(s, ensure_ascii=False)

def main():
    cur = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    ar, en = Locale("ar"), Locale("en")
    claimed = {}      # normalised spelling -> id
    dropped = []
    entities = []     # (section, dict)

    def claim(eid, spellings):
        kept = []
        for s in spellings:
            k = norm(s)
            if not k:
                continue
            if k in claimed:
                if claimed[k] != eid:
                    dropped.append(f"{s!r} of {eid} (already {claimed[k]})")
                continue
            claimed[k] = eid
            kept.append(s)
        return kept

    countries = cur.get("countries", {})
    for code in sorted(ar.territories):
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue
        c = countries.get(code, {}) or {}
        if c.get("drop"):
            continue
        en_name = c.get("en") or en.territories.get(code)
        cldr_ar = clean_ar(ar.territories[code])
        if not en_name or not cldr_ar:
            continue
        eid = c.get("id") or ascii_id(en_name)
        pref = c.get("ar") or cldr_ar
        variants = list(c.get("variants", []))
        if pref != cldr_ar and not c.get("drop_ar"):
            variants.insert(0, cldr_ar)
        e = {"id": eid, "kind": "country", "en": en_name, "ar": pref, "iso": code}
        spell = claim(eid, [pref])
        if not spell:
            dropped.append(f"country {code} {eid}: its name is taken")
            continue
        e["variants"] = claim(eid, variants)
        e["short"] = claim(eid, c.get("short", []))
        e["adjectives"] = claim(eid, c.get("adjectives", []))
        entities.append(e)

    for code in cur.get("regions", []):
        en_name, ar_name = en.territories.get(code), clean_ar(ar.territories.get(code, ""))
        if not en_name or not ar_name:
            sys.exit(f"region {code}: CLDR names none")
        eid = ascii_id(en_name)
        if claim(eid, [ar_name]):
            entities.append({"id": eid, "kind": "place", "en": en_name, "ar": ar_name})

    for section, kind in (("places", "place"), ("organisations", "organisation"),
                          ("outlets", "outlet"), ("people", "person")):
        for item in cur.get(section, []):
            e = dict(item)
            e["kind"] = kind
            if not claim(e["id"], [e["ar"]]):
                continue
            e["variants"] = claim(e["id"], e.get("variants", []))
            e["short"] = claim(e["id"], e.get("short", []))
            entities.append(e)

    ids = {}
    for e in entities:
        if e["id"] in ids:
            sys.exit(f"duplicate id {e['id']}")
        ids[e["id"]] = e
    for e in entities:
        if e.get("side") and e["side"] not in ids:
            dropped.append(f"side {e['side']} of {e['id']} is no entity: removed")
            del e["side"]

    lines = [
        "# The world glossary built into mizan (embedded at build time; skip it with",
        "# --no-world-glossary). GENERATED by scripts/world-glossary.py: edit",
        "# scripts/world/curated.yaml and rerun, do not edit this file.",
        f"# Sources: Unicode CLDR {get_cldr_version()} country and region names in Arabic and English, via",
        f"#   babel {babel.__version__} (BSD-3-Clause; CLDR data under the Unicode License v3);",
        f"#   scripts/world/curated.yaml, hand-written, dated {cur['date']}: adjectives, variants, places,",
        f"#   organisations, outlets, and heads of state and government as of {cur['leaders_as_of']} (check roles).",
        f"# {len(entities)} entities, {len(cur.get('framing', []))} framing sets. A story glossary given with --glossary is layered on top:",
        "#   same id → error unless the story entry says `override: true`; a spelling the story gives",
        "#   to another entity → the story's entity takes it (see `mizan glossary check`).",
        "entities:",
    ]
    section = None
    for e in entities:
        if e["kind"] != section:
            section = e["kind"]
            lines.append(f"  # ---- {section}")
        lines.append(f"  - id: {e['id']}")
        lines.append(f"    kind: {e['kind']}")
        lines.append(f"    en: {q(e['en'])}")
        lines.append(f"    ar: {q(e['ar'])}")
        if e.get("role"):
            lines.append(f"    role: {{en: {q(e['role']['en'])}, ar: {q(e['role']['ar'])}}}")
        for f in ("variants", "short", "adjectives"):
            if e.get(f):
                lines.append(f"    {f}: [{', '.join(q(x) for x in e[f])}]")
        if e.get("side"):
            lines.append(f"    side: {e['side']}")
    framing = cur.get("framing", [])
    if framing:
        lines.append("# Loaded wording: the same thing said with different stances (the briefing's appendix).")
        lines.append("framing:")
        for f in framing:
            lines.append(f"  - id: {f['id']}")
            lines.append(f"    en: {q(f['en'])}")
            lines.append("    words:")
            for stance, words in f["words"].items():
                lines.append(f"      {stance}: [{', '.join(q(x) for x in words)}]")
    text = "\n".join(lines) + "\n"
    for d in dropped:
        print(f"world-glossary: left out {d}", file=sys.stderr)
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("glossaries/world.yaml is not what the script makes; rerun it")
        return
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(entities)} entities", file=sys.stderr)

def get_cldr_version():
    from babel.core import get_global
    try:
        return get_global("cldr")["version"] if isinstance(get_global("cldr"), dict) else "?"
    except Exception:
        return "?"

if __name__ == "__main__":
    main()
