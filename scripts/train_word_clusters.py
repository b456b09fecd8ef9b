"""Train the word clusters the role-filler tagger reads (``eventwire/data/models/word_clusters.tsv.gz``).

    .venv/bin/python scripts/train_word_clusters.py            # or: make train (before the tagger)

A name the tagger never saw in training ("Cerezo") still shares a cluster with names it did see
("Azcona", "Menem"): clusters give the CRF a way to generalise past its 1,300 training reports.

Data (unlabelled text, read from ``../shared/benchmarks``; nothing of MUC-4's dev or test splits and
nothing of ACLED's held-out part): MUC-4 train reports, ACLED coder notes of the tuning part, the
CoNLL-2003 train split, the GMB corpus and the WikiEvents train documents, tokenised as the tagger
tokenises (:data:`eventwire.extraction.role_model.TOKEN`) and lower-cased.

Model: skip-gram word2vec (gensim; 100 dimensions, window 5, words seen ≥ 3 times, 8 epochs, one worker
and a fixed seed, so the run is reproducible), then k-means (scikit-learn) on the unit vectors at three
granularities, 64, 256 and 1024 clusters. The artifact lists each word with its three cluster numbers.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import MiniBatchKMeans

from eventwire.evaluate.acled_notes import rows_for_part
from eventwire.evaluate.muc4 import load_muc4
from eventwire.extraction.role_model import CLUSTER_SIZES, TOKEN

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "models"
SEED = 13
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _sentences(text: str) -> Iterator[list[str]]:
    for piece in _SENTENCE_END.split(text):
        words = [w.lower() for w in TOKEN.findall(piece)]
        if len(words) > 3:
            yield words


def _column_sentences(lines: Iterator[list[str]]) -> Iterator[str]:
    """Sentences of a one-token-per-row corpus; an empty row (or None) ends a sentence."""
    words: list[str] = []
    for row in lines:
        if not row:
            if words:
                yield " ".join(words)
            words = []
        else:
            words.append(row[0])
    if words:
        yield " ".join(words)


def corpus(shared: Path) -> list[list[str]]:
    texts: list[str] = [d.text for d in load_muc4("train", shared / "muc4")]
    texts += [row.notes or "" for row in rows_for_part("tuning", shared / "acled_sample")]
    with (shared / "ner" / "conll2003" / "train.txt").open(encoding="utf-8") as f:
        rows = ([] if not line.split() or line.startswith("-DOCSTART-") else line.split() for line in f)
        texts += list(_column_sentences(rows))
    with (shared / "ner" / "gmb_kaggle" / "ner_dataset.csv").open(encoding="latin-1") as f:
        reader = csv.reader(f)
        next(reader)
        gmb: list[list[str]] = []
        for row in reader:
            if row[0].startswith("Sentence:"):
                gmb.append([])
            gmb.append([row[1]])
        texts += list(_column_sentences(iter(gmb)))
    with (shared / "wikievents" / "train_events_only_lossy" / "wiki-train-human.jsonl").open() as f:
        for line in f:
            document = json.loads(line)
            texts.append(" ".join(document.get("tokens", [])) or document.get("text", ""))
    return [words for text in texts for words in _sentences(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"train_word_clusters: {args.shared} is not here", file=sys.stderr)
        return 2
    began = time.perf_counter()
    sentences = corpus(args.shared)
    tokens = sum(len(s) for s in sentences)
    model = Word2Vec(sentences, vector_size=100, window=5, min_count=3, sg=1, workers=1, epochs=8, seed=SEED)
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    labels = [
        MiniBatchKMeans(n_clusters=k, random_state=SEED, batch_size=4096, n_init=3).fit(vectors).labels_
        for k in CLUSTER_SIZES
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    lines = (
        word + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n" for i, word in enumerate(words)
    )
    # mtime=0: the same data gives the same bytes
    (OUT / "word_clusters.tsv.gz").write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    seconds = time.perf_counter() - began
    size = (OUT / "word_clusters.tsv.gz").stat().st_size / 1e6
    (OUT / "word_clusters.md").write_text(
        f"""# word_clusters: word2vec + k-means clusters for the role-filler tagger

- Trained {dt.date.today().isoformat()} by `scripts/train_word_clusters.py` ({seconds:.0f} s).
- Data: {len(sentences)} sentences, {tokens} tokens of unlabelled text: MUC-4 train, ACLED notes (tuning
  part), CoNLL-2003 train, GMB, WikiEvents train (none of the splits eventwire is scored on).
- Model: skip-gram word2vec (gensim, 100 dimensions, window 5, min count 3, 8 epochs, seed {SEED}), then
  k-means at {", ".join(map(str, CLUSTER_SIZES))} clusters on the unit vectors.
- Vocabulary: {len(words)} words. Size: {size:.1f} MB.
- Used by: `eventwire.extraction.role_model.sentence_features` (features `c64=`, `c256=`, `c1024=` of a
  word and of its neighbours); retrain `role_fillers.crfsuite` after retraining these.
"""
    )
    print(f"{len(words)} words from {tokens} tokens in {seconds:.0f} s; {size:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
