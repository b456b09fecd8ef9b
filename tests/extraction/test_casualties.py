from __future__ import annotations

import pytest

from eventwire.extraction.casualties import combine, combine_scenes, find_figures
from eventwire.models.event import Quantity


def figures(text: str):  # type: ignore[no-untyped-def]
    lower = text.lower()
    return find_figures(lower, 0, len(lower))


def test_casualties_noun_phrases_keep_their_qualifier() -> None:
    text = "The raid resulted in the deaths of at least 14 ISIS fighters."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity == Quantity(14, 14, None, "the deaths of at least 14 ISIS fighters")


def test_casualties_groups_add_up_and_repeats_do_not() -> None:
    text = (
        "Twelve militants and three soldiers were killed. "
        "The 12 militants were buried on Sunday, and 12 militants were killed."
    )
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and quantity.best == 15


def test_casualties_revised_toll_replaces_earlier_figures() -> None:
    text = "Five people were killed in the blast. The death toll later rose to 20."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and (quantity.low, quantity.best) == (20, 20)
    # "death" or not, a toll that rose is the dead's; a toll road is no toll
    text = "The toll from Monday's clash rose to 12. The toll road reopened to 200 cars."
    assert [(f.kind, f.count.best, f.revised) for f in figures(text)] == [("fatalities", 12, True)]


def test_casualties_disagreeing_sources_take_the_conservative_figure() -> None:
    text = "No fewer than nine people were killed, officials said. A monitor said eleven people were killed."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and (quantity.low, quantity.best, quantity.high) == (9, 9, None)


def _scene(text: str, towns: str, sentence: str) -> tuple[frozenset[str], list]:  # type: ignore[type-arg]
    start = text.index(sentence)
    lower = text.lower()
    return frozenset(towns.split(",")) if towns else frozenset(), find_figures(
        lower, start, start + len(sentence)
    )


def test_casualties_tolls_of_different_towns_are_parts_of_the_whole() -> None:
    whole = "Airstrikes killed at least 30 people across Gaza."
    rafah = "One strike hit a house in Rafah, killing 12 people."
    khan_younis = "Another strike on a school in Khan Younis killed 8 people."
    text = " ".join((whole, rafah, khan_younis))
    parts = [_scene(text, "Rafah", rafah), _scene(text, "Khan Younis", khan_younis)]
    told = combine_scenes([_scene(text, "", whole), *parts], "fatalities", text)[0]
    assert told is not None and (told.low, told.best, told.high) == (30, 30, None)
    # no whole told: the parts add up (one combined range took the lowest, 8)
    summed = combine_scenes(parts, "fatalities", text)[0]
    assert summed is not None and (summed.low, summed.best, summed.high) == (20, 20, 20)
    # the same town twice is one toll told twice: the conservative figure
    again = "The strike in Rafah killed 14, a hospital said."
    text2 = " ".join((rafah, again))
    same = combine_scenes(
        [_scene(text2, "Rafah", rafah), _scene(text2, "Rafah", again)], "fatalities", text2
    )[0]
    assert same is not None and same.best == 12
    # a lead that tells one town's toll, as large as the other towns' together, is the whole
    lead = "Three rebels were killed in clashes in Usulutan."
    farm = "One rebel was killed near a farm in Santa Elena."
    text3 = " ".join((lead, farm))
    scenes = [_scene(text3, "Usulutan", lead), _scene(text3, "Santa Elena", farm)]
    assert combine_scenes(scenes, "fatalities", text3, lead_whole=True)[0].best == 3  # type: ignore[union-attr]
    assert combine_scenes(scenes, "fatalities", text3)[0].best == 4  # type: ignore[union-attr]


def test_casualties_kinds_and_words() -> None:
    text = (
        "Gunmen killed a soldier, wounded dozens of villagers and abducted five women; "
        "police arrested 23 suspects."
    )
    kinds = {(f.kind, f.count.best) for f in figures(text)}
    assert {("fatalities", 1), ("injuries", 24), ("abducted", 5), ("arrested", 23)} <= kinds


