"""Sides and ACLED's generic actors on short reports written for these tests: who is actor1 and actor2."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.extraction.events import GenericActors
from eventwire.extraction.pipeline import GENERIC_NAMES
from eventwire.models.actor import Actor
from eventwire.models.document import Document

MILITARY = Actor("Military Forces of Burkina Faso", 1, "Burkina Faso", "military")
POLICE = Actor("Police Forces of Burkina Faso", 1, "Burkina Faso", "police")
JNIM = Actor("JNIM: Group for Support of Islam and Muslims", 2, None, "rebel")
VDP = Actor("VDP: Volunteer for Defense of Homeland", 4, "Burkina Faso", "militia")
CIVILIANS = Actor("Civilians (Burkina Faso)", 7, "Burkina Faso", "civilians")
RIOTERS = Actor("Rioters (Burkina Faso)", 5, "Burkina Faso", "rioters")
UNIDENTIFIED = Actor("Unidentified Armed Group (Burkina Faso)", 3, "Burkina Faso", "unidentified")


@pytest.fixture(scope="module")
def generic() -> GenericActors:
    return GenericActors(GENERIC_NAMES)


def complete(
    generic: GenericActors, types: tuple[str, str], a: list[Actor], b: list[Actor], *, mutual: bool = False
) -> tuple[list[Actor], list[Actor]]:
    return generic.complete(*types, a, b, "Burkina Faso", mutual=mutual)


def test_violence_against_civilians_targets_civilians(generic: GenericActors) -> None:
    attack = ("Violence against civilians", "Attack")
    # The target is civilians even when the victim was read as an armed actor ("a Koglweogo chief").
    assert complete(generic, attack, [UNIDENTIFIED], [VDP]) == ([UNIDENTIFIED], [CIVILIANS])
    # With nobody acting, the armed actor read as acted on is the perpetrator.
    assert complete(generic, attack, [], [JNIM]) == ([JNIM], [CIVILIANS])
    # A civilian read as a subject ("a resident ... was beaten by police") is the target.
    assert complete(generic, attack, [CIVILIANS, POLICE], []) == ([POLICE], [CIVILIANS])


def test_clashes_give_each_side_its_own(generic: GenericActors) -> None:
    clash = ("Battles", "Armed clash")
    assert complete(generic, clash, [MILITARY, JNIM], [], mutual=True) == ([MILITARY], [JNIM])
    assert complete(generic, clash, [], [], mutual=True) == ([UNIDENTIFIED], [UNIDENTIFIED])
    # Not a clash ("soldiers and VDP killed ..."): a joint force stays on one side.
    assert complete(generic, clash, [MILITARY, VDP], []) == ([MILITARY, VDP], [])


def test_riots_and_looting(generic: GenericActors) -> None:
    mob = ("Riots", "Mob violence")
    assert complete(generic, mob, [], [], mutual=True) == ([RIOTERS], [RIOTERS])
    assert complete(generic, mob, [CIVILIANS, POLICE], []) == ([RIOTERS], [POLICE, CIVILIANS])
    looting = ("Strategic developments", "Looting/property destruction")
    assert complete(generic, looting, [JNIM], []) == ([JNIM], [CIVILIANS])


def test_a_state_s_forces_abroad_are_external_forces(extractor: Any) -> None:
    text = "An Israeli airstrike killed 12 people in Rafah on 8 May 2020."
    (event,) = extractor.extract(Document(id="t", text=text, published=dt.date(2020, 5, 9)))
    assert (event.actor1, event.inter1, event.country) == ("Military Forces of Israel", 8, "Palestine")
    text = "Iraqi forces killed 12 Islamic State militants in Anbar province on 8 May 2020."
    (event,) = extractor.extract(Document(id="t", text=text, published=dt.date(2020, 5, 9)))
    assert (event.actor1, event.inter1) == ("Military Forces of Iraq", 1)


def test_event_sides_in_a_document_without_capitals(extractor: Any) -> None:
    text = "russian missiles struck kharkiv on 8 may 2020, killing three civilians, the governor said."
    (event,) = extractor.extract(Document(id="t", text=text, published=dt.date(2020, 5, 9)))
    assert (event.actor1, event.actor2) == ("Military Forces of Russia", "Civilians (Ukraine)")


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 2 May 2020, Afghan military commandos killed at least 8 Taliban militants in Yangi "
            "village of Qaysar district, Faryab.",
            "Military Forces of Afghanistan",
            "Taliban",
        ),
        (
            "On 5 May 2020, presumed JNIM militants abducted a teacher in Djibo, Burkina Faso.",
            "JNIM: Group for Support of Islam and Muslims",
            "Civilians (Burkina Faso)",
        ),
        (
            "On 5 May 2020, Tiv militiamen attacked Fulani herders near Makurdi, Benue State, Nigeria, "
            "killing two.",
            "Tiv Ethnic Militia (Nigeria)",
            "Civilians (Nigeria)",
        ),
        (
            # "in a raid" is no verb of the Shining Path's: its members are the ones arrested.
            "Peruvian police arrested seven suspected members of the Shining Path in a raid on a house in "
            "Lima on 8 May 2020.",
            "Police Forces of Peru",
            "Shining Path",
        ),
        (
            # The act begins inside the actor's words ("jets bombed"): the jets are its agent.
            "Turkish jets bombed PKK positions in northern Iraq's Duhok province on 8 May 2020.",
            "Military Forces of Turkey",
            "PKK: Kurdistan Workers Party",
        ),
        (
            "On 6 May 2020, Israeli artillery shelled two monitoring sites of the al Qassam brigades in "
            "Beit Hanoun.",
            "Military Forces of Israel",
            "Al Qassam Brigades",
        ),
        (
            "RUSSIAN MISSILES STRUCK KHARKIV ON 8 MAY 2020, KILLING THREE CIVILIANS.",
            "Military Forces of Russia",
            "Civilians (Ukraine)",
        ),
    ],
)
def test_event_sides_in_reports(extractor: Any, text: str, actor1: str, actor2: str) -> None:
    events = extractor.extract(Document(id="t", text=text, published=dt.date(2020, 5, 9)))
    assert events, text
    assert (events[0].actor1, events[0].actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "country", "evidence"),
    [
        # No place: local armed groups and police act at home, and the unnamed victims are that country's.
        ("Boko Haram fighters killed 12 farmers on Monday.", "Nigeria", "Boko Haram fighters"),
        (
            "On Tuesday, VDP volunteers repelled an attack by gunmen, killing three of them.",
            "Burkina Faso",
            "VDP",
        ),
        ("Malian police shot dead a protester on Monday.", "Mali", "Malian police"),
        # Armies fight abroad: French troops say nothing of where.
        ("On Tuesday, French troops killed five militants in an air strike.", None, None),
        # Another country's forces on the other side: the rebels may have crossed the border.
        ("Al-Shabaab militants attacked a Kenyan army base on Monday, killing five soldiers.", None, None),
    ],
)
def test_an_event_no_place_locates_is_in_its_local_actors_country(
    extractor: Any, text: str, country: str | None, evidence: str | None
) -> None:
    (event,) = extractor.extract(Document(id="t", text=text, published=dt.date(2024, 5, 2)))
    assert event.country == country
    told = [e.text for e in event.evidence if e.field == "country"]
    assert told == ([evidence] if evidence else [])
    if country:
        assert event.geo_precision == 3 and event.admin1 is None
        assert all(country in a for a in (event.actor1, event.actor2) if a and "(" in a)


def test_a_perpetrator_span_fills_one_role(extractor: Any) -> None:
    # "Soldiers" is a state force named as a group: an organisation, not also a list of individuals.
    text = "Soldiers killed 14 guerrillas in a clash near San Miguel on Monday."
    (event,) = extractor.extract(Document(id="t", text=text, published=dt.date(2020, 5, 9)))
    orgs = [(f.start, f.end) for f in event.perpetrator_orgs]
    assert orgs and not {(f.start, f.end) for f in event.perpetrator_individuals} & set(orgs)


@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the speaker of its own act is a side: the one that repelled an attack was attacked
        (
            "Sudan's army said on Tuesday it had repelled an RSF attack on El Fasher, killing dozens.",
            ("Rapid Support Forces", "Military Forces of Sudan"),
        ),
        (
            "The RSF said it had captured the town of Wad Madani on Monday.",
            ("Rapid Support Forces", None),
        ),
        # ... and the one that "was attacked", or "had been attacked", too
        (
            "The army said on Tuesday that it was attacked by RSF fighters in Omdurman.",
            ("Rapid Support Forces", "Military Forces of Sudan"),
        ),
        # a source reporting another's act is no side
        (
            "The army said militants attacked a checkpoint in Borno on Monday, killing five soldiers.",
            ("Unidentified Armed Group (Nigeria)", "Military Forces of Nigeria"),
        ),
    ],
)
def test_event_actors_a_speaker_of_its_own_act(
    extractor: Any, text: str, actors: tuple[str, str | None], case: Any
) -> None:
    (event,) = extractor.run(Document("s", case(text), published=dt.date(2024, 3, 14))).events
    assert (event.actor1, event.actor2) == actors


def test_event_actors_each_taker_of_ground_that_fell_to_them(extractor: Any) -> None:
    text = "Kidal fell to the Malian army and Wagner fighters on Tuesday."
    (event,) = extractor.run(Document("k", text, published=dt.date(2024, 3, 14))).events
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Government regains territory",
        "Military Forces of Mali",
        None,
    )


def test_event_actors_police_who_fought_before_their_arrests_are_a_side(extractor: Any) -> None:
    text = (
        "Police said they arrested 15 suspects after a clash with gunmen in Kano on Friday that killed two."
    )
    (event,) = extractor.run(Document("p", text, published=dt.date(2024, 3, 14))).events
    assert event.actor1 == "Police Forces of Nigeria"
    text = "Police said they arrested 15 suspects after gunmen attacked a church in Kano on Friday."
    (event,) = extractor.run(Document("p", text, published=dt.date(2024, 3, 14))).events
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"


def test_event_actors_a_speaker_whose_forces_fell_is_the_side_attacked(extractor: Any) -> None:
    text = "Police said they detained 15 men after gunmen attacked officers in Kano, killing two officers."
    (event,) = extractor.run(Document("p", text, published=dt.date(2024, 3, 14))).events
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria")
