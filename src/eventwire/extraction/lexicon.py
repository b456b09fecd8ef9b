"""What words mean for event extraction: trigger phrases by kind, and the cues that make a mention not an
event (a denial, a threat, a plan, history, a cumulative toll, a generic statement).

All patterns run on lower-cased text, so ALL-CAPS wire copy and lower-case text read the same way.
Kept as data in one place so a user can see (and a test can pin) what eventwire reacts to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Who runs operations against armed men, named right before the verb (not an airline's ground operations).
_OPERATION_RUNNERS = ("forces", "troops", "soldiers", "army", "military", "police")
# Who returns fire in a fight, named right before the verb ("soldiers returned fire"; not a film's hero).
_FIRE_RETURNERS = (
    "forces", "troops", "soldiers", "army", "police", "officers", "policemen", "gendarmes", "militants",
    "rebels", "guards", "they", "fighters", "militiamen",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TriggerKind:
    name: str
    pattern: str
    strong: bool = True  # a weak trigger ("the operation") joins an event but cannot make one alone


def _spaced(words: str) -> str:
    """``words`` with each space as ``\\s``: a lookbehind of fixed width that a line break also matches."""
    return words.replace(" ", r"\s")


def _murder_noun() -> str:
    """The noun "murder(s)" where it names one definite act: a determiner before it and, after it, "of"
    and the victim, a relative clause or a day ("the murder of six Jesuit priests", "the murders which
    have occurred", "the murder on Thursday"), or a possessive before it ("last Thursday's
    murder"). Bare "murder" is mostly a category ("the murder rate", "a murder mystery", "30,000 murders
    last year", "acquitted him of murder"), and a charge, a trial or an arrest for a murder is the court's
    or the police's business ("suspected of the murder of", "the murder case of a journalist")."""
    determiners = ("the", "this", "that", "these", "those")
    # Each lookbehind must be of fixed width: one per determiner and adjective ("the attempted murder of
    # presidential candidates"). The adjectives stay out of the match: the attack kind may start with at
    # most 64 literals (see eventwire.text.regex_starts).
    adjectives = (
        "", "attempted ", "brutal ", "recent ", "cowardly ", "vile ", "heinous ", "savage ", "double ",
        "triple ", "mass ", "gruesome ", "horrific ",
    )  # fmt: skip
    ahead = "|".join(rf"(?<=\b{_spaced(f'{det} {adj}')})" for det in determiners for adj in adjectives)
    court = (
        "charged with",
        "accused of",
        "convicted of",
        "guilty of",
        "tried for",
        "sentenced for",
        "suspected of",
        "suspicion of",
        "acquitted of",
        "arrested for",
        "detained for",
        "jailed for",
        "indicted for",
        "wanted for",
        "held for",
        "connection with",
        "trial for",
        "charges of",
    )
    objects = (*(f"{det} " for det in determiners), "the attempted ")
    not_court = "".join(rf"(?<!{_spaced(f'{verb} {obj}')})" for verb in court for obj in objects)
    day = (
        r"(?:on\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
        r"|last\s+night|\d{1,2}\s+[a-z]+\b)"
    )
    after = rf"(?=\s+(?:of\b|in\b|at\b|which\b|that\b|who\b|committed\b|perpetrated\b|carried\s+out\b|{day}))"
    kinds = (
        r"(?!\s+(?:rates?|myster(?:y|ies)|novels?|cases?|investigations?|inquir(?:y|ies)|trials?|charges?"
        r"|hornets?|suicides?|weapons?|convictions?|suspects?)\b)"
    )
    # A possessive names whose murder it was ("last Thursday's murder", "the Jesuits' murder caused
    # division"), but a country's murders "last year" are a toll.
    possessive = r"(?<='s\s)|(?<=s'\s)|(?<=’s\s)|(?<=s’\s)"
    toll = r"(?!\s+(?:(?:last|this|per|each|every|a)\s+year|in\s+\d{4})\b)"
    return rf"(?:(?:{ahead}){not_court}murders?\b{kinds}{after}|(?:{possessive})murders?\b{kinds}{toll})"


# An explosive that went off in its makers' hands, which ACLED codes as disrupted weapons use: "exploded
# prematurely", "while planting a bomb" (a trigger here; typing_rules reads it too).
WENT_OFF_EARLY = (
    r"(?:exploded|detonated|went\s+off)\s+prematurely"
    r"|while\s+(?:planting|assembling|making|handling|laying)\s+(?:an?\s+|the\s+)?(?:ieds?|bombs?|explosives?"
    r"|(?:land)?mines?|explosive\s+devices?)"
)

# What something launched is aimed at: anything but a venue, a stretch of water or a launch site ("a drone
# at a US destroyer", "rockets at northern Israel"; not "a rocket at Cape Canaveral", "a drone at the trade
# show", "a missile at the sea").
_LAUNCHED = r"launched\s+(?:an?\s+|\d+\s+|several\s+|dozens\s+of\s+|(?:[\w-]+\s+){0,2})?"
_AT_A_TARGET = (
    r"(?:at|on|against|towards?|into)\s+"
    r"(?!(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,3}?(?:sea|ocean|waters|site|show|fair|expo|exhibition|festival"
    r"|conference|summit|event|ceremony|launch\s+pad|launchpad|spaceport|cosmodrome|space\s+cent(?:er|re))\b)"
    r"(?!(?:cape\s+canaveral|vandenberg|baikonur|plesetsk|vostochny|wenchang|jiuquan|xichang|kourou|boca\s+chica"
    r"|starbase|sriharikota|tanegashima|kennedy)\b)"
)


TRIGGERS: tuple[TriggerKind, ...] = (
    TriggerKind(
        "suicide",
        r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car\s+bomb(?:er|ing|s)?|vests?|blasts?)"
        r"|blew\s+(?:himself|herself|themselves)\s+up|explosives?[- ]laden\s+vest",
    ),
    TriggerKind("chemical", r"chemical\s+(?:weapons?\s+)?attacks?|chlorine\s+gas|sarin|nerve\s+agents?"),
    TriggerKind(
        "air",
        r"air\s*strikes?|air\s+raids?|air\s+attacks?|aerial\s+(?:bombardments?|attacks?|strikes?|bombing|operations?\s+(?:against|targeting|on)\b)"
        r"|drone\s+(?:strikes?|attacks?)|(?:warplanes?|fighter\s+jets?|jets|aircraft|helicopters?|drones?)"
        r"\s+(?:bombed|struck|hit|attacked|targeted|fired)"
        # "drones controlled by an unidentified military group targeted the airbase".
        r"|drones?\s+(?:controlled|operated|flown)\s+by\s+(?:[\w-]+\s+){0,3}?(?:military|armed|militant|rebel|army"
        r"|forces|militias?)\s+(?:[\w-]+\s+)?(?:bombed|struck|hit|attacked|targeted)"
        # "conducted an aerial operation in the north ... against a gathering of militants" (not "an
        # aerial operation against locusts").
        r"|conducted\s+(?:an?\s+)?aerial\s+operations?\s+(?:[^.;]{0,160}?)\bagainst\s+(?:[\w-]+\s+){0,4}?"
        r"(?:militants|rebels|insurgents|jihadists|gunmen|bandits|terrorists|fighters|positions|hideouts"
        r"|gatherings?)\b"
        r"|air\s+forces?\s+(?:bombed|struck|hit|targeted)|bombing\s+raids?|(?:was|were)\s+bombed\s+by"
        # Bare "strikes" where they kill or hit armed men's ground: "French strikes hit jihadist positions",
        # "Israeli strikes killed 12 people" (not a walkout's "strikes hit rail services", nor lightning's or
        # a hunger strike's deaths).
        r"|(?<!lightning\s)(?<!hunger\s)(?<!labor\s)(?<!labour\s)(?<!general\s)(?<!rolling\s)(?<!refinery\s)"
        r"(?<!rail\s)(?<!port\s)(?<!dock\s)(?<!wildcat\s)(?<!nationwide\s)(?<!union\s)(?<!transport\s)"
        r"(?<!workers'\s)(?<!teachers'\s)(?<!fuel\s)(?<!pay\s)strikes\s+(?:(?:have|had|also|reportedly)\s+)?"
        r"(?:killed\s+(?:[\w,-]+\s+){0,4}?(?:people|civilians|militants|jihadists|rebels|insurgents|fighters"
        r"|soldiers|troops|children|members|commanders?)|(?:hit|struck|targeted|pounded|destroyed)\s+"
        r"(?:[\w'-]+\s+){0,3}?(?:positions?|bases?|hideouts?|militants|jihadists|rebels|insurgents|fighters"
        r"|(?<!rail\s)(?<!bus\s)(?<!train\s)(?<!tram\s)depots?|strongholds?|convoys?|military\s+targets))\b"
        # "the Houthis launched a drone at a destroyer" (not "launched a drone program")
        rf"|{_LAUNCHED}(?:attack\s+|explosive\s+|kamikaze\s+)?drones?\s+{_AT_A_TARGET}",
    ),
    TriggerKind(
        "shelling",
        r"shell(?:ing|ed|s)\b|artillery\s+(?:fire|shells?|strikes?|attacks?)|mortars?\s+(?:fire|shells?|rounds?|"
        r"attacks?)|mortar(?:ed)?\b|rockets?\s+(?:fire|attacks?|struck|hit|landed|slammed)|missiles?\s+(?:"
        r"strikes?|attacks?|struck|hit|slammed)|fired\s+(?:[\w-]+\s+){0,4}(?:rockets?|missiles?|mortars?|shells|artillery)(?!\s+of\b)"
        # "fired RPGs, B-10 recoilless rifles and 12.7mm machine guns at ...": heavy weapons, named as such.
        r"|fired\s+(?:[\w.,/-]+\s+){0,6}?(?:rpgs?|rocket[- ]propelled\s+grenades|recoilless|anti-tank|atgms?"
        r"|grads?\b"
        r"|katyushas?|heavy\s+weapons)|firing\s+of\s+(?:[\w.-]+\s+){0,3}(?:rockets|missiles|mortars?|shells)"
        r"|bombard\w*|used\s+artillery|artillery\s+(?:operations?|barrages?)|rockets?\s+fell"
        r"|(?:rocket|missile)\s+(?:barrages?|salvos?)|barrages?\s+of|projectiles?\b"
        r"|(?:rockets?|missiles?)\s+(?:was|were|had\s+been|have\s+been)\s+(?:launched|fired)\s+(?:at|into|towards?|on)\b"
        rf"|{_LAUNCHED}(?:rockets?|missiles?)\s+{_AT_A_TARGET}"
        r"|exchanged\s+(?:heavy\s+)?(?:artillery|mortars?|rockets?|shells|shellfire)"
        # "the centre was hit by a missile fired by a military plane": what struck it, named after it.
        r"|(?:hit|struck)\s+by\s+(?:(?:a|an|two|three|several|\d+)\s+)?(?:rockets?|missiles?|mortar\s+(?:rounds?|shells?))\b",
    ),
    TriggerKind(
        "ied",
        r"roadside\s+bombs?|improvised\s+explosive\s+devices?|\bieds?\b|land\s*mines?|car\s+bombs?"
        r"|vehicle[- ]borne|booby[- ]trap\w*|magnetic\s+bombs?|sticky\s+bombs?"
        r"|bombs?\s+(?:exploded|went\s+off|blew\s+up|detonated|planted|hidden)|explosive\s+devices?"
        r"|dynamite\s+(?:attacks?|charges?)"
        r"|dynamited|planted\s+(?:a\s+|an\s+)?(?:bomb|explosives?)"
        # "placed a charge of dynamite under a bus", "planted dynamite at the door".
        r"|(?:placed|planted)\s+(?:a\s+|an\s+|two\s+|several\s+)?(?:[\w-]+\s+)?(?:charges?\s+of\s+)?"
        r"(?:dynamite|explosives?\b|bombs?\b)"
        # ... not "placed explosives detectors at the airport", "deployed bomb disposal squads".
        r"(?![\s-]+(?:detectors?|experts?|disposal|squads?|sniffing|sniffer|detection|teams?|technicians?)\b)"
        r"|set\s+off\s+(?:\w+\s+){0,2}(?:explosives?|bombs?)",
    ),
    TriggerKind(
        "grenade",
        r"(?<!propelled\s)(?<!propelled-)(?:hand\s+)?grenades?\b(?!-|\s+launchers?)|grenade\s+attacks?",
    ),
    TriggerKind(
        "explosion",
        r"explosions?|exploded|blasts?\b|bomb(?:ing|ings|ed|s)?\b|detonat(?:ed|ing|ion|ions)|blew\s+up",
    ),
    # A raid is a fight, unless all it did was arrest people (then it is an arrest: see typing_rules).
    TriggerKind(
        "raid", r"raid(?:s|ed|ing)?\b|storm(?:s|ed|ing)?\s+(?:a|an|the|their|its)?\s*\w+|swoop(?:ed)?\s+on"
    ),
    TriggerKind(
        "fight",
        r"clash(?:es|ed)?\b|heavy\s+fighting|fighting\s+(?:broke|erupted|between|with|in)|fought\b|battled?\b"
        # "heavy combat between the army and the FMLN has taken place".
        r"|(?:heavy|fierce|intense)\s+combat\b(?!\s+(?:gear|training|uniforms?|units?|troops|aircraft|vehicles?"
        r"|zones?|readiness|exercises?|boots|patrols?)\b)|combat\s+(?:between|with)\b"
        r"|battles\b|gun\s*fights?|fire\s*fights?|exchanges?\s+of\s+(?:gun)?fire|exchanged\s+fire|skirmish\w*"
        r"|ambush\w*|shoot-?outs?|bursts?\s+of\s+fire|fired\s+(?:\w+\s+){0,3}(?:on|at)\s+(?:the\s+)?positions|assault(?:s|ed)?\b(?!\s+(?:rifles?|weapons?|guns?))|counter-?attack\w*|overran|repelled"
        r"|offensive\s+(?:on|against)|engaged\s+(?:in\s+(?:a\s+)?(?:gun\s*battle|firefight|combat|fighting)|"
        r"(?:[\w/-]+\s+){0,4}(?:militants|fighters|insurgents|rebels|jihadists|gunmen|assailants|attackers))"
        r"|(?:thwarted|foiled|repulsed)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:attack|incursion|assault|offensive|"
        r"infiltration|advance)|(?:thwarted|foiled|repulsed|repelled)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:attacks|"
        r"incursions|assaults|offensives|infiltrations|advances|incursion|infiltration|attack|assault)"
        r"|(?:fist|physical|street)[- ]?fights?|brawl(?:ed)?\b"
        # "conducted joint operations targeting suspected militants": the forces went after someone.
        r"|(?:conducted|carried\s+out|launched)\s+(?:[\w/-]+\s+){0,3}?operations\s+(?:against|targeting)\s+"
        # ... against armed men, not "operations against money laundering" or "against drug traffickers".
        # ("targeting suspected JNIM and/or ISGS militants": up to five words, "and/or" among them)
        r"(?:[\w'/-]+\s+){0,5}?(?:militants|rebels|insurgents|gunmen|bandits|jihadists|terrorists|fighters|extremists"
        r"|armed\s+(?:groups?|men)|militias?|positions|hideouts|strongholds)\b"
        # "forces conducted air/ground operations in the area of Yomboli": forces on the ground in a named
        # place (a kind of operation only forces run; "military operations" alone is often a movement).
        r"|(?:" + "|".join(rf"(?<={w}\s)" for w in _OPERATION_RUNNERS) + r")"
        r"(?:conducted|carried\s+out|launched)\s+"
        r"(?:an?\s+)?(?:joint\s+|combined\s+)?(?:air[/-]ground|counter-?terrorism"
        r"|counter-?insurgency)\s+operations?\s+(?:in\s+the\s+(?:area|vicinity|surroundings)"
        r"\s+of|around|near|in)\b"
        # "soldiers intercepted a group of JNIM militants", "militiamen routed a group of suspected militants"
        # (not "intercepted a pass", "routed their rivals").
        r"|(?:intercepted|routed)\s+(?:[\w/-]+\s+){0,7}?(?:militants|gunmen|insurgents|rebels|bandits|jihadists|fighters"
        r"|assailants|attackers)\b"
        # "returned fire", "responded to pro-Houthi fire" (not "responded to a fire at a warehouse").
        r"|(?:" + "|".join(rf"(?<={w}\s)" for w in _FIRE_RETURNERS) + r")"
        r"returned\s+(?:the\s+)?(?:heavy\s+)?fire\b"
        r"(?!\s+(?:at\s+(?:his|her|their|the)\s+critics|on\s+(?:twitter|social)))"
        r"|responded\s+to\s+(?:enemy|hostile|sniper|rebel|militant|insurgent|(?:pro|anti)-[\w-]+)\s+fire\b"
        r"|(?:gun)?shots\s+(?:were\s+)?fired|fired\s+(?:\w+\s+){0,2}(?:gun)?shots\s+"
        r"(?:at|on|towards?)|shots\s+involving",
    ),
    TriggerKind(
        "attack",
        r"attack(?:s|ed|ing|ers)?\b|opened\s+fire|shot\s+(?:dead|and\s+killed|\w+\s+dead)|gunned\s+down|machine-?gunned\b"
        r"|massacre[ds]?\b|shooting\b|gunfire|beheaded|executed|hacked\s+to\s+death|stabbed|struck\b"
        r"|torched|set\s+(?:fire\s+to|ablaze|on\s+fire)|set\s+(?:\w+\s+){1,3}(?:ablaze|on\s+fire|alight)"
        r"|burned\s+(?:down|alive)|killing\s+spree|murdered"
        # The noun where it names a definite act: "the murder of six Jesuit priests".
        rf"|{_murder_noun()}"
        r"|assassinat\w+|shot\b(?!\s+(?:it|them)\s+down\b)"
        r"(?!\s+down\s+(?:\d+\s+of\s+(?:the\s+)?(?:\d+\s+)?)?(?:[\w'-]+\s+){0,3}?(?:drones?|missiles?|rockets?)\b)|fired\s+(?!(?:tear|rubber|warning|water|blanks|in\s+the\s+air))"
        # what is fired is a weapon's ("fired shots at", "fired his rifle into"), or nothing is named; not
        # "fired its coach at the end of the season", "fired 200 workers at its plant", "fired questions at"
        r"(?:(?:[^\s;]+\s+){0,6}?(?:shots?|rounds?|bullets?|guns?|gunshots|weapons?|rifles?|pistols?|ammunition|fire"
        r"|volleys?|salvos?|grenades?|rpgs?|arrows|projectiles?|missiles?|rockets?|shells?|mortars?|munitions?|bombs?"
        r"|launchers?|ifvs?|apcs?|tanks?|cannons?|artillery|arms|howitzers?|bmps?|mgs?)\s+"
        r"|(?:indiscriminately|randomly|sporadically|repeatedly|directly|wildly|heavily|again)\s+)?"
        r"(?:at|towards?|into)\s+(?!the\s+air)"
        r"|beat\s+up|beating\s+up|(?:was|were|been|being|badly|severely|brutally)\s+beaten|beat\s+(?:\w+\s+){0,3}"
        r"(?:to\s+death|with\s+(?:sticks|clubs|batons|rods|whips))|tortur(?:e|ed|ing)\b|lash(?:ed|ing|es)\b"
        r"|flogg(?:ed|ing)|set\s+alight|whipp(?:ed|ing)\b(?!\s+up)|slit\s+(?:the\s+)?throats?|decapitated|dismembered"
        r"|(?:baton|lathi)[- ]?charg(?:ed|es|ing)"
        r"|(?:was|were|been|being)\s+(?:allegedly\s+|reportedly\s+)?beaten"
        r"|beat(?:ing)?\s+(?:\w+\s+){0,3}with\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:sticks?|clubs?|batons?|rods?|whips?|planks?"
        r"|belts?|cables?|machetes?|iron\s+bars?)"
        r"|beat\s+(?:and\s+\w+\s+)?(?:him|her|them|(?:a|an|the|several|some|two|three|four|five|\d+)\s+(?:[\w-]+\s+)"
        r"{0,2}?(?:man|men|woman|women|civilians?|people|villagers?|residents?|journalists?|pastoralists?|herders?"
        r"|farmers?|students?|protesters?|prisoners?|detainees?|suspects?|thief|thieves|boys?|girls?|child|children))\b"
        r"|made\s+(?:an?\s+)?incursions?\s+(?:in|into|on)\b"
        # "a child hit by a stray police bullet" ("wounded by a bullet" is the injury's own word, often in a
        # fight already told).
        r"|(?:hit|struck)\s+by\s+(?:a\s+)?(?:stray\s+)?(?:[\w-]+\s+)?bullets?\b(?!\s+trains?)"
        r"|hijack(?:ed|ing)\s+(?:a|an|the|two|three|\d+)\s+(?:\w+\s+)?(?:bus|buses|trucks?|vehicles?|cars?|lorr(?:y|ies)"
        r"|convoy|plane|aircraft|ship|vessel|boat)"
        # "fired 14.5mm, 12.7mm and 7.62mm machine guns east of ...": no "at" within reach.
        r"|fired\s+(?:[\w.,/-]+\s+){0,8}?(?:machine[- ]?guns|small\s+arms)",
    ),
    TriggerKind(
        "kill",
        # "death threats", "death squads": a warning and a band, not a death.
        r"kill(?:ed|ings?|s)?\b|dead\b|deaths?\b(?!\s+(?:threats?|squads?|lists?|penalty|sentences?))|died\b"
        r"|lost\s+their\s+lives|slain\b|bodies\b|fatalit(?:y|ies)"
        r"|casualties\b|death\s+toll|found\s+dead|body\s+(?:of|was\s+found)|human\s+remains|corpses?\b",
    ),
    TriggerKind("injure", r"wound(?:ed|s|ing)?\b|injur(?:ed|ies|y|ing)\b|hurt\b"),
    TriggerKind(
        "abduct",
        r"kidnap\w*|abduct\w*|taken\s+hostage|held\s+hostage|hostages?\b|forcibly\s+disappeared"
        r"|(?:were|was|been)\s+(?:seized|snatched|taken\s+away)\b",
    ),
    TriggerKind(
        "sexual", r"\brap(?:ed|es|ing)\b|\brape\b|sexual(?:ly)?\s+(?:assault\w*|violence|abuse\w*|molest\w*)"
    ),
    TriggerKind(
        "protest",
        r"protest(?:s|ed|ers|ors|ing)?\b|demonstrators?|demonstrations?|demonstrated\s+(?:against|outside|in|"
        r"at|on|for|to\s+(?:demand|denounce|ask|call|express|reject|condemn|support|show)|calling|demanding|over|"
        r"after|near|along|peacefully|before|asking\s+for|claiming|chanting|holding|carrying|waving|shouting)|demonstrated[,.]|(?<!election\s)(?<!campaign\s)(?<!electoral\s)rall(?:y|ies|ied)\b|marched|sit-ins?|took\s+to\s+the\s+streets|picket\w*|went\s+on\s+strike"
        r"|demonstrating\s+(?:against|outside|in|at|to|for|over|near)\b|demonstrated\s+(?:following|while|during|and)\b"
        r"|(?:residents|villagers|neighbou?rs|locals|workers|students|traders|merchants)\s+(?:[\w'-]+\s+){0,6}?"
        r"(?:blocked|barricaded)\s+(?:the\s+)?(?:main\s+)?(?:roads?|entrances?|highway|streets?|access|office|sector)\b"
        r"|bang(?:ed|ing)\s+(?:\w+\s+)?pots|dispers(?:ed|ing|e)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,4}?(?:crowds?|protesters"
        r"|demonstrators|gatherings?|rall(?:y|ies)|march(?:ers|es)?|sit-ins?|labou?rers|workers|students|residents"
        r"|people)\b"
        # "fired tear gas at opposition supporters": a crowd met with force protests (a match's fans do not)
        r"|(?:(?<=fired\s)|(?<=lobbed\s)|(?<=threw\s)|(?<=used\s))tear\s*gas\s+(?:and\s+(?:[\w-]+\s+){1,3}?)?(?:at|on|against)\s+(?:the\s+|a\s+|"
        r"(?:hundreds|thousands|dozens)\s+of\s+)?(?:[\w'-]+\s+){0,2}?(?:supporters(?!\s+of\s+(?:[\w'-]+\s+){0,4}(?:clubs?|teams?|fc|football|soccer)\b)|crowds?(?!\s+of\s+(?:[\w'-]+\s+){0,2}fans)|youths|students|residents"
        r"|mourners|marchers|traders|workers|people|opposition\s+activists|activists)\b"
        r"|general\s+strike|strikers?|vigils?\b|(?:gathered|assembled)\s+"
        r"(?:[\w'(),-]+\s+){0,20}?(?:demanding|calling\s+for|in\s+support\s+of|in\s+solidarity"
        r"|to\s+draw\s+attention\s+to\s+(?:their|the|a)\s+(?:demands?|grievances?|plight)"
        r"|to\s+(?:demand|protest|denounce|"
        r"demonstrate|express|reject|voice|call\s+for|condemn|march|show\s+(?:their\s+)?support)|chant(?:ed|ing)"
        # "gathered to commemorate press freedom day and denounce the treatment of journalists"
        r"|(?<=\sand\s)(?:denounce|demand|protest|condemn)\b"
        r"|voic(?:ed|ing)\s+(?:their\s+)?(?:anger|rejection|opposition|discontent|frustration|support|demands?)"
        r"|(?:held|holding|carr(?:ied|ying)|wav(?:ed|ing))\s+(?:up\s+)?(?:banners|placards|signs|photographs|portraits))"
        r"|gathered\s+in\s+(?:a|an)\s+(?:march|protest|rally|demonstration|sit-in|vigil)\b"
        r"|(?:blocked|barricaded)\s+(?:[\w'(),.-]+\s+){0,14}?(?:demanding|to\s+demand|to\s+protest|in\s+protest|to\s+"
        r"denounce|denouncing|protesting|complaining|expressing\s+(?:their\s+)?(?:discontent|anger|frustration|"
        r"dissatisfaction)|in\s+reaction|calling\s+for)"
        r"|to\s+demonstrate\s+against|sit\s+in\s+(?=to|in\s+front|outside|against)|(?:hour|day|week)\s+strike\b|work\s+stoppages?"
        r"|on\s+strike\b|went\s+(?:out\s+)?(?:in)?to\s+the\s+streets?|came\s+out\s+(?:on|onto|into)\s+the\s+(?:roads?|streets?)|(?:stag(?:ed|es?)|held|organi[sz]ed|joined|did|"
        r"carried\s+out|took\s+out|formed|led)\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,2}(?:march|motorcade|caravan|strike"
        r"|demonstration|protest|rally|procession|human\s+chain|road\s+blockade|sit-in)\b"
        # (at most 64 literal starts per kind: see eventwire.text.regex_starts)
        r"|(?:a|the)\s+(?:[\w'-]+\s+)?march\s+(?:in|for|to|against|through|from|was|were)\b",
    ),
    TriggerKind(
        "riot",
        r"riot(?:s|ed|ers|ing)?\b|rampag\w+|threw\s+(?:stones|rocks|petrol\s+bombs|molotov\s+cocktails|bricks)"
        r"|(?:pelted|hurled)\s+(?:\w+\s+)?(?:stones|rocks|bricks|molotov\s+cocktails|petrol\s+bombs)"
        r"|stone[- ]pelting"
        r"|turned\s+violent|mutin(?:y|ies|ied|ying|eers?)\b"
        r"|stone-throwing|vandali[sz]\w+|barricades?\s+of\s+burning|burning\s+(?:tyres|tires|objects)"
        r"|(?:burned|burnt)\s+(?:\w+\s+)?(?:tyres|tires|objects)|burning\s+rubber\s+(?:tyres|tires)",
    ),
    TriggerKind("mob", r"\bmobs?\b|lynch\w*|vigilantes?|mob\s+justice"),
    TriggerKind(
        "arrest",
        r"arrest(?:ed|s|ing)?\b|detain(?:ed|ing|s)?\b|apprehended|taken\s+into\s+custody|rounded\s+up|nabbed"
        r"|captured\s+(?:\w+\s+){0,2}(?:suspects?|members?|militants?|fighters|commanders?|leaders?|rebels?|operatives?"
        r"|soldiers?|insurgents?|jihadists?|gunmen)",
    ),
    TriggerKind(
        "territory",
        r"(?:seized|captured|took|taken|overran|overrun|recaptured|retook|retaken|regained|liberated|"
        r"freed)\s+(?:full\s+)?(?:control\s+of\s+)?(?:the\s+|an?\s+)?(?:\w+\s+){0,2}(?:town|city|village|district|"
        r"area|territory|region|province|base|airport|border\s+crossing|mining\s+site|mine)|took\s+control\s+of|fell\s+to"
        r"|(?:seized|gained|regained|wrested|assumed|retook|recaptured|restored)\s+(?:full\s+)?control\s+(?:of|over)\b"
        r"|(?:under\s+the\s+)?control\s+of\s+the\s+(?:town|city)|recaptured|retook|liberated|re-captured|re-took",
    ),
    TriggerKind(
        "agreement",
        r"signed\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(?:agreement|accord|deal|treaty|ceasefire|truce)"
        # "signing a peace deal with the Presidential Security Unit" (not "upon signing the agreements" on
        # trade or science).
        r"|signing\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:peace\s+(?:deal|agreement|accord|treaty)|ceasefire|truce)"
        r"|agreed\s+(?:on\s+|to\s+)?(?:a\s+)?(?:\w+\s+)?(?:ceasefire|truce|peace\s+deal|prisoner\s+exchange)"
        r"|(?:ceasefire|truce|peace\s+deal|agreement)\s+(?:was|has\s+been|had\s+been)\s+(?:signed|agreed|reached)"
        r"|reached\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:agreement|deal|truce)|prisoner\s+(?:exchange|swap)"
        r"|(?:exchanged|swapped)\s+(?:\w+\s+)?prisoners",
    ),
    TriggerKind(
        "disrupted",
        r"defus(?:ed|ing)(?!\s+(?:the\s+|a\s+)?(?:tensions?|crisis|situation|stand-?off|row|dispute|conflict))|(?:failed\s+to|did\s+not|didn't)\s+(?:explode|detonate|go\s+off)|disarmed\s+(?:a|an|the)|disarmed\s+(?:[\w-]+\s+){0,3}?(?:militants|fighters|rebels|combatants"
        r"|gunmen|militiamen|insurgents)\b"
        # "seized 10,000 assault rifle ammunition", "seized eight hundred military munitions": a haul counted
        # in its own right ("seized suicide vests and rifles" in a raid is the raid's).
        r"|seized\s+(?:[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|hundreds|thousands)"
        r"\s+(?:[\w,.-]+\s+){0,4}?(?:weapons|arms|explosives|ammunition|munitions|rifles|firearms|guns|grenades)\b|seized\s+(?:a\s+)?(?:large\s+)?(?:[\d,.]+\s+|(?:rounds|quantit(?:y|ies)|stocks?)\s+of\s+){0,2}"
        r"(?:cache|weapons|arms|explosives|ammunition|munitions)|(?:weapons|arms|explosives)\s+caches?|intercepted\s+(?:\w+\s+){0,4}(?:"
        r"drones?|missiles?|rockets?)|(?:shot|shut|brought)\s+down\s+(?:\d+\s+of\s+(?:the\s+)?)?(?:(?!of\b)[\w'-]+\s+){0,4}(?:drones?|missiles?|rockets?)"
        r"|foiled\s+(?:a|an)\s+(?:\w+\s+)?(?:attack|plot|bombing)"
        # "dismantled an IED", "neutralized an IED", "recovered four improvised explosive devices": an
        # explosive found and made safe; "exploded prematurely", "while planting": one that went off in its
        # own makers' hands (ACLED codes both as disrupted weapons use).
        r"|(?:dismantled|neutrali[sz]ed|destroyed|recovered|uncovered|discovered|found|diffused|disposed\s+of)"
        r"\s+(?:[\w,-]+\s+){0,3}?(?:ieds?|improvised\s+explosive\s+devices?|explosive\s+devices?|landmines?"
        r"|explosives|crude\s+bombs)\b"
        rf"|{WENT_OFF_EARLY}",
    ),
    TriggerKind(
        "base",
        r"(?:established|set\s+up|opened|built)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:military\s+)?(?:base|"
        r"headquarters|outpost|camp)\b",
    ),
    TriggerKind(
        "looting",
        r"loot(?:ed|ing)|ransack\w*|plunder\w*|\bstole\b|smashed\s+(?:\w+\s+){0,3}(?:windows?|glass|front|doors?)|(?:burned|burnt|destroyed|demolished|razed)\s+(?:[\w'-]+\s+){0,4}?"
        r"(?:houses?|homes?|buildings?|shops?|property|properties|vehicles?|churches|church|mosques?|schools?|"
        r"villages?|offices?|crops|stores?|markets?|trucks?|cars?|granar(?:y|ies)|health\s+cent(?:er|re)s?|"
        r"stations?|infrastructure|storages?|warehouses?|stadiums?|bars?|machines|cent(?:er|re)s?|fields|farmland|"
        r"lands?|orchards?|trees|clinics?|kiosks?|tents?|shelters?|motorbikes?|motorcycles?|tricycles?|bulldozers?"
        r"|town\s+halls?|greenhouses?|pools?|chapels?|plantations?|furnaces?|airstrips?|bases?|camps?|statues?)"
        r"|demolish(?:ed|ing)\b|uproot(?:ed|ing)\s+(?:[\w-]+\s+){0,4}?(?:trees|seedlings|saplings|crops|vines)"
        r"|cut\s+down\s+(?:[\w-]+\s+){0,4}?(?:trees|seedlings|crops|vines)|stripp(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?of\s+(?:their\s+|his\s+|her\s+)?"
        r"(?:belongings|money|cash|motorbikes?|possessions|valuables|goods|phones?|personal\s+effects|livestock)"
        r"|extort(?:ed|ing)\b"
        r"|robb(?:ed|ery|eries|ing)\b|pillag\w+|sabotag\w+|seiz(?:ed|ing)\s+(?:[\w,]+\s+){0,4}?(?:livestock|cattle|animals"
        r"|goats|sheep|camels|vehicles?|trucks?|cars?|motorbikes?|motorcycles?|goods|belongings|phones|valuables"
        r"|supplies|food|cash|money|property|crops|harvest|ambulances?|tricycles?|vans?|millet|rice|grain|bags)"
        # Seizures of drugs and contraband, which ACLED codes as property taken (not weapons disrupted).
        r"|seized\s+(?:[\w,.()-]+\s+){0,10}?(?:marijuana|cocaine|heroin|cannabis|drugs|narcotics|methamphetamine"
        r"|cigarettes|contraband|boats?)\b|confiscat(?:ed|ing)\b"
        # A drug lab taken apart by the police is property destroyed by ACLED's codebook, like the drugs
        # seized: "dismantled a marijuana processing lab", "destroyed a cocaine laboratory" (not a school's
        # lab: the drug is named; nor a "drug factory", which is as often a pharmaceutical plant).
        r"|(?:dismantled|destroyed|busted)\s+(?:a|an|the|two|three|several|\d+)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:drugs?|cocaine|crack|marijuana|cannabis|heroin|methamphetamine|meth|narcotics?|opium)"
        r"(?:\s+(?:processing|production))?\s+(?:labs?|laborator(?:y|ies))\b",
    ),
    TriggerKind(
        "change",
        r"surrender(?:ed|s)?\b|defected|disband\w*|pledged\s+allegiance|laid\s+down\s+(?:their\s+)?arms"
        r"|announced\s+(?:a\s+)?(?:unilateral\s+)?ceasefire|declared\s+(?:a\s+)?(?:unilateral\s+)?ceasefire"
        # Movements of forces, which ACLED codes as a change of activity: a movement that happened, in the
        # past tense ("brought reinforcements", "a patrol took place"), never a level ("troops are based").
        r"|(?:brought|sent|dispatched|deployed|rushed)\s+(?:in\s+)?(?:[\w-]+\s+){0,2}?reinforcements"
        r"|reinforcements,?\s+(?:[\w(),/-]+\s+){0,10}?(?:arrived|reached|were\s+(?:sent|deployed|reported))"
        r"|(?:conducted|carried\s+out|formed|launched)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:joint\s+)?(?:[\w-]+\s+)?"
        r"patrols?\b|patrols?\s+(?:by\s+(?:[\w-]+\s+){1,5}?)?took\s+place"
        r"|(?:military\s+)?(?:convoys?|columns?)\s+(?:[\w,-]+\s+){0,10}?(?:entered|arrived|reached|(?:was|were)\s+sent)"
        r"|deployed\s+(?:\w+\s+){0,2}?(?:forces|troops|soldiers|tanks|units)\s+(?:to|in|at|along|on|around)\b"
        # "troops were deployed to", "forces reportedly deployed to": a movement; "to keep 5,000 troops
        # deployed along the border" (a participle, no auxiliary) is a level of forces.
        r"|(?:forces|troops|soldiers)\s+(?:reportedly\s+(?:re)?deployed|(?:reportedly\s+)?(?:were|have\s+been"
        r"|had\s+been)\s+(?:re)?deployed|redeployed)\s+(?:to|in|at|along|on)\b"
        r"|(?:established|built|set\s+up)\s+(?:\w+\s+){0,2}?fortifications"
        r"|(?:imposed|declared|extended|enforc(?:ed|ing)|announced|instituted)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:curfews?|state\s+of\s+emergency|lockdown)"
        # "a nightly curfew was imposed", "curfew and traffic ban imposed in all villages": the curfew is
        # new, and "nightly" says when it holds, not that it is a pattern of acts.
        r"|(?:(?:nightly|night-time|overnight|dusk-to-dawn)\s+)?curfews?\s+(?:[\w-]+\s+){0,4}?"
        r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?imposed"
        # Splits and defections: "ended its affiliation with the operations room", "35 soldiers, policemen,
        # and militia members joined the Taliban".
        r"|(?:faction|group|militia|rebels|brigade|battalion|front|movement)\s+(?:has\s+|had\s+)?(?:ended|severed|cut)\s+"
        r"(?:its|their)\s+(?:affiliation|allegiance|ties)\s+(?:with|to)"
        r"|switched\s+sides"
        r"|(?:soldiers|policemen|militiamen|fighters|militants|commanders|members)\s+"
        r"(?:have\s+|had\s+|reportedly\s+)?(?:joined|defected\s+to)\s+(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?"
        r"(?:taliban|al[- ]shabaa?b|islamic\s+state"
        r"|isis|isil|rebels?|militants?|insurgents?|separatists?|jihadists?|government\s+forces)\b"
        r"|joined\s+the\s+ranks\s+of",
    ),
    # Measures imposed on a place and shows of force or of rule that hurt nobody, which ACLED codes as a
    # change of activity (the family of "change"; a kind of its own, as one kind may start with at most 64
    # literals, see eventwire.text.regex_starts).
    TriggerKind(
        "control",
        # Measures a government or an armed group imposes on a place: "put the capital in
        # quarantine", "declared the imposition of a three day curfew", "a mandatory use of face masks",
        # "sealed off the city", "closed the country's land borders".
        r"(?:imposing|imposition\s+of)\s+(?:[\w-]+\s+){0,4}?(?:curfews?|state\s+of\s+emergency|lockdown|quarantine)"
        r"|(?:put|placed)\s+(?:[\w'(),-]+\s+){1,6}?(?:in|under)\s+(?:a\s+)?quarantine"
        r"|(?:mandatory|compulsory)\s+(?:use\s+of\s+|wearing\s+of\s+)?(?:face\s+)?masks"
        r"|sealed\s+off\s+(?:the\s+)?(?:city|town|village|district|area|region|province)"
        # Rules an armed group imposes on people: "imposed on women to wear veils".
        r"|imposed\s+on\s+(?:the\s+)?(?:women|men|residents|population|villagers|inhabitants)\s+to\b"
        r"|closed\s+(?:[\w']+\s+){0,3}?(?:land\s+)?borders(?!\s+to\s+(?:\w+\s+)?(?:imports|exports|trade|goods|products))"
        # "instituted a ban on all travel", "halted all entries and departures", "suspended all interurban
        # passenger traffic": movement stopped by order, not a single road closed by a protest.
        r"|(?:instituted|imposed|declared|announced)\s+(?:a\s+)?(?:blanket\s+|total\s+|travel\s+)?ban\s+on\s+(?:all\s+)?"
        r"(?:travel|movements?|gatherings|entr(?:y|ies))"
        r"|(?:halted|suspended|banned)\s+all\s+(?:[\w-]+\s+){0,2}?(?:traffic|travel|entries|movements?|transport)\b"
        # A town cut off: "began a blockade on the town", "began besieging the village".
        r"|(?:began|imposed|laid|started)\s+(?:a\s+)?(?:blockade|siege|besieging)\b"
        # Shows of force and of rule: "fired warning shots in the air", "set up a fake checkpoint",
        # "launched Operation Ndofou" (a named operation begun; "launched an operation against ..." is a
        # fight), "recruiting and training".
        r"|fired\s+(?:(?:warning|several|a\s+few|some|\w+)\s+)?(?:(?:gun)?shots\s+|rounds\s+)?in\s+(?:the\s+)?air"
        r"|(?:shots|gunshots)\s+(?:being\s+|were\s+)?fired\s+in\s+(?:the\s+)?air"
        r"|(?:set\s+up|placed|erected|established|running|ran|mounted)\s+(?:[\w-]+\s+){0,3}?check\s*-?points?\b"
        r"|launched\s+operation\s+(?!against|to|in|on|targeting|aimed)[a-z]"
        # (not staff: "a bank recruiting and training new staff" is no development)
        r"|(?:recruit(?:ing|ed)\s+and\s+train(?:ing|ed)|train(?:ing|ed)\s+and\s+recruit(?:ing|ed))"
        r"(?!\s+(?:new\s+|more\s+)?(?:staff|employees|workers|teachers|nurses|doctors|students|players|volunteers\s+for))"
        # Armed groups acting as a state: "members of the cartel delivered food packages to families".
        r"|deliver(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:food\s+packages|boxes\s+(?:with|of)\s+food|food\s+boxes"
        r"|food\s+parcels|aid\s+packages)",
    ),
    # Developments ACLED codes as "Other": people displaced or brought home, prisoners let go or breaking out.
    TriggerKind(
        "other",
        r"(?:refugees|migrants|displaced\s+(?:people|persons|families)|idps)\s+(?:[\w,()-]+\s+){0,6}?"
        r"(?:arrived|returned|were\s+(?:moved|relocated|repatriated))\b"
        r"|(?:families|villagers|residents|households)\s+(?:[\w,()-]+\s+){0,20}?evacuated\s+(?:following|after|due)"
        r"|released\s+(?:[\d,]+|some|several|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+){0,3}?prisoners"
        r"|(?:were|was)\s+released\s+from\s+(?:[\w-]+\s+){0,2}?(?:prisons?|jails?)"
        r"|(?:broke|broken|escaped)\s+out\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:prison|jail|police\s+station|cells?)"
        r"|(?:prison|jail)\s*-?breaks?\b"
        # Public services stopped by insecurity: "teachers suspended classes and left the area over
        # deteriorated security situation", "the police station closed down ... amid a deteriorating security
        # situation", "suspended classes due to the beatings teachers received from militants" (not "closed
        # because of snow", "over security concerns about its computer systems").
        # ("classes were suspended", "schools in Djibo closed ... due to insecurity")
        r"|(?:closed\s+down|shut\s+down|suspended\s+(?:all\s+)?classes|(?:was|were|been)\s+(?:closed|evacuated"
        r"|abandoned|suspended)|(?<=schools\s)closed|(?<=classes\s)were\s+suspended)"
        r"\s+(?:[\w',()-]+\s+){0,25}?(?:due\s+to|over|because\s+of|amid|after|following)\s+"
        r"(?:[\w-]+\s+){0,5}?(?:insecurity|security\s+situation|(?:death\s+)?threats\s+(?:from|by)\s+(?:armed|militants"
        r"|jihadists|gunmen|terrorists|insurgents|rebels)|beatings|attacks?\s+(?:by|from)\s+(?:armed|militants"
        r"|jihadists|gunmen|terrorists|insurgents|rebels|bandits))\b",
    ),
    TriggerKind(
        "transfer",
        r"handed\s+over\s+(?:control|the\s+(?:town|base|area|city))|withdrew\s+(?:\w+\s+){0,2}from"
        r"|pulled\s+out\s+of",
    ),
    TriggerKind(
        "operation",
        r"\b(?:operation|mission|offensive|crackdown|incursion)\b(?!s)",
        strong=False,
    ),
)

