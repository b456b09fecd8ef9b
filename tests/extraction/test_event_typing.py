"""Events from mentions: a movement of forces is an event of its own unless it answers violence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from eventwire.extraction.type_model import Reading, TypePrediction, TypeStage
from eventwire.models.document import Document


def _events(extractor: Any, text: str) -> list[tuple[str, str]]:
    doc = Document(id="t", text=text, published=dt.date(2020, 5, 10))
    return [(e.event_type, e.sub_event_type) for e in extractor.run(doc).events]


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2020, Russian military police brought reinforcements to the town of Maadan in Raqqa.",
        "On 4 May 2020, Turkish and Russian forces conducted a joint patrol in the countryside of Hasakah.",
        "On 8 May 2020, the governor imposed a nightly curfew in the province of Soum.",
    ],
)
def test_events_movements_of_forces_are_changes_of_activity(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == [("Strategic developments", "Change to group/activity")]


_CHANGE = "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 6 May 2020, gunmen set up a fake checkpoint on the road near Gorom.", _CHANGE),
        ("On 6 May 2020, members of the gang delivered food packages to families in Tula.", _CHANGE),
        ("On 6 May 2020, the army launched Operation Desert Shield in the north of the country.", _CHANGE),
        ("On 6 May 2020, the governor put the city of Kaya in quarantine.", _CHANGE),
        (
            "On 6 May 2020, 150 Venezuelan refugees fleeing threats by armed groups arrived in Cucuta "
            "from Bogota.",
            "Other",
        ),
        ("On 6 May 2020, the rebels released 40 soldiers held as prisoners in Kunduz.", "Other"),
    ],
)
def test_events_strategic_cues_make_developments_of_their_sub_type(
    extractor: Any, text: str, sub_event_type: str
) -> None:
    assert _events(extractor, text) == [("Strategic developments", sub_event_type)]


@pytest.mark.parametrize(
    "text",
    [
        # The rules make these developments (see test_typing_rules); the bag of words may still read
        # soldiers' shots or a break-out as violence, but each is an event.
        "On 6 May 2020, soldiers fired warning shots in the air near the village of Kiri.",
        "On 6 May 2020, a dozen inmates broke out of the police station in Fada.",
    ],
)
def test_events_strategic_cues_make_an_event(extractor: Any, text: str) -> None:
    assert len(_events(extractor, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Plans, denials and conditions around the same words stay no event.
        "The government plans to set up checkpoints on all roads into the capital.",
        "Officials denied that soldiers fired warning shots in the air at the market.",
        "If more refugees arrived in the town, the camp would be overwhelmed.",
        "The charity plans to deliver food packages to families next month.",
        # Everyday life in the same words: no armed or state actor, no development of a conflict.
        "On 6 May 2020, the Kano Pillars club was recruiting and training young players in Kano.",
        "On 6 May 2020, the retailer launched Operation Sunshine, a holiday sales campaign, in Lagos.",
        "On 6 May 2020, the hospital set up a checkpoint for visitors at its gate in Kano.",
        "On 6 May 2020, the Red Cross delivered food packages to displaced families in Maiduguri.",
        "On 6 May 2020, the court released 20 prisoners on bail in Abuja.",
        "On 6 May 2020, the government closed its borders to imports of rice from Benin.",
    ],
)
def test_events_strategic_near_misses_stay_no_event(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == []


def test_events_reinforcements_that_answer_a_riot_belong_to_it(extractor: Any) -> None:
    text = (
        "On 8 May 2020, rioters threw stones at police and burned tyres in Kano. "
        "Calm returned by late evening after police reinforcements arrived."
    )
    assert [event_type for event_type, _ in _events(extractor, text)] == ["Riots"]


class _Says:
    """A type model with one answer for every text, and no second stage."""

    answer = TypePrediction("", "", 0.0, 0.0)
    stage: TypeStage | None = None

    def probabilities(self, text: str) -> dict[str, float]:
        return {f"{self.answer.event_type} | {self.answer.sub_event_type}": self.answer.probability}

    def prediction(self, probabilities: dict[str, float]) -> TypePrediction:
        return self.answer


class _SaysProtest(_Says):
    """A type model sure that every text is a peaceful protest."""

    answer = TypePrediction("Protests", "Peaceful protest", 0.9, 0.9)


def test_events_the_model_makes_no_protest_of_an_event_without_a_protest_trigger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysProtest())
    attack = ("Violence against civilians", "Attack", True)
    # Leaders condemning an assassination: the mentions are violence, so the rules' reading stands.
    assert events.second_opinion(attack, "leaders condemned the assassination", {"violence"}) == attack
    # A report whose mentions include a protest may become one.
    assert events.second_opinion(attack, "students marched after the killing", {"violence", "protest"}) == (
        "Protests",
        "Peaceful protest",
        False,
    )


def test_events_a_protest_the_model_makes_of_violence_keeps_how_it_was_met(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysProtest())
    attack = ("Violence against civilians", "Attack", True)
    families = {"violence", "protest"}
    # The bag of words says "protest"; the tear gas the rules read says how it was met.
    gassed = "police fired tear gas at teachers protesting over unpaid wages"
    assert events.second_opinion(attack, gassed, families) == ("Protests", "Protest with intervention", False)
    # Nothing but the march: the model's peaceful protest stands.
    marched = "students marched after the killing"
    assert events.second_opinion(attack, marched, families) == ("Protests", "Peaceful protest", False)
    # Only violence the rules read: a riot the model makes a protest keeps the model's reading, as
    # "arrested" in a demand for release tells of no force at the march.
    riot = ("Riots", "Mob violence", False)
    freed = "villagers protested to demand the release of two men arrested last week"
    assert events.second_opinion(riot, freed, families) == ("Protests", "Peaceful protest", False)


def test_events_a_level_of_forces_is_no_movement(extractor: Any) -> None:
    text = (
        "Defence ministers from three Sahel states agreed on Thursday to keep a joint force of about 5,000"
        " troops deployed along their shared borders through next year."
    )
    assert _events(extractor, text) == []


class _SaysClash(_Says):
    """A type model that reads a clash, P(Battles) = 0.8 and P(Armed clash) = 0.8."""

    answer = TypePrediction("Battles", "Armed clash", 0.8, 0.8)


def test_events_the_model_may_move_a_named_method_to_another_event_type_only_when_confident(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysClash())
    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack", False)
    # Shells fired both ways across a front line: ACLED codes the exchange as a battle.
    text = "forces clashed with rebels and shelled their positions, killing several fighters"
    kinds = ["shelling", "fight", "kill"]
    assert events.second_opinion(shelling, text, {"violence"}, kinds) == ("Battles", "Armed clash", False)
    # Shelling of positions that nobody answered is shelling, whatever the model reads.
    one_sided = "separatists shelled army positions, killing a soldier"
    assert events.second_opinion(shelling, one_sided, {"violence"}, ["shelling", "kill"]) == shelling


class _UnsureWithStage(_Says):
    """A model unsure between an attack and a clash, with a second stage that reads armed victims as a
    battle and a bombing with nobody named as "Other"."""

    answer = TypePrediction("Violence against civilians", "Attack", 0.5, 0.5)
    stage = TypeStage(
        labels=(
            "Battles",
            "Violence against civilians",
            "Explosions/Remote violence",
            "Strategic developments",
        ),
        vocabulary={"v:forces": 0, "rt:Explosions/Remote violence": 1},
        weights=np.array([[4.0, 0.0], [0.0, 0.0], [0.0, 1.0], [0.0, 3.0]], dtype=np.float32),
        bias=np.array([0.0, 1.0, 0.0, 0.0], dtype=np.float32),
    )

    def probabilities(self, text: str) -> dict[str, float]:
        return {
            "Violence against civilians | Attack": 0.5,
            "Battles | Armed clash": 0.4,
            "Riots | Mob violence": 0.1,
        }


def _reading(rules: tuple[str, str], victims: tuple[str, ...]) -> Reading:
    return Reading(rules, ("kill",), ("kill",), "violence", ("violence",), (), (), victims, 1)


def test_events_the_second_stage_reads_armed_victims_as_a_battle(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _UnsureWithStage())
    attack = ("Violence against civilians", "Attack", True)
    text = "gunmen killed a policeman at a checkpoint"
    # "killed a policeman": the dead were armed, so ACLED codes an armed clash.
    assert events.second_opinion(attack, text, {"violence"}, ["kill"], _reading(attack[:2], ("forces",))) == (
        "Battles",
        "Armed clash",
        False,
    )
    # Civilians killed: the stage has nothing to say against the attack.
    assert (
        events.second_opinion(attack, text, {"violence"}, ["kill"], _reading(attack[:2], ("civilian",)))
        == attack
    )


def test_events_the_second_stage_leaves_remote_violence_to_the_first_opinion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _UnsureWithStage())
    bombing = ("Explosions/Remote violence", "Remote explosive/landmine/IED", False)
    reading = _reading(bombing[:2], ())
    assert events.second_opinion(
        bombing, "a bomb exploded outside the bank", {"violence"}, ["ied"], reading
    ) == (bombing)


@pytest.mark.parametrize(
    "text",
    [
        "Troops retook the town without a fight on Sunday, the army said.",
        "Troops retook the town on Sunday, the army said.",
    ],
)
def test_events_a_retaken_town_stays_a_battle_whoever_fell(extractor: Any, text: str) -> None:
    # Nobody fell and no side is named: the second stage, which weighs armed against unarmed victims,
    # once made this an attack on civilians.
    assert _events(extractor, text) == [("Battles", "Government regains territory")]


@pytest.mark.parametrize(
    "text",
    [
        "Police defused a bomb outside the bank in Lima on Monday.",
        "A bomb failed to explode outside the bank in Lima on Monday, police said.",
        "A CAR BOMB DID NOT EXPLODE NEAR THE MARKET IN KABUL ON SUNDAY.",
        "On 17 April 2020, the army dismantled an IED in the area of Kieka (Bourzanga, Bam).",
        "On 1 May 2020, Iraqi forces defused a booby-trapped vehicle before it exploded near Rutba.",
        # one that went off in its makers' hands
        "On 29 April 2020, 2 militants were killed when landmines they were planting exploded prematurely "
        "in Maidan Shar city, Wardak.",
    ],
)
def test_events_a_bomb_that_did_not_go_off_is_disrupted_weapons_use(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded outside the bank in Lima on Monday, killing two people; police defused another.",
        "On Monday a bomb blast rocked the market in Kandahar and police defused a second device nearby.",
        # tensions defused are no bomb
        "On Monday troops defused tensions in Kandahar after a bomb attack on the market.",
        # one device went off early, but the others exploded
        "On Monday one of the devices went off prematurely, but the explosion of the second damaged the "
        "air force installations in Guatemala City.",
    ],
)
def test_events_a_bomb_that_went_off_stays_an_explosion(extractor: Any, text: str) -> None:
    assert _events(extractor, text)[0] == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_events_the_model_does_not_move_a_disrupted_weapon_to_a_battle(extractor: Any) -> None:
    text = "On Monday a grenade was thrown at the police station in Kandahar but did not explode."
    assert _events(extractor, text) == [("Strategic developments", "Disrupted weapons use")]


def test_events_a_bomb_that_did_not_go_off_is_not_how_people_fell(extractor: Any) -> None:
    text = "The bomb did not explode but the gunmen killed two guards at the bank in Lima on Monday."
    assert _events(extractor, text)[0][0] != "Explosions/Remote violence"


def test_events_a_strike_that_destroys_explosives_stays_a_strike(extractor: Any) -> None:
    text = "Coalition airstrikes destroyed an explosives depot of the Houthis near Sanaa on Monday."
    assert _events(extractor, text) == [("Explosions/Remote violence", "Air/drone strike")]


class _SaysAttack(_Says):
    """A type model that reads an attack on civilians, P = 0.8."""

    answer = TypePrediction("Violence against civilians", "Attack", 0.8, 0.8)


def test_events_an_abduction_whose_victims_were_killed_may_become_an_attack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysAttack())
    abduction = ("Violence against civilians", "Abduction/forced disappearance", True)
    killed = "gunmen abducted the village chief and executed him two days later"
    assert events.second_opinion(abduction, killed, {"violence"}, ["abduct", "attack"]) == (
        "Violence against civilians",
        "Attack",
        True,
    )
    # Taking people away was all the violence: the named act stands.
    taken = "gunmen abducted the village chief; no one was hurt"
    assert events.second_opinion(abduction, taken, {"violence"}, ["abduct", "injure"]) == abduction


class _StageForLooting(_Says):
    """A model that reads an attack, with a second stage that trusts the rules' strategic development and
    reads a crowd as rioters."""

    answer = TypePrediction("Violence against civilians", "Attack", 0.6, 0.6)
    stage = TypeStage(
        labels=("Battles", "Violence against civilians", "Riots", "Strategic developments"),
        vocabulary={"rt:Strategic developments": 0, "a:7": 1},
        weights=np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 4.0], [4.0, 0.0]], dtype=np.float32),
        bias=np.array([0.0, 1.0, 0.0, 0.0], dtype=np.float32),
    )

    def probabilities(self, text: str) -> dict[str, float]:
        return {"Violence against civilians | Attack": 0.6, "Riots | Mob violence": 0.4}


def test_events_the_second_stage_may_give_back_the_rules_development_or_see_a_crowd(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _StageForLooting())
    looting = ("Strategic developments", "Looting/property destruction", False)
    reading = Reading(
        looting[:2], ("looting",), ("looting",), "looting", ("looting",), ((2, "rebel"),), (), (), 0
    )
    text = "militants seized livestock and motorbikes from the villagers"
    assert events.second_opinion(looting, text, {"looting"}, ["looting"], reading) == looting
    attack = ("Violence against civilians", "Attack", True)
    villagers = Reading(
        attack[:2], ("attack",), ("attack",), "violence", ("violence",), ((7, "civilians"),), (), (), 0
    )
    beaten = "villagers beat a suspected thief"
    assert events.second_opinion(attack, beaten, {"violence"}, ["attack"], villagers) == (
        "Riots",
        "Mob violence",
        False,
    )
    # Nobody named on the side that acted: in news prose that is most often an armed group left unnamed.
    unnamed = Reading(attack[:2], ("attack",), ("attack",), "violence", ("violence",), (), (), (), 0)
    assert (
        events.second_opinion(attack, "a man was beaten to death", {"violence"}, ["attack"], unnamed)
        == attack
    )


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "On 6 May 2020, about 40 nurses protested outside the hospital in Kisumu over unpaid salaries. "
            "They were dispersed by police using tear gas.",
            "Protest with intervention",
        ),
        (
            "On 6 May 2020, residents demonstrated in front of the town hall in Gulu against water cuts. "
            "Police intervened.",
            "Protest with intervention",
        ),
        (
            "On 6 May 2020, residents demonstrated in front of the town hall in Gulu against water cuts. "
            "The police said the march ended peacefully.",
            "Peaceful protest",
        ),
        (
            "On 6 May 2020, students marched in Kampala against fees. Later, a fire damaged a market.",
            "Peaceful protest",
        ),
    ],
)
def test_events_a_protest_met_by_force_in_the_next_sentence(
    extractor: Any, text: str, sub_event_type: str
) -> None:
    # The police's response often has its own sentence: the protest was met with force all the same.
    assert ("Protests", sub_event_type) in _events(extractor, text)


@pytest.mark.parametrize(
    "after",
    [
        "Security forces later said they had detained a jihadist commander in Mopti.",
        "Police later arrested a man suspected of stealing a car nearby.",
        "Police said no one was arrested.",
        "\nIn other news, police arrested three men over a robbery.",
    ],
)
def test_events_a_next_sentence_on_another_matter_leaves_a_protest_peaceful(
    extractor: Any, after: str
) -> None:
    text = (
        "On 6 May 2020, residents demonstrated in front of the town hall in Gulu against water cuts. " + after
    )
    assert ("Protests", "Peaceful protest") in _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "On 6 May 2020, students marched in Gulu against fees. Gendarmes fired tear gas at the students.",
        # (wrapped wire copy: one line break is no paragraph's end)
        "On 6 May 2020, students marched in Gulu against fees.\nPolice dispersed them with tear gas.",
    ],
)
def test_events_the_force_met_in_the_next_line_or_on_the_marchers(extractor: Any, text: str) -> None:
    assert ("Protests", "Protest with intervention") in _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "In the sequel, the hero returned fire on the alien hordes and escaped.",
        "The player returned fire on Twitter after critics mocked his performance.",
        "The airline carried out joint air-ground operations around the hub to clear the backlog.",
    ],
)
def test_events_fire_returned_or_operations_run_by_no_force_are_no_battle(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == []


def test_events_force_the_rules_read_at_a_protest_outweighs_the_commonest_kind(extractor: Any) -> None:
    text = (
        "On 6 May 2020, hundreds protested in Lome over the arrest of an opposition leader. "
        "The march was broken up by police."
    )
    assert ("Protests", "Protest with intervention") in _events(extractor, text)


class _SaysShelling(_Says):
    """A type model fairly sure that every text is shelling, P = 0.9."""

    answer = TypePrediction("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.9, 0.9)


@pytest.mark.parametrize(
    "text",
    [
        "rebels shelled the army's positions; the soldiers fired back, killing several rebels",
        "government and rebel forces exchanged artillery fire on the front line",
        "FORCES CLASHED WITH HEAVY ARTILLERY FIRE ON THE AIRPORT ROAD",
    ],
)
def test_events_fire_both_ways_keeps_a_battle_against_a_fairly_sure_model(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysShelling())
    clash = ("Battles", "Armed clash", False)
    assert events.second_opinion(clash, text.lower(), {"violence"}, ["shelling", "fight"]) == clash


def test_events_a_battle_the_rules_read_without_fire_both_ways_may_become_shelling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysShelling())
    clash = ("Battles", "Armed clash", False)
    text = "rebels fired mortars at the army's positions near the river"
    assert events.second_opinion(clash, text, {"violence"}, ["shelling"])[0] == "Explosions/Remote violence"


class _SaysProtestWithStage(_SaysProtest):
    """A model sure of a peaceful protest, with a second stage that reads a riot where the rules read a
    battle."""

    stage = TypeStage(
        labels=("Protests", "Riots", "Battles"),
        vocabulary={"rt:Battles": 0},
        weights=np.array([[0.0], [3.0], [5.0]], dtype=np.float32),
        bias=np.array([1.0, 0.0, 0.0], dtype=np.float32),
    )

    def probabilities(self, text: str) -> dict[str, float]:
        return {"Protests | Peaceful protest": 0.9, "Riots | Violent demonstration": 0.1}


def test_events_violence_the_model_makes_a_protest_may_be_a_riot(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysProtestWithStage())
    clash = ("Battles", "Armed clash", False)
    text = "students protested over the death of a classmate and burned police offices"
    reading = Reading(clash[:2], ("protest", "attack"), ("protest",), "violence", ("protest", "violence"), (),
                      (), (), 0)  # fmt: skip
    # Between a protest and a riot only (the stage's battle is no choice here).
    assert events.second_opinion(clash, text, {"protest", "violence"}, ["attack"], reading) == (
        "Riots",
        "Violent demonstration",
        False,
    )


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (
            "On 8 May 2020, military police dismantled a cocaine lab in Petrolina.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "ON 8 MAY 2020, MILITARY POLICE DISMANTLED A COCAINE LAB IN PETROLINA.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 5 May 2020, a civilian was injured by a landmine, laid during the Iran-Iraq War, in Mehran.",
            ("Strategic developments", "Other"),
        ),
        # a mine planted today is remote violence
        (
            "On 5 May 2020, a civilian was injured by a landmine planted by rebels in Mehran.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "On 4 May 2020, miners in Kaya protested to demand the release of colleagues. Police intervene.",
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_events_acled_phrasings_of_the_tuning_notes_type_as_coded(
    extractor: Any, text: str, typed: tuple[str, str]
) -> None:
    assert _events(extractor, text)[0] == typed


@pytest.mark.parametrize(
    "text",
    [
        "On 8 May 2020, the university dismantled a chemistry lab in Petrolina.",
        "On 8 May 2020, regulators shut down a drug factory in Petrolina over quality failures.",
        "ON 8 MAY 2020, THE HOSPITAL DISMANTLED ITS OLD LANGUAGE LAB IN PETROLINA.",
    ],
)
def test_events_labs_that_are_no_drug_labs_give_no_event(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == []


class _SaysLootingWithStage(_Says):
    """A model that reads property destroyed, with a second stage that reads a crowd as rioters wherever it
    is asked."""

    answer = TypePrediction("Strategic developments", "Looting/property destruction", 0.8, 0.8)
    stage = TypeStage(
        labels=("Strategic developments", "Riots", "Battles"),
        vocabulary={"a:none": 0, "a:7": 1},
        weights=np.array([[0.0, 0.0], [3.0, 3.0], [5.0, 5.0]], dtype=np.float32),
        bias=np.array([1.0, 0.0, 0.0], dtype=np.float32),
    )

    def probabilities(self, text: str) -> dict[str, float]:
        return {"Strategic developments | Looting/property destruction": 0.8, "Riots | Mob violence": 0.2}


def test_events_property_a_crowd_destroyed_may_be_a_riot(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysLootingWithStage())
    looting = ("Strategic developments", "Looting/property destruction", False)
    crowd = Reading(looting[:2], ("looting",), ("looting",), "looting", ("looting",), ((7, "civilians"),),
                    (), (), 0)  # fmt: skip
    text = "taxi riders burnt a vehicle in the town after a road accident killed their colleague"
    # Between a development and a riot only (the stage's battle is no choice here).
    assert events.second_opinion(looting, text, {"looting"}, ["looting"], crowd) == (
        "Riots",
        "Mob violence",
        False,
    )
    # An armed group that looted stays a development, whatever the stage reads.
    rebels = Reading(looting[:2], ("looting",), ("looting",), "looting", ("looting",), ((2, "rebel"),), (),
                     (), 0)  # fmt: skip
    seized = "militants seized livestock from the villagers"
    assert events.second_opinion(looting, seized, {"looting"}, ["looting"], rebels) == looting


class _SaysTakenWithStage(_Says):
    """A model that reads ground taken by an armed group, with a second stage that reads a development."""

    answer = TypePrediction("Battles", "Non-state actor overtakes territory", 0.8, 0.8)
    stage = TypeStage(
        labels=("Battles", "Strategic developments", "Violence against civilians"),
        vocabulary={"a:2": 0},
        weights=np.array([[0.0], [3.0], [5.0]], dtype=np.float32),
        bias=np.array([1.0, 0.0, 0.0], dtype=np.float32),
    )

    def probabilities(self, text: str) -> dict[str, float]:
        return {
            "Battles | Non-state actor overtakes territory": 0.6,
            "Strategic developments | Non-violent transfer of territory": 0.4,
        }


def test_events_ground_taken_without_a_fight_may_be_a_development(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysTakenWithStage())
    taken = ("Battles", "Non-state actor overtakes territory", False)
    rebels = Reading(taken[:2], ("territory",), ("territory",), "violence", ("violence",), ((2, "rebel"),),
                     (), (), 0)  # fmt: skip
    text = "militants took control of the village and raised their flag"
    assert events.second_opinion(taken, text, {"violence"}, ["territory"], rebels) == (
        "Strategic developments",
        "Non-violent transfer of territory",
        False,
    )
    # Taken in a fight: a battle, whatever the stage reads.
    fought = Reading(taken[:2], ("territory", "fight"), ("territory",), "violence", ("violence",),
                     ((2, "rebel"),), (), (), 0)  # fmt: skip
    stormed = "militants overran the village after clashes with the army"
    assert events.second_opinion(taken, stormed, {"violence"}, ["territory", "fight"], fought) == taken


class _SaysTakenOrMovedWithStage(_SaysTakenWithStage):
    """The same, with a bag of words whose best development is a change of activity."""

    def probabilities(self, text: str) -> dict[str, float]:
        return {
            "Battles | Non-state actor overtakes territory": 0.6,
            "Strategic developments | Change to group/activity": 0.3,
            "Strategic developments | Non-violent transfer of territory": 0.1,
        }


def test_events_ground_taken_without_a_fight_is_a_transfer_of_territory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysTakenOrMovedWithStage())
    taken = ("Battles", "Non-state actor overtakes territory", False)
    rebels = Reading(taken[:2], ("territory",), ("territory",), "violence", ("violence",), ((2, "rebel"),),
                     (), (), 0)  # fmt: skip
    text = "rebels took control of the border town after the army withdrew"
    assert events.second_opinion(taken, text, {"violence"}, ["territory"], rebels) == (
        "Strategic developments",
        "Non-violent transfer of territory",
        False,
    )


class _SaysAirstrikeWithStage(_Says):
    """A model sure of an airstrike, with a second stage that reads a battle where the rules read one."""

    answer = TypePrediction("Explosions/Remote violence", "Air/drone strike", 0.9, 0.9)
    stage = TypeStage(
        labels=("Explosions/Remote violence", "Battles", "Strategic developments"),
        vocabulary={"rt:Battles": 0},
        weights=np.array([[0.0], [3.0], [5.0]], dtype=np.float32),
        bias=np.array([1.0, 0.0, 0.0], dtype=np.float32),
    )

    def probabilities(self, text: str) -> dict[str, float]:
        return {"Explosions/Remote violence | Air/drone strike": 0.9, "Battles | Armed clash": 0.1}


def test_events_a_fight_backed_by_airstrikes_may_stay_a_battle(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysAirstrikeWithStage())
    clash = ("Battles", "Armed clash", False)
    both = Reading(clash[:2], ("kill", "operation"), ("kill",), "violence", ("violence",), ((1, "military"),),
                   ((2, "rebel"),), ("armed",), 18)  # fmt: skip
    text = "an operation by special forces, backed by airstrikes, killed 18 militants"
    # Between remote violence and a battle only (the stage's development is no choice here).
    assert events.second_opinion(clash, text, {"violence"}, ["kill", "operation"], both) == clash
    # Remote violence the rules read stays the first opinion's.
    strike = ("Explosions/Remote violence", "Air/drone strike", False)
    read = Reading(strike[:2], ("air",), ("air",), "violence", ("violence",), ((1, "military"),), (), (), 0)
    assert events.second_opinion(strike, "warplanes struck the camp", {"violence"}, ["air"], read) == strike


class _SaysAttackSurely(_Says):
    """A type model fairly sure of an attack on civilians, P = 0.8 (below a named method's bar)."""

    answer = TypePrediction("Violence against civilians", "Attack", 0.8, 0.8)


def test_events_the_model_leaves_a_remnant_of_war_to_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysAttackSurely())
    other = ("Strategic developments", "Other", False)
    remnant = "a woman was killed after a rocket, believed to be leftover from the civil war, exploded"
    assert events.second_opinion(other, remnant, {"violence"}, ["kill", "explosion"]) == other
    # Another development the rules read ("Other") is the model's to refine.
    released = "the authorities released 300 prisoners to ease crowding"
    assert events.second_opinion(other, released, {"other"}, ["other"])[0] == "Violence against civilians"


