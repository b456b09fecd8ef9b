"""Role fillers the text names: the people who attacked (perpetrator individuals), what was attacked
(physical targets) and with what (weapons). Spans come back as offsets; the caller quotes the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]

_PERPETRATORS = re.compile(
    r"\b(?:(?:a|an|the|some|several|two|three|four|five|six|\d+|heavily|unidentified|unknown|masked|"
    r"suspected|armed|alleged|urban|rural|guerrilla|rebel)\s+){0,3}"
    r"(?:gunm[ae]n|assailants?|attackers?|guerrillas?|terrorists?|militants?|insurgents?|rebels?|jihadists?|"
    r"extremists?|bandits?|kidnappers?|hit\s*m[ae]n|suicide\s+bombers?|bombers?|armed\s+(?:men|individuals)"
    r"|death\s+squads?|paramilitar(?:y|ies)|subversives?|snipers?|assassins?|individuals|men\s+in\s+uniform"
    r"|heavily\s+armed\s+men|(?:a\s+)?group\s+of\s+(?:armed\s+)?(?:men|individuals)|commandos?|soldiers|"
    r"troops|police(?:men)?|security\s+forces)\b"
)
_WEAPONS = re.compile(
    r"\b(?:(?:a|an|the|two|three|several|\d+)\s+)?(?:(?:powerful|homemade|high-caliber|automatic|heavy|light|"
    r"explosive|improvised|remote-controlled|time|car|truck|roadside|suicide|hand)\s+)*"
    r"(?:bombs?|car\s+bombs?|explosives?|dynamite(?:\s+(?:sticks?|charges?))?|sticks\s+of\s+dynamite|grenades?|"
    r"rifles?|machine\s*-?\s*guns?|submachine\s+guns?|pistols?|handguns?|guns?|firearms?|ak-47s?|m-16s?|"
    r"kalashnikovs?|mortars?|rockets?|missiles?|rocket\s+launchers?|rpgs?|ieds?|improvised\s+explosive\s+"
    r"devices?|landmines?|mines?|machetes?|knives|knife|molotov\s+cocktails?|petrol\s+bombs?|drones?|artillery|"
    r"shells?|bullets|tear\s*gas|explosive\s+devices?|incendiary\s+devices?|vests?)\b"
)
_TARGET_VERBS = re.compile(
    r"\b(?:attacked|bombed|struck|hit|raided|stormed|set\s+fire\s+to|set\s+ablaze|burned|burnt|torched|"
    r"destroyed|damaged|blew\s+up|dynamited|shelled|targeted|ambushed|"
    # ("in front of" before "in": the first alternative that matches is taken)
    r"(?:exploded|went\s+off)\s+(?:in\s+front\s+of|at|in|near|outside|inside)|"
    r"attack\s+on|bombing\s+of|attacks\s+on|raid\s+on|assault\s+on)\s+"
)
_TARGET_NP = re.compile(
    # ("was hit by a car bomb": after a passive verb comes the agent or the means, not the target)
    r"(?!(?:by|with)\b)"
    r"(?:(?:the|a|an|two|three|several|its|their)\s+)?"
    # the words before the head noun modify it: a preposition or conjunction there begins another phrase
    # ("attacked AT his office", "stormed INTO the residence", "attacked WHEN entering her home")
    r"(?:(?!(?:into|at|in|on|of|to|from|with|by|for|near|when|while|after|before|during|as|and|or|that|"
    r"which|who|where|because)\b)[\w'\"-]+\s+){0,3}?"
    r"(?:farm|facilit(?:y|ies)|building|headquarters|office|offices|embassy|consulate|station|tower|towers|pylons?|"
    r"bridge|vehicle|vehicles|car|bus|truck|convoy|house|home|residence|school|church|mosque|market|hotel|"
    r"bank|plant|pipeline|base|post|barracks|checkpoint|airport|port|hospital|camp|village|restaurant|store|"
    r"shop|installations?|substation|power\s+lines?|plane|aircraft|helicopter|patrol|train|line|lines|"
    r"branch|agency|depot|warehouse|dam|road|highway|prison|jail|court|courthouse|ministry|company|"
    r"factory|university|center|centre|club|square|stadium|hideouts?|strongholds?|positions?)\b"
    r"(?![\s-]+bombs?\b)"  # ("a car bomb" is a weapon)
)


_REPORTER_TAIL = re.compile(
    r"\s*(?:said|say|says|told|reported|report|spokes\w+|sources?|officials?|statements?|communiques?|"
    r"chief|headquarters|command|announced|confirmed|added|claimed)\b"
)


def _in_clauses(spans: Sequence[Span], clauses: Sequence[Span]) -> list[Span]:
    return [s for s in spans if any(a <= s[0] < b for a, b in clauses)]


_PERPETRATOR_HIT = re.compile(
    r"\s*(?:were|was|have\s+been|had\s+been)\s+(?:killed|wounded|injured|kidnapped|shot)"
)
_PERPETRATOR_TARGETED = re.compile(
    r"(?:killing|killed|wounding|attacked|ambushed|against|on|targeting)\s+(?:\w+\s+){0,2}$"
)
# A singular group word alone modifies the attack ("a guerrilla attack", "rebel positions"); MUC-4's keys
# name the group ("guerrillas") and almost never the adjective (2 of 549 PerpInd entities on train).
# Dropped, on MUC-4 train read by role taggers trained on the other half: PerpInd predicted 565 -> 562,
# none right lost.
_GROUP_ADJECTIVE = re.compile(r"(?:guerrilla|rebel|subversive)$")
_SHELLS_OR_BULLETS = re.compile(r"(?:the\s+)?(?:shells?|mines?|bullets)")
_HEAVY_WEAPON_BEFORE = re.compile(r"mortar|artillery|land")


def perpetrator_individuals(lower: str, clauses: Sequence[Span]) -> list[Span]:
    """People named as the attackers, by description ("urban guerrillas", "unidentified gunmen")."""
    spans: list[Span] = []
    for start, end in clauses:
        for match in _PERPETRATORS.finditer(lower, start, end):
            tail = lower[match.end() : match.end() + 30]
            if _REPORTER_TAIL.match(tail):
                continue  # "police said", "a police spokesman": the source of the report
            before = lower[max(start, match.start() - 25) : match.start()]
            # Only those who act: not the dead ("three soldiers were killed") nor targets ("attacked troops").
            if _PERPETRATOR_HIT.match(tail):
                continue
            if _PERPETRATOR_TARGETED.search(before):
                continue
            if _GROUP_ADJECTIVE.search(lower, match.start(), match.end()):
                continue
            spans.append(match.span())
    return spans


# The doers of an attack as the sentence makes them its agent: "killed BY HIRED ASSASSINS", "SEVERAL GUNMEN
# KILLED the journalist". Only people described by what they are or do (not "police", "the army": those
# are organisations), after a short run of words that say how many or what they looked like.
_AGENT_HEAD = (
    r"(?:gunm[ae]n|hit\s*m[ae]n|assailants?|attackers|terrorists?|guerrillas|rebels|subversives|assassins?|"
    r"murderers?|killers?|kidnappers?|commandos?|death\s+squads?|criminals|extremists|insurgents|militants|"
    r"bandits|men|man|individuals?|youths|soldiers)"
)
_AGENT_MODIFIERS = (
    r"(?:(?:a\s+)?group\s+of\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|unidentified|unknown|armed|heavily|"
    r"masked|hooded|uniformed|young|urban|suspected|alleged|hired|paid|guerrilla|rebel|terrorist|rightist|"
    r"leftist|right-wing|left-wing|paramilitary)\s+){0,3}"
)
# "people", "persons" and "members" are the doers only as described ("unidentified persons"): alone, as
# often the crowd or a group's rank and file (on MUC-4 train, 6 of 34 such agents were in the keys)
_DESCRIBED_PEOPLE = r"(?:unidentified|unknown|armed|masked|hooded|uniformed)\s+(?:persons|people|members)"
_AGENT = rf"(?:(?:the|a|an)\s+)?({_AGENT_MODIFIERS}(?:{_DESCRIBED_PEOPLE}|{_AGENT_HEAD}))\b"
_ATTACK_VERB = (
    r"(?:killed|murdered|assassinated|attacked|kidnapped|abducted|shot|machine-?gunned|bombed|dynamited|"
    r"massacred|ambushed|stormed|raided|burned|torched|set\s+fire\s+to|blew\s+up|hurled|threw|planted|placed|"
    r"detonated|seized|executed|tortured)"
)
# What everyday doers shoot, place or plant ("people shot videos", "members placed an order").
_EVERYDAY_OBJECT = (
    r"(?:videos?|photos?|photographs?|pictures?|footage|films?|movies?|scenes?|goals?|hoops|baskets|trees|"
    r"seeds|flowers|orders?|bets?|calls?|ads?|advertisements?)\b"
)
# "were killed [on 16 November] by X"
_PASSIVE_AGENT = re.compile(
    rf"\b(?:was|were|been|being)\s+(?:\w+\s+)?{_ATTACK_VERB}\s+(?:(?:on|in|at|near)\s+[\w\s,.]{{0,30}}?)?by\s+{_AGENT}"
)
# "gunmen [who] killed X", "gunmen opened fire on": the verb has an object, so it is no shortened passive
# ("12 people killed in the blast", "two soldiers wounded by a mine" name the victims).
_ACTIVE_AGENT = re.compile(
    rf"{_AGENT}\s+(?:(?:who|also|reportedly|allegedly|then|later|have|had|has)\s+){{0,2}}"
    rf"(?:{_ATTACK_VERB}(?!\s+(?:in|by|when|as|after|during|on|at|near|while|and|or|but|overnight|today|"
    rf"yesterday|last|this)\b)(?!\s+(?:(?:a|an|the|\d+)\s+)?{_EVERYDAY_OBJECT})(?=\s+[\w\"'])"
    r"|opened\s+fire\b|fired\s+(?:on|at|into|shots)\b)"
)


_AGENT_VERB = re.compile(rf"{_ATTACK_VERB}|opened\s+fire\b|fired\s+(?:on|at|into|shots)\b")


def agent_perpetrators(lower: str, sentences: Sequence[Span]) -> list[Span]:
    """People a sentence names as the attack's agent ("murdered by 30 men", "unidentified gunmen shot")."""
    spans: set[Span] = set()
    for start, end in sentences:
        if _AGENT_VERB.search(lower, start, end) is None:
            continue  # (both patterns need one of these verbs: most sentences are passed over at once)
        for pattern in (_PASSIVE_AGENT, _ACTIVE_AGENT):
            spans.update(match.span(1) for match in pattern.finditer(lower, start, end))
    return sorted(spans)


