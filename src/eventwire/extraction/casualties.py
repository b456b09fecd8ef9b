"""Casualty figures in a sentence: killed, injured, abducted, arrested, and how many took part.

``find_figures(lower, start, end)`` reads lower-cased text (offsets equal the original's) and returns every
figure with its offsets and the victims' phrase; ``combine`` turns an event's figures into one range per
kind without counting the same dead twice.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.models.event import Quantity
from eventwire.text.numbers import COUNT_PATTERN, Count, parse_count
from eventwire.text.regex_starts import prefiltered, start_searcher

# Head nouns of victim phrases, grouped by who they are.
HEADS: dict[str, tuple[str, ...]] = {
    "armed": (
        "fighters", "militants", "insurgents", "rebels", "jihadists", "gunmen", "attackers", "assailants",
        "terrorists", "guerrillas", "subversives", "extremists", "combatants", "militiamen",
        "militia members", "bandits", "assailants", "jihadists", "dozos", "hunters",
        "suspects", "kidnappers", "bombers", "commanders", "leaders", "vigilantes",
        "militia fighters", "volunteer fighters",
    ),
    "forces": (
        "soldiers", "troops", "servicemen", "service members", "policemen", "police officers", "officers",
        "police", "guards", "security personnel", "security guards", "security forces", "personnel",
        "commandos", "marines", "recruits", "peacekeepers", "paramilitaries", "agents", "gendarmes",
        "sailors", "pilots", "army personnel", "bodyguards", "jawans", "policewomen", "constables",
        "cops", "rangers", "security agents",
    ),
    "civilian": (
        "civilians", "villagers", "residents", "children", "women", "men", "students", "pupils",
        "worshippers", "passengers", "farmers", "herders", "miners", "workers", "journalists", "pilgrims",
        "traders", "bystanders", "migrants", "refugees", "teachers", "doctors", "aid workers", "officials",
        "peasants", "shoppers", "family members", "relatives", "boys", "girls", "babies", "teenagers",
        "patients", "fishermen", "motorists", "drivers", "priests", "monks", "nuns", "displaced people",
        "schoolchildren", "schoolgirls", "hostages", "wedding guests", "mourners", "merchants",
        "councilors", "councillors", "chiefs", "notables", "elders", "imams", "pastors", "youths", "herdsmen",
        "shepherds", "vendors", "nurses", "civilian men", "internally displaced persons", "idps",
        "jesuits", "missionaries", "tourists", "engineers", "employees", "technicians", "labourers",
        "laborers", "judges", "mayors", "lawyers", "politicians", "voters", "clergymen", "adults", "minors",
        "infants", "toddlers", "nationals", "citizens", "foreigners", "expatriates", "expats",
    ),
    "protesters": ("protesters", "protestors", "demonstrators", "marchers", "rioters", "strikers"),
    # ("members" are of whatever group names them: "members of parliament", "NDS members")
    "people": (
        "people", "persons", "members", "others", "individuals", "lives", "casualties", "dead", "victims",
    ),
}  # fmt: skip
SINGULAR: dict[str, str] = {
    "soldier": "forces", "policeman": "forces", "police officer": "forces", "officer": "forces",
    "guard": "forces", "serviceman": "forces", "marine": "forces", "peacekeeper": "forces",
    "civilian": "civilian", "man": "civilian", "woman": "civilian", "child": "civilian", "boy": "civilian",
    "girl": "civilian", "student": "civilian", "farmer": "civilian", "journalist": "civilian",
    "resident": "civilian", "villager": "civilian", "peasant": "civilian", "priest": "civilian",
    "teacher": "civilian", "doctor": "civilian", "worker": "civilian", "trader": "civilian",
    "driver": "civilian", "judge": "civilian", "mayor": "civilian", "official": "civilian",
    "businessman": "civilian", "passer-by": "civilian", "passerby": "civilian", "bystander": "civilian",
    "pedestrian": "civilian", "motorist": "civilian", "shopkeeper": "civilian", "vendor": "civilian",
    "person": "people", "protester": "protesters", "demonstrator": "protesters",
    "fighter": "armed", "militant": "armed", "rebel": "armed", "insurgent": "armed", "gunman": "armed",
    "guerrilla": "armed", "attacker": "armed", "commander": "armed", "bomber": "armed", "leader": "armed",
    "assailant": "armed", "jihadist": "armed", "militiaman": "armed", "suspect": "armed", "thief": "armed",
    "gendarme": "forces", "policewoman": "forces", "police agent": "forces", "security agent": "forces",
    "intelligence agent": "forces", "agent": "people", "councilor": "civilian",
    "councillor": "civilian", "chief": "civilian", "director": "civilian", "marabout": "civilian",
    "imam": "civilian", "pastor": "civilian", "catechist": "civilian", "herder": "civilian",
    "shepherd": "civilian", "herdsman": "civilian", "youth": "civilian", "teenager": "civilian",
    "merchant": "civilian", "nurse": "civilian", "elder": "civilian", "notable": "civilian",
    "member": "people", "individual": "people", "victim": "people",
    "missionary": "civilian", "jesuit": "civilian", "tourist": "civilian", "engineer": "civilian",
    "employee": "civilian", "lawyer": "civilian", "politician": "civilian", "adult": "civilian",
    "minor": "civilian", "infant": "civilian", "baby": "civilian", "toddler": "civilian",
    "bodyguard": "forces", "jawan": "forces", "constable": "forces", "cop": "forces", "ranger": "forces",
    "vigilante": "armed", "militia member": "armed",
}  # fmt: skip


@lru_cache(maxsize=1)
def _registry() -> dict[str, Any]:
    """The actor registry's data file, read once for the patterns built from it."""
    data: dict[str, Any] = json.loads(
        (resources.files("eventwire") / "data" / "actors.json").read_text("utf-8")
    )
    return data


