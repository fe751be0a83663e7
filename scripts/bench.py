#!/usr/bin/env python3
"""Benchmark `mizan brief` on SaudiNewsNet and measure the name-check false-alarm rate.

usage: scripts/bench.py [--corpus ../shared/corpora/saudinewsnet] [--work /tmp/mizan-bench] [--big]
                        [--sizes 1000,10000,all] [--bin target/release/mizan]

The corpus (research licence) is read from ../shared and converted to JSON-lines feeds under
--work; nothing of it enters the repository. For each size it runs `mizan brief FEED` once and
reports wall time and peak resident memory (from wait4). On the largest run it counts the
sentences that produce an `unknown_variant` finding or a glossary suggestion: the glossary is
about the 2020 Karabakh war and the corpus is Saudi news from 2015, so every such sentence is
a false alarm (or a genuine near-spelling of a name, which the printed samples let you judge).
"""
import argparse, glob, json, os, subprocess, sys, time, zipfile

def feeds(corpus, work, sizes):
    os.makedirs(work, exist_ok=True)
    full = os.path.join(work, "all.jsonl")
    if not os.path.exists(full):
        n = 0
        with open(full + ".tmp", "w", encoding="utf-8") as out:
            for z in sorted(glob.glob(os.path.join(corpus, "*.zip"))):
                with zipfile.ZipFile(z) as zf:
                    for name in sorted(zf.namelist()):
                        if not name.endswith(".json"):
                            continue
                        for i, a in enumerate(json.loads(zf.read(name).decode("utf-8"))):
                            text = (a.get("content") or "").strip()
                            if not text:
                                continue
                            n += 1
                            out.write(json.dumps({
                                "id": f"snn-{n}",
                                "title": a.get("title"),
                                "date": (a.get("date_extracted") or "")[:10] or None,
                                "outlet": a.get("source"),
                                "url": a.get("url"),
                                "text": text,
                            }, ensure_ascii=False) + "\n")
        os.rename(full + ".tmp", full)
    lines = open(full, encoding="utf-8").read().splitlines()
    out = []
    for s in sizes:
        if s == "all":
            out.append((len(lines), full))
            continue
        k = int(s)
        p = os.path.join(work, f"first-{k}.jsonl")
        if not os.path.exists(p):
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(lines[:k]) + "\n")
        out.append((k, p))
    return out

def run(binary, feed, out, extra=()):
    t0 = time.monotonic()
    p = subprocess.Popen([binary, "brief", feed, "--out", out, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.monotonic() - t0
    err = p.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        sys.exit(f"mizan failed ({code}): {err}")
    return dt, usage.ru_maxrss / 1024  # MiB

def false_alarms(facts_path):
    F = json.load(open(facts_path, encoding="utf-8"))
    total = sum(1 for a in F["articles"] for s in a["sentences"] if s["kind"] in ("body", "title"))
    flagged, samples = set(), []
    for n in F["names"]:
        for f in n["findings"]:
            if f["kind"] == "unknown_variant" and f.get("sentence"):
                flagged.add(f["sentence"])
                samples.append(f["message"])
    for s in F["suggestions"]:
        flagged.update(s["sentences"])
        if s["near_entity"] is None:
            samples.append(f"suggestion «{s['surface']}» ({s['reason']}, {len(s['sentences'])} sentences)")
    return total, len(flagged), samples

def big(binary, work, sizes_mb=(1, 5, 20, 50)):
    """One article of 1, 5, 20 and 50 MB (SaudiNewsNet texts joined as paragraphs): time per MB
    must stay flat, every stage linear in the length of one article."""
    full = os.path.join(work, "all.jsonl")
    blob = []
    size = 0
    with open(full, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"]
            blob.append(t)
            size += len(t.encode())
            if size > max(sizes_mb) * 1024 * 1024:
                break
    data = "\n\n".join(blob).encode()
    print("| article | wall time (s) | peak memory (MiB) | s per MB |")
    print("|---:|---:|---:|---:|")
    for mb in sizes_mb:
        path = os.path.join(work, f"big-{mb}mb.txt")
        if not os.path.exists(path):
            with open(path, "wb") as out:
                out.write(data[: mb * 1024 * 1024].decode("utf-8", "ignore").encode())
        dt, mem = run(binary, path, os.path.join(work, f"out-big-{mb}"), ("--max-article-size", f"{2 * mb}MB"))
        print(f"| {mb} MB | {dt:.2f} | {mem:.0f} | {dt / mb:.2f} |", flush=True)

def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpora", "saudinewsnet"))
    ap.add_argument("--work", default="/tmp/mizan-bench")
    ap.add_argument("--sizes", default="1000,10000,all")
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "mizan"))
    ap.add_argument("--big", action="store_true", help="one article of 1, 5, 20 and 50 MB instead of the corpus sizes")
    a = ap.parse_args()
    cached = os.path.exists(os.path.join(a.work, "all.jsonl"))
    if not cached and not glob.glob(os.path.join(a.corpus, "*.zip")):
        sys.exit(f"bench: no SaudiNewsNet zip files in {os.path.normpath(a.corpus)}: the corpus is read "
                 "from ../shared (beside this repository), which is missing here; pass --corpus DIR")
    if not os.path.exists(a.bin):
        sys.exit(f"bench: {a.bin} does not exist; build it first: cargo build --release")
    os.chdir(os.path.join(here, ".."))  # glossary.yaml is found in the repository root
    runs = feeds(a.corpus, a.work, a.sizes.split(","))
    if a.big:
        big(os.path.abspath(a.bin), a.work)
        return
    print("| articles | wall time (s) | peak memory (MiB) | µs per article |")
    print("|---:|---:|---:|---:|")
    last_out = None
    for n, feed in runs:
        out = os.path.join(a.work, f"out-{n}")
        dt, mem = run(a.bin, feed, out)
        print(f"| {n} | {dt:.2f} | {mem:.0f} | {dt / n * 1e6:.0f} |", flush=True)
        last_out = out
    total, flagged, samples = false_alarms(os.path.join(last_out, "facts.json"))
    rate = flagged / max(1, total)
    print(f"\nname-check alarms: {flagged} of {total} sentences = 1 in {total / max(1, flagged):.0f} ({rate:.4%})")
    for s in samples[:25]:
        print("  ", s[:160])

if __name__ == "__main__":
    main()
