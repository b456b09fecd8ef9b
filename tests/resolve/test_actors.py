"""The actor registry on news sentences written for these tests (and, where ../shared is here, on the
spelling of ACLED's own actor names)."""

from __future__ import annotations

import csv
import json
import re
import time
from importlib import resources
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.models.actor import Actor
from eventwire.resolve.actors import ActorRegistry
from support import shared_path

IRAQ = "Military Forces of Iraq"
USA = "Military Forces of the United States"
IS = "Islamic State"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def spans(registry: ActorRegistry, text: str, country: str | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.actor.name) for m in registry.find(text, country=country)]


# --- the founding article ---------------------------------------------------------------------------


def test_actors_coordinated_nationalities_give_one_mention_each(registry: ActorRegistry) -> None:
    text = (
        "In a significant counterterrorism effort, American and Iraqi commandos launched a coordinated raid "
        "on Islamic State hideouts in western Iraq last week, resulting in the deaths of at least 14 ISIS "
        "fighters."
    )
    mentions = registry.find(text)
    assert [(m.text, m.actor.name) for m in mentions] == [
        ("American", USA),
        ("Iraqi commandos", IRAQ),
        ("Islamic State", IS),
        ("ISIS fighters", IS),
    ]
    american, iraqi = mentions[0], mentions[1]
    assert text[american.start : american.end] == "American"
    assert text[iraqi.start : iraqi.end] == "Iraqi commandos"
    assert iraqi.actor == Actor(IRAQ, 1, "Iraq", "military")
    assert mentions[3].actor == Actor(IS, 2, None, "rebel")


def test_actors_dotted_short_form_and_country_argument(registry: ActorRegistry) -> None:
    assert spans(registry, "The operation also resulted in injuries to seven U.S. soldiers.") == [
        ("U.S. soldiers", USA)
    ]
    text = "More than 200 troops from both nations participated in the mission."
    assert spans(registry, text, country="Iraq") == [("troops", IRAQ)]
    assert spans(registry, text) == []  # whose troops is unknown


def test_actors_country_names_alone_are_not_actors(registry: ActorRegistry) -> None:
    text = "Currently, Iraq and the United States are engaged in negotiations concerning an agreement."
    assert spans(registry, text) == []
    text = "Officials from both the U.S. and Iraq emphasized the resurgence of the Islamic State."
    assert spans(registry, text) == [("Islamic State", IS)]


# --- state forces ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Iraqi forces retook the town on Sunday.", "Iraqi forces", IRAQ),
        ("Two American troops were wounded in the blast.", "American troops", USA),
        ("The Nigerian army said it repelled the attack.", "Nigerian army", "Military Forces of Nigeria"),
        ("Mali's army said 12 assailants were killed.", "Mali's army", "Military Forces of Mali"),
        ("Kenyan police fired tear gas on Tuesday.", "Kenyan police", "Police Forces of Kenya"),
        ("The army of Mali denied the report.", "army of Mali", "Military Forces of Mali"),
        ("Congolese soldiers fled the town.", "Congolese soldiers",
         "Military Forces of the Democratic Republic of Congo"),
        ("Niger State police said the bandits fled.", "Niger State police", "Police Forces of Nigeria"),
        ("Ukraine's armed forces said they downed 20 drones.", "Ukraine's armed forces",
         "Military Forces of Ukraine"),
        ("Israeli jets struck the camp overnight.", "Israeli jets", "Military Forces of Israel"),
        ("IDF soldiers raided the refugee camp.", "IDF soldiers", "Military Forces of Israel"),
        ("Sudanese Armed Forces shelled the market.", "Sudanese Armed Forces", "Military Forces of Sudan"),
        ("THE SALVADORAN ARMY REPORTED THE CLASH.", "SALVADORAN ARMY", "Military Forces of El Salvador"),
        # A state's strikes, missiles and shelling are its forces'.
        ("An Israeli airstrike hit the house.", "Israeli airstrike", "Military Forces of Israel"),
        ("Russian missiles struck Kharkiv.", "Russian missiles", "Military Forces of Russia"),
        ("He was killed by Israeli sniper fire.", "Israeli sniper fire", "Military Forces of Israel"),
        ("Israeli tanks shelled the outskirts of Rafah.", "Israeli tanks", "Military Forces of Israel"),
        ("Saudi rocket and artillery shelling hit the villages.", "Saudi rocket",
         "Military Forces of Saudi Arabia"),
    ],
)  # fmt: skip
def test_actors_state_forces_by_nationality(
    registry: ActorRegistry, text: str, mention: str, name: str
) -> None:
    found = registry.find(text)
    assert (found[0].text, found[0].actor.name) == (mention, name)
    assert found[0].actor.inter == 1
    assert found[0].actor.kind in {"military", "police"}


