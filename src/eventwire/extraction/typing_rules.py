"""ACLED's decision rules: which of the 6 event types and 25 sub-event types an event is.

The rules follow ACLED's codebook in order of precedence: the method wins over the target for remote
violence (an IED that kills soldiers is Explosions/Remote violence, not a battle); a fight between armed,
organised sides is a Battle; one-sided violence against unarmed people is Violence against civilians;
a demonstration is a Protest unless the demonstrators are violent (Riots) or met with force.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.extraction.lexicon import WENT_OFF_EARLY

# Forces named as the subject of what they did to a march.
_FORCES = (
    r"(?:police|policemen|officers|gendarmes?|gendarmerie|soldiers|troops|army|(?:security|military)\s+forces"
    r"|guards|authorities)"
)
INTERVENTION = re.compile(
    r"tear\s*gas|water\s+cannons?|dispers\w+|rubber\s+bullets|batons?|broken?\s+up|beat(?:en)?\s+|"
    r"arrest\w*|detain\w*|pepper\s+spray|stun\s+grenades?|charged\s+(?:at|into)|forcibly\s+removed"
    # Police who stepped in without harming anyone: "police intervened", "fired shots in the air",
    # "a lathi charge", "stopped by security forces", "did not allow the group to march", "dragged away".
    r"|\b(?:intervened|warning\s+shots|lathi|dragged\s+(?:away|off|them|protesters|demonstrators)|kettl\w+)\b"
    r"|\b(?:fired|shot|shooting)\s+(?:\w+\s+){0,3}in(?:to)?\s+the\s+air"
    r"|\bprevented\s+the\s+(?:\w+\s+)?(?:protesters|demonstrators|crowd|marchers?|march|demonstration|protest)"
    r"|\b(?:did\s+not|didn't|refused\s+to)\s+allow\s+(?:the\s+)?(?:\w+\s+)?(?:protesters|demonstrators|group"
    r"|crowd|march|them)\b|\bbeaten\s+up"
    r"|\b(?:stopped|blocked|prevented)\s+by\s+(?:the\s+)?(?:police|security|gendarmes?|soldiers|troops|army|riot)"
    # Forces that stepped in or held the march back: "Police intervene.", "the police interfered to rescue
    # her", "gendarmes blocked them from reaching the ministry", "stopped protesters from setting up tents".
    rf"|\b{_FORCES}\s+(?:\w+\s+)?(?:intervene[sd]?|interfered)\b"
    rf"|\b{_FORCES}\s+(?:\w+\s+){{0,2}}(?:blocked|prevented|stopped)\s+(?:them|(?:the\s+)?(?:\w+\s+)?(?:protesters"
    r"|demonstrators|marchers|crowd))\s+from\b"
)
EXCESSIVE = re.compile(
    r"live\s+(?:ammunition|rounds|bullets|fire)|opened\s+fire\s+on|shot\s+(?:dead\s+)?(?:at\s+)?"
    r"(?:\w+\s+){0,2}(?:protesters|demonstrators)|killing\s+(?:\w+\s+){0,3}(?:protesters|"
    r"demonstrators)"
)
PROTESTER_VIOLENCE = re.compile(
    r"threw\s+(?:stones|rocks|petrol\s+bombs|molotov|bricks)|torched|set\s+(?:fire|ablaze)|vandali[sz]|"
    r"loot\w*|riot\w*|rampag\w+|burn(?:ed|ing|t)\s+(?:\w+\s+){0,2}(?:tyres|tires|cars|vehicles|buildings|"
    r"shops|police\s+station)|attacked\s+(?:\w+\s+){0,2}(?:police|officers|shops)|clashed\s+with"
    # ACLED's codebook counts destructive acts as a violent demonstration: burning tyres or other material,
    # smashing property, throwing stones, a scuffle; "setting fire to government buildings", "lit tyres",
    # "stones were thrown at the police", "a group demonstrated by throwing stones".
    r"|\b(?:lit|lighting|burn(?:ed|ing|t)|set(?:ting)?\s+fire\s+to)\s+(?:(?!of\b)\w+\s+){0,2}"
    r"(?:tyres|tires|material|vehicles?|cars?|buses|buildings?|offices?|homes?|houses?|shops?|barricades?)\b"
    r"|\bsetting\s+(?:fire|ablaze)|\bset\s+(?:\w+\s+){1,3}(?:on\s+fire|ablaze|alight)\b|\bston(?:ed|ing)\s+(?:the\s+)?\w+"
    r"|\bsmash(?:ed|ing)\s+(?:\w+\s+){0,2}(?:windows?|windscreens?|cars?|vehicles?|shops?|doors?)\b"
    r"|\b(?:throw(?:ing|n)?|hurl(?:ed|ing)?|pelt(?:ed|ing)?)\s+(?:\w+\s+){0,2}"
    r"(?:stones|rocks|bricks|projectiles|bottles|firecrackers)\b"
    r"|\b(?:stones|rocks|bricks|projectiles|bottles)\s+(?:were\s+)?(?:thrown|hurled)\b"
    r"|\bstone[- ]?(?:throw|pelt)\w*|\bscuffl\w*"
    r"|(?<!non-)(?<!non)\bviolent(?:ly)?\s+(?:protests?|demonstrations?|clashes)\b|\bprotested\s+violently"
    r"|\b(?:turned|became)\s+violent"
    # (barricades the demonstrators raised, not the authorities': see protesters_violent)
    r"|(?P<barricade>\b(?:erected|built|set\s+up|raised)\s+barricades"
    r"|\bbarricad(?:ed|ing)\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:roads?|streets?|routes?|highways?|entrances?|junctions?|crossroads)\b)"
)
# Those who put up barricades to hold a march back, not to block the streets themselves: as the subject
# ("the authorities had barricaded the road", "police earlier set up barricades") or the agent ("barricades
# erected by soldiers"); not a grievance ("protesters angry at police brutality set up barricades").
_AUTHORITIES = (
    r"(?:police|policemen|officers|forces|troops|soldiers|army|gendarmes?|authorities|government|"
    r"municipality|council|city\s+hall)"
)
_AUTHORITY_SUBJECT = re.compile(
    rf"\b{_AUTHORITIES}\s+(?:(?:had|have|has|also|earlier|already|then|later|reportedly|quickly)\s+)*$"
)
_BY_AUTHORITY = re.compile(rf"\s+by\s+(?:the\s+)?(?:\w+\s+)?{_AUTHORITIES}\b")
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
RIOTER_INTERS = frozenset({5, 6})  # ACLED's rioters and protesters
STATE_INTERS = frozenset({1})  # a state's own forces (not foreign ones)
# Force done to the demonstrators themselves: "attacked protesters", "opened fire on the marchers".
_FORCE_ON_PROTESTERS = re.compile(
    r"\b(?:attack(?:ed|ing)|beat(?:en|ing)?|shot(?:\s+dead)?|fired\s+on|opened\s+fire\s+on|killed|charged"
    r"|assaulted|clubbed|whipped)\s+(?:\w+\s+){0,2}?(?:protesters|demonstrators|marchers|protestors)\b"
)

REMOTE_ORDER = (
    ("suicide", "Suicide bomb"),
    ("chemical", "Chemical weapon"),
    ("air", "Air/drone strike"),
    ("shelling", "Shelling/artillery/missile attack"),
    ("ied", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"),
    ("explosion", "Remote explosive/landmine/IED"),
)
STRATEGIC = {
    "arrest": "Arrests",
    "agreement": "Agreement",
    "disrupted": "Disrupted weapons use",
    "base": "Headquarters or base established",
    "looting": "Looting/property destruction",
    "change": "Change to group/activity",
    "transfer": "Non-violent transfer of territory",
    "other": "Other",
}


def classify(
    kinds: Iterable[str],
    family: str,
    group_text: str,
    *,
    side_a_inters: Iterable[int | None],
    side_b_inters: Iterable[int | None],
    victim_categories: Iterable[str],
    fatalities: int,
    anchor_kinds: Iterable[str] | None = None,
) -> tuple[str, str, bool]:
    """(event_type, sub_event_type, civilian_targeting) for an event.

    ``kinds`` are the trigger kinds of the event's accepted strong mentions, the anchor's first;
    ``group_text`` is the lower-cased text of its mentions.
    """
    kinds = list(kinds)
    kind_set = set(kinds)
    a = {i for i in side_a_inters if i is not None}
    b = {i for i in side_b_inters if i is not None}
    victims = set(victim_categories)
    if _OFF_DUTY.search(group_text) and "fight" not in kind_set:
        # A soldier or policeman attacked off duty ("shot dead an off-duty police officer at his home") is
        # no armed side in a fight: ACLED codes the attack as violence against civilians.
        b = (b - ARMED_INTERS) | {7}
        victims = (victims - {"forces", "armed"}) | {"civilian"}
    civilians_hit = (
        (7 in b or bool(victims & {"civilian"}))
        and not (b & ARMED_INTERS)
        and not (victims & {"forces", "armed"})
    )

    if family == "protest":
        if "mob" in kind_set:
            return "Riots", "Mob violence", False
        if "riot" in kind_set or protesters_violent(group_text):
            return "Riots", "Violent demonstration", False
        sub_event_type = protest_sub_event_type(group_text, fatalities)
        return "Protests", sub_event_type, sub_event_type == "Excessive force against protesters"
    if family == "riot":
        return "Riots", "Mob violence", civilians_hit
    if (
        "protest" in kind_set
        and a
        and a <= STATE_INTERS
        and 6 in b
        and ("protesters" in victims or _FORCE_ON_PROTESTERS.search(group_text))
        and not protesters_violent(group_text)
    ):
        # "Police shot dead two protesters during the demonstrations", "police attacked protesters": the
        # state's force against a demonstration is how the protest was met, not a battle or a riot.
        if fatalities > 0 or EXCESSIVE.search(group_text):
            return "Protests", "Excessive force against protesters", True
        return "Protests", "Protest with intervention", False
    if family == "arrest" and _non_state_captors(a):
        return "Violence against civilians", "Abduction/forced disappearance", True
    if family == "arrest" and abused_in_arrest(group_text):
        # Those arrested were beaten or tortured ("forces arrested and beat an opposition leader", "beat
        # three men and then detained them"): ACLED codes the violence done to them as an attack.
        return "Violence against civilians", "Attack", True
    if family in STRATEGIC:
        return "Strategic developments", STRATEGIC[family], False

    # "police defused a bomb outside the bank", "the device failed to explode": the bomb is named, but
    # nothing went off; ACLED codes the weapon's disruption, not an explosion, and so one that went off in
    # its makers' hands. Where people fell all the same ("the bomb did not explode, but the gunmen killed
    # two guards"), the bomb is not how.
    detonated = _DETONATED.search(group_text) is not None
    unexploded = "disrupted" in kind_set and not detonated
    # (an attack, a fight or a strike beside it is the event: "rebels attacked the base and troops dismantled
    # an IED", "airstrikes destroyed an explosives depot")
    fought = bool(kind_set & {"fight", "attack", "raid", "air", "shelling", "suicide", "chemical"})
    if not fought and (
        (unexploded and fatalities == 0 and not victims) or (_PREMATURE.search(group_text) and not detonated)
    ):
        return "Strategic developments", "Disrupted weapons use", False
    if (
        "fight" in kind_set
        and _COMMUNAL_RIVALS.search(group_text)
        and not a & ARMED_INTERS
        and not _UNARMED_RIVALS.search(group_text)
    ):
        # "Herders and farmers clashed", "clashes between rival clans": communities that fight are communal
        # militias to ACLED, a battle, not a mob.
        return "Battles", "Armed clash", False
    crowd_acted = a == {7} or (not a & ARMED_INTERS and _CROWD_VIOLENCE.search(group_text) is not None)
    if crowd_acted and kind_set & _HANDS_ON and not kind_set & _NOT_MOB:
        # Civilians who attack ("villagers attacked a suspected thief", "residents beat a man to death", "was
        # lynched by a crowd") are no armed, organised actor: ACLED codes an unorganised crowd's violence as
        # mob violence.
        return "Riots", "Mob violence", civilians_hit
    if a and a <= RIOTER_INTERS and not kind_set & {"suicide", "air", "shelling", "ied"}:
        # ACLED keeps violence by unorganised crowds under Riots whoever the victims are: a crowd that
        # was demonstrating is a violent demonstration, one that was not is mob violence.
        if "riot" in kind_set or "protest" in kind_set or protesters_violent(group_text):
            return "Riots", "Violent demonstration", False
        return "Riots", "Mob violence", civilians_hit
    if (
        "arrest" in kind_set
        and fatalities == 0
        and not victims
        and kind_set <= {"raid", "arrest", "operation", "disrupted"}
        and not abused_in_arrest(group_text)
    ):
        if _non_state_captors(a):
            return "Violence against civilians", "Abduction/forced disappearance", True
        return "Strategic developments", "Arrests", False
    if "raid" in kind_set:
        kind_set.add("fight")
    # The method decides, but it must be the method of this event: a grenade named in passing during an
    # ambush does not make the ambush remote violence. The anchor mention's own kinds come first.
    anchor_set = set(anchor_kinds) if anchor_kinds is not None else kind_set
    remote_pool = anchor_set if anchor_set & {"fight", "attack", "raid"} else kind_set
    if remote_pool is anchor_set and (method := _ATTACK_WITH.search(group_text)):
        # ... unless the attack itself was made with it: "the attack with explosives against the office",
        # "attacked the police station with grenades".
        remote_pool = anchor_set | {
            "grenade" if method.group("method").startswith("grenade") else "explosion"
        }
    if unexploded:
        remote_pool = remote_pool - _EXPLOSIVES
    if _CARRIED.search(group_text) and not _DETONATED.search(group_text):
        # "police shot dead a militant armed with a grenade": the weapon was carried, not used.
        remote_pool = remote_pool - _EXPLOSIVES
    if _AIR_SUPPORT.search(group_text):
        # "an operation by special forces, backed by airstrikes": a ground fight with air support.
        remote_pool = remote_pool - {"air"}
    armed_target = bool(b & ARMED_INTERS) or bool(victims & {"forces", "armed"})
    if remote_pool & _GROUND_WEAPONS and _ground_fight(group_text, a, b, armed_target):
        # Shells, grenades or a bomb used in a fight: fire exchanged ("exchanged artillery fire on the
        # frontlines", "fired back"), or small-arms fire at armed men ("mortars and small arms at the
        # positions", "police responded with gunfire"). ACLED codes a ground fight in which such weapons
        # were used as an armed clash.
        return "Battles", "Armed clash", False
    if remote_pool & _REMNANT_KINDS and not kind_set & _ACTS_OF_WAR and _WAR_REMNANT.search(group_text):
        # A mine or shell left from a past war that goes off today ("injured by a landmine laid during the
        # Iran-Iraq War", "a rocket believed to be leftover from the civil war exploded") is nobody's attack:
        # ACLED codes explosive remnants of war as a strategic development.
        return "Strategic developments", "Other", False
    for kind, sub in REMOTE_ORDER:
        if kind in remote_pool and not (kind == "explosion" and _only_figurative_bombing(group_text)):
            return "Explosions/Remote violence", sub, civilians_hit
    if "sexual" in kind_set:
        return "Violence against civilians", "Sexual violence", True
    if (
        "abduct" in kind_set
        and (fatalities == 0 or not kind_set & {"fight", "raid"})
        # (ACLED's abductions are of civilians: soldiers or militiamen taken are a battle's, see below)
        and not victims & {"forces", "armed"}
    ):
        # (an abduction whose victims were killed is an attack by ACLED's codebook; news tells of both in
        # one breath, "the kidnapping and assassination of five students", and the classifier decides:
        # see abductees_harmed)
        return "Violence against civilians", "Abduction/forced disappearance", True
    if "territory" in kind_set:
        # (a state's own forces, with or without foreign allies: "fell to the Malian army and Wagner")
        if re.search(r"recaptur|retook|retaken|regain|liberat", group_text) or (1 in a and not a & {2, 3, 4}):
            return "Battles", "Government regains territory", False
        return "Battles", "Non-state actor overtakes territory", False
    if victims == {"civilian"} and not kind_set & {"fight"} and (not a or b <= a):
        # Only civilians fell and nobody fought back: one-sided violence, whoever the text also names on
        # the far side ("were shot to death ... by a group of terrorists" names the perpetrators twice).
        return "Violence against civilians", "Attack", True
    if armed_target:
        return "Battles", "Armed clash", False
    if civilians_hit or (victims and victims <= {"civilian", "people"} and "fight" not in kind_set):
        return "Violence against civilians", "Attack", True
    if "fight" in kind_set and not a & ARMED_INTERS and _unarmed_rivals(group_text):
        # A brawl of party members, students or youths, armed men named on neither side and no gun told
        # ("young members of the ruling party clashed with opposition members", "clashes between
        # political opponents after the election"): ACLED codes an unorganised group's fight as mob
        # violence, not a battle.
        return "Riots", "Mob violence", False
    if kind_set & {"fight", "operation"} or a & ARMED_INTERS:
        return "Battles", "Armed clash", False
    return "Violence against civilians", "Attack", True


def protesters_violent(group_text: str) -> bool:
    """Whether the demonstrators did harm (stones, fire, smashed property, a scuffle), as told and not
    denied ("the march never turned violent"); barricades count only where no authority raised them, as
    the subject or the agent ("the authorities had barricaded the road", "barricaded by police")."""
    for match in PROTESTER_VIOLENCE.finditer(group_text):
        if _negated(group_text, match.start()):
            continue
        if match.group("barricade") and (
            _AUTHORITY_SUBJECT.search(group_text, max(0, match.start() - 60), match.start())
            or _BY_AUTHORITY.match(group_text, match.end())
        ):
            continue
        return True
    return False


# Words that end a grievance and begin what was done ("denouncing the detention of journalists were beaten
# by police", "students protested and police arrested dozens").
_GRIEVANCE_WORD = r"(?:(?!(?:was|were|and|by|police|had|have|has|then)\b)\w+\s+)"
# What a march demanded or denounced, not what was done to it: "demanding the release of those detained",
# "protested the arrest of their leader", "against the dispersal of last week's sit-in".
_GRIEVANCE_BEFORE = re.compile(
    rf"\b(?:(?:release|freedom|killing|arrests?|detention|dispersal)\s+of\s+{_GRIEVANCE_WORD}{{0,3}}"
    rf"|(?:against|over|protest(?:ed|ing)?|denounc\w+|condemn\w+|demand\w*)\s+(?:the\s+)?{_GRIEVANCE_WORD}{{0,2}})$"
)


def protest_met_with_force(group_text: str) -> bool:
    """Whether a protest was met by force (tear gas, arrests, police who dispersed it), not only protesting
    force done before ("against the killing of two protesters last week", "demanding the release of those
    detained")."""
    return any(
        not _negated(group_text, m.start())
        and not _GRIEVANCE_BEFORE.search(group_text, max(0, m.start() - 48), m.start())
        for m in INTERVENTION.finditer(group_text)
    )


def protest_sub_event_type(group_text: str, fatalities: int = 0) -> str:
    """The sub-event type of a protest: met with lethal force (deaths, live fire at the demonstrators),
    with intervention (tear gas, arrests, dispersal, "police intervened"), or peaceful."""
    if fatalities > 0 or EXCESSIVE.search(group_text):
        return "Excessive force against protesters"
    if protest_met_with_force(group_text):
        return "Protest with intervention"
    return "Peaceful protest"


_EXPLOSIVES = frozenset({"ied", "explosion", "grenade"})
# Violence done by hand (not a protest, not looting alone, not a weapon fired from afar).
_HANDS_ON = frozenset({"attack", "kill", "fight", "injure", "mob", "raid"})
_NOT_MOB = frozenset(
    {
        "protest",
        "riot",
        "suicide",
        "air",
        "shelling",
        "ied",
        "explosion",
        "grenade",
        "chemical",
        "sexual",
        "abduct",
    }
)
_OFF_DUTY = re.compile(r"\boff[- ]duty\b")
# An explosive left from a past war: "explosive remnants of war", "a rocket leftover from the civil war", "a
# landmine laid during the Iran-Iraq War", "a Vietnam War-era bomb" (not "a bomb left over from last week's
# attack").
_WAR_REMNANT = re.compile(
    r"\b(?:explosive\s+)?remnants?\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?war\b"
    r"|\b(?:left\s*-?\s*over|remnants?|relics?)\s+(?:[\w-]+\s+){0,2}?from\s+(?:the\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:war|conflict)\b"
    r"|\b(?:laid|planted|dropped|fired|buried)\s+during\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:war|conflict)\b"
    r"|\bwar[- ]era\s+(?:[\w-]+\s+)?(?:bombs?|mines?|landmines?|shells?|rockets?|ordnance|munitions?)\b"
)
_REMNANT_KINDS = frozenset({"ied", "explosion", "shelling", "grenade"})
# Acts that make an explosion part of a fight or an attack told beside it.
_ACTS_OF_WAR = frozenset({"fight", "attack", "raid", "air", "suicide", "chemical"})
# Weapons fired from afar that a ground fight may also use (not aircraft, not a suicide bomber).
_GROUND_WEAPONS = frozenset({"shelling", "grenade", "ied", "explosion"})
# Small-arms fire, or fire exchanged: the sign of a ground fight ("recoilless rifles" are artillery).
_GROUND_FIRE = re.compile(
    r"\b(?:small\s+arms|(?<!recoilless\s)(?:sniper\s+)?rifles?|gun\s*fire|exchanges?\s+of\s+(?:gun)?fire"
    r"|exchanged\s+(?:gun)?fire|gun\s*battles?|fire\s*fights?|returned\s+fire|opened\s+(?:gun)?fire"
    r"|(?:reacted|responded|retaliated)\s+(?:with|by)\s+(?:\w+\s+)?(?:gun)?fir\w+)\b"
)
# Fire went both ways: "exchanged artillery fire", "a shelling exchange", "fired back", "clashed with heavy
# artillery fire", "explosions in both directions of the frontline".
_FIRE_EXCHANGED = re.compile(
    r"\bexchang\w*\s+(?:of\s+)?(?:heavy\s+)?(?:artillery|mortars?|rockets?|shell\w*|fire|gun\w*)"
    r"|\b(?:shelling|artillery|mortar|fire)\s+exchanges?\b|\bfired\s+back|\bresponded\s+to\s+the\s+fire"
    r"|\bclash\w*\s+(?:\w+\s+){0,8}?(?:artillery|mortars?|shells|rockets)\b"
    r"|\b(?:artillery|mortars?|shells|rockets)\s+(?:\w+\s+){0,6}?clash\w*|\bin\s+both\s+directions\b"
)
# An explosive a man carried: "a militant armed with a grenade", "equipped with an IED".
_CARRIED = re.compile(
    r"\b(?:armed|equipped)\s+with\s+(?:an?\s+)?(?:hand\s+)?(?:grenades?|ieds?|explosives?|explosive\s+devices?)\b"
)
# Aircraft that backed a ground operation: "backed by airstrikes", "air/ground operations".
_AIR_SUPPORT = re.compile(
    r"\b(?:backed|supported|assisted)\s+by\s+(?:\w+\s+){0,2}(?:air\s*strikes?|air\s+support|helicopters?"
    r"|aircraft|drones?)\b|\binvolving\s+(?:\w+\s+)?air\s*strikes\b|\bair/ground\b|\bair\s+and\s+ground\b"
)
# Where armed men stand: "at the positions of", "the checkpoint", "an army post".
_ARMED_SITE = re.compile(r"\b(?:positions?|checkpoints?|bases?|posts?|barracks|convoys?|patrols?)\b")
# A crowd that did violence with its hands, as the subject or the agent: "a group of people attacked a
# man", "community members set alight four suspects", "was beaten by locals".
_CROWD = (
    r"(?:mob|crowd|locals|local\s+residents|residents|villagers|inhabitants|community\s+members"
    r"|members\s+of\s+the\s+(?:local\s+)?community|(?:a\s+)?group\s+of\s+(?:people|citizens|residents|villagers"
    r"|youths?|young\s+(?:men|people)|men|women|locals)|youths|the\s+population|angry\s+\w+)"
)
_HAND_ACT = (
    r"(?:beat(?:en|ing)?|lynch\w*|attack\w*|assault\w*|set\s+alight|burn\w*|kill\w*|ston\w+"
    r"|hack\w*|tortur\w+)"
)
_CROWD_VIOLENCE = re.compile(
    rf"\b{_CROWD}\s+(?:[\w'-]+\s+){{0,3}}?{_HAND_ACT}\b"
    rf"|\b{_HAND_ACT}\s+(?:[\w'-]+\s+){{0,6}}?by\s+(?:a\s+|an\s+|the\s+)?(?:angry\s+)?{_CROWD}\b"
)
# Someone was put to death, killed or wounded: "found executed", "beheaded the imam", "killed one".
_HARMED = re.compile(
    r"\b(?:execut(?:ed|ion)|behead(?:ed|ing)|decapitated|murder(?:ed)?|assassinated|hanged|hacked\s+to\s+death"
    r"|shot\s+dead|slit\s+(?:his|her|their)\s+throats?|killed|killing|dead|died|bodies|body|corpses?|wounded"
    r"|injured|injuring|injuries)\b"
)
# Something did go off: "a second device exploded", "a bomb blast rocked the market", "the explosion".
_DETONATED = re.compile(
    # (not "before it exploded", nor one that "exploded prematurely" in its makers' hands)
    r"(?<!before it )(?<!before they )"
    r"\b(?:explod(?:ed|ing)|explosions?|blasts?|detonated|went\s+off|blew\s+up)\b(?!\s+prematurely)"
)
# A bomb that went off in its makers' hands: "landmines they were planting exploded prematurely".
_PREMATURE = re.compile(rf"\b(?:{WENT_OFF_EARLY})")

# An attack and the explosive it was made with, in one phrase.
_ATTACK_WITH = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|assault(?:s|ed)?|struck|targeted)\s+"
    # (within one clause: "attacked the village and fled with explosives" is not how it attacked)
    r"(?:(?!(?:and|but|as|after|before|while|then|who|which|when)\b)[\w'-]+\s+){0,8}?"
    r"with\s+(?:(?:a|an|two|three|several|hand|powerful|high-powered|homemade)\s+)*"
    r"(?P<method>explosives?\b|dynamite|bombs?\b|explosive\s+devices?|grenades?\b)"
    r"(?![\s-]+(?:disposal|sniff\w*|detect\w*|squads?|threats?|scares?|experts?|teams?))"
)


