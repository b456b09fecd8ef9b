"""Event mentions: the sentences (clauses) of a document that report an event, and those that don't.

``read_mentions`` finds trigger phrases, reads each one's clause for cues that make it something other
than a reported event (a denial, threat, plan, hypothetical, statement, history, a cumulative toll, a
generic claim), and returns the accepted mentions and the rejected candidates with their reasons.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.extraction.casualties import Figure, find_figures
from eventwire.extraction.judgement import (
    around_reason,
    everyday_reason,
    ordinary_crime_reason,
    recalled_item,
    trial_account_reason,
)
from eventwire.extraction.lexicon import (
    A_FORCE,
    ANAPHOR,
    ARMED_ACT,
    ARMED_FORCE,
    CASUALTY_ONLY_KINDS,
    CLAUSE_BREAK,
    CLAUSE_WIDE,
    CROWD_GRIEVANCE,
    CROWD_STAGED,
    FAMILY,
    FUEL_BLAST,
    INQUIRY,
    INQUIRY_CUES,
    LABOUR_STRIKE,
    NEEDS_A_FORCE,
    NEW_EVENT_CUE,
    NOT_CONFLICT,
    NOT_CONFLICT_CROWD,
    NOT_GROUND,
    READER_ASIDE,
    REJECT_CUES,
    SUPERLATIVE,
    TERRITORY_PLACE,
    TRIGGERS,
)
from eventwire.extraction.sentences import Sentence
from eventwire.text.regex_starts import alternation, opens_at_boundary, prefiltered, start_classes

# Where one sentence reports two events: "Taliban fighters attacked a checkpoint in Ghazni; an air strike
# killed insurgents in Helmand", "..., while an air strike the following day killed ...".
_EVENT_SPLIT = re.compile(r";|,\s+(?:while|whereas)\b|\.\s")

_TRIGGER_RE = re.compile(
    "|".join(f"(?P<{kind.name}>{kind.pattern})" for kind in TRIGGERS),
)
_STRONG = {kind.name: kind.strong for kind in TRIGGERS}

# Scanning for triggers. One regex of every trigger kind, tried at every character, is the slowest thing
# in extraction. Every match of a kind starts with one of a few literal strings ("air", "drone",
# "warplane" ...), read off its pattern by `start_classes`; `str.find` finds those in a fraction of the
# time, and each kind's own regex is tried only where one of its starts stands. Kinds are tried in
# TRIGGERS order and the search resumes where a match ended, so the triggers found are exactly those of
# `_TRIGGER_RE.finditer` (tests/extraction/test_mentions.py compares the two on real articles).
#
# Where a start is followed in its pattern by a class such as ``\s`` ("a\s+march", "on\s+strike"), the
# class is kept with it (see `start_classes`): "a" then stands only before a space, not at every letter a
# of the text, which the scan would otherwise record and the kinds' regexes try in vain.


def _trigger_starts() -> tuple[tuple[str, str | None, int], ...] | None:
    """Each literal a trigger can start with, the class the character after it must be in for every
    kind starting there (None: any), and the bit mask of the kinds (by TRIGGERS index) that can start
    where it stands: its own and those of the shorter literals it starts with."""
    entries: dict[str, list[tuple[int, str | None]]] = {}
    for index, kind in enumerate(TRIGGERS):
        starts = start_classes(kind.pattern)
        if starts is None:
            return None
        for literal, follow in starts.items():
            entries.setdefault(literal, []).append((1 << index, follow))
    out = []
    for literal in sorted(entries):
        follows = {follow for _, follow in entries[literal]}
        follow = follows.pop() if len(follows) == 1 else None
        # Where "attack" stands, "a" does too: the kinds of "a" may start there, unless "a" must be
        # followed by a space in all of them. Where only "a" stands (in "a car"), only those of "a".
        mask = 0
        for end in range(1, len(literal) + 1):
            for bit, after in entries.get(literal[:end], ()):
                if after is None or end == len(literal) or re.fullmatch(after, literal[end]):
                    mask |= bit
        out.append((literal, follow, mask))
    return tuple(out)


_KIND_RES = tuple((kind.name, re.compile(kind.pattern)) for kind in TRIGGERS)
_STARTS = _trigger_starts()
# A lookahead finds every position where a start stands, overlapping ones included, and reads the
# longest start there (the alternation is a trie whose optional tails are greedy): its mask holds the
# kinds of every start standing there (see _trigger_starts).
_START_MASKS = {literal: mask for literal, _, mask in _STARTS or ()}
_START_FOLLOWS = {literal: follow for literal, follow, _ in _STARTS or ()}
_START_RE = re.compile(f"(?=({alternation(_START_MASKS, _START_FOLLOWS)}))") if _START_MASKS else None
# The same starts without the lookahead: the engine then skips on its own, in C, the characters no start
# begins with (a pattern opening with a lookahead is tried at every one). Searched again one character
# past each start found, it finds the same starts, overlapping ones included.
_START_SEARCH = re.compile(alternation(_START_MASKS, _START_FOLLOWS)).search if _START_MASKS else None


@lru_cache(maxsize=4096)
def _kinds_of(mask: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(kind for index, kind in enumerate(_KIND_RES) if mask >> index & 1)


class TriggerScan:
    """Where each trigger kind may start in a document, found once, then read sentence by sentence."""

    def __init__(self, lower: str, start: int, end: int) -> None:
        self.lower = lower
        self.found: dict[int, int] = {}
        if _START_SEARCH is not None:
            masks, search, found = _START_MASKS, _START_SEARCH, self.found
            match = search(lower, start, end)
            while match is not None:
                at = match.start()
                found[at] = masks[match.group()]
                match = search(lower, at + 1, end)
        self.positions = list(self.found)  # in text order

    def matches(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """(kind, start, end) of every trigger in ``lower[start:end]``, as ``_TRIGGER_RE.finditer`` finds."""
        if _START_RE is None:  # pragma: no cover - a Python whose `re` internals this module cannot read
            return [
                (m.lastgroup or "", m.start(), m.end()) for m in _TRIGGER_RE.finditer(self.lower, start, end)
            ]
        found: list[tuple[str, int, int]] = []
        resume = start
        positions = self.positions
        for i in range(bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)):
            at = positions[i]
            if at < resume:
                continue
            for name, regex in _kinds_of(self.found[at]):
                match = regex.match(self.lower, at, end)
                if match:
                    found.append((name, at, match.end()))
                    resume = match.end()
                    break
        return found


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
        # The first trigger in text order wins a tie: never set order, which changes with the hash seed.
        return min(dict.fromkeys(t.family for t in self.triggers), key=lambda f: _FAMILY_RANK.get(f, 9))


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


_RELATIVE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:]*,")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _either(cues: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that matches somewhere in a text exactly where one of ``cues`` does; None where the cues
    cannot be joined so (flags differ, or a back reference would point at another cue's group)."""
    cues = list(cues)
    if not cues or len({cue.flags for cue in cues}) > 1:
        return None
    if any(re.search(r"\\\d|\(\?P=", cue.pattern) for cue in cues):
        return None
    try:
        joined = "|".join(f"(?:{cue.pattern})" for cue in cues)
        return re.compile(_starts_first(cues) + f"(?:{joined})", cues[0].flags)
    except re.error:  # pragma: no cover - two cues that name a group alike
        return None