def _demonyms() -> list[str]:
    """Nationality nouns from the actor registry's countries ("palestinian", "afghan"), lower-cased."""
    words = {d.lower() for country in _registry()["countries"] for d in country.get("demonyms", ())}
    return sorted(words, key=lambda word: (-len(word), word))


def _plural_demonyms() -> list[str]:
    """The plurals of the nationality nouns that take an "s" ("palestinians", "iraqis", "afghans"; not
    "chinese" or "french"): victims counted by nationality alone, "two Palestinians were killed"."""
    return [f"{word}s" for word in _demonyms() if word.endswith(("an", "i")) and " " not in word]


CATEGORY_OF = {head: cat for cat, heads in HEADS.items() for head in heads}
# (by nationality alone, soldiers and civilians alike: counted as people)
CATEGORY_OF.update((plural, "people") for plural in _plural_demonyms() if plural not in CATEGORY_OF)
# A count may stand before a singular head too: "killed 1 policewoman", "killing one civilian and ...".
# (longest first, then alphabetical: the set's own order changes from one run to the next)
_ALL_HEADS = sorted(CATEGORY_OF.keys() | SINGULAR.keys(), key=lambda head: (-len(head), head))


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, in the order given, any run of spaces inside one matching any."""
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)


_HEAD = r"(?P<head>" + _alternation(_ALL_HEADS) + r")\b"


# A person named only by nationality or age: "shot dead a Palestinian", "a 16-year-old was killed". Only
# where no head noun follows ("a Russian soldier" is a soldier) and no hyphen ("a Russian-made drone").
_PERSON_ONLY = (
    r"(?:\d{1,3}-year-old|"
    + _alternation(_demonyms())
    + r")(?![\w-])(?!\s+(?:"
    + _alternation(_ALL_HEADS)
    + r")\b)"
)
_SINGULAR_HEAD = (
    r"(?P<shead>" + _alternation(sorted(SINGULAR, key=len, reverse=True)) + r"|" + _PERSON_ONLY + r")\b"
)
# Up to four modifier words between a count and its head noun: "14 ISIS fighters", "seven U.S. soldiers".
# A modifier never ends a sentence ("two gendarmes in Djibo. The militant"): "U.S." is one, "Djibo." not.
_MODS = r"(?:(?!(?:a|an|were|was|and|in|on|at|by|of|from|after|during)\b|\w{3,}\.\s)[\w.'’-]+\s+){0,4}?"
_COUNT = COUNT_PATTERN
# "200 troops from both nations participated": a short phrase between the head and the verb.
_PP_WORD = r"(?!(?:and|or|but|were|was|are|is|had|have|has|who|which|that)\b|\w{3,}\.\s)[\w.'’-]+"
_PP = (
    rf"(?P<pp>\s+(?:from|of|in|with|at|on)\s+(?:{_PP_WORD}\s+){{0,3}}?{_PP_WORD}"
    r"|,?\s+(?:armed|equipped)\s+with\s+(?:[\w'-]+,?\s+){0,4}?[\w'-]+)?"
)

_KIND_OF_VERB = {
    "kill": "fatalities", "dead": "fatalities", "die": "fatalities", "slain": "fatalities",
    "lost": "fatalities", "shot dead": "fatalities", "death": "fatalities", "murder": "fatalities",
    "have died": "fatalities",
    "execut": "fatalities", "behead": "fatalities", "assassinat": "fatalities",
    "shot and killed": "fatalities", "shot to death": "fatalities", "shot": "fatalities",
    "beaten to": "fatalities", "stabbed to": "fatalities", "hacked to": "fatalities",
    "burned to": "fatalities", "burnt to": "fatalities", "stoned to": "fatalities",
    "clubbed to": "fatalities", "bludgeoned to": "fatalities", "tortured to": "fatalities",
    "lynch": "fatalities",
    "massacr": "fatalities", "bodies": "fatalities", "body": "fatalities", "fatalit": "fatalities",
    "wound": "injuries", "injur": "injuries", "hurt": "injuries", "treated": "injuries",
    "hospital": "injuries",
    "kidnap": "abducted", "abduct": "abducted", "hostage": "abducted",
    "arrest": "arrested", "detain": "arrested", "custody": "arrested", "apprehend": "arrested",
    "rounded up": "arrested",
    "particip": "participants", "took part": "participants", "join": "participants",
    "march": "participants", "gather": "participants", "rall": "participants", "protest": "participants",
    "block": "participants", "hurl": "participants", "surround": "participants", "storm": "participants",
    "raid": "participants", "ambush": "participants", "chant": "participants", "took to": "participants",
    "demonstrat": "participants", "turn": "participants", "attend": "participants", "crowd": "participants",
}  # fmt: skip
_VERB_AFTER = (
    r"(?P<verb>killed|dead|died|have\s+died|lost\s+their\s+lives|slain|shot\s+dead|executed|beheaded|"
    r"massacred|murdered|assassinated|shot\s+and\s+killed|shot\s+to\s+death|wounded|injured|hurt|kidnapped|abducted|taken\s+hostage|held\s+hostage|arrested|"
    # "a man accused of witchcraft was beaten to death", "was lynched by residents"
    r"(?:beaten|stabbed|hacked|burned|burnt|stoned|clubbed|bludgeoned|tortured)\s+to\s+death|lynched|"
    r"detained|taken\s+into\s+custody|apprehended|rounded\s+up|treated\s+for\s+(?:\w+\s+)?(?:injuries|wounds)|"
    r"hospitali[sz]ed|participated|took\s+part|joined|marched|gathered|rallied|protested|demonstrated|"
    r"turned\s+out|blocked|hurled|chanted|took\s+to\s+the\s+streets|surrounded|stormed|raided|ambushed)"
)
_BE = r"(?:,?\s*(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|reportedly|also|all|allegedly|"
_BE += r"may|might|"  # "up to 50 may have been killed": the toll is uncertain, not the act
_BE += r"confirmed|later|were\s+reported|reported|slightly|seriously|critically|badly|severely|lightly|"
_BE += r"fatally|mortally|gravely|found)\s*)*"

# What may stand between a toll and its verb: "the death toll from Sunday's attack has risen to 22".
_TOLL_FROM = r"\s+(?:from\s+[^,.;]{1,60}?\s+)?(?:has\s+|had\s+|later\s+)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "no one was killed", "no casualties were reported"
    (
        "none",
        re.compile(
            r"(?P<victim>no\s+(?:one|body|casualties|deaths|injuries|fatalities))\s*(?:was|were|had\s+been|has"
            r"\s+been|have\s+been)?\s*(?P<verb>killed|injured|hurt|wounded|reported|died)?"
        ),
    ),
    # "nobody was hurt", "none of the passengers was wounded", "not a single civilian was killed": a
    # count of none only with its verb (and taken before "one of the passengers" inside it is read).
    (
        "none",
        re.compile(
            r"(?P<victim>\b(?:nobody|no-one|none(?:\s+of\s+(?:the|them|those|these|their|our)\b(?:\s+[\w-]+){0,2}?)?"
            r"|not\s+(?:a\s+single|one(?:\s+single)?)\s+[\w-]+(?:\s+[\w-]+)?))\s+(?:was|were|had\s+been|has"
            r"\s+been|have\s+been)\s+(?:\w+ly\s+)?(?P<verb>killed|injured|hurt|wounded|harmed)\b"
        ),
    ),
    # "the death toll rose to 20": a revised total replaces what came before.
    (
        "toll",
        re.compile(
            # ("the toll from Monday's clash rose to 12": a toll that rose is the dead's, "death" or not)
            rf"(?:(?P<verb>death)\s+toll{_TOLL_FROM}(?:rose|risen|"
            r"climbed|increased|reached|jumped|hit|stood\s+at|stands\s+at|is\s+now|was|is|of)"
            rf"|\b(?P<toll>toll){_TOLL_FROM}(?:rose|risen|climbed|jumped))"
            r"\s+(?:to\s+)?"
            rf"(?P<count>{_COUNT})"
        ),
    ),
    # "killing at least 14 fighters", "left five dead", "wounding seven"
    (
        "before",
        re.compile(
            r"(?P<verb>killing|killed|kills|kill|wounding|wounded|wounds|wound|injuring|injured|injures|injure|"
            r"kidnapping|kidnapped|kidnaps|kidnap|abducting|abducted|abducts|abduct|arresting|arrested|arrests|"
            r"arrest|detaining|detained|detains|executed|executing|massacring|massacred|assassinated|"
            r"assassinating|shot\s+dead|shot\s+and\s+killed|gunned\s+down|"
            r"claimed\s+the\s+lives\s+of|left|leaving)\s+"
            rf"(?P<victim>(?P<count>{_COUNT})(?:\s+(?:of\s+)?{_MODS}{_HEAD})?)"
            r"(?:\s+(?P<state>dead|injured|wounded|hurt))?"
        ),
    ),
    # "14 ISIS fighters were killed", "at least five people died", "12 dead"
    (
        "after",
        re.compile(
            # (a count starts a word: "the drone killed" is no "one killed")
            rf"(?P<victim>\b(?P<count>{_COUNT})(?:\s+(?:of\s+)?{_MODS}{_HEAD}{_PP})?)\s*{_BE}{_VERB_AFTER}\b"
        ),
    ),
    # "the deaths of at least 14 ISIS fighters", "injuries to seven U.S. soldiers"
    (
        "noun",
        re.compile(
            r"(?:the\s+)?(?P<verb>deaths?|killings?|murders?|injur(?:y|ies)|wounds|wounding|kidnapping|abduction|"
            r"arrests?|detention)\s+(?:of|to)\s+"
            rf"(?P<victim>(?P<count>{_COUNT})(?:\s+{_MODS}{_HEAD})?)"
        ),
    ),
    # "3 fatalities were reported", "1 fatality": a toll given as a count of fatalities
    (
        "tally",
        re.compile(rf"(?P<victim>\b(?P<count>{_COUNT})\s+(?:reported\s+)?(?P<verb>fatalit(?:y|ies)))\b"),
    ),
    # "a crowd of 3,000", "attended by thousands"
    (
        "crowd",
        re.compile(
            rf"(?P<verb>crowds?|gatherings?|rall(?:y|ies)|march(?:es)?|demonstrations?|protests?)\s+(?:of|by)\s+"
            rf"(?P<victim>(?P<count>{_COUNT})"
            rf"(?:\s+{_MODS}{_HEAD})?)"
        ),
    ),
    # "shot two men to death"
    (
        "shot_to_death",
        re.compile(
            rf"(?P<verb>shot)\s+(?P<victim>(?P<count>{_COUNT})(?:\s+{_MODS}{_HEAD})?)\s+(?:dead|to\s+death)\b"
        ),
    ),
    # "a soldier was killed", "killed a peasant", "the death of a civilian"
    (
        "single_after",
        re.compile(
            rf"(?P<victim>\b(?:a|an|one|1|(?P<the>the))\s+{_MODS}{_SINGULAR_HEAD})\s*{_BE}{_VERB_AFTER}\b"
        ),
    ),
    (
        "single_before",
        re.compile(
            r"(?P<verb>killing|killed|wounding|wounded|injuring|injured|kidnapping|kidnapped|abducting|"
            r"abducted|arrested|arresting|death\s+of|murder\s+of|body\s+of|shot\s+dead|gunned\s+down|"
            r"assassinated|assassinating|executed|executing|murdered|shot\s+and\s+killed)\s+"
            rf"(?P<victim>(?:a|an|one)\s+{_MODS}{_SINGULAR_HEAD})"
        ),
    ),
)


# What a pattern's every match contains, where the pattern is dear to run: a count may start at almost
# any character, so "after" and "tally" cost most of the scan, yet most clauses hold none of their verbs.
# A text without the needed verb is skipped whole; the matches in the others are unchanged. (The verbs
# are looked for only where one may start: a third less time than trying all of them at every character.)
_VERB_AFTER_RE = prefiltered(re.compile(rf"{_VERB_AFTER}\b"))
_NEEDS: dict[str, re.Pattern[str]] = {
    "after": _VERB_AFTER_RE,
    "single_after": _VERB_AFTER_RE,
    "tally": re.compile("fatalit"),
}


# Where a match of a pattern may start ("14", "at least", "a dozen", "killing" ...), found by a search
# for the starts alone: a count may start at almost any character, and the regex engine tries the whole
# count pattern at every one of them; the search finds the few where one can stand at a third of the
# cost, and the pattern is tried only there (see `_finditer`). Patterns that start with one word or a
# few ("no", "death", "crowds") the engine finds faster by itself, as it does the single victims
# (measured on MUC-4 and GeoWebNews text).
_SCANNED = ("before", "after", "noun", "tally")
_STARTS: dict[str, re.Pattern[str] | None] = {
    name: start_searcher(pattern.pattern, pattern.flags) for name, pattern in _PATTERNS if name in _SCANNED
}


def _finditer(
    name: str, pattern: re.Pattern[str], lower: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(lower, start, end)`` yields: the leftmost match from where the last
    ended, tried only where a match may start."""
    finder = _STARTS.get(name)
    if finder is None:
        yield from pattern.finditer(lower, start, end)
        return
    search, match_at = finder.search, pattern.match
    at = search(lower, start, end)
    while at is not None:
        pos = at.start()
        match = match_at(lower, pos, end)
        if match is not None:  # never empty: start_searcher reads only patterns that match something
            yield match
            # (the next match starts where this one ended, or later: no start inside it is tried)
            at = search(lower, match.end(), end)
        else:
            at = search(lower, pos + 1, end)


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty or participation figure, as the text gives it."""

    kind: str  # fatalities, injuries, abducted, arrested, participants
    count: Count
    start: int
    end: int
    victim_start: int
    victim_end: int
    category: str  # armed, forces, civilian, protesters, people
    revised: bool = False
    # "The officer died": one person named before, counted only where no other figure counts the group.
    anaphoric: bool = False


_PLUS_ATTACKER = re.compile(
    r",?\s*(?:in\s+addition\s+to|as\s+well\s+as|besides|plus|and)\s+(?:himself|herself|the\s+(?:suicide\s+)?"
    r"(?:bomber|attacker|assailant|gunman))\b"
)


def _category(head: str) -> str:
    return CATEGORY_OF.get(head) or SINGULAR.get(head, "people")


# Words that make members of a force or an armed group of whoever they qualify: "NDS members", "a member
# of his escort", "members of the Koglweogo". The named armed actors come from the actor registry.
_FORCE_WORDS = (
    "army", "military", "police", "security", "escort", "guard", "gendarmerie", "navy", "air force",
    "armed forces", "security forces", "presidential guard", "intelligence", "border guard", "coast guard",
)  # fmt: skip
_ARMED_WORDS = (
    "militia", "militias", "self-defense group", "self-defence group", "armed group", "rebel group",
    "insurgent group", "jihadist group", "terrorist group", "gang", "cartel", "vigilante group",
)  # fmt: skip
# Lower-cased, short aliases may be common words ("is", "ops"): such names need capitals to be read.
_MIN_ALIAS = 3
_AMBIGUOUS = frozenset({"ops", "nas", "kia", "aa", "eta"})


@lru_cache(maxsize=1)
def _armed_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for the names of forces and armed groups (lower-cased) and each name's category."""
    category: dict[str, str] = dict.fromkeys(_FORCE_WORDS, "forces") | dict.fromkeys(_ARMED_WORDS, "armed")
    for actor in _registry()["actors"]:
        if actor.get("inter") not in {1, 2, 3, 4, 8}:
            continue
        for alias in actor["aliases"]:
            if not isinstance(alias, str) and alias.get("context") == "caps":
                continue  # read only in capitals ("LeT", "FACT"), and this pattern reads lower case
            text = " ".join((alias if isinstance(alias, str) else alias["text"]).lower().split())
            if len(text) >= _MIN_ALIAS and text not in _AMBIGUOUS:
                category.setdefault(text, "forces" if actor["inter"] == 1 else "armed")
    alternation = _alternation(sorted(category, key=len, reverse=True))
    # (a name that qualifies a body of civilians names no force: "members of the police union")
    return re.compile(rf"(?<![\w-])(?P<name>{alternation})(?:s)?(?![\w-]){_NOT_A_FORCE}"), category


