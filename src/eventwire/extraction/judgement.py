"""Whether a mention reports one specific, real act: the judgement that follows the trigger cues.

:mod:`eventwire.extraction.lexicon` rejects a trigger for what stands *before* it in its clause ("denied",
"threatened to", "we must attack", "the constant raids"). What is here looks further:

- cues that span or follow the trigger ("they have killed many people", "demonstrations are
  multiplying", "the report that she was wounded is unfounded");
- figurative senses ("an attack against the nation", "an explosion of joy");
- a plural noun with nothing that pins it down ("only some bombings and shootings", "a democracy that has
  had to face bombs"): no determiner, no toll, no date and no place in any sentence of the event;
- an act imagined as the subject of a conditional ("to bomb the villages would be a barbaric act"), an
  attack in words ("harshly attacked the president");
- a toll in the thousands with no date ("the killing of over 70,000 Salvadorans"), which is a war's
  toll, not an event's.

All patterns run on lower-cased text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extraction.lexicon import A_FORCE
from eventwire.text.dates import MONTHS
from eventwire.text.regex_starts import prefiltered

# Read on the trigger's sentence, each with where it must stand: "spans" the trigger ("they have killed
# many people"), "next" right after it ("demonstrations are multiplying") or anywhere "after" it ("the
# report that she was wounded is unfounded").
AROUND_CUES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "generic",
        "spans",
        re.compile(
            r"\b(?:have|has|had)\s+(?:been\s+)?(?:killed|attacked|murdered|kidnapped|bombed|massacred)\s+(?:so\s+)?"
            r"(?:many|numerous|countless|thousands|hundreds|dozens|scores|untold)\b"
        ),
    ),
    (
        "generic",
        "next",
        re.compile(
            r"(?:\s+[a-z]+)?\s+(?:are|is)\s+(?:\w+\s+)?(?:multiplying|on\s+the\s+rise|increasing|spreading|growing|mounting)\b"
        ),
    ),
    # "the killings must stop", "the attacks should end": an appeal about such acts in general.
    ("generic", "next", re.compile(r"(?:\s+[a-z]+)?\s+(?:must|should)\s+(?:stop|end|cease)\b")),
    # "the dictatorship which assassinates priests", "the criminals who attack the population": what a
    # group does as a rule, told in a relative clause in the present simple. After "which" only a verb
    # that cannot be a noun ("investigators asked which bomb killed him").
    (
        "generic",
        "spans",
        re.compile(
            r"\b(?:who\s+(?:\w+ly\s+|also\s+|still\s+)?(?:assassinates?|kills?|murders?|massacres?|kidnaps?"
            r"|tortures?|attacks?|bombs?)|which\s+(?:\w+ly\s+|also\s+|still\s+)?(?:assassinates|kills|murders|kidnaps"
            r"|tortures))\b"
        ),
    ),
    # "not a single shot will be fired", "the attack will never take place": the act is to come, if ever.
    (
        "future",
        "next",
        re.compile(
            r"(?:\s+[a-z]+)?\s+(?:will|shall|would)\s+(?:not\s+|never\s+)?(?:be\s+(?:fired|carried\s+out"
            r"|launched|staged|committed)|take\s+place|occur|happen)\b"
        ),
    ),
    # "an attack is not possible", "the surrender of the guerrillas is impossible" (within the act's own
    # phrase: "attacked the village and escape was not possible" happened).
    (
        "hypothetical",
        "next",
        re.compile(
            r"(?:\s+(?!(?:and|but|or|so|then)\b)[a-z]+){0,4}?\s+(?:is|are|was|were|seems?)\s+(?:not\s+possible|impossible|unthinkable"
            r"|out\s+of\s+the\s+question)\b"
        ),
    ),
    # "the torture and murders that have become a daily occurrence": a pattern, named as such (the acts
    # so named, right before it: "killed 5 in attacks that have become common" still killed 5).
    (
        "generic",
        "next",
        re.compile(
            r"\s+(?:that|which)\s+(?:has|have|had)\s+(?:\w+ly\s+)?(?:become|became)\s+(?:a\s+|an\s+)?(?:daily|everyday|common|routine|frequent|regular"
            r"|constant)\b"
        ),
    ),
    # "the arrest orders against the former mayor", "an arrest warrant was issued", "gave the attack
    # order": an order for the act, not the act (an arrest made on a warrant is told by its own verb:
    # "police arrested him on a warrant").
    (
        "not conflict",
        "next",
        re.compile(
            # ("the attacks warrant an inquiry" is a verb; after "arrest" it is always the noun)
            r"(?<=arrest)\s+(?:orders?|warrants?)\b|(?<!arrest)\s+(?:orders?|warrants?)\b(?!\s+(?:an?|the|further"
            r"|more|serious|urgent|immediate|investigation|inquiry|attention|action|concern|scrutiny)\b)"
        ),
    ),
    # "a ceasefire agreement would be signed next month": a deal to come.
    (
        "future",
        "after",
        re.compile(r"\b(?:would|will|(?:is|are)\s+(?:expected|due|set|scheduled)\s+to)\s+be\s+signed\b"),
    ),
    (
        "denial",
        "after",
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:unfounded|untrue|baseless|groundless|fabricated)\b"
        ),
    ),
)
# (each cue tried only where one of its starts stands: see regex_starts.prefiltered; the same matches)
AROUND_CUES = tuple((reason, where, prefiltered(cue)) for reason, where, cue in AROUND_CUES)

FIGURATIVE = re.compile(
    r"attacks?\s+(?:against|on)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:\w+\s+)?(?:nation|democracy|freedom"
    r"|constitution|sovereignty|peace|dignity|rights|reputation|honou?r|institutions|economy|currency|press"
    r"|homeland|fatherland|motherland"
    r"|values|faith|family|truth|middle\s+class|working\s+class|free\s+speech|free\s+press|science"
    r"|culture|tradition|judiciary|rule\s+of\s+law|civil\s+liberties|privacy)\b"
    r"|explosions?\s+of\s+(?:joy|freedom|anger|rage|hope|popular|democracy|colou?r|creativity|growth|emotion"
    r"|enthusiasm|laughter)"
    # "critics exploded with praise", "sales exploded in popularity", "the film exploded onto the scene"
    r"|explod(?:ed|es|ing)\s+(?:with|in|into|onto)\s+(?:the\s+)?(?:praise|laughter|anger|rage|joy|applause"
    r"|cheers|fury|outrage|excitement|popularity|colou?r|life|scene|charts|song|tears|growth)"
    # "sales shot up by 40 percent", "shares shot up in early trading" (not "gunmen shot up a bar", "shot
    # up to 20 people"; "prices shot up after OPEC" is read in everyday_reason, where the market is named)
    r"|sho(?:t|ot|oting)\s+up\s+(?:by\s+)?(?:(?:to|from|nearly|almost|more\s+than|over)\s+)?[$€£]?\d[\d.,]*"
    r"\s*(?:%|percent|per\s+cent|points?|billion|million|fold)|sho(?:t|ot|oting)\s+up\s+(?:to\s+)?(?:a\s+)?record"
    r"|sho(?:t|ot|oting)\s+up\s+in\s+(?:early|late)\s+trading"
    r"|explod(?:ed|es|ing)\s+(?:higher|lower|onto\s+the\s+market)"
    r"|fired\s+a\s+warning\s+shot\s+(?:at|to|across)\s+(?:the\s+)?(?:markets?|investors|banks?|rivals?|bows)"
    r"|blew\s+up\s+on\s+(?:social\s+media|streaming|twitter|tiktok|instagram|the\s+internet|youtube)"
    r"|bombed\s+at\s+(?:the\s+)?(?:\w+\s+)?(?:box\s+office|fringe|festival|oscars|awards|polls)"
    r"|fighting\s+(?:a\s+)?(?:losing|uphill)\s+battles?"
    r"|robbing\s+peter|fell\s+to\s+(?:a\s+|an\s+|its\s+|their\s+)?(?:\d|record|(?:\w+-)?(?:year|month|week)\s+low)"
    r"|battl(?:e|ed|es|ing)\s+(?:(?:two|three|several|a|the)\s+)?(?:[\w-]+\s+)?(?:fires?|blazes?|flames|wildfires?)\b"
    r"|battles?\s+(?:with|against)\s+(?:the\s+)?courts?\b"
    r"|demonstrations?\s+of\s+(?:[\w-]+\s+)?(?:power|force|strength|capabilit(?:y|ies)|technology)\b"
    r"|storm(?:ed|ing)?\s+(?:on\s+to\s+|onto\s+)?the\s+(?:pitch|field|stage|charts)"
    r"(?=\s*(?:[,.;]|$)|\s+(?:after|at\s+the\s+(?:final|end)|in\s+celebration|to\s+celebrate|when|as))"
    # "heavy fighting in the Senate over the budget"
    r"|(?:[a-z]+\s+)?fighting\s+(?:in|within|inside)\s+(?:the\s+)?(?:senate|parliament|congress|assembly|cabinet|party"
    r"|coalition|courts?|boardroom)\b(?!-)|fought\s+(?:in|through)\s+the\s+courts"
    r"|fired\s+blanks"
)

# "harshly attacked the president", "verbally attacked the minister": an attack in words.
_VERBAL = re.compile(
    r"\b(?:verbally|harshly|sharply|bitterly|(?:a|an)\s+(?:blistering|scathing|stinging|withering|veiled"
    r"|thinly\s+veiled|verbal|rhetorical|personal|political))\s+$"
)

# A plural noun for an act: "bombings", "attacks", "clashes", "bombs", "demonstrations".
_PLURAL_ACT = re.compile(
    r"^(?:\w+\s+)?(?:bombings|attacks|shootings|kidnappings|abductions|raids|bombs|clashes|battles"
    r"|assassinations|massacres|explosions|blasts|ambushes|skirmishes|killings|murders|demonstrations"
    r"|protests|riots|rallies|strikes|air\s*strikes|bombardments|executions|hostilities|arrests)$"
)
# What pins a plural down: "the attacks", "these bombings", "two explosions", "both raids", "their attacks",
_DETERMINER = re.compile(
    r"\b(?:the|these|those|both|its|their|his|her|our|twin|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|\d+|several|simultaneous|coordinated|separate)\s+(?:[\w-]+\s+){0,2}$"
)
# ... or a non-explosive "bomb" ("tear gas bombs", "petrol bombs"): thrown at someone, an act,
_NOT_EXPLOSIVE = re.compile(r"(?:gas|smoke|stink|paint|petrol|fire|molotov)\s+$")
# ... or what follows it: who fought ("clashes between students and police"), over what, where, what happened.
_PINNED_AFTER = re.compile(
    r"\s+(?:between|over|against|by|in|at|near|on|targeting|erupted|broke|followed|took\s+place|were\s+reported"
    r"|continued|killed|left)\b"
)

MASS_TOLL = 1000
"""A toll this large with no date is a war's or a regime's, not one event's."""


