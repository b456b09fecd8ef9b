"""The trigger lexicon: what each kind reacts to, in the words reporters and coders use."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from eventwire.extraction.lexicon import A_FORCE, NEEDS_A_FORCE, REJECT_CUES, TRIGGERS
from eventwire.models.document import Document

_KINDS = re.compile("|".join(f"(?P<{kind.name}>{kind.pattern})" for kind in TRIGGERS))


def kinds(text: str) -> set[str]:
    return {m.lastgroup or "" for m in _KINDS.finditer(text.lower())}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("About 100 workers demonstrated to demand state support.", "protest"),
        ("Students blocked National Road No.7 to demand attention to their grievances.", "protest"),
        ("THE TERRORISTS PLACED A CHARGE OF DYNAMITE UNDER A BUS CARRYING FISHERMEN.", "ied"),
        ("Heavy combat between the army and the guerrillas has taken place in Soyapango.", "fight"),
        ("The murder of six Jesuit priests shocked the country.", "attack"),
        ("The murders which have occurred in the capital are the work of death squads.", "attack"),
        ("The police have no suspects in last Thursday's murder of the priests.", "attack"),
        ("The Jesuits' murder caused division within the party.", "attack"),
        ("The attempted murder of presidential candidates was condemned.", "attack"),
        ("Teachers began a 72-hour strike over unpaid allowances.", "protest"),
        ("Villagers were severely beaten by the police for breaking the curfew.", "attack"),
        ("Pro-Houthi forces fired 14.5mm machine guns at residential areas of the city.", "attack"),
        ("Houthi forces exchanged artillery with pro-Hadi forces on the Qaatabah front.", "shelling"),
        ("The army engaged suspected militants near the forest.", "fight"),
        ("Government forces thwarted an attack on the base, killing several fighters.", "fight"),
        ("Gunmen robbed merchants on the road to the market.", "looting"),
        ("Militants burned a shop in the village.", "looting"),
        ("Police seized 10,000 rounds of ammunition in a deserted house.", "disrupted"),
        ("Two men were found dead on the road.", "kill"),
        ("Pro-Houthi forces fired 14.5mm, 12.7mm and 7.62mm machine guns east of the complex.", "attack"),
        ("Forces fired RPGs, B-10 recoilless rifles and machine guns at the city.", "shelling"),
        ("Forces reportedly thwarted a pro-Houthi incursion on the frontline, killing several.", "fight"),
        ("Militants stripped road users of their belongings on the axis.", "looting"),
        ("Settlers uprooted 450 Palestinian-owned vine seedlings in the village.", "looting"),
        ("Israeli forces demolished a Palestinian-owned greenhouse.", "looting"),
        ("Militants whipped several people in the market.", "attack"),
        ("Troopers baton charged traders at the bazaar.", "attack"),
        ("Gym owners did a motorcade to demand the re-opening of gyms.", "protest"),
        ("Activists took out a procession and formed a human chain.", "protest"),
        ("Residents banged pots against the president during his visit.", "protest"),
        ("Police dispersed about 180 migrant laborers on the bridge.", "protest"),
        ("Migrant workers pelted stones at police on the border.", "riot"),
        ("A mutiny launched by soldiers in the capital spread to the south.", "riot"),
        ("Residents closed the road by burning rubber tires.", "riot"),
        ("Turkish forces brought military reinforcements to their positions in Idleb.", "change"),
        ("Houthi reinforcements reportedly arrived on the Nihm front.", "change"),
        ("A joint patrol by Turkish and Russian forces took place on the M4 highway.", "change"),
        ("The governor extended the nightly curfew by two months.", "change"),
        ("Federal police seized about 5 tons of marijuana during a highway inspection.", "looting"),
        ("Settlers razed Palestinian-owned lands near the town.", "looting"),
        ("Hundreds of migrant labourers came out on the roads demanding transport home.", "protest"),
        ("A group of neighbors blocked the entrance to the cemetery.", "protest"),
        ("Several associations gathered in a march for the international day of peace.", "protest"),
        (
            "About 200 residents gathered in front of the town hall in support of the local delegate.",
            "protest",
        ),
        ("Dozens of residents gathered outside the hotel and voiced their rejection of the plan.", "protest"),
        ("Former policemen demonstrated asking for their reintegration.", "protest"),
        ("Residents of the Valle de Etla community blocked the roads into the village.", "protest"),
        ("Coalition reinforcements, including 6 armored vehicles, reached the area.", "change"),
        ("A new military column carrying logistical equipment was sent to their base.", "change"),
        ("A nightly curfew was imposed in the province due to insecurity.", "change"),
        ("Nightly curfew and traffic ban imposed in all villages of the commune.", "change"),
        ("Gendarmerie forces seized 10,000 assault rifle ammunition and 6 AK-47 rifles.", "disrupted"),
        ("Police seized eight hundred military munitions in a deserted house.", "disrupted"),
        ("JNIM militants reportedly disarmed ISGS militants in the area.", "disrupted"),
        ("An RPG missile was launched into the road opposite the governorate building.", "shelling"),
        ("The church was struck by two mortar shells during the night.", "shelling"),
        ("The killings of the six Jesuit priests at the university shocked the country.", "kill"),
        ("French and Burkinabe forces conducted joint operations targeting suspected militants.", "fight"),
        ("Troops conducted operations targeting suspected JNIM and/or ISGS militants near Djibo.", "fight"),
        ("French forces conducted an aerial operation against a gathering of militants.", "air"),
        ("Six priests who were machinegunned at the university were buried today.", "attack"),
        # Measures imposed on a place, shows of force and armed groups acting as a state.
        ("The ministry decided to put the port city in quarantine from Monday.", "control"),
        ("The council declared the imposition of a three day comprehensive curfew.", "control"),
        ("The governor announced a mandatory use of face masks in all markets.", "control"),
        ("The guards sealed off the town ahead of the commander's visit.", "control"),
        ("The government closed the country's land borders and airspace.", "control"),
        ("Border guards fired warning shots in the air near the river.", "control"),
        ("Gunmen entered the village and fired several rounds in the air.", "control"),
        ("Fighters set up a fake checkpoint on the road between the two towns.", "control"),
        ("The cartel had placed two check points on the federal road.", "control"),
        ("The army launched Operation Sahel Shield in three regions.", "control"),
        ("The rebels were said to be recruiting and training near the border.", "control"),
        ("Members of the gang delivered food packages to families in the district.", "control"),
        ("The faction ended its affiliation with the operations room.", "change"),
        ("Militants emptied the school storage, seizing rice and cooking oil.", "looting"),
        ("The governor instituted a ban on all travel from the capital.", "control"),
        ("The governorship halted all entries and departures from the district.", "control"),
        ("Militants began a blockade on the town, preventing the entry of fuel.", "control"),
        ("Around 20 soldiers and policemen joined the Taliban in the district.", "change"),
        ("Rebels shut down a government drone flying over the plain.", "disrupted"),
        ("Some 300 Venezuelan migrants returned from Ecuador by bus.", "other"),
        ("About 400 families from two villages evacuated following clashes between clans.", "other"),
        ("The government released 98 Taliban prisoners from the central prison.", "other"),
        ("Several detainees escaped out of the jail overnight.", "other"),
        # Operations, interceptions and fire returned by forces.
        ("French forces conducted air/ground operations in the area of Tessit.", "fight"),
        ("The army conducted an aerial operation near the border against a gathering of militants.", "air"),
        ("Drones controlled by an unidentified armed group targeted the airbase.", "air"),
        ("Soldiers intercepted a group of suspected militants near the river.", "fight"),
        ("Self-defence militiamen routed a group of armed bandits in the hamlet.", "fight"),
        ("The officers returned fire and wounded the gunman.", "fight"),
        ("Coalition forces responded to pro-Houthi fire on the southern front.", "fight"),
        ("A boy hit by a stray police bullet during the unrest died in hospital.", "attack"),
        # Crowds with a demand, and slogans against someone.
        ("Nurses assembled outside the ministry to demand unpaid allowances.", "protest"),
        ("Traders gathered in the main square to draw attention to their demands.", "protest"),
        # Developments: a peace deal signed, a defection, services closed by insecurity.
        ("The interim president resumed power, signing a peace deal with the mutineers.", "agreement"),
        ("Fifty policemen and militia members joined the Taliban in the district.", "change"),
        ("Teachers suspended classes and left the area over the deteriorating security situation.", "other"),
        ("The police station was evacuated amid a rapidly deteriorating security situation.", "other"),
        ("Militants imposed on women to wear veils in the village.", "control"),
        ("The union suspended classes due to beatings teachers received from militants.", "other"),
    ],
)
def test_lexicon_triggers_read_common_wordings(text: str, kind: str) -> None:
    assert kind in kinds(text)


def test_lexicon_bomb_squads_placed_are_no_planted_bomb() -> None:
    # "bomb" alone still reads as an explosion elsewhere; the squad is no device planted.
    assert "ied" not in kinds(
        "The ministry placed bomb disposal squads and bomb-sniffing dogs at the stadium."
    )


def test_lexicon_grenade_launchers_are_not_grenades() -> None:
    assert "grenade" not in kinds("Rebels fired grenade launchers and small arms at the positions.")


def test_lexicon_thwarted_plots_are_plans_but_thwarted_attacks_are_fights() -> None:
    plan = next(cue for reason, cue in REJECT_CUES if reason == "plan")  # the plan verbs, not obligations
    assert plan.search("police thwarted a plot to ")
    assert not plan.search("forces thwarted an attack on the base, ")


@pytest.mark.parametrize(
    "text",
    [
        "The former minister, who was stripped of his ministerial portfolio, voted against the motion.",
        "Nigeria beat Ghana 2-1 in the final.",
        "Police officers break up any brawls that erupt in the queue.",
        "About 2,500 U.S. troops are deployed in Iraq to advise local forces.",
        "Police blocked the road to the stadium for the match.",
        "Fans gathered in a square to watch the final.",
        "The troops seized rifles and a radio in the cave.",
        "The army will conduct operations in the north next year.",
        # "Murder" as a category, a genre, a charge or a name is no act.
        "The murder rate in Chicago rose by 10 percent last year.",
        "Her new murder mystery novel was published on Monday.",
        "Murder hornets have been spotted in Washington state.",
        '"This is murder," the opposition leader said.',
        "Murder on the Orient Express opened in London.",
        "Mexico recorded 30,000 murders last year.",
        "Mexico's murders last year were the highest on record.",
        "A murder investigation was opened in Lima.",
        "The court acquitted him of murder.",
        "Parliament debated a bill on murder and manslaughter sentencing.",
        "The detective was convicted of the murder of his partner.",
        # Gear, drills and detectors are no fight and no bomb.
        "Soldiers in heavy combat gear patrolled the streets of Kabul.",
        "The brigade began intense combat training near the border.",
        "Police placed explosives detectors at the airport.",
        # Near misses of the strategic cues: a statement about a habit, an operation against someone, masks
        # for sale, a trade in food, borders that stay as they were.
        "Elders said shots in the air are forbidden at weddings.",
        "The charity sold face masks to residents of the town.",
        "Volunteers unloaded food packages from the trucks at the warehouse.",
        "The minister said the borders remain open to trade.",
        "The club banned all fans from the stadium after the match.",
        "The prisoners were moved to a new wing of the building.",
        "Members joined the committee on the new budget.",
        "The bank in Kaya was recruiting and training new staff.",
        "The company cut its ties with the Lagos distributor.",
        "The airline launched operations targeting business and/or leisure travellers in the region.",
        "Customs conducted operations against suspected smugglers and/or tax evaders at the port.",
        # Near misses of the operations, interceptions, crowds and closures read above.
        "The airline conducted ground operations in the area of the new terminal.",
        "Drones operated by the farm cooperative targeted weeds in the fields.",
        "Customs officers intercepted a shipment of counterfeit watches at the port.",
        "The home side routed their rivals 5-0 on Saturday.",
        "The passenger was hit by a bullet train in Tokyo, officials said.",
        "Thousands of fans assembled in the square to watch the final on a giant screen.",
        "The artist gathered residents at the library to draw attention to the town's history.",
        "Voters shouted pro-government slogans at the campaign event.",
        "The two companies were signing a merger agreement in London on Tuesday.",
        "New members joined the golf club after the open day.",
        "Workers at the plant demanded higher wages in talks with the management.",
        "The school suspended classes because of heavy snow on Monday.",
        "The shop closed down after twenty years in business.",
        "The bank closed down branches over security concerns about its computer systems.",
        "The museum was evacuated after a fire alarm went off.",
        "Schools were closed after threats by parents to withdraw their children.",
    ],
)
def test_lexicon_new_wordings_keep_to_their_sense(text: str) -> None:
    assert not kinds(text)


def test_lexicon_a_historical_centre_is_a_place_not_history() -> None:
    historical = next(cue for reason, cue in REJECT_CUES if reason == "historical")
    assert not historical.search("merchants from the historical center demonstrated")
    assert historical.search("a historical grievance")


@pytest.mark.parametrize(
    "text",
    [
        "13 persons died as a result of a bomb explosion. they are entitled to file a protest.",
        "the foreign ministry lodged a formal protest with the ambassador",
        "the embassy sent a protest note over the incident",
    ],
)
def test_lexicon_a_protest_lodged_through_channels_is_another_sense(text: str) -> None:
    from eventwire.extraction.lexicon import NOT_CONFLICT

    assert NOT_CONFLICT.search(text)
    assert not NOT_CONFLICT.search("hundreds of workers protested outside the ministry")


@pytest.mark.parametrize(
    "text",
    [
        "opposition leaders attacked the new tax plan at a town hall meeting",
        "the senator attacked the government's budget in a speech",
        "the central bank fired back at critics of its rate decision",
    ],
)
def test_lexicon_words_that_attack_are_another_sense(text: str) -> None:
    from eventwire.extraction.lexicon import NOT_CONFLICT

    assert NOT_CONFLICT.search(text)
    for act in (
        "gunmen attacked the police station, the report said",
        "militants attacked a bus carrying workers to the mine",
        "troops fired back at the attackers",
        "the group claimed the attack in a statement read on its radio station",
    ):
        assert not NOT_CONFLICT.search(act), act


def test_lexicon_a_misfortune_is_a_crowds_grievance_not_its_cause() -> None:
    from eventwire.extraction.lexicon import NOT_CONFLICT, NOT_CONFLICT_CROWD

    grievance = "victims of the latest floods blocked the national road to demand"
    assert NOT_CONFLICT.search(grievance)  # "killed by the floods" is no attack
    assert not NOT_CONFLICT_CROWD.search(grievance)  # but they did block the road
    assert NOT_CONFLICT_CROWD.search("a stampede at the rally")
    assert NOT_CONFLICT_CROWD.search("the stock market rallied")


def _cue(reason: str, text: str) -> bool:
    return any(cue.search(text) for name, cue in REJECT_CUES if name == reason)


def test_lexicon_a_purpose_governs_its_own_phrase_only() -> None:
    # what was prevented, or was the purpose, is no act ...
    assert _cue("plan", "police prevented protesters from staging a ")
    assert _cue("plan", "koglweogo entered a gambling hall in order to ")
    # ... but after a comma, or "and" with a past verb, the sentence tells what was done
    assert not _cue("plan", "koglweogo entered a gambling hall in order to arrest a suspect, the koglweogo ")
    assert not _cue("plan", "militants intercepted worshippers to stop them from praying and destroyed ")
    assert not _cue("plan", "police forces prevented and ")
    # ... or where the trigger is the next verb itself (the text before it ends at "and", "were")
    assert not _cue("plan", "militants intercepted worshippers to stop them from praying and ")
    assert not _cue("plan", "traffic police who tried to stop two men on a motorcycle were ")
    assert _cue("plan", "soldiers were deployed to prevent the ")


def test_lexicon_generic_and_statement_cues_keep_to_their_sense() -> None:
    assert _cue("generic", "militants regularly hold training ")
    assert not _cue("generic", "gunmen attacked a police training centre and ")
    assert _cue("generic", "cauca accounted for the largest share of the ")
    assert _cue("statement", "the opposition accused the army of ")
    assert not _cue("statement", "a man accused of witchcraft was ")
    assert _cue("cumulative", "in all, 30 people were ")
    assert not _cue("cumulative", "nightly curfew and traffic ban imposed in all villages ")
    assert not _cue("cumulative", "a mandatory use of face masks in all the public spaces ")


def test_an_election_rally_is_no_protest_trigger() -> None:
    # Where a candidate was shot ("killed while attending an election rally"), not a demonstration.
    assert "protest" not in kinds("the senator was killed while attending an election rally in soacha")
    assert "protest" in kinds("thousands held a rally in soacha to demand the release of the prisoners")


def test_lexicon_an_agreement_needs_an_armed_or_state_actor() -> None:
    # A merger or a court settlement is no agreement in ACLED's sense; a ceasefire with rebels is.
    assert "agreement" in NEEDS_A_FORCE
    assert not A_FORCE.search("the two companies signed a merger agreement in london.")
    assert A_FORCE.search("the government signed a ceasefire agreement with the rebels.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Other words in these sentences are read elsewhere (a weak "operation", "striker", "firefight"
        # inside "firefighters") and left to the judgement; the new wordings themselves stay silent.
        ("Crews conducted an aerial operation to spray crops against locusts in the region.", "air"),
        ("The goalkeeper intercepted a pass from the striker in the last minute.", "fight"),
        ("Crews responded to a fire at a warehouse on the outskirts of town.", "fight"),
    ],
)
def test_lexicon_new_wordings_keep_to_their_kind(text: str, kind: str) -> None:
    assert kind not in kinds(text)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Soldiers returned the fire in Borno on Sunday, the army said.", "Battles"),
        (
            "Classes were suspended in Mopti on Sunday due to insecurity, the army said.",
            "Strategic developments",
        ),
        ("The army conducted counter-terrorism operations in Yomboli on Sunday.", "Battles"),
        (
            "The air force conducted an aerial operation in Zamfara on Sunday against bandits.",
            "Explosions/Remote violence",
        ),
    ],
)
def test_lexicon_conflict_phrasings_a_review_found(extractor: Any, text: str, event_type: str) -> None:
    doc = Document(id="t", text=text, published=dt.date(2020, 5, 6))
    assert [e.event_type for e in extractor.run(doc).events] == [event_type]


@pytest.mark.parametrize(
    "text",
    [
        "Schools in Denver closed on Monday due to heavy snow.",
        "Classes were suspended at the university due to a water leak.",
        "The gamer returned the fire in the final round of the tournament.",
    ],
)
def test_lexicon_their_everyday_twins_give_no_event(extractor: Any, text: str) -> None:
    assert not extractor.run(Document(id="t", text=text, published=dt.date(2020, 5, 6))).events


@pytest.mark.parametrize(
    "text",
    [
        "Civil police forces dismantled a marijuana processing lab in the district.",
        "FEDERAL POLICE DISMANTLED A SYNTHETIC DRUG LAB IN THE NORTH OF THE STATE.",
        "The army destroyed a cocaine laboratory in the jungle near the border.",
    ],
)
def test_lexicon_a_drug_lab_dismantled_is_property_destroyed(text: str) -> None:
    # ACLED codes a drug lab taken apart as property destruction, as it codes the drugs seized.
    assert "looting" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The university dismantled a chemistry lab to make room for offices.",
        "Officials dismantled the old language lab at the school.",
        "Regulators shut down a drug factory over quality failures.",
        "The company destroyed the drug samples after the trial in its lab.",
        "THE HOSPITAL DISMANTLED ITS CANCER DRUG TESTING LAB LAST YEAR.",
    ],
)
def test_lexicon_a_lab_that_is_no_drug_lab_is_no_trigger(text: str) -> None:
    assert "looting" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "French strikes hit jihadist positions near the Malian border on Tuesday, killing 20 militants.",
        "ISRAELI STRIKES KILLED 12 PEOPLE IN GAZA ON MONDAY, HEALTH OFFICIALS SAID.",
        "US strikes have killed at least 30 al-Shabaab fighters in Somalia this week.",
        "Coalition strikes destroyed a weapons depot near Sanaa on Monday.",
    ],
)
def test_lexicon_strikes_that_kill_or_hit_armed_ground_are_air_strikes(extractor: Any, text: str) -> None:
    assert "air" in kinds(text)
    doc = Document(id="t", text=text, published=dt.date(2020, 5, 6))
    assert [e.sub_event_type for e in extractor.run(doc).events] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        "Strikes hit rail services across France on Tuesday as unions walked out.",
        "STRIKES HIT AIRPORTS AND TRAINS ACROSS GERMANY ON MONDAY.",
        "Teachers' strikes hit schools across the state on Monday.",
        "Strikes hit production at the copper mine in Chile on Monday, the company said.",
        "Lightning strikes killed 12 people in Bihar on Monday.",
        "Two strikes hit the camp of the fans' club before the final.",
        "The bowler's strikes hit the stumps twice in the last over.",
    ],
)
def test_lexicon_walkouts_lightning_and_sport_strikes_are_no_air_strikes(text: str) -> None:
    assert "air" not in kinds(text)