VIOLENT_KINDS = frozenset(
    {"suicide", "chemical", "air", "shelling", "ied", "grenade", "explosion", "raid", "fight", "attack",
     "kill", "injure", "abduct", "sexual", "territory", "operation"}
)  # fmt: skip
CASUALTY_ONLY_KINDS = frozenset({"kill", "injure"})

FAMILY = {kind.name: kind.name for kind in TRIGGERS}
FAMILY.update(dict.fromkeys(VIOLENT_KINDS, "violence"))
FAMILY.update({"riot": "protest", "mob": "riot", "control": "change"})
"""Mentions of one family may join into one event; protests and riots share a family (a protest that turns
violent is one event)."""

# Deaths and damage by misfortune: "died in a collision", "killed by the floods", "killed by a tiger".
_WILD_ANIMAL = r"(?:tiger|lion|leopard|elephant|crocodile|shark|bear|snake|hippo|wolf|wolves|hyena|boar)"
# Dogs attack people as animals do only where the text says whose they are not: a police dog is a weapon.
_LOOSE_DOG = r"(?:stray|rabid|feral|wild)\s+dogs?|pack\s+of\s+(?:stray\s+|wild\s+|feral\s+)?dogs"
# A tank of fuel or gas that blows up by itself, not one a bomb was planted in or a strike hit. Household
# gas is an accident ("a gas cylinder explosion"); a fuel tanker that blows up in a market of a war may be
# a bomb, so it is an accident where the text says how (a crash, a highway, a factory).
_NOT_STRUCK = (
    r"(?![^.]{0,40}\b(?:hit|struck|targeted|drones?|missiles?|rockets?|shell\w*|bomb\w*|attack\w*|sabotage\w*"
    r"|gunmen|opened\s+fire|shot|fired))"
)
_FUEL_BLAST = (
    r"(?<!in\s)(?<!on\s)(?<!into\s)(?<!inside\s)(?<!off\s)(?<!detonated\s)(?<!planted\s)(?<!triggered\s)"
    r"\b(?:a|an|the)\s+(?:(?:(?:cooking|domestic)\s+)?gas\s+"
    r"(?:cylinders?|leak|lines?)|boilers?|(?:fuel|oil|petrol|gasoline|diesel|gas)\s+(?:tankers?|tanks?|trucks?)"
    r"(?=\s+(?:exploded|explosion|blast|burst|caught\s+fire)[^.]{0,40}\b(?:collid\w+|crash\w*|overturn\w*"
    r"|accident\w*|skidd\w+|highway|expressway|factory|plant|warehouse|refuell?ing|unloading)))"
    rf"\s+(?:exploded|explosion|blast|burst|caught\s+fire){_NOT_STRUCK}"
)
FUEL_BLAST = re.compile(_FUEL_BLAST)
_MISFORTUNE = (
    r"(?:traffic|road|car|bus|plane|train|boat|mining)\s+(?:accident|crash|collision)|(?:accident|crash|"
    r"collision|flood\w*|earthquake|landslide|stampede|drown\w*|natural\s+causes|illness|disease|cholera|"
    r"covid|(?:killed\s+by|died\s+(?:of|from))\s+(?:the\s+)?(?:corona)?virus\b|malaria|measles|"
    r"overdose|heatwave|lightning|wildfire|(?:dams?|levees?|embankments?)\s+(?:burst|collapsed|broke|failed)"
    rf"|(?:by|in)\s+(?:a|an|the)\s+(?:wild\s+)?{_WILD_ANIMAL}s?\b|{_WILD_ANIMAL}\s+attacks?|{_LOOSE_DOG}"
    rf"|{_FUEL_BLAST}|(?:bitten|mauled|gored|trampled)\s+by\s+(?:a|an|the)\s+(?:\w+\s+)?(?:{_WILD_ANIMAL}|dogs?|bull|buffalo)s?\b)"
)
# Phrases where a trigger word has another sense.
_OTHER_SENSE = (
    # A band or a parade marching is a ceremony, not a protest: "the army band marched through the capital".
    r"(?<!of\sthe\s)(?<!of\s)\bbands?\s+(?:marched|marches|marching|paraded)"
    r"|marched\s+in\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?parade\b|"
    # A side's play: "Georgia struck gold", "Pakistan struck twice in the first over", "Chad attacked the
    # basket", "India pounded the Australian attack for 400 runs".
    r"struck\s+(?:gold|silver|bronze|(?:twice|early|late|first|again)\b(?![^.]{0,60}\bkill)(?=[^.]{0,60}\b(?:the\s+first"
    r"\s+over|overs|innings|wickets?|before\s+lunch|after\s+lunch|at\s+tea|stumps|day\s+one"
    r"|(?:first|opening)\s+(?:morning|day)|(?:first|second|third|final|opening|morning|afternoon|evening)\s+session"
    r"|(?:first|second)\s+half|quarter|penalty|goals?)\b)"
    r"|a\s+(?:three-pointer|goal|boundary|century"
    r"|deal|chord|balance|pose|note))\b|attack(?:ed|ing)?\s+the\s+(?:basket|rim|paint|ball|goal|net)\b"
    r"|pounded\s+(?:the\s+)?(?:[\w-]+\s+)?(?:attack|bowling|bowlers|defen[cs]e)\s+for\b|"
    # Sport's attackers and shoppers' rushes: "the attackers scored twice", "shoppers stormed the stores".
    r"attackers?\s+(?:scored|netted|missed|shot\s+wide|combined|pressed)|(?:shoppers|customers|bargain\s+hunters"
    r"|fans)\s+(?:stormed|rushed|flooded)\s+(?:the\s+)?(?:stores?|shops?|malls?|doors|aisles|pitch|field)|"
    r"heart\s+attacks?|panic\s+attacks?|(?:legal|political|court|electoral|election|uphill|custody)\s+battles?"
    r"|battle\s+(?:against|with)\s+(?:cancer|poverty|disease|covid|inflation|corruption|addiction)"
    r"|shot\s+(?:a\s+)?(?:film|video|movie|photos?)|photo\s?shoot|\ba\s+shot\s+in\s+the\s+arm"
    r"|shooting\s+(?:a\s+)?(?:film|video|movie|scene|star)|bombed\s+at\s+the\s+box\s+office"
    r"|(?:surgical|rescue|search|relief|peacekeeping\s+mission|humanitarian)\s+(?:operation|mission)"
    r"|(?:stock|share|market)s?\s+(?:crash|rall(?:y|ied))|rally\s+(?:in|of)\s+(?:stocks|shares|prices)"
    r"|(?:hunger|labou?r)\s+strike\s+(?:is|was)\s+(?:planned|expected)"
    # Words, not blows: "attacked the new tax plan", "fired back at his critics".
    # (the verb and its object, nothing between but modifiers: "claimed the attack in a statement" is an act)
    r"|attack(?:s|ed|ing)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+)?"
    r"(?:(?!(?:in|on|at|by|with|for|during|after|and|as|while)\b)[\w'-]+\s+){0,2}?(?:plans?"
    r"|proposals?|polic(?:y|ies)|decisions?|budget|remarks|comments|statements?|reforms?|ideas?"
    r"|speech|rulings?|verdict|report)\b|fired\s+back\s+at\s+(?:his\s+|her\s+|their\s+|its\s+|the\s+)?critics"
    # A complaint lodged through channels ("entitled to file a protest", "sent a protest note") is no
    # demonstration.
    r"|(?:file|filed|filing|lodge|lodged|lodging|register(?:ed)?|sen[dt]|deliver(?:ed)?)\s+(?:a\s+|an\s+)?"
    r"(?:formal\s+|official\s+|diplomatic\s+|strong\s+|written\s+)?protests?\b|diplomatic\s+protests?|protest\s+notes?"
)
# Matched next to the trigger, in its clause.
NOT_CONFLICT = re.compile(f"{_OTHER_SENSE}|{_MISFORTUNE}")
# Measures, shows of force and displacements ("control", "other") are developments of a conflict only
# where an armed or a state actor is named beside them: a club recruiting and training players, a
# retailer's "Operation Sunshine", a hospital's checkpoint or a charity's food parcels are everyday life.
# So is an agreement between companies or a court's parties ("signed a merger agreement", "the parties had
# reached an agreement"): ACLED's agreements are between armed or state actors.
NEEDS_A_FORCE = frozenset({"control", "other", "agreement"})
A_FORCE = re.compile(
    r"\b(?:police\w*|soldiers?|troops|army|military|armed|forces|gendarmes?\w*|militants?|rebels?|insurgents?|"
    r"gunmen|jihadists?|militia\w*|guerrillas?|taliban|shabaa?b|boko\s+haram|cartels?|gangs?|government|"
    # Armed groups named by their initials or name alone ("members of the CJNG delivered food packages",
    # "clans affiliated with the MILF"), and people armed ("villagers equipped with firearms").
    r"cjng|zetas|milf|mnlf|(?:armed|equipped)\s+with\s+firearms|"
    # (communal parties to an agreement: "elders from the two clans signed an agreement")
    r"clans?|elders|tribes?|tribal|communal|"
    r"authorities|junta|regime|security|guards?|irgc|fighters|combatants|"
    r"al[- ]qaeda|islamic\s+state|isis|isil|"
    r"governors?|mayors?|prefects?|ministers?|ministry|president)\b"
)
# Who takes ground by force: "took control of", "recaptured", "fell to" with no place word of their own are
# a party's, a club's or a firm's ("Democrats took control of the House", "Liverpool recaptured the lead",
# "the title fell to Liverpool") unless armed men are named beside them (the civil authorities of A_FORCE
# are not: "the government took control of the company" is a nationalisation).
ARMED_FORCE = re.compile(
    r"\b(?:soldiers?|troops|army|armies|military|armed|forces|militants?|rebels?|insurgents?|gunmen|jihadists?"
    r"|militia\w*|guerrillas?|fighters|combatants|paramilitar\w+|taliban|shabaa?b|boko\s+haram|al[- ]qaeda"
    r"|islamic\s+state|isis|isil|rsf|m23|houthis?|hamas|hezbollah|hts|sdf|ypg|pkk|farc|eln|wagner|jnim|iswap"
    r"|gangs?|bandits?|cartels?|sicarios|fano|codeco|mai-?mai|adf|janjaweed|militiamen)\b"
)
# What control is taken of that is no ground: "seized control of the game", "regained control of the
# narrative".
NOT_GROUND = re.compile(
    r"\s*(?:the\s+|their\s+|its\s+|a\s+)?(?:[\w-]+\s+)?(?:"
    # what is never ground, whatever follows ("the narrative of the war", "the company's finances")
    r"(?:[\w-]+'s\s+)?(?:game|match|matches|narrative|budget|agenda|debate|ball|race|contest|process|talks|situation"
    r"|website|account|network|finances|economy|majority)\b"
    # bodies whose buildings are ground ("the party headquarters", "the council's offices")
    r"|(?:committee|party|board|company|companies|firm|senate|parliament|assembly|council|chamber)\b"
    r"(?!'s|\s+(?:headquarters|offices?|buildings?|hall|mines?|compound|premises|of)\b))"
)
# Armed men doing something, or arms used: "gunmen killed five", "militants had planted it", "the Taliban
# said it had planted the device", "an attack claimed by", "a drone attack" (not "five soldiers" among the
# victims, nor "no bomb was found").
ARMED_ACT = re.compile(
    r"\b(?:gunm[ae]n|bandits?|attackers?|assailants?|raiders|kidnappers|terrorists?|militants?|insurgents?"
    r"|rebels?|jihadists?|fighters|extremists|militiamen|al[- ]shabaa?b|taliban|boko\s+haram)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:killed|attacked|shot|opened\s+fire|ambushed|abducted|kidnapped|stormed|raided|fired"
    r"|bombed|shelled|planted|set\s+off|detonated|rigged|placed|struck|hit|torched|burned)\b"
    r"|\bclaimed\s+(?:responsibility\b|by\s)"
    r"|\b(?:drone|missile|rocket|air)\s*(?:strikes?|attacks?)|\b(?:shelling|airstrikes?|mortar\s+fire)\b"
)
# Work stopped, not arms: "the strikes hit fuel depots ... as unions protested".
# (workers, staff and drivers only where they stop work: "health workers said" is a source, not a strike)
LABOUR_STRIKE = re.compile(
    r"\b(?:unions?|walk(?:ed)?\s*-?outs?|walked\s+out|general\s+strike|pensions?|wages?|pay\s+rise|truckers"
    r"|(?:workers|staff|employees|drivers)\s+(?:\w+\s+)?(?:walked\s+out|went\s+on\s+strike|stopped\s+work"
    r"|downed\s+tools|protested))\b"
)
# The place words a territory trigger may end with ("seized the town"; not "the city's water supply").
TERRITORY_PLACE = re.compile(
    r"\b(?:town|city|village|district|area|territory|region|province|base|airport|border\s+crossing|mining\s+site"
    r"|mine)\b(?!'s)"
)
# For a protest, riot or mob the misfortune is the grievance, not the cause ("victims of the floods
# blocked the road to demand aid", "rallied outside the court over a road accident"); a stampede at a rally
# is still no demonstration.
NOT_CONFLICT_CROWD = re.compile(f"{_OTHER_SENSE}|stampede")
# What makes a crowd near a misfortune a protest: a demand or a grievance ("victims of the floods blocked
# the road to demand aid"); without one ("survivors of the earthquake marched to the relief camp") the
# misfortune is what moved them.
CROWD_GRIEVANCE = re.compile(
    r"\b(?:to\s+(?:demand|protest|denounce|condemn|call\s+for|ask\s+for|press\s+for|demonstrate)|demand(?:s|ed|ing)?"
    r"|protest\w*|calling\s+for|over|against|in\s+(?:protest|solidarity|support\s+of)|in\s+(?:response|reaction)\s+to)\b"
)
# ... or the crowd staged its act as a protest: "flood victims held a demonstration", "staged a sit-in"
# (read up to the trigger's end: "survivors rallied to receive food" is relief, not protest).
CROWD_STAGED = re.compile(
    r"\b(?:held|holds?|holding|staged?|staging|organi[sz]ed|went\s+on|called|began|launched)\s+(?:a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:demonstrations?|protests?|sit-ins?|rall(?:y|ies)|strikes?|march(?:es)?|vigils?"
    r"|pickets?|hunger\s+strikes?)$"
)