def test_actors_bare_forces_take_the_sentence_country(registry: ActorRegistry) -> None:
    text = "Gunmen killed 12 villagers in Zamfara state, police in Lagos said."
    assert spans(registry, text, country="Nigeria") == [
        ("Gunmen", "Unidentified Armed Group (Nigeria)"),
        ("villagers", "Civilians (Nigeria)"),
        ("police", "Police Forces of Nigeria"),
    ]
    assert spans(registry, "Security forces and riot police dispersed the crowd.", country="Chile") == [
        ("Security forces", "Military Forces of Chile"),
        ("riot police", "Police Forces of Chile"),
    ]
    # The country argument may be any name the registry knows.
    assert spans(registry, "Soldiers opened fire.", country="USA") == [("Soldiers", USA)]


def test_actors_a_place_before_a_comma_is_no_nationality_of_a_list(registry: ActorRegistry) -> None:
    # "In Mali, Israeli troops": the comma closes a phrase; a list of nationalities ends with "and".
    for text in ("In the West Bank, Israeli troops shot a boy.", "In Mali, Israeli troops shot a boy."):
        assert spans(registry, text, country="Palestine") == [("Israeli troops", "Military Forces of Israel")]
    text = "French, Malian, and Chadian troops attacked."
    assert [name for _, name in spans(registry, text)] == [
        "Military Forces of France", "Military Forces of Mali", "Military Forces of Chad",
    ]  # fmt: skip


def test_actors_in_a_document_without_capitals_case_is_no_evidence(registry: ActorRegistry) -> None:
    text = "russian troops and isis fighters attacked the village, a resident told us."
    # A sentence in lower case names no one it does not capitalize: only generic actors.
    assert [name for _, name in spans(registry, text)] == ["Unidentified Armed Group", "Civilians"]
    found = [(m.text, m.actor.name) for m in registry.find(text, caseless=True)]
    assert found[:2] == [("russian troops", "Military Forces of Russia"), ("isis fighters", "Islamic State")]


def test_actors_a_movement_takes_its_branch_in_the_sentence_country(registry: ActorRegistry) -> None:
    text = "Islamic State fighters killed nine fishermen."
    assert spans(registry, text, country="Nigeria")[0] == (
        "Islamic State fighters",
        "Islamic State (West Africa)",
    )
    assert spans(registry, text, country="Syria")[0] == ("Islamic State fighters", "Islamic State (Syria)")
    # In Iraq, and where the country is unknown, the movement's own name (the founding example's record).
    assert spans(registry, text, country="Iraq")[0] == ("Islamic State fighters", "Islamic State")
    assert spans(registry, text)[0] == ("Islamic State fighters", "Islamic State")


def test_actors_units_acled_names_after_the_state_s_forces(registry: ActorRegistry) -> None:
    text = "Police and gendarmes dispersed the crowd as forest guards watched."
    assert spans(registry, text, country="Burkina Faso") == [
        ("Police", "Police Forces of Burkina Faso"),
        ("gendarmes", "Police Forces of Burkina Faso Gendarmerie"),
        ("forest guards", "Police Forces of Burkina Faso Forest Guards"),
    ]
    text = "Military police officers shot a man."
    assert spans(registry, text, country="Brazil") == [
        ("Military police officers", "Military Forces of Brazil Military Police")
    ]


def test_actors_operations_and_fronts_by_their_names(registry: ActorRegistry) -> None:
    text = "French Operation Barkhane forces struck a camp as National Resistance forces advanced."
    assert spans(registry, text, country="Mali") == [
        ("Operation Barkhane forces", "Military Forces of France"),
        ("National Resistance forces", "National Resistance Forces"),
    ]


def test_actors_its_forces_are_the_state_just_named(registry: ActorRegistry) -> None:
    text = "The Israeli military said its forces killed dozens of Hamas gunmen in Gaza."
    assert spans(registry, text, country="Palestine")[1] == ("forces", "Military Forces of Israel")
    # A named group's "its" hands the phrase to the group itself.
    text = "Hamas said its fighters attacked the troops."
    assert spans(registry, text, country="Palestine")[1] == ("fighters", "Hamas Movement")
    # Only the speaker owns "its": the soldiers the army speaks of are the army's, not ISWAP's.
    text = "The army said ISWAP militants ambushed its soldiers near Maiduguri."
    assert spans(registry, text, country="Nigeria")[-1] == ("soldiers", "Military Forces of Nigeria")
    text = "The Houthis said their forces shot down a US drone over Marib."
    houthis = "Military Forces of Yemen Supreme Political Council"
    assert spans(registry, text, country="Yemen")[:2] == [("Houthis", houthis), ("forces", houthis)]