def _starts_first(cues: list[re.Pattern[str]]) -> str:
    """A lookahead for the words one of ``cues`` may start with ("" where some cue's cannot be read): put
    before the cues, it has the engine try them all only where one of their starts stands, not at every
    character (the same matches at the same places, in two thirds of the time on news text)."""
    if cues[0].flags != re.UNICODE:  # the starts are read case-sensitively, as plain patterns
        return ""
    starts: dict[str, str | None] = {}
    for cue in cues:
        found = start_classes(cue.pattern)
        if found is None:
            return ""
        for literal, follow in found.items():
            # (a start that different cues follow with different classes may be followed by anything)
            starts[literal] = follow if starts.get(literal, follow) == follow else None
    # (where every cue opens at a word boundary, as all the reject cues do, the starts are read at word
    # starts only: see regex_starts.prefiltered)
    boundary = r"\b" if all(opens_at_boundary(cue.pattern) for cue in cues) else ""
    return f"{boundary}(?={alternation(starts, starts)})"


# Most candidates have no reject cue at all: one search of all the cues a text is read for says so at
# a third of the cost of searching it for each cue in turn; the cues are read one by one (their order
# decides the reason) only where that search finds something.
_ANY_CUE = _either(cue for _, cue in REJECT_CUES)
_ANY_NARROW_CUE = _either(cue for reason, cue in REJECT_CUES if reason not in CLAUSE_WIDE)
_ANY_WIDE_CUE = _either(cue for reason, cue in REJECT_CUES if reason in CLAUSE_WIDE)


