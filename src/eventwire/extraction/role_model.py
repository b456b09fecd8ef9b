"""Role fillers (perpetrators, targets, victims, weapons) tagged by a linear-chain CRF trained on MUC-4.

The rules in :mod:`eventwire.extraction.roles` find fillers in a few fixed shapes ("killed by X",
"X's car bomb"); news names them in many more. A CRF (python-crfsuite) reads each sentence of a
document that reports an event and labels its tokens BIO with GRIT's five roles: ``PerpInd``,
``PerpOrg``, ``Target``, ``Victim``, ``Weapon``. Its features are the words around a token, whether the
sentence reports an event and how far the token is from the trigger ("killed" on its left reads as a
victim), and what the rest of eventwire already knows about the token's span (a known actor and its ACLED
inter code, a place name).

The artifact ``data/models/role_fillers.crfsuite`` is written by ``scripts/train_role_fillers.py`` from
MUC-4's train split; its model card is ``data/models/role_fillers.md``. Features are built here, by the
same functions at training and at run time.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.extraction.mentions import Mention
from eventwire.extraction.sentences import Sentence
from eventwire.models.actor import ActorMention
from eventwire.models.event import Event, RoleFiller
from eventwire.models.place import PlaceMention

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
"""The labels the model knows, as GRIT names them."""

ROLE_FIELDS = {
    "PerpInd": "perpetrator_individuals",
    "PerpOrg": "perpetrator_orgs",
    "Target": "targets",
    "Victim": "victims",
    "Weapon": "weapons",
}
"""Where each label goes on an :class:`~eventwire.models.event.Event`."""

O_THRESHOLD = 0.85
"""A token is a filler when the model gives "outside" less than this probability (tuned on MUC-4 dev:
Viterbi alone is precise but misses a third of what the marginals find)."""

_TOKEN = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*|[^\w\s]")
# Short function words that the first letters of a name skip ("Farabundo Marti National Liberation Front").
_ARTICLES = frozenset({"the", "a", "an"})
_ACRONYM_SKIP = frozenset({"of", "and", "the", "de", "del", "la", "el", "for"})


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A filler the model found: its role (a GRIT label) and its character offsets."""

    role: str
    start: int
    end: int