def test_actors_forces_that_belong_to_no_state(registry: ActorRegistry) -> None:
    text = "Rebel forces overran the base as pro-Russian forces and Turkish-backed forces advanced."
    assert spans(registry, text, country="Syria") == [("Rebel forces", "Unidentified Armed Group (Syria)")]
    # "Salvation Army" is a name; "Syrian National Army" is a rebel group, not the Syrian army.
    text = "Salvation Army volunteers fed the Syrian National Army fighters."
    assert spans(registry, text, country="Syria") == [
        ("Syrian National Army fighters", "JWS: Syrian National Army")
    ]


def test_actors_adjectives_are_not_actors(registry: ActorRegistry) -> None:
    text = "The military operation in rebel-held areas caused civilian casualties, a drone strike aside."
    assert spans(registry, text, country="Syria") == []
    assert spans(registry, "The message was posted on a pro-militant website.", country="Kenya") == []
    text = "A civilian was killed and Iraqi military operations continued."
    assert spans(registry, text, country="Iraq") == [("civilian", "Civilians (Iraq)")]
    # A weapon's maker, a test or a launch names no force at war; a strike no nationality owns, no one.
    for text in (
        "Rebels fired Russian-made missiles at the base.",
        "North Korean missile tests worried Japan.",
        "A Chinese rocket launch put two satellites in orbit.",
        "Iranian drone parts were found in the wreckage.",
        "Airstrikes and shelling hit the town.",
    ):
        assert not [name for _, name in spans(registry, text) if "Forces of" in name], text


# --- named actors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Suspected al-Shabaab militants stormed the hotel.", "al-Shabaab militants", "Al Shabaab"),
        ("Al Shabab claimed the attack on its radio.", "Al Shabab", "Al Shabaab"),
        ("Daesh claimed responsibility for the bombing.", "Daesh", IS),
        ("IS claimed the attack through Amaq.", "IS", IS),
        ("ISWAP fighters overran the base in Borno.", "ISWAP fighters", "Islamic State (West Africa)"),
        ("The Islamic State West Africa Province said it killed 20.", "Islamic State West Africa Province",
         "Islamic State (West Africa)"),
        ("Boko Haram insurgents abducted 30 girls.", "Boko Haram insurgents",
         "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"),
        ("RSF fighters shelled El Fasher.", "RSF fighters", "Rapid Support Forces"),
        ("Wagner mercenaries and Malian troops", "Wagner mercenaries", "Wagner Group"),
        ("The Houthis fired a missile at a tanker.", "Houthis",
         "Military Forces of Yemen Supreme Political Council"),
        ("Hay'at Tahrir al-Sham seized Aleppo.", "Hay'at Tahrir al-Sham", "HTS: Hayat Tahrir al Sham"),
        ("The Pakistani Taliban claimed the bombing.", "Pakistani Taliban",
         "TTP: Tehreek-i-Taliban Pakistan"),
        ("M23 rebels entered Goma.", "M23 rebels", "M23: March 23 Movement"),
        ("Maoists of the CPI (Maoist) ambushed a patrol.", "CPI (Maoist)",
         "CPI (Maoist): Communist Party of India (Maoist)"),
        ("Fano militiamen clashed with federal troops.", "Fano militiamen", "Fano Militia"),
        ("Hamas's armed wing fired rockets.", "Hamas's armed wing", "Hamas Movement"),
        ("A dissident faction of the former FARC guerrilla group kidnapped them.",
         "dissident faction of the former FARC guerrilla group",
         "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction"),
        ("Russia-backed separatist forces shelled Avdiivka.", "Russia-backed separatist forces",
         "NAF: United Armed Forces of Novorossiya"),
        ("The anti-ISIS coalition struck the convoy.", "anti-ISIS coalition",
         "Global Coalition Against Daesh"),
    ],
)  # fmt: skip
def test_actors_named_groups_by_alias(registry: ActorRegistry, text: str, mention: str, name: str) -> None:
    assert spans(registry, text)[0] == (mention, name)