def around_reason(lower: str, sentence_end: int, clause_start: int, start: int, end: int) -> str | None:
    """Why the trigger at ``start:end`` does not report an act, from the cues around it, or None."""
    for reason, where, cue in AROUND_CUES:
        if where == "spans":
            spans = (
                m for m in cue.finditer(lower, clause_start, sentence_end) if m.start() <= start < m.end()
            )
            match = next(spans, None)
        elif where == "next":
            match = cue.match(lower, end, sentence_end)
        else:
            match = cue.search(lower, end, sentence_end)
        if match:
            return f"{reason} ({match.group(0).strip()!r})"
    imagined = _imagined_act(lower, clause_start, start, end, sentence_end)
    if imagined:
        return f"hypothetical ({imagined!r})"
    match = _VERBAL.search(lower, max(clause_start, start - 20), start)
    if match and lower.startswith("attack", start):
        return f"not conflict (words: {match.group(0).strip()!r})"
    match = FIGURATIVE.match(lower, start, sentence_end)
    if match:
        return f"not conflict (figurative: {match.group(0).strip()!r})"
    return None


# "to bomb the civilian population would be a barbaric act", "any effort to carry out bombings would be
# futile": the act, in an infinitive that is the clause's subject, is judged by a conditional, an act
# imagined. Both halves are needed, and the infinitive must open the clause (or follow "any effort" and
# the like): "he came to bomb the bank and was arrested" and "gunmen tried to kill the mayor in what
# could be a political crime" happened; "the bomb would have killed more" tells of a bomb that went off.
_SAYING = r"(?:says?|said|warned|stated|added)\s+(?:that\s+)?"
_INFINITIVE = re.compile(
    rf"(?:^|[,;:]\s*|\b{_SAYING}"
    r"|\b(?:any|an?|the|every)\s+(?:\w+\s+)?(?:efforts?|attempts?|plans?|decisions?|orders?|intentions?|idea)\s+)"
    r"to\s+(?:(?:\w+ly|carry\s+out|commit|stage|launch)\s+)?"
    r"(?:(?!(?:the|a|an|this|that|its|their)\s)[\w-]+\s+)?$"
)
_CONDITIONAL = re.compile(
    r"[^.;:]*?\b(?:would|could|might)\s+(?:not\s+|also\s+)?(?:be|constitute|mean|amount)\b"
)
_SAID_OR_COMMA = re.compile(rf"^(?:[,;:]\s*|{_SAYING})")
_FINITE_OR_SAID = re.compile(r"\b(?:said|says|what|which|that|who|was|were|is|are|has|have|had)\b")


def _imagined_act(lower: str, clause_start: int, start: int, end: int, sentence_end: int) -> str | None:
    """The conditional that makes the act an imagined one ("to bomb ... would be"), or None."""
    head = lower[clause_start:start].lstrip()
    infinitive = _INFINITIVE.search(head) if len(head) <= 60 else None
    if infinitive is None:
        return None
    conditional = _CONDITIONAL.match(lower, end, sentence_end)
    # "in what police said could be a crime": a finite verb between the act and the conditional makes the
    # conditional another clause's.
    if conditional is None or _FINITE_OR_SAID.search(conditional.group(0)):
        return None
    verb = " ".join(conditional.group(0).split()[-2:])
    phrase = _SAID_OR_COMMA.sub("", infinitive.group(0).strip())
    return f"{phrase} {lower[start:end]} ... {verb}"


# A list the speaker calls to mind: "let us recall the explosion of the airliner; the bomb at the police
# headquarters; the murder of many journalists". Each item after a semicolon is history like the first.
RECALL_HEAD = re.compile(
    r"\b(?:let\s+us|let's|we\s+(?:must\s+|should\s+|will\s+|all\s+)?)\s*(?:recall|remember)\b"
)
# An item of such a list opens with a noun phrase, not with a clause of its own ("; the police said").
_LIST_ITEM = re.compile(
    r";\s*(?:and\s+)?(?:the|a|an|those|these)\s+(?!\w+\s+(?:said|say|says|added|reported)\b)"
)


# A verb in the past: "; the attack on Monday killed 12 people" tells news, not an item of a list.
_PAST_VERB = re.compile(
    r"\b(?:(?!(?:hundred|united|armed|alleged|red|sacred|naked|wicked|beloved|aged|wounded|detained"
    r"|disappeared|accused|deceased|so-called|unarmed|masked|hooded|uniformed)\b)\w+ed|was|were|had|has|have"
    r"|left|shot|hit|struck|took|blew)\b"
)


def recalled_item(lower: str, sentence_start: int, clause_start: int, clause_end: int) -> str | None:
    """The recall cue whose list the clause at ``clause_start`` is an item of ("let us recall ...; the
    bombing of ..."), or None. An item is a noun phrase: a clause with a verb of its own is not one."""
    if not _LIST_ITEM.match(lower, clause_start) or _PAST_VERB.search(lower, clause_start, clause_end):
        return None
    heads = list(RECALL_HEAD.finditer(lower, sentence_start, clause_start))
    return heads[-1].group(0).strip() if heads else None


def bare_plural(lower: str, clause_start: int, start: int, end: int) -> bool:
    """Whether the trigger is a plural noun for acts with no determiner or number before it."""
    if not _PLURAL_ACT.match(lower[start:end]) or _PINNED_AFTER.match(lower, end):
        return False
    before = lower[max(clause_start, start - 40) : start]
    return not (_DETERMINER.search(before) or _NOT_EXPLOSIVE.search(before))


# -- everyday senses: sport, business, weather and petty crime ---------------------------------------
#
# News is mostly not about conflict, and many trigger words have an everyday sense there: "the striker
# scored twice", "fired a shot past the keeper", "the company killed its programme", "the storm battered
# the coast", "the minister attacked the budget plan in a speech", "police arrested a shoplifter", "the
# bomb squad was called". Each check below reads the trigger's own words and sentence; none applies where
# the sentence names people hurt or an armed or state actor beside a sport's words ("fans clashed with
# police after the match" is a riot).

