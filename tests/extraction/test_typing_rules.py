"""ACLED's decision rules on the sides, victims and trigger kinds of an event."""

from __future__ import annotations

import pytest

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


def _remote_typed(
    kinds: list[str], text: str, a: list[int | None], b: list[int | None], victims: list[str]
) -> tuple[str, str]:
    return classify(
        kinds,
        "violence",
        text,
        side_a_inters=a,
        side_b_inters=b,
        victim_categories=victims,
        fatalities=0,
        anchor_kinds=kinds[:1],
    )[:2]


def test_typing_rules_shells_used_in_a_ground_fight_are_an_armed_clash() -> None:
    clash = ("Battles", "Armed clash")
    # Mortars with small arms at the other side's positions, fire exchanged across a front, a grenade
    # answered with gunfire: ACLED codes the fight, not the weapon.
    assert (
        _remote_typed(
            ["shelling"],
            "the rebels fired mortars and small arms at army positions near the town",
            [2],
            [1],
            [],
        )
        == clash
    )
    assert (
        _remote_typed(
            ["shelling"],
            "government and rebel forces exchanged artillery fire on the northern front",
            [1],
            [],
            [],
        )
        == clash
    )
    assert (
        _remote_typed(
            ["grenade", "attack"],
            "militants threw a hand grenade at a police checkpoint and the officers responded with gunfire",
            [2, 1],
            [],
            [],
        )
        == clash
    )


def test_typing_rules_shelling_without_a_ground_fight_stays_shelling() -> None:
    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    # One-sided shelling of positions, and rifles fired with mortars at homes, stay remote violence.
    assert (
        _remote_typed(
            ["shelling", "kill"], "separatists shelled army positions, killing a soldier", [2], [1], []
        )
        == shelling
    )
    assert (
        _remote_typed(
            ["shelling"],
            "the militia fired mortar shells and sniper rifles at residential neighbourhoods",
            [3],
            [],
            [],
        )
        == shelling
    )


def test_typing_rules_a_carried_explosive_or_air_support_is_not_the_method() -> None:
    clash = ("Battles", "Armed clash")
    assert (
        _remote_typed(
            ["grenade", "attack", "kill"],
            "police shot dead a militant armed with a hand grenade",
            [1],
            [2],
            ["armed"],
        )
        == clash
    )
    assert (
        _remote_typed(
            ["air", "kill", "operation"],
            "an operation by special forces, backed by airstrikes, killed 18 militants",
            [1],
            [2],
            ["armed"],
        )
        == clash
    )


def test_typing_rules_abductees_harmed_reads_deaths_not_their_denial() -> None:
    from eventwire.extraction.typing_rules import abductees_harmed

    assert abductees_harmed(["abduct", "attack"], "gunmen abducted a teacher and later executed him", 0)
    assert abductees_harmed(["abduct", "kill"], "two of the abducted traders were found dead", 0)
    assert abductees_harmed(["abduct"], "gunmen abducted five villagers", 2)
    assert not abductees_harmed(["abduct", "kill"], "gunmen abducted two traders; no one was killed", 0)
    assert not abductees_harmed(["abduct", "injure"], "neither injuries nor deaths were reported", 0)
    assert not abductees_harmed(["abduct"], "bandits kidnapped dozens of people in a night raid", 0)


def test_typing_rules_soldiers_or_police_taken_are_no_abduction_of_civilians() -> None:
    # ACLED's abductions are of civilians; an armed man taken is the battle's.
    typed = classify(
        ["abduct"],
        "violence",
        "unidentified gunmen abducted a police officer on the highway",
        side_a_inters=[3],
        side_b_inters=[1],
        victim_categories=["forces"],
        fatalities=0,
    )
    assert typed[:2] == ("Battles", "Armed clash")
    civilians = classify(
        ["abduct"],
        "violence",
        "unidentified gunmen abducted two traders on the highway",
        side_a_inters=[3],
        side_b_inters=[7],
        victim_categories=["civilian"],
        fatalities=0,
    )
    assert civilians[:2] == ("Violence against civilians", "Abduction/forced disappearance")