def test_actors_all_caps_wire_text(registry: ActorRegistry) -> None:
    text = (
        "FMLN URBAN COMMANDOS ATTACKED THE SALVADORAN ARMY HEADQUARTERS, WHILE SHINING PATH GUERRILLAS "
        "KILLED 5 PEASANTS."
    )
    assert spans(registry, text, country="El Salvador") == [
        ("FMLN URBAN COMMANDOS", "FMLN: Farabundo Marti National Liberation Front"),
        ("SALVADORAN ARMY", "Military Forces of El Salvador"),
        ("SHINING PATH GUERRILLAS", "Shining Path"),
        ("PEASANTS", "Civilians (El Salvador)"),
    ]
    text = "TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] KIDNAPPED 50 PEASANTS"
    assert [name for _, name in spans(registry, text, country="El Salvador")] == [
        "Unidentified Armed Group (El Salvador)",
        "FMLN: Farabundo Marti National Liberation Front",
        "FMLN: Farabundo Marti National Liberation Front",
        "Civilians (El Salvador)",
    ]


def test_actors_is_and_us_as_words(registry: ActorRegistry) -> None:
    assert spans(registry, "It is clear that the group is weaker, a US official told us.") == []
    assert spans(registry, "The Islamic world is watching; Islamic clerics met.") == []
    # ALL CAPS: "IS" only next to a group noun or after THE.
    assert spans(registry, "THE PROBLEM IS THAT IS FIGHTERS REMAIN AND THE IS REGROUPS") == [
        ("IS FIGHTERS", IS),
        ("IS", IS),
    ]
    assert spans(registry, "LET US GO, SAID THE US SOLDIERS") == [("US SOLDIERS", USA)]
    assert spans(registry, "MALI'S ARMY REPELLED ISIS'S FIGHTERS") == [
        ("MALI'S ARMY", "Military Forces of Mali"),
        ("ISIS'S FIGHTERS", IS),
    ]
    assert spans(registry, "Let it be; LeT militants attacked.") == [
        ("LeT militants", "LeT: Lashkar-e-Taiba")
    ]


def test_actors_ambiguous_aliases_need_a_group_noun(registry: ActorRegistry) -> None:
    assert spans(registry, "Wagner is best known for his operas.") == []
    assert spans(
        registry, "Buy AA batteries; the AA seized a town; AA fighters advanced.", country="Myanmar"
    ) == [
        ("AA", "ULA/AA: United League of Arakan/Arakan Army"),
        ("AA fighters", "ULA/AA: United League of Arakan/Arakan Army"),
    ]


# --- generic actors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "name", "inter", "kind"),
    [
        ("Unidentified gunmen opened fire on the bus.", "Unidentified gunmen",
         "Unidentified Armed Group (Burkina Faso)", 3, "unidentified"),
        ("Heavily armed men raided the village.", "Heavily armed men",
         "Unidentified Armed Group (Burkina Faso)", 3, "unidentified"),
        ("Suspected jihadists torched the school.", "Suspected jihadists",
         "Unidentified Armed Group (Burkina Faso)", 3, "insurgents"),
        ("Thousands of protesters marched on parliament.", "protesters", "Protesters (Burkina Faso)", 6,
         "protesters"),
        ("A mob lynched the suspect.", "mob", "Rioters (Burkina Faso)", 5, "rioters"),
        ("Worshippers fled the mosque.", "Worshippers", "Civilians (Burkina Faso)", 7, "civilians"),
        ("The attackers killed three farmers.", "attackers", "Unidentified Armed Group (Burkina Faso)", 3,
         "unidentified"),
    ],
)  # fmt: skip
def test_actors_generic_actors(
    registry: ActorRegistry, text: str, mention: str, name: str, inter: int, kind: str
) -> None:
    first = registry.find(text, country="Burkina Faso")[0]
    assert (first.text, first.actor.name, first.actor.inter, first.actor.kind) == (mention, name, inter, kind)
    assert first.actor.country == "Burkina Faso"


def test_actors_generic_actors_with_nationality_or_without_country(registry: ActorRegistry) -> None:
    text = "Israeli settlers attacked Palestinian villagers near Nablus."
    assert spans(registry, text) == [
        ("Israeli settlers", "Settlers (Israel)"),
        ("Palestinian villagers", "Civilians (Palestine)"),
    ]
    assert registry.find("Demonstrators blocked the road.")[0].actor == Actor(
        "Protesters", 6, None, "protesters"
    )


# --- offsets, normalize, demonyms ----------------------------------------------------------------------


