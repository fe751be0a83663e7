#!/usr/bin/env python3
"""How much of a story never seen does the world glossary plus an unedited draft cover?

For each story file in scripts/coverage/*.yaml (the outlets' article URLs in SaudiNewsNet and a
hand-made gold list of the people and places the articles name, countries apart):

1. extract the articles from ../shared/corpora/saudinewsnet (zips of JSON arrays) into a
   temporary folder (title line + text, and a sources.yaml with date and outlet); nothing from
   the corpus is written into the repository;
2. run `mizan glossary suggest` on them (world glossary only) and keep the draft unedited;
3. run `mizan brief` with that draft (it must run without error);
4. coverage = gold names of which some spelling in the gold list is linked, as written, by a
   mention in facts.json (world glossary or draft), alone or after a title; the draft entries that match no gold name
   are listed for a person to judge (junk, or a real name the gold list leaves out).

Usage: scripts/coverage.py [--mizan target/release/mizan] [--corpus DIR] [--keep DIR] [STORY.yaml...]
Needs PyYAML. Exit code 1 when a story is under --floor (default 0.80).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def key(s):
    """A rough matching key, as mizan's normalise does: no marks, one alef, ى→ي, ة→ه."""
    s = unicodedata.normalize("NFKD", s)
    out = []
    for c in s:
        if unicodedata.category(c) == "Mn" or c == "\u0640":
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}.get(c, c)
        out.append(c)
    return " ".join("".join(out).split())


def load_corpus(corpus, urls):
    want = set(urls)
    found = {}
    for z in sorted(glob.glob(os.path.join(corpus, "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for n in zf.namelist():
                if not n.endswith(".json"):
                    continue
                for a in json.loads(zf.read(n)):
                    if a.get("url") in want and a["url"] not in found:
                        found[a["url"]] = a
    missing = want - set(found)
    if missing:
        sys.exit(f"coverage: not in {corpus}: {sorted(missing)}")
    return [found[u] for u in urls]


def write_articles(arts, folder):
    os.makedirs(folder, exist_ok=True)
    entries = []
    for i, a in enumerate(arts, 1):
        name = f"{i:02d}-{a['source']}.txt"
        title = " ".join(a["title"].split())
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(title + "\n\n" + a["content"].strip() + "\n")
        entries.append({"file": name, "date": a["date_extracted"][:10], "outlet": a["source"]})
    with open(os.path.join(folder, "sources.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump({"articles": entries}, f, allow_unicode=True)


def linked_as(linked, gold):
    """The entities of mentions spelled as the gold name, or as the gold name after a title
    (الملك عبدالله الثاني for عبدالله الثاني); a mention running on past the name does not count."""
    out = set()
    for surface, ents in linked.items():
        if surface == gold or surface.endswith(" " + gold):
            out |= ents
    return out


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def measure(story, args, work):
    spec = yaml.safe_load(open(story, encoding="utf-8"))
    name = spec["name"]
    arts = load_corpus(args.corpus, spec["urls"])
    folder = os.path.join(work, name, "articles")
    write_articles(arts, folder)
    rc, draft, err = run([args.mizan, "glossary", "suggest", folder])
    if rc != 0:
        sys.exit(f"coverage: {name}: glossary suggest failed ({rc}): {err}")
    draft_path = os.path.join(work, name, "draft.yaml")
    with open(draft_path, "w", encoding="utf-8") as f:
        f.write(draft)
    out = os.path.join(work, name, "out")
    rc, _, err = run([args.mizan, "brief", folder, "--glossary", draft_path, "--out", out])
    if rc != 0:
        sys.exit(f"coverage: {name}: brief with the draft failed ({rc}): {err}")
    facts = json.load(open(os.path.join(out, "facts.json"), encoding="utf-8"))
    linked = {}
    for m in facts["mentions"]:
        if not m.get("adjective"):
            linked.setdefault(key(m["surface"]), set()).add(m["entity"])
    entities = (yaml.safe_load(draft) or {}).get("entities") or []
    draft_ids = {e["id"] for e in entities}
    result = {"name": name, "articles": len(arts), "kinds": {}, "missed": [], "junk": []}
    used_entities = set()
    for kind in ("people", "places"):
        golds = spec["gold"][kind]
        hit = 0
        for forms in golds:
            forms = [forms] if isinstance(forms, str) else forms
            ents = set().union(*(linked_as(linked, key(f)) for f in forms))
            if ents:
                hit += 1
                used_entities |= ents
            else:
                result["missed"].append(forms[0])
        result["kinds"][kind] = (hit, len(golds))
    gold_keys = {key(f) for k in ("people", "places") for g in spec["gold"][k]
                 for f in ([g] if isinstance(g, str) else g)}
    gold_keys |= {key(f) for f in spec.get("also_real", [])}
    for e in entities:
        spellings = [e["ar"]] + e.get("variants", []) + e.get("short", [])
        if e["id"] not in used_entities and not any(key(s) in gold_keys for s in spellings):
            result["junk"].append(f"{e['ar']} ({e['kind']})")
    result["draft_entries"] = len(entities)
    result["draft_ids"] = len(draft_ids)
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mizan", default=os.path.join(ROOT, "target/release/mizan"))
    p.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "saudinewsnet"))
    p.add_argument("--keep", help="write the articles, drafts and outputs here (outside the repo)")
    p.add_argument("--floor", type=float, default=0.80)
    p.add_argument("stories", nargs="*")
    args = p.parse_args()
    stories = args.stories or sorted(glob.glob(os.path.join(HERE, "coverage", "*.yaml")))
    work = args.keep or tempfile.mkdtemp(prefix="mizan-coverage-")
    failed = False
    for s in stories:
        r = measure(s, args, work)
        hit = sum(h for h, _ in r["kinds"].values())
        total = sum(t for _, t in r["kinds"].values())
        share = hit / total if total else 0.0
        kinds = ", ".join(f"{k} {h}/{t}" for k, (h, t) in r["kinds"].items())
        print(f"{r['name']}: {r['articles']} articles: {hit}/{total} = {share:.0%} ({kinds}); "
              f"draft {r['draft_entries']} entries, {len(r['junk'])} match no gold name")
        for m in r["missed"]:
            print(f"  missed: {m}")
        for j in r["junk"]:
            print(f"  not in gold: {j}")
        failed |= share < args.floor
    print(f"(articles, drafts and outputs in {work})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