def tokenize(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text[start:end]`` as absolute ``(start, end)`` offsets."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def token_marks(actors: Iterable[ActorMention], places: Iterable[PlaceMention]) -> dict[int, list[str]]:
    """Features that other stages give a character: a known actor (its inter code and kind), a place."""
    marks: dict[int, list[str]] = {}
    for actor in actors:
        inter, kind = f"actor={actor.actor.inter}", actor.actor.kind
        for i in range(actor.start, actor.end):
            marks.setdefault(i, []).append(inter)
            if kind:
                marks[i].append("akind=" + kind)
    for place in places:
        label = "topo" if place.place else "topo?"
        for i in range(place.start, place.end):
            marks.setdefault(i, []).append(label)
    return marks


def sentence_features(
    lower: str,
    tokens: Sequence[tuple[int, int]],
    mention: Mention | None,
    index: int,
    distance: int,
    marks: dict[int, list[str]],
) -> list[list[str]]:
    """The features of each token of one sentence.

    ``lower`` is the document lower-cased (same offsets), ``mention`` the event mention the sentence
    holds (if any), ``index`` the sentence's position in the body, ``distance`` how many sentences away
    the nearest mention is.
    """
    words = [lower[a:b] for a, b in tokens]
    n = len(words)
    triggers = mention.triggers if mention else []
    family = mention.family if mention else ""
    out: list[list[str]] = []
    for i, word in enumerate(words):
        f = ["b", "w=" + word, "s3=" + word[-3:], "p3=" + word[:3]]
        if word.isdigit():
            f.append("digit")
        if len(word) == 1 and not word.isalnum():
            f.append("punct")
        for d in (-2, -1, 1, 2):
            j = i + d
            f.append(f"w{d}=" + (words[j] if 0 <= j < n else "<pad>"))
        f.append("bg-=" + (words[i - 1] if i else "<s>") + "|" + word)
        f.append("bg+=" + word + "|" + (words[i + 1] if i + 1 < n else "</s>"))
        at = tokens[i][0]
        if mention:
            f.append("ment")
            f.append("fam=" + family)
            if triggers:
                gap = min(abs(at - t.start) for t in triggers)
                f.append("tdist=" + str(min(gap // 20, 6)))
                f.append("tside=" + ("L" if all(at < t.start for t in triggers) else "R"))
        else:
            f.append("near=" + str(min(distance, 3)))
        f.append("spos=" + str(min(index, 5)))
        for d in (-4, -3, 3, 4):
            j = i + d
            if 0 <= j < n:
                f.append("win=" + words[j])
        f.extend(marks.get(at, ()))
        if triggers:
            nearest = min(triggers, key=lambda t: abs(t.start - at))
            f.append("tk=" + nearest.kind + (":L" if at < nearest.start else ":R"))
        out.append(f)
    return out


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """One sentence ready for the tagger: its tokens and their features."""

    sentence: Sentence
    tokens: list[tuple[int, int]]
    features: list[list[str]]


def document_inputs(
    text: str,
    lower: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    marks: dict[int, list[str]],
) -> list[SentenceInput]:
    """Every non-empty sentence of the body with its features (the tagger's whole input for a document)."""
    by_sentence = {(m.sentence.start, m.sentence.end): m for m in mentions}
    at = [k for k, s in enumerate(sentences) if (s.start, s.end) in by_sentence]
    inputs = []
    for k, sentence in enumerate(sentences):
        tokens = tokenize(text, sentence.start, sentence.end)
        if not tokens:
            continue
        mention = by_sentence.get((sentence.start, sentence.end))
        distance = min((abs(k - j) for j in at), default=9)
        inputs.append(
            SentenceInput(sentence, tokens, sentence_features(lower, tokens, mention, k, distance, marks))
        )
    return inputs


def spans_from_labels(tokens: Sequence[tuple[int, int]], labels: Sequence[str]) -> list[TaggedSpan]:
    """BIO labels → spans; an ``I-`` that does not continue a span of its role starts one."""
    spans: list[TaggedSpan] = []
    current: list[Any] | None = None
    for (a, b), label in zip(tokens, labels, strict=True):
        role = label[2:]
        if label.startswith("B-") or (label.startswith("I-") and (current is None or current[2] != role)):
            if current:
                spans.append(TaggedSpan(current[2], current[0], current[1]))
            current = [a, b, role]
        elif label.startswith("I-") and current is not None:
            current[1] = b
        elif current:
            spans.append(TaggedSpan(current[2], current[0], current[1]))
            current = None
    if current:
        spans.append(TaggedSpan(current[2], current[0], current[1]))
    return spans


def _words(text: str) -> list[str]:
    """Lower-cased words without articles: "the FMLN" and "FMLN" name the same."""
    return [w for w in re.findall(r"[^\W_]+", text.lower()) if w not in _ARTICLES]


def same_entity(short: str, long: str) -> bool:
    """Whether ``short`` names what ``long`` names: its words inside ``long``'s, or its acronym."""
    a, b = _words(short), _words(long)
    if not a or len(a) >= len(b):
        return False
    if any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1)):
        return True
    initials = "".join(w[0] for w in b if w not in _ACRONYM_SKIP)
    if len(a) != 1 or len(a[0]) < 2:
        return False
    if a[0] == initials:
        return True
    # Names translated from Spanish keep the original's acronym with the words in another order
    # ("Farabundo Marti National Liberation Front", FMLN): the same letters, give or take one word.
    letters = Counter(a[0])
    return len(a[0]) >= 3 and len(initials) - len(a[0]) <= 1 and not letters - Counter(initials)


def merge_aliases(texts: Sequence[str]) -> list[int]:
    """Indexes of ``texts`` to keep: one per entity (the longest naming), first-seen order."""
    keep: list[int] = []
    for i, text in enumerate(texts):
        if any(same_entity(text, other) for j, other in enumerate(texts) if j != i):
            continue
        if any(_words(texts[k]) == _words(text) for k in keep):
            continue
        keep.append(i)
    return keep


class RoleTagger:
    """The trained CRF. One crfsuite tagger per thread (a tagger holds decoding state)."""

    def __init__(self, model_path: Path, threshold: float = O_THRESHOLD) -> None:
        self.model_path = model_path
        self.threshold = threshold
        self._local = threading.local()

    @classmethod
    def load(cls) -> RoleTagger:
        path = resources.files("eventwire") / "data" / "models" / "role_fillers.crfsuite"
        return cls(Path(str(path)))

    def _tagger(self) -> Any:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.model_path))
            self._local.tagger = tagger
        return tagger

    def tag(self, inputs: Iterable[SentenceInput]) -> list[TaggedSpan]:
        """The fillers of every sentence: a token is labelled with its most likely role when "outside"
        is less likely than the threshold."""
        tagger = self._tagger()
        roles = [label for label in tagger.labels() if label != "O"]
        spans: list[TaggedSpan] = []
        for item in inputs:
            tagger.set(item.features)
            labels = []
            for i in range(len(item.tokens)):
                if tagger.marginal("O", i) < self.threshold:
                    labels.append(max(roles, key=lambda y: tagger.marginal(y, i)))
                else:
                    labels.append("O")
            spans.extend(spans_from_labels(item.tokens, labels))
        return spans