# A match report's words: two of them in the sentence make it one.
_SPORT_WORD = re.compile(
    r"\b(?:goals?|scored|(?:goal)?keeper|goalie|striker|midfielder|innings?|wickets?|referee|touchdowns?"
    r"|quarterback|half-?time|kick-?off|\d+(?:st|nd|rd|th)\s+minute|equali[sz]er|hat-?trick|fixture"
    r"|championship|play-?offs?|semi-?finals?|grand\s+prix|matchday|title\s+race|home\s+runs?|(?:\d+|two|three)-run"
    r"|pitcher|batter|(?:scor\w*|won|led|finished\s+with|had)\s+\d+\s+points|\d+-\d+\s+(?:win|victory|defeat|draw|loss)"
    r"|(?:drew|drawn|won|lost|beat|beating|thrashed|crushed|trailed|led|leading)\s+(?:\w+\s+)?\d+-\d+)\b"
)
# Kinds a match report never uses: a blast, a strike from the air, a shell, a grenade is no move of a game.
_WEAPON_KINDS = frozenset({"suicide", "chemical", "air", "shelling", "ied", "grenade", "explosion", "abduct"})
# ... nor a crowd's: "youths rioted in Bamako after Mali's 1-0 defeat" (and a fight needs a third sign:
# "clashes erupted after Mali drew 1-1").
_NO_SPORT_KINDS = _WEAPON_KINDS | {"kill", "injure", "riot", "mob", "protest"}
# People hurt or a force or a crowd that fights: a sport's words beside them leave the act real.
_HURT_OR_FORCE = re.compile(
    r"\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring|hurt|hospitali[sz]ed|abducted|kidnapped"
    r"|police\w*|soldiers?|troops|army|gunm[ae]n|militants?|rebels?|bandits|attackers|gunfire|junta"
    r"|authorities|security\s+forces|fans|supporters|hooligans|ultras|spectators|tear\s*gas)\b"
)
# An object that is a plan, a deal or a show, not a person, a place or a thing that can be hit: "killed
# its electric car programme", "attacked the opposition's budget plan", "blew up the souffle recipe".
# The end of an object's phrase: "the project manager" is a person, "the project in" a project.
_OBJECT_ENDS = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|for|with|by|and|but|after|before|as|that|which|to|of|over|from"
    r"|this|last|during|while|because)\b)"
)
_ABSTRACT_OBJECT = re.compile(
    r"(?:\s+(?:on|against|upon))?\s+(?:(?:the|a|an|its|his|her|their|our|this|that|these|those|[\w-]+['’]s?)\s+)?"
    r"(?:(?!(?:and|or|but|in|on|at|with|hit|hits|struck|targeted)\s)[\w'’-]+\s+){0,3}?(?:plans?|proposals?|bills?"
    r"|budgets?|polic(?:y|ies)|deals?"
    r"|ideas?|recipes?|records?|decisions?|reforms?|laws?|motions?|initiatives?|remarks|comments|claims"
    r"|strateg(?:y|ies)|agenda|manifesto|rumou?rs?|bids?|mergers?|rulings?|verdicts?|nominations?"
    r"|candidacy|speech|albums?|songs?|prices?|tax(?:es)?|tariffs?|rates?|handling|performance)"
    + _OBJECT_ENDS
)
_ABSTRACT_KINDS = frozenset({"attack", "kill", "explosion", "raid"})
# A programme or a project is a plan only as its owner's ("killed its car programme"): "attacked a
# hydropower project", "Israel attacked Iran's nuclear programme" hit something real.
_OWN_PROGRAMME = re.compile(
    r"\s+(?:the\s+)?(?:its|their|his|her|our|[\w-]+['’]s)\s+"
    r"(?!(?:[\w'’-]+\s+){0,3}?(?:nuclear|missile|weapons?|military|drone|space|chemical|enrichment)\b)"
    r"(?:[\w'’-]+\s+){0,3}?(?:programm?es?|projects?)" + _OBJECT_ENDS
)
# ... and a programme or a project killed is always one stopped ("the BBC killed the quiz programme").
_KILLED_PROGRAMME = re.compile(
    r"\s+(?:off\s+)?(?:the|a|an|its|their|his|her|our|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?(?:programm?es?"
    r"|projects?|shows?|series|plans?)" + _OBJECT_ENDS
)
# An attack in words, told by where it was made: "attacked the plan in a fiery speech", "on Twitter"
# (read up to the end of the attack's own phrase: "the governor said on radio" tells who reported it).
_IN_WORDS = re.compile(
    r"\b(?:in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:speech|interview|statement|op-ed"
    r"|editorial|letter|tweet|address|press\s+conference|debate|podcast)|on\s+(?:twitter|x|facebook"
    r"|social\s+media|television|tv|radio|instagram|tiktok))\b"
)
_PHRASE_END = re.compile(
    r"[,;:]|\b(?:said|says|told|reported|according|over|about|for|after|because|when|while|\w+ing)\b"
)
_NATURE_REACH = 100  # characters around the trigger where a natural cause names what did it
# Nature, fire and machines as what did it: "the storm battered the coast", "fire broke out ... injuring".
_NATURAL_CAUSE = re.compile(
    r"\b(?:(?:the|a|an|tropical|winter|severe|heavy|violent|dust|snow)\s+storms?|storms\s|^storm\s+\w+"
    r"|hurricane|typhoon|cyclone|tornado(?:es)?|blizzard|tsunami|avalanche|mudslides?|quake|tremors?"
    r"|wildfires?|bushfires?|forest\s+fires?|earthquakes?|flash\s+floods?|floods\s+(?:hit|swept|killed|destroyed)"
    r"|(?:a|the)\s+(?:huge\s+|massive\s+|large\s+|major\s+)?fire\s+(?:at|in|on|broke|that|which)\b"
    r"|house\s+fire|blaze|fire\s+broke\s+out|firefighters|(?:mine|building|bridge|roof)\s+collapse[sd]?"
    r"|heavy\s+rains?|torrential|floodwaters|power\s+outage"
    # a vehicle's accident: "a bus overturned", "the plane crashed shortly after take-off"
    r"|(?:plane|helicopter|aircraft|airliner|jet|bus|buses|minibus|cars?|vehicles?|trucks?|lorry|lorries"
    r"|tanker|trains?|boat|ferry|vessel|ship)\s+(?:[\w-]+\s+){0,2}?(?:crashed|overturned|capsized|derailed"
    r"|collided|plunged|sank|veered|skidded|caught\s+fire))\b"
)
# (tried only where one of its starts stands, at word starts: see regex_starts.prefiltered; the same matches)
_NATURAL_CAUSE = prefiltered(_NATURAL_CAUSE, word_start=True)
# ... and what makes a blast an accident: "a gas explosion", "a boiler explosion" ("fire broke out after an
# explosion" says what the blast did, not what it was).
_ACCIDENTAL_BLAST = re.compile(
    r"\b(?:gas\s+(?:leak|explosion)|(?:cylinder|tank|pipeline)\s+(?:explosion|blast|burst)|boiler|fireworks?)\b"
)
_BLAST_KINDS = frozenset({"explosion", "ied", "grenade", "suicide"})
# A bomb that is no weapon here: "the bomb squad", "a bomb scare", "a bomb threat", a false alarm.
_NO_BOMB = re.compile(
    r"(?:\s+(?:squad|disposal|scares?|threats?|hoax(?:es)?|alerts?|sniff\w*|detection|shelters?)\b|-proof\b"
    r"|-sniffing\b)"
)
# Weapons, arson and armed actors: with one of them in the sentence, a fire or a blast is no accident
# ("a gas cylinder bomb", "arsonists set fire to the mosque and firefighters put out the blaze").
_WEAPON_OR_ARMED = re.compile(
    r"\b(?:bombs?|ieds?|explosives?|grenades?|rockets?|mortars?|shell(?:s|ed|ing)|guns?|gunfire|rifles?"
    r"|suicide|militants?|gunm[ae]n|rebels?|insurgents?|jihadists?|soldiers|troops|attack\w*|arson\w*"
    r"|set\s+(?:fire|ablaze)|torch\w*|petrol\s+bombs?|molotov|shot|(?<!film\s)(?<!photo\s)shooting|downed"
    r"|missiles?|ambush\w*|armed|bandits|terrorists?|drones?\s+(?:strikes?|attacks?|struck|hit|fired)"
    r"|(?:air|drone|missile|rocket|military)\s*strikes?|saboteurs?|attackers|kidnapp\w*|abduct\w*)\b"
)
_ALARM_REACH = 100  # characters after a bomb where a false alarm is told of it
_FALSE_ALARM = re.compile(r"\b(?:false\s+alarm|turned\s+out\s+to\s+(?:be|hold|contain)|proved\s+harmless)\b")
# An arrest for a petty or a white-collar crime is police work, not a political event (ACLED codes
# arrests in the context of conflict or of politics).
_PETTY_CRIME = re.compile(
    r"\b(?:for|of|on\s+suspicion\s+of|suspected\s+of|charged\s+with|accused\s+of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shoplifting|theft|stealing|burglary|burglaries|pickpocketing|fraud|embezzl\w+|drunk(?:en)?[\s-]+driving"
    r"|drink[\s-]+driving|speeding|traffic\s+offen[cs]es?|tax\s+evasion|vandalism|trespass\w*"
    r"|insider\s+trading|shoplift\w*|possession\s+of\s+(?:cannabis|marijuana|drugs))\b"
    r"|\bon\s+(?:[\w-]+\s+){0,2}?(?:fraud|theft|burglary|drugs?|insider\s+trading|tax\s+evasion|embezzlement"
    r"|drink[\s-]driving|drunk[\s-]driving)\s+charges\b"
)
# An act named as a charge in court: "charged with first degree murder and two counts of aggravated
# assault", "pleaded guilty to kidnapping": the court's business, its act told elsewhere if at all.
_CHARGE_BEFORE = re.compile(
    r"\b(?:charged\s+with|convicted\s+of|guilty\s+of|pleaded\s+(?:not\s+)?guilty\s+to|acquitted\s+of"
    r"|on\s+trial\s+for|tried\s+for|indicted\s+(?:for|on)|counts?\s+of|sentenced\s+for|jailed\s+for"
    r"|charged\s+(?:over|after|in\s+connection\s+with)|charge[sd]?\s+(?:[\w-]+\s+){1,3}?over)"
    r"\s+(?:[\w-]+\s+){0,3}\Z"
)
# Politicians who clash over a bill, markets that shoot up: "senators clashed over the defence budget",
# "oil prices shot up after OPEC" (not "rival militias clashed over the oil deal", "the convoy was shot up").
_POLITICIANS_BEFORE = re.compile(
    r"\b(?:senators?|lawmakers?|mps|ministers?|politicians?|leaders?|officials?|executives?|parties|party|board"
    r"|members|deputies|delegates|senate|congress|parliament|assembly|cabinet"
    r"|the\s+(?:government|opposition|president|chancellor|premier))\b"
)
_CLASH_OVER = re.compile(
    r"\s+over\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:budget|bill|policy|plan|issues?|reforms?|laws?|deal|tax"
    r"|tariffs?|spending|rules?|appointments?)\b"
)
_MARKET_BEFORE = re.compile(
    r"\b(?:prices?|shares?|stocks?|sales|oil|inflation|rates?|yields?|demand|costs?|index|bitcoin|values?"
    r"|profits?|revenues?|exports?|imports?)\s+(?:[\w'’-]+\s+){0,3}\Z"
)
_CYBER_BEFORE = re.compile(r"(?:cyber|malware|ransomware|phishing|ddos|hacker|hacking)[\s-]*\Z")
_BALL_GAME_SHOT = (
    r"(?:(?:two|three|\d)-run|solo|walk-?off|grand[\s-]slam|(?:game|match|series)[\s-]winning|buzzer[\s-]beating"
    r"|jump|three-point|free-throw|penalty|drop)\s+\Z"
)
# Another sense of the word, read right before it: "a cardiac arrest", "the Easter vigil", "the projects
# have been executed by army engineers".
_OTHER_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arrest", re.compile(r"(?:cardiac|heart|respiratory)\s+\Z")),
    ("vigil", re.compile(r"(?:easter|paschal|christmas)\s+\Z")),
    (
        "battl",
        re.compile(
            r"(?:losing|uphill|hard[\s-]fought|competitive|ratings|bidding|price|legal|court|bruising)\s+\Z"
        ),
    ),
    ("fought", re.compile(r"(?:hard|closely|keenly|narrowly)[\s-]\Z")),
    # a ball game's: "a three-run blast", "her game-winning shot", "a walk-off shot"
    ("blast", re.compile(_BALL_GAME_SHOT)),
    ("shot", re.compile(_BALL_GAME_SHOT)),
    # deaths no one caused: "investigating the sudden deaths of two people"
    ("death", re.compile(r"(?:sudden|natural|cot|crib|peaceful)\s+\Z")),
    (
        "execut",
        re.compile(
            r"(?:projects?|plans?|orders?|programm?es?|contracts?|works?|strateg(?:y|ies)|trades?|transactions?"
            r"|warrants?|agreements?)\s+(?:(?:have|has|had|were|was|are|is|being|been|will|be)\s+){0,2}\Z"
        ),
    ),
)
_WITHDREW_FROM_PROCESS = (
    r"(?<=from)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:parole|race|contest"
    r"|elections?|primary|talks|negotiations|competition|tournament|championship|league|deal|bid|consideration"
    r"|programm?e|scheme|hearing|trial|nomination|candidacy)\b"
)
_SOCIAL_ILL = (
    r"\s+(?:against|on)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:drugs?|opioids?|addiction"
    r"|cancer|diseases?|obesity|corruption|poverty|inflation|covid(?:-19)?|coronavirus|virus|pandemic|epidemic"
    r"|climate\s+change|fentanyl|crime|hunger|malaria|hiv|aids|diabetes|fraud|piracy|craze|dementia|smoking"
    r"|unemployment|homelessness|illiteracy|waste|plastic|pollution|weeds|pests)\b"
)
# Another sense of the word, read right after it: "lashed out at the referees" (words), "struck a $944
# million deal", "150 dead fish washed up", "the battle against the opioid craze", "feel under attack".
_OTHER_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("lash", re.compile(r"(?:es|ed|ing)?\s+out\b")),
    # withdrawn from a race or a process, not from ground: "withdrew from parole consideration"
    ("withdr", re.compile(_WITHDREW_FROM_PROCESS)),
    # a comeback in a game: "battled back from 15 points down", "fought back to win"
    ("battl", re.compile(r"(?:e|ed|es|ing)?\s+back\s+(?:from|to\s+(?:win|beat|draw|tie|level|force))\b")),
    ("fought", re.compile(r"\s+back\s+(?:from|to\s+(?:win|beat|draw|tie|level|force))\b")),
    (
        "struck",
        re.compile(
            r"\s+(?:a|an|the)\s+(?:[\w$€£.,'’-]+\s+){0,4}?(?:deals?|agreements?|accords?"
            r"|contracts?(?!\s+(?:workers?|employees|staff|soldiers))|partnerships?"
            r"|bargains?|compromises?|balance|chord|note|pose|tone)\b"
        ),
    ),
    (
        "dead",
        re.compile(
            # (not "seven dead as cattle raiders strike": no word of a clause between, no raider after)
            r"\s+(?:(?!(?:as|and|after|when|while|in|at|on|by|from|with|including|among)\b)[\w-]+\s+)?"
            r"(?:fish|mullet|birds?|cattle|cows|sheep|goats|whales?|dolphins?|seals|turtles?|pigs|chickens|poultry"
            r"|bees|deer|animals|livestock|crows|pigeons|dogs|cats|horses|salmon|trout)\b"
            r"(?!\s+(?:raiders?|rustlers?|thieves|herders?|herdsmen|keepers?|traders?|farmers?|owners?))"
        ),
    ),
    ("battl", re.compile(_SOCIAL_ILL)),
    ("fight", re.compile(_SOCIAL_ILL)),
    ("war", re.compile(_SOCIAL_ILL)),
)
# Quarrels, not fights, where no one armed or hurt is named: "has clashed with Trump's son-in-law and
# adviser", "the clash reflects the tension over the trade deficit".
_CLASHED_WITH_COLLEAGUE = re.compile(
    r"\s+with\s+(?:(?:his|her|their|the)\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:son-in-law|daughter-in-law"
    r"|advis[eo]rs?|aides?|colleagues?|boss|coach|manager|chief\s+of\s+staff|teammates?|team-mates?|referees?"
    r"|umpires?|co-?stars?|chairman|board|shareholders|regulators?|publishers?|landlords?)\b"
)
_TRADE_TALK = re.compile(
    r"\b(?:tariffs?|trade\s+(?:war|deficit|surplus|dispute|talks|tensions?|barriers?|imbalance|policy)"
    r"|exports?|imports?|intellectual\s+property)\b"
)
# History long past, told as background: "assassinated Archduke Franz Ferdinand in June 1914"; "after
# the September 11th attacks" (a year after 1945 is judged with the event's date, not here).
_OLD_HISTORY = re.compile(
    # (not a thing's own date: "a church built in 1902", "a man born in 1940")
    r"(?<!built\s)(?<!founded\s)(?<!established\s)(?<!constructed\s)(?<!opened\s)(?<!erected\s)(?<!born\s)"
    r"(?<!dating\s)(?<!dates\s)(?<!created\s)"
    # (not "since": what has gone on since a year lasts to now, "a mosque that has stood there since 1890")
    r"\b(?:in|during)\s+(?:(?:the\s+)?(?:early|late|mid|summer|spring|autumn|fall|winter"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:of\s+)?)?"
    # (not "in 1200 villages", nor a clock's "since 1600 local time")
    r"(?:1[0-8]\d\d|19[0-3]\d|194[0-5])s?\b"
    r"(?!\s+(?:[a-z]+s|local|hours?|hrs|gmt|utc|yesterday|today|tonight|on|this|last)\b)"
)
# (tried only where one of its starts stands: see regex_starts.prefiltered; the same matches)
_OLD_HISTORY = prefiltered(_OLD_HISTORY)
_HISTORY_REACH = 80  # characters around the trigger where its year is told
_SEPTEMBER_11 = re.compile(
    r".*\b(?:september|sept\.?)\s+11(?:th)?,?\s+(?:\d{4}\s+)?(?:terror(?:ist)?\s+)?attacks?|.*\b9/11\s+"
    r"(?:terror(?:ist)?\s+)?attacks?"
)
_TAKEN_TO = re.compile(r"(?:took|taken)\s+to\b")
# "communities are feeling more targeted, more under attack": a feeling, not an act
_FELT_ATTACK = re.compile(r"\b(?:feel|feels|feeling|felt)\s+(?:[\w,]+\s+){0,4}?under\s+\Z")
# A camera's shot: "from the first shot, he looks like an Instagram model taking a selfie".
_CAMERA = re.compile(
    r"\b(?:cameras?|photo\w*|selfies?|instagram|snapshots?|lens|close-?ups?|scenes?|directors?|cinematograph\w*"
    r"|filmed|filming|footage|films?|movies?|videos?|trailers?|cinemas?)\b"
)
# "took a shot at Trump's proposed wall": a jab in words, where no one armed is named.
_JAB_BEFORE = re.compile(r"\b(?:took|take|takes|taking)\s+(?:a\s+)?(?:\w+\s+)?\Z")
_ARMED_NEAR = re.compile(
    r"\b(?:police\w*|soldiers?|troops|army|military|militants?|rebels?|insurgents?|jihadists?|militia\w*"
    r"|guerrillas?|fighters|security\s+forces|guns?|gunm[ae]n|rifles?|pistols?|snipers?|shooters?|attackers?"
    r"|assailants?|gunfire|bullets?|killed|killing|wounded|wounding|injured|injuring|dead)\b"
)
# What a book, a film or a talk is about: "a book about sexual abuse", "a documentary on the massacre".
_TOPIC_BEFORE = re.compile(
    r"\b(?:book|books|film|movie|documentary|novel|memoir|play|musical|exhibition|song|album|podcast|lecture"
    r"|seminar|workshop|conference|course|campaign|awareness|essay|poem)\s+(?:\w+\s+){0,3}?(?:about|on)\s+"
    r"(?:[\w'’-]+\s+){0,3}\Z"
)
# A trigger that is the sentence's verb, not a topic's noun: "a bombing campaign on rebel positions killed".
_FINITE_VERB = re.compile(r"[a-z]+ed\b|(?:shot|hit|struck|fought|blew|stormed|set|burnt|shelled)\b")
# "claims in the suit that he was unlawfully detained": an allegation in a civil case.
_LAWSUIT_CLAIM = re.compile(
    r"\b(?:claims?|claimed|alleges?|alleged|says?|said)\s+in\s+(?:the|a|an|his|her|their)\s+(?:\w+\s+)?"
    r"(?:law)?suit\b|\b(?:the|a|his|her|their)\s+(?:\w+\s+)?(?:law)?suit\s+(?:claims|alleges|says|said|claimed)\b"
)
# A pattern over years, not one act: "over the past three years, India has been hit by several protests".
_OVER_THE_YEARS = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:years|decades?)\b"
    # (in the trigger's own part of a list: "... in the past 16 years; the arrest"; not "..., and on Sunday")
    r"(?=(?:(?!,\s+(?:and|but)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
    r"|tonight|last\s+night)\b)[^;:])*\Z)"
)
# An earlier act as a time reference: "since the Ben Guerdane attack in March 2016, security forces ...".
_SINCE_THE = re.compile(r"(?:^[\"“‘'(]?|[.,;:]\s*|\n)since\s+(?:the|that|this)\s+(?:[\w'’-]+\s+){0,3}\Z")
# Theft and break-ins: "thieves broke into their van and stole the rig", "smashed a glass door to gain entry"
_THIEVES = re.compile(
    r"\b(?:thie(?:f|ves)|burglars?|burglary|burglaries|robbers|pickpockets?|shoplifters?|break-?ins?"
    r"|to\s+gain\s+entry)\b"
)
# (the police who report a theft are no armed party to it: "a gang of thieves stole 50 laptops, police said")
_ARMED_OR_CROWD = re.compile(
    _ARMED_NEAR.pattern.replace(r"police\w*|", "")
    + r"|\b(?:rioters|protesters|demonstrators|mobs?|crowds?|youths|looters|residents|villagers|strikers)\b"
)
# "the parties had notified the judge they had reached an agreement": a civil case settled.
_COURT_SETTLEMENT = re.compile(
    r"\b(?:judge|court|lawsuit|suit|plaintiffs?|defendants?|litigation|arbitration)\b"
)
# A vigil that is a church's rite: "the Paschal candle is lit at the start of the vigil".
_RITE = re.compile(
    r"\b(?:easter|paschal|bapti[sz]\w*|liturgy|homily|catholics|pilgrims|prayers?\s+service"
    r"|mass(?!\s+(?:arrests?|shootings?|graves?|protests?|killings?|murders?|detentions?|demonstrations?|rall\w+"
    r"|abductions?|kidnappings?|rapes?|casualt\w+|exodus|displacement|evacuations?|executions?|atrocit\w+)))\b"
)
# A vigil that demands or protests something is a protest, whoever holds it.
_VIGIL_DEMANDS = re.compile(
    r"\b(?:demand\w*|protest\w*|against|call(?:ed|ing|s)?\s+for|urg(?:e|ed|ing)|in\s+solidarity|justice)\b"
)
_CRIME_REACH = 80  # characters after an arrest where what it was for is said
# People whose arrest (or whose offices raided) is political whatever the charge: "arrested the opposition
# leader on suspicion of fraud".
_POLITICAL_PEOPLE = re.compile(
    r"\b(?:opposition|activists?|protesters?|demonstrators|journalists?|reporters?|lawmakers?|politicians?"
    r"|candidates?|dissidents?|critics?|senators?|deputies|mps?|mayors?|ministers?|militants?|rebels?"
    r"|insurgents?|strikers|unionists|bloggers?|(?:rights\s+)?defenders|fighters|militiam[ae]n"
    r"|party\s+(?:leaders?|officials?|members?))\b"
)