def test_casualties_nobody_hurt_is_zero() -> None:
    text = "A bomb exploded near the market but no one was hurt."
    quantity, _ = combine(figures(text), "injuries", text)
    assert quantity is not None and quantity.best == 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A bomb exploded near the market. Nobody was hurt.", "injuries"),
        ("Gunmen attacked the bus, but none of the passengers was wounded.", "injuries"),
        ("The army said not a single civilian was killed in the operation.", "fatalities"),
        ("THE ARMY SAID NOT ONE SOLDIER WAS INJURED.", "injuries"),
    ],
)
def test_casualties_none_of_a_group_is_zero_not_one(text: str, kind: str) -> None:
    # ("one of the passengers" stands inside "none of the passengers": it must not count 1)
    quantity, _ = combine(figures(text), kind, text)
    assert quantity is not None and (quantity.low, quantity.best) == (0, 0)


def test_casualties_years_are_not_counts() -> None:
    assert figures("In 2014 were killed the hopes of a generation") == []


def test_named_victims_after_titles_and_killing_verbs_in_any_case() -> None:
    from eventwire.extraction.roles import named_victims

    cases = {
        "THEY CLAIMED THE MURDER OF ANTIOQUIA POLICE COMMANDER COLONEL WALDEMAR FRANKLIN QUINTERO.": [
            "WALDEMAR FRANKLIN QUINTERO"
        ],
        "Gunmen killed Jesuit priest Ignacio Ellacuria and five others on Thursday.": ["Ignacio Ellacuria"],
        "former president jose antonio rodriguez porth was killed on friday.": [
            "jose antonio rodriguez porth"
        ],
        "GUERRILLAS KILLED TWO SOLDIERS NEAR THE BRIDGE.": [],
        "President Cerezo was unhurt.": [],
    }
    for text, names in cases.items():
        assert [text[s:e] for s, e in named_victims(text, [(0, len(text))])] == names, text


def test_casualties_one_list_of_one_category_adds_up() -> None:
    text = "Thirteen soldiers and one gendarme were killed in the attack, eight others wounded."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and quantity.best == 14


def test_casualties_a_list_may_start_with_one_person() -> None:
    for text, best in (
        ("One adult and four minors were killed when the bus was attacked.", 5),
        ("ONE POLICEMAN AND TWO SOLDIERS WERE KILLED IN THE AMBUSH.", 3),
        ("An infant was killed in the shelling.", 1),
        ("A policeman and two civilians were killed in the blast.", 3),
        # A clock time or a number inside a name is no count of the first group.
        ("At 5 pm a soldier and two civilians were killed.", 3),
        ("The 12 militants' commander and three soldiers were killed.", 3),
    ):
        quantity, _ = combine(figures(text), "fatalities", text)
        assert quantity is not None and quantity.best == best, text


def test_casualties_bodies_found_and_killing_verbs() -> None:
    for text, best in (
        ("Two men were found dead on the road to Minas Viejas.", 2),
        ("Police said the body of a man was found near the river.", 1),
        ("Gunmen assassinated a school director in the village.", 1),
        ("The border guards shot two men to death near the fence.", 2),
        ("Two NDS members were shot and killed by unknown gunmen.", 2),
        ("The clashes left 3 fatalities, officials said.", 3),
        ("TWO U.S. MORMON MISSIONARIES WERE SHOT TO DEATH LAST NIGHT IN LA PAZ.", 2),
    ):
        quantity, _ = combine(figures(text), "fatalities", text)
        assert quantity is not None and quantity.best == best, text


