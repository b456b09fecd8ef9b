"""Where an event happened: which of the places its sentences name, and how precisely.

ACLED's geo_precision: 1 the town itself, 2 near a town or part of a region, 3 an admin1 or wider.
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass, replace

from eventwire.extraction.context import Context, Group, places_of, specificity
from eventwire.models.place import Place, PlaceMention
from eventwire.text.numbers import word_number


def _words(text: str) -> list[str]:
    return text.split()


_NUMBER_WORD = (
    r"(?:\d+|(?:[a-z]+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|hundred)|a\s+few|several|a\s+couple\s+of|(?:half\s+)?an?|a\s+dozen)"
)
_NEAR = re.compile(
    r"(?:near|outside|outskirts\s+of|close\s+to|vicinity\s+of|part\s+of|area\s+of|road\s+(?:between|to|from)|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    rf"{_NUMBER_WORD}\s*(?:km|kilomet\w+|miles?)\s+(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?"
    r"(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$"
)


_FRONT_AFTER = re.compile(r"[ \t\n]+(?i:front(?:[ \t]?line)?s?)\b")


@dataclass(frozen=True, slots=True)
class Located:
    """The mention that names the event's place (None when the text names none) and its precision."""

    mention: PlaceMention | None
    precision: int | None


def locate(group: Group, ctx: Context) -> Located:
    """The event's place: the most specific place its own sentences name, else the document's country.

    A province-level event (an admin1, ``geo_precision`` 3) is put at the province's seat, as ACLED
    codes it ("a provincial capital is used if no other information at all is available"); its place
    stays the province (name, admin1, GeoNames id and precision), only the coordinates are the seat's.
    """
    place_mention = event_place(group, ctx) or document_place(ctx)
    place = place_mention.place if place_mention else None
    precision = place.precision if place else None
    if place_mention and precision is not None and _FRONT_AFTER.match(ctx.doc.text, place_mention.end):
        # "on the Zaporizhzhia front": along a front line named after the place, not in it
        return Located(place_mention, max(2, precision))
    if place_mention and place and ctx.seat_of is not None and place.feature_code == "ADM1":
        seat = ctx.seat_of(place)
        if seat is not None and seat.latitude is not None and seat.longitude is not None:
            place = replace(place, latitude=seat.latitude, longitude=seat.longitude)
            return Located(replace(place_mention, place=place), precision)
    if place_mention and place and place.is_site:
        # A headline says "in Ghazni" where the body says "on the outskirts of Ghazni city": the most
        # careful wording of the same place decides the precision, and is the evidence.
        same = [place_mention] + [
            p for p in places_of(group.mentions, ctx) if p.place == place and p is not place_mention
        ]
        near = next((p for p in same if _NEAR.search(ctx.lower[max(0, p.start - 40) : p.start])), None)
        if near is not None:
            # (A village placed only by its province stays as coarse as the province.)
            return Located(near, max(2, precision or 2))
    return Located(place_mention, precision)


def event_place(group: Group, ctx: Context) -> PlaceMention | None:
    """The place the group's own sentences name for the event, or None.

    Read once per group of mentions: the extractor asks for the event's country before it assembles the
    event, and the assembly asks again (the mentions are kept with the answer, so that an id reused by
    a later group's mention can never be mistaken for theirs)."""
    mentions = tuple(group.mentions)
    key = tuple(map(id, mentions))
    known = ctx._event_places.get(key)
    if known is not None and all(map(operator.is_, known[0], mentions)):
        return known[1]
    found = _event_place(group, ctx)
    ctx._event_places[key] = (mentions, found)
    return found


