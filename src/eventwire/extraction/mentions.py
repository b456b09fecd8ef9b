"""Event mentions: the sentences (clauses) of a document that report an event, and those that don't.

``read_mentions`` finds trigger phrases, reads each one's clause for cues that make it something other
than a reported event (a denial, threat, plan, hypothetical, statement, history, a cumulative toll, a
generic claim), and returns the accepted mentions and the rejected candidates with their reasons.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from eventwire.extraction.casualties import Figure, find_figures
from eventwire.extraction.lexicon import (
    ANAPHOR,
    CLAUSE_BREAK,
    CLAUSE_WIDE,
    FAMILY,
    NEW_EVENT_CUE,
    NOT_CONFLICT,
    REJECT_CUES,
    SUPERLATIVE,
    TRIGGERS,
)
from eventwire.extraction.sentences import Sentence

# Where one sentence reports two events: "Taliban fighters attacked a checkpoint in Ghazni; an air strike
# killed insurgents in Helmand", "..., while an air strike the following day killed ...".
_EVENT_SPLIT = re.compile(r";|,\s+(?:while|whereas)\b|\.\s")

_TRIGGER_RE = re.compile(
    "|".join(f"(?P<{kind.name}>{kind.pattern})" for kind in TRIGGERS),
)
_STRONG = {kind.name: kind.strong for kind in TRIGGERS}
_FAMILY_RANK = {"violence": 0, "protest": 1, "riot": 2}


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int
    end: int
    clause_start: int
    clause_end: int

    @property
    def strong(self) -> bool:
        return _STRONG[self.kind]

    @property
    def family(self) -> str:
        return FAMILY[self.kind]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A candidate that is not an event, and why; reported by ``--explain``."""

    start: int
    end: int
    text: str
    reason: str
    sentence: str


@dataclass(slots=True)
class Mention:
    """A sentence that reports (part of) an event, with what it says."""

    sentence: Sentence
    triggers: list[Trigger]
    figures: list[Figure] = field(default_factory=list)
    anaphoric: bool = False
    new_event: bool = False
    leads_with_anaphor: bool = False  # "The blast came as ...": the sentence is about the event before
    refers_to: frozenset[str] = frozenset()  # kinds its definite reference names: "the fighting" → fight

    @property
    def strong(self) -> bool:
        return any(t.strong for t in self.triggers)

    @property
    def family(self) -> str:
        families = sorted({t.family for t in self.triggers}, key=lambda f: _FAMILY_RANK.get(f, 9))
        return families[0]