def _ground_fight(text: str, a: set[int], b: set[int], armed_target: bool) -> bool:
    """Whether the report tells of a ground fight: fire exchanged by armed sides, or small-arms fire at
    armed men (see classify)."""
    if _FIRE_EXCHANGED.search(text) and (a | b) & ARMED_INTERS:
        return True
    return _GROUND_FIRE.search(text) is not None and (
        armed_target or len(a & ARMED_INTERS) > 1 or _ARMED_SITE.search(text) is not None
    )


def war_remnant(text: str) -> bool:
    """Whether the report tells of an explosive left from a past war ("a rocket believed to be leftover from
    the civil war", "a landmine laid during the Iran-Iraq War"): the rules type its blast a strategic
    development, as ACLED codes explosive remnants of war."""
    return _WAR_REMNANT.search(text) is not None


# Communities that fight each other: herders and farmers, clans, tribes, ethnic groups.
_COMMUNAL_RIVALS = re.compile(
    r"\b(?:herders?|herdsmen|pastoralists|farmers|clans?|clansmen|tribes(?:men)?|tribal|communal|ethnic"
    r"|communities|villagers\s+from\s+(?:two|rival|neighbou?ring))\b"
)
# People who brawl without arms: party members, activists, students, youths, football fans.
_UNARMED_RIVALS = re.compile(
    r"\b(?:party|parties|supporters|political\s+(?:opponents|rivals)|activists|youngsters|youths?|students"
    r"|partisans|fans)\b"
)
# Arms borne, or fighters named, in the same report: "a shoot-out between party militants", "armed youths".
# (Not the police or soldiers, who are often only the source, "police said"; forces fought are a side the
# rules read as armed before this.)
_ARMS_BORNE = re.compile(
    r"\b(?:shoot-?outs?|gun\w*|shots?|fire\s*fights?|firearms|rifles|exchang\w+\s+(?:of\s+)?fire|armed"
    r"|militias?|militiamen|militants|fighters|rebels|insurgents)\b"
)