def test_casualties_skipping_clauses_without_a_verb_finds_the_same_figures() -> None:
    # "after" and "tally" run only where their verb is in the text: the figures must be those of a scan
    # of every pattern, both where the verb is present and where it is not.
    from eventwire.extraction import casualties

    texts = [
        "Gunmen opened fire on a bus carrying 40 passengers near the border.",
        "At least 14 ISIS fighters and three soldiers were killed, and a civilian was wounded.",
        "The clashes left 3 fatalities; 2 fatalities were reported the next day.",
        "Some 200 troops from both nations participated in the exercise in 2019.",
    ]
    needs = casualties._NEEDS
    try:
        gated = [find_figures(t.lower(), 0, len(t)) for t in texts]
        casualties._NEEDS = {}
        full = [find_figures(t.lower(), 0, len(t)) for t in texts]
    finally:
        casualties._NEEDS = needs
    assert gated == full
    assert [f.kind for f in gated[2]] == ["fatalities", "fatalities"]
    assert gated[0] == []


def test_casualties_an_age_between_commas_is_no_toll() -> None:
    text = (
        "Presidency minister Antonio Rodriguez Porth, 65, was killed near his home. "
        "In the raid, 12 were killed."
    )
    found = [(f.kind, f.count.best) for f in figures(text)]
    assert found == [("fatalities", 12)]


