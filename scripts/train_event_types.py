"""Train the sub-event-type classifier shipped in ``eventwire/data/models/event_types.npz``.

    .venv/bin/python scripts/train_event_types.py            # or: make train
    .venv/bin/python scripts/train_event_types.py --out-of-fold   # and score the whole pipeline out of fold

Data: the *tuning* part of ``../shared/benchmarks/acled_sample`` (the held-out part, the one
``eventwire evaluate acled-notes`` scores, is never read here). Each coder's note, less ACLED's
bracketed annotations ("[size=no report]") and coding remarks ("Fatalities coded as 12."), is one
example labelled "Event type | Sub-event type". Features are :func:`eventwire.extraction.type_model.features`
(word uni- and bigrams and stems, numbers folded, months dropped; trigger kinds and casualty figures),
weighted tf-idf; the model is a multinomial logistic regression (scikit-learn, needed only here).

The second stage (:class:`eventwire.extraction.type_model.TypeStage`) is trained on the pipeline's own
reading of the same notes: each note is extracted, and the first event's text and
:class:`~eventwire.extraction.type_model.Reading` are recorded as
:func:`eventwire.extraction.events.second_opinion` receives them. Its first-stage probabilities come
from the cross-validation models that did not see the note (cross-fitting), so that training sees what
inference sees on new text.
With ``--out-of-fold`` the whole pipeline is also scored on the training notes out of fold (each fold's
notes extracted with both stages fitted without them): the measure to choose a change to the rules, the
lexicon or the model by, since the shipped model has seen every tuning note.
Seeded and deterministic. Writes the artifact and its model card with the cross-validated scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from eventwire.evaluate.acled_notes import AcledRow, resolve_data_dir, rows_for_part, score_acled_notes
from eventwire.extraction import events
from eventwire.extraction.pipeline import Extractor
from eventwire.extraction.type_model import Reading, features, read_type_model, reading_features

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "models"
SEED = 13
STAGE_C = 0.1  # tuned out of fold on the tuning part: the stage has few, strong features
_ANNOTATIONS = re.compile(r"\[[^\]]*\]|\bfatalities\s+coded\s+as\s+\w+\.?|\b\d+\s+fatalit(?:y|ies)\.?", re.I)


def clean(note: str) -> str:
    return " ".join(_ANNOTATIONS.sub(" ", note).split())


def examples(rows: Sequence[AcledRow]) -> tuple[list[str], list[str]]:
    """(cleaned notes, "Event type | Sub-event type" labels) of the rows that have both."""
    kept = [r for r in rows if r.notes and r.sub_event_type]
    return [clean(r.notes) for r in kept], [f"{r.event_type} | {r.sub_event_type}" for r in kept]


def fit(texts: Sequence[str], labels: Sequence[str], *, c: float, min_count: int) -> tuple[Any, Any]:
    """The fitted (vectorizer, classifier) pair; deterministic for the same inputs."""
    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=min_count, dtype=np.float32)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(x, labels)
    return vectorizer, model


def artifact(vectorizer: Any, model: Any, temperature: float = 1.0, stage: Any = None) -> bytes:
    """The ``event_types.npz`` bytes that :func:`eventwire.extraction.type_model.read_type_model` reads;
    ``stage`` is the second stage's (DictVectorizer, classifier) pair, if any."""
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    meta: dict[str, Any] = {
        "labels": list(model.classes_),
        "vocabulary": vocabulary,
        "temperature": temperature,
    }
    arrays: dict[str, np.ndarray] = {
        "idf": vectorizer.idf_.astype(np.float32),
        "weights": model.coef_.astype(np.float16),
        "bias": model.intercept_.astype(np.float32),
    }
    if stage is not None:
        stage_vectorizer, stage_model = stage
        meta["stage_labels"] = list(stage_model.classes_)
        meta["stage_vocabulary"] = list(stage_vectorizer.feature_names_)
        arrays["stage_weights"] = stage_model.coef_.astype(np.float32)
        arrays["stage_bias"] = stage_model.intercept_.astype(np.float32)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer, meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8), **arrays
    )
    return buffer.getvalue()


def readings(rows: Sequence[AcledRow]) -> list[tuple[str, Reading] | None]:
    """The first event's (text, reading) as the pipeline types it, per row; None where it finds none."""
    extractor = Extractor.load()
    seen: list[tuple[str, Reading]] = []
    typed = events.second_opinion

    def record(
        rules: tuple[str, str, bool], text: str, families: Any = (), kinds: Any = (), reading: Any = None
    ) -> tuple[str, str, bool]:
        if reading is not None:
            seen.append((text, reading))
        return typed(rules, text, families, kinds, reading)

    out: list[tuple[str, Reading] | None] = []
    with mock.patch.object(events, "second_opinion", record):
        for row in rows:
            seen.clear()
            found = extractor.run(row.to_document()).events
            out.append(seen[0] if found and seen else None)
    return out