def _unarmed_rivals(text: str) -> bool:
    """Whether a fight's report names unarmed rivals (party members, students, youths) and neither arms nor
    armed men: see classify."""
    return _UNARMED_RIVALS.search(text) is not None and _ARMS_BORNE.search(text) is None


# Violence done to those arrested, told with the arrest: "arrested and beat an opposition leader", "beat
# three men and then detained them", "were tortured in custody" (not "arrested a man who beat his
# neighbour", nor "arrested for beating a teacher": the suspects' crime).
_ABUSED_IN_ARREST = re.compile(
    r"\b(?:arrested|detained|apprehended)\s+(?:[\w'-]+\s+){0,4}?and\s+(?:then\s+)?(?:\w+\s+)?"
    r"(?:beat|beaten|tortured|whipped|flogged)\b"
    r"|\b(?:beat|beaten|tortured|whipped|flogged)\s+(?:[\w'-]+\s+){0,4}?(?:and|before)\s+(?:then\s+)?"
    r"(?:arrested|detained)\b"
    r"|\b(?:beaten|tortured)\s+(?:\w+\s+){0,2}?in\s+(?:police\s+)?(?:custody|detention|(?:a|the|their)\s+cells?)\b"
)


def abused_in_arrest(text: str) -> bool:
    """Whether a report of an arrest tells that those arrested were beaten or tortured (see classify)."""
    return any(not _negated(text, m.start()) for m in _ABUSED_IN_ARREST.finditer(text))