def test_actors_offsets_are_absolute_in_a_sentence_window(registry: ActorRegistry) -> None:
    text = "Nigerian troops advanced. Iraqi forces shelled ISIS positions near Mosul. Gunmen fled."
    start = text.index("Iraqi")
    end = text.index(" Gunmen")
    mentions = registry.find(text, start, end)
    assert [(m.start, m.end, m.text) for m in mentions] == [
        (start, start + len("Iraqi forces"), "Iraqi forces"),
        (text.index("ISIS"), text.index("ISIS") + 4, "ISIS"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("Military Forces of Iraq (2018-)", None, IRAQ),
        ("Military Forces of the United States (2017-)", None, USA),
        ("Police Forces of Burkina Faso (2015-) Gendarmerie", None, "Police Forces of Burkina Faso"),
        ("Military Forces of Yemen (2016-) Supreme Political Council", None,
         "Military Forces of Yemen Supreme Political Council"),
        ("Protesters (Burkina Faso)", None, "Protesters (Burkina Faso)"),
        ("Fulani Ethnic Militia (Nigeria)", None, "Fulani Ethnic Militia (Nigeria)"),
        ("protesters", "Mali", "Protesters (Mali)"),
        ("SHINING PATH", None, "Shining Path"),
        ("Sendero Luminoso", None, "Shining Path"),
        ("the Farabundo Marti National Liberation Front", None,
         "FMLN: Farabundo Marti National Liberation Front"),
        ("Manuel Rodriguez Patriotic Front", None, "FPMR: Manuel Rodriguez Patriotic Front"),
        ("the Medellin cartel", None, "Medellin Cartel"),
        ("IS", None, IS),
        ("Islamic State group", None, IS),
        ("Iraqi commandos", None, IRAQ),
        ("the army", "Peru", "Military Forces of Peru"),
    ],
)  # fmt: skip
def test_actors_normalize(registry: ActorRegistry, phrase: str, country: str | None, name: str) -> None:
    actor = registry.normalize(phrase, country=country)
    assert actor is not None
    assert actor.name == name


def test_actors_normalize_unknowns(registry: ActorRegistry) -> None:
    assert registry.normalize("the weather ministry") is None
    assert registry.normalize("Military Forces of Atlantis") is None
    assert registry.normalize("the army") is None  # no country: whose army?
    assert registry.normalize("   ") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Iraqi", "Iraq"),
        ("American", "United States"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("us", None),
        ("Salvadoran", "El Salvador"),
        ("Peruvian", "Peru"),
        ("Congolese", "Democratic Republic of Congo"),
        ("Ivorian", "Ivory Coast"),
        ("South Sudanese", "South Sudan"),
        ("Burkinabe", "Burkina Faso"),
        ("Kurdish", None),
        ("Islamic", None),
    ],
)
def test_actors_country_of_demonym(registry: ActorRegistry, word: str, country: str | None) -> None:
    assert registry.country_of_demonym(word) == country


# --- the packaged data ---------------------------------------------------------------------------------