# A search of offices in an inquiry into a company's or an official's dealings is police work.
_INQUIRY_RAID = re.compile(
    r"\b(?:fraud|corruption|bribery|tax|money[\s-]laundering|embezzlement|insider[\s-]trading|antitrust"
    r"|accounting|financial)\s+(?:investigation|probe|inquiry|case|charges)\b"
    r"|\b(?:cannabis|marijuana|drugs?)\s+(?:farm|factory|lab|den|plantation)s?\b"
)


# A trigger found inside a longer word is that word's only after these ("counteroffensive", "carbomb",
# "firebombings", "gunshot", and "antiaircraft"; "called a protest", "performed a protest" end in a
# trigger's verb); inside any other word it is another word: "afraid", "generally", "patriot", "studied",
# "skills", "unexploded", "unhurt", "embattled", "everybody of", "antikidnapping".
_GLUED_PREFIXES = frozenset(
    {"counter", "car", "fire", "gun", "truck", "letter", "parcel", "nail", "pipe", "petrol", "mail", "air"}
)  # fmt: skip
# ... and these words, whose ending is a trigger's verb ("quelled a protest", "foiled an attack", "performed
# a protest"; not "cancelled a protest", "scheduled a strike", "informed the protest organisers").
_GLUED_WORDS = frozenset({"antiaircraft", "called", "quelled", "foiled", "performed"})
_LETTERS = re.compile(r"[^\W\d_]+\Z")