_NOT_A_FORCE = (
    r"(?!\s+(?:union|council|committee|association|commission|academy|board|ministry|ministers?|chief"
    r"|spokesman|spokesperson|station))"
)


# "a member of the Koglweogo", "members from Barrio-18", "1 member of his escort", "five Koglweogo".
_OF_GROUP = re.compile(r"\s*(?:\(|of\s+|from\s+|belonging\s+to\s+)(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?")
_BARE_GROUP = re.compile(r"\s+")
_IN_GROUP_HEADS = frozenset({"member", "members", "people", "persons", "individuals", "others", ""})


def _group_category(
    lower: str, figure_head: str, count_end: int, head: tuple[int, int], v_end: int, end: int
) -> str | None:
    """The category of victims named as members of a force or armed group, if they are: by a name among
    their modifiers ("NDS members"), after them ("a member of the Koglweogo"), or as their head noun
    after a bare count ("killed five Koglweogo"). A place after the head is none of these: "five people
    in the security zone" are no security forces."""
    pattern, category = _armed_names()
    if figure_head:
        found = pattern.search(lower, count_end, head[0])
        after = _OF_GROUP.match(lower, head[1], end)
        if found is None and after is not None:
            found = pattern.match(lower, after.end(), end)
    else:
        after = _BARE_GROUP.match(lower, v_end, end)
        found = pattern.match(lower, after.end(), end) if after else None
    return category[" ".join(found.group("name").split())] if found else None


