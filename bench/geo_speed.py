"""How fast the gazetteer answers and how much memory it takes.

- ``lookups_per_second``: ``Gazetteer.lookup(name)`` calls per second (CPU time, one core) over a mix of
  names: every gold toponym surface form of the geoparsing corpora where ../shared has them, else the
  gazetteer's own names, including misses and mixed case;
- ``candidate_ids_per_second``: the same through ``candidate_ids`` (the recognizer's path, no ``Place``);
- ``toponyms_per_second``: toponyms found and resolved per second by ``find_toponyms`` over the corpora;
- ``rss_delta_mb``: resident memory after ``Gazetteer.load()`` minus before (cache already built),
  measured in a fresh interpreter; ``load_seconds``: the wall time of that load;
- ``build_seconds`` (with ``--build``): compiling the gazetteer from its sources into an empty cache.

    EVENTWIRE_CACHE_DIR=/tmp/ewcache python bench/geo_speed.py [--build] [--out bench/results/geo_speed.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "benchmarks" / "geoparsing").resolve()

_MEMORY_PROBE = """
import gc, json, sys, time
def rss():
    with open("/proc/self/statm") as fh:
        import os
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
gc.collect()
import eventwire.resolve.gazetteer as g
before = rss()
started = time.perf_counter()
gaz = g.Gazetteer.load()
seconds = time.perf_counter() - started
gc.collect()
print(json.dumps({"rss_delta_mb": (rss() - before) / 2**20, "load_seconds": seconds, "entries": len(gaz)}))
"""


def names_and_texts() -> tuple[list[str], list[str]]:
    if not SHARED.exists():
        return [], []
    from eventwire.evaluate.geo import CORPORA, load_corpus

    names: list[str] = []
    texts: list[str] = []
    for corpus in CORPORA:
        for doc in load_corpus(corpus, SHARED):
            texts.append(doc.text)
            names += [t.text for t in doc.toponyms]
    return names, texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", action="store_true", help="Also time a build from the sources.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "geo_speed.json")
    args = parser.parse_args()

    from eventwire.extraction.toponyms import find_toponyms
    from eventwire.resolve.gazetteer import Gazetteer

    probe = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE], capture_output=True, text=True, check=True
    )  # a fresh interpreter: nothing else loaded, the cache already built
    memory = json.loads(probe.stdout)

    gaz = Gazetteer.load()
    names, texts = names_and_texts()
    source = "geoparsing gold toponyms"
    if not names:
        source = "gazetteer names (../shared absent)"
        names = [gaz.place(i).name for i in range(0, len(gaz), 50)]
    names = names + [n.upper() for n in names[:2000]] + ["Notaplace Xyz", "the Sahel", "western Iraq"]

    for name in names[:1000]:  # warm up the Place cache the way a long run would
        gaz.lookup(name)
    started = time.process_time()
    for _ in range(args.rounds):
        for name in names:
            gaz.lookup(name)
    lookup_rate = args.rounds * len(names) / (time.process_time() - started)
    started = time.process_time()
    for _ in range(args.rounds):
        for name in names:
            gaz.candidate_ids(name)
    ids_rate = args.rounds * len(names) / (time.process_time() - started)

    found = 0
    started = time.process_time()
    for text in texts:
        found += len(find_toponyms(text, gaz))
    text_seconds = time.process_time() - started

    result: dict[str, object] = {
        "lookups_per_second": round(lookup_rate),
        "candidate_ids_per_second": round(ids_rate),
        "lookup_names": len(names),
        "names_from": source,
        "toponyms_per_second": round(found / text_seconds) if text_seconds else None,
        "documents": len(texts),
        "toponyms_found": found,
        "rss_delta_mb": round(memory["rss_delta_mb"], 1),
        "load_seconds": round(memory["load_seconds"], 3),
        "entries": memory["entries"],
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            Gazetteer.load(Path(tmp))
            result["build_seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
