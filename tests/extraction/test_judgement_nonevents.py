"""Wordings that name an act without reporting one, in any news: a negated or renounced act, a list the
speaker calls to mind, a habit told in the present, an incitement.

Each sentence runs through the whole extractor, in mixed case and in ALL CAPS (wire copy); a rejected one
must say why (what ``--explain`` prints), and its near miss must stay an event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.extraction.judgement import recalled_item
from eventwire.models.document import Document


def _run(extractor: Any, text: str) -> Any:
    doc = Document(id="nonevent-test", text=text, published=dt.date(1991, 5, 14))
    return extractor.run(doc)


NOT_EVENTS = [
    (
        "The mediators say the truce means not a single shot will be fired in the province.",
        "denial ('not a single",
    ),
    ("The capital fell without a shot being fired, the minister said.", "denial ('without a"),
    ("They dream of a country without a single murdered journalist.", "denial ('without a"),
    (
        "Let us remember the bombing of the court in Cali; the kidnapping of the mayor of Tulua; and the "
        "massacre of peasants in Uraba.",
        "historical (a list after 'let us remember')",
    ),
    ("The rebels say they fight a regime which kills teachers.", "generic ('which kills"),
    ("The pamphlet says the cartel is a gang of criminals who kidnap farmers.", "generic ('who kidnap"),
    ("The rebel leaders agreed to refrain from attacks on the electricity grid.", "plan ('refrain from"),
    ("The council asked the militias to suspend ambushes on the northern highway.", "plan ('to suspend"),
    ("The bishop called for the end of bomb explosions in the cities.", "plan"),
    ("The preacher was expelled because he incited assassination of judges.", "incitement ('incited"),
    ("The editor was jailed for advocating assassination of officials.", "incitement ('advocating"),
    ("The minister said an attack on the airport is not possible now.", "hypothetical"),
    ('"We are not bombing villages," the air force commander said.', "denial ('are not"),
    (
        "He blamed the aid for the torture that has become a daily occurrence.",
        "generic ('that has become a daily",
    ),
    # An act imagined as a conditional's subject; an attack in words; an appeal.
    ("The killings must stop, the minister said on Monday.", "generic ('must stop"),
    ("The note says to bomb the border villages would be a crime against humanity.", "hypothetical ('to"),
    ("He said any effort to bomb the dams would be futile.", "hypothetical ('any effort to bomb"),
    ("The admiral harshly attacked the foreign minister in a speech.", "not conflict (words: 'harshly"),
    ("The bishop said smuggling is an attack against our homeland.", "not conflict (figurative"),
    ("The paper reported the possibility of an attack on the airport.", "hypothetical ('possibility"),
    ("The mayor has received death threats from the militia.", None),
    ("We pay homage to the soldiers killed in combat.", "statement ('pay homage"),
    ("Many people were killed during those days, the old farmer said.", "historical ('during those days"),
    ("It is not fair to live where there are so many killed.", "generic ('so many"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_EVENTS)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_no_event_and_the_reason(extractor: Any, text: str, reason: str | None, case: Any) -> None:
    extraction = _run(extractor, case(text))
    assert extraction.events == ()
    if reason is not None:  # None: no trigger is found at all
        assert any(r.reason.startswith(reason) for r in extraction.rejections), extraction.rejections


STILL_EVENTS = [
    "Gunmen opened fire on a bus in Soyapango on Tuesday; shots were heard across the town.",
    "Two bombs exploded outside the bank in Lima on Monday, police said.",
    "Where did the bomb explode? It went off at the embassy in Bogota on Friday, wounding two guards.",
    "Police said the men who attacked the patrol in Ayacucho on Sunday killed three soldiers.",
    "Troops put an end to the attack on the hotel in San Salvador on Tuesday after killing four rebels.",
    "At the end of the attack on the barracks in Usulutan on Friday, six soldiers were dead.",
    "Rebels blew up a bridge in Usulutan on Friday; the guards were not hurt, but two drivers were killed.",
    "It was the deadliest attack in the past 10 years: a bomb killed 20 people in Lima on Monday.",
    "Over 20 years ago the hotel was bombed; on Monday gunmen shot dead its owner in Cali.",
    "The rioters who were incited by the speech burned the town hall in Oruro on Monday.",
    "Without the shelling of the town on Sunday, the rebels said, they would have won; two were killed.",
    # Near misses of the cues above: a live report says when; an infinitive with no conditional; a real
    # death beside a threat; an attack on a place.
    "Right now the air force is bombing the villages near San Miguel, residents said on Monday.",
    "The army is attacking rebel positions on the volcano tonight, the radio said.",
    "Gunmen came to bomb the bank in Lima on Monday and killed a guard.",
    "The mayor, who had received death threats, was shot dead in Cali on Friday.",
    "Rebels sharply increased their raids and attacked a police post in Ayacucho on Sunday.",
    "Rebels attacked the homeland security office in Lima on Monday, killing two guards.",
    # Live reports in the present progressive; an infinitive after a finite verb, and a conditional of
    # another clause.
    "Israeli jets are bombing Gaza City, residents said on Monday.",
    "Government forces are attacking rebel positions near Aleppo, the observatory said on Monday.",
    "Gunmen tried to kill the mayor of Huancayo on Monday in what police said could be a political crime.",
]


# Real events a careless cue would take (each is one event, its type unchanged by the cues).
ONE_EVENT = [
    ("Gunmen killed 5 villagers in Beni on Friday in attacks that have become common in the region.", None),
    ("The bombing in Kano on Monday was the second attack on the city in two years, killing 9.", None),
    ("The attack, the third in five years, killed 4 people in Kano on Monday.", None),
    ("We remember the victims; the attack on Monday killed 12 people in Beni.", None),
    ("Two bombs explode in Lima, killing three people.", "Explosions/Remote violence"),
    ("Car bombs go off in Baghdad, killing 20 people on Sunday.", "Explosions/Remote violence"),
    ("Investigators are trying to determine which bomb killed the ambassador in Kabul on Monday.",
     "Explosions/Remote violence"),
    ("Gunmen attacked the village and escape was not possible, survivors said of the raid in Beni.", None),
    ("The victims are not being killed at random, police said after 4 bodies were found in Juarez.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "event_type"), ONE_EVENT)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_a_real_event_beside_a_cue_word_stays_one_event(
    extractor: Any, text: str, event_type: str | None, case: Any
) -> None:
    events = _run(extractor, case(text)).events
    assert len(events) == 1
    assert event_type is None or events[0].event_type == event_type


@pytest.mark.parametrize("text", STILL_EVENTS)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_the_near_miss_stays_an_event(extractor: Any, text: str, case: Any) -> None:
    assert len(_run(extractor, case(text)).events) >= 1


def test_a_recall_list_needs_its_head_and_noun_phrase_items() -> None:
    text = "let us recall the explosion of the airliner; the murder of the judge."
    clause = text.index(";")
    assert recalled_item(text, 0, clause, len(text)) == "let us recall"
    told = "police recall that the explosion came first; the army said it killed two rebels."
    assert recalled_item(told, 0, told.index(";"), len(told)) is None
    item_with_a_verb = "we recall the explosion; the police said two were killed."
    assert recalled_item(item_with_a_verb, 0, item_with_a_verb.index(";"), len(item_with_a_verb)) is None
    for item in ("the massacre of one hundred peasants", "the murder of armed forces chief garcia"):
        listed = f"let us recall the bombing of the court; {item}."
        assert recalled_item(listed, 0, listed.index(";"), len(listed)) == "let us recall"
    news = "we remember the victims; the attack on monday killed 12 people in beni."
    assert recalled_item(news, 0, news.index(";"), len(news)) is None  # an item with a verb of its own
