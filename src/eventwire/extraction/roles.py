"""Role fillers the text names: the people who attacked (perpetrator individuals), what was attacked
(physical targets) and with what (weapons). Spans come back as offsets; the caller quotes the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]

_PERPETRATORS = re.compile(
    r"\b(?:(?:a|an|the|some|several|two|three|four|five|six|\d+|heavily|unidentified|unknown|masked|"
    r"suspected|armed|alleged|urban|rural)\s+){0,3}"
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
    r"destroyed|damaged|blew\s+up|dynamited|shelled|targeted|ambushed|exploded\s+(?:at|in|near|outside|inside)|"
    r"went\s+off\s+(?:at|in|near|outside|inside)|attack\s+on|bombing\s+of|attacks\s+on|raid\s+on|assault\s+on|"
    r"exploded\s+in\s+front\s+of)\s+"
)
_TARGET_NP = re.compile(
    r"(?:(?:the|a|an|two|three|several|its|their)\s+)?(?:[\w'\"-]+\s+){0,3}?"
    r"(?:farm|facilit(?:y|ies)|building|headquarters|office|offices|embassy|consulate|station|tower|towers|pylons?|"
    r"bridge|vehicle|vehicles|car|bus|truck|convoy|house|home|residence|school|church|mosque|market|hotel|"
    r"bank|plant|pipeline|base|post|barracks|checkpoint|airport|port|hospital|camp|village|restaurant|store|"
    r"shop|installations?|substation|power\s+lines?|plane|aircraft|helicopter|patrol|train|line|lines|"
    r"branch|agency|depot|warehouse|dam|road|highway|prison|jail|court|courthouse|ministry|company|"
    r"factory|university|center|centre|club|square|stadium|hideouts?|strongholds?|positions?)\b"
)


def _in_clauses(spans: Sequence[Span], clauses: Sequence[Span]) -> list[Span]:
    return [s for s in spans if any(a <= s[0] < b for a, b in clauses)]


def perpetrator_individuals(lower: str, clauses: Sequence[Span]) -> list[Span]:
    """People named as the attackers, by description ("urban guerrillas", "unidentified gunmen")."""
    spans: list[Span] = []
    for start, end in clauses:
        for match in _PERPETRATORS.finditer(lower, start, end):
            tail = lower[match.end() : match.end() + 30]
            before = lower[max(start, match.start() - 25) : match.start()]
            # Only those who act: not the dead ("three soldiers were killed") nor targets ("attacked troops").
            if re.match(
                r"\s*(?:were|was|have\s+been|had\s+been)\s+(?:killed|wounded|injured|kidnapped|shot)", tail
            ):
                continue
            if re.search(
                r"(?:killing|killed|wounding|attacked|ambushed|against|on|targeting)\s+(?:\w+\s+){0,2}$",
                before,
            ):
                continue
            spans.append(match.span())
    return spans


def find_weapons(lower: str, sentences: Sequence[Span]) -> list[Span]:
    """Weapons named in the event's sentences."""
    spans: list[Span] = []
    for start, end in sentences:
        for match in _WEAPONS.finditer(lower, start, end):
            text = match.group(0)
            if re.fullmatch(r"(?:the\s+)?(?:shells?|mines?|bullets)", text) and not re.search(
                r"mortar|artillery|land", lower[max(start, match.start() - 15) : match.end()]
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
