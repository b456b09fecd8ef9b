"""A linear sub-event-type classifier over an event's sentences, trained on ACLED coders' notes.

The rules in :mod:`eventwire.extraction.typing_rules` know ACLED's definitions; the model knows how
coders actually used them (a drive-by shooting of one man is an Attack, a "shoot-out" between gangs an
Armed clash, "the OSCE SMM observed 6 explosions" Shelling). :func:`eventwire.extraction.events` asks
the model only where the rules leave room: see ``decide`` there.

The artifact (``data/models/event_types.npz``, written by ``scripts/train_event_types.py``; its model
card is ``data/models/event_types.md``) holds a vocabulary of word n-grams, their idf weights and one
weight row per sub-event type. Inference is a sparse dot product in numpy: no scikit-learn at run time.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

# Numbers carry no type: "killing 3" and "killing 30" read the same. Dates are written out by ACLED
# ("On 8 May 2020,") and by reporters; they are dropped so the model does not learn months.
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with every number as ``0`` and month names dropped."""
    out = []
    for tok in _TOKEN.findall(text.lower()):
        if tok[0].isdigit():
            out.append("0")
        elif tok not in _MONTHS:
            out.append(tok)
    return out


def features(text: str) -> list[str]:
    """Unigrams and bigrams of :func:`tokens`: the same features at training and at run time."""
    toks = tokens(text)
    return toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]


@dataclass(frozen=True)
class TypeModel:
    labels: tuple[str, ...]  # "Event type | Sub-event type"
    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]  # (labels, vocabulary)
    bias: npt.NDArray[np.float32]

    def probabilities(self, text: str) -> dict[str, float]:
        """P(label | text) for every label, by tf-idf (sublinear, L2-normalized) and softmax."""
        counts: dict[int, int] = {}
        for feat in features(text):
            j = self.vocabulary.get(feat)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        logits = self.bias.astype(np.float64)
        if counts:
            cols = np.fromiter(counts, dtype=np.int64)
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[cols]
            values /= np.linalg.norm(values) or 1.0
            logits = logits + self.weights[:, cols] @ values
        logits -= logits.max()
        exp = np.exp(logits)
        exp /= exp.sum()
        return {label: float(p) for label, p in zip(self.labels, exp, strict=True)}

    def predict(self, text: str) -> tuple[str, str, float]:
        """(event_type, sub_event_type, probability) of the most likely label."""
        probs = self.probabilities(text)
        label = max(probs, key=probs.__getitem__)
        event_type, _, sub_event_type = label.partition(" | ")
        return event_type, sub_event_type, probs[label]


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The shipped model, or None where the artifact is absent (the rules then decide alone)."""
    folder = resources.files("eventwire") / "data" / "models"
    artifact = folder / "event_types.npz"
    if not artifact.is_file():
        return None
    with artifact.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        meta = json.loads(bytes(data["meta"]).decode("utf-8"))
        return TypeModel(
            labels=tuple(meta["labels"]),
            vocabulary={feat: i for i, feat in enumerate(meta["vocabulary"])},
            idf=data["idf"].astype(np.float32),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
        )
