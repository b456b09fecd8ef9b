"""Judgement past the trigger cues: generic plurals, cues around the trigger, figurative senses, war tolls.

Each case is a sentence of the kind wire copy carries, run through the whole extractor; the rejected ones
must say why (what ``--explain`` prints), the kept ones must still give their event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.extraction.judgement import around_reason, bare_plural
from eventwire.models.document import Document


def _run(extractor: Any, text: str) -> Any:
    doc = Document(id="judgement-test", text=text, published=dt.date(1990, 3, 6))
    return extractor.run(doc)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "The army controls everything; there are only some bombings and shootings that lead nowhere.",
            "generic (plural",
        ),
        ("They say democracy has had to face bombs, drug terrorism and hatred.", "generic (plural"),
        (
            "They have killed many people and they want to impose a new government.",
            "generic ('have killed many",
        ),
        ("Protest demonstrations are multiplying.", "generic ('are multiplying"),
        (
            "The report that the daughter of the ambassador was seriously wounded by gunfire is absolutely "
            "unfounded, the embassy said.",
            "denial",
        ),
        ("However, we must also attack the terrorists through the courts, the minister said.", "plan ('must"),
        ("This new attack against the Chilean nation compels us to close ranks.", "not conflict (figurative"),
        ("The constitution was drafted after the killing of over 70,000 Salvadorans.", "cumulative (a toll"),
        # An act named by its year is history, not news.
        ("Survivors of the 1985 massacre gathered in the village square.", "past ('the 1985"),
        ("The guerrillas yesterday condemned attacks by the army on peasants.", "statement ('condemned"),
        # An inquiry does not lift the threat from an act that is still to come.
        ("The rebels will kill the judges who investigate the cartel, the communique said.", "threat ('will"),
        # Only an inquiry into the trigger itself lifts the cue.
        (
            "The government threatened to solve the crisis by bombing the rebel camps.",
            "threat ('threatened to",
        ),
        ("The army would solve the problem by shelling the town.", "threat ('would"),
        ("The troops will look into the area and attack any rebels.", "threat ('will"),
        # An order or a warrant for the act is not the act.
        (
            "The prosecutor said there are no grounds to keep the arrest orders against the former mayor.",
            "not conflict ('orders",
        ),
        ("A judge in Cali issued an arrest warrant for the former governor on Monday.", "not conflict"),
    ],
)
def test_not_an_event_and_why(extractor: Any, text: str, reason: str) -> None:
    extraction = _run(extractor, text)
    assert extraction.events == ()
    assert any(r.reason.startswith(reason) for r in extraction.rejections), [
        r.reason for r in extraction.rejections
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes between students and police broke out in Dakar on Monday after the closure of the canteens.",
        "Two bombs exploded outside a bank in Lima on Tuesday, wounding three guards.",
        "Riot police threw tear gas bombs at the marchers in Bogota yesterday.",
        "Gunmen shot dead a judge and his driver in Medellin on Monday.",
        # The cue sits in a relative clause about the protesters, not on the protest.
        "Families of detainees, who have not been allowed to visit their relatives since March, held a "
        "protest outside the central prison in Lima on Monday.",
        # What is condemned or still investigated is the object, an act that happened.
        "The ruling party today condemned the assassination of the mayor of Zaragoza, shot dead on Sunday.",
        "Police continue to investigate the bombing of the electricity substation in Usulutan last night.",
        # "will" belongs to a clause before a relative clause told in the past.
        "A delegation that will attend the funerals of the six priests who were shot dead by soldiers in "
        "San Salvador on Thursday arrived today.",
        # ... or a clause told in the perfect, by a subject of its own.
        "The Extraditables announced on Monday that they will release the 12 people they have abducted in "
        "Medellin.",
        # A statement that reports an act is still an act.
        "The minister claimed that a recruiter armed with a grenade was killed by security forces in "
        "Ouagadougou on Monday.",
        # The purpose ends at the comma; what follows was done.
        "Vigilantes entered a gambling hall in Kalgonde on Monday in order to arrest a suspect, then opened "
        "fire and wounded four civilians.",
        # The flood is what the protesters want redress for.
        "Victims of the floods blocked the national road in Uvira on Monday to demand aid.",
        # The noun names the act, in ALL-CAPS wire style too.
        "THE BRAZILIAN GOVERNMENT STATES ITS INDIGNATION OVER THE MURDER OF SIX JESUIT PRIESTS IN SAN "
        "SALVADOR ON THURSDAY.",
        # A day between the verb of condemnation and the act condemned.
        "MEXICO BITTERLY CONDEMNED FRIDAY THE ASSASSINATION OF SIX JESUIT PRIESTS THURSDAY IN SAN SALVADOR.",
        # Who did it is in question, not that the act happened.
        "The rebels accused army officers of masterminding the killing of the six Jesuits in San Salvador "
        "on Thursday.",
        "The government blamed the rebels for the bombing of the power station in Usulutan on Monday.",
        # What lies ahead is the inquiry; the act it looks into happened.
        "A commission which will investigate the murder of the mayor of Zaragoza on Sunday was set up today.",
        "The government is ready to carry out the investigation to clarify last Thursday's murder of the "
        "priests in San Salvador.",
        # An aside to the reader is neither a future nor history.
        "AS YOU WILL RECALL, MONTOYA WAS KIDNAPPED IN MEDELLIN ON 3 MARCH BY THE EXTRADITABLES.",
        # An arrest made on a warrant is told by its own verb.
        "Police arrested the former mayor on a warrant in Cali on Monday.",
    ],
)
def test_specific_acts_stay_events(extractor: Any, text: str) -> None:
    assert len(_run(extractor, text).events) == 1


def test_bare_plural_needs_no_determiner_and_nothing_after_it() -> None:
    text = "only some bombings and shootings. the bombings in lima. two bombings. clashes between them."
    assert bare_plural(text, 0, 10, 18)  # "bombings" after "some"
    assert not bare_plural(text, 34, 38, 46)  # "the bombings"
    assert not bare_plural(text, 56, 60, 68)  # "two bombings"
    assert not bare_plural(text, 70, 70, 77)  # "clashes between ..."


def test_around_reason_reads_cues_that_span_or_follow_the_trigger() -> None:
    text = "they have killed many people."
    assert around_reason(text, len(text), 0, text.index("killed"), text.index("killed") + 6) is not None
    text = "they killed a policeman in many places."
    assert around_reason(text, len(text), 0, 5, 11) is None


def _reason_at(text: str, word: str) -> str | None:
    start = text.index(word)
    return around_reason(text, len(text), 0, start, start + len(word))


def test_around_reason_tells_an_imagined_act_and_words_from_a_report() -> None:
    # An act told in the present progressive is a live report as often as a charge: it stays an act.
    assert _reason_at("israeli jets are bombing gaza city, residents said.", "bombing") is None
    assert _reason_at("to bomb the port would be folly.", "bomb") == "hypothetical ('to bomb ... would be')"
    # An infinitive after a finite verb happened; "in what police said could be" is another clause's.
    assert _reason_at("gunmen tried to kill the mayor in what police said could be a crime.", "kill") is None
    # The conditional is about the act's outcome, not an imagined act: the bomb went off.
    assert _reason_at("the bomb would have killed more.", "bomb") is None
    assert _reason_at("they came to bomb the port and fled.", "bomb") is None
    assert _reason_at("he bitterly attacked the judge.", "attacked") == "not conflict (words: 'bitterly')"
    assert _reason_at("rebels bitterly fought and attacked the post.", "attacked") is None


def test_a_range_of_days_past_publication_is_uncertainty_but_a_later_day_is_a_plan(extractor: Any) -> None:
    published = dt.date(2020, 7, 27)
    note = (
        "Around 27 July 2020 (between 27 -28 July), suspected militants burned a school in Bodiaga "
        "(Tansarga, Tapoa)."
    )
    (event,) = extractor.run(Document(id="range", text=note, published=published)).events
    assert (event.event_date, event.date_start, event.date_end) == (
        published,
        published,
        dt.date(2020, 7, 28),
    )
    later = extractor.run(
        Document(id="later", text="Teachers staged a march in Ouagadougou on 29 July.", published=published)
    )
    assert not later.events  # (one day after is the slack of time zones: see test_event_dates)
    assert any(r.reason.startswith("plan (dated 2020-07-29") for r in later.rejections)


@pytest.mark.parametrize(
    "text",
    [
        # Tolls summed over several acts: "in all" is a total, not one event.
        "In all more than 100 people were killed in the attacks on the villages.",
        "In all three attacks, 30 people were killed.",
        # A crowd that a disaster moved, with no demand, is no protest.
        "Survivors of the earthquake marched to the relief camp in Herat on Monday.",
        "Earthquake survivors rallied at the stadium in Adana on Monday to receive food and blankets.",
        "Thousands of villagers marched for hours on Monday to escape the floods near Sukkur.",
        # Gatherings, launches and operations that are not political violence.
        "Thousands of fans gathered outside the stadium in Lagos on Monday to support their team.",
        "Fans gathered in the square in Lagos on Monday waving flags after the final.",
        "A SpaceX rocket was launched from Cape Canaveral on Monday.",
        "Two missiles were fired during a military parade in Pyongyang on Monday.",
        "Air force helicopters conducted aerial operations in Kenya on Monday to find the missing climbers.",
        "The bank launched several operations against money laundering in Lagos on Monday.",
        "The company demonstrated asking price reductions to investors in Nairobi on Monday.",
        # A charge or a trial for murder is the court's business, not an act of violence today.
        "A former police officer was charged with murder in Lima on Monday.",
        "The murder trial of three soldiers opened in San Salvador on Monday.",
    ],
)
def test_totals_disasters_and_other_senses_give_no_event(extractor: Any, text: str) -> None:
    assert _run(extractor, text).events == ()


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Victims of the floods blocked the road in Sukkur on Monday to demand aid.", "Protests"),
        ("Hundreds of flood victims held a demonstration in Sukkur on Monday.", "Protests"),
        ("Earthquake survivors staged a sit-in outside the governor's office in Herat.", "Protests"),
        ("Residents rioted in Karachi on Monday after a child drowned in an open drain.", "Riots"),
    ],
)
def test_a_crowd_that_demands_or_protests_after_a_disaster_still_counts(
    extractor: Any, text: str, event_type: str
) -> None:
    assert [event.event_type for event in _run(extractor, text).events] == [event_type]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # A murder case, charge or trial in the sentence no longer vetoes the act the sentence reports.
        ("Police in Karachi arrested 3 suspects in the murder case of a journalist on Monday.", "Arrests"),
        ("Police detained a man suspected of murder in Lagos on Monday.", "Arrests"),
        ("Security forces arrested three men on murder charges in Kano on Monday.", "Arrests"),
        ("Police arrested two men in Lagos on Monday on suspicion of murder.", "Arrests"),
        ("Militants shot dead a judge who had been hearing a murder trial in Peshawar on Monday.", "Attack"),
    ],
)
def test_a_murder_charge_or_case_leaves_the_act_reported(
    extractor: Any, text: str, sub_event_type: str
) -> None:
    assert [event.sub_event_type for event in _run(extractor, text).events] == [sub_event_type]


def test_a_shootout_with_suspects_accused_of_murder_is_an_event(extractor: Any) -> None:
    text = "Soldiers killed two suspects accused of murder in a shootout in Kaduna on Monday."
    assert len(_run(extractor, text).events) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The double murder of two journalists in Lagos on Sunday shocked the country.",
        "The murders in Medellin on Sunday shocked the country.",
        "Police will investigate last Thursday’s murder of a journalist in Medellin.",
    ],
)
def test_a_murder_named_with_an_adjective_a_place_or_a_curly_possessive_is_an_event(
    extractor: Any, text: str
) -> None:
    assert len(_run(extractor, text).events) == 1


def test_an_accused_victim_is_no_statement_about_the_act(extractor: Any) -> None:
    # "accused of sorcery" names the victim; "was accused of attacking" is an allegation
    published = dt.date(2020, 5, 6)
    lynching = "On 5 May 2020, a man accused of sorcery was beaten to death by villagers in Kasai."
    assert extractor.run(Document(id="a", text=lynching, published=published)).events
    allegation = "On 5 May 2020, the man was accused of attacking a bus in Kasai."
    assert not extractor.run(Document(id="b", text=allegation, published=published)).events