def _no_cue(before: str, wide: str, protest: bool) -> bool:
    """No cue of REJECT_CUES is in the text it is read in (False where that cannot be told at once)."""
    if protest:
        return _ANY_CUE is not None and _ANY_CUE.search(before) is None
    if _ANY_NARROW_CUE is None or _ANY_WIDE_CUE is None:
        return False
    return _ANY_NARROW_CUE.search(before) is None and _ANY_WIDE_CUE.search(wide) is None


# The cues one by one, where the search of them all found one: each tried only at the word starts where
# one of its starts stands (see regex_starts.prefiltered), the same matches.
_CUES = tuple((reason, prefiltered(cue, word_start=True)) for reason, cue in REJECT_CUES)

_FORCE_REACH = 150  # characters before the trigger's clause where its actor may be named

# The other senses and the asides, looked for only where one may start (see regex_starts.prefiltered):
# the same matches, in a third of the time for the other senses, which are tried at every trigger.
_NOT_CONFLICT = prefiltered(NOT_CONFLICT)
_NOT_CONFLICT_CROWD = prefiltered(NOT_CONFLICT_CROWD)
_READER_ASIDE = prefiltered(READER_ASIDE)


def _crowd_with_cause(lower: str, trigger: Trigger) -> bool:
    """Whether a crowd near a misfortune protests it: rioting, a demand or grievance in its clause, or a
    protest held or staged ("flood victims held a demonstration"; not "survivors rallied to get food")."""
    if trigger.family not in {"protest", "riot"}:
        return False
    if lower.startswith("riot", trigger.start):
        return True  # rioting is the crowd's own act
    return (
        CROWD_GRIEVANCE.search(lower, trigger.clause_start, trigger.clause_end) is not None
        or CROWD_STAGED.search(lower, trigger.clause_start, trigger.end) is not None
    )


# A day named outright: "on Monday", "on 3 September", "on September 3".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ON_A_DAY = re.compile(
    rf"\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b)"
)


_YEAR_ALONE = re.compile(r"\s*in\s+(?:19|20)\d\d\s*")
_NOT_CONFLICT_REASON = "not conflict (accident, disease, disaster or another sense of the word)"
_MISFORTUNE_TOLL = "not conflict (the toll of an accident or another sense of the word told before it)"


def _reject_reason(lower: str, trigger: Trigger, sentence: Sentence) -> str | None:
    if trigger.kind in NEEDS_A_FORCE and not A_FORCE.search(
        lower, max(0, trigger.clause_start - _FORCE_REACH), trigger.clause_end
    ):
        return "no armed or state actor (a measure or a move of everyday life)"
    # Another sense of the word shows next to it ("died in a collision", "heart attack").
    near = lower[max(trigger.clause_start, trigger.start - 30) : min(trigger.clause_end, trigger.end + 45)]
    senses = _NOT_CONFLICT_CROWD if _crowd_with_cause(lower, trigger) else _NOT_CONFLICT
    sense = senses.search(near)
    # (a household gas blast that armed men are told setting off or planting is a bomb: "a gas cylinder
    # exploded in a market; police said militants had planted it")
    if sense and not (
        FUEL_BLAST.search(sense.group(0)) and ARMED_ACT.search(lower, sentence.start, sentence.end)
    ):
        return _NOT_CONFLICT_REASON
    # A relative clause set off by commas is about someone else: "families, who have not been allowed
    # to visit, held a protest" is no denial of the protest.
    before = _asides_blanked(lower[trigger.clause_start : trigger.start])
    wide = _wide_text(lower, trigger.clause_start, trigger.clause_end)
    # A protest "to commemorate the anniversary of ..." or "over the deaths since the outbreak" is today's
    # protest: history and tolls after a protest trigger are what it is about, not what it is.
    protest = trigger.kind == "protest"
    if _YEAR_ALONE.fullmatch(before):
        return f"past ({before.strip()!r})"  # "In 2019 protests erupted"
    if _no_cue(before, wide, protest):
        return None
    for reason, cue in _CUES:
        text = wide if reason in CLAUSE_WIDE and not protest else before
        match = _governing(cue, text) if reason in INQUIRY_CUES else cue.search(text)
        if match and protest and match.group(0).startswith("series"):
            continue  # a day's "series of coordinated one-person protests" is that day's protest
        if (
            match
            and match.group(0).startswith("continue")
            and _ON_A_DAY.search(lower, max(0, trigger.clause_start - 40), trigger.start)
        ):
            continue  # "On September 3, militants continued to attack Koutougou": that day's attack
        if match:
            return f"{reason} ({match.group(0).strip()!r})"
    return None