def _packaged() -> dict[str, object]:
    data = json.loads((resources.files("eventwire") / "data" / "actors.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_actors_every_packaged_alias_names_its_own_actor(registry: ActorRegistry) -> None:
    """An alias that another entry or a country phrase shadows would never be found."""
    wrong = []
    for entry in _packaged()["actors"]:  # type: ignore[attr-defined]
        expected = entry["name"].replace(" ({country})", "")
        for alias in entry["aliases"]:
            text = alias if isinstance(alias, str) else alias["text"]
            actor = registry.normalize(text)
            if actor is None or actor.name != expected:
                wrong.append((text, actor.name if actor else None, expected))
    assert wrong == []


def test_actors_every_packaged_country_word_resolves(registry: ActorRegistry) -> None:
    wrong = []
    for entry in _packaged()["countries"]:  # type: ignore[attr-defined]
        for word in (entry["name"], *entry["aliases"], *entry["demonyms"]):
            if registry.country_of_demonym(word) != entry["name"]:
                wrong.append((word, registry.country_of_demonym(word), entry["name"]))
    assert wrong == []
    assert len(registry.countries) >= 195


def test_actors_packaged_actors_are_well_formed(registry: ActorRegistry) -> None:
    actors = registry.actors
    assert len(actors) >= 150
    assert len({a.name for a in actors}) == len(actors)
    assert all(a.inter in range(1, 9) and a.kind for a in actors)
    assert all(a.country is None or a.country in registry.countries for a in actors)


# --- user files ----------------------------------------------------------------------------------------


def test_actors_user_file_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "actors.json"
    user.write_text(
        json.dumps(
            {
                "actors": [
                    {"name": "Lakurawa", "inter": 2, "country": "Nigeria", "kind": "rebel",
                     "aliases": ["Lakurawa", "Lakurawa group"]},
                    {"name": "Islamic State", "inter": 2, "country": None, "kind": "rebel",
                     "aliases": ["ISIS", "Daesh"]},
                ],
                "generic": {"modifiers": ["marauding"]},
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    registry = ActorRegistry.load(user)
    assert spans(registry, "Lakurawa fighters and marauding bandits attacked Sokoto.", country="Nigeria") == [
        ("Lakurawa fighters", "Lakurawa"),
        ("marauding bandits", "Unidentified Armed Group (Nigeria)"),
    ]
    # The replaced entry keeps only the user's aliases.
    assert spans(registry, "ISIS and ISIL") == [("ISIS", IS)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid UTF-8 JSON"),
        ('{"actors": [{"name": "X", "inter": 12}]}', "actors.0.inter"),
        ('{"actress": []}', "actress"),
        ('{"actors": [{"name": "X", "inter": 2, "country": "Atlantis"}]}', "Atlantis"),
        ('{"forces": {"heads": {"navy": ["frigates"]}}}', "valid kinds"),
    ],
)
def test_actors_invalid_user_file_is_a_config_error(tmp_path: Path, content: str, message: str) -> None:
    user = tmp_path / "my-actors.json"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        ActorRegistry.load(user)
    assert "my-actors.json" in str(info.value)
    assert message in str(info.value)


def test_actors_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        ActorRegistry.load(tmp_path / "absent.json")


# --- speed and the ACLED reference -----------------------------------------------------------------------


def test_actors_find_is_fast(registry: ActorRegistry) -> None:
    text = (
        "Suspected jihadists on motorbikes attacked a military post near the border with Niger on Sunday, "
        "killing seven soldiers and two civilians, while American and Iraqi commandos raided ISIS hideouts, "
        "the army said in a statement."
    )
    assert 35 <= len(text.split()) <= 45
    registry.find(text, country="Mali")
    runs = 300
    began = time.perf_counter()
    for _ in range(runs):
        registry.find(text, country="Mali")
    per_call = (time.perf_counter() - began) / runs
    assert per_call < 0.002  # ~0.1 ms measured; the bound leaves room for slow CI machines


_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
_TEMPLATED = re.compile(
    r"(?:Military|Police) Forces of |(?:Protesters|Rioters|Civilians|Unidentified Armed Group) \("
)


@pytest.mark.shared
def test_actors_names_match_acled_spelling(registry: ActorRegistry) -> None:
    """ACLED's state-force and generic names read back to the same name less its date bracket, and the
    registry's named actors carry the actor codes ACLED gives them."""
    folder = shared_path("benchmarks", "acled_sample")
    known = {a.name: a for a in registry.actors}
    misses, codes = [], []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for side in ("1", "2"):
                    name, inter = row[f"actor{side}"], row[f"inter{side}"]
                    bare = _YEARS.sub("", name).strip()
                    if _TEMPLATED.match(name):
                        actor = registry.normalize(name)
                        if actor is None or not bare.startswith(actor.name):
                            misses.append(name)
                    elif bare in known and known[bare].inter != int(inter):
                        codes.append((bare, known[bare].inter, inter))
    # A few ACLED pseudo-countries ("International", "Artsakh", "Somaliland") are not countries here.
    assert len(set(misses)) <= 3, sorted(set(misses))
    assert codes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 2 August 2020, presumed JNIM or ISGS militants burned a school in the village of Fobri.",
            (
                "JNIM or ISGS militants",
                "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
            ),
        ),
        # ACLED's pair entry fixes the order, whichever group the note names first.
        (
            "The IED was likely planted by ISGS and/or JNIM militants.",
            (
                "ISGS and/or JNIM militants",
                "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
            ),
        ),
        # A pair with no entry of its own is named in the text's order.
        (
            "Houthis or AQAP fighters were blamed for the blast.",
            (
                "Houthis or AQAP fighters",
                "Military Forces of Yemen Supreme Political Council"
                " and/or AQAP: Al Qaeda in the Arabian Peninsula",
            ),
        ),
    ],
)
def test_two_groups_joined_by_or_are_one_actor(
    registry: ActorRegistry, text: str, expected: tuple[str, str]
) -> None:
    assert [(m.text, m.actor.name) for m in registry.find(text, country="Burkina Faso")] == [expected]


def test_two_groups_joined_by_and_stay_two(registry: ActorRegistry) -> None:
    found = registry.find("JNIM and ISGS militants clashed near Arbinda.", country="Burkina Faso")
    assert [m.actor.name for m in found] == [
        "JNIM: Group for Support of Islam and Muslims",
        "Islamic State (Greater Sahara)",
    ]


def test_pro_a_group_with_a_group_noun_is_that_group(registry: ActorRegistry) -> None:
    """ "pro-Houthi forces" are the Houthis' fighters; "anti-Houthi forces", a bare "pro-Houthi" are not."""
    found = registry.find("On 9 May 2020, pro-Houthi forces reportedly fired BMP shells.", country="Yemen")
    assert [(m.text, m.actor.name) for m in found] == [
        ("Houthi forces", "Military Forces of Yemen Supreme Political Council")
    ]
    against = registry.find("anti-Houthi forces shelled the town", country="Yemen")
    assert "Military Forces of Yemen Supreme Political Council" not in {m.actor.name for m in against}
    assert registry.find("a pro-Houthi website said", country="Yemen") == []


def test_coalitions_and_merged_groups_are_named_as_acled_codes_them(registry: ActorRegistry) -> None:
    def names(text: str, country: str) -> list[str]:
        return [m.actor.name for m in registry.find(text, country=country)]

    assert names("A Saudi-led coalition airstrike hit a farm.", "Yemen") == ["Operation Restoring Hope"]
    assert names("Military forces of Artsakh fired on Azerbaijani positions.", "Azerbaijan") == [
        "Military Forces of Artsakh"
    ]
    assert names("The NAF rebel forces fired mortars near Avdiivka.", "Ukraine") == [
        "NAF: United Armed Forces of Novorossiya"
    ]
    # Katiba Macina has fought as part of JNIM since 2017.
    assert names("Presumed Katiba Macina militants attacked Toolo.", "Burkina Faso") == [
        "JNIM: Group for Support of Islam and Muslims"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "U.S.-backed SDF fighters' base in al-Hasakah (Syria) was hit, Reuters' stringer said: 3 dead.",
        "Les forces armées maliennes (FAMa) ont repoussé l’attaque de l’EIGS à Ménaka, dit l'armée.",
    ],
)
def test_actors_tokens_split_text_as_the_token_pattern_reads_it(text: str) -> None:
    # Tokens come from splitting the text (an ASCII pattern where the text is ASCII); the offsets, the
    # gaps between tokens and the case flags must be those of a plain scan with the token pattern.
    from eventwire.resolve.actors import _TOKEN_RE, _Tokens

    start, end = 4, len(text) - 2
    toks = _Tokens.of(text, start, end)
    spans = [m.span() for m in _TOKEN_RE.finditer(text, start, end)]
    assert list(zip(toks.starts, toks.ends, strict=True)) == spans
    assert toks.surfaces == [text[s:e] for s, e in spans]
    gaps = [text[a:b] for a, b in zip([start, *toks.ends], toks.starts, strict=False)]
    assert toks.comma == [gap.strip() == "," for gap in gaps]
    assert toks.joined == [not gap.strip(" -'’\"") for gap in gaps]
    assert not toks.caps and not toks.title