def fire_exchanged(text: str) -> bool:
    """Whether the report tells of fire that went both ways ("fired back", "exchanged artillery fire",
    "clashed with heavy artillery fire"): a ground fight in which shells may also have been fired."""
    return _FIRE_EXCHANGED.search(text) is not None


def _non_state_captors(side_a_inters: set[int]) -> bool:
    """Whether those who "arrested" or "detained" people are armed groups and no state force: ACLED's
    arrests are the state's, and in the ACLED notes we tune on every detention by a rebel group or militia
    is coded an abduction, the SDF's and al-Shabaab's included ("the militants detained a civilian near
    the river", "JNIM detained two traders")."""
    return bool(side_a_inters) and side_a_inters <= _NON_STATE_ARMED


_NON_STATE_ARMED = frozenset({2, 3, 4})  # ACLED's rebels, political militias, identity militias


def abductees_harmed(kinds: Iterable[str], group_text: str, fatalities: int) -> bool:
    """Whether an abduction's report also tells of deaths or wounds ("abducted and executed the imam", "was
    found dead a week later"): ACLED codes an abduction only where taking people away is all the violence
    told, and one in which they were killed or wounded is an attack."""
    return fatalities > 0 or (bool(set(kinds) & {"kill", "injure", "attack"}) and _told(_HARMED, group_text))


def _told(pattern: re.Pattern[str], text: str) -> bool:
    """A match not denied by what stands just before it ("no one was killed", "neither injuries nor")."""
    return any(
        not re.search(
            r"\b(?:no|not|none|nobody|neither|nor|without|never)\b(?:\s+\w+){0,2}\s+$",
            text[max(0, m.start() - 30) : m.start()],
        )
        for m in pattern.finditer(text)
    )


# "no arrests were reported", "no protesters were detained", "no one was arrested", "did not disperse"
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|without|never|nobody|none|nothing)\s+(?:\w+\s+){0,2}$|\bnone\s+of\s+(?:the\s+)?\w+\s+(?:were|was)\s+$"
)
_NEGATION_REACH = 32  # characters before a cue where its negation may stand


def _negated(text: str, start: int) -> bool:
    """Whether the cue at ``start`` is denied right before it ("no one was arrested")."""
    return _NEGATED_BEFORE.search(text, max(0, start - _NEGATION_REACH), start) is not None


def _only_figurative_bombing(text: str) -> bool:
    return bool(re.search(r"love\s+bomb|photo\s*bomb|bombshell", text)) and not re.search(r"\bbomb\b", text)
