"""Scopes: a coding scheme narrower than ACLED's, learnt from the documents a benchmark's coders kept.

eventwire codes every political-violence and protest event, as ACLED does. MUC-4 codes only terrorist
incidents as its task definition draws them (violence by clandestine groups against non-combatant
targets, reported as fact, recent, specific, in nine Latin American countries): an army-guerrilla clash,
an arrest or a protest is an event for ACLED and "irrelevant" for MUC-4. The ``muc4`` scope keeps a
document's events only when a classifier trained on MUC-4's train split judges the document relevant;
``eventwire evaluate muc4`` scores with it, ``eventwire extract --scope muc4`` applies it.

The classifier is a logistic regression over the word unigrams and bigrams (tf-idf, l2-normalised) of
three views of the document: its whole text, its lead (what a wire report says first is what it is
about) and the sentences that report its events (a relevant report may talk mostly of something else);
and over a few facts about the events eventwire found in it (their sub-event types, actor types, tolls
and dates). The artifact (``data/models/muc4_scope.npz``, written by
``scripts/train_muc4_scope.py``, model card beside it) holds the feature names, idf weights,
coefficients and the decision threshold; inference is a sparse dot product, with no scikit-learn at run
time.
"""

from __future__ import annotations

import io
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from eventwire.documents.dateline import read_dateline
from eventwire.models.event import Event

SCOPES = ("all", "muc4")

_WORD = re.compile(r"[a-z][a-z']+")


LEAD_CHARS = 500
"""How much of the body, after the dateline, is the lead."""


def term_counts(text: str, prefix: str = "") -> Counter[str]:
    """Lower-cased word unigrams and bigrams of ``text`` with their counts, each name after ``prefix``."""
    words = _WORD.findall(text.lower())
    counts = Counter(prefix + word for word in words)
    counts.update(prefix + a + " " + b for a, b in itertools.pairwise(words))
    return counts


def lead(text: str) -> str:
    """The first :data:`LEAD_CHARS` characters of the body (after the dateline, if there is one)."""
    dateline = read_dateline(text)
    start = dateline.end if dateline else 0
    return text[start : start + LEAD_CHARS]


def event_sentences(events: Sequence[Event]) -> str:
    """The sentences that report ``events``, each once, in order."""
    sentences = dict.fromkeys(e.text for event in events for e in event.evidence if e.field == "sentence")
    return "\n".join(sentences)


def document_terms(text: str, events: Sequence[Event]) -> Counter[str]:
    """The terms of the three views of a document: ``d:`` its text, ``l:`` its lead, ``s:`` the
    sentences that report its events. The same word counts apart in each view: "bomb" in the lead or
    in an event's sentence says more than "bomb" anywhere."""
    counts = term_counts(text, "d:")
    counts.update(term_counts(lead(text), "l:"))
    counts.update(term_counts(event_sentences(events), "s:"))
    return counts


def event_features(events: Sequence[Event]) -> dict[str, float]:
    """What the events found in a document say about it, as binary features (prefix ``e:``).

    Not which roles are filled: the role tagger was trained on the same MUC-4 reports, so on them it
    finds the fillers far more often than on new text, and the classifier would learn to trust that.
    """
    features: dict[str, float] = {f"e:n={min(len(events), 4)}": 1.0}
    for event in events:
        features["e:sub=" + event.sub_event_type] = 1.0
        features[f"e:inter={event.inter1}-{event.inter2}"] = 1.0
        if event.civilian_targeting:
            features["e:civilian"] = 1.0
        if event.fatalities:
            features["e:fatalities"] = 1.0
        if event.date_text:
            features["e:dated"] = 1.0
    return features


def tfidf(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear tf-idf over the known terms, l2-normalised."""
    weights = {t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items() if t in idf}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def view_tfidf(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """:func:`tfidf` of each view (the terms that share a prefix) apart, so that each has unit length:
    a long report does not drown its lead."""
    views: dict[str, Counter[str]] = {}
    for term, count in counts.items():
        views.setdefault(term[:2], Counter())[term] = count
    features: dict[str, float] = {}
    for view in views.values():
        features.update(tfidf(view, idf))
    return features


def document_features(text: str, events: Sequence[Event], idf: dict[str, float]) -> dict[str, float]:
    """The classifier's input for one document: its views' terms' tf-idf and its events' features."""
    features = view_tfidf(document_terms(text, events), idf)
    features.update(event_features(events))
    return features


@dataclass(frozen=True)
class ScopeModel:
    """A trained relevance classifier for one scope."""

    name: str
    idf: dict[str, float]
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, text: str, events: Sequence[Event]) -> float:
        """How likely the scope's coders would have coded this document (its events as found)."""
        features = document_features(text, events, self.idf)
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-score))

    def keeps(self, text: str, events: Sequence[Event]) -> tuple[bool, float]:
        probability = self.probability(text, events)
        return probability >= self.threshold, probability


def save_scope_model(
    path: Path, idf: dict[str, float], weights: dict[str, float], bias: float, threshold: float
) -> None:
    """Write the artifact ``load_scope_model`` reads (used by the training script)."""
    import numpy as np

    terms = sorted(idf)
    events = sorted(name for name in weights if name.startswith("e:"))
    np.savez_compressed(
        path,
        terms=np.array("\n".join(terms)),
        idf=np.array([idf[t] for t in terms], dtype=np.float32),
        term_weights=np.array([weights.get(t, 0.0) for t in terms], dtype=np.float32),
        event_names=np.array("\n".join(events)),
        event_weights=np.array([weights[e] for e in events], dtype=np.float32),
        bias=np.array(bias),
        threshold=np.array(threshold),
    )


@cache
def load_scope_model(name: str) -> ScopeModel:
    """The shipped model of scope ``name`` ("muc4")."""
    if name not in SCOPES or name == "all":
        raise ValueError(f"no model for scope {name!r}; scopes: {', '.join(SCOPES)}")
    import numpy as np

    data = (resources.files("eventwire") / "data" / "models" / f"{name}_scope.npz").read_bytes()
    with np.load(io.BytesIO(data)) as arrays:
        terms = str(arrays["terms"]).split("\n")
        idf = dict(zip(terms, arrays["idf"].astype(float).tolist(), strict=True))
        weights = dict(zip(terms, arrays["term_weights"].astype(float).tolist(), strict=True))
        names = str(arrays["event_names"]).split("\n")
        weights.update(zip(names, arrays["event_weights"].astype(float).tolist(), strict=True))
        return ScopeModel(name, idf, weights, float(arrays["bias"]), float(arrays["threshold"]))