# --- militias ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tiv militiamen attacked a Fulani settlement in Guma.",
            ("Tiv militiamen", "Tiv Ethnic Militia (Nigeria)"),
        ),
        ("Peul gunmen killed three farmers.", ("Peul gunmen", "Fulani Ethnic Militia (Nigeria)")),
        ("ARMED TIV YOUTHS BURNED HOUSES", ("TIV YOUTHS", "Tiv Ethnic Militia (Nigeria)")),
        (
            "Local militiamen repelled the bandits.",
            ("Local militiamen", "Unidentified Communal Militia (Nigeria)"),
        ),
        ("Armed tribesmen blocked the road.", ("Armed tribesmen", "Unidentified Tribal Militia (Nigeria)")),
        ("Islamist militants attacked the village.", ("Islamist militants", "Islamist Militia (Nigeria)")),
    ],
)
def test_actors_identity_and_communal_militias(
    registry: ActorRegistry, text: str, expected: tuple[str, str]
) -> None:
    assert spans(registry, text, country="Nigeria")[0] == expected
    inter = registry.normalize(expected[1])
    assert inter is not None and inter.inter == (3 if expected[1].startswith("Islamist") else 4)


def test_actors_militia_names_stay_named(registry: ActorRegistry) -> None:
    # A named group with "militia" in its alias is that group, not a communal militia.
    assert spans(
        registry, "Dozo militiamen and Koglweogo militia members clashed.", country="Burkina Faso"
    ) == [
        ("Dozo militiamen", "Dozo Militia"),
        ("Koglweogo militia members", "Koglweogo Militia"),
    ]
    assert spans(registry, "Ukrainian forces fired at the positions of the Donbass People's Militia.") == [
        ("Ukrainian forces", "Military Forces of Ukraine"),
        ("Donbass People's Militia", "NAF: United Armed Forces of Novorossiya"),
    ]
    assert spans(registry, "GNA and LNA forces clashed in Tripoli.") == [
        ("GNA", "Military Forces of Libya Government of National Accord"),
        ("LNA forces", "Military Forces of Libya Haftar Faction"),
    ]