def lower_same_length(text: str) -> str:
    """``text.lower()`` with offsets unchanged (a few characters lower-case to two)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _clauses(lower: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start]
    bounds.extend(m.start() for m in CLAUSE_BREAK.finditer(lower, start, end))
    bounds.append(end)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _reject_reason(lower: str, trigger: Trigger) -> str | None:
    clause = lower[trigger.clause_start : trigger.clause_end]
    # Another sense of the word shows next to it ("died in a collision", "heart attack").
    near = lower[max(trigger.clause_start, trigger.start - 30) : min(trigger.clause_end, trigger.end + 45)]
    if NOT_CONFLICT.search(near):
        return "not conflict (accident, disease, disaster or another sense of the word)"
    before = lower[trigger.clause_start : trigger.start]
    wide = SUPERLATIVE.sub(" ", clause)
    for reason, cue in REJECT_CUES:
        text = wide if reason in CLAUSE_WIDE else before
        match = cue.search(text)
        if match:
            return f"{reason} ({match.group(0).strip()!r})"
    return None


def _segments(
    lower: str, sentence: Sentence, accepted: list[Trigger]
) -> list[tuple[int, int, list[Trigger]]]:
    """The sentence, or its parts when each part reports an act of its own."""
    cuts = [m.start() for m in _EVENT_SPLIT.finditer(lower, sentence.start, sentence.end)]
    bounds = [sentence.start, *cuts, sentence.end]
    parts: list[tuple[int, int, list[Trigger]]] = []
    for start, end in itertools.pairwise(bounds):
        triggers = [t for t in accepted if start <= t.start < end]
        if parts and not any(t.strong for t in triggers):
            parts[-1] = (parts[-1][0], end, parts[-1][2] + triggers)  # a part with no act of its own
        elif parts and not any(t.strong for t in parts[-1][2]):
            parts[-1] = (parts[-1][0], end, parts[-1][2] + triggers)
        else:
            parts.append((start, end, triggers))
    return [(s, e, t) for s, e, t in parts if t]


def _mention(lower: str, sentence: Sentence, accepted: list[Trigger]) -> Mention | None:
    # Casualty figures count only inside accepted clauses: a toll in a rejected clause is not this event's.
    figures: list[Figure] = []
    for c_start, c_end in sorted({(t.clause_start, t.clause_end) for t in accepted}):
        figures.extend(find_figures(lower, max(c_start, sentence.start), min(c_end, sentence.end)))
    # "dead" or "killed" with no figure and no act: too little to stand as an event mention.
    if (
        all(t.kind in {"kill", "injure"} for t in accepted)
        and not figures
        and not any(t.kind == "kill" and lower[t.start : t.end].startswith("kill") for t in accepted)
    ):
        return None
    text = lower[sentence.start : sentence.end]
    return Mention(
        sentence,
        accepted,
        figures,
        anaphoric=bool(ANAPHOR.search(text)),
        new_event=bool(NEW_EVENT_CUE.search(text)),
        leads_with_anaphor=bool(ANAPHOR.match(text)),
        refers_to=referred_kinds(text),
    )


_REFERENCE_KINDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(
            r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:fighting|clash(?:es)?|assault|ambush|raid|battle|"
            r"firefight|gunfight)\b"
        ),
        frozenset({"fight", "raid", "attack"}),
    ),
    (
        re.compile(
            r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:air\s*strike|strike|bombardment|shelling|drone\s+strike)\b"
        ),
        frozenset({"air", "shelling"}),
    ),
    (
        re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:bombing|blast|explosion|bomb)\b"),
        frozenset({"ied", "explosion", "suicide", "grenade"}),
    ),
    (
        re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:protest|demonstration|rally|march)\b"),
        frozenset({"protest"}),
    ),
)


def referred_kinds(text: str) -> frozenset[str]:
    """The kinds of event a sentence's definite references name ("the fighting", "the blast")."""
    kinds: set[str] = set()
    for pattern, names in _REFERENCE_KINDS:
        if pattern.search(text):
            kinds |= names
    return frozenset(kinds)


def read_mentions(text: str, lower: str, sentences: list[Sentence]) -> tuple[list[Mention], list[Rejection]]:
    """Accepted event mentions, in document order, and the rejected candidates."""
    mentions: list[Mention] = []
    rejections: list[Rejection] = []
    for sentence in sentences:
        clauses = _clauses(lower, sentence.start, sentence.end)
        accepted: list[Trigger] = []
        for match in _TRIGGER_RE.finditer(lower, sentence.start, sentence.end):
            kind = match.lastgroup or ""
            c_start, c_end = next(((a, b) for a, b in clauses if a <= match.start() < b), clauses[-1])
            trigger = Trigger(kind, match.start(), match.end(), c_start, c_end)
            reason = _reject_reason(lower, trigger)
            if reason:
                rejections.append(
                    Rejection(
                        trigger.start,
                        trigger.end,
                        text[trigger.start : trigger.end],
                        reason,
                        text[sentence.start : sentence.end],
                    )
                )
                continue
            accepted.append(trigger)
        if not accepted:
            continue
        for start, end, triggers in _segments(lower, sentence, accepted):
            mention = _mention(lower, Sentence(start, end), triggers)
            if mention is not None:
                mentions.append(mention)
    return mentions, rejections