_SCORE = re.compile(r"\d+-\d+")


_BARE_LINK = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}/")  # "news.example.com/gunmen-kill-5"


def _in_web_address(lower: str, start: int) -> bool:
    """Whether ``start`` is inside a web address ("https://news.example.com/crews-battle-two-fires"): a
    page's link repeats its headline's words, and its own words are no report."""
    token = lower[max(lower.rfind(" ", 0, start), lower.rfind("\n", 0, start)) + 1 : start].lstrip("(<[\"'")
    return "://" in token or token.startswith("www.") or _BARE_LINK.match(token) is not None


def _sport_signals(sentence: str) -> int:
    """How many distinct match-report words the sentence has; a score ("drew 0-0", "a 3-0 defeat") is two."""
    found = {m.group(0) for m in _SPORT_WORD.finditer(sentence)}
    return len(found) + sum(1 for word in found if _SCORE.search(word))


def everyday_reason(
    lower: str, kind: str, sentence_start: int, sentence_end: int, start: int, end: int
) -> str | None:
    """Why the trigger of ``kind`` at ``start:end`` is a word in its everyday sense, or None."""
    if _in_web_address(lower, start):
        return "not a report (inside a web address)"
    glued = _LETTERS.search(lower, max(0, start - 12), start)
    word = glued.group(0) + lower[start:end].split()[0] if glued is not None else ""
    if glued is not None and glued.group(0) not in _GLUED_PREFIXES and word not in _GLUED_WORDS:
        return f"not conflict (inside the word {word!r})"
    if lower.startswith("er", end) and lower[start:end].endswith("fight"):  # "firefighters", "fire fighters"
        return "not conflict (firefighters)"
    if lower[start:end] == "striker":  # one striker is a forward; strikers on a picket line protest
        return "not conflict (sport: 'striker')"
    sentence = lower[sentence_start:sentence_end]
    # (a named armed group beside a match's words is an attack on it: "Al-Shabaab attacked the stadium at
    # half-time of the championship final")
    signals = _sport_signals(sentence) if kind not in _NO_SPORT_KINDS and not A_FORCE.search(sentence) else 0
    if signals >= (3 if kind == "fight" else 2) and not _HURT_OR_FORCE.search(sentence):
        return f"not conflict (sport: {_SPORT_WORD.search(sentence).group(0)!r})"  # type: ignore[union-attr]
    if kind in _ABSTRACT_KINDS:
        obj = _ABSTRACT_OBJECT.match(lower, end, sentence_end) or _OWN_PROGRAMME.match(
            lower, end, sentence_end
        )
        if obj is None and kind == "kill":
            obj = _KILLED_PROGRAMME.match(lower, end, sentence_end)
        if obj is not None:
            return f"not conflict (what was hit is no target: {obj.group(0).strip()!r})"
    # (the verb only: "claimed the attack in a statement" tells where the claim was made)
    if kind == "attack" and lower[start:end].endswith(("ed", "ing")):
        stop = _PHRASE_END.search(lower, end, sentence_end)
        words = _IN_WORDS.search(lower, end, stop.start() if stop else sentence_end)
        if words is not None:
            return f"not conflict (words: {words.group(0)!r})"
    if kind not in {"protest", "riot", "mob", "arrest"}:
        near = lower[max(sentence_start, start - _NATURE_REACH) : min(sentence_end, end + _NATURE_REACH)]
        cause = (_ACCIDENTAL_BLAST if kind in _BLAST_KINDS else _NATURAL_CAUSE).search(near)
        cause = cause or (_ACCIDENTAL_BLAST.search(near) if kind not in _BLAST_KINDS else None)
        if cause is not None and not _WEAPON_OR_ARMED.search(sentence):
            return f"not conflict (accident or nature: {cause.group(0)!r})"
    bomb = lower.startswith("bomb", start) or lower.startswith("bomb", end - 4)
    alarm_end = min(sentence_end, end + _ALARM_REACH)
    if bomb and (_NO_BOMB.match(lower, end) or _FALSE_ALARM.search(lower, end, alarm_end)):
        return "not conflict (no bomb went off: a bomb squad, scare, threat or false alarm)"
    inquiry = _INQUIRY_RAID.search(sentence) if kind == "raid" else None
    if inquiry is not None and not _POLITICAL_PEOPLE.search(sentence):
        return f"not conflict (police work: {inquiry.group(0)!r})"
    charge = _CHARGE_BEFORE.search(lower, max(sentence_start, start - 60), start)
    if charge is not None:
        return f"legal (a charge in court, not a report of the act: {charge.group(0).strip()!r})"
    if _CYBER_BEFORE.search(lower, max(0, start - 12), start):  # "a cyber attack" hurts computers
        return "not conflict (a cyber attack)"
    politicians = _POLITICIANS_BEFORE.search(lower, max(sentence_start, start - 50), start)
    if lower.startswith("clash", start) and _CLASH_OVER.match(lower, end) and politicians:
        return "not conflict (politicians clashing over a policy)"
    market = _MARKET_BEFORE.search(lower, max(0, start - 40), start)
    if market is not None and lower.startswith(("shot up", "explod", "soar", "crash"), start):
        return f"not conflict (figurative: {market.group(0).strip()!r} {lower[start:end]!r})"
    for word, before in _OTHER_BEFORE:
        other = before.search(lower, max(0, start - 40), start) if lower.startswith(word, start) else None
        if other is not None:
            return f"not conflict (another sense: {other.group(0).strip()} {word}...)"
    reason = _news_sense_reason(lower, kind, sentence_start, sentence_end, start, end)
    reason = reason or _told_not_reported(lower, kind, sentence_start, sentence_end, start, end)
    if reason is not None:
        return reason
    crime = (
        _PETTY_CRIME.search(lower, end, min(sentence_end, end + _CRIME_REACH)) if kind == "arrest" else None
    )
    if crime is not None and not _POLITICAL_PEOPLE.search(lower, end, crime.end()):
        return f"not conflict (police work: {crime.group(0).strip()!r})"
    return None


def _news_sense_reason(
    lower: str, kind: str, sentence_start: int, sentence_end: int, start: int, end: int
) -> str | None:
    """Why the trigger is no act in ordinary news, read in its sentence: a quarrel, history long past, a
    word's other sense, a photograph, a jab in words, a lawsuit's claim, a pattern over years, an earlier
    act as a time reference, a theft, a settlement, a rite, a book's subject, a feeling; or None."""
    sentence = lower[sentence_start:sentence_end]
    if kind == "fight" and not _ARMED_NEAR.search(sentence):
        quarrel = _CLASHED_WITH_COLLEAGUE.match(lower, end, sentence_end) or _TRADE_TALK.search(
            lower, sentence_start, sentence_end
        )
        if quarrel is not None:
            return f"not conflict (a quarrel: {quarrel.group(0).strip()!r})"
    near_start, near_end = (
        max(sentence_start, start - _HISTORY_REACH),
        min(sentence_end, end + _HISTORY_REACH),
    )
    old = (
        _OLD_HISTORY.search(lower, near_start, near_end) if kind != "protest" else None
    ) or _SEPTEMBER_11.match(lower, max(sentence_start, start - 20), end)
    if old is not None:
        return f"historical ({old.group(0).strip()!r})"
    if kind == "territory" and _TAKEN_TO.match(lower, start):  # "he was taken to the city jail"
        return f"not conflict (taken somewhere, not captured: {lower[start:end]!r})"
    for word, after in _OTHER_AFTER:
        other = after.match(lower, end, sentence_end) if lower.startswith(word, start) else None
        if other is not None:
            return f"not conflict (another sense: {lower[start:end]}{other.group(0)}...)"
    if lower.startswith("shot", start) and _CAMERA.search(sentence) and not _ARMED_NEAR.search(sentence):
        return "not conflict (a photograph or a film's shot)"
    jab = _JAB_BEFORE.search(lower, max(0, start - 20), start) if lower.startswith("shot", start) else None
    if jab is not None and lower.startswith(" at", end) and not _ARMED_NEAR.search(sentence):
        return f"not conflict (words: {jab.group(0)}shot at)"
    lawsuit = _LAWSUIT_CLAIM.search(lower, sentence_start, start)
    if lawsuit is not None:
        return f"legal (a lawsuit's claim: {lawsuit.group(0).strip()!r})"
    past_years = _OVER_THE_YEARS.search(lower, max(sentence_start, start - _HISTORY_REACH), start)
    if past_years is not None:
        return f"generic (told over {past_years.group(0).strip()!r})"
    # (read from the sentence's start, where its "^" stands: a search from inside the text never finds it)
    since = _SINCE_THE.search(lower[sentence_start:start])
    if since is not None:
        return f"historical (a time reference: {since.group(0).strip()!r} ...)"
    if kind == "looting" and _THIEVES.search(sentence) and not _ARMED_OR_CROWD.search(sentence):
        return "not conflict (a theft or break-in, no one armed and no crowd)"
    # ("they stole all of our guitars", the thieves named in another sentence of the article)
    if kind == "looting" and _THIEVES.search(lower) and not _ARMED_OR_CROWD.search(lower):
        return "not conflict (a theft or break-in told in the article, no one armed and no crowd)"
    if kind == "agreement" and _COURT_SETTLEMENT.search(sentence) and not _ARMED_NEAR.search(sentence):
        return "legal (a settlement in court)"
    if lower.startswith("vigil", start) and _RITE.search(sentence) and not _VIGIL_DEMANDS.search(sentence):
        return "not conflict (a religious rite)"
    topic = _TOPIC_BEFORE.search(lower, max(sentence_start, start - 60), start)
    if topic is not None and not _FINITE_VERB.match(lower, start):
        return f"not a report (the subject of {topic.group(0).strip()!r})"
    if lower.startswith("attack", start) and _FELT_ATTACK.search(lower, max(0, start - 60), start):
        return "not conflict (a feeling: under attack)"
    return None


