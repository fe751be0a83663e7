#!/usr/bin/env python3
"""Benchmark `mizan brief` on SaudiNewsNet and measure the name-check false-alarm rate.

usage: scripts/bench.py [--corpus ../shared/corpora/saudinewsnet] [--work /tmp/mizan-bench] [--big]
                        [--sizes 1000,10000,all] [--bin target/release/mizan] [--runs 5]
                        [--baseline OTHER_BIN]

The corpus (research licence) is read from ../shared and converted to JSON-lines feeds under
--work; nothing of it enters the repository. For each size it runs `mizan brief FEED` --runs
times and reports the median wall time, CPU seconds (user + sys, from wait4), peak resident
memory (from wait4), MB of feed per wall second and the load average before the runs. With
--baseline, the other binary (a previous release build) runs alternately with this one in the
same session — base, new, base, new… — so that both see the same load, and the ratios new/base
are printed: on a shared machine the ratio is the number to trust. On the largest run it counts the
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
    # streamed, never held whole: a child forked from a large Python process would count the
    # parent's pages in its own peak memory (ru_maxrss)
    total = sum(1 for _ in open(full, encoding="utf-8"))
    out = []
    for s in sizes:
        if s == "all":
            out.append((total, full))
            continue
        k = int(s)
        p = os.path.join(work, f"first-{k}.jsonl")
        if not os.path.exists(p):
            with open(full, encoding="utf-8") as src, open(p, "w", encoding="utf-8") as f:
                for i, line in enumerate(src):
                    if i == k:
                        break
                    f.write(line)
        out.append((k, p))
    return out

GLOSSARY = []  # ["--glossary", FILE] when --glossary is given

def run(binary, feed, out, extra=(), cpu=False):
    """One `mizan brief`: wall seconds and peak MiB (and CPU seconds, user + sys, with cpu)."""
    t0 = time.monotonic()
    p = subprocess.Popen([binary, "brief", feed, "--out", out, *GLOSSARY, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read().decode()  # read before waiting: a full pipe would block mizan
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        sys.exit(f"mizan failed ({code}): {err}")
    mem = usage.ru_maxrss / 1024  # MiB
    if cpu:
        return dt, usage.ru_utime + usage.ru_stime, mem
    return dt, mem

def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2

def load():
    return os.getloadavg()[0]

def measure(bins, feed, out, runs):
    """Run each binary `runs` times, alternating; per binary the lists of wall, CPU and peak."""
    res = {name: ([], [], []) for name in bins}
    for _ in range(runs):
        for name, b in bins.items():
            dt, cpu, mem = run(b, feed, out + "-" + name, cpu=True)
            for lst, v in zip(res[name], (dt, cpu, mem)):
                lst.append(v)
    return res

def corpus_table(bins, runs_list, runs):
    print(f"measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, "
          f"{runs} runs each" + (", alternating with the baseline" if len(bins) > 1 else ""))
    print("| articles | MB | binary | wall median (s) | wall runs (s) | CPU median (s) | peak median (MiB) | MB/s | load before |")
    print("|---:|---:|---|---:|---|---:|---:|---:|---:|")
    outs, ratios = None, []
    for n, feed in runs_list:
        mb = os.path.getsize(feed) / 1e6
        la = load()
        out = os.path.join(os.path.dirname(feed), f"out-{n}")
        res = measure(bins, feed, out, runs)
        med = {}
        for name, (walls, cpus, mems) in res.items():
            w, c, m = median(walls), median(cpus), median(mems)
            med[name] = (w, c, m)
            shown = " / ".join(f"{x:.2f}" for x in walls)
            print(f"| {n} | {mb:.0f} | {name} | {w:.2f} | {shown} | {c:.2f} | {m:.0f} | {mb / w:.1f} | {la:.2f} |", flush=True)
        if "base" in med:
            (w0, c0, m0), (w1, c1, m1) = med["base"], med["new"]
            ratios.append((n, w1 / w0, c1 / c0, m1 / m0))
        outs = out + "-new"
    if ratios:
        print("\n| articles | wall new/base | CPU new/base | peak new/base |")
        print("|---:|---:|---:|---:|")
        for n, w, c, m in ratios:
            print(f"| {n} | {w:.2f} | {c:.2f} | {m:.2f} |")
    return outs

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

BIG_MB = (1, 5, 20, 50)

def make_big(work, sizes_mb=BIG_MB):
    """Write the big-N mb.txt articles (SaudiNewsNet texts joined as paragraphs)."""
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
    for mb in sizes_mb:
        path = os.path.join(work, f"big-{mb}mb.txt")
        if not os.path.exists(path):
            with open(path, "wb") as out:
                out.write(data[: mb * 1024 * 1024].decode("utf-8", "ignore").encode())

def big(binary, work, sizes_mb=BIG_MB):
    """One article of 1, 5, 20 and 50 MB: time per MB must stay flat, every stage linear in the
    length of one article."""
    # made by another process: a child forked from a large process counts its pages in its peak
    subprocess.run([sys.executable, os.path.abspath(__file__), "--work", work, "--make-big"], check=True)
    print("| article | wall time (s) | peak memory (MiB) | s per MB |")
    print("|---:|---:|---:|---:|")
    for mb in sizes_mb:
        path = os.path.join(work, f"big-{mb}mb.txt")
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
    ap.add_argument("--runs", type=int, default=5, help="runs per size and binary (the median is reported)")
    ap.add_argument("--baseline", help="a previous release build, run alternately with --bin")
    ap.add_argument("--glossary", help="the story glossary for both builds (default ./glossary.yaml of the "
                    "repository); a baseline that cannot read today's glossary needs one it can read")
    ap.add_argument("--make-big", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.make_big:
        make_big(a.work)
        return
    cached = os.path.exists(os.path.join(a.work, "all.jsonl"))
    if not cached and not glob.glob(os.path.join(a.corpus, "*.zip")):
        sys.exit(f"bench: no SaudiNewsNet zip files in {os.path.normpath(a.corpus)}: the corpus is read "
                 "from ../shared (beside this repository), which is missing here; pass --corpus DIR")
    for b in [a.bin] + ([a.baseline] if a.baseline else []):
        if not os.path.exists(b):
            sys.exit(f"bench: {b} does not exist; build it first: cargo build --release")
    if a.glossary:
        GLOSSARY[:] = ["--glossary", os.path.abspath(a.glossary)]
    os.chdir(os.path.join(here, ".."))  # glossary.yaml is found in the repository root
    runs = feeds(a.corpus, a.work, a.sizes.split(","))
    if a.big:
        big(os.path.abspath(a.bin), a.work)
        return
    bins = {"new": os.path.abspath(a.bin)}
    if a.baseline:
        bins = {"base": os.path.abspath(a.baseline), **bins}
    last_out = corpus_table(bins, runs, a.runs)
    total, flagged, samples = false_alarms(os.path.join(last_out, "facts.json"))
    rate = flagged / max(1, total)
    print(f"\nname-check alarms: {flagged} of {total} sentences = 1 in {total / max(1, flagged):.0f} ({rate:.4%})")
    for s in samples[:25]:
        print("  ", s[:160])

if __name__ == "__main__":
    main()
