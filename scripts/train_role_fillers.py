"""Train the role-filler tagger shipped in ``eventwire/data/models/role_fillers.crfsuite``.

    .venv/bin/python scripts/train_role_fillers.py            # or: make train

Data: MUC-4's *train* split in ``../shared/benchmarks/muc4`` (1,300 reports; the dev split is only
scored, at the end). Each report is read as eventwire reads any input (dateline, sentences, event
mentions, known actors, places: :meth:`eventwire.extraction.pipeline.Extractor.role_inputs`), and each
token labelled BIO with the GRIT role of the key entity whose mention covers it. The key gives mentions
as strings, so every whole-word occurrence of a mention is labelled (longest first, no overlaps).

Model: a linear-chain CRF (python-crfsuite, L-BFGS with L1 and L2 penalties); training is deterministic.
Writes the artifact and its model card with the dev scores of ``eventwire evaluate muc4 --split dev``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from eventwire.evaluate.muc4 import ROLES, Muc4Document, evaluate_muc4, load_muc4, resolve_data_dir
from eventwire.extraction.pipeline import Extractor
from eventwire.extraction.role_model import RoleTagger, SentenceInput

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "models"


def gold_spans(lower: str, document: Muc4Document) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of a key mention in ``lower``, longest first, without overlaps."""
    found = []
    for role, _ in ROLES:
        for entity in document.entities[role]:
            for mention in entity:
                needle = mention.lower().strip()
                if len(needle) < 2:
                    continue
                pattern = r"(?<![^\W_])" + re.escape(needle) + r"(?![^\W_])"
                found.extend((m.start(), m.end(), role) for m in re.finditer(pattern, lower))
    found.sort(key=lambda span: (span[0] - span[1], span[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, role in found:
        if not any(start < e and end > s for s, e, _ in kept):
            kept.append((start, end, role))
    return kept


def labels(item: SentenceInput, spans: list[tuple[int, int, str]]) -> list[str]:
    out = ["O"] * len(item.tokens)
    for start, end, role in spans:
        first = True
        for i, (a, b) in enumerate(item.tokens):
            if a >= start and b <= end and out[i] == "O":
                out[i] = ("B-" if first else "I-") + role
                first = False
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="MUC-4 folder")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=0.25, help="L2 penalty (chosen on dev)")
    parser.add_argument("--iterations", type=int, default=100)
    args = parser.parse_args()
    try:
        data_dir = resolve_data_dir(args.data)
    except Exception as err:
        print(f"train_role_fillers: {err}", file=sys.stderr)
        return 2
    extractor = Extractor.load()
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = tokens = 0
    for document in load_muc4("train", data_dir):
        doc = document.to_document()
        spans = gold_spans(doc.text.lower(), document)
        for item in extractor.role_inputs(doc):
            inside = [s for s in spans if s[0] >= item.sentence.start and s[1] <= item.sentence.end]
            trainer.append(item.features, labels(item, inside))
            sentences += 1
            tokens += len(item.tokens)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "role_fillers.crfsuite"
        trainer.train(str(model))
        seconds = time.perf_counter() - began
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "role_fillers.crfsuite").write_bytes(model.read_bytes())
    size = (OUT / "role_fillers.crfsuite").stat().st_size

    # Dev scores of the whole extractor with the new tagger (and without it, for comparison).
    scores = {}
    for name, tagger in (
        ("with the tagger", RoleTagger(OUT / "role_fillers.crfsuite")),
        ("rules only", None),
    ):
        extractor.roles = tagger
        report = evaluate_muc4(extractor.extract, "dev", data_dir)
        scores[name] = dict(report.headline)
    card = [
        "# role_fillers: MUC-4 role-filler tagger",
        "",
        f"- Trained {dt.date.today().isoformat()} by `scripts/train_role_fillers.py`"
        f" (c1={args.c1}, c2={args.c2}, {args.iterations} L-BFGS iterations, {seconds:.0f} s).",
        f"- Data: MUC-4 train split, {sentences} sentences, {tokens} tokens; labels from GRIT's"
        " role-filler entities (every whole-word occurrence of a key mention).",
        "- Features: `eventwire.extraction.role_model.sentence_features` (words in a ±4 window, affixes,"
        " bigrams, word clusters of the word and its neighbours (`word_clusters.tsv.gz`), event-mention"
        " sentence and trigger distance/side/kind, known actor and inter code, place name).",
        "- Model: linear-chain CRF (python-crfsuite); decoding labels a token when P(outside) < "
        "`O_THRESHOLD`.",
        f"- Size: {size / 1e6:.1f} MB.",
        "- Limits: MUC-4 is Latin American wire copy from 1989–1991 in capitals; fillers in other news"
        " are found by the same context words but the vocabulary of names is dated.",
        "",
        "## MUC-4 dev (`eventwire evaluate muc4 --split dev --scope all`)",
        "",
        "| | CEAF-REE P | R | F1 | relevance acc |",
        "|---|---|---|---|---|",
        *[
            f"| {name} | {100 * s['ceaf_ree_precision']:.1f} | {100 * s['ceaf_ree_recall']:.1f}"
            f" | {100 * s['ceaf_ree_f1']:.1f} | {100 * s['relevance_accuracy']:.1f} |"
            for name, s in scores.items()
        ],
        "",
    ]
    (OUT / "role_fillers.md").write_text("\n".join(card), encoding="utf-8")
    print("\n".join(card))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