def _event_place(group: Group, ctx: Context) -> PlaceMention | None:
    text = ctx.doc.text
    # "the San Miguelito district of this capital": a part of a city is put at the city.
    parts = _parts_of_towns(text, places_of(group.mentions, ctx), ctx)
    # Names that stand for somewhere else: a foreign homonym, a street, the place a statement came from.
    strays = ctx.once(_strays) - parts.keys()
    strong_places = [parts.get(id(p), p) for p in places_of(group.strong, ctx) if id(p) not in strays]
    all_places = [parts.get(id(p), p) for p in places_of(group.mentions, ctx) if id(p) not in strays]
    strays |= {
        id(p) for p in all_places
        if _names_a_street(text, p) or _says_where_from(text, p) or _described_as_person(text, p)
        or _where_talks_were_held(text, p)
        or _article_dropped(text, p)
    }  # fmt: skip
    strong_places = [p for p in strong_places if id(p) not in strays]
    all_places = [p for p in all_places if id(p) not in strays]
    if not all_places:
        return None
    # Places that name an actor's nationality or end an organisation's name ("military forces of
    # Armenia fired on positions in Gadabay") are not where it happened, nor the country it happened in.
    acting = {id(p) for p in all_places if _names_an_actor(text, p)}
    anchors = [parts.get(id(p), p) for p in places_of(group.strong[:1], ctx) if id(p) not in strays]
    anchor_places = [p for p in anchors if id(p) not in acting] or anchors
    countries = [p.place.iso3 for p in strong_places if p.place] or [
        p.place.iso3 for p in all_places if p.place
    ]
    # The finest place of the first report decides the country: "the attack on the U.S. cultural
    # institute in Santiago" is in Chile.
    finest = min(anchor_places, key=lambda p: specificity(p.place) if p.place else 9, default=None)
    home = (
        finest.place.iso3 if finest and finest.place
        else max(countries, key=lambda c: (countries.count(c), -countries.index(c))) if countries else None
    )  # fmt: skip
    candidates = [p for p in all_places if p.place and (home is None or p.place.iso3 == home)] or all_places
    candidates = [p for p in candidates if id(p) not in acting] or candidates
    candidates = [p for p in candidates if not _names_an_organisation(text, p)]
    if not candidates:
        return None
    candidates = [p for p in candidates if not _far_reference(text, p)] or candidates
    strong_ids = {id(p) for p in strong_places}
    anchor_ids = {id(p) for p in anchor_places}
    # (place_for_trigger as a tie-breaker here was tried: it lowered admin1 accuracy on the ACLED notes
    # from 54.1% to 53.7%, so the most specific place of the event's sentences still decides.)
    return min(
        candidates,
        key=lambda p: (
            specificity(p.place) if p.place else 9,
            0 if id(p) in anchor_ids else 1 if id(p) in strong_ids else 2,
            p.start,
        ),
    )