@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
@pytest.mark.parametrize(
    ("text", "expected", "actors"),
    [
        # the state's force against demonstrators is how the protest was met
        (
            "Kenyan police shot dead two protesters during anti-tax demonstrations in Nairobi on Tuesday.",
            ("Protests", "Excessive force against protesters"),
            ("Protesters (Kenya)", "Police Forces of Kenya"),
        ),
        (
            "Police attacked protesters in Nairobi on Tuesday, injuring 10.",
            ("Protests", "Protest with intervention"),
            ("Protesters (Kenya)", "Police Forces of Kenya"),
        ),
        # a toll told beside a riot is the riot's
        (
            "Two people were killed and dozens injured as riots broke out in Dakar on Friday.",
            ("Riots", "Violent demonstration"),
            ("Rioters (Senegal)", None),
        ),
        # demonstrators who stoned a house, or barricaded routes, were violent themselves
        (
            "Police fired tear gas at protesters in Bagassi, Burkina Faso on Monday, wounding four; "
            "protesters stoned a manager's house.",
            ("Riots", "Violent demonstration"),
            ("Rioters (Burkina Faso)", "Police Forces of Burkina Faso"),
        ),
    ],
)
def test_events_force_at_a_protest_and_a_riots_toll(
    extractor: Any, text: str, expected: tuple[str, str], actors: tuple[str, str | None], case: Any
) -> None:
    doc = Document(id="t", text=case(text), published=dt.date(2020, 5, 10))
    (event,) = extractor.run(doc).events
    assert (event.event_type, event.sub_event_type) == expected
    assert (event.actor1, event.actor2) == actors


@pytest.mark.parametrize(
    "text",
    [
        "Houthi rebels fired two anti-ship missiles at a commercial vessel off Yemen on Monday.",
        "Houthi rebels fired a missile at a commercial ship off Yemen on Monday.",
    ],
)
def test_events_missiles_fired_at_a_target_are_a_missile_attack(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_events_a_states_strikes_and_party_supporters(extractor: Any, case: Any) -> None:
    doc = Document(
        id="t",
        text=case("Israeli strikes killed 12 people in Rafah on Monday."),
        published=dt.date(2020, 5, 10),
    )
    (event,) = extractor.run(doc).events
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Israel")
    doc = Document(
        id="t",
        text=case("Party supporters clashed with police in Harare on Monday."),
        published=dt.date(2020, 5, 10),
    )
    (event,) = extractor.run(doc).events
    assert (event.event_type, event.actor1, event.actor2) == (
        "Riots",
        "Rioters (Zimbabwe)",
        "Police Forces of Zimbabwe",
    )