# Leaders are read as armed ("rebel leaders", "the group's leaders"), but not those of a union, a party,
# a community or a faith: "the deaths of 10 labor leaders" in a bombing of their headquarters.
_CIVIL_LEADERS = re.compile(
    r"\b(?:labou?r|union|trade|political|party|community|religious|opposition|student|peasant|indigenous"
    r"|business|civic|society|social|church|tribal|youth|village|local|traditional|customary|farmers'?"
    r"|workers'?|women's|human\s+rights|civilian)\s+leaders?\b"
)


def _kind(verb: str) -> str | None:
    verb = " ".join(verb.split())
    if verb == "left":
        return None
    return next((kind for stem, kind in _KIND_OF_VERB.items() if verb.startswith(stem)), None)


def find_figures(lower: str, start: int, end: int) -> list[Figure]:
    """Figures in ``lower[start:end]`` (lower-cased document text), with absolute offsets."""
    figures: list[Figure] = []
    # The spans matched so far, sorted; they never overlap, so their ends rise with their starts and a
    # match overlaps one only if it overlaps the last that starts before it ends (a whole text, as the
    # type model reads it, may hold hundreds).
    taken: list[tuple[int, int]] = []
    present: dict[str, bool] = {}  # "after" and "single_after" need the same verbs: look once
    for name, pattern in _PATTERNS:
        needs = _NEEDS.get(name)
        if needs is not None:
            if needs.pattern not in present:
                present[needs.pattern] = needs.search(lower, start, end) is not None
            if not present[needs.pattern]:
                continue
        for match in _finditer(name, pattern, lower, start, end):
            before = bisect_left(taken, (match.end(),))
            if before and taken[before - 1][1] > match.start():
                continue
            groups = match.groupdict()
            verb = groups.get("verb") or ("death" if groups.get("toll") else "")
            if name == "before" and verb in {"left", "leaving"}:
                verb = groups.get("state") or ""
            if name == "none":
                kind: str | None = (
                    "injuries"
                    if verb in {"injured", "hurt", "wounded", "harmed"} or "injur" in match.group(0)
                    else "fatalities"
                )
                count = Count(0, 0, 0)
            else:
                kind = _kind(verb) if verb else None
                count_match = re.match(_COUNT, groups.get("count") or "one")
                parsed = (
                    parse_count(count_match)
                    if count_match and name not in {"single_after", "single_before"}
                    else None
                )
                count = parsed if parsed else Count(1, 1, 1)
            if kind is None:
                continue
            head = groups.get("head") or ""
            shead = groups.get("shead") or ""
            head_words = " ".join((head or shead).split())
            category = _category(head_words)
            if head and count.best != 1 and head_words not in CATEGORY_OF:
                # A singular head counts one person: "the 12 militants' commander" is no 12 of anyone.
                category = "people"
            if head_words in _IN_GROUP_HEADS and kind != "participants" and groups.get("victim"):
                count_end = match.end("count") if groups.get("count") else match.start("victim")
                head_span = match.span("head") if head else match.span("shead") if shead else (0, 0)
                category = (
                    _group_category(lower, head_words, count_end, head_span, match.end("victim"), end)
                    or category
                )
            if (
                name in {"after", "before", "noun", "crowd", "shot_to_death"}
                and not head
                and not _plausible_bare(lower, match)
            ):
                continue
            if (
                name in {"after", "single_after"}
                and kind != "participants"  # who marched or stormed is who took part
                and (head or shead)
                and _acting(lower, match, end)
            ):
                continue
            v_start, v_end = match.span("victim") if groups.get("victim") else match.span()
            if kind == "participants" and name == "single_after" and lower.endswith("of ", 0, v_start):
                continue  # "supporters of the opposition leader marched": the supporters took part
            if head_words in {"leaders", "leader"} and _CIVIL_LEADERS.search(lower, v_start, v_end):
                category = "civilian"
            if kind == "fatalities" and _PLUS_ATTACKER.match(lower, match.end()):
                # "killing nine people in addition to himself": ACLED counts the attacker among the dead.
                count = Count(count.low + 1, count.best + 1, None if count.high is None else count.high + 1)
            # A figure written before its verb is quoted as its noun phrase ("More than 200 troops from both
            # nations"), like "the deaths of at least 14 fighters"; the sentence evidence gives the rest.
            f_end = v_end if name == "after" else match.end()
            figure = Figure(
                kind,
                count,
                match.start(),
                f_end,
                v_start,
                v_end,
                category,
                revised=name == "toll",
                anaphoric=bool(groups.get("the")),
            )
            insort(taken, match.span())
            if name in {"after", "single_after"}:
                figures.extend(_with_list(figure, _conjoined(lower, start, v_start, kind, match.end())))
            elif name in {"before", "single_before"} and (head or shead) and kind != "participants":
                following = _following(lower, match.end(), end, kind)
                for later in following:
                    insort(taken, (later.start, later.end))
                figures.extend(_with_list(figure, following))
            else:
                figures.append(figure)
    return sorted(figures, key=lambda f: f.start)