def _protest_typed(text: str) -> str:
    return classify(
        ["protest"],
        "protest",
        text,
        side_a_inters=[6],
        side_b_inters=[],
        victim_categories=[],
        fatalities=0,
    )[1]


@pytest.mark.parametrize(
    "text",
    [
        "miners protested in kaya to demand the release of their colleagues. police intervened.",
        "prisoners staged a demonstration and officers shot into the air to regain control",
        "the strikers set up a picket outside the television but were stopped by security forces",
        "police resorted to a mild lathi charge to disperse the protesters",
        "the police did not allow the group to march to the square",
    ],
)
def test_typing_rules_police_who_stepped_in_make_a_protest_with_intervention(text: str) -> None:
    assert _protest_typed(text) == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "residents blocked the road to demand that the authorities intervene against the smugglers",
        "workers demonstrated outside the office, demanding the intervention of the ministry",
        "drivers protested against the measures that prevented them from working",
    ],
)
def test_typing_rules_a_call_for_intervention_is_a_peaceful_protest(text: str) -> None:
    assert _protest_typed(text) == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "a group of people attacked a man thought to be an election monitor",
        "two men suspected of robberies were beaten to death by community members",
        "the suspected thief was lynched by an angry crowd",
    ],
)
def test_typing_rules_a_crowd_that_nobody_names_is_still_a_mob(text: str) -> None:
    typed = classify(
        ["attack", "kill"],
        "violence",
        text,
        side_a_inters=[],
        side_b_inters=[],
        victim_categories=["civilian"],
        fatalities=1,
    )
    assert typed[:2] == ("Riots", "Mob violence")


def test_typing_rules_gunmen_among_villagers_are_no_mob() -> None:
    typed = classify(
        ["attack", "kill"],
        "violence",
        "gunmen attacked the village and killed two villagers",
        side_a_inters=[3],
        side_b_inters=[7],
        victim_categories=["civilian"],
        fatalities=2,
    )
    assert typed[:2] == ("Violence against civilians", "Attack")


def test_typing_rules_a_policeman_attacked_off_duty_is_an_attack_on_a_civilian() -> None:
    typed = classify(
        ["attack", "kill"],
        "violence",
        "gunmen shot dead an off-duty police officer outside his home",
        side_a_inters=[3],
        side_b_inters=[1],
        victim_categories=["forces"],
        fatalities=1,
    )
    assert typed == ("Violence against civilians", "Attack", True)
    on_duty = classify(
        ["attack", "kill"],
        "violence",
        "gunmen shot dead a police officer at a checkpoint",
        side_a_inters=[3],
        side_b_inters=[1],
        victim_categories=["forces"],
        fatalities=1,
    )
    assert on_duty[:2] == ("Battles", "Armed clash")


def _named_protest_typed(text: str) -> tuple[str, str]:
    """The typing of a protest whose demonstrators are named and nobody fell."""
    return classify(
        ["protest"], "protest", text, side_a_inters=[6], side_b_inters=[], victim_categories=[], fatalities=0
    )[:2]