def _labour_strike_reason(lower: str, trigger: Trigger, sentence: Sentence) -> str | None:
    """Why bare "strikes" are work stopped, not arms: a sentence about work ("the strikes hit fuel depots
    as unions protested"); never strikes that killed."""
    if not lower.startswith("strikes", trigger.start) or "kill" in lower[trigger.start : trigger.end]:
        return None
    labour = LABOUR_STRIKE.search(lower, sentence.start, sentence.end)
    return f"not conflict (a labour strike: {labour.group(0)!r})" if labour else None


def _territory_reason(text: str, lower: str, trigger: Trigger) -> str | None:
    """Why ground taken with no place word of its own ("took control of", "recaptured", "fell to") is no
    armed group's: no armed men named near it, and (but for "fell to", where the holder follows) no name
    after it ("Ukrainian troops retook Kherson", "the army recaptured Kidal" keep theirs)."""
    if lower.endswith(("control of", "control over"), trigger.start, trigger.end) and NOT_GROUND.match(
        lower, trigger.end
    ):
        return "no armed actor (control taken in politics, sport or business)"
    if TERRITORY_PLACE.match(lower, trigger.end - 16, trigger.end + 2) or TERRITORY_PLACE.search(
        lower, trigger.start, trigger.end + 2
    ):
        return None
    if ARMED_FORCE.search(lower, max(0, trigger.clause_start - _FORCE_REACH), trigger.clause_end):
        return None
    after = trigger.end + 1
    named = after < len(text) and text[after].isupper() and text != text.upper()
    if named and not lower.startswith("fell", trigger.start):
        return None
    return "no armed actor (control taken in politics, sport or business)"


@lru_cache(maxsize=64)
def _wide_text(lower: str, start: int, end: int) -> str:
    """The clause ``lower[start:end]`` as the clause-wide cues read it: asides and superlatives blanked.
    Kept for the last few clauses: a clause with two triggers is read for each."""
    return SUPERLATIVE.sub(" ", _asides_blanked(lower[start:end]))


def _asides_blanked(text: str) -> str:
    """``text`` with its relative clauses and asides to the reader blanked out (same length)."""
    return _READER_ASIDE.sub(_blank, _RELATIVE.sub(_blank, text))