# "A soldier shot dead a civilian woman": a verb with no auxiliary before it and an object after it is
# active, and the phrase before it is who did it, not who fell ("14 ISIS fighters killed" has no object).
_AUXILIARY = re.compile(r"\b(?:was|were|been|being|is|are)\b")
_OBJECT = re.compile(
    rf"\s+(?:an?(?!\s+(?:day|hour|week|month|year|night|minute|kilometre|kilometer|km|mile|few\s+"
    r"(?:days|hours|weeks|months|minutes))\b)|his|her|their|its|several|many|dozens|scores|hundreds"
    rf"|(?:{_COUNT})\s+[a-z]"
    r"|the\s+(?!(?:day|night|previous|next|following|same|week|month|year|morning|evening)\b))\b"
)


def _acting(lower: str, match: re.Match[str], end: int) -> bool:
    """Whether the victim phrase of an "after" match is the subject of an active verb."""
    verb_start, verb_end = match.span("verb")
    if _AUXILIARY.search(lower, match.end("victim"), verb_start):
        return False
    return _OBJECT.match(lower, verb_end, end) is not None


def _with_list(figure: Figure, earlier: list[Figure]) -> list[Figure]:
    """A figure and the other groups of its list, where groups of one category are one figure: "Thirteen
    soldiers and one gendarme were killed" is 14 of the forces, not the same forces counted twice."""
    same = [f for f in earlier if f.category == figure.category]
    if not same:
        return [figure, *earlier]
    total = _sum([figure.count, *(f.count for f in same)])
    first = min(f.start for f in [figure, *same])
    last = max(f.end for f in [figure, *same])
    victim_end = max(f.victim_end for f in [figure, *same])
    merged = Figure(figure.kind, total, first, last, first, victim_end, figure.category)
    return [merged, *(f for f in earlier if f.category != figure.category)]