@pytest.mark.parametrize(
    "text",
    [
        "youths protested violently in the streets of the town, setting fire to government buildings",
        "protesters erected barricades and lit tyres in several districts of the capital",
        "a group demonstrated by throwing stones at the town hall over the distribution of food aid",
        "students smashed windows while protesting at the university",
        "demonstrators blocked the road burning material as they demanded the director's replacement",
        "residents barricaded the main road and protested against the mining company",
        "the march turned violent when it reached the ministry",
        "there was a scuffle with counter-demonstrators who gathered at the same time",
        # (an authority in the grievance, not as the one who raised them)
        "protesters angry at police brutality set up barricades on the main road",
        "villagers demanding better security erected barricades on the highway",
    ],
)
def test_typing_rules_destructive_demonstrators_riot(text: str) -> None:
    # ACLED's violent demonstration: demonstrators who burn, smash, throw stones, barricade or scuffle.
    assert _named_protest_typed(text) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "text",
    [
        "residents protested against the burning of homes by unknown arsonists",
        "police erected barricades around parliament as thousands marched peacefully",
        "hundreds held a non-violent protest outside the ministry",
        "workers protested outside the factory over unpaid wages",
        "students marched to demand that classes resume, blocking traffic for an hour",
        # (told and denied; barricades that the authorities put up)
        "hundreds of workers marched in lagos, but the protest never turned violent, police said",
        "protesters in belgrade marched peacefully; the authorities had barricaded the road to parliament",
        "thousands marched to the palace after the army set up barricades on the avenue",
        "hundreds marched to the ministry, where barricades erected by soldiers stopped them",
    ],
)
def test_typing_rules_peaceful_protests_near_those_words_stay_protests(text: str) -> None:
    assert _named_protest_typed(text)[0] == "Protests"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("hundreds protested in bamako, demanding the release of those detained", "Peaceful protest"),
        ("villagers protested against the arrest of their chief outside the court", "Peaceful protest"),
        ("the protest was not dispersed and ended in the evening", "Peaceful protest"),
        ("police dispersed the protesters with tear gas", "Protest with intervention"),
        ("they protested against the arrest of a chief; police detained six", "Protest with intervention"),
        (
            "marchers denouncing the detention of journalists were beaten by police",
            "Protest with intervention",
        ),
        ("students protested and police arrested dozens", "Protest with intervention"),
        (
            "they protested over the arrest of a leader. the march was broken up by police",
            "Protest with intervention",
        ),
        ("teachers marched in accra. police said no one was arrested", "Peaceful protest"),
        ("teachers marched in accra. no protesters were detained, police said", "Peaceful protest"),
        ("teachers marched in accra. none of the protesters were arrested", "Peaceful protest"),
    ],
)
def test_typing_rules_force_at_a_protest_is_force_met_there(text: str, sub_event_type: str) -> None:
    # What the march demanded (the release of detainees) is not how the march was met.
    assert _named_protest_typed(text) == ("Protests", sub_event_type)


@pytest.mark.parametrize(
    ("side_a", "typed"),
    [
        ([2], ("Violence against civilians", "Abduction/forced disappearance")),  # rebels "detained" a man
        ([3], ("Violence against civilians", "Abduction/forced disappearance")),  # a militia did
        ([1], ("Strategic developments", "Arrests")),  # the police arrested him
        ([], ("Strategic developments", "Arrests")),  # nobody named: an arrest
    ],
)
def test_typing_rules_only_the_state_arrests(side_a: list[int], typed: tuple[str, str]) -> None:
    # ACLED's arrests are the state's: armed groups who take people away abduct them.
    text = "the men detained a trader on the road to the market and took him to an unknown location"
    for family in ("arrest", "violence"):
        got = classify(
            ["arrest"],
            family,
            text,
            side_a_inters=side_a,
            side_b_inters=[],
            victim_categories=[],
            fatalities=0,
        )
        assert got[:2] == typed


@pytest.mark.parametrize(
    "text",
    [
        "a civilian was injured by a landmine, laid during the iran-iraq war, in mehran county",
        "a woman was killed after a rocket, believed leftover from the civil war, exploded in the village",
        "a farmer was wounded when a vietnam war-era bomb exploded in his field",
        "explosive remnants of war: two soldiers were injured by a landmine near the border",
    ],
)
def test_typing_rules_explosive_remnants_of_war_are_a_development(text: str) -> None:
    # Nobody's attack: ACLED codes a mine or a shell left from a past war that goes off as "Other".
    typed = classify(
        ["ied", "injure"],
        "violence",
        text,
        side_a_inters=[],
        side_b_inters=[],
        victim_categories=["civilian"],
        fatalities=0,
    )
    assert typed == ("Strategic developments", "Other", False)


