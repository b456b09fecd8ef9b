"""ACLED's decision rules on the sides, victims and trigger kinds of an event."""

from __future__ import annotations

from eventwire.extraction.typing_rules import classify


def test_typing_rules_civilians_shot_by_a_group_is_an_attack_not_a_clash() -> None:
    # "TWO U.S. MORMON MISSIONARIES WERE SHOT TO DEATH ... BY A GROUP OF TERRORISTS": the passive agent
    # lands on the far side; only civilians fell and nobody fought back.
    typed = classify(
        ["attack", "kill"],
        "violence",
        "two u.s. mormon missionaries were shot to death last night in la paz by a group of terrorists",
        side_a_inters=[],
        side_b_inters=[3],
        victim_categories=["civilian"],
        fatalities=2,
    )
    assert typed == ("Violence against civilians", "Attack", True)


def test_typing_rules_militants_against_soldiers_stay_a_clash() -> None:
    typed = classify(
        ["attack", "kill"],
        "violence",
        "militants attacked an army post, killing two civilians",
        side_a_inters=[2],
        side_b_inters=[1],
        victim_categories=["civilian"],
        fatalities=2,
    )
    assert typed[:2] == ("Battles", "Armed clash")


def test_typing_rules_a_fight_with_civilian_deaths_is_still_a_fight() -> None:
    typed = classify(
        ["fight", "kill"],
        "violence",
        "clashes between two clans left three villagers dead",
        side_a_inters=[4],
        side_b_inters=[4],
        victim_categories=["civilian"],
        fatalities=3,
    )
    assert typed[:2] == ("Battles", "Armed clash")


def _attack_typed(text: str) -> tuple[str, str]:
    """The typing of an attack with nobody named on either side and no deaths."""
    return classify(
        ["attack"],
        "violence",
        text,
        side_a_inters=[],
        side_b_inters=[],
        victim_categories=["people"],
        fatalities=0,
        anchor_kinds=["attack"],
    )[:2]


def test_typing_rules_an_attack_made_with_explosives_is_remote_violence() -> None:
    typed = _attack_typed
    assert typed("the attack with explosives carried out today against the office of the committee") == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert typed("gunmen attacked the police station with grenades") == (
        "Explosions/Remote violence",
        "Grenade",
    )
    # A weapon of another kind leaves the attack as it was.
    assert typed("gunmen attacked the police station with rifles")[0] != "Explosions/Remote violence"


def test_typing_rules_explosives_outside_the_attack_leave_it_as_it_was() -> None:
    for text in (
        "police struck with a bomb disposal robot",
        "rebels attacked the town. police arrived with bomb-sniffing dogs",
        "gunmen attacked the village and fled with explosives",
        "rebels attacked the post. soldiers responded with grenades",
    ):
        assert _attack_typed(text)[0] != "Explosions/Remote violence", text


def test_typing_rules_villagers_who_attack_are_a_mob() -> None:
    typed = classify(
        ["attack", "kill"],
        "violence",
        "residents of the market beat a suspected thief to death",
        side_a_inters=[7],
        side_b_inters=[],
        victim_categories=["armed"],
        fatalities=1,
    )
    assert typed[:2] == ("Riots", "Mob violence")


def test_typing_rules_villagers_who_are_attacked_are_no_mob() -> None:
    # The near miss: civilians on the far side are the victims of gunmen, not a crowd.
    typed = classify(
        ["attack", "kill"],
        "violence",
        "gunmen attacked the villagers, killing four",
        side_a_inters=[3],
        side_b_inters=[7],
        victim_categories=["civilian"],
        fatalities=4,
    )
    assert typed[:2] == ("Violence against civilians", "Attack")


def test_typing_rules_villagers_who_demonstrate_are_left_to_the_protest_rules() -> None:
    typed = classify(
        ["protest", "attack"],
        "violence",
        "residents protested and set fire to the town hall",
        side_a_inters=[7],
        side_b_inters=[],
        victim_categories=[],
        fatalities=0,
    )
    assert typed[:2] != ("Riots", "Mob violence")


def test_typing_rules_villagers_who_rape_or_abduct_are_no_mob() -> None:
    # The method names the event whoever committed it.
    for kinds, sub in (
        (["attack", "sexual"], "Sexual violence"),
        (["abduct", "attack"], "Abduction/forced disappearance"),
    ):
        typed = classify(
            kinds,
            "attack",
            "villagers attacked the women",
            side_a_inters=[7],
            side_b_inters=[7],
            victim_categories=["civilian"],
            fatalities=0,
        )
        assert typed[:2] == ("Violence against civilians", sub), kinds


def test_typing_rules_measures_and_other_developments_are_strategic() -> None:
    # "fired warning shots in the air" (control, of the change family), "inmates broke out of the jail".
    common = {"side_a_inters": [1], "side_b_inters": [], "victim_categories": [], "fatalities": 0}
    assert classify(["control"], "change", "soldiers fired warning shots in the air", **common) == (
        "Strategic developments",
        "Change to group/activity",
        False,
    )
    assert classify(["other"], "other", "inmates broke out of the jail", **common) == (
        "Strategic developments",
        "Other",
        False,
    )