# -- conflict words that ordinary news tells without reporting an act --------------------------------
#
# A general news feed names attacks and arrests it does not report: who is to blame for an attack the
# reader knows of ("Russia is most likely responsible for the attack"), what an office looks into ("which
# probes cases of serious injury or death"), what people do as a rule ("those attacking us"), a crowd
# proposed ("Mexico should send peace demonstrators to the border"), background with no date ("Recently,
# the prince detained the prime minister"), what a weapon can do ("the vehicles ... launch 155mm shells")
# and a one-line subheading ("Alfa attack."). Each reading below needs its own cue beside the trigger.

# Blame for an act named only by a definite article: the act is one the reader already knows, and the
# sentence is about who did it (a claim of responsibility is news of the act itself, and an act named with
# its target or place, "responsible for the attack on the embassy", is told again here; events.py dedupes).
# ("this attack" is the one the article has just reported, and a blame told with the act, "whom it blamed
# for the attack", names its perpetrators.)
_BLAME_BEFORE = re.compile(
    r"\b(?<!claimed\s)(?<!claims\s)(?<!claiming\s)(?<!claim\s)responsib(?:le|ility)\s+for\s+the\s+"
    r"(?:[\w'’-]+\s+){0,3}\Z"
)
# ... and what pins the act down, right after it: a target, a place, a toll, a relative clause.
_ACT_PINNED = re.compile(
    r"\s+(?:(?:on|of|against|at|near|targeting|that|which|who|killed|killing|left)\b|in\s+(?!(?:early|late|mid)\b"
    r"|(?:mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\b|(?:19|20)\d\d\b))"
)
_NOUN_KINDS = frozenset({"attack", "chemical", "explosion", "ied", "suicide", "kill", "air", "shelling"})
# What an office or a body looks into as its remit: "the unit, which probes cases of serious injury,
# death or alleged sexual assault involving officers" (present tense: "police probed the killing" is news).
_REMIT_BEFORE = re.compile(
    r"\b(?:investigates|probes|handles|deals\s+with|looks\s+into|examines|reviews|monitors|documents|tracks)"
    r"\s+(?:all\s+|any\s+)?(?:cases|allegations|incidents|complaints|reports|claims)\s+(?:of|involving|about)"
    r"\s+(?:[\w,'’-]+\s+){0,6}\Z"
)
# "those attacking us", "anyone shooting at police": people by what they do, not an act of theirs.
_DOERS_BEFORE = re.compile(r"\b(?:those|anyone|anybody|whoever|everyone)\s+\Z")
# ... and a force named by the war it is in: "the Saudi-led coalition fighting in Yemen", "militias fighting
# alongside the army" (a reduced relative clause; "heavy fighting in Marib" is the act itself).
_FORCE_FIGHTING = re.compile(
    r"\b(?:coalition|forces|troops|militias?|rebels|fighters|groups|army|soldiers|militants|mercenaries"
    r"|volunteers)\s+\Z"
)
_FIGHTING_WHERE = re.compile(r"\s+(?:in|alongside|for|on\s+behalf\s+of)\b")
# A campaign of strikes, with no strike of it told in the sentence: "the Saudis' bombing campaign in Yemen"
# (not "an air campaign on militant hideouts killed 15 fighters on Sunday").
_CAMPAIGN_AFTER = re.compile(r"\s+campaigns?\b")
# A crowd proposed, not held: "Mexico should send a line of white-clad peace demonstrators to the border".
_CROWD_PROPOSED = re.compile(
    r"\b(?:should|must|ought\s+to|could|would|might|proposed\s+to|plans?\s+to|wants?\s+to|offered\s+to)\s+"
    # (the crowd the verb's object: not "would deploy troops against demonstrators")
    r"(?:send|bring|mobili[sz]e|organi[sz]e|stage|lead|dispatch|recruit)\s+"
    r"(?:(?!(?:against|to|at|on|with|into)\b)[\w'’-]+\s+){0,7}\Z"
)
# Background with no date: "Recently, the crown prince detained the prime minister".
_UNDATED_BACKGROUND = re.compile(r"[\"“‘'(]?\s*(?:recently|lately|not\s+long\s+ago)\s*,")
# What a weapon can do, not what it did: "the vehicles look like a tank and launch 155mm shells", "a
# howitzer capable of firing shells 30 km" (a firing told with a date or a toll in the sentence happened).
_WEAPON_DESCRIBED = re.compile(
    r"\b(?:looks?\s+like|capable\s+of|designed\s+to|can\s+(?:fire|launch|carry|hit|strike)"
    r"|able\s+to\s+(?:fire|launch|carry|hit|strike)|(?:a|its)\s+range\s+of|equipped\s+with)\b"
)
_FIRES_BEFORE = re.compile(
    r"\b(?:fire|fires|firing|launch|launches|launching|carry|carries|carrying|shoot|shoots|drop|drops)\s+"
    r"(?:[\w'’-]+\s+){0,2}\Z"
)
_DONE_NEAR = re.compile(
    r"\b(?:killed|killing|wounded|injured|dead|died|destroyed|hit|struck|yesterday|today|tonight"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last\s+(?:night|week))\b"
)
_WEAPON_NOUN_KINDS = frozenset({"shelling", "air", "explosion", "ied", "grenade", "chemical"})
# Who people are, not what happened: "survived detention and torture in Syria's jails" (a life's history,
# told with no article: "survived the attack on the school" is the attack's news), "one of the survivors
# of the shooting in February", "families of the victims of the massacre" (a protest by them is today's;
# not "the victim of a terrorist attack", which is how a report names whom the attack hit).
_SURVIVED_BEFORE = re.compile(
    r"\bsurviv(?:ed|es|ing)\s+(?:(?!(?:the|a|an|this|that|these|those|an?other)\b)[\w'’-]+\s+){0,3}\Z"
)
_TODAY = re.compile(
    r"\b(?:yesterday|today|tonight|last\s+night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
_SURVIVORS_OF = re.compile(
    r"\b(?:survivors?|famil(?:y|ies)|relatives|parents|widows?|orphans?|veterans?)\s+of\s+(?:the\s+victims?\s+of\s+)?"
    r"(?:(?:the|a|an|that|this)\s+)?(?:[\w'’-]+\s+){0,3}\Z"
)
# A rate over many acts: "alarming rates of civilian casualties", "the rate of killings".
_RATE_OF = re.compile(r"\brates?\s+of\s+(?:[\w'’-]+\s+){0,2}\Z")
# What is done as a rule, in the present passive, told with how often after it: "people due to be
# expelled are also detained, often for more than a month".
_PRESENT_PASSIVE_BEFORE = re.compile(r"\b(?:is|are)\s+(?:also\s+|still\s+|then\s+)?\Z")
# ... or told of people in general, with no count or article: "There, people are detained in overcrowded
# cells" (not "dozens of people are detained as police break up a protest", a headline's present).
_PEOPLE_IN_GENERAL_ARE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:where|when|there|here)\s+)(?:people|migrants|refugees|asylum[\s-]seekers|prisoners"
    r"|detainees|inmates|children|women|men)\s+(?:are|get)\s+(?:also\s+|still\s+|then\s+)?\Z"
)
_HOW_OFTEN_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:often|usually|routinely|regularly|frequently|sometimes|typically|commonly|generally)\b"
)
# A subheading: a line of at most three words, no verb, no number and no place ("Alfa attack.", "Double
# trouble."; not "Explosion in Kabul"); the act a conflict report heads so is told again in its body.
_SUBHEADING = re.compile(r"\s*[\w'’-]+(?:\s+[\w'’-]+){0,2}\s*[.!]?\s*")
_SUBHEADING_VERB = re.compile(
    r"\b(?:\w+ed|\w+s|hit|shot|struck|fought|blew|dead|one|two|three|four|five|six|seven|eight|nine|ten|\d+"
    r"|in|at|near|on|of|against)\b"
)