# The first group of the list is a count with a plural head, or one person ("one adult and four minors
# were killed", "a soldier and two civilians"): after a/an/one only, so "At 5 pm a soldier" is one.
_ONE_MODS = r"(?:(?!(?:the|a|an|were|was|and|in|on|at|by|of|from|after|during)\b)[\w.'’-]+\s+){0,3}?"
_LIST_GROUP = rf"(?P<count>{_COUNT})\s+{_MODS}{_HEAD}|(?P<one>\b(?:a|an|one|1))\s+{_ONE_MODS}{_SINGULAR_HEAD}"
_CONJOINED = re.compile(rf"(?P<victim>{_LIST_GROUP})\s*(?:,|,?\s+and)\s*$")


# An active verb right before a group makes it that verb's object ("arrested two suspects").
_OBJECT_OF_VERB = re.compile(
    r"\b(?:killed|killing|wounded|wounding|injured|injuring|arrested|arresting|detained|detaining|kidnapped"
    r"|kidnapping|abducted|abducting|shot|shooting|executed|beheaded|murdered|massacred|hit|struck)\s+$"
)


# A later group of a list after its verb: "killed two police officers and a farmer".
_FOLLOWING = re.compile(rf"\s*(?:,|,?\s+and)\s+(?P<victim>{_LIST_GROUP})")