def test_casualties_patterns_tried_where_a_match_may_start_match_as_a_scan_of_every_position() -> None:
    # "after", "tally" ... are tried only where a count or verb may start: every match, and where the
    # next search resumes, must be those of `finditer` over the whole text, fixture articles included.
    import json

    from eventwire.extraction import casualties
    from support import ARTICLES

    texts = [
        "Often ten men were killed; 1989 was bad. Between 10 and 15 people died, about 1,200 were hurt.",
        "Some 200 troops from both nations participated; dozens of residents and 3 soldiers were wounded.",
        "The death of a civilian and the deaths of twenty-one people; 3 fatalities were reported.",
    ]
    texts += [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(ARTICLES.glob("*.json"))]
    assert set(casualties._STARTS) == set(casualties._SCANNED) and all(casualties._STARTS.values())
    found = 0
    for text in texts:
        lower = text.lower()
        for name, pattern in casualties._PATTERNS:
            for start, end in ((0, len(lower)), (5, len(lower) // 2)):
                scanned = [m.span() for m in casualties._finditer(name, pattern, lower, start, end)]
                assert scanned == [m.span() for m in pattern.finditer(lower, start, end)]
                found += len(scanned)
    assert found > 20


def _categories(text: str) -> list[tuple[str, str, int]]:
    return [(f.kind, f.category, f.count.best) for f in figures(text)]


def test_casualties_security_personnel_are_forces() -> None:
    for text, expected in (
        ("The mayor's bodyguards, two police agents, were also killed.", ("fatalities", "forces", 2)),
        ("Three CRPF jawans were injured in the attack.", ("injuries", "forces", 3)),
        ("Unknown gunmen shot and killed 1 policewoman in Kandahar city.", ("fatalities", "forces", 1)),
        ("Gunmen abducted a bodyguard of the governor.", ("abducted", "forces", 1)),
    ):
        assert _categories(text) == [expected], text


def test_casualties_a_list_after_its_verb_keeps_each_group() -> None:
    text = "Armed men attacked and killed two police officers and a farmer."
    assert _categories(text) == [("fatalities", "forces", 2), ("fatalities", "civilian", 1)]
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and quantity.best == 3
    text = "Around 20 armed men attacked security patrols, killing one civilian and one police officer."
    assert sorted(_categories(text)) == [("fatalities", "civilian", 1), ("fatalities", "forces", 1)]


def test_casualties_members_of_an_armed_group_are_armed() -> None:
    for text, category in (
        ("Suspected militants abducted a member of Koglweogo near Kabonga.", "armed"),
        ("Militants killed a Koglweogo member who works as a merchant.", "armed"),
        ("Suspected JNIM militants killed five Koglweogo in the village of Nagare.", "armed"),
        ("Gunmen opened fire on his vehicle, injuring 1 member of his escort.", "forces"),
        ("On 18 March, 2 NDS members were shot and killed by unknown gunmen.", "forces"),
        ("Three family members were killed when gunmen stormed the house.", "civilian"),
    ):
        assert [c for _, c, _ in _categories(text)] == [category], text


def test_casualties_a_singular_head_after_a_larger_count_is_no_group() -> None:
    # "12" counts the militants, not their commander: the list is the three soldiers alone.
    text = "The 12 militants' commander and three soldiers were killed."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and quantity.best == 3


def test_casualties_the_subject_of_an_active_verb_is_no_victim() -> None:
    assert _categories("A soldier shot dead a civilian woman in Ouagadougou.") == [
        ("fatalities", "civilian", 1)
    ]
    assert _categories("14 ISIS fighters killed in the raid near Mosul.") == [("fatalities", "armed", 14)]
    assert _categories("Two soldiers were killed the day before.") == [("fatalities", "forces", 2)]


def test_casualties_a_person_named_before_counts_once() -> None:
    # "the officer" is the officer attacked before: his death is a figure, and a count of the group wins.
    text = "On 2 May, armed men attacked a chief police officer in El Roble. The officer died."
    assert _categories(text) == [("fatalities", "forces", 1)]
    text = "Armed men attacked a police officer. The officer died. 1 fatality."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and (quantity.best, quantity.text) == (1, "1 fatality")


def test_casualties_a_victim_phrase_ends_with_its_sentence() -> None:
    text = "A militant opened fire against two gendarmes in Djibo. The militant was shot dead."
    assert _categories(text) == [("fatalities", "armed", 1)]


def test_casualties_an_agent_is_a_force_only_when_the_text_says_so() -> None:
    assert _categories("A real estate agent was killed by the police.") == [("fatalities", "people", 1)]
    assert _categories("Two police agents were killed.") == [("fatalities", "forces", 2)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the bombing resulted in the deaths of 10 labor leaders.", "civilian"),
        ("GUNMEN SHOT DEAD A COMMUNITY LEADER ON MONDAY.", "civilian"),
        ("troops killed three al-shabaab leaders.", "armed"),
        ("gunmen killed two village militia leaders.", "armed"),
    ],
)
def test_casualties_leaders_of_a_union_or_a_community_are_civilians(text: str, category: str) -> None:
    assert [f.category for f in figures(text)] == [category]


def test_casualties_a_clause_with_its_own_verb_ends_a_list() -> None:
    text = "gunmen killed two soldiers and three civilians were wounded in mopti."
    got = [(f.kind, f.count.best, f.category) for f in figures(text)]
    assert got == [("fatalities", 2, "forces"), ("injuries", 3, "civilian")]
    text = "police arrested two suspects and a soldier was killed."
    got = [(f.kind, f.count.best, f.category) for f in figures(text)]
    assert got == [("arrested", 2, "armed"), ("fatalities", 1, "forces")]


def test_casualties_a_place_after_the_victims_is_no_force_of_theirs() -> None:
    assert [f.category for f in figures("five people in the security zone were killed.")] == ["people"]
    assert [f.category for f in figures("two nds members were killed.")] == ["forces"]


def test_casualties_a_time_after_a_headline_verb_is_no_object() -> None:
    text = "Two soldiers killed a day after the truce in Mopti."
    assert [(f.kind, f.count.best) for f in figures(text)] == [("fatalities", 2)]


def test_casualties_members_are_of_the_group_that_names_them() -> None:
    assert [f.category for f in figures("five members of parliament were killed.")] == ["people"]
    assert [f.category for f in figures("gunmen killed two members of the militia.")] == ["armed"]


def test_casualties_a_force_word_that_names_a_civilian_body_names_no_force() -> None:
    assert [f.category for f in figures("five members of the police union were killed.")] == ["people"]
    assert [f.category for f in figures("two members of the security council were hurt.")] == ["people"]
    assert [f.category for f in figures("militants killed 3 members of the security forces.")] == ["forces"]


@pytest.mark.parametrize(
    "text",
    [
        "A man was beaten to death by villagers in Goma.",
        "A suspected thief was lynched by residents of the market.",
        "TWO TRADERS WERE HACKED TO DEATH NEAR THE BORDER.",
    ],
)
def test_casualties_killed_by_hand_are_dead(text: str) -> None:
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and quantity.best == (2 if "TWO" in text else 1)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Israeli troops shot dead a 16-year-old Palestinian during a raid.", "a 16-year-old"),
        ("Soldiers shot dead a Palestinian near the checkpoint.", "a Palestinian"),
        ("An Afghan was killed when the bomb went off.", "An Afghan"),
        # a head noun after the nationality is the victim's own: a Russian soldier is a soldier
        ("The drone killed a Russian soldier.", "a Russian soldier"),
    ],
)
def test_casualties_a_person_named_by_nationality_or_age_counts_one(text: str, victim: str) -> None:
    (figure,) = figures(text)
    assert (figure.kind, figure.count.best, text[figure.victim_start : figure.victim_end]) == (
        "fatalities", 1, victim,
    )  # fmt: skip