def _told_not_reported(
    lower: str, kind: str, sentence_start: int, sentence_end: int, start: int, end: int
) -> str | None:
    """Why the trigger names an act the sentence does not report: blame for an act already known, an
    office's remit, people by what they do, a crowd proposed, undated background, a weapon described, a
    subheading; or None."""
    if kind in _NOUN_KINDS and not _ACT_PINNED.match(lower, end, sentence_end):
        blame = _BLAME_BEFORE.search(lower, max(sentence_start, start - 60), start)
        if blame is not None:
            return f"statement (blame for an act already known: {blame.group(0).strip()!r})"
    remit = _REMIT_BEFORE.search(lower, max(sentence_start, start - 80), start)
    if remit is not None:
        return f"generic (an office's remit: {remit.group(0).strip()!r})"
    if kind not in {"protest", "riot"} and lower.startswith("ing", end - 3):
        doers = _DOERS_BEFORE.search(lower, max(sentence_start, start - 12), start)
        if doers is not None:
            return f"generic (people by what they do: {doers.group(0).strip()} {lower[start:end]!r})"
    if lower.startswith("fighting", start) and _FIGHTING_WHERE.match(lower, start + len("fighting")):
        force = _FORCE_FIGHTING.search(lower, max(sentence_start, start - 20), start)
        if force is not None:
            return f"not a report (a force named by its war: {force.group(0).strip()} fighting ...)"
    # (from the air or with explosives only: an "arrest campaign" by security forces is a mass arrest)
    campaign = kind in _WEAPON_NOUN_KINDS and _CAMPAIGN_AFTER.match(lower, end) is not None
    if campaign and not _DONE_NEAR.search(lower, sentence_start, sentence_end):
        return f"generic (a campaign: {lower[start:end]!r} campaign)"
    if kind == "protest":
        proposed = _CROWD_PROPOSED.search(lower, max(sentence_start, start - 80), start)
        if proposed is not None:
            return f"plan (a crowd proposed: {proposed.group(0).strip()!r})"
    if _UNDATED_BACKGROUND.match(lower, sentence_start, start):
        return "historical (undated background: 'recently')"
    if kind in _WEAPON_NOUN_KINDS and _FIRES_BEFORE.search(lower, max(sentence_start, start - 30), start):
        sentence = lower[sentence_start:sentence_end]
        if _WEAPON_DESCRIBED.search(sentence) and not _DONE_NEAR.search(sentence):
            return "not a report (what a weapon can do)"
    # (a headline drops its articles: "Mayor survived assassination attempt in Cebu on Monday" is news)
    survived = _SURVIVED_BEFORE.search(lower, max(sentence_start, start - 40), start)
    if survived is not None and not _TODAY.search(lower, sentence_start, sentence_end):
        return f"historical (a life's history: {survived.group(0).strip()!r})"
    if kind not in {"protest", "riot", "mob"}:
        survivors = _SURVIVORS_OF.search(lower, max(sentence_start, start - 50), start)
        if survivors is not None:
            return f"not a report (who people are: {survivors.group(0).strip()!r})"
    rate = _RATE_OF.search(lower, max(sentence_start, start - 40), start)
    if rate is not None:
        return f"generic (a rate: {rate.group(0).strip()!r})"
    if _PEOPLE_IN_GENERAL_ARE.search(lower[sentence_start:start]):
        return f"generic (as a rule: people in general {lower[start:end]!r})"
    how_often = _HOW_OFTEN_AFTER.match(lower, end, sentence_end)
    if how_often is not None and _PRESENT_PASSIVE_BEFORE.search(
        lower, max(sentence_start, start - 20), start
    ):
        return f"generic (as a rule: {lower[start:end]!r} ...{how_often.group(0)[-12:]!r})"
    if _SUBHEADING.fullmatch(lower, sentence_start, sentence_end) and not _SUBHEADING_VERB.search(
        lower, sentence_start, sentence_end
    ):
        return "not a report (a subheading)"
    return None


# A trial's account: the lead says the story is told in court ("Woman killed after bullet ricocheted off
# wall, court told", "a jury heard"). What the article then tells of the act is the prosecution's account,
# months after it; ACLED codes the act when it happened, not the trial (a protest outside the court is
# today's and is kept).
_TOLD_IN_COURT = re.compile(
    r"\b(?:(?:court|jury|jurors|inquest|tribunal|trial)\s+(?:heard|hears|was\s+told|were\s+told|is\s+told"
    r"|are\s+told|told)"
    # (as the account's attribution, "..., a court heard." or "the jury heard that ...": not "gunmen attacked
    # the court while the jury heard evidence")
    r"(?=[ \t]*(?:[,.;:\"”\n]|$|(?:on\s+\w+\s+)?(?:that|how)\b|on\s+\w+\s*[,.;]))"
    r"|told\s+(?:the\s+)?(?:court|jury|jurors|inquest|tribunal))\b"
)
# A feature about crimes long past: "This week Pandora's Box: Unleashing Evil examines the crimes of ...",
# "a new documentary revisits the murders" (what it tells is the programme's story, not news).
_FEATURE_LEAD = re.compile(
    r"\b(?:this\s+week|tonight|documentary|docu-?series|series|episode|programme|program|podcast|drama"
    r"|film|movie|book|novel|memoir|play)\b[^.]{0,60}?\b(?:examines|explores|revisits|recounts|retells"
    r"|tells\s+the\s+(?:true\s+)?story\s+of|looks\s+back\s+at|delves\s+into)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
    # (a past crime's story, not "this week the council examines the report on the massacre")
    r"(?:crimes?|murders?|killings?|case|story|life|lives|events|history|rampage|massacre)\b"
)
_TRIAL_KINDS = frozenset(
    {"arrest", "attack", "kill", "injure", "sexual", "looting", "abduct", "fight", "raid", "riot", "mob"}
)


def trial_account_reason(lower: str, kind: str, lead_start: int, lead_end: int) -> str | None:
    """Why a trigger of ``kind`` is part of a trial's account or of a feature about crimes long past (the
    lead, ``lower[lead_start:lead_end]``, says the story was told in court or that a programme examines
    it), or None."""
    if kind not in _TRIAL_KINDS:
        return None
    told = _TOLD_IN_COURT.search(lower, lead_start, lead_end)
    if told is not None:
        return f"legal (a trial's account: {told.group(0)!r})"
    feature = _FEATURE_LEAD.search(lower, lead_start, lead_end)
    return f"not a report (a feature: {feature.group(0)!r})" if feature is not None else None


# -- ordinary crime: an article about police work and the courts -------------------------------------
#
# ACLED codes political violence, not the police blotter: a man arrested for pointing a replica gun, a
# stabbing in an alley, burglars who smashed a door, a murder trial. An article of that kind names the
# police's and the courts' routine, and no armed group, no politics and no crowd anywhere; the acts and
# arrests it reports are ordinary crime. One armed or political word in the article keeps them all
# (ACLED codes cartel and gang violence, mob justice, arrests of activists and of militants).

ORDINARY_CRIME_KINDS = frozenset(
    {"arrest", "attack", "kill", "injure", "sexual", "looting", "abduct", "riot", "fight"}
)
_POLICE_AND_COURTS = re.compile(
    r"\b(?:sheriff(?:'s|’s)?(?:\s+office)?|(?:county|city)\s+jail|jailed|detectives?|felony|misdemeano(?:u)?r"
    r"|pleaded\s+(?:not\s+)?guilty|booked\s+into|arraign\w*|bail|(?:the\s+)?jury|court\s+told|told\s+the\s+court"
    r"|trial|prosecutors?|defen[cs]e\s+attorney|homicide|coroner|inquest|parole|probation|sentenced"
    r"|charged\s+with|fac(?:es|ing)\s+(?:\w+\s+){0,2}charges|(?:is|was|remains|remained)\s+in\s+custody"
    r"|next\s+of\s+kin|post-?mortem|treated\s+as\s+(?:unexplained|suspicious)|justice\s+of\s+the\s+peace"
    r"|(?:the\s+)?suspect\s+(?:was|is|has)"
    r"|opened\s+a\s+case|case\s+(?:of\s+\w+\s+)?(?:was|had\s+been)\s+opened|remanded"
    r"|(?:appeared|appear|appears|due)\s+in\s+court|not\s+(?:being\s+treated\s+as\s+)?suspicious"
    # a civil claim, and an arrest told with the charge as an allegation ("arrested a man for allegedly
    # keeping his mother's body in a freezer")
    r"|(?:law)?suit\s+(?:filed|claims|alleges|says|seeks)|statement\s+of\s+claim|the\s+claim\s+(?:alleges|alleged|said|says)"
    r"|arrested\s+(?:[\w'’-]+\s+){0,6}?for\s+allegedly"
    r"|no\s+signs\s+of\s+(?:a\s+struggle|foul\s+play)|no\s+foul\s+play)\b"
)
# (tried only where one of its starts stands, at word starts: see regex_starts.prefiltered; the same matches)
_POLICE_AND_COURTS = prefiltered(_POLICE_AND_COURTS, word_start=True)
_ARMED_OR_POLITICAL = re.compile(
    r"\b(?:soldiers?|troops|army|military|militar\w+|militants?|rebels?|insurgen\w+|gunm[ae]n|jihadists?"
    r"|militia\w*|guerrillas?|paramilitar\w*|taliban|shabaa?b|boko\s+haram|al[- ]qaeda|islamic\s+state"
    r"|isis|isil|terror\w*|cartels?|gangs|gang(?!\s+of\s+(?:thieves|robbers|burglars|pickpockets))"
    r"|mafia|maras?|ms-13|narco\w*|traffick\w*|bandits?|extort\w*"
    r"|death\s+squads?|protest\w*|demonstrat\w*|riot\w*|mobs?|lynch\w*|vigilant\w*|activists?|journalists?"
    r"|reporters?|opposition|dissidents?|politic\w*|party|parties|regime|junta|coup|war|wars|warfare|insurgency"
    r"|conflict|clash\w*|massacre\w*|bomb\w*|explosives?|grenades?|kidnap\w*|abduct\w*|hostages?|armed"
    r"|security\s+forces|fighters|factions?|sectarian|ethnic|tribal|communal|election\w*|campaign\w*|curfew"
    r"|lockdown|refugees?|migrants?|government\s+forces|hate\s+crimes?"
    r"|(?:unidentified|unknown)\s+(?:assailants|attackers|gunm[ae]n|armed|men|individuals|persons|perpetrators)"
    r"|stones|rocks|bricks|mutin\w*|youths|crowds?|barricades?|tyres|tires|cattle|livestock|herders?|herdsm[ae]n|rustl\w*"
    r"|dahalo|assassinat\w*|hit\s*m[ae]n|sicarios?|candidates?|presidential|senators?|congressm[ae]n|mayors?"
    r"|ministers?|governors?|councill?ors?|council\s+members?|lawmakers?|legislators?|parliament\w*|mps?"
    r"|assembly(?:m[ae]n|wom[ae]n|\s+members?)"
    # people killed for who they are, and mob justice: "a human rights lawyer", "an indigenous leader",
    # "villagers beat a suspected witch to death", "residents beat to death two suspected kidnappers"
    r"|human\s+rights|(?:rights|land|environmental)\s+defenders?|environmentalists?|indigenous|social\s+leaders?"
    r"|community\s+leaders?|(?:local|village|traditional|paramount|tribal)\s+(?:chiefs?|leaders?|rulers?)"
    r"|trade\s+unions?|unionists?|union\s+leaders?|labou?r\s+leaders?|broadcasters?|presenters?|radio\s+hosts?"
    r"|priests?|pastors?|imams?|clerics?|villagers|witch\w*|sorcer\w*"
    r"|residents\s+(?:\w+\s+)?(?:beat|lynched|burned|burnt|set|stoned|hacked|attacked|killed)"
    # land disputes and prisons: "two women were killed in a dispute over land", "fighting between inmates"
    r"|land\s+(?:disputes?|conflicts?|grabb\w*)|(?:disputes?|fight|row)\s+over\s+(?:\w+\s+)?(?:land|farmland"
    r"|grazing|boundar\w+|water)|(?:inmates|prisoners)\s+(?:were\s+)?(?:killed|dead|died|rioted|fought|clashed)"
    r"|(?:fighting|clashes|riots?|violence)\s+(?:between|among)\s+(?:rival\s+)?(?:inmates|prisoners)"
    r"|prison\s+(?:riots?|fights?|violence|massacre)"
    # the police as killers, and attacks on the police: "an officer fatally shot", "died after police
    # officers restrained him", "the killing of two officers", "a policeman was shot"
    r"|police\s+(?:fired|opened\s+fire|shot|beat|killed)|(?:officers?|policem[ae]n)\s+(?:\w+\s+)?(?:shot|killed)"
    r"|(?:police\s+)?officers\s+restrain\w*|restrained\s+by\s+(?:police|officers)|(?:police|officers)\s+restraint"
    r"|died\s+in\s+(?:police\s+)?custody|(?:shot|killed)\s+by\s+(?:a\s+|the\s+)?(?:police|officers?)"
    r"|(?:killing|murder|killed|shot|wounded|attacked|ambushed)\s+(?:of\s+)?"
    r"(?:(?:the|two|three|four|five|several|\d+)\s+)?(?:police\s+)?"
    r"(?:officers|policem[ae]n)|(?:police\s+officers?|policem[ae]n|policewom[ae]n|constables?)\s+(?:was|were)"
    r"\s+(?:\w+\s+)?(?:shot|killed|wounded|attacked|stabbed|hacked|beaten|murdered)"
    # aid and health workers, whom ACLED counts as civilians targeted: "killed by Ebola deniers"
    r"|(?:aid|humanitarian|health|polio|vaccination)\s+workers?"
    r"|extremis\w*|separatis\w*|nationalis\w*|synagogues?|mosques?|churches|temples?"
    # offences of speech and belief, which ACLED codes as political arrests: "arrested for allegedly
    # insulting the president on Facebook"
    r"|sedition|seditious|treason|blasphem\w*|apostasy|fake\s+news|false\s+news|(?:insult|defam|mock|criticis|criticiz)"
    r"\w*\s+(?:the\s+)?(?:president|king|queen|monarch\w*|prime\s+minister|government|prophet|islam|religion|army))\b"
)
# (tried only where one of its starts stands, at word starts: see regex_starts.prefiltered; the same matches)
_ARMED_OR_POLITICAL = prefiltered(_ARMED_OR_POLITICAL, word_start=True)