# Cues, each with the reason an affected mention is not an event.
# A definite act named right before the trigger, the object of a verb about it: "condemned the murder",
# "accused of ordering last Sunday's killing", "blamed the rebels for this bombing".
_DEFINITE_ACT = r"(?:the|this|last\s+\w+'s|\w+day's)\s+(?:[\w-]+\s+){0,2}$"

REJECT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "denial",
        re.compile(
            r"\b(?:denied|denies|deny|denying|dismissed\s+(?:reports?|claims?)|rejected\s+(?:reports?|claims?)"
            r"|refuted|false\s+(?:reports?|claims?)|did\s+not|didn't|has\s+not|have\s+not|never|no\s+evidence"
            r"|at\s+no\s+time)\b"
            r"|\bno\s+(?:\w+\s+)?$"
            # "not a single shot", "without a shot being fired" ("without clashes being reported" may
            # follow an act).
            r"|\bnot\s+(?:a\s+single|one\s+single|one)\s+(?:[\w-]+\s+)?$"
            # "we are not bombing", "they were not killed": the act itself negated, right before it.
            r"|\b(?:am|is|are|was|were)\s+not\s+(?:been\s+)?$|\b(?:isn't|aren't|wasn't|weren't)\s+$"
            r"|\bwithout\s+(?:a|any)\s+(?:single\s+)?(?:[\w-]+\s+)?$"
        ),
    ),
    (
        "threat",
        re.compile(
            r"\b(?:threat(?:en|ened|ens|ening)\s+to|vow(?:ed|s|ing)?\s+to|warn(?:ed|s|ing)?\s+(?:of|that|it)"
            r"|pledg(?:ed|es)\s+to|promis(?:ed|es)\s+to|ultimatum|would|shall|'ll)\b"
            # "will" looks ahead, except in a clause before a relative clause told in the past ("the
            # delegation that will attend the funerals of the Jesuits who were killed"): that act happened.
            r"|\bwill\b(?![^.;]*\b(?:who|which|that|whom)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\b)"
            # "they will release the people they have abducted": the act is told in the perfect, by a
            # subject of its own, right before the trigger; it happened.
            r"(?![^.;]*\b(?:they|he|she|we|who|which|that)\s+(?:have|has|had)\s+(?:been\s+)?$)"
        ),
    ),
    (
        "plan",
        re.compile(
            r"\b(?:plan(?:s|ned|ning)?\s+(?:to|for|an?)|intend\w*\s+to|prepar(?:ing|es|ed)\s+(?:to|for)"
            r"|aim(?:s|ed|ing)?\s+(?:to|at)|goal\s+of|seek(?:s|ing)?\s+to|set\s+to"
            r"|expected\s+to|scheduled|upcoming|capabilit(?:y|ies)\s+to|capacity\s+to|ability\s+to"
            r"|designed\s+to|meant\s+to|ready\s+to|imminent|looming|future|consider(?:s|ed|ing)?|propos(?:ed|es|al)|call(?:ed|s|ing)?"
            r"\s+(?:for|on)|urg(?:ed|es|ing)|demand(?:ed|s|ing)?\s+(?:an?\s+)?(?:end|halt)"
            r"|thwart\w*(?!\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:attack|incursion|"
            r"assault|offensive|infiltration|advance)))\b"
        ),
    ),
    (
        "past",
        re.compile(
            # ("policemen fired in 2012 demonstrated", "workers who passed the test in 2019 held a protest": a
            # year right before the act, after other words, is its actors' history, not the act's)
            # ("In 2019 protests erupted", the year alone before the act, is read in mentions._reject_reason)
            r"\b(?:since\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d\b(?!\s*$)|back\s+in|formerly|once\s+(?:a|the))\b"
            # "the 1985 massacre": an act named by its year is history (today's is named by its day).
            r"|\bthe\s+(?:19|20)\d\d\s+(?:[\w-]+\s+)?$"
        ),
    ),
    (
        "hypothetical",
        re.compile(
            # "up to 50 people may have been killed in an airstrike": the strike happened, its toll is
            # what is uncertain ("could have been killed" is what did not happen).
            r"\b(?:if|unless|could|might(?!\s+have\s+(?:been|died)\b)|(?<!\d\s)may(?!\s*\d|\s+have\s+(?:been|died)\b)"
            r"|possible|possibly|possibilit(?:y|ies)|potential(?:ly)?|risk\s+of|fears?\s+(?:of|that)"
            r"|feared|likely\s+to|in\s+case|whether|would-be|imagine|scenario)\b"
        ),
    ),
    (
        "statement",
        re.compile(
            r"\b(?:(?:condemn\w*|denounc\w*|deplor\w*|mourn\w*)\b"
            # "condemned the murder of the minister": the act condemned is the object, and it happened.
            rf"(?!\s+(?:(?:\w+day|today|yesterday|bitterly|strongly|firmly)\s+)?{_DEFINITE_ACT})"
            r"|expressed\s+(?:concern|condolences)|paid\s+tribute|pa(?:y|ys|id|ying)\s+homage"
            # "a man accused of witchcraft was lynched": the participle names the victim, and the
            # sentence's own verb ("was lynched") reports the act (read up to the trigger, which may be
            # that verb: "accused of sorcery | was beaten to death"; not "accused of planning | an attack").
            r"|accus(?:ed|es|ing)(?!\s+of\s+[^,;]*\b(?:was|were)\s|\s+of\s+(?:(?![\w-]+ing\b)[\w-]+\s+){1,10}$)"
            # "accused of masterminding the killing of the six Jesuits", "blamed the rebels for the
            # bombing": who did it is in question, not that the definite act named happened.
            r"(?!(?:\s+[\w-]+){0,4}\s+of\s+(?:masterminding|ordering|committing|perpetrating|carrying\s+out"
            rf"|being\s+behind|responsibility\s+for|involvement\s+in)\s+{_DEFINITE_ACT})"
            rf"|blam(?:ed|es|ing)(?!(?:\s+[\w-]+){{0,4}}\s+for\s+{_DEFINITE_ACT}))\b"
        ),
    ),
    (
        "historical",
        re.compile(
            r"\b(?:anniversary|years?\s+ago|decades?\s+ago|decades?|at\s+the\s+height\s+of"
            # "in the past" is history; "in the past 24 hours" or "past few days" is the news itself.
            r"|in\s+the\s+past(?!\s*(?:\d+\s*-?\s*hours?|few\s+(?:hours|days)|days?\b|night\b|week\b))"
            r"|history|historic(?:al|ally)?(?!\s+(?:cent(?:er|re)|district|quarter|old\s+town|site|building|monument|mosque|church|market))"
            r"|commemorat\w+|memorial|remember\w*|recall\w*|(?:in|during)\s+those\s+(?:days|years|times))\b"
        ),
    ),
    (
        "cumulative",
        re.compile(
            r"\b(?:so\s+far\s+this\s+(?:year|month)|this\s+year|since\s+(?:the\s+)?(?:start|beginning|outbreak)"
            r"|since\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
            r"december)|in\s+total|overall|in\s+all(?!\s+(?:the\s+|of\s+the\s+)?(?:public\s+)?(?:spaces|places|villages|towns|cities|districts|provinces|regions|areas|parts|communes|localities|neighbou?rhoods|camps|states|counties|departments|municipalities)\b)|over\s+the\s+(?:past|last)\s+(?:year|months|decade|"
            r"years|weeks)|(?:have|has)\s+been\s+killed\s+since|cumulative|tally|in\s+recent\s+(?:years|months)"
            r"|since\s+(?:the\s+)?(?:war|conflict|insurgency|fighting)\s+(?:began|started|erupted|broke\s+out)"
            r"|per\s+year|a\s+year|"
            r"annual(?:ly)?|(?:every|each)\s+(?:year|month|week)|to\s+date|since\s+(?:19|20)\d\d)\b"
        ),
    ),
    (
        "generic",
        re.compile(
            r"\b(?:often|frequently|regularly|routinely|periodically|habitually|repeatedly|repeated|recurring|usually|typically|increasingly"
            # "police continue to investigate the murder of": what goes on is the inquiry, not the act.
            r"|continue[sd]?\s+to(?!\s+[\w-]+\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}$)|(?:have|has)\s+(?:carried\s+out|claimed|conducted|staged|launched)\s+(?:many|"
            r"numerous|several|dozens|hundreds|a\s+series|attacks)|responsible\s+for\s+(?:many|numerous|several|"
            r"a\s+series|dozens|hundreds|most)|wave\s+of|series\s+of|spate\s+of|surge\s+in|rise\s+in|resurgence"
            r"|focal\s+point|hotbed|known\s+for|notorious\s+for|prone\s+to|drills?|exercises?"
            # Training is a routine, unless it names a place ("an attack on a training camp").
            r"|training(?!\s+(?:cent(?:er|re)s?|camps?|schools?|colleges?|facilit(?:y|ies)|institutes?"
            r"|academ(?:y|ies)|grounds?|bases?))"
            r"|(?:have|has)\s+(?:killed|attacked|murdered|kidnapped)\s+(?:many|numerous|countless|thousands|hundreds"
            r"|dozens|scores)|(?:are|is)\s+(?:multiplying|on\s+the\s+rise|increasing|spreading))\b"
        ),
    ),
    # "police prevented the march", "in order to arrest a suspect": the purpose, or what was stopped, is
    # what follows the cue in its phrase; after a comma, or "and" with a verb in the past, the sentence goes
    # on with what was done ("in order to arrest a suspect, the Koglweogo opened fire", "to stop them from
    # praying and destroyed their property", "police prevented and detained 5 people").
    (
        "plan",
        re.compile(
            r"\b(?:in\s+order\s+to|to\s+prevent|to\s+stop|prevent(?:ed|ing|s)?)\b(?!\s+and\b)"
            r"(?:(?!\band\s+(?:then\s+)?[a-z]+ed\b)[^,])*"
            # ... nor where the trigger is itself the next verb: "to stop them from praying and destroyed
            # their property", "police who tried to stop two men were shot".
            r"(?<!\sand\s)(?<!\swas\s)(?<!\swere\s)$"
        ),
    ),
    # "promised to refrain from attacks", "to suspend attacks against public vehicles", "the end of bomb
    # explosions", "ceases its acts of sabotage": acts renounced or wished away ("at the end of the
    # attack" says when).
    (
        "plan",
        re.compile(
            r"\b(?:(?:refrain\w*|abstain\w*|desist\w*)\s+from|(?:to\s+)?(?:suspend|cease[sd]?|renounce))\s+"
            r"(?:(?:its|their|any|all)\s+)?(?:(?:forms?|kinds?|acts?)\s+of\s+)?(?:[\w-]+\s+){0,2}$"
            # ... but "put an end to the terrorist operation" ended a definite act, which happened.
            r"|\b(?:an?\s+end\s+to|(?<!at\s)the\s+end\s+of)\s+(?!(?:the|this|that|these|those|its|their)\b)"
            r"(?:[\w-]+\s+)?$"
        ),
    ),
    # "he incited assassination", "advocating murder": the speech is the act, not the violence it urges
    # (a definite act it set off, "incited the riot", did happen).
    (
        "incitement",
        re.compile(
            r"\b(?:incit(?:ed|es|ing|ement)|advocat(?:ed|es|ing)|glorif(?:ied|ies|ying)|apolog(?:y|ies|ists?)"
            r"\s+for)\s+(?:to\s+)?(?!(?:the|this|that|these|those)\b)(?:(?!(?:that|which|who)\b)[\w-]+\s+){0,2}$"
        ),
    ),
    # "we must also attack terrorists", "troops should fire": an obligation, not an act. Anchored at the
    # trigger, a few words back, so "must" in an earlier part of the clause does not count.
    ("plan", re.compile(r"\b(?:must|should|ought\s+to|needs?\s+to|have\s+to|has\s+to)\s+(?:\w+\s+){0,3}$")),
    # "the largest share of the killings", "most of the murders": a statistic over many acts (read before
    # the trigger, so not under the clause-wide "cumulative").
    (
        "generic",
        re.compile(
            r"\b(?:share|proportion|percent(?:age)?|majority|most|half|third|quarter)\s+of\s+"
            r"(?:the\s+|these\s+|those\s+|all\s+(?:the\s+)?)?$"
        ),
    ),
    # "the constant raids", "daily bombings": a pattern of acts, not one.
    (
        "generic",
        re.compile(
            r"\b(?:constant|frequent|incessant|continual|continuous|endless|daily|nightly)\s+(?:\w+\s+)?$"
            # "a climate of violence in which there are so many killed": a count beyond counting.
            r"|\bso\s+many\s+$"
        ),
    ),
)

