"""A linear sub-event-type classifier over an event's sentences, trained on ACLED coders' notes.

The rules in :mod:`eventwire.extraction.typing_rules` know ACLED's definitions; the model knows how
coders actually used them (a drive-by shooting of one man is an Attack, a "shoot-out" between gangs an
Armed clash, "the OSCE SMM observed 6 explosions" Shelling). :func:`eventwire.extraction.events` asks
the model only where the rules leave room: see ``decide`` there.

The artifact (``data/models/event_types.npz``, written by ``scripts/train_event_types.py``; its model
card is ``data/models/event_types.md``) holds a vocabulary of features (word n-grams and stems, and the
trigger kinds and casualty figures the rules read: see :func:`cue_features`), their idf weights and one
weight row per sub-event type. Inference is a sparse dot product in numpy: no scikit-learn at run time.

A second stage (:class:`TypeStage`, in the same artifact) decides the event type from the first stage's
probabilities together with what the pipeline read of the event (:class:`Reading`: the rules' typing,
trigger kinds, who acted on whom, the victims' kind): the bag of words does not know that the people
killed were soldiers, or that the side that fired was a crowd. It is trained on the pipeline's own
reading of the training notes, with first-stage probabilities from models that did not see the note.
The cue features come from :mod:`eventwire.extraction.lexicon` and
:mod:`eventwire.extraction.casualties`: retrain (``make train``) after changing either.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from eventwire.extraction.casualties import find_figures
from eventwire.extraction.mentions import TriggerScan

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
    return ["0" if tok[0].isdigit() else tok for tok in _TOKEN.findall(text.lower()) if tok not in _MONTHS]


def cue_features(text: str) -> list[str]:
    """What the rules read, as words the model can weigh: the trigger kinds of the lexicon ("kind=ied"),
    whether a figure gives deaths, injuries, abductions, arrests (with whom: "dead=civilian")."""
    lower = text.lower()
    # The triggers as the mention finder reads them (the lexicon's kinds, leftmost first, no overlaps),
    # found from the literals they start with rather than by trying every pattern at every character.
    out = [f"kind={kind}" for kind, _, _ in TriggerScan(lower, 0, len(lower)).matches(0, len(lower))]
    for figure in find_figures(lower, 0, len(lower)):
        if figure.count.best > 0:
            out.append(f"{figure.kind}={figure.category}")
        else:
            out.append(f"no {figure.kind}")
    return out


def features(text: str) -> list[str]:
    """Unigrams, bigrams and five-letter stems of :func:`tokens`, and :func:`cue_features`: the same at
    training and at run time."""
    toks = tokens(text)
    bigrams = list(map(" ".join, itertools.pairwise(toks)))  # "a b", joined in C
    # A word's first five letters stand for its family ("shelled", "shelling"; "abducted", "abduction").
    stems = [f"{tok[:5]}~" for tok in toks if len(tok) > 5]
    return toks + bigrams + stems + cue_features(text)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the pipeline read of an event besides its words: the second stage types from it."""

    rules: tuple[str, str]  # the rules' event type and sub-event type
    kinds: tuple[str, ...]  # trigger kinds of the event's mentions
    anchor_kinds: tuple[str, ...]  # those of its first mention
    family: str  # the family the rules typed it by ("violence", "protest" ...)
    families: tuple[str, ...]  # the trigger families of all its mentions
    side_a: tuple[tuple[int | None, str | None], ...]  # (inter code, actor kind) of the side that acted
    side_b: tuple[tuple[int | None, str | None], ...]  # ... and of the side acted on
    victims: tuple[str, ...]  # the categories of the dead, injured and abducted ("forces", "civilian")
    fatalities: int


_FLOOR = 1e-4  # log-probabilities are floored: a label the model rules out is no evidence of anything


def reading_features(reading: Reading, probabilities: dict[str, float]) -> dict[str, float]:
    """The second stage's features: the first stage's log-probabilities per event type, the rules'
    typing and where it parts from the model's, and the reading's parts as indicators."""
    # Per event type only: the log-probabilities of the 24 sub-event types, the rare ones above all, swing
    # from one fold model to the next, and a stage that weighed them flipped more events from the right
    # type to the wrong one than back (out of fold on the tuning part: 86.98 against 87.75 without them).
    by_type = type_probabilities(probabilities)
    out = {f"t:{event_type}": math.log(p + _FLOOR) for event_type, p in by_type.items()}
    model_type = max(by_type, key=by_type.__getitem__) if by_type else ""
    rules_type, rules_sub = reading.rules
    indicators = [
        f"r:{rules_type}|{rules_sub}",
        f"rt:{rules_type}",
        f"rt:{rules_type}&mt:{model_type}",
        f"fam:{reading.family}",
        *(f"k:{k}" for k in reading.kinds),
        *(f"ak:{k}" for k in reading.anchor_kinds),
        *(f"fams:{f}" for f in reading.families),
        *(f"v:{v}" for v in reading.victims),
    ]
    for side, actors in (("a", reading.side_a), ("b", reading.side_b)):
        indicators += [f"{side}:{inter}" for inter, _ in actors] or [f"{side}:none"]
        indicators += [f"{side}k:{kind}" for _, kind in actors]
    if reading.fatalities > 0:
        indicators.append("fat")
    indicators.append(_armed_sides(reading))
    out.update(dict.fromkeys(indicators, 1.0))
    return out


_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})  # ACLED's forces, rebels, militias, external forces
_ARMED_VICTIMS = frozenset({"forces", "armed"})