# A shooting keeps a killing or an attack even there: a lawyer shot three times in the head with a 9-mm gun
# by a young man who escaped is how a hired killing is told (MUC-4 keys such murders), as are "an officer
# fatally shot a teenager" and "a shooter opened fire at a supermarket"; an arrest for "pointing a replica
# gun at police" is still police work.
_SHOOTING_KINDS = frozenset({"attack", "kill", "injure", "fight"})
_SHOOTING = re.compile(
    r"\b(?:guns?|gunfire|gunshots?|handguns?|rifles?|pistols?|revolvers?|shotguns?|firearms?|bullets?"
    r"|\d+-?mm|machine-?guns?|gunned\s+down|shooters?|shootings?|opened\s+fire|fired\s+(?:\w+\s+)?shots"
    # (a person shot, not a ball game's "big time shot")
    r"|(?:was|were|been|being|fatally|critically|seriously|he|she|they|who)\s+shot"
    r"|shot\s+(?:and|in\s+the|at|him|her|them|dead|to\s+death|several|multiple|twice|once))\b"
)
# A shooting is still ordinary crime where the article names the setting of one: a row with a neighbour, a
# robbery, a domestic killing, a fight outside a pub ("the jury heard that Jones shot his neighbour", "the
# rapper was shot in the leg in what police said appeared to be a robbery").
_ORDINARY_SETTING = re.compile(
    r"\b(?:domestic\s+(?:violence|dispute|abuse|incident|row|argument)"
    # (one's own kin as the victim, not "her husband is in Spain")
    r"|(?:shot|stabbed|killed|attacked|murdered|beat|strangled|assaulted)\s+(?:his|her)\s+(?:own\s+)?(?:wife"
    r"|husband|girlfriend|boyfriend|partner|ex-\w+|stepfather|stepson|mother|father)"
    # (a neighbour as the victim or the killer, not "neighbours said they heard gunshots")
    r"|(?:shot|stabbed|killed|attacked|murdered|beat)\s+(?:dead\s+)?(?:by\s+)?(?:his|her|their|a|the)\s+"
    r"(?:\w+\s+)?neighbou?r"
    r"|neighbou?r\s+(?:who\s+)?(?:shot|stabbed|killed|attacked|murdered)"
    r"|argument|(?:a|the)\s+row\s+(?:over|with|about)|quarrel\w*|brawl\w*"
    r"|road\s+rage|robbery|robberies|robbed|robbers?|burglar\w*|theft|thie(?:f|ves)|mugg\w*|carjack\w*"
    # (the trial of this act, not "he was a witness in a drug trial")
    # (not a bar or a nightclub: where gunmen kill in Celaya or Medellin)
    r"|shoplift\w*|drunk\w*|fraud|(?:the\s+)?jury|on\s+trial)\b"
)
# A crime for gain or in the home, said to be the act's motive, names ordinary crime as well as the police's
# routine does: "the shooting appeared to be a robbery", "killed in a domestic dispute" (not "two men
# suspected of robberies were beaten to death by residents": mob justice, which ACLED codes).
_CRIME_OF_GAIN = re.compile(
    r"\b(?:(?:appeared|appears|believed|thought|seemed)\s+to\s+(?:be|have\s+been)\s+(?:an?\s+)?(?:attempted\s+)?"
    r"(?:robbery|burglary|mugging|carjacking|domestic)|(?:during|in)\s+an?\s+(?:attempted\s+|armed\s+)?"
    r"(?:robbery|burglary|mugging|carjacking)|robbery\s+gone\s+wrong"
    r"|domestic\s+(?:violence|dispute|abuse|incident|row|argument))\b"
)
# (tried only where one of its starts stands, at word starts: see regex_starts.prefiltered; the same matches)
_CRIME_OF_GAIN = prefiltered(_CRIME_OF_GAIN, word_start=True)
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|\d{1,3})"
# Two or more dead is no police blotter whatever the routine around it: ACLED codes mass shootings,
# prison fighting and killings in land disputes ("killing 10 people", "at least 20 prisoners were killed").
# (not an age, an hour or a day of the month: "a 45 year old man died", "on march 3 a man was stabbed")
_NOT_A_HEADCOUNT = "".join(f"(?<!{month} )" for month in MONTHS)
_MANY_DEAD = re.compile(
    rf"(?<![\d,.$]){_NOT_A_HEADCOUNT}\b{_COUNT}"
    r"(?![\s-]*(?:years?|yrs?)[\s-]*old|\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)\b)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:were|have\s+been|had\s+been|are|lay)\s+)?"
    r"(?:(?:found\s+)?(?:shot\s+)?dead|killed|murdered|died"
    r"|(?:stabbed|beaten|hacked|burned|burnt|shot)\s+to\s+death)\b"
    rf"|\b(?:killing|killed)\s+(?:at\s+least\s+)?{_COUNT}\s+(?![\w-]+\s+(?:years?|months?|weeks?)\b)"
    # (left or leaving only the dead: "left three people injured" is no toll of dead)
    rf"|\b(?:leaving|left)\s+(?:at\s+least\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?dead\b"
)


# A combat sport's fighters are no armed group: "mixed martial arts fighter Conor McGregor was charged with
# assault after he threw a dolly at a bus carrying other fighters".
_COMBAT_SPORT = re.compile(
    r"\b(?:mixed\s+martial\s+arts|mma|ufc|boxing|boxers?|kickboxing|wrestl\w+|bouts?)\b"
)


def _armed_or_political(lower: str) -> bool:
    """Whether ``lower`` names an armed group, politics or a crowd (a combat sport's fighters aside)."""
    if not _COMBAT_SPORT.search(lower):
        return _ARMED_OR_POLITICAL.search(lower) is not None
    return any(not m.group(0).startswith("fighter") for m in _ARMED_OR_POLITICAL.finditer(lower))


@lru_cache(maxsize=8)
def ordinary_crime_article(lower: str) -> tuple[str, bool] | None:
    """The police or court routine that makes ``lower`` an article about ordinary crime, and whether its
    shootings and killings are kept all the same (a shooting with no ordinary setting, or two or more
    dead); None where it names no routine or names an armed group, politics or a crowd."""
    routine = _POLICE_AND_COURTS.search(lower) or _CRIME_OF_GAIN.search(lower)
    if routine is None or _armed_or_political(lower):
        return None
    shooting = _SHOOTING.search(lower) is not None and _ORDINARY_SETTING.search(lower) is None
    return routine.group(0), shooting or _MANY_DEAD.search(lower) is not None


# A police raid is police work there too, unless someone was killed in it: ACLED codes the killing of
# drug suspects in police raids ("a drug suspect was killed during a police raid in Bulacan").
_DEADLY = re.compile(
    r"\b(?:killed|killing|shot|slain|gunned|fatal\w*|shoot-?out|gunfight|exchange\s+of\s+fire)\b"
)


def ordinary_crime_reason(lower: str, kind: str) -> str | None:
    """Why a trigger of ``kind`` in the document ``lower`` reports ordinary crime, or None."""
    if kind == "raid" and ordinary_crime_article(lower) is not None and not _DEADLY.search(lower):
        return "not conflict (ordinary crime: a police search, no one killed)"
    if kind not in ORDINARY_CRIME_KINDS:
        return None
    article = ordinary_crime_article(lower)
    if article is None or (article[1] and kind in _SHOOTING_KINDS):
        return None
    return f"not conflict (ordinary crime: police and courts, {article[0]!r})"
