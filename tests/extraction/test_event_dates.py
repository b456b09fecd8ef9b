"""Which date an event takes: its own act's, not a report's, a relative clause's or a grievance's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.models.document import Document

_PUBLISHED = dt.date(2020, 5, 10)


def _run(extractor: Any, text: str) -> tuple[list[tuple[str, dt.date | None]], list[str]]:
    result = extractor.run(Document(id="t", text=text, published=_PUBLISHED))
    return [(e.event_type, e.date_end) for e in result.events], [r.reason for r in result.rejections]


@pytest.mark.parametrize(
    "text",
    [
        # what the crowd remembers happened long ago; the march is today's
        "Thousands demonstrated in Ouagadougou in remembrance of Norbert Zongo, a journalist who was "
        "assassinated in 1998.",
        "Protesters marched in silence to the grave of Norbert Zongo who was killed in 1998.",
        "Dozens of policemen staged a sit-in in Ouagadougou protesting against their firing in 2011.",
        # the grievance's date
        "A group gathered outside the town administration in Cemanke in protest of the abduction of a "
        "civilian by PKK in Siyare village of Amadiya on 29 January 2020.",
    ],
)
def test_a_date_of_what_a_protest_is_about_does_not_date_the_protest(extractor: Any, text: str) -> None:
    events, reasons = _run(extractor, text)
    assert events and events[0][0] == "Protests", reasons
    assert events[0][1] == _PUBLISHED
    assert not any(r.startswith("historical (dated") for r in reasons)


def test_a_relative_clause_keeps_its_date_to_itself(extractor: Any) -> None:
    text = "On 8 May 2020, a soldier who had deserted on 2 March was killed by gunmen near Kidal."
    events, _ = _run(extractor, text)
    assert events and events[0][1] == dt.date(2020, 5, 8)


def test_a_relative_clause_on_the_event_itself_dates_it(extractor: Any) -> None:
    # "which took place in 1998" tells the attack's own date: history stays history
    text = "The attack on the embassy in Nairobi, which took place on 7 August 1998, killed 213 people."
    events, reasons = _run(extractor, text)
    assert not events
    assert any(r.startswith("historical (dated 1998") for r in reasons)


def test_a_day_in_a_place_name_is_no_date(extractor: Any) -> None:
    text = (
        "On 6 May 2020, coalition forces fired artillery shells at Ad Dubyani area of July 7 neighbourhood "
        "in the northeast of Hodeidah city."
    )
    events, reasons = _run(extractor, text)
    assert events and events[0][1] == dt.date(2020, 5, 6), reasons


def test_a_report_day_before_its_verb_dates_the_report_not_the_act(extractor: Any) -> None:
    text = (
        "Guerrillas attacked a police post in Medellin on 2 May, killing three officers. "
        "The government today condemned the attack on the police post in Medellin."
    )
    events, _ = _run(extractor, text)
    assert [date for _, date in events] == [dt.date(2020, 5, 2)]


def test_a_possessive_day_dates_the_act_after_from(extractor: Any) -> None:
    # "from Sunday's attack" names the attack's day; "from Sunday" alone would open a span.
    text = (
        "The death toll from Saturday's attack on a church in Ondo state rose to 22, police said on Sunday."
    )
    events, _ = _run(extractor, text)
    assert [date for _, date in events] == [dt.date(2020, 5, 9)]  # published on Sunday 10 May


def test_a_possessive_day_of_something_else_dates_no_act(extractor: Any) -> None:
    text = "Gunmen killed 5 people in Kano, days after police withdrew from Saturday's rally."
    events, _ = _run(extractor, text)
    assert [date for _, date in events] == [_PUBLISHED]  # the week up to publication, not 9 May


def test_the_act_s_own_day_wins_over_the_day_it_was_reported(extractor: Any) -> None:
    text = (
        "Military sources today reported that 35 people died in attacks by rebels against four towns in "
        "Ayacucho department. The attacks took place at dawn on 4 May."
    )
    events, _ = _run(extractor, text)
    assert [date for _, date in events] == [dt.date(2020, 5, 4)]


def test_a_cause_given_with_because_keeps_its_own_date(extractor: Any) -> None:
    # The centre was evacuated today because of last night's missile: the strike is dated last night.
    result = extractor.run(
        Document(
            id="t",
            text="The refugee centre in San Salvador was evacuated today because it was hit by a missile "
            "fired by a military plane last night, church sources said.",
            published=_PUBLISHED,
        )
    )
    assert [(e.sub_event_type, e.date_start) for e in result.events] == [
        ("Shelling/artillery/missile attack", _PUBLISHED - dt.timedelta(days=1))
    ]


def test_an_old_day_the_document_opens_with_is_its_story(extractor: Any) -> None:
    # filed long after, the report is about that day's attack (coders' notes, investigations)
    text = "On 14 September, gunmen attacked the village of Gomde, killing four civilians."
    events, reasons = _run(extractor, text)
    assert events == [("Violence against civilians", dt.date(2019, 9, 14))], reasons


def test_an_old_day_further_down_is_background(extractor: Any) -> None:
    text = (
        "Gunmen attacked the village of Gomde on Friday, killing four civilians. "
        "On 14 September, gunmen attacked the nearby village of Tangaye, killing two herders."
    )
    events, reasons = _run(extractor, text)
    assert [date for _, date in events] == [dt.date(2020, 5, 8)]
    assert any(r.startswith("historical (dated 2019-09-14") for r in reasons)


def test_a_named_day_just_after_publication_is_no_plan(extractor: Any) -> None:
    # a publication date in another time zone is often the day before
    text = "On 11 May 2020, two soldiers were killed by an IED near Namssiguia."
    events, reasons = _run(extractor, text)
    assert events == [("Explosions/Remote violence", dt.date(2020, 5, 11))], reasons


def test_a_relative_day_after_publication_is_a_plan(extractor: Any) -> None:
    text = "Teachers will march to the ministry in Ouagadougou tomorrow to demand their unpaid wages."
    events, _ = _run(extractor, text)
    assert not events


@pytest.mark.parametrize(
    "text",
    [
        # the story is something later: a rally, a verdict, an anniversary
        "On 14 September 2019, gunmen attacked the village of Gomde, killing four civilians. Seven months "
        "later, relatives rallied in Ouagadougou on Saturday.",
        "On 14 September 2019, gunmen attacked the village of Gomde, killing four civilians. The last "
        "surviving attacker is serving a life sentence.",
    ],
)
def test_an_old_opening_day_with_a_later_news_peg_is_background(extractor: Any, text: str) -> None:
    events, _ = _run(extractor, text)
    assert all(date != dt.date(2019, 9, 14) for _, date in events)


def test_a_named_day_just_after_publication_in_a_plan_is_a_plan(extractor: Any) -> None:
    text = "A protest against the fuel price rise is scheduled for 11 May in Nairobi."
    events, _ = _run(extractor, text)
    assert not events


def test_the_day_a_source_spoke_is_no_news_peg(extractor: Any) -> None:
    text = "On 14 February, gunmen killed 12 villagers in Kaura, a local official said on Friday."
    events, reasons = _run(extractor, text)
    assert [date for _, date in events] == [dt.date(2020, 2, 14)], reasons


def test_a_plan_word_after_the_day_makes_no_plan(extractor: Any) -> None:
    text = "Gunmen killed five people in Jos on 11 May, police said, adding that troops would be deployed."
    events, reasons = _run(extractor, text)
    assert [date for _, date in events] == [dt.date(2020, 5, 11)], reasons


def test_a_war_s_toll_beside_the_act_leaves_the_act_an_event(extractor: Any) -> None:
    # No date anywhere: the war's toll is not the massacre's, and does not make the massacre a war's toll.
    text = (
        "The army's massacre of six Jesuit priests cannot be considered an isolated act. Over 7,000 people "
        "have died in El Salvador during 10 years of war."
    )
    result = extractor.run(Document(id="t", text=text, published=_PUBLISHED))
    assert len(result.events) == 1
    assert result.events[0].fatalities is None or result.events[0].fatalities.best < 1000
    text = "Over 7,000 people have died in El Salvador during 10 years of war."
    result = extractor.run(Document(id="t", text=text, published=_PUBLISHED))
    assert not result.events and any(r.reason.startswith("cumulative") for r in result.rejections)


def test_a_war_s_toll_beside_a_dated_act_is_no_part_of_its_toll(extractor: Any) -> None:
    text = (
        "An airstrike killed 12 people in Idlib on Friday. Over 500,000 people have died in 13 years of war."
    )
    result = extractor.run(Document(id="t", text=text, published=_PUBLISHED))
    (event,) = result.events
    assert event.fatalities is not None
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (12, 12, 12)


@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_a_separate_attack_with_no_date_of_its_own_shares_the_news_day(extractor: Any, case: Any) -> None:
    # _PUBLISHED is a Sunday: "on Thursday" is 7 May.
    text = case(
        "Russian missiles struck Kharkiv on Thursday, killing five people. In a separate attack, drones hit "
        "Odesa, injuring three."
    )
    result = extractor.run(Document(id="t", text=text, published=_PUBLISHED))
    assert [(e.date_start, e.time_precision) for e in result.events] == [(dt.date(2020, 5, 7), 1)] * 2


def test_an_undated_act_told_without_a_separate_cue_keeps_the_reports_week(extractor: Any) -> None:
    text = "Gunmen killed 10 villagers in Zamfara on Thursday. Bandits abducted 20 students in Kaduna."
    events = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert [(e.date_start, e.date_end) for e in events] == [
        (dt.date(2020, 5, 7), dt.date(2020, 5, 7)),
        (dt.date(2020, 5, 4), _PUBLISHED),
    ]


@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_the_day_a_report_was_made_dates_an_act_it_gives_no_day(extractor: Any, case: Any) -> None:
    # (_PUBLISHED is a Sunday) the army's statement on Thursday says the act happened by then
    text = case("The army said on Thursday that militants attacked a checkpoint in Borno, killing five.")
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert event.date_start == dt.date(2020, 5, 7)
    # an act told over a span is none of the report's day: the week up to publication
    text = case(
        "The ministry said on Thursday that Russian forces had shelled Kherson 80 times over the past week."
    )
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert (event.date_end, event.time_precision) == (_PUBLISHED, 2)
    # ... but a span told aside, after the act, leaves the report's day to it
    text = case(
        "Officials said on Thursday that gunmen killed 12 in Zamfara, the third such attack in the past week."
    )
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert (event.date_start, event.time_precision) == (dt.date(2020, 5, 7), 1)
    # ... and a span after a list of places is the act's ("in Zamfara, Katsina and Sokoto over the past week")
    text = case(
        "Gunmen killed 40 people in Zamfara, Katsina and Sokoto over the past week, officials said Thursday."
    )
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert event.time_precision == 2
    # a day of its own still wins: "said on Thursday that on Tuesday ..."
    text = case("The army said on Thursday that on Tuesday militants attacked a checkpoint in Borno.")
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert event.date_start == dt.date(2020, 5, 5)


def test_a_news_day_in_what_the_victim_did_dates_the_act(extractor: Any) -> None:
    text = (
        "Israeli troops shot dead a Palestinian man who allegedly tried to stab soldiers at a checkpoint "
        "near Hebron on Thursday."
    )
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert (event.date_start, event.time_precision) == (dt.date(2020, 5, 7), 1)
    # a year in it is the victim's history, not the act's day
    text = "Gunmen shot dead a former mayor who was elected in 2015 in Kidal."
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert event.date_start != dt.date(2015, 1, 1)


def test_a_year_in_the_actors_history_does_not_date_their_act(extractor: Any) -> None:
    # (published 2020-05-10) a note that gives no day: the report's week, not 2012
    text = "Former mutinous policemen fired in 2012 demonstrated asking for their integration."
    (event,) = extractor.run(Document(id="t", text=text, published=_PUBLISHED)).events
    assert event.date_end == _PUBLISHED
