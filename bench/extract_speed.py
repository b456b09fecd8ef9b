"""How fast `extract` runs on real news: articles per second on one core, and the ratio to spaCy's blank
English tokenizer over the same texts in the same run (a ratio is steadier than a raw rate on a noisy
machine). Reads MUC-4 train and GeoWebNews from ../shared; skips with a message where they are absent.

    python bench/extract_speed.py [--limit N] [--out bench/results/extract_speed.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "benchmarks").resolve()


def corpus(limit: int) -> list[str]:
    texts: list[str] = []
    muc = SHARED / "muc4" / "full_templates" / "train.jsonl"
    if muc.exists():
        with muc.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    gwn = SHARED / "geoparsing" / "geowebnews" / "brat"
    if gwn.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(gwn.glob("*.txt"))]
    return texts[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract_speed.json")
    args = parser.parse_args()
    texts = corpus(args.limit)
    if not texts:
        print(f"skipped: no benchmark texts under {SHARED}")
        return 0

    import spacy

    from eventwire.documents.build import build_document
    from eventwire.extraction.pipeline import Extractor
    from eventwire.models.document import RawItem

    extractor = Extractor.load()
    tokenizer = spacy.blank("en").tokenizer
    for text in texts[:20]:  # warm up
        extractor.run(build_document(RawItem("warm", text)))

    started = time.process_time()
    for text in texts:
        tokenizer(text)
    spacy_seconds = time.process_time() - started

    started = time.process_time()
    events = 0
    for i, text in enumerate(texts):
        events += len(extractor.run(build_document(RawItem(f"doc{i}", text))).events)
    ours = time.process_time() - started

    result = {
        "articles": len(texts),
        "characters": sum(map(len, texts)),
        "events": events,
        "extract_cpu_seconds": round(ours, 3),
        "articles_per_second_per_core": round(len(texts) / ours, 1),
        "spacy_blank_tokenize_cpu_seconds": round(spacy_seconds, 3),
        "ratio_to_spacy_tokenization": round(ours / spacy_seconds, 2),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