def test_casualties_a_nationality_that_qualifies_a_thing_counts_no_one() -> None:
    assert not figures("Troops downed a Russian-made drone and an Israeli airstrike hit the depot.")


def test_casualties_a_vague_figure_that_another_pins_down_gives_way() -> None:
    # "abduct dozens" in the headline and "at least 40" in the text are one count, not two sources.
    text = "Bandits abduct dozens in raid. Armed bandits abducted at least 40 others on Sunday."
    quantity, _ = combine(figures(text), "abducted", text)
    assert quantity is not None and (quantity.low, quantity.best, quantity.high) == (40, 40, None)
    # A figure outside the range still disagrees with it: the lowest stands.
    text = "Dozens were killed. A hospital said 12 people were killed."
    quantity, _ = combine(figures(text), "fatalities", text)
    assert quantity is not None and quantity.best == 12


def test_casualties_the_perfect_and_an_uncertain_toll_count() -> None:
    text = "At least 30 people have died in clashes, and up to 50 may have been killed in the strike."
    found = [(f.kind, f.count.best, text[f.start : f.end]) for f in figures(text)]
    assert found == [("fatalities", 30, "At least 30 people"), ("fatalities", 50, "up to 50")]


def test_casualties_animals_are_no_toll() -> None:
    text = "Bandits killed 12 villagers and hundreds of cattle, and thousands of goats died in the drought."
    assert [(f.kind, f.count.best) for f in figures(text)] == [("fatalities", 12)]
    # the animals must be what the count counts
    text = "Gunmen attacked a village in Zamfara on Monday, killing 12 and stealing livestock."
    assert [(f.kind, f.count.best) for f in figures(text)] == [("fatalities", 12)]


@pytest.mark.parametrize(
    ("text", "count", "category"),
    [
        ("Two Chinese nationals were shot dead by unknown gunmen.", 2, "civilian"),
        ("Two French citizens were killed in the attack.", 2, "civilian"),
        ("Israeli forces killed three Palestinians in Jenin.", 3, "people"),
        ("Two Iraqis were wounded in the blast.", 2, "people"),
    ],
)
def test_casualties_victims_counted_by_nationality(text: str, count: int, category: str) -> None:
    (figure,) = figures(text)
    assert (figure.count.best, figure.category) == (count, category)


def test_casualties_a_nationality_before_a_noun_is_no_victim() -> None:
    assert figures("The Palestinian Authority said two Afghan officials met on Monday.") == []


def test_casualties_who_marched_is_not_the_one_they_support() -> None:
    assert figures("Supporters of the opposition leader marched in Kampala.") == []
    (figure,) = figures("The opposition leader marched in Kampala.")
    assert (figure.kind, figure.count.best) == ("participants", 1)