def _list_group(match: re.Match[str]) -> tuple[Count | None, str]:
    """The count and head words of a group of a list (:data:`_LIST_GROUP`); no count where none is read
    or where a count of many stands before one person ("the 12 militants' commander": no group of 12)."""
    head = " ".join((match.group("head") or match.group("shead")).split())
    if match.group("one"):
        return Count(1, 1, 1), head
    count_match = re.match(_COUNT, match.group("count"))
    count = parse_count(count_match) if count_match else None
    if count is not None and count.best != 1 and head not in CATEGORY_OF:
        return None, head
    return count, head


def _following(lower: str, at: int, end: int, kind: str) -> list[Figure]:
    """The later groups of a list that follows one verb, each a figure of ``kind``."""
    found: list[Figure] = []
    while (match := _FOLLOWING.match(lower, at, end)) is not None:
        count, head = _list_group(match)
        if count is None:
            return found
        v_start, v_end = match.span("victim")
        if _OWN_VERB.match(lower, v_end, end):
            # "killed two soldiers and three civilians were wounded": the next clause's subject, with
            # its own verb, is no item of this list
            return found
        found.append(Figure(kind, count, v_start, v_end, v_start, v_end, _category(head)))
        at = v_end
    return found


_OWN_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|has|died|fled|escaped|survived)\b")


def _conjoined(lower: str, floor: int, before: int, kind: str, end: int) -> list[Figure]:
    """The earlier groups of a list that shares one verb: "12 militants and three soldiers were killed"."""
    found: list[Figure] = []
    while True:
        match = _CONJOINED.search(lower, max(floor, before - 80), before)
        if match is None:
            return found
        count, head = _list_group(match)
        if count is None:
            return found
        if _OBJECT_OF_VERB.search(lower, max(floor, match.start() - 30), match.start()):
            return found  # "killed two soldiers and three civilians were wounded": that verb's, not this
        found.append(
            Figure(
                kind,
                count,
                match.start(),
                match.end("victim"),
                match.start("victim"),
                match.end("victim"),
                _category(head),
            )
        )
        before = match.start()


# A bare count without a head noun ("12 were killed", "killing 14") is a casualty figure only when the
# number is not a year, a time or an amount of something else.
_NOT_PEOPLE = re.compile(
    r"^(?:\d{4}|\d+(?:\.\d+)?)\s*(?:%|percent|km|kilomet|mile|hour|minute|day|week|month|year)"
)
# "killed thousands of cattle", "30 head of livestock": what the count counts, right after it.
_ANIMALS_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:heads?\s+of\s+)?(?:cattle|cows|livestock|goats|sheep|camels|donkeys|animals|chickens"
    r"|birds|fish)\b"
)


# "Rodriguez Porth, 65, was killed": a number set off by commas right after a name is an age.
_AGE_BEFORE = re.compile(r"[a-z.)],\s*$")
_AGE_AFTER = re.compile(r"\d{1,3}\s*,")


def _plausible_bare(lower: str, match: re.Match[str]) -> bool:
    count_text = match.group("count")
    if re.fullmatch(r"(?:19|20)\d\d", count_text.strip()):
        return False
    at = match.start("count")
    if _AGE_AFTER.match(lower, at) and _AGE_BEFORE.search(lower, max(0, at - 4), at):
        return False
    tail = lower[match.start("count") : match.start("count") + 30]
    return not _NOT_PEOPLE.match(tail) and not _ANIMALS_AFTER.match(lower, match.end("count"))


def _sum(counts: Iterable[Count]) -> Count:
    low = best = 0
    high: int | None = 0
    for count in counts:
        low += count.low
        best += count.best
        high = None if high is None or count.high is None else high + count.high
    return Count(low, best, high)