def _gap(span: TaggedSpan, sentences: Sequence[tuple[int, int]]) -> int:
    """Characters between ``span`` and the nearest of an event's sentences (0 inside one)."""
    return min(
        (max(0, start - span.end, span.start - end) for start, end in sentences),
        default=1 << 30,
    )


def _trimmed(span: TaggedSpan, text: str) -> TaggedSpan | None:
    """``span`` without quotes or punctuation at its ends; None when no word of two letters is left."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if not any(len(word) > 1 for word in _words(text[start:end])):
        return None
    return TaggedSpan(span.role, start, end)


def with_tagged_fillers(events: Sequence[Event], spans: Iterable[TaggedSpan], text: str) -> list[Event]:
    """``events`` with their role fillers taken from the tagger's ``spans``.

    A span belongs to the event whose reporting sentences are nearest to it (the first event on a tie):
    a document that reports one attack and, later, an arrest gives the attack's victims to the attack.
    Each event keeps one filler per entity and role ("the FMLN" is folded into "Farabundo Marti National
    Liberation Front (FMLN)"), and an entity read in two roles keeps the first. An event for which the
    tagger found nothing keeps the rules' fillers: the model learnt from 1989-91 wire copy and is silent
    on much of today's wording ("ISIS fighters"), where the rules still read "killed 14 ISIS fighters".
    On MUC-4 dev this cost about 2 points of CEAF-REE F1 against the tagger alone when it was chosen; the
    current score is in the model card.
    """
    sentences = [[(e.start, e.end) for e in event.evidence if e.field == "sentence"] for event in events]
    assigned: list[dict[str, list[TaggedSpan]]] = [{} for _ in events]
    for raw in spans:
        span = _trimmed(raw, text)
        if span is None:
            continue
        best = min(range(len(events)), key=lambda k: _gap(span, sentences[k]))
        assigned[best].setdefault(span.role, []).append(span)
    out = []
    for event, by_role in zip(events, assigned, strict=True):
        seen: list[str] = []
        fields: dict[str, tuple[RoleFiller, ...]] = {}
        for role in ROLES:
            found = by_role.get(role, [])
            texts = [text[s.start : s.end] for s in found]
            kept = []
            for i in merge_aliases(texts):
                key = " ".join(_words(texts[i]))
                if key in seen:
                    continue
                seen.append(key)
                kept.append(RoleFiller(texts[i], found[i].start, found[i].end))
            fields[ROLE_FIELDS[role]] = tuple(kept)
        if not any(fields.values()):  # the tagger found nothing: the rules' fillers stay
            out.append(event)
            continue
        out.append(replace(event, **fields))  # type: ignore[arg-type]
    return out