def _governing(cue: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The first match of ``cue`` before the trigger that no inquiry into the trigger itself follows ("will
    investigate the murder" puts the inquiry, not the murder, in the future; "will look into the area and
    attack" does not: INQUIRY must end right before the trigger)."""
    return next((m for m in cue.finditer(before) if not INQUIRY.search(before, m.end())), None)


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


def _mention(
    lower: str, sentence: Sentence, accepted: list[Trigger], misfortunes: Sequence[tuple[int, int]] = ()
) -> Mention | None:
    # Casualty figures count only inside accepted clauses: a toll in a rejected clause is not this event's,
    # nor one told with a misfortune's verb ("floods killed 10 in Kano as gunmen killed five in Zamfara").
    figures: list[Figure] = []
    for c_start, c_end in sorted({(t.clause_start, t.clause_end) for t in accepted}):
        figures.extend(find_figures(lower, max(c_start, sentence.start), min(c_end, sentence.end)))
    if misfortunes:
        figures = [f for f in figures if not any(a < f.end and f.start < b for a, b in misfortunes)]
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


# Most sentences name no event by reference: one search of all four patterns says so.
_ANY_REFERENCE = _either(pattern for pattern, _ in _REFERENCE_KINDS)


def referred_kinds(text: str) -> frozenset[str]:
    """The kinds of event a sentence's definite references name ("the fighting", "the blast")."""
    if _ANY_REFERENCE is not None and _ANY_REFERENCE.search(text) is None:
        return frozenset()
    kinds: set[str] = set()
    for pattern, names in _REFERENCE_KINDS:
        if pattern.search(text):
            kinds |= names
    return frozenset(kinds)


def read_mentions(text: str, lower: str, sentences: list[Sentence]) -> tuple[list[Mention], list[Rejection]]:
    """Accepted event mentions, in document order, and the rejected candidates."""
    mentions: list[Mention] = []
    rejections: list[Rejection] = []
    if not sentences:
        return mentions, rejections
    scan = TriggerScan(lower, sentences[0].start, max(s.end for s in sentences))
    # The lead: the title (where the text opens with one) and the first sentences of the body (a photo's
    # caption may come between).
    lead_start, lead_end = sentences[0].start, sentences[min(2, len(sentences) - 1)].end
    # The document-wide reasons read only the text (and its lead) and the trigger's kind: each is read
    # once per kind, not again for every trigger of that kind.
    by_kind: dict[str, str | None] = {}
    for sentence in sentences:
        found = scan.matches(sentence.start, sentence.end)
        if not found:
            continue
        clauses = _clauses(lower, sentence.start, sentence.end)
        accepted: list[Trigger] = []
        misfortune = False  # a trigger of the sentence told an accident, no act was told after it
        misfortunes: list[tuple[int, int]] = []  # the triggers rejected as another sense or an accident
        for kind, t_start, t_end in found:
            c_start, c_end = next(((a, b) for a, b in clauses if a <= t_start < b), clauses[-1])
            trigger = Trigger(kind, t_start, t_end, c_start, c_end)
            reason = _reject_reason(lower, trigger, sentence)
            if reason is None and misfortune and kind in CASUALTY_ONLY_KINDS:
                # "A fuel tanker exploded on a highway on Wednesday, killing 12": the dead are the
                # accident's, however far the toll is told from it.
                reason = _MISFORTUNE_TOLL
            reason = reason or around_reason(lower, sentence.end, c_start, t_start, t_end)
            reason = reason or (kind == "air" and _labour_strike_reason(lower, trigger, sentence)) or None
            reason = reason or (kind == "territory" and _territory_reason(text, lower, trigger)) or None
            reason = reason or everyday_reason(lower, kind, sentence.start, sentence.end, t_start, t_end)
            recalled = None if reason else recalled_item(lower, sentence.start, c_start, c_end)
            reason = reason or (recalled and f"historical (a list after {recalled!r})")
            if not reason:
                if kind not in by_kind:
                    by_kind[kind] = ordinary_crime_reason(lower, kind) or trial_account_reason(
                        lower, kind, lead_start, lead_end
                    )
                reason = by_kind[kind]
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
                accident = reason.startswith(_NOT_CONFLICT_REASON)
                if accident and kind in CASUALTY_ONLY_KINDS:
                    misfortunes.append((t_start, t_end))
                # (not where armed men or arms are named after it: "floods killed 10 in Kano as gunmen killed
                # five in Zamfara")
                misfortune = misfortune or (accident and not ARMED_ACT.search(lower, t_end, sentence.end))
                continue
            accepted.append(trigger)
            misfortune = False
        if not accepted:
            continue
        for start, end, triggers in _segments(lower, sentence, accepted):
            mention = _mention(lower, Sentence(start, end), triggers, misfortunes)
            if mention is not None:
                mentions.append(mention)
    return mentions, rejections