def find_weapons(lower: str, sentences: Sequence[Span]) -> list[Span]:
    """Weapons named in the event's sentences."""
    spans: list[Span] = []
    for start, end in sentences:
        for match in _WEAPONS.finditer(lower, start, end):
            text = match.group(0)
            if _SHELLS_OR_BULLETS.fullmatch(text) and not _HEAVY_WEAPON_BEFORE.search(
                lower, max(start, match.start() - 15), match.end()
            ):
                continue
            spans.append(match.span())
    return spans


def find_targets(lower: str, clauses: Sequence[Span]) -> list[Span]:
    """Physical targets: what the attack was on ("attacked the farm", "a bomb exploded at a bank")."""
    spans: list[Span] = []
    for start, end in clauses:
        for verb in _TARGET_VERBS.finditer(lower, start, end):
            np = _TARGET_NP.match(lower, verb.end(), end)
            if np:
                spans.append(np.span())
    return spans


# People are named after their titles ("Colonel Waldemar Franklin Quintero", "Jesuit priest Ignacio
# Ellacuria"); the title is not part of the name.
_TITLES = (
    r"(?:former|late|retired|slain|acting|deputy|vice|chief|opposition|leftist|rightist|prominent|popular|"
    r"salvadoran|colombian|peruvian|guatemalan|honduran|bolivian|chilean|u\.?s\.?|american|spanish|"
    r"jesuit|catholic|liberal|conservative|presidential|union|party|student|peasant|human\s+rights)?\s*"
    r"(?:president|colonel|col\.?|general|gen\.?|lieutenant|lt\.?|captain|capt\.?|major|sergeant|sgt\.?|"
    r"commander|father|fr\.?|mr\.?|mrs\.?|ms\.?|dr\.?|doctor|judge|magistrate|mayor|governor|senator|"
    r"deputy|congressman|minister|attorney(?:\s+general)?|prosecutor|journalist|reporter|priest|bishop|"
    r"archbishop|monsignor|mgr\.?|msgr\.?|candidate|leader|lawyer|ambassador|consul|director|businessman|"
    r"industrialist|rancher|trade\s+unionist|unionist|activist|councilman|councilor|official|chairman|"
    r"secretary(?:\s+general)?|nun|sister|brother|professor|rector|editor|publisher|politician|banker|"
    r"cattleman|ideologue|justice|photographers?|cameraman|corporal|cpl\.?|companion)"
)
_TITLE_WORD = re.compile(rf"\b{_TITLES}\s+")
_TITLE_RUN = re.compile(rf"\b(?:{_TITLES}\s+)+", re.IGNORECASE)
_NOT_NAME = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "of",
        "who",
        "whom",
        "which",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
        "after",
        "before",
        "during",
        "while",
        "as",
        "when",
        "where",
        "said",
        "says",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "several",
        "some",
        "many",
        "other",
        "others",
        "one",
        "people",
        "men",
        "women",
        "persons",
        "children",
        "police",
        "army",
        "soldiers",
        "troops",
        "guerrillas",
        "rebels",
        "terrorists",
        "members",
        "group",
        "groups",
        "forces",
        # words that end a name in capitals, where case cannot ("murdered UNDER circumstances", "killed
        # PIESCHER BECAUSE they took him")
        "under",
        "because",
        "since",
        "near",
        "into",
        "through",
        "also",
        "not",
        "very",
        "than",
        "then",
        "there",
        "they",
        "he",
        "she",
        "it",
        "we",
        "him",
        "them",
        "today",
        "yesterday",
        "tonight",
        "last",
    ]
)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
# The space between two words of a name: a wrapped line may end between them ("Elba Julia\nRamos"), a
# paragraph may not.
_NAME_GAP = re.compile(r"[ \t]*\n[ \t]*(?!\n)|[ \t]+")
_VICTIM_CUE = re.compile(
    r"\b(?:(?:murder|assassination|killing|kidnapping|abduction|death|slaying|execution)\s+of"
    r"|(?:murdered|assassinated|killed|kidnapped|abducted|executed|shot\s+(?:and\s+killed\s+)?|slew|gunned\s+down)"
    r")\s+"
)
_VICTIM_AFTER = re.compile(
    r"\s*,?\s*(?:who\s+)?(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:murdered|assassinated|killed|"
    r"kidnapped|abducted|executed|shot|gunned\s+down)\b"
)