def test_actors_user_file_adds_identity_groups(tmp_path: Path) -> None:
    user = tmp_path / "actors.json"
    user.write_text(
        json.dumps({"identity_militias": {"groups": [{"name": "Kambari", "aliases": ["Kamberi"]}]}})
    )
    registry = ActorRegistry.load(user)
    assert spans(registry, "Kamberi militiamen and Tiv militias clashed.", country="Nigeria") == [
        ("Kamberi militiamen", "Kambari Ethnic Militia (Nigeria)"),
        ("Tiv militias", "Tiv Ethnic Militia (Nigeria)"),
    ]


def test_actors_named_state_force_units(registry: ActorRegistry) -> None:
    # Units that news names by their abbreviation are ACLED's state forces with the unit's name.
    assert spans(registry, "Three CRPF personnel and one civilian were killed in Sopore.") == [
        ("CRPF", "Police Forces of India Central Reserve Police Force"),
        ("civilian", "Civilians"),
    ]
    assert spans(registry, "Two NDS members were shot and killed by unknown gunmen in Kabul city.")[0] == (
        "NDS members",
        "Police Forces of Afghanistan National Directorate of Security",
    )


def test_actors_branch_countries(registry: ActorRegistry) -> None:
    (mention,) = registry.find("Islamic State fighters attacked the town.")
    assert mention.actor.country is None
    assert {"Syria", "Nigeria"} <= set(registry.branch_countries(mention.actor))
    (army,) = registry.find("The Malian army attacked the town.")
    assert registry.branch_countries(army.actor) == ()


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("Gunmen attacked UN peacekeepers near Bunia.", "Democratic Republic of Congo", "MONUSCO"),
        ("An IED struck a convoy of UN peacekeepers near Kidal.", "Mali", "MINUSMA"),
        ("Shelling wounded two U.N. peacekeepers in the south.", "Lebanon", "UNIFIL"),
        ("Blue helmets came under fire in Cyprus.", "Cyprus", "UN: United Nations"),
    ],
)
def test_actors_un_peacekeepers_are_the_mission_of_the_country(
    registry: ActorRegistry, text: str, country: str, name: str
) -> None:
    (mention,) = [m for m in registry.find(text, country=country) if m.actor.inter == 8]
    assert mention.actor.name.startswith(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russia fired 40 missiles at Ukraine overnight.", "Military Forces of Russia"),
        ("Israel struck targets in Rafah on Monday.", "Military Forces of Israel"),
        ("UKRAINE RETOOK KHERSON ON FRIDAY.", "Military Forces of Ukraine"),
    ],
)
def test_actors_a_state_that_acts_by_arms_acts_by_its_forces(
    registry: ActorRegistry, text: str, name: str
) -> None:
    (mention,) = registry.find(text)
    assert mention.actor.name == name
    assert text[mention.start : mention.end].lower() in {"russia", "israel", "ukraine"}


@pytest.mark.parametrize(
    "text",
    [
        "Michael Jordan attacked the rim in the fourth quarter.",  # part of a person's name
        "Georgia signed a trade deal with the EU on Monday.",  # no act by arms
        "Russia said the talks failed.",
        "Youths in Senegal attacked the offices of a newspaper in Dakar.",  # where they acted, not who
        "Rioters from France attacked the stadium.",
    ],
)
def test_actors_a_country_named_is_no_force_without_an_act_of_arms(
    registry: ActorRegistry, text: str
) -> None:
    assert not any(m.actor.kind == "military" for m in registry.find(text))


def test_actors_states_named_together_act_by_their_forces(registry: ActorRegistry) -> None:
    found = registry.find("The US and Britain struck Houthi targets in Yemen on Monday.")
    names = [m.actor.name for m in found]
    assert names[:2] == ["Military Forces of the United States", "Military Forces of the United Kingdom"]
    signed = registry.find("France and Mali signed a deal on Monday.")
    assert not any(m.actor.kind == "military" for m in signed)


def test_actors_an_aside_does_not_part_a_state_from_its_act(registry: ActorRegistry) -> None:
    (mention,) = registry.find("Israel, meanwhile, struck targets in Rafah on Monday.")
    assert (mention.text, mention.actor.name) == ("Israel", "Military Forces of Israel")
    assert registry.find("Israel, meanwhile, said the talks would go on.") == []
