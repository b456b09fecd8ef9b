"""Train the role-filler tagger shipped in ``eventwire/data/models/role_fillers.crfsuite``.

    .venv/bin/python scripts/train_role_fillers.py            # or: make train

Data: MUC-4's *train* split in ``../shared/benchmarks/muc4`` (1,300 reports; the dev split is only
scored, at the end). Each report is read as eventwire reads any input (dateline, sentences, event
mentions, known actors, places: :meth:`eventwire.extraction.pipeline.Extractor.role_inputs`), and each
token labelled BIO with the GRIT role of the key entity whose mention covers it. The key gives mentions
as strings, so every whole-word occurrence of a mention is labelled (longest first, no overlaps).

Model: a linear-chain CRF (python-crfsuite, L-BFGS with L1 and L2 penalties); training is deterministic.
Writes the artifact and its model card with the dev scores of ``eventwire evaluate muc4 --split dev``.

    .venv/bin/python scripts/train_role_fillers.py --out-of-fold   # score the recipe on train, no artifact

With ``--out-of-fold`` nothing is written: the train split is cut in two halves in document order, a
tagger is trained on each and the whole extractor (scope "all") reads the other half with it; the
role-filler scores are printed over all train reports and over the relevant ones only (the events of a
report whose key has no template dropped, as a perfect relevance filter would), which measures the roles
apart from relevance. Halves in document order, not every other report: the reports are numbered
roughly in the order they were filed, and neighbours often tell the same incident, so a tagger trained
on every other report has read the names of its test reports' victims (MUC-4 train, shipped recipe:
Victim 235 right of 614 with every-other-report folds, 150 with halves).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from eventwire.evaluate.muc4 import (
    ROLES,
    Muc4Document,
    evaluate_muc4,
    load_muc4,
    resolve_data_dir,
    run_extractor,
    score_muc4,
)
from eventwire.extraction.pipeline import Extractor
from eventwire.extraction.role_model import RoleTagger, SentenceInput
from eventwire.models.event import Event

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "models"


def mention_pattern(mention: str) -> str | None:
    """A regular expression for the whole-word occurrences of a key mention, its words apart by any
    whitespace: the reports are wrapped at about 70 characters, and a name that runs over a line end is
    the same name (matched with single spaces, 267 of train's 2,485 key entities were never labelled)."""
    words = mention.lower().split()
    if len(" ".join(words)) < 2:
        return None
    return r"(?<![^\W_])" + r"\s+".join(map(re.escape, words)) + r"(?![^\W_])"


def gold_spans(lower: str, document: Muc4Document) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of a key mention in ``lower``, longest first, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for role, _ in ROLES:
        for entity in document.entities[role]:
            for mention in entity:
                pattern = mention_pattern(mention)
                if pattern is None:
                    continue
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


def labelled_trainer(extractor: Extractor, documents: list[Muc4Document]) -> tuple[Any, int, int]:
    """A crfsuite trainer holding every sentence of ``documents`` with its labels, and how many
    sentences and tokens that is."""
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = tokens = 0
    for document in documents:
        doc = document.to_document()
        spans = gold_spans(doc.text.lower(), document)
        for item in extractor.role_inputs(doc):
            inside = [s for s in spans if s[0] >= item.sentence.start and s[1] <= item.sentence.end]
            trainer.append(item.features, labels(item, inside))
            sentences += 1
            tokens += len(item.tokens)
    return trainer, sentences, tokens


def train_params(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.possible_transitions": True,
    }


def out_of_fold(extractor: Extractor, train: list[Muc4Document], args: argparse.Namespace) -> None:
    """Print the role-filler scores of the recipe on ``train``, each half read by a tagger trained on
    the other (see the module's docstring)."""
    half = len(train) // 2
    folds = (train[:half], train[half:])
    predictions: dict[str, list[Event]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, held_out in enumerate(folds):
            trainer, _, _ = labelled_trainer(extractor, list(folds[1 - k]))
            trainer.set_params(train_params(args))
            model = Path(tmp) / f"fold{k}.crfsuite"
            trainer.train(str(model))
            extractor.roles = RoleTagger(model)
            found, _ = run_extractor(held_out, extractor.extract)
            predictions.update(found)
    relevant_only = {doc.doc_id: predictions[doc.doc_id] if doc.relevant else [] for doc in train}
    for name, predicted in (("all reports", predictions), ("relevant reports only", relevant_only)):
        table = score_muc4(train, predicted, split="train").tables[0]
        print(f"MUC-4 train out of fold, {name}: role, right / predicted / gold, F1")
        for row in (*table.rows, *([table.total] if table.total else [])):
            print(f"  {row.name:16} {row.correct:5} {row.predicted:5} {row.gold:5}  {100 * row.f1:5.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="MUC-4 folder")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=1.0, help="L2 penalty (chosen on train out of fold)")
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument(
        "--out-of-fold", action="store_true", help="score the recipe on train's halves; write nothing"
    )
    args = parser.parse_args()
    try:
        data_dir = resolve_data_dir(args.data)
    except Exception as err:
        print(f"train_role_fillers: {err}", file=sys.stderr)
        return 2
    extractor = Extractor.load()
    train = load_muc4("train", data_dir)
    if args.out_of_fold:
        out_of_fold(extractor, train, args)
        return 0
    trainer, sentences, tokens = labelled_trainer(extractor, train)
    trainer.set_params(train_params(args))
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
        "The table is the pipeline as it stood when the model was trained; the rest of the extractor has"
        " changed since (latest scores: `bench/results/evaluate_muc4.json`, refreshed with each benchmark"
        " run). The recipe's own estimate on train, free of dev: `--out-of-fold`.",
        "",
    ]
    (OUT / "role_fillers.md").write_text("\n".join(card), encoding="utf-8")
    print("\n".join(card))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
