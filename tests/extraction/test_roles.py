"""Rule-based role fillers: targets read after an attack verb, attackers, weapons and named victims."""

from __future__ import annotations

from eventwire.extraction.roles import (
    agent_perpetrators,
    find_targets,
    find_weapons,
    name_after_titles,
    named_victims,
    perpetrator_individuals,
)


def test_roles_the_agent_or_means_of_a_passive_is_no_target() -> None:
    for text, targets in (
        ("the police station was hit by a car bomb on monday", []),
        ("rebels attacked a car bomb factory", ["a car bomb factory"]),
        ("gunmen attacked the police station with rifles", ["the police station"]),
        ("a bomb exploded outside the ministry of defence", ["the ministry"]),
    ):
        assert [text[s:e] for s, e in find_targets(text, [(0, len(text))])] == targets, text


def test_roles_attackers_are_those_who_act_not_the_dead_nor_the_attacked() -> None:
    for text, people in (
        ("unidentified gunmen opened fire on a bus in the town", ["unidentified gunmen"]),
        ("three soldiers were killed when a mine exploded", []),
        ("rebels ambushed the soldiers near the border", ["rebels"]),
    ):
        found = [text[s:e] for s, e in perpetrator_individuals(text, [(0, len(text))])]
        assert found == people, text


def _agents(text: str) -> list[str]:
    lower = text.lower()
    return [text[s:e] for s, e in agent_perpetrators(lower, [(0, len(text))])]


def test_roles_the_agent_of_an_attack_is_its_perpetrator() -> None:
    for text, people in (
        ("SIX JESUITS WERE MURDERED ON 16 NOVEMBER BY 30 MEN IN UNIFORMS.", ["30 MEN"]),
        ("Five judges have been killed by hired assassins in Medellin.", ["hired assassins"]),
        ("On Tuesday, several gunmen killed the journalist outside his home.", ["several gunmen"]),
        ("A GROUP OF HEAVILY ARMED MEN ATTACKED THE FARM.", ["GROUP OF HEAVILY ARMED MEN"]),
        ("Police said unidentified attackers opened fire on the bus.", ["unidentified attackers"]),
        ("THE MEN WHO KIDNAPPED THE CONSUL DEMANDED A RANSOM.", ["MEN"]),
        ("The consul was abducted by unidentified persons in Cucuta.", ["unidentified persons"]),
    ):
        assert _agents(text) == people, text


def test_roles_the_victims_and_everyday_doers_are_no_agents() -> None:
    for text in (
        "12 people killed in the blast on Monday.",  # a shortened passive: the dead
        "Two soldiers wounded by a mine were taken to hospital.",
        "THE MEN KILLED IN THE ATTACK WERE FARMERS.",
        "He was hit by a car bomb near the ministry.",  # the means, not who
        "The company fired 200 workers after the merger.",
        "The attackers scored twice before half-time and the defenders held on.",
        "Shoppers stormed the shelves as the sale opened; people shot videos of the queue.",
        "THE BOARD MEMBERS PLACED THE ORDER ON FRIDAY.",
        "Volunteers planted 500 trees in the park.",
        "FANS THREW FLOWERS ON THE STAGE; THE PEOPLE PLACED BETS.",
        "Young people shot 20 videos and the rebels scored a goal.",
        "Hundreds of people stormed the stadium gates; party members attacked the plan.",  # the crowd
    ):
        assert _agents(text) == [], text


def test_roles_shells_are_a_weapon_only_where_a_heavy_weapon_is_named_before() -> None:
    text = "the shells fell on the market. mortar shells hit the school"
    first, second = (0, text.index(".") + 1), (text.index("mortar"), len(text))
    assert find_weapons(text, [first]) == []
    assert [text[s:e] for s, e in find_weapons(text, [second])] == ["mortar", "shells"]


def test_roles_a_name_runs_over_spaces_and_tabs_between_its_words() -> None:
    text = "Gunmen shot and killed Colonel Juan\tCarlos  Perez outside his home in Lima."
    assert [text[s:e] for s, e in named_victims(text, [(0, len(text))])] == ["Juan\tCarlos  Perez"]


def test_roles_a_name_runs_over_a_line_end_but_not_a_paragraph_end() -> None:
    # wire copy is wrapped at a fixed width: the line may end inside a name
    text = "GUNMEN KILLED TRADE UNIONIST MARIA ELENA\nSALAZAR IN CALI ON MONDAY."
    assert [text[s:e] for s, e in named_victims(text, [(0, len(text))])] == ["MARIA ELENA\nSALAZAR"]
    text = "Police said gunmen killed Judge Ana Lucia\n\nGovernment officials condemned the attack."
    assert [text[s:e] for s, e in named_victims(text, [(0, len(text))])] == ["Ana Lucia"]


def test_roles_a_singular_group_word_names_the_attack_not_its_authors() -> None:
    for text, people in (
        ("A GUERRILLA ATTACK DESTROYED THE BRIDGE IN THE TOWN", []),
        ("Rebel positions near the border came under fire", []),
        # near misses: the group in the plural, and the same word in a longer description
        ("THE GUERRILLAS BLEW UP THE BRIDGE", ["the guerrillas"]),
        ("Urban guerrilla commandos set fire to a bus", ["urban guerrilla commandos"]),
    ):
        lower = text.lower()
        found = [lower[s:e] for s, e in perpetrator_individuals(lower, [(0, len(lower))])]
        assert found == people, text


def test_roles_a_target_starts_after_the_preposition_not_with_it() -> None:
    for text, targets in (
        ("general leigh was attacked at his office in the capital", []),
        ("thirty men stormed into the priests' residence", []),
        ("she was attacked when entering her home", []),
        ("a truck exploded in front of the headquarters of the police", ["the headquarters"]),
        # near misses: the target itself, and its modifiers, stay
        ("gunmen attacked the army's general staff headquarters", ["the army's general staff headquarters"]),
        ("a bomb went off at the central bank", ["the central bank"]),
    ):
        assert [text[s:e] for s, e in find_targets(text, [(0, len(text))])] == targets, text


def test_roles_a_name_in_capitals_ends_at_a_word_no_name_has() -> None:
    text = "MRS HERRERA WAS MURDERED UNDER CIRCUMSTANCES VERY SIMILAR. THEY KILLED PIESCHER BECAUSE HE LEFT."
    # (one word after a killing verb is as often a noun as a name: "PIESCHER" alone is none)
    assert [text[s:e] for s, e in named_victims(text, [(0, len(text))])] == ["HERRERA"]
    text = "GUNMEN KILLED JOSE ANTONIO PEREZ YESTERDAY IN LIMA."
    assert [text[s:e] for s, e in named_victims(text, [(0, len(text))])] == ["JOSE ANTONIO PEREZ"]


def test_roles_a_name_begins_after_its_titles() -> None:
    for text, name in (
        ("Minister Antonio Rodriguez Porth", "Antonio Rodriguez Porth"),
        ("BUSINESSMAN MICHAEL REYFF", "MICHAEL REYFF"),
        ("former Colonel Juan Perez", "Juan Perez"),
        ("the mayor of Huanta", None),  # no title first
        ("Mayor of Huanta", None),  # the office's place, not a name
        ("Judge Perez", None),  # one word: as often the office's holder unnamed
    ):
        at = name_after_titles(text, 0, len(text))
        assert (None if at is None else text[at:]) == name, text