# An inquiry whose object is the trigger takes a cue of the future or of doubt before it: "a commission
# which will investigate the murder of the Jesuits", "ready to carry out the investigation to clarify last
# Thursday's murder": what is to come is the inquiry, and the act it looks into happened. Only where the
# inquiry and a determiner stand right before the trigger (matched against the text before it): "will
# look into the area and attack any rebels" and "threatened to solve the crisis by bombing" stay threats.
INQUIRY = re.compile(
    r"\b(?:investigat\w+|inquir(?:y|ies)|probe|clarif(?:y|ied|ying)|shed\s+light\s+on)"
    r"\s+(?:(?:into|of|on)\s+)?(?:the|this|these|those|last\s+\w+['’]s|\w+day['’]s)"
    r"\s+(?:(?!(?:and|or|then|to|by)\b)[\w-]+\s+)?$"
)
INQUIRY_CUES = frozenset({"threat", "plan", "hypothetical"})

# An aside to the reader is no cue: "as you will recall, Montoya was kidnapped on 20 December" tells of
# the reader's memory, not of a future or of history (the act's own date says how old it is).
READER_ASIDE = re.compile(
    r"\bas\s+(?:you|we)\s+(?:will\s+|may\s+|might\s+|well\s+)?(?:recall|remember|know)\b"
)