# "460 KM NORTHWEST OF BOGOTA", "(370 km from the capital Bogota)": a distance to a reference point.
_DISTANCE_BEFORE = re.compile(
    r"\b(?P<n>\d[\d,]*(?:\.\d+)?|[a-z]+(?:[\s-][a-z]+){0,2})\s*(?P<unit>km|kms|kilomet(?:er|re)s?|miles?)\s+"
    r"(?:[a-z]+\s+){0,3}?(?:of|from)\s+(?:the\s+)?(?:(?:town|city|village|capital|port)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_FAR_KM = 50  # beyond this a reference point is not "near" (ACLED's precision 2), only a bearing


def _far_reference(text: str, place: PlaceMention) -> bool:
    """Whether the place is named only as a distant reference point ("found murdered 500 km northwest of
    Bogota"): the event was elsewhere, at a place the text names beside it or one it does not."""
    m = _DISTANCE_BEFORE.search(text, max(0, place.start - 60), place.start)
    if m is None:
        return False
    raw = m.group("n").replace(",", "")
    try:
        amount: float | None = float(raw)
    except ValueError:  # words: "some thirty", "ninety-nine"
        amount = word_number(raw) or word_number(raw.split()[-1])
    if amount is None:
        return False
    return amount * (1.609 if m.group("unit").lower().startswith("mile") else 1) > _FAR_KM


# "the San Miguelito district of this capital", "the San Jose neighborhood in the western section of San
# Salvador": a part of a town, which the gazetteer may lack or know only abroad.
_PART_OF = re.compile(
    r"(?P<unit>\s+(?i:neighbou?rhood|district|quarter|suburb|sector|section|colonia|barrio))?\s+(?i:of|in)\s+"
    r"(?:(?i:the|this)\s+)?(?:(?i:[a-z]*(?:north|south|east|west|central)\w*\s+(?:(?:part|section|sector)"
    r"\s+of\s+(?:the\s+)?)?))?(?i:(?P<capital>capital|city)\b)?"
)
_ENDS_WITH_PART = re.compile(r"(?i:\s(?:neighbou?rhood|district|quarter|suburb|sector|colonia|barrio))$")


def _parts_of_towns(text: str, places: list[PlaceMention], ctx: Context) -> dict[int, PlaceMention]:
    """The places written as a part of a town ("the Zacamil neighborhood of this capital"), by id, each
    put at that town (precision 2: part of a town) unless it already lies in the town's province."""
    found: dict[int, PlaceMention] = {}
    for p in places:
        m = _PART_OF.match(text, p.end)
        if m is None or not (m.group("unit") or _ENDS_WITH_PART.search(p.text)) or p.place is None:
            continue
        town = ctx.once(_dateline_town) if m.group("capital") else _town_at(ctx, m.end())
        if town is None or town.place is None:
            continue
        if p.place.iso3 == town.place.iso3 and p.place.admin1 == town.place.admin1:
            continue  # a district the gazetteer knows ("Miraflores neighborhood in Lima"): finer
        found[id(p)] = replace(p, place=replace(town.place, precision=2))
    return found


def _town_at(ctx: Context, start: int) -> PlaceMention | None:
    at = ctx.places_by_start.within([(start, start + 1)])
    return next((q for q in at if q.place and _is_town(q.place)), None)


def _is_town(place: Place) -> bool:
    return (place.feature_code or "").startswith("PPL")


def _is_country(place: Place) -> bool:
    return (place.feature_code or "").startswith("PCL")


def _dateline_town(ctx: Context) -> PlaceMention | None:
    """The town a report was filed from, which "this capital" and "this city" name."""
    return next(
        (
            p for p in ctx.places
            if p.place and _is_town(p.place)
            and any(s <= p.start < e for s, e in ctx.datelines)
        ),
        None,
    )  # fmt: skip


# "ANCASH STREET", "Avenida Bolivar": a street named after a place or a person is in some other town.
_STREET_AFTER = re.compile(
    r"(?:\s+(?i:and)(?:\s+[\w'.]+){1,3}?)?"  # ("between San Diego and Arturo Pratt streets")
    r"[ \t\n]+(?i:streets?|st\.|avenues?|ave\.|boulevard|blvd\.?)(?![\w-])"
)
_STREET_BEFORE = re.compile(r"\b(?i:calle|avenida|rue|boulevard)\s+(?:(?i:de|del|la)\s+)?$")
# ("a main Lima avenue" is one of Lima's streets: there the name says which town.)
_ONE_OF_ITS = re.compile(r"\b(?i:a|an|one|main|important|busy|major|central|downtown)\s+$")
# "reported today in Lima that", "according to family sources in Caracas", "Radio Venceremos,
# broadcasting from Morazan": where a statement was made or heard, not where its event happened.
_SOURCE_BEFORE = re.compile(
    r"(?i:\b(?:sources|officials|spokesm[ae]n|spokeswoman|correspondents?)\s+in|"
    r"\bbroadcasting\s+from)\s+(?:the\s+)?$"
)
_STATED_BEFORE = re.compile(
    r"(?i:\b(?:reported|announced|stated|said|confirmed|disclosed|learned|told\s+\w+)"
    r"(?:\s+(?:today|yesterday|tonight|here|officially|also|this\s+\w+))*\s+in)\s+(?:the\s+)?$"
)
# "the first round of talks held in Mexico City", "the second round in San Jose", "a summit in Addis
# Ababa": where people met to talk, named beside the event a text reports, is not where the event
# happened. (Meetings and conferences are left out: they are attacked too, "a bomb went off at a
# meeting in Kabul"; so is a round without its ordinal, "a stray round in Karachi".)
_MEETING_IN = (
    r"\b(?i:talks|negotiations|summit|dialogue|peace\s+process|"
    r"(?:first|second|third|fourth|fifth|next|last|new|latest|previous|final)\s+round)\s+"
    r"(?:(?i:was|were|being|had\s+been|will\s+be|to\s+be|that\s+took\s+place|which\s+took\s+place)\s+)?"
    r"(?:(?i:held|hosted|scheduled|convened|mediated)\s+)?(?i:in)\s+(?:(?i:the)\s+)?"
)
_MEETING_BEFORE = re.compile(_MEETING_IN + "$")
# The country after the town where talks were held: "talks held in Oslo, Norway".
_MEETING_TOWN_BEFORE = re.compile(_MEETING_IN + r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2},\s+$")
_THAT_AFTER = re.compile(r"(?i:,?\s+that\b)")


# "the first round in Jalalabad killed two": an ordinal round that hits something is a shell.
_IMPACT_AFTER = re.compile(
    r"[ \t\n]+(?:\w+[ \t\n]+){0,2}?(?i:killed|killing|hit|landed|exploded|struck|wounded|injured|fell)\b"
)


# How every match of _MEETING_BEFORE and of the patterns _says_where_from reads ends: "in" or "from", and
# "the" perhaps. Most places follow no such words: one search for them, a literal the engine skips to,
# spares trying those patterns' openings at every character of the text before the place.
_IN_BEFORE = re.compile(r"(?i:in|from)\s+(?:(?i:the)\s+)?$")


def _where_talks_were_held(text: str, place: PlaceMention) -> bool:
    before = max(0, place.start - 70)
    in_before = _IN_BEFORE.search(text, before, place.start) is not None
    meeting = _MEETING_BEFORE.search(text, before, place.start) if in_before else None
    if meeting is not None:
        return "round" not in meeting.group(0).lower() or _IMPACT_AFTER.match(text, place.end) is None
    country = place.place is not None and _is_country(place.place)
    return country and _MEETING_TOWN_BEFORE.search(text, before, place.start) is not None


def _names_a_street(text: str, place: PlaceMention) -> bool:
    before = max(0, place.start - 20)
    if _STREET_BEFORE.search(text, before, place.start):
        return True
    return bool(_STREET_AFTER.match(text, place.end)) and not _ONE_OF_ITS.search(text, before, place.start)


# "PIZARRO, FORMER LEADER OF THE M-19, WAS KILLED", "Hernandez, 45, a teacher", "GREIFF, WHO WAS
# APPOINTED": a name described by an apposition that only fits a person is that person, even where a
# town bears the name (in capitals, a surname and a town look alike). A placing word before it keeps it
# a place ("In Kabul, the president said"), as does a town before it ("Picsi, Lambayeque, the mayor
# said").
_PERSON_APPOSITION = re.compile(
    r",[ \t\n]+(?:\d{1,3},[ \t\n]|(?:(?i:a|an|the|his|her|their)[ \t\n]+)?"
    r"(?:(?i:former|ex-|late|slain|murdered|kidnapped|then|retired|deputy|top|senior|prominent|"
    r"\d{1,3}-year-old)[ \t\n]+)*"
    r"(?i:leader|commander|candidate|chief|founder|president|mayor|governor|minister|senator|congressman|"
    r"deputy|priest|bishop|archbishop|journalist|activist|spokesman|spokeswoman|lawyer|judge|"
    r"businessman|trade[ \t\n]+unionist|unionist|son|daughter|wife|husband|brother|sister|father|"
    r"mother)\b"
    # ... but not a speaker after the place: "attacked Mosul, a spokesman said", "Ghazni, the governor's
    # spokesman said".
    r"(?![\'’]s\b)(?![^,.;\n]{0,40}?\b(?i:said|says|told|added|reported|stated|announced|confirmed)\b))"
)
_WHO_AFTER = re.compile(r",[ \t\n]+(?i:who)\b")
# ("the people of Mosul, who stayed", "refugees from Mosul, who had fled")
_OF_BEFORE = re.compile(r"\b(?i:of|from)\s+(?:(?i:the)\s+)?$")


def _described_as_person(text: str, place: PlaceMention) -> bool:
    before = max(0, place.start - 16)
    return (
        (
            _PERSON_APPOSITION.match(text, place.end) is not None
            or (
                _WHO_AFTER.match(text, place.end) is not None
                and not _OF_BEFORE.search(text, before, place.start)
            )
        )
        and _PLACING_BEFORE.search(text, before, place.start) is None
        # ("in Picsi, Lambayeque, the mayor said": a province after its town is still a place)
        and not text[max(0, place.start - 3) : place.start].rstrip().endswith(",")
    )


# "THE BANCO CAFETERO BRANCHES" read as the town El Banco: a name whose own article ("El Banco", "La Union",
# "Los Palos") the text leaves out and puts "the" before is a common noun of that language in a longer
# name, not the town; a writer naming the town keeps its article.
_NAME_ARTICLE = re.compile(r"^(?:el|la|los|las|le|les)\s+", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")


def _article_dropped(text: str, place: PlaceMention) -> bool:
    name = place.place.name if place.place else ""
    article = _NAME_ARTICLE.match(name)
    return (
        article is not None
        and place.text.lower() == name[article.end() :].lower()
        and _THE_BEFORE.search(text, max(0, place.start - 5), place.start) is not None
    )


def _says_where_from(text: str, place: PlaceMention) -> bool:
    """Whether the place is where a statement was made: "sources in Caracas", "reported in La Paz that",
    "the U.S. Embassy in Bogota said"."""
    before = max(0, place.start - 60)
    if _IN_BEFORE.search(text, before, place.start) is None:
        return False
    if _SOURCE_BEFORE.search(text, before, place.start):
        return True
    # (an embassy "in Colombia" is where the country's events are: only a town is the office's seat)
    country = place.place is not None and _is_country(place.place)
    office = _OFFICE_BEFORE.search(text, before, place.start) is not None
    if office and not country and _SPEAKS_AFTER.match(text, place.end):
        return True
    return bool(_STATED_BEFORE.search(text, before, place.start) and _THAT_AFTER.match(text, place.end))


# "the U.S. Embassy in Bogota said", "the army command in Kabul announced": an office that speaks from
# where it sits; the act it speaks of may be elsewhere.
_OFFICE_BEFORE = re.compile(
    r"(?i:\b(?:embassy|consulate|ministry|headquarters|command|office|bureau|mission)\s+in)\s+(?:(?i:the)\s+)?$"
)
_SPEAKS_AFTER = re.compile(
    r"(?i:,?\s+(?:\w+\s+)?(?:said|says|reported|announced|stated|confirmed|denied|told|added|disclosed))\b"
)


# A place this populous, or a capital, is named abroad on its own ("a bomb in Madrid"); a smaller one
# needs the text to name something else of its country.
_KNOWN_ABROAD = 1_000_000
# "the Peruvian town of Yunguyo": the text says which country the town is in.
_NATIONALITY_BEFORE = re.compile(
    r"\b[A-Za-z]+(?i:an|ese|ish|i)\s+(?i:town|city|village|port|province|department|state|region)\s+"
    r"(?i:of)\s+$"
)
_ABOUT = 2  # mentions of a country that make a document about it


def _strays(ctx: Context) -> frozenset[int]:
    """The ids of the places resolved to a foreign homonym: a town or province of a country other than
    the one the document is about, which the document places nowhere ("SAN RAMON" or "HECTOR" read as
    towns of California and Minnesota in a report on El Salvador that names no other place of the
    United States). The name may be a person's, or a town at home that the gazetteer lacks; either way
    it is no ground to move the event abroad."""
    located = [p for p in ctx.places if p.place and p.place.iso3]
    if not located:
        return frozenset()
    codes = [p.place.iso3 for p in located if p.place]
    home = max(dict.fromkeys(codes), key=codes.count)
    if codes.count(home) < _ABOUT and ctx.once(_dateline_town) is None:
        return frozenset()  # a text too short to say which country it is about, and filed from nowhere
    names: dict[str, set[str]] = {}  # the sub-country places the document names, by country
    for p in located:
        if p.place and p.place.iso3 and specificity(p.place) < 4:
            names.setdefault(p.place.iso3, set()).add(p.text.lower())
    return frozenset(
        id(p) for p in located
        if p.place and p.place.iso3 != home and specificity(p.place) < 4
        and not (p.place.feature_code or "").startswith("PPLC") and p.place.population < _KNOWN_ABROAD
        and names.get(p.place.iso3 or "") == {p.text.lower()}
        and not _NATIONALITY_BEFORE.search(ctx.doc.text, max(0, p.start - 40), p.start)
        and not _written_as_a_place(ctx.doc.text, p)
    )  # fmt: skip


# "struck an oil depot in Belgorod": in mixed case, a city's name right after a placing word is a place
# the writer means; a cross-border strike is not moved home. (A village's namesake abroad still is a
# stray: "in Solhan" is no Turkish hamlet. In capitals, where names of people and places look alike, the
# homonym test above stands alone.)
_PLACING_BEFORE = re.compile(r"\b(?:in|at|near|into|outside|inside|on|towards?)\s+(?:the\s+)?$")


def _written_as_a_place(text: str, p: PlaceMention) -> bool:
    return (
        p.place is not None
        and p.place.population >= _CITY
        and not p.text.isupper()
        and _PLACING_BEFORE.search(text, max(0, p.start - 16), p.start) is not None
    )


_CITY = 50_000


def document_place(ctx: Context) -> PlaceMention | None:
    """When the event's own sentences name no place: the country the document is about, if one dominates."""
    return ctx.once(_document_place)


def _document_place(ctx: Context) -> PlaceMention | None:
    countries = [p for p in ctx.places if p.place and p.place.iso3]
    # "U.S. citizens", "the U.S. Embassy": a nationality says who, not where; nor does a street's name,
    # the place a statement came from, where talks were held, or a surname ("ADO MEMBER CLAUDIO MEDINA,
    # WHO ...": not the town of Medina).
    # Those read as no place at all stay out even where nothing else is left ("days before the next
    # round in Doha" alone gives no place); a nationality comes back then ("Iraqi journalists were
    # killed": Iraq, most likely).
    text = ctx.doc.text
    countries = [
        p for p in countries
        if not (
            _names_a_street(text, p)
            or _says_where_from(text, p)
            or _where_talks_were_held(text, p)
            or _described_as_person(text, p)
            or _article_dropped(text, p)
        )
    ]  # fmt: skip
    countries = [p for p in countries if not _names_an_organisation(text, p)]
    countries = [p for p in countries if not _names_an_actor(text, p)] or countries
    if not countries:
        return None
    codes = [p.place.iso3 for p in countries if p.place]
    top = max(dict.fromkeys(codes), key=codes.count)  # first-named wins a tie (set order varies by run)
    # The city a report was filed from (its dateline) is where the bureau sits; a place of the same
    # country that the body names says better what the report is about.
    body = [
        p for p in countries
        if p.place and specificity(p.place) < 4 and not any(s <= p.start < e for s, e in ctx.datelines)
    ]  # fmt: skip
    countries = body + countries
    return next(p for p in countries if p.place and p.place.iso3 == top)


# -- one trigger, one sentence: which place is the event's ---------------------------------------------

# Words just before a place (the last three, "the" skipped) that make it where something happened:
# "killed in Mosul", "near Hit", "marched through Kyoto", "the streets of Bishkek", "the capital Bogota".
_LOCATIVE_WORDS = frozenset(
    _words(
        """
    in at near outside inside around across throughout through into on onto from toward towards within
    over of off between capital city town village province provinces region state states district area
    areas streets centre center border outskirts vicinity suburb suburbs neighbourhood neighborhood km
    kilometres kilometers miles villages towns cities districts regions neighbourhoods neighborhoods
    close above along beside beneath behind amid downtown
    """
    )
)
# Nouns after a place that make it part of an organisation's name ("the Medellin cartel", "the Tupac Amaru
# Revolutionary Movement"): the namesake is nowhere the event need be, even where nothing else is named.
_ORGANISATION_NOUNS = frozenset(
    _words(
        """
    cartel cartels battalion battalions brigade brigades regiment regiments movement revolutionary party
    """
    )
)
# Lower-case nouns after a place that make it an actor's or a thing's nationality rather than where the
# event was ("U.S. custody", "Syrian army", "the Turkish war"); facilities ("the Baghdad airport") and
# verbs ("in Mosul killed") leave it a place.
_ACTOR_NOUNS = (
    frozenset(
        _words(
            """
    forces force troops military soldiers soldier army navy embassy consulate war wars officials official
    intelligence tribe tribes leaders leader authorities government jets warplanes aircraft planes drones
    helicopter helicopters fighter fighters special patrol patrols custody arsenal citizens citizen
    nationals national people drilling company companies firm firms maker makers media diplomat diplomats
    ambassador envoy president minister ministry lawmakers officer officers personnel commander
    commanders coalition allies counterparts delegation team security agents agency warship warships
    navy marines soldiers' backed led based provincial council councillor councilor governor ally
    investigation investigators made man woman men women boy girl native couple journalist journalists
    reporter reporters correspondent tourist tourists businessman businessmen missionary missionaries
    priest priests nun nuns volunteer volunteers engineer engineers technician technicians
    mayor mayors
    """
        )
    )
    | _ORGANISATION_NOUNS
)
# Words between a place and an actor's noun that leave the place its nationality or seat ("the Rome
# foreign ministry", "the Kabul city police", "the Lima metropolitan council").
_OFFICE_WORDS = frozenset(
    _words(
        """
    foreign interior defense defence justice finance home city municipal metropolitan state federal
    regional district central
    """
    )
)
# "250 km north of Baghdad", "east of Palmyra": a reference point, not where the event was.
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\w+\s+)?(?:of|from)|"
    r"\b(?:north|south|east|west)(?:east|west|ern)?\s+of|\bfrom)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the south Baghdad neighbourhood of Zafaraniya", "the Suuqa Xoolaha neighborhood of Mogadishu", "the
# East Ghouta region of rural Damascus": two places chained by a unit "of"; one contains the other.
_UNIT = (
    r"(?:city|town|village|neighbou?rhood|district|suburb|township|quarter|area|camp|region|province|"
    r"governorate|county|state|countryside|outskirts)"
)
_CHAIN_OF = re.compile(
    rf"(?:['’]s)?(?:\s+(?:[a-z]+\s+){{0,2}}?(?P<unit>{_UNIT}))?\s+of\s+(?:the\s+)?"
    r"(?:(?:rural|greater|[a-z]*(?:north|south|east|west)\w*)\s+)?"
)
_ENDS_WITH_UNIT = re.compile(rf"\s{_UNIT}$", re.IGNORECASE)
# Places big enough to name a unit of themselves ("the Baghdad neighbourhood of", "Syria's province of").
_MAJOR_CODES = ("PPLC", "PPLA", "ADM1", "PCL")
_WORD = re.compile(r"[A-Za-z]+")
# After a place, words that make it an actor or a topic rather than a location ("Iraqi forces", "Syria said").
_NOT_WHERE_AFTER = re.compile(
    r"[\s-]*(?:'s?\b|’s?\b|-led|-backed|-based|\s+(?:said|says|told|announced|accused|denied|claimed|"
    r"condemn\w*|welcom\w*|urg\w*|warn\w*|vow\w*|blam\w*|reject\w*|critici[sz]\w*|has|have|"
    r"had|is|was|will|would|government|authorities|officials?|forces|troops|army|military|police|embassy|"
    r"president|minister|ministry|state\s+media|news|talks))"
)
# "Sarajevo's streets", "Burundi's capital", "the West Bank's largest hospital": a possessive place whose
# next words name a place within it is where things happen, not an actor.
_PLACE_POSSESSED = re.compile(
    r"['’]s?\s+(?:[a-z]+\s+){0,2}?(?:streets?|towns?|villages?|cit(?:y|ies)|capital|hospitals?|church|"
    r"mosques?|markets?|provinces?|regions?|districts?|suburbs?|outskirts|neighbou?rhoods?|borders?|"
    r"airport|centre|center|camps?|prisons?|port|coast|countryside|homes?|hotels?|squares?|schools?|"
    r"universit(?:y|ies))\b"
)
# Words between a locative word and the place that do not break it ("in Iraq's northern Nineveh province").
_TRANSPARENT = frozenset(
    _words(
        "the s northern southern eastern western central northeastern northwestern southeastern southwestern"
    )
)
# "captured by Israel", "clashed with Israel", "troops from Canada": the place is who acted, or where
# someone came from.
_AGENT_WORDS = frozenset(_words("by with from"))
_CLAUSE_BREAK = re.compile(r"[;\n]|\s[-–—]\s")
# The weights of place_for_trigger, tuned on the tuning part of the Halterman data (see
# eventwire.evaluate.event_location).
_ADJACENT = 15  # characters between trigger and place for an unmarked place to count ("Kabul blast")
_CHARS_PER_POINT = 40.0
_AFTER_BONUS = 2.0
_CLAUSE_PENALTY = 3.0
_SPECIFICITY_WEIGHT = 0.5
_REFERENCE_PENALTY = 1.5
_CONTAINER_PENALTY = 3.0


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """The place chosen for one event trigger, with the reason (for ``--explain`` and evaluation)."""

    mention: PlaceMention | None
    reason: str


def place_for_trigger(
    text: str, trigger: tuple[int, int], places: list[PlaceMention], *, window: int = 400
) -> PlaceChoice:
    """Which of ``places`` (toponyms found in ``text``) is where the event of ``trigger`` happened.

    Pure and local: it reads only the text around the trigger. A place qualifies when it is written as a
    location ("in Mosul", "near the town of Hit", "outside Kabul") or directly beside the trigger, and is
    not an actor or a topic ("Syria said", "Iraqi forces", "U.S.-led", "captured by Israel", "Zimbabwe
    captured"); the subject of a passive trigger qualifies ("Buckingham Palace was bombed"). Among
    qualified places the one in the trigger's clause and nearest to it wins, a place after the trigger
    ("killed in X") before one ahead of it, a town before its province or country, and the finer of a
    chain ("the Baghdad neighbourhood of Zafaraniya"). None when no place qualifies.
    """
    t_start, t_end = trigger
    best: tuple[float, PlaceMention] | None = None
    containers = _containers(text, places)
    for p in places:
        if abs(p.start - t_start) > window:
            continue
        before = [w.lower() for w in _WORD.findall(text[max(0, p.start - 40) : p.start])]
        before = [w for w in before if w not in _TRANSPARENT][-3:]
        if before and before[-1] in _AGENT_WORDS:
            continue
        possessed = _PLACE_POSSESSED.match(text, p.end) is not None or _undergoes(text, p.end, t_start)
        if (_NOT_WHERE_AFTER.match(text, p.end) and not possessed) or _names_an_actor(text, p):
            continue
        locative = possessed or any(w in _LOCATIVE_WORDS for w in before)
        lo, hi = (p.end, t_start) if p.end <= t_start else (t_end, p.start)
        between = text[lo:hi] if hi > lo else ""
        gap = len(between)
        if not locative and (gap > _ADJACENT or p.end <= t_start):
            continue
        score = -gap / _CHARS_PER_POINT
        if p.start >= t_end:
            score += _AFTER_BONUS
        if _CLAUSE_BREAK.search(between):
            score -= _CLAUSE_PENALTY
        # A name the gazetteer lacks but the text calls a place ("Katarko village") is a village.
        score -= _SPECIFICITY_WEIGHT * (specificity(p.place) if p.place else 0)
        if _REFERENCE_BEFORE.search(text, max(0, p.start - 40), p.start):
            score -= _REFERENCE_PENALTY
        if id(p) in containers:
            score -= _CONTAINER_PENALTY
        if best is None or score > best[0]:
            best = (score, p)
    if best is None:
        return PlaceChoice(None, "no place in the sentence is written as a location")
    return PlaceChoice(best[1], "nearest place written as a location")


def _containers(text: str, places: list[PlaceMention]) -> set[int]:
    """The ids of the places written as containing the place named next, chained by a unit and "of".

    The container is the bigger of the two: a capital, a province or a part of a country named first
    ("the Baghdad neighbourhood of Zafaraniya", "the north Cameroon town of Fotokol") when it outweighs
    the second by population, else the second ("the Rim district of Riyom", "the Suuqa Xoolaha
    neighborhood of Mogadishu"): a small place before the unit is that unit itself.
    """
    found: set[int] = set()
    for p, q in itertools.pairwise(places):
        m = _CHAIN_OF.match(text, p.end)
        if m is None or m.end() != q.start or not (m.group("unit") or _ENDS_WITH_UNIT.search(p.text)):
            continue
        first = 0
        if p.place is not None:
            if p.place.country and p.place.country.lower() in p.text.lower():
                found.add(id(p))
                continue
            if (p.place.feature_code or "").startswith(_MAJOR_CODES):
                first = p.place.population
        second = q.place.population if q.place else 0
        found.add(id(p) if first > second else id(q))
    return found


# "Gaza and the West Bank were captured", "Buckingham Palace was bombed": the place is what the event
# happened to, and so where it happened.
_PROGRESSIVE = re.compile(r"[A-Za-z]+ing\b")  # a trigger in the progressive
_PASSIVE_TO_TRIGGER = re.compile(r"\s+(?:was|were|is|are|(?:has|have|had)\s+been|being)\s+(?:[a-z]+\s+){0,2}")


def _undergoes(text: str, end: int, trigger_start: int) -> bool:
    """Whether the place ending at ``end`` is the subject of the trigger, a verb in the passive (not
    "Cameroon is denying", "Pakistan is capturing": there it is the actor)."""
    m = _PASSIVE_TO_TRIGGER.fullmatch(text, end, trigger_start) if end < trigger_start else None
    return m is not None and ("being" in m.group(0) or _PROGRESSIVE.match(text, trigger_start) is None)


_NEXT_WORD = re.compile(r"[ \t\n]+([a-z]+|[A-Z]+)\b")  # lower case, or ALL CAPS text ("U.S. CITIZENS")
_NEXT_TWO_WORDS = re.compile(r"[ \t\n]+([a-z]+|[A-Z]+)[ \t\n]+([a-z]+|[A-Z]+)\b")
_PROPER_OF = re.compile(
    r"(?:\b[A-Z][a-z]+|\b(?i:forces|army|troops|military|police|government|soldiers|navy|militias?))"
    r"\s+of\s+(?:the\s+)?$"
)


def _names_an_actor(text: str, place: PlaceMention) -> bool:
    """Whether the place is an actor's nationality ("Iraqi forces") or ends an actor's or an
    organisation's name ("military forces of Armenia", "Liberation of Palestine")."""
    return _modifies(text, place.end) or _in_proper_name(text, place.start)


def _names_an_organisation(text: str, place: PlaceMention) -> bool:
    """Whether the place begins an organisation's name ("Medellin cartel", "Tupac Amaru Revolutionary
    Movement")."""
    m = _NEXT_WORD.match(text, place.end)
    return m is not None and m.group(1).lower() in _ORGANISATION_NOUNS


def _modifies(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` names the nationality of an actor or a thing after it."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in _ACTOR_NOUNS:
        return True
    if word not in _OFFICE_WORDS:
        return False
    two = _NEXT_TWO_WORDS.match(text, end)
    return two is not None and (two.group(2).lower() in _ACTOR_NOUNS or two.group(2).lower() == "police")


def _in_proper_name(text: str, start: int) -> bool:
    """ "Armed Forces of Colombia", "Liberation of Palestine": the place ends an organisation's name."""
    before = text[max(0, start - 30) : start]
    m = _PROPER_OF.search(before)
    return m is not None and m.group(0).split()[0].lower() not in _LOCATIVE_WORDS