def stage_fit(feats: Sequence[dict[str, float]], labels: Sequence[str]) -> tuple[Any, Any]:
    """The second stage's fitted (DictVectorizer, classifier) pair."""
    vectorizer = DictVectorizer(dtype=np.float64)
    model = LogisticRegression(C=STAGE_C, max_iter=3000, random_state=SEED)
    model.fit(vectorizer.fit_transform(feats), labels)
    return vectorizer, model


def temperature_for(logits: np.ndarray, gold: np.ndarray) -> float:
    """The softmax temperature that gives held-apart predictions the lowest log loss (a grid search)."""
    best, best_loss = 1.0, float("inf")
    for temperature in np.round(np.arange(0.5, 6.01, 0.1), 2):
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scaled).sum(axis=1))
        loss = float(np.mean(log_norm - scaled[np.arange(len(gold)), gold]))
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def cross_validated(
    texts: Sequence[str],
    labels: Sequence[str],
    read: Sequence[tuple[str, Reading] | None],
    *,
    c: float,
    min_count: int,
) -> tuple[dict[str, Any], float, list[dict[str, float] | None], list[Fold]]:
    """5-fold cross-validated scores of the same recipe on the training notes, the temperature that
    calibrates its probabilities on the held-apart folds, each note's reading's probabilities by the
    fold model that did not see it (None where the pipeline found no event), and the fold models."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    predicted: list[str] = [""] * len(texts)
    logits: list[np.ndarray] = []
    gold: list[int] = []
    fitted: list[Fold] = []
    for train, test in folds.split(texts, labels):
        vectorizer, model = fit(
            [texts[i] for i in train], [labels[i] for i in train], c=c, min_count=min_count
        )
        fitted.append((test, vectorizer, model))
        classes = list(model.classes_)
        scores = model.decision_function(vectorizer.transform([texts[i] for i in test]))
        for i, row in zip(test, scores, strict=True):
            predicted[i] = str(classes[int(np.argmax(row))])
            if labels[i] in classes:  # a label this fold never saw cannot be scored for calibration
                logits.append(row)
                gold.append(classes.index(labels[i]))
    temperature = temperature_for(np.array(logits), np.array(gold))
    held_apart: list[dict[str, float] | None] = [None] * len(texts)
    for test, vectorizer, model in fitted:
        fold_model = read_type_model(artifact(vectorizer, model, temperature))
        for i in test:
            seen = read[i]
            if seen is not None:
                held_apart[i] = fold_model.probabilities(seen[0])
    type_of = [p.split(" | ")[0] for p in predicted]
    return (
        {
            "examples": len(texts),
            "cv_sub_event_type_accuracy": round(100 * accuracy_score(labels, predicted), 2),
            "cv_sub_event_type_weighted_f1": round(100 * f1_score(labels, predicted, average="weighted"), 2),
            "cv_sub_event_type_macro_f1": round(100 * f1_score(labels, predicted, average="macro"), 2),
            "cv_event_type_accuracy": round(
                100 * accuracy_score([y.split(" | ")[0] for y in labels], type_of), 2
            ),
            "temperature": temperature,
        },
        temperature,
        held_apart,
        fitted,
    )


Fold = tuple[Any, Any, Any]
"""A cross-validation fold: the indices of its held-apart notes, and the (vectorizer, classifier) fitted
without them."""


def pipeline_out_of_fold(
    rows: Sequence[AcledRow],
    labels: Sequence[str],
    read: Sequence[tuple[str, Reading] | None],
    held_apart: Sequence[dict[str, float] | None],
    fitted: Sequence[Fold],
    temperature: float,
) -> dict[str, Any]:
    """The whole pipeline's scores on the training notes out of fold, as ``eventwire evaluate acled-notes``
    scores a part: each fold's notes are extracted with a type model, both stages, fitted without them
    (the shipped model has seen every training note, so the pipeline scored with it on them is inflated).
    The rules, triggers and judgement are the same as shipped: this measures a change to them or to the
    model fairly on the tuning part."""
    extractor = Extractor.load()
    predictions: dict[str, list[Any]] = {}
    for test, vectorizer, model in fitted:
        held = set(test)
        kept = [i for i, seen in enumerate(read) if seen is not None and i not in held]
        stage = stage_fit(
            [reading_features(read[i][1], held_apart[i]) for i in kept],  # type: ignore[index,arg-type]
            [labels[i].partition(" | ")[0] for i in kept],
        )
        fold_model = read_type_model(artifact(vectorizer, model, temperature, stage))
        with mock.patch.object(events, "load_type_model", lambda model=fold_model: model):
            for i in test:
                predictions[rows[i].event_id_cnty] = extractor.extract(rows[i].to_document())
    headline = dict(score_acled_notes(rows, predictions, part="tuning").headline)
    names = ("event_type_accuracy", "sub_event_type_accuracy", "sub_event_type_weighted_f1")
    names += ("sub_event_type_macro_f1", "fatalities_exact")
    return {f"pipeline_oof_{name}": round(100 * headline[name], 2) for name in names} | {
        "pipeline_oof_notes_without_an_event": sum(not found for found in predictions.values())
    }


def stage_scores(
    feats: Sequence[dict[str, float]], types: Sequence[str], rules: Sequence[str]
) -> dict[str, Any]:
    """5-fold cross-validated event type accuracy of the second stage on the notes the pipeline found an
    event in, beside the rules' alone."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    predicted = [""] * len(feats)
    for train, test in folds.split(feats, types):
        vectorizer, model = stage_fit([feats[i] for i in train], [types[i] for i in train])
        for i, label in zip(test, model.predict(vectorizer.transform([feats[i] for i in test])), strict=True):
            predicted[i] = str(label)
    return {
        "stage_examples": len(feats),
        "stage_alone_any_type_cv_event_type_accuracy": round(100 * accuracy_score(types, predicted), 2),
        "rules_event_type_accuracy": round(100 * accuracy_score(types, rules), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="acled_sample folder")
    parser.add_argument("--c", type=float, default=128.0, help="inverse regularization strength")
    parser.add_argument("--min-count", type=int, default=2, help="keep features seen in this many notes")
    parser.add_argument(
        "--out-of-fold",
        action="store_true",
        help="also score the whole pipeline on the training notes out of fold (a few minutes more)",
    )
    args = parser.parse_args()
    try:
        data_dir = resolve_data_dir(args.data)
    except Exception as err:
        print(f"train_event_types: {err}", file=sys.stderr)
        return 2
    rows = [r for r in rows_for_part("tuning", data_dir) if r.notes and r.sub_event_type]
    texts, labels = examples(rows)
    read = readings(rows)
    scores, temperature, held_apart, fitted = cross_validated(
        texts, labels, read, c=args.c, min_count=args.min_count
    )
    kept = [i for i, seen in enumerate(read) if seen is not None]
    feats = [reading_features(read[i][1], held_apart[i]) for i in kept]  # type: ignore[index,arg-type]
    types = [labels[i].partition(" | ")[0] for i in kept]
    scores |= stage_scores(feats, types, [read[i][1].rules[0] for i in kept])  # type: ignore[index]
    if args.out_of_fold:
        scores |= pipeline_out_of_fold(rows, labels, read, held_apart, fitted, temperature)
    vectorizer, model = fit(texts, labels, c=args.c, min_count=args.min_count)
    data = artifact(vectorizer, model, temperature, stage_fit(feats, types))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "event_types.npz").write_bytes(data)
    counts = Counter(labels)
    card = [
        "# event_types: ACLED sub-event type classifier",
        "",
        f"- Trained {dt.date.today().isoformat()} by `scripts/train_event_types.py`"
        f" (seed {SEED}, C={args.c}).",
        f"- Data: tuning part of `acled_sample` ({len(texts)} coder notes, {len(counts)} labels); the"
        " held-out part scored by `eventwire evaluate acled-notes` is not used.",
        "- Features: word uni/bigrams and five-letter stems (numbers folded, months dropped), the lexicon's"
        " trigger kinds and the casualty figures (kind and victims' category) found in the note;"
        f" {len(vectorizer.vocabulary_)} features seen in ≥{args.min_count} notes; sublinear tf-idf.",
        "- Model: multinomial logistic regression; weights stored as float16; softmax temperature"
        f" {temperature} (the lowest log loss on the held-apart folds), so probabilities are calibrated.",
        f"- Size: {len(data) / 1e6:.1f} MB.",
        "- Use: a second opinion on the sub-event type where the rules leave room (see"
        " `eventwire.extraction.events.second_opinion`); the event type is the one whose sub-event types'"
        " probabilities sum highest.",
        f"- Second stage: a logistic regression (C={STAGE_C}) over the first stage's log-probabilities per"
        " event type (not per sub-event type: those of the rare labels overfit) and the pipeline's reading"
        " of the event (the rules' typing, trigger kinds, inter codes and kinds of both sides, whether both"
        " sides were armed, the victims' kind, deaths) that chooses the event type where the first opinion is"
        " Battles or Violence against civilians (between those two; and Riots where the side that acted is a"
        " named crowd; and the rules' own Riots or Strategic developments the first opinion overruled), a"
        " protest the rules read as a riot (between Protests and Riots), a strategic development by no armed"
        " side (between it and Riots), ground an armed group took with no fight told (between Battles and"
        " Strategic developments), or remote violence where the rules read a battle (between the two);"
        " trained on the pipeline's"
        f" reading of the {scores['stage_examples']} notes it finds an event in, with first-stage"
        " probabilities from the fold models that did not see the note. Its score below is the stage"
        " alone, free to choose any event type on those notes: not what the pipeline ships.",
        "- Limits: trained on coder summaries, not on news prose; few examples of the rarer types. The cue"
        " features read the lexicon and the casualty patterns: retrain after changing them.",
        "- Scores of the whole pipeline on the held-out part: `eventwire evaluate acled-notes`"
        " (`bench/results/evaluate_acled-notes.json`).",
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