# "the deadliest attack this year" names an event: the cumulative and historical cues inside such a
# superlative are ignored.
SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|largest|biggest|bloodiest|most\s+\w+|first|latest)\s+(?:\w+\s+){0,4}?(?:this\s+"
    r"(?:year|month)|since\s+\S+(?:\s+\S+)?"
    r"|in\s+(?:(?:the\s+)?(?:last|past)\s+)?(?:\w+\s+)?(?:years|decades|months)|in\s+recent\s+\w+)"
)

# Reasons that apply to the whole clause whichever side of the trigger they stand on.
CLAUSE_WIDE = frozenset({"cumulative", "historical"})

# A new event, not another mention of the one before ("in a separate attack", "elsewhere").
NEW_EVENT_CUE = re.compile(
    r"\b(?:separate(?:ly)?|another|elsewhere|second\s+(?:attack|incident|blast|bombing|raid|strike)"
    r"|in\s+a\s+(?:later|different|similar)\s+(?:attack|incident)|meanwhile|in\s+other\s+(?:news|violence)"
    r"|earlier\s+(?:on|in)\s+the\s+(?:day|week)|also\s+(?:on|in)\s+\w+day)\b"
)

# The definite mention of an event already reported: "the raid", "the attack", "this operation".
ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those|its|their)\s+(?:\w+\s+){0,2}(?:operation|raid|attack|assault|"
    r"mission|bombing|blast|explosion|strike|airstrike|ambush|clash(?:es)?|fighting|incident|violence|"
    r"shooting|offensive|protest|demonstration|rally|march|riot|unrest|kidnapping|abduction|arrests?|"
    r"operation|killings?|massacre)\b"
)

# Clause boundaries: a mention's cues are read inside its clause.
CLAUSE_BREAK = re.compile(
    r";|:|\s[-–—]{1,2}\s|,\s+(?:but|while|whereas|although|though|however|after|before|as|which|who|when|"
    r"where)\b|\b(?:but|however|although|though|whereas|while|because)\b"
)
