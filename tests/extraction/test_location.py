"""Choosing the event's place among a sentence's toponyms (``place_for_trigger``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eventwire.extraction.context import Context
from eventwire.extraction.location import document_place, place_for_trigger
from eventwire.extraction.toponyms import find_toponyms
from eventwire.models.document import Document
from eventwire.models.place import Place, PlaceMention
from eventwire.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir)


def _choose(text: str, verb: str, gazetteer: Gazetteer) -> str | None:
    start = text.index(verb)
    choice = place_for_trigger(text, (start, start + len(verb)), find_toponyms(text, gazetteer))
    return choice.mention.text if choice.mention else None


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        (
            "Shelling hit a trolleybus in Donetsk on Thursday killing 8 people, an official said.",
            "hit",
            "Donetsk",
        ),
        ("Protesters marched through the centre of Nairobi in support of Kibaki.", "marched", "Nairobi"),
        ("Iraqi forces killed 14 militants near Hit, in Anbar province, on Friday.", "killed", "Hit"),
        ("Russia said its jets struck targets outside Idlib overnight.", "struck", "Idlib"),
        ("Two journalists were killed Saturday in the capital Mogadishu.", "killed", "Mogadishu"),
    ],
)
def test_location_place_for_trigger_picks_the_events_place(
    text: str, verb: str, where: str, gazetteer: Gazetteer
) -> None:
    assert _choose(text, verb, gazetteer) == where


def test_location_place_for_trigger_ignores_actors_and_topics(gazetteer: Gazetteer) -> None:
    # "Syria" is a speaker and "U.S." a modifier: neither is where anything happened.
    assert _choose("Syria said U.S.-led strikes killed 12 civilians.", "killed", gazetteer) is None
    assert _choose("France condemned the attack.", "attack", gazetteer) is None


def test_location_place_for_trigger_leaves_agents_and_subjects(gazetteer: Gazetteer) -> None:
    # "by Israel", "clashed with Israel": the place is who acted; a place before the verb with no
    # preposition is its subject ("Zimbabwe captured the wickets").
    assert _choose("The town was captured by Israel in 1967.", "captured", gazetteer) is None
    assert _choose("Zimbabwe captured the wickets of three batsmen.", "captured", gazetteer) is None
    text = "Israel captured and annexed East Jerusalem in 1967."
    assert _choose(text, "captured", gazetteer) == "East Jerusalem"


def test_location_place_for_trigger_passive_subject_is_where(gazetteer: Gazetteer) -> None:
    # What an event happened to is where it happened; an active progressive keeps the place an actor.
    text = "The US embassy in Nairobi was bombed in 1998, killing 213 people."
    assert _choose(text, "bombed", gazetteer) == "Nairobi"
    assert _choose("Pakistan is capturing terrorist leaders.", "capturing", gazetteer) is None


def test_location_place_for_trigger_most_specific_of_a_chain(gazetteer: Gazetteer) -> None:
    # "the <city> neighbourhood of <X>": X is the finer place; "the <X> neighbourhood of <city>" too.
    text = "A policeman was killed by a bomb in the south Baghdad neighbourhood of Zafaraniya."
    assert _choose(text, "killed", gazetteer) == "Zafaraniya"
    text = "Five civilians were killed in the Kadhimiya neighborhood of Baghdad on Sunday."
    assert _choose(text, "killed", gazetteer) == "Kadhimiya"
    text = "The army launched a new assault in the East Ghouta region of rural Damascus on Thursday."
    assert _choose(text, "launched", gazetteer) == "East Ghouta region"


def test_location_province_level_event_sits_at_the_provincial_capital(extractor) -> None:  # type: ignore[no-untyped-def]
    # ACLED's geo_precision 3: "a provincial capital is used if no other information at all is
    # available". The event keeps the province as its place; its coordinates are the seat's.
    text = "Gunmen killed three soldiers at a checkpoint in Anbar province on Tuesday, police said."
    events = extractor.extract(_document(text))
    assert events, "no event extracted"
    event = events[0]
    assert event.admin1 == "Anbar" and event.geo_precision == 3 and event.location is None
    anbar = extractor.gazetteer.admin1("Anbar", "IRQ")
    seat = extractor.gazetteer.admin1_seat(anbar)
    assert seat is not None and seat.name == "Ramadi"
    assert (event.latitude, event.longitude) == (seat.latitude, seat.longitude)
    assert (event.latitude, event.longitude) != (anbar.latitude, anbar.longitude)
    # The toponym itself still resolves to the province's own point (as GeoNames places an ADM1).
    mention = next(m for m in find_toponyms(text, extractor.gazetteer) if m.text == "Anbar province")
    assert mention.place == anbar


def test_location_admin1_seat_is_none_for_towns(gazetteer: Gazetteer) -> None:
    ramadi = gazetteer.lookup("Ramadi")[0]
    assert ramadi.feature_code in ("PPL", "PPLA") and gazetteer.admin1_seat(ramadi) is None


def _document(text: str) -> Document:
    return Document(id="anbar-checkpoint", text=text, published=dt.date(2024, 9, 3))


def test_location_place_for_trigger_takes_a_village_the_gazetteer_lacks(gazetteer: Gazetteer) -> None:
    text = "Suspected Boko Haram members today attacked Katarko village in Yobe State, killing eight people."
    assert _choose(text, "attacked", gazetteer) == "Katarko"


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        (
            "Five people were killed in a gun and grenade attack in a district of Burundi's capital,"
            " police said.",
            "killed",
            "Burundi",
        ),
        (
            "The woman was later shot to death by militants in the courtyard of the West Bank's largest"
            " hospital.",
            "shot",
            "West Bank",
        ),
        (
            "A soldier was killed when his vehicle was hit by a roadside bomb in Iraq's northern"
            " Nineveh province, the military said.",
            "killed",
            "Nineveh province",
        ),
    ],
)
def test_location_a_possessive_place_before_a_place_noun_is_where(
    text: str, verb: str, where: str, gazetteer: Gazetteer
) -> None:
    assert _choose(text, verb, gazetteer) == where


def test_location_a_possessive_place_before_an_actor_is_not_where(gazetteer: Gazetteer) -> None:
    assert _choose("Syria's army shelled the rebels.", "shelled", gazetteer) is None


def test_location_a_village_in_a_text_with_no_known_place(gazetteer: Gazetteer) -> None:
    text = "Dozens of attackers stormed the village of Mainok as residents were preparing for prayers."
    assert _choose(text, "stormed", gazetteer) == "Mainok"


def test_location_an_event_at_an_airport_is_located_there(extractor: Any) -> None:
    text = (
        "LONDON (Reuters) - A man armed with a knife attacked two security guards at Heathrow airport on "
        "Monday, wounding both of them, police said."
    )
    doc = Document("heathrow-knife", text, published=dt.date(2024, 5, 7))
    (event,) = extractor.run(doc).events
    assert event.location is not None and "Heathrow" in event.location
    assert event.geo_precision == 1 and event.country == "United Kingdom"


def test_location_a_country_naming_an_actor_is_not_where(extractor: Any) -> None:
    # The first country named is the shooters' ("military forces of Armenia"): the event is where the
    # positions were, in another country.
    text = (
        "On 8 May 2020, military forces of Armenia fired with unspecified weapons on the positions of the "
        "military forces of Azerbaijan located near Gadabay."
    )
    (event,) = extractor.run(Document("gadabay-fire", text, published=dt.date(2020, 5, 8))).events
    assert event.country == "Azerbaijan" and event.admin1 == "Gadabay"


def test_location_a_country_naming_a_victims_nationality_is_not_where(extractor: Any) -> None:
    # "U.S. JOURNALIST": whose journalist, not where she was hurt; the restaurant was in Medellin.
    text = (
        "   BOGOTA, 6 SEP 89 (DPA) -- [TEXT] THE POLICE REPORTED TODAY THAT\n"
        "U.S. JOURNALIST MARIA LOPEZ, WHO WAS SENT TO COLOMBIA BY A TELEVISION NETWORK, WAS INJURED\n"
        "LAST NIGHT DURING AN ATTACK.  SHE WAS IN A RESTAURANT IN MEDELLIN WHEN A BOMB EXPLODED IN THE\n"
        "ESTABLISHMENT.\n"
    )
    (event,) = extractor.run(Document("us-journalist", text, published=dt.date(1989, 9, 6))).events
    assert (event.country, event.location) == ("Colombia", "Medellin"), event


def _places(extractor: Any, doc_id: str, text: str) -> list[tuple[str | None, str | None, int | None]]:
    doc = Document(doc_id, text, published=dt.date(1990, 1, 1))
    return [(e.country, e.location, e.geo_precision) for e in extractor.run(doc).events]


def test_location_a_foreign_homonym_does_not_move_the_event_abroad(extractor: Any) -> None:
    # "San Ramon" is read as the Californian town, in a report filed from San Salvador that names no
    # other place of the United States: the event stays in the country the report is about.
    text = (
        "   SAN SALVADOR, 3 MAR 90 (AFP) -- [TEXT] REBELS KILLED TWO SOLDIERS AND\n"
        "WOUNDED FOUR OTHERS TODAY IN AN ATTACK ON AN ARMY POST IN SAN RAMON,\n"
        "THE ARMED FORCES PRESS OFFICE REPORTED.  THE ARMY SAID THE REBELS\n"
        "FLED TOWARD THE HILLS AFTER THE ATTACK.\n"
    )
    assert [country for country, _, _ in _places(extractor, "san-ramon", text)] == ["El Salvador"]


def test_location_a_cross_border_strike_on_a_city_stays_abroad(extractor: Any) -> None:
    text = (
        "KYIV, March 5 (Reuters) - Ukraine said on Tuesday its forces had repelled attacks near Kharkiv and "
        "Avdiivka. President Volodymyr Zelenskiy met commanders in Kyiv.\n"
        "Separately, a Ukrainian drone struck an oil depot in Belgorod on Tuesday, killing two workers, the "
        "regional governor said."
    )
    assert ("Russia", "Belgorod", 1) in _places(extractor, "belgorod", text)


def test_location_a_town_the_text_calls_foreign_stays_abroad(extractor: Any) -> None:
    # The place a statement was made in ("reported in La Paz that") is not the event's; "the Peruvian
    # town of Yunguyo" is, though the report is filed from Bolivia.
    text = (
        "   LA PAZ, 18 OCT 89 (EFE) -- [TEXT] IT WAS OFFICIALLY REPORTED IN LA PAZ\n"
        "THAT A BOMB EXPLODED EARLY TODAY IN THE PERUVIAN TOWN OF YUNGUYO, NEAR\n"
        "THE BORDER, DESTROYING THE OFFICES OF THE MAYOR.  NO ONE WAS HURT IN\n"
        "THE EXPLOSION, THE REPORT SAID.\n"
    )
    assert _places(extractor, "yunguyo", text) == [("Peru", "Yunguyo", 1)]


def test_location_a_street_named_after_a_place_is_in_the_town(extractor: Any) -> None:
    text = (
        "   LIMA, 9 JUN 90 (EFE) -- [TEXT] A POWERFUL BOMB EXPLODED LAST NIGHT\n"
        "AT A BANK BRANCH ON AREQUIPA AVENUE, INJURING THREE GUARDS, THE POLICE\n"
        "SAID TODAY.  NO GROUP HAS CLAIMED RESPONSIBILITY FOR THE ATTACK SO FAR,\n"
        "THE POLICE ADDED.\n"
    )
    assert _places(extractor, "arequipa-avenue", text) == [("Peru", "Lima", 1)]


def test_location_a_district_of_this_capital_is_part_of_the_dateline_city(extractor: Any) -> None:
    # The gazetteer knows San Miguelito only abroad; "of this capital" puts it in the city the report
    # was filed from, as part of that city (precision 2).
    text = (
        "   SAN SALVADOR, 5 NOV 89 (RADIO CADENA YSKL) -- [TEXT] A BOMB EXPLODED\n"
        "TODAY AT THE OFFICES OF A TRADE UNION IN THE SAN MIGUELITO DISTRICT OF\n"
        "THIS CAPITAL, WOUNDING FOUR PEOPLE, THE POLICE REPORTED.  THE POLICE\n"
        "SAID THE BOMB CAUSED HEAVY DAMAGE TO THE BUILDING.\n"
    )
    assert _places(extractor, "san-miguelito", text) == [("El Salvador", "San Salvador", 2)]


def test_location_the_body_names_the_city_rather_than_the_dateline(extractor: Any) -> None:
    # No place in the event's own sentences: the city the report is about beats the bureau's city.
    text = (
        "   BOGOTA, 7 SEP 89 (INRAVISION) -- [TEXT] MEDELLIN IS LIVING THROUGH A\n"
        "WAVE OF TERROR.  A BOMB EXPLODED TONIGHT INSIDE A RESTAURANT, WOUNDING\n"
        "TWO WAITERS.  THE MEN WHO LEFT THE BOMB FLED, AND THERE ARE NO CLUES TO\n"
        "THEIR WHEREABOUTS.\n"
    )
    assert _places(extractor, "medellin-terror", text) == [("Colombia", "Medellin", 1)]


def test_location_a_surname_described_as_a_person_is_no_place(extractor: Any) -> None:
    # "PIZARRO, FORMER LEADER OF ..." is the man, though a town of Choco bears the name; "the town of
    # Pizarro" is the town.
    text = (
        "   BOGOTA, 26 DEC 89 (EFE) -- [TEXT] THE EXTRADITABLES DENIED TODAY ANY\n"
        "RESPONSIBILITY FOR THE DEATH OF CARLOS PIZARRO, POLITICAL LEADER AND\n"
        "FORMER GUERRILLA COMMANDER.\n\n"
        "   THE CALLER, WHO PHONED THE CARACOL NETWORK IN MEDELLIN, SAID THE AUTHORS OF THE\n"
        "ASSASSINATION ARE SECTORS WHO SEEK TO DESTABILIZE THE COUNTRY.\n\n"
        "   PIZARRO, FORMER LEADER OF THE 19 APRIL MOVEMENT (M-19), THE\n"
        "GUERRILLA GROUP THAT LAID DOWN ITS WEAPONS ON 9 MARCH, WAS KILLED BY\n"
        "THE IMPACT OF THREE BULLETS FIRED AT HIM ABOARD A COLOMBIAN AVIANCA\n"
        "FLIGHT THAT WAS EN ROUTE TO THE CITY OF BARRANQUILLA.\n"
    )
    assert "Pizarro" not in [place for _, place, _ in _places(extractor, "pizarro-person", text)]
    placed = text.replace("   PIZARRO, FORMER LEADER OF", "   IN THE TOWN OF PIZARRO, THE LEADER OF").replace(
        " THAT WAS EN ROUTE TO THE CITY OF BARRANQUILLA", ""
    )
    assert "Pizarro" in [place for _, place, _ in _places(extractor, "pizarro-town", placed)]


def test_location_where_talks_were_held_is_not_where_the_attack_was(extractor: Any) -> None:
    text = (
        "   SAN JOSE (COSTA RICA), 1 JAN 90 (ACAN-EFE) -- [TEXT] THE REBELS SUSPENDED THE TALKS WITH THE\n"
        "GOVERNMENT -- THE FIRST ROUND OF TALKS HELD IN MEXICO CITY IN\n"
        "SEPTEMBER -- FOLLOWING THE 30 DECEMBER BOMB ATTACK ON A LABOR UNION OFFICE\n"
        "IN SAN SALVADOR THAT KILLED 10 UNION LEADERS.\n"
    )
    assert [(c, p) for c, p, _ in _places(extractor, "talks-in-mexico", text)] == [
        ("El Salvador", "San Salvador")
    ]
    # A round that hits something is a shell, ordinal or not; talks alone give no place.
    shells = (
        "A second round landed in the market on Monday, killing three. "
        "The first round in Jalalabad killed two."
    )
    assert ("Afghanistan", "Jalalabad") in [(c, p) for c, p, _ in _places(extractor, "round-shell", shells)]
    doha = "Taliban gunmen killed five soldiers on Monday, days before the next round in Doha."
    assert [p for _, p, _ in _places(extractor, "round-doha", doha)] == [None]
    rounds = text.replace(
        "IN\nSEPTEMBER --", "IN\nSEPTEMBER AND THE SECOND ROUND IN SAN JOSE, COSTA RICA, IN OCTOBER --"
    )
    assert [(c, p) for c, p, _ in _places(extractor, "second-round", rounds)] == [
        ("El Salvador", "San Salvador")
    ]
    held = (
        "   GUATEMALA CITY, 18 MAY 90 (EL GRAFICO) -- [TEXT] TWO EXPLOSIVE DEVICES DAMAGED THE AIR FORCE\n"
        "INSTALLATIONS LAST NIGHT. ASKED ABOUT THE IMPACT OF THESE TERRORIST ACTIONS ON THE TALKS\n"
        "BEING HELD IN OSLO, NORWAY, THE GENERAL SAID THE GROUPS DO NOT MAINTAIN CONTACT.\n"
    )
    assert "Oslo" not in [p for _, p, _ in _places(extractor, "talks-being-held", held)]
    # Only a country after the town where talks were held is skipped: Aleppo is where the shelling was.
    aleppo = "While peace talks were held in Geneva, Aleppo was shelled by government forces on Monday."
    assert [(c, p) for c, p, _ in _places(extractor, "talks-then-town", aleppo)] == [("Syria", "Aleppo")]
    # An office that speaks from where it sits: the act it speaks of is elsewhere.
    embassy = "THE U.S. EMBASSY IN BOGOTA SAID TODAY THAT GUERRILLAS KILLED FIVE SOLDIERS IN MEDELLIN."
    assert [(c, p) for c, p, _ in _places(extractor, "embassy-said", embassy)] == [("Colombia", "Medellin")]
    attacked = "The U.S. Embassy in Bogota was attacked with a bomb on Monday, police said."
    assert [(c, p) for c, p, _ in _places(extractor, "embassy-hit", attacked)] == [("Colombia", "Bogota")]


def test_location_a_surname_is_no_place_for_the_document_either() -> None:
    # Where the event's sentences name no place, the document's decides: not the town of Medina for a man
    # the text describes ("CLAUDIO MEDINA, WHO ..."), but the city the report was filed from.
    text = (
        "BOGOTA, 30 MAY 89 (DPA) -- FOUR PEOPLE WERE KILLED IN THE ATTACK.  THE CALLER SAID IT AVENGED\n"
        "THE DEATH OF GROUP MEMBER CLAUDIO MEDINA, WHO WAS TORTURED TO DEATH BY THE POLICE.\n"
    )
    bogota = Place(
        "Bogota", "Colombia", "COL", admin1="Bogota, D.C.", feature_code="PPLC", population=7_674_366
    )
    medina = Place("Medina", "Colombia", "COL", admin1="Cundinamarca", feature_code="PPL", population=7281)
    at = text.index("MEDINA")
    places = [
        PlaceMention(start=0, end=6, text="BOGOTA", place=bogota),
        PlaceMention(start=at, end=at + 6, text="MEDINA", place=medina),
    ]
    ctx = Context(Document("medina-person", text), text.lower(), places, [], datelines=[(0, 6)])
    found = document_place(ctx)
    assert found is not None and found.text == "BOGOTA", found


def test_location_a_name_without_its_article_after_the_is_no_town(extractor: Any) -> None:
    # "THE BANCO CAFETERO BRANCHES" is a bank, not the town El Banco (Magdalena), which keeps its article.
    text = (
        "   MEDELLIN, 27 DEC 89 (AFP) -- [TEXT] TODAY, MEDELLIN, COLOMBIA'S\n"
        "SECOND LARGEST CITY, AGAIN SUFFERED A WAVE OF TERRORISM WHEN\n"
        "SEVEN BANK OFFICES WERE SHAKEN BY EXPLOSIVES THAT CAUSED GREAT DAMAGE BUT\n"
        "NO DEATHS, RADIO STATIONS REPORTED.\n\n"
        "   THE TARGETS OF THE ATTACKS WERE THE BANCO CAFETERO BRANCHES AND ITS\n"
        "OFFICES IN MEDELLIN'S NORTHERN AND WESTERN AREAS.\n"
    )
    assert [(c, p) for c, p, _ in _places(extractor, "banco", text)] == [("Colombia", "Medellin")]


def test_location_a_speaker_after_a_place_leaves_it_a_place(extractor: Any) -> None:
    text = (
        "The president spoke in Baghdad on Sunday. Militants attacked Mosul, a spokesman said, killing five "
        "soldiers."
    )
    assert {(c, p) for c, p, _ in _places(extractor, "mosul-speaker", text)} == {("Iraq", "Mosul")}
    text = (
        "Rebels attacked Kirkuk, a spokesman for the ministry said on Monday. Three soldiers were killed in "
        "Iraq."
    )
    assert ("Iraq", "Kirkuk") in {(c, p) for c, p, _ in _places(extractor, "kirkuk-speaker", text)}


def test_location_a_stray_round_is_no_round_of_talks(extractor: Any) -> None:
    text = "A stray round in Karachi killed a boy on Monday, police in Pakistan said."
    assert [(c, p) for c, p, _ in _places(extractor, "stray-round", text)] == [("Pakistan", "Karachi")]


def test_location_a_place_naming_an_office_or_an_organisation_is_not_where(extractor: Any) -> None:
    # "the Rome foreign ministry", "the Medellin cartel", "the Medellin mayor": the seat of an office
    # or an organisation's namesake, not where it happened (a town would outrank the country).
    text = (
        "The Rome foreign ministry on Friday confirmed that two Italian engineers were kidnapped on "
        "Thursday in Colombia."
    )
    assert _places(extractor, "rome-ministry", text) == [("Colombia", None, 3)]
    text = "Guerrillas of the Tupac Amaru Revolutionary Movement bombed a bank in Peru on Monday."
    assert _places(extractor, "mrta", text) == [("Peru", None, 3)]
    # An organisation's namesake is no place even where the text names no other.
    text = "A bomb planted by the Medellin cartel exploded at a bank on Monday, police said."
    assert [place for _, place, _ in _places(extractor, "front", text)] == [None]
    # "Kaura local government area" is a place (a unit), not an office.
    text = "Gunmen raided two villages of Kaura local government area in Kaduna State, killing 22 people."
    assert [place for _, place, _ in _places(extractor, "kaura", text)] == ["Kaura"]


def test_location_a_distant_reference_point_is_not_where(extractor: Any) -> None:
    # 500 km from Bogota is no nearer Bogota than the rest of Colombia; 30 km from Medellin is near it.
    text = "Gunmen shot dead a judge in Colombia on Monday, approximately 500 km northwest of Bogota."
    assert _places(extractor, "far", text) == [("Colombia", None, 3)]
    text = "Gunmen shot dead a judge in Colombia on Monday, some thirty kilometers from the city of Medellin."
    assert _places(extractor, "near", text) == [("Colombia", "Medellin", 2)]


def test_location_a_front_line_or_a_towns_youth_are_places(extractor: Any) -> None:
    # "the Zaporizhzhia front", "Kano youth": a front line and a town's young people are where it happened.
    text = "Russian troops attacked Ukrainian positions on the Zaporizhzhia front on Monday."
    # (along the front line named after the city, not in it: near, precision 2)
    assert [(country, precision) for country, _, precision in _places(extractor, "front", text)] == [
        ("Ukraine", 2)
    ]
    text = "Angry Kano youth burned a police station on Monday."
    assert [place for _, place, _ in _places(extractor, "youth", text)] == ["Kano"]


def test_location_event_place_is_read_once_per_group_and_kept_apart_per_group(extractor: Any) -> None:
    # The extractor asks for an event's place before assembling the event, and the assembly asks again:
    # the second ask is answered from the first, and each group keeps its own answer.
    from eventwire.extraction.events import group_mentions
    from eventwire.extraction.location import event_place
    from eventwire.text.dates import find_dates

    text = (
        "Gunmen killed two farmers in Maiduguri on Monday. "
        "In a separate attack, protesters were beaten by police in Kano on Tuesday."
    )
    doc = _document(text)
    lower, _, _, mentions, _ = extractor._read(text)
    ctx = Context(doc, lower, find_toponyms(text, extractor.gazetteer), find_dates(text, None))
    groups = group_mentions(mentions, ctx)
    assert len(groups) == 2
    first = [event_place(group, ctx) for group in groups]
    again = [event_place(group, ctx) for group in groups]
    assert [p.text if p else None for p in first] == ["Maiduguri", "Kano"]
    assert all(a is b for a, b in zip(first, again, strict=True))


def test_location_the_actors_country_reads_an_ambiguous_town(extractor: Any, gazetteer: Gazetteer) -> None:
    text = "Taliban security forces shot dead two protesters in Faizabad on Tuesday."
    # Alone, the name is India's larger Faizabad; a report on the Taliban is about Afghanistan.
    (alone,) = find_toponyms(text, gazetteer)
    assert alone.place is not None and alone.place.iso3 == "IND"
    (hinted,) = find_toponyms(text, gazetteer, hints={"AFG": 0.7})
    assert hinted.place is not None and hinted.place.iso3 == "AFG"
    (event,) = extractor.run(Document("faizabad", text, published=dt.date(2024, 5, 8))).events
    assert event.country == "Afghanistan"


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        # Bethlehem is also Belém's English name (a city of 1.5 million); Israel's forces raid next door.
        (
            "Israeli forces raided Bethlehem on Monday and arrested five Palestinians.",
            "Palestine",
            "West Bank",
        ),
        # Palmyra, Pennsylvania is a town of its own name; Islamic State has no country but its branches'.
        (
            "Islamic State fighters attacked government troops near Palmyra on Monday, killing 10.",
            "Syria",
            "Homs",
        ),
    ],
)
def test_location_actors_neighbours_and_branches_read_a_town(
    extractor: Any, text: str, country: str, admin1: str
) -> None:
    (event,) = extractor.run(Document("hinted", text, published=dt.date(2024, 3, 14))).events
    assert (event.country, event.admin1) == (country, admin1)


def test_location_a_town_of_its_own_name_abroad_needs_more_than_a_neighbour(extractor: Any) -> None:
    # Nigeria's neighbours get a lesser hint; a place the text names outright still decides.
    text = "Nigerian troops killed 12 bandits in Zamfara on Monday, the army said."
    (event,) = extractor.run(Document("zamfara", text, published=dt.date(2024, 3, 14))).events
    assert (event.country, event.admin1) == ("Nigeria", "Zamfara")


def test_location_a_state_that_acts_is_not_where_it_acted(extractor: Any) -> None:
    text = "Russia fired 40 missiles at Ukraine overnight, the air force said."
    (event,) = extractor.run(Document("acts", text, published=dt.date(2024, 3, 14))).events
    assert (event.actor1, event.country) == ("Military Forces of Russia", "Ukraine")


@pytest.mark.parametrize(
    ("text", "name", "said_there", "talks_there"),
    [
        ("Sources in Caracas said rebels attacked a base on Monday.", "Caracas", True, False),
        ("IT WAS OFFICIALLY REPORTED IN LA PAZ THAT A BOMB EXPLODED.", "LA PAZ", True, False),
        ("Radio Venceremos, broadcasting from the hills of Morazan, said so.", "Morazan", False, False),
        ("Radio Venceremos, broadcasting from Morazan, claimed the attack.", "Morazan", True, False),
        ("The second round of talks held in Oslo ended on Friday.", "Oslo", False, True),
        ("Rebels attacked a base in Caracas on Monday, officials said.", "Caracas", False, False),
        ("Shoppers in Leeds queued for the sales in the rain.", "Leeds", False, False),
    ],
)
def test_location_a_statement_or_talks_are_read_only_after_in_or_from(
    text: str, name: str, said_there: bool, talks_there: bool
) -> None:
    # (both are read only where "in" or "from" stands right before the place: the rest of the text before
    # it is read only then)
    from eventwire.extraction.location import _says_where_from, _where_talks_were_held

    start = text.index(name)
    place = PlaceMention(start, start + len(name), name, None)
    assert _says_where_from(text, place) is said_there
    assert _where_talks_were_held(text, place) is talks_there


def test_location_a_sponsor_is_not_where_it_happened(extractor: Any) -> None:
    text = "Fighters backed by Iran attacked US troops in Syria on Monday."
    (event,) = extractor.run(Document("backed", text, published=dt.date(2024, 3, 14))).events
    assert event.country == "Syria"


def test_location_states_that_act_together_are_not_where_they_acted(extractor: Any) -> None:
    text = "The US and Britain struck Houthi targets in Yemen on Monday."
    (event,) = extractor.run(Document("usuk", text, published=dt.date(2024, 3, 14))).events
    assert event.country == "Yemen"