def _armed_sides(reading: Reading) -> str:
    """Whether the side that acted and the side acted on are armed, as one indicator ("armed:True&False"):
    ACLED's armed clash needs two armed, organised sides, and the two single facts weigh differently
    together than apart (armed men who shot soldiers fought; armed men who shot a trader attacked a
    civilian). The side acted on is armed where its actor is, or where the dead or wounded were soldiers,
    police or fighters. Out of fold on the tuning part, event type 89.73 -> 89.87."""
    acted = any(inter in _ARMED_INTERS for inter, _ in reading.side_a)
    acted_on = any(inter in _ARMED_INTERS for inter, _ in reading.side_b) or bool(
        set(reading.victims) & _ARMED_VICTIMS
    )
    return f"armed:{acted}&{acted_on}"


@dataclass(frozen=True)
class TypeStage:
    """A multinomial logistic regression over :func:`reading_features` that gives the event type."""

    labels: tuple[str, ...]  # event types
    vocabulary: dict[str, int]
    weights: npt.NDArray[np.float32]  # (labels, vocabulary)
    bias: npt.NDArray[np.float32]

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        """P(event type | features) by softmax."""
        known = [(self.vocabulary[f], v) for f, v in feats.items() if f in self.vocabulary]
        logits = self.bias.astype(np.float64)
        if known:
            cols = np.fromiter((j for j, _ in known), dtype=np.int64)
            values = np.fromiter((v for _, v in known), dtype=np.float64)
            logits = logits + self.weights[:, cols] @ values
        return _softmax(self.labels, logits)


@dataclass(frozen=True)
class TypeModel:
    labels: tuple[str, ...]  # "Event type | Sub-event type"
    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]  # (labels, vocabulary)
    bias: npt.NDArray[np.float32]
    # Logits are divided by it so that a probability means what it says (fitted on held-apart folds of
    # the training notes): the rules give way to the model above a probability, see events.second_opinion.
    temperature: float = 1.0
    stage: TypeStage | None = None  # absent from an artifact written before the second stage

    def probabilities(self, text: str) -> dict[str, float]:
        """P(label | text) for every label, by tf-idf (sublinear, L2-normalized) and softmax."""
        # Each feature's column counted (None for the features the model does not know, dropped); a
        # Counter keeps the order columns were first seen in, which is the order their features were
        # first seen in, so the columns come in the same order as ever (the sums add up alike).
        counts = Counter(map(self.vocabulary.get, features(text)))
        counts.pop(None, None)
        logits = self.bias.astype(np.float64)
        if counts:
            cols = np.fromiter(counts, dtype=np.int64)
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[cols]
            # the L2 norm as np.linalg.norm computes it (the square root of the dot product), without
            # its dispatch
            values /= math.sqrt(values.dot(values)) or 1.0
            logits = logits + self.weights[:, cols] @ values
        return _softmax(self.labels, logits / self.temperature)

    def predict(self, text: str) -> TypePrediction:
        """The most likely event type, its sub-event types' probabilities summed, and its most likely
        sub-event type. Summing matters where the mass is split: 0.35 Attack + 0.15 Abduction outweighs
        0.40 Armed clash for Violence against civilians."""
        return self.prediction(self.probabilities(text))

    def prediction(self, probs: dict[str, float]) -> TypePrediction:
        """:meth:`predict` from probabilities already computed."""
        by_type = type_probabilities(probs)
        event_type = max(by_type, key=by_type.__getitem__)
        sub_event_type = best_sub_event_type(probs, event_type)
        return TypePrediction(
            event_type, sub_event_type, by_type[event_type], probs[f"{event_type} | {sub_event_type}"]
        )


def _softmax(labels: tuple[str, ...], logits: npt.NDArray[np.float64]) -> dict[str, float]:
    logits = logits - logits.max()
    exp = np.exp(logits)
    exp /= exp.sum()
    return dict(zip(labels, exp.tolist(), strict=True))  # tolist: the same Python floats as float(p)


def type_probabilities(probs: dict[str, float]) -> dict[str, float]:
    """P(event type): the probabilities of each event type's sub-event types ("Type | Sub-type") summed."""
    by_type: dict[str, float] = {}
    for label, p in probs.items():
        event_type = label.partition(" | ")[0]
        by_type[event_type] = by_type.get(event_type, 0.0) + p
    return by_type


def best_sub_event_type(probs: dict[str, float], event_type: str) -> str:
    """The most likely sub-event type of ``event_type``."""
    label = max((x for x in probs if x.partition(" | ")[0] == event_type), key=probs.__getitem__)
    return label.partition(" | ")[2]


@dataclass(frozen=True)
class TypePrediction:
    event_type: str
    sub_event_type: str
    type_probability: float  # P(event type): its sub-event types' probabilities summed
    probability: float  # P(sub-event type)


def read_type_model(data: bytes) -> TypeModel:
    """A model from the bytes of an ``event_types.npz`` artifact (as the training script writes it)."""
    with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
        meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
        return TypeModel(
            labels=tuple(meta["labels"]),
            vocabulary={feat: i for i, feat in enumerate(meta["vocabulary"])},
            idf=arrays["idf"].astype(np.float32),
            weights=arrays["weights"].astype(np.float32),
            bias=arrays["bias"].astype(np.float32),
            temperature=float(meta.get("temperature", 1.0)),
            stage=TypeStage(
                labels=tuple(meta["stage_labels"]),
                vocabulary={feat: i for i, feat in enumerate(meta["stage_vocabulary"])},
                weights=arrays["stage_weights"].astype(np.float32),
                bias=arrays["stage_bias"].astype(np.float32),
            )
            if "stage_labels" in meta
            else None,
        )


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The shipped model, or None where the artifact is absent (the rules then decide alone)."""
    artifact = resources.files("eventwire") / "data" / "models" / "event_types.npz"
    if not artifact.is_file():
        return None
    return read_type_model(artifact.read_bytes())