def name_after_titles(text: str, start: int, end: int) -> int | None:
    """Where the name begins in ``text[start:end]`` when it opens with titles and at least two words
    follow them ("Minister Antonio Rodriguez Porth", "BUSINESSMAN MICHAEL REYFF"), else None ("the mayor
    of Huanta", "Colonel Ponce's men" are no title before a name)."""
    titles = _TITLE_RUN.match(text, start, end)
    if titles is None:
        return None
    words = _NAME_TOKEN.findall(text, titles.end(), end)
    if len(words) < 2 or words[0].lower() in _NOT_NAME:
        return None
    return titles.end()


def _name_at(text: str, pos: int, end: int, *, cased: bool) -> Span | None:
    """A personal name starting at ``pos`` (after any titles): 1-5 name words, or None."""
    # The title may follow the office's place ("Antioquia police commander Colonel X"): the name starts
    # after the last title within the next few words.
    window_end = min(end, pos + 80)
    titles = [t for t in _TITLE_RUN.finditer(text, pos, window_end) if text[pos : t.start()].count(" ") < 5]
    titled = bool(titles)
    if titles:
        pos = titles[-1].end()
    words: list[re.Match[str]] = []
    cursor = pos
    while len(words) < 5:
        match = _NAME_TOKEN.match(text, cursor, end)
        if not match:
            break
        word = match.group(0).rstrip(".")
        low = word.lower()
        particle = low in {"de", "del", "la", "los", "las", "y", "van", "von", "da", "dos", "do"}
        if low in _NOT_NAME and not (particle and words):
            break
        if cased and not particle and not word[0].isupper():
            break
        words.append(match)
        gap = _NAME_GAP.match(text, match.end(), end)
        if not gap:
            break
        cursor = gap.end()
    while words and words[-1].group(0).lower() in {"de", "del", "la", "los", "las", "y", "van", "von", "da"}:
        words.pop()
    if not words or (not titled and len(words) < 2):
        return None  # one bare word is as often a noun as a name
    last = words[-1]
    return words[0].start(), last.start() + len(last.group(0).rstrip("."))