@pytest.mark.parametrize(
    ("kinds", "text"),
    [
        # a mine planted today, a bomb left from last week's attack
        (["ied", "injure"], "a civilian was injured by a landmine planted by the rebels near the border"),
        (["ied", "injure"], "the bomb, left over from last week's attack, exploded and injured a guard"),
        # fighters who used an old shell in an attack made it theirs
        (["attack", "shelling"], "militants attacked the post with shells left over from the civil war"),
    ],
)
def test_typing_rules_a_live_explosive_or_an_attack_stays_remote_violence(
    kinds: list[str], text: str
) -> None:
    typed = classify(
        kinds,
        "violence",
        text,
        side_a_inters=[],
        side_b_inters=[],
        victim_categories=["civilian"],
        fatalities=0,
    )
    assert typed[0] != "Strategic developments"


@pytest.mark.parametrize(
    "text",
    [
        "miners protested in kaya to demand the release of their colleagues. police intervene.",
        "activists unfurled banners outside the embassy. the police interfered and took the banners away",
        "former soldiers protested at the ministry of defense. gendarmes blocked them from reaching it",
        "military forces stopped protesters from setting up tents at the roundabout",
    ],
)
def test_typing_rules_forces_that_held_a_march_back_make_an_intervention(text: str) -> None:
    assert _protest_typed(text) == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "residents protested outside the town hall, calling on the government to intervene",
        "teachers marched to the ministry; nothing stopped them from reaching it",
        "drivers protested because the lockdown prevented them from working",
        "nurses protested after their managers stopped them from taking leave",
    ],
)
def test_typing_rules_a_march_not_held_back_by_forces_stays_peaceful(text: str) -> None:
    assert _protest_typed(text) == "Peaceful protest"


def _fight_typed(text: str, side_a: list[int] | None = None) -> tuple[str, str]:
    typed = classify(
        ["fight", "kill"],
        "violence",
        text,
        side_a_inters=side_a or [],
        side_b_inters=[],
        victim_categories=["people"],
        fatalities=2,
    )
    return typed[0], typed[1]


@pytest.mark.parametrize(
    "text",
    [
        "two killed and at least 30 wounded in clashes between political opponents after the election",
        "young members of the ruling party clashed with members of the opposition party in the town",
        "CLASHES BETWEEN STUDENTS OF TWO SCHOOLS LEFT TWO DEAD".lower(),
        "rival fans clashed after the derby on sunday; police said six people were injured",
    ],
)
def test_typing_rules_a_brawl_of_unarmed_rivals_is_mob_violence(text: str) -> None:
    # Party members, students or youths who fight, nobody armed named: ACLED codes an unorganised group's
    # fight as mob violence.
    assert _fight_typed(text) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    ("text", "side_a"),
    [
        ("party militants clashed with rival militants; gunfire left two dead", []),
        ("armed youths clashed with herders near the market, two killed", []),
        ("clashes between two communities over a land dispute left two dead", []),
        ("students and rebels clashed near the campus, two killed", [2]),
        ("a shoot-out between supporters of two gangs left two dead", []),
    ],
)
def test_typing_rules_a_fight_with_arms_or_armed_men_stays_a_battle(text: str, side_a: list[int]) -> None:
    assert _fight_typed(text, side_a) == ("Battles", "Armed clash")


def _arrest_typed(text: str) -> tuple[str, str]:
    typed = classify(
        ["arrest"], "arrest", text, side_a_inters=[1], side_b_inters=[], victim_categories=[], fatalities=0
    )
    return typed[0], typed[1]


@pytest.mark.parametrize(
    "text",
    [
        "security forces arrested and beat an opposition leader in the town",
        "israeli forces beat three palestinians and then detained them in the neighbourhood",
        "two journalists were tortured in police custody after they were arrested",
        "POLICE DETAINED THE STUDENTS AND BRUTALLY BEAT THEM".lower(),
    ],
)
def test_typing_rules_those_beaten_when_arrested_were_attacked(text: str) -> None:
    assert _arrest_typed(text) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "police arrested a man who beat his neighbour",
        "police arrested two men for beating a teacher",
        "police arrested two men and charged them with beating a shopkeeper",
        "police arrested 12 suspects; none of them was beaten, the ministry said",
        "the striker was arrested after his team beat the champions",
    ],
)
def test_typing_rules_a_beating_that_is_the_suspects_crime_keeps_the_arrest(text: str) -> None:
    assert _arrest_typed(text) == ("Strategic developments", "Arrests")