def _refined(figures: list[Figure]) -> list[Figure]:
    """The figures without the ranges that another figure of the group pins down: "abduct dozens" in a
    headline and "abducted at least 40" in the text are one count, 40, not a disagreement whose lowest
    figure is 24. A figure the range does not hold ("dozens" against "12") still disagrees."""

    def pins(g: Count, f: Count) -> bool:
        """Whether ``g`` says which number of ``f``'s range it is: "at least 40" or "40" of "dozens"."""
        high = f.high
        if high is None or high == f.low or not f.low <= g.best <= high:
            return False
        return g.high is None or g.high - g.low < high - f.low

    # Compared by distinct count: a long page may repeat one figure hundreds of times.
    counts = {f.count for f in figures}
    pinned = {f for f in counts if any(pins(g, f) for g in counts if g != f)}
    kept = [f for f in figures if f.count not in pinned]
    return kept or figures


def _conservative(figures: list[Figure]) -> Count:
    """The same group counted by several sources: the lowest figure is the best estimate (as ACLED codes
    disagreeing reports), the highest bounds it."""
    low = min(f.count.low for f in figures)
    best = min(f.count.best for f in figures)
    highs = [f.count.high for f in figures]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return Count(low, best, high)


def combine_scenes(
    scenes: Sequence[tuple[frozenset[str], list[Figure]]], kind: str, text: str, *, lead_whole: bool = False
) -> tuple[Quantity | None, list[Figure]]:
    """One range for ``kind`` from an event's figures told in several sentences, each with the towns its
    sentence names (``scenes``, in the event's order).

    The same toll told twice disagrees and counts once (see :func:`combine`), but tolls told of different
    towns are parts of the event: "airstrikes killed at least 30 across Gaza ... One strike in Rafah killed
    12 ... Another in Khan Younis killed 8" is 30 dead, not 8, and with no total told, 12 and 8 make 20.
    The tolls of sentences that name no town are the whole's; the larger of it and the parts' sum stands.
    With ``lead_whole`` the first scene may be the whole too: where its toll is no smaller than the other
    towns' together ("three killed in clashes in Usulutan ... one near La Esperanza farm, Santa Elena").
    """
    if len(scenes) == 1:
        return combine(scenes[0][1], kind, text)  # (one sentence: one scene, whatever towns it names)
    towns: dict[frozenset[str], list[Figure]] = {}
    whole: list[Figure] = []
    for named, figures in scenes:
        chosen = [f for f in figures if f.kind == kind]
        if chosen:
            (towns.setdefault(named, []) if named else whole).extend(chosen)
    everything = [f for _, figures in scenes for f in figures]
    keys = list(towns)
    apart = len(keys) >= 2 and all(a.isdisjoint(b) for i, a in enumerate(keys) for b in keys[i + 1 :])
    if not apart or any(f.revised for f in everything if f.kind == kind):
        return combine(everything, kind, text)
    parts = [combine(figures, kind, text) for figures in towns.values()]
    if any(q is None for q, _ in parts):
        return combine(everything, kind, text)
    counts = [Count(q.low, q.best, q.high) for q, _ in parts if q is not None]
    if lead_whole and scenes[0][0] == keys[0] and counts[0].best >= _sum(counts[1:]).best:
        whole = [*towns[keys[0]], *whole]
        parts, counts = parts[1:], counts[1:]
    total = _sum(counts)
    basis = [f for _, b in parts for f in b]
    general, general_basis = combine(whole, kind, text) if whole else (None, [])
    if general is not None and general.best >= total.best:
        return general, general_basis
    return Quantity(total.low, total.best, total.high, _quote(basis, text)), basis


def _quote(basis: list[Figure], text: str) -> str:
    """The figures' words, overlapping spans joined, in text order."""
    spans: list[list[int]] = []
    for figure in sorted(basis, key=lambda f: f.start):
        if spans and figure.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], figure.end)
        else:
            spans.append([figure.start, figure.end])
    return "; ".join(text[s:e] for s, e in spans)


def combine(figures: list[Figure], kind: str, text: str) -> tuple[Quantity | None, list[Figure]]:
    """One range for ``kind`` from an event's figures, and the figures it rests on.

    A revised toll ("rose to 20") replaces earlier figures. Otherwise the same group mentioned twice counts
    once (the lowest figure per group, the highest as its upper bound), distinct groups ("12 militants and
    three soldiers") add up, and a general figure ("20 people") stands for everyone when it is larger than
    the groups' sum.
    """
    chosen = [f for f in figures if f.kind == kind]
    counted = {f.category for f in chosen if not f.anaphoric}
    chosen = [f for f in chosen if not f.anaphoric or (f.category not in counted and "people" not in counted)]
    if not chosen:
        return None, []
    revised = [f for f in chosen if f.revised]
    if revised:
        basis = [revised[-1]]
        total = basis[0].count
    else:
        by_category: dict[str, list[Figure]] = {}
        for figure in chosen:
            by_category.setdefault(figure.category, []).append(figure)
        counts = {category: _conservative(_refined(group)) for category, group in by_category.items()}
        general = counts.pop("people", None)
        total = _sum(counts.values())
        basis = [f for category, group in by_category.items() if category != "people" for f in group]
        if general is not None and (not counts or general.best >= total.best):
            total, basis = general, by_category["people"]
    return Quantity(total.low, total.best, total.high, _quote(basis, text)), basis