def named_victims(text: str, clauses: Sequence[Span]) -> list[Span]:
    """People named as killed, kidnapped or attacked ("the murder of Colonel X", "Y was shot dead").

    In mixed-case text a name is a run of capitalized words; in all-caps or lower-case wire copy, the words
    up to the next function word, after a title or a killing verb.
    """
    lower = text.lower()
    spans: list[Span] = []
    for start, end in clauses:
        cased = text[start:end] != text[start:end].upper() and text[start:end] != lower[start:end]
        for cue in _VICTIM_CUE.finditer(lower, start, end):
            span = _name_at(text, cue.end(), end, cased=cased)
            if span:
                spans.append(span)
        for title in _TITLE_WORD.finditer(lower[start:end]):
            span = _name_at(text, start + title.start(), end, cased=cased)
            if span and _VICTIM_AFTER.match(lower, span[1], end):
                spans.append(span)
    return sorted(set(spans))


def is_weapon(lower: str) -> bool:
    """Whether ``lower`` (lower-cased) names a weapon and nothing else ("three bullets", "a car bomb")."""
    return _WEAPONS.fullmatch(lower.strip()) is not None


_WEAPON_AFTER_MODIFIER = re.compile(r"[ \t\n]+(?:of[ \t\n]+)?")


def weapon_after(lower: str, pos: int) -> int | None:
    """Where the weapon that starts right after ``pos`` ends ("powerful| bomb", "55 kg of| dynamite"),
    or None when none does."""
    gap = _WEAPON_AFTER_MODIFIER.match(lower, pos)
    if gap is None:
        return None
    match = _WEAPONS.match(lower, gap.end())
    return match.end() if match else None
