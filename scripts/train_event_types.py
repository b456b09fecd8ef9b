"""Train the sub-event-type classifier shipped in ``eventwire/data/models/event_types.npz``.

    .venv/bin/python scripts/train_event_types.py            # or: make train

Data: the *tuning* part of ``../shared/benchmarks/acled_sample`` (the held-out part, the one
``eventwire evaluate acled-notes`` scores, is never read here). Each coder's note, less ACLED's
bracketed annotations ("[size=no report]") and coding remarks ("Fatalities coded as 12."), is one
example labelled "Event type | Sub-event type". Features are :func:`eventwire.extraction.type_model.features`
(word uni- and bigrams, numbers folded, months dropped), weighted tf-idf; the model is a multinomial
logistic regression (scikit-learn, needed only here). Seeded and deterministic. Writes the artifact and
its model card with the cross-validated scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from eventwire.evaluate.acled_notes import resolve_data_dir, rows_for_part
from eventwire.extraction.type_model import features

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "models"
SEED = 13
_ANNOTATIONS = re.compile(r"\[[^\]]*\]|\bfatalities\s+coded\s+as\s+\w+\.?|\b\d+\s+fatalit(?:y|ies)\.?", re.I)


def clean(note: str) -> str:
    return " ".join(_ANNOTATIONS.sub(" ", note).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="acled_sample folder")
    parser.add_argument("--c", type=float, default=8.0, help="inverse regularization strength")
    parser.add_argument("--min-count", type=int, default=2, help="keep features seen in this many notes")
    args = parser.parse_args()
    try:
        data_dir = resolve_data_dir(args.data)
    except Exception as err:
        print(f"train_event_types: {err}", file=sys.stderr)
        return 2
    rows = [r for r in rows_for_part("tuning", data_dir) if r.notes and r.sub_event_type]
    texts = [clean(r.notes) for r in rows]
    labels = [f"{r.event_type} | {r.sub_event_type}" for r in rows]
    vectorizer = TfidfVectorizer(
        analyzer=features, sublinear_tf=True, min_df=args.min_count, dtype=np.float32
    )
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=args.c, max_iter=3000, random_state=SEED)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    predicted = cross_val_predict(model, x, labels, cv=folds)
    type_of = [p.split(" | ")[0] for p in predicted]
    scores = {
        "examples": len(rows),
        "cv_sub_event_type_accuracy": round(100 * accuracy_score(labels, predicted), 2),
        "cv_sub_event_type_weighted_f1": round(100 * f1_score(labels, predicted, average="weighted"), 2),
        "cv_sub_event_type_macro_f1": round(100 * f1_score(labels, predicted, average="macro"), 2),
        "cv_event_type_accuracy": round(
            100 * accuracy_score([y.split(" | ")[0] for y in labels], type_of), 2
        ),
    }
    model.fit(x, labels)
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    meta = {"labels": list(model.classes_), "vocabulary": vocabulary}
    OUT.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        idf=vectorizer.idf_.astype(np.float32),
        weights=model.coef_.astype(np.float16),
        bias=model.intercept_.astype(np.float32),
    )
    (OUT / "event_types.npz").write_bytes(buffer.getvalue())
    counts = Counter(labels)
    card = [
        "# event_types: ACLED sub-event type classifier",
        "",
        f"- Trained {dt.date.today().isoformat()} by `scripts/train_event_types.py`"
        f" (seed {SEED}, C={args.c}).",
        f"- Data: tuning part of `acled_sample` ({len(rows)} coder notes, {len(counts)} labels); the"
        " held-out part scored by `eventwire evaluate acled-notes` is not used.",
        f"- Features: word uni/bigrams, numbers folded, months dropped; {len(vocabulary)} features seen in"
        f" ≥{args.min_count} notes; sublinear tf-idf.",
        "- Model: multinomial logistic regression; weights stored as float16.",
        f"- Size: {len(buffer.getvalue()) / 1e6:.1f} MB.",
        "- Use: a second opinion on the sub-event type where the rules leave room (see"
        " `eventwire.extraction.events`).",
        "- Limits: trained on coder summaries, not on news prose; few examples of the rarer types.",
        "",
        "## 5-fold cross-validated scores on the training notes",
        "",
        *[f"- {name}: {value}" for name, value in scores.items()],
        "",
        "## Labels",
        "",
        *[f"- {label}: {n}" for label, n in sorted(counts.items())],
        "",
    ]
    (OUT / "event_types.md").write_text("\n".join(card), encoding="utf-8")
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
