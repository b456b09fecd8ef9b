"""One event per real event: blocking, comparing, combining and clustering reports across documents."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from eventwire.dedup import events as dedup
from eventwire.dedup.events import block_keys, cluster, combine, compare
from eventwire.models.event import Event, Evidence, Quantity, RoleFiller

D = dt.date
RAID_DAY = D(2024, 9, 6)


def report(
    doc: str,
    sentence: str,
    *,
    day: dt.date = RAID_DAY,
    end: dt.date | None = None,
    sub: str = "Attack",
    event_type: str = "Violence against civilians",
    admin1: str | None = "Anbar",
    location: str | None = "Albu Bali",
    lat: float | None = 33.45,
    lon: float | None = 43.2,
    geo_precision: int | None = 1,
    actor1: str | None = "Islamic State",
    actor2: str | None = "Civilians (Iraq)",
    fatalities: Quantity | None = None,
    country: str | None = "Iraq",
    precision: int = 1,
) -> Event:
    return Event(
        event_id=f"ev-{doc}",
        doc_id=doc,
        event_type=event_type,
        sub_event_type=sub,
        event_date=day,
        date_start=day,
        date_end=end or day,
        time_precision=precision,
        actor1=actor1,
        actor2=actor2,
        country=country,
        iso3="IRQ" if country == "Iraq" else None,
        admin1=admin1,
        location=location,
        latitude=lat,
        longitude=lon,
        geo_precision=geo_precision,
        fatalities=fatalities,
        evidence=(Evidence("sentence", 0, len(sentence), sentence),),
    )


RAID_A = report(
    "wire-1",
    "Gunmen believed to belong to Islamic State killed 14 villagers in an overnight raid on Albu Bali "
    "west of Ramadi in Anbar province, police said.",
    fatalities=Quantity(14, 14, 14, "14"),
)
RAID_B = report(
    "paper-2",
    "Islamic State militants killed 15 villagers when they raided Albu Bali near Ramadi before dawn, "
    "a police captain said.",
    day=D(2024, 9, 5),
    end=D(2024, 9, 6),
    location=None,
    lat=33.42,
    lon=43.30,
    geo_precision=2,
    fatalities=Quantity(15, 15, 15, "15"),
)
RAID_C = report(
    "radio-3",
    "At least 12 people were killed by Islamic State gunmen who stormed the village of Albu Bali in "
    "Anbar overnight, residents said.",
    admin1="Anbar",
    location=None,
    lat=None,
    lon=None,
    geo_precision=3,
    fatalities=Quantity(12, 12, None, "at least 12"),
)
# Same day, same province, a different event: an army airstrike on a desert hideout 150 km away.
AIRSTRIKE = report(
    "wire-4",
    "Iraqi army aircraft bombed an Islamic State hideout in the desert near Rutba, killing five "
    "militants, the military said.",
    sub="Air/drone strike",
    event_type="Explosions/Remote violence",
    location="Rutba",
    lat=33.04,
    lon=40.28,
    actor1="Military Forces of Iraq",
    actor2="Islamic State",
    fatalities=Quantity(5, 5, 5, "five"),
)


def test_events_reports_of_one_raid_are_merged_with_reasons() -> None:
    decision = compare(RAID_A, RAID_B)
    assert decision.merge, decision
    assert "dates overlap (2024-09-06 / 2024-09-05..2024-09-06)" in decision.reasons
    assert any(r.startswith("nearby places, 10 km apart, same admin1 Anbar") for r in decision.reasons)
    assert "actors share Islamic State, Civilians (Iraq)" in decision.reasons
    assert 'similar fatalities ("14" / "15")' in decision.reasons
    assert compare(RAID_A, RAID_C).merge
    assert compare(RAID_B, RAID_C).merge


def test_events_different_event_same_day_same_province_is_kept_apart() -> None:
    decision = compare(RAID_A, AIRSTRIKE)
    assert not decision.merge
    assert decision.reasons == ("places 275 km apart",)


def test_events_hard_conditions_each_say_why() -> None:
    week_later = replace(
        RAID_B, date_start=D(2024, 9, 13), date_end=D(2024, 9, 13), event_date=D(2024, 9, 13)
    )
    assert compare(RAID_A, week_later).reasons == ("dates 7 days apart (2024-09-06 / 2024-09-13)",)
    syria = replace(RAID_B, country="Syria", iso3="SYR")
    assert compare(RAID_A, syria).reasons == ("different countries (Iraq / Syria)",)
    protest = replace(RAID_B, event_type="Protests", sub_event_type="Peaceful protest")
    assert compare(RAID_A, protest).reasons == ("incompatible types (Attack / Peaceful protest)",)
    same_doc = replace(RAID_B, doc_id=RAID_A.doc_id)
    assert not compare(RAID_A, same_doc).merge
    undated = replace(RAID_B, date_start=None, date_end=None, event_date=None, time_precision=4)
    assert compare(RAID_A, undated).reasons == ("date unknown",)
    other_admin1 = replace(RAID_C, admin1="Salah al-Din")
    assert compare(RAID_A, other_admin1).reasons == ("different admin1 (Anbar / Salah al-Din)",)


def test_events_contradicting_figures_and_text_lower_the_score() -> None:
    massacre = replace(
        RAID_B,
        fatalities=Quantity(120, 120, 120, "120"),
        evidence=(
            Evidence("sentence", 0, 10, "Protesters marched peacefully through central Ramadi streets."),
        ),
    )
    assert compare(RAID_A, massacre).score < compare(RAID_A, RAID_B).score
    assert not compare(RAID_A, massacre).merge


def test_events_a_toll_revised_upwards_neither_joins_nor_parts_the_reports() -> None:
    first = replace(RAID_A, fatalities=Quantity(7, 7, 7, "seven"))
    revised = replace(RAID_B, fatalities=Quantity(10, 10, 10, "10"))
    decision = compare(first, revised)
    assert 'fatalities a revised toll could explain ("seven" / "10")' in decision.reasons
    neutral = compare(first, replace(revised, fatalities=None))
    assert decision.score == pytest.approx(neutral.score)
    # Seven dead against 31 is no revision: the figures weigh against one event.
    far = compare(first, replace(revised, fatalities=Quantity(31, 31, 31, "31")))
    assert 'different fatalities ("seven" / "31")' in far.reasons
    assert far.score < decision.score


def test_events_a_report_of_wounded_only_and_one_of_several_dead_are_weighed_apart() -> None:
    wounded = replace(
        RAID_A,
        fatalities=None,
        injuries=Quantity(3, 3, 3, "three"),
        evidence=(Evidence("sentence", 0, 10, "Gunmen wounded three villagers in a raid on Albu Bali."),),
    )
    dead = replace(RAID_B, fatalities=Quantity(7, 7, 7, "seven"))
    decision = compare(wounded, dead)
    assert 'one report counts only injured, the other "seven" dead' in decision.reasons
    assert decision.score == pytest.approx(compare(replace(wounded, injuries=None), dead).score - 0.1)
    # One dead may be a wounded man who died later, and a report silent on the dead proves nothing.
    assert not any(
        "only injured" in r
        for r in compare(wounded, replace(dead, fatalities=Quantity(1, 1, 1, "one"))).reasons
    )
    assert not any("only injured" in r for r in compare(replace(wounded, injuries=None), dead).reasons)
    # Dead the report mentions but does not count are dead all the same.
    uncounted = replace(
        wounded,
        evidence=(
            Evidence(
                "sentence", 0, 10, "Three people were wounded and an unknown number were killed in Albu Bali."
            ),
        ),
    )
    assert not any("only injured" in r for r in compare(uncounted, dead).reasons)


def test_events_block_keys_meet_for_duplicates_and_straddle_weeks() -> None:
    assert set(block_keys(RAID_A)) & set(block_keys(RAID_B))
    assert set(block_keys(RAID_A)) & set(block_keys(RAID_C))
    # 2024-09-08 is a Sunday; a report dated Monday 09-09 is one day later and lands in the next bucket.
    sunday = replace(RAID_A, date_start=D(2024, 9, 8), date_end=D(2024, 9, 8), event_date=D(2024, 9, 8))
    monday = replace(RAID_B, date_start=D(2024, 9, 9), date_end=D(2024, 9, 9), event_date=D(2024, 9, 9))
    weeks_sunday = {k.rsplit("|", 1)[1] for k in block_keys(sunday)}
    assert len(weeks_sunday) == 2, "an interval within a day of a bucket edge also gets the neighbour"
    assert set(block_keys(sunday)) & set(block_keys(monday))
    assert compare(sunday, monday).merge
    # A year apart: no key in common, so they are never even compared.
    next_year = replace(RAID_B, date_start=D(2025, 9, 5), date_end=D(2025, 9, 5), event_date=D(2025, 9, 5))
    assert not set(block_keys(RAID_A)) & set(block_keys(next_year))
    undated = replace(RAID_B, date_start=None, date_end=None, event_date=None)
    assert block_keys(undated) == []


def test_events_border_places_in_two_admin1s_meet_by_grid_cell() -> None:
    # Two reports of one clash geocoded 8 km apart on either side of a provincial border.
    a = report(
        "a",
        "Clashes near the bridge.",
        sub="Armed clash",
        event_type="Battles",
        admin1="Anbar",
        lat=33.30,
        lon=43.99,
    )
    b = report(
        "b",
        "Clashes near the bridge.",
        sub="Armed clash",
        event_type="Battles",
        admin1="Baghdad",
        lat=33.32,
        lon=44.07,
    )
    shared = set(block_keys(a)) & set(block_keys(b))
    assert shared and all(k.startswith(("g|", "c|")) for k in shared)
    assert compare(a, b).merge


def test_events_combine_keeps_every_source_and_figure() -> None:
    merged = combine([RAID_A, RAID_B, RAID_C])
    assert merged.event_id == RAID_A.event_id and merged.doc_id == RAID_A.doc_id
    assert merged.fatalities == Quantity(12, 14, 15, "14 / 15 / at least 12")
    assert (merged.location, merged.geo_precision) == ("Albu Bali", 1)
    assert merged.actor1 == "Islamic State"
    sources = merged.extras["sources"]
    assert [s["doc_id"] for s in sources] == ["wire-1", "paper-2", "radio-3"]
    assert [s["fatalities"]["best"] for s in sources] == [14, 15, 12]
    assert len(merged.evidence) == 3
    assert merged.extras["evidence_doc_ids"] == ["wire-1", "paper-2", "radio-3"]
    assert merged.extras["members"] == ["ev-wire-1", "ev-paper-2", "ev-radio-3"]


def test_events_combine_unites_actors_and_takes_the_most_precise_date() -> None:
    vague = replace(
        RAID_B, date_start=D(2024, 9, 1), date_end=D(2024, 9, 7), time_precision=2, actor1="Tribal Militia"
    )
    merged = combine([vague, RAID_A, replace(RAID_C, actor1="Islamic State")])
    assert (merged.date_start, merged.date_end, merged.time_precision) == (D(2024, 9, 6), D(2024, 9, 6), 1)
    assert merged.actor1 == "Islamic State"
    assert merged.assoc_actor_1 == ("Tribal Militia",)
    assert merged.event_id == vague.event_id  # the first given: ingest order keeps ids stable


def test_events_combine_open_ended_figures_and_fillers() -> None:
    a = replace(
        RAID_A, fatalities=Quantity(12, 12, None, "at least 12"), victims=(RoleFiller("villagers", 0, 9),)
    )
    b = replace(RAID_B, fatalities=Quantity(20, 24, 99, "dozens"), victims=(RoleFiller("Villagers", 5, 14),))
    merged = combine([a, b])
    assert merged.fatalities == Quantity(12, 12, 99, "at least 12 / dozens")
    assert [f.text for f in merged.victims] == ["villagers"]
    only_open = combine([a, replace(RAID_C, fatalities=Quantity(10, 10, None, "more than 9"))])
    assert only_open.fatalities is not None and only_open.fatalities.high is None


def test_events_combine_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="at least one"):
        combine([])
    with pytest.raises(TypeError, match="dict"):
        combine([{"event_id": "x"}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="str"):
        compare(RAID_A, "not an event")  # type: ignore[arg-type]


def test_events_cluster_groups_reports_and_keeps_others_apart() -> None:
    groups = cluster([RAID_A, AIRSTRIKE, RAID_B, RAID_C])
    assert groups == [[0, 2, 3], [1]]
    assert cluster([]) == []


def test_events_cluster_compares_only_within_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    events = [
        replace(
            RAID_A,
            event_id=f"e{i}",
            doc_id=f"d{i}",
            admin1=rng.choice(["Anbar", "Nineveh", "Basra", "Diyala"]),
            latitude=None,
            longitude=None,
            geo_precision=3,
            date_start=D(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500)),
        )
        for i in range(600)
    ]
    events = [replace(e, date_end=e.date_start, event_date=e.date_start) for e in events]
    calls = 0
    real = dedup._decide

    def counting(*args: object, **kwargs: object) -> dedup.MergeDecision:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dedup, "_decide", counting)
    groups = cluster(events)
    all_pairs = len(events) * (len(events) - 1) // 2
    assert calls < all_pairs / 50, f"{calls} comparisons for {len(events)} events"
    assert sorted(i for g in groups for i in g) == list(range(len(events)))


# Two reports of one assassination: the second, filed from abroad a few days later, was geocoded to the
# city it was filed from, and names the judge in full.
JUDGE_A = report(
    "radio-medellin",
    "Judge Maria Elena Diaz and two of her bodyguards were shot dead in Medellin today by ten hired "
    "gunmen riding motorcycles, police said.",
    day=D(1989, 7, 28),
    sub="Attack",
    country="Colombia",
    admin1="Antioquia",
    location="Medellin",
    lat=6.25,
    lon=-75.56,
    actor1="Unidentified Armed Group (Colombia)",
    actor2="Civilians (Colombia)",
)
JUDGE_A = replace(JUDGE_A, iso3="COL", victims=(RoleFiller("JUDGE MARIA ELENA DIAZ", 0, 22),))
JUDGE_B = replace(
    report(
        "wire-caracas",
        "The Extraditables claimed responsibility for the murder of Maria Elena Diaz Perez, third judge of "
        "public order, a spokesman told reporters in Caracas.",
        day=D(1989, 7, 28),
        sub="Armed clash",
        event_type="Battles",
        country="Venezuela",
        admin1="Distrito Capital",
        location="Caracas",
        lat=10.49,
        lon=-66.88,
        actor1="Medellin Cartel",
        actor2=None,
    ),
    iso3="VEN",
    victims=(RoleFiller("Maria Elena Diaz Perez", 35, 57),),
)


def test_events_a_named_victim_in_both_reports_excuses_the_place() -> None:
    decision = compare(JUDGE_A, JUDGE_B)
    assert decision.merge, decision
    assert "different countries (Colombia / Venezuela)" in decision.reasons
    assert "same named victim JUDGE MARIA ELENA DIAZ" in decision.reasons
    assert set(block_keys(JUDGE_A)) & set(block_keys(JUDGE_B)), "the name's words meet in an n| key"
    assert cluster([JUDGE_A, JUDGE_B]) == [[0, 1]]
    # Without the name, the countries keep them apart.
    unnamed = replace(JUDGE_B, victims=(RoleFiller("two bodyguards", 0, 14),))
    assert compare(JUDGE_A, unnamed).reasons == ("different countries (Colombia / Venezuela)",)


def test_events_a_named_victim_excuses_a_few_days_or_the_place_not_both() -> None:
    def dated(event: Event, day: dt.date) -> Event:
        return replace(event, event_date=day, date_start=day, date_end=day)

    # A later report dating the murder by its own day, in the same city: merged.
    in_medellin = replace(
        JUDGE_B, country="Colombia", iso3="COL", admin1="Antioquia", location="Medellin", latitude=6.25,
        longitude=-75.56,
    )  # fmt: skip
    later_here = dated(in_medellin, D(1989, 8, 2))
    decision = compare(JUDGE_A, later_here)
    assert decision.merge and "dates 5 days apart (1989-07-28 / 1989-08-02)" in decision.reasons
    # Five days apart and in another country: two contradictions, apart.
    assert compare(JUDGE_A, dated(JUDGE_B, D(1989, 8, 2))).reasons == (
        "different countries (Colombia / Venezuela)",
    )
    # Beyond the named tolerance: apart.
    far = dated(later_here, D(1989, 7, 28) + dt.timedelta(days=dedup.NAMED_DATE_TOLERANCE_DAYS + 1))
    assert not compare(JUDGE_A, far).merge


def test_events_a_report_without_a_date_in_its_text_weighs_its_date_and_name_less() -> None:
    # No date in the text: the extractor gives the week up to publication, without a date text.
    def undated(event: Event) -> Event:
        return replace(
            event, date_start=D(1989, 7, 25), date_end=D(1989, 7, 31), date_text=None, time_precision=2
        )

    dated = replace(JUDGE_A, date_text="today")
    # The shared name no longer excuses the other country: the week is a guess, the name the one link.
    assert compare(dated, undated(JUDGE_B)).reasons == ("different countries (Colombia / Venezuela)",)
    # In one city the name still merges them; the overlap of the guessed week counts as no evidence.
    in_medellin = replace(
        undated(JUDGE_B), country="Colombia", iso3="COL", admin1="Antioquia", location="Medellin",
        latitude=6.25, longitude=-75.56,
    )  # fmt: skip
    decision = compare(dated, in_medellin)
    assert decision.merge, decision
    assert "dates overlap, one not in the text (1989-07-28 / 1989-07-25..1989-07-31)" in decision.reasons
    # Without the name (which lifts the score to the threshold), a week the text gives scores higher.
    unnamed = replace(in_medellin, victims=())
    assert compare(dated, replace(unnamed, date_text="last week")).score > compare(dated, unnamed).score


def test_events_one_word_names_and_round_ups_are_no_named_victims() -> None:
    # A surname alone is shared by too many people.
    diaz = replace(JUDGE_B, victims=(RoleFiller("DIAZ", 0, 4),))
    assert not compare(JUDGE_A, diaz).merge
    # "Judge Diaz" leaves one word of a name once "judge" is dropped.
    judge_diaz = replace(JUDGE_B, victims=(RoleFiller("JUDGE DIAZ", 0, 10),))
    assert not compare(JUDGE_A, judge_diaz).merge
    # A report of the month's killings names the judge among others: too vague to link by the name.
    month = replace(JUDGE_B, date_start=D(1989, 7, 1), date_end=D(1989, 7, 31), time_precision=3)
    assert not compare(JUDGE_A, month).merge
    assert not any(k.startswith("n|") for k in block_keys(month))


def test_events_targets_sharing_a_distinctive_word_raise_the_text_score() -> None:
    hq = replace(RAID_B, targets=(RoleFiller("FENASTRAS", 0, 9),))
    hq_long = replace(RAID_A, targets=(RoleFiller("the FENASTRAS headquarters", 0, 26),))
    plain = compare(RAID_A, RAID_B)
    shared = compare(hq_long, hq)
    assert "targets share fenastras" in shared.reasons
    assert shared.score >= plain.score
    generic = compare(replace(RAID_A, targets=(RoleFiller("police headquarters", 0, 19),)),
                      replace(RAID_B, targets=(RoleFiller("headquarters", 0, 12),)))  # fmt: skip
    assert not any(r.startswith("targets share") for r in generic.reasons)


def _medellin(doc: str, sentence: str, *victims: str) -> Event:
    event = replace(
        JUDGE_A,
        event_id=f"ev-{doc}",
        doc_id=doc,
        evidence=(Evidence("sentence", 0, len(sentence), sentence),),
    )
    return replace(event, victims=tuple(RoleFiller(v, 0, len(v)) for v in victims))


def test_events_reports_naming_different_victims_are_weighed_apart() -> None:
    one = _medellin(
        "radio-1",
        "Tomas Ibarra Leal, a radio announcer, and Judge Ana Ruiz Mora were shot dead in Medellin today.",
        "Tomas Ibarra Leal",
        "Judge Ana Ruiz Mora",
    )
    # A round-up of killed judges: it shares one name, and names a victim of another incident.
    roundup = _medellin(
        "paper-2",
        "The list of murdered magistrates grew: Ana Ruiz Mora this week, Pedro Salas Vega in August.",
        "Ana Ruiz Mora",
        "Pedro Salas Vega",
    )
    decision = compare(one, roundup)
    assert not decision.merge, decision
    assert "different named victims (Tomas Ibarra Leal / Pedro Salas Vega)" in decision.reasons
    assert not any(r.startswith("same named victim") for r in decision.reasons), (
        "the shared name proves nothing"
    )
    judge_only = replace(roundup, victims=roundup.victims[:1])
    assert compare(one, judge_only).merge
    assert decision.score == pytest.approx(compare(one, judge_only).score - dedup._OTHER_VICTIMS)
    # A report naming only the judge: a victim named by one side only is no contradiction.
    judge = _medellin("wire-3", "Gunmen killed Judge Ana Ruiz Mora in Medellin today.", "ANA RUIZ MORA")
    decision = compare(one, judge)
    assert decision.merge and "same named victim Judge Ana Ruiz Mora" in decision.reasons
    # The announcer's name spelled another way is no different victim.
    misspelt = _medellin(
        "wire-4",
        "Radio announcer Thomas Ybarra and a judge were shot dead in Medellin today.",
        "Thomas Ybarra",
        "Judge Ana Ruiz Mora",
    )
    assert not any(r.startswith("different named") for r in compare(one, misspelt).reasons)


def test_events_cluster_never_puts_two_reports_of_one_document_together() -> None:
    # One dispatch reports two raids on Albu Bali (its extractor told them apart); a vague report
    # matches both. It may join either, never glue the two together.
    second = replace(RAID_C, event_id="ev-wire-1-b", doc_id=RAID_A.doc_id)
    assert compare(RAID_B, RAID_A).merge and compare(RAID_B, second).merge
    groups = cluster([RAID_B, RAID_A, second])
    assert len(groups) == 2 and [0, 1] in groups, groups


# One night's attack on a guard post, told by two stations: one calls it a clash with the guard, the
# other an attack (a passer-by was among the dead).
POST_CLASH = report(
    "radio-1",
    "FMLN urban commandos attacked the National Guard post in Soyapango last night; two guardsmen and "
    "a passer-by were killed in the ensuing clash, the armed forces press office said.",
    day=D(1989, 6, 9),
    sub="Armed clash",
    event_type="Battles",
    country="El Salvador",
    admin1="San Salvador",
    location="Soyapango",
    lat=13.71,
    lon=-89.14,
    actor1="FMLN: Farabundo Marti National Liberation Front",
    actor2="Military Forces of El Salvador",
    fatalities=Quantity(3, 3, 3, "three"),
)
POST_ATTACK = report(
    "paper-2",
    "A passer-by and two guardsmen died when FMLN guerrillas attacked the National Guard post in "
    "Soyapango on Friday night, according to the armed forces.",
    day=D(1989, 6, 9),
    sub="Attack",
    event_type="Violence against civilians",
    country="El Salvador",
    admin1="San Salvador",
    location="Soyapango",
    lat=13.71,
    lon=-89.14,
    actor1="FMLN: Farabundo Marti National Liberation Front",
    actor2="Civilians (El Salvador)",
    fatalities=Quantity(3, 3, 3, "three"),
)


def test_events_an_attack_and_a_clash_that_share_an_actor_are_close_types() -> None:
    decision = compare(POST_CLASH, POST_ATTACK)
    assert decision.merge, decision
    assert "compatible types Armed clash / Attack" in decision.reasons
    assert cluster([POST_CLASH, POST_ATTACK]) == [[0, 1]]
    # Named the same way, the clash would score only the type's difference higher ...
    same_type = replace(POST_ATTACK, event_type="Battles", sub_event_type="Armed clash")
    assert compare(POST_CLASH, same_type).score == pytest.approx(decision.score + 0.15 * 0.2, abs=1e-3)
    # ... and with no actor in common the two types are further apart: a clash of the army with one
    # group and an attack on civilians by another are often two events of one day in one town.
    others = replace(POST_ATTACK, actor1="Unidentified Armed Group (El Salvador)")
    apart = compare(POST_CLASH, others)
    assert "compatible types Armed clash / Attack" in apart.reasons
    assert apart.score < decision.score - 0.15 * 0.4 + 1e-3


def test_events_no_battles_type_is_incompatible_with_violence_against_civilians() -> None:
    # The typer's one decision, whether the violence was aimed at armed men, told apart a kidnapping
    # as a clash in one report: the named hostage still brings the two together.
    kidnapped = replace(
        report(
            "radio-1",
            "ELN guerrillas kidnapped the American engineer Walter Frank Hensley in Medellin today.",
            day=D(1990, 2, 12),
            sub="Abduction/forced disappearance",
            country="Colombia",
            admin1="Antioquia",
            location="Medellin",
            lat=6.25,
            lon=-75.56,
            actor1="ELN: National Liberation Army",
            actor2="Civilians (Colombia)",
        ),
        victims=(RoleFiller("Walter Frank Hensley", 48, 68),),
    )
    clash = replace(
        kidnapped,
        event_id="ev-wire-2",
        doc_id="wire-2",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor2="Police Forces of Colombia",
        victims=(RoleFiller("Walter Hensley", 10, 24),),
    )
    decision = compare(kidnapped, clash)
    assert "compatible types Abduction/forced disappearance / Armed clash" in decision.reasons
    assert decision.merge, decision
    # Other pairs of types stay incompatible: a protest is no attack.
    protest = replace(clash, event_type="Protests", sub_event_type="Peaceful protest")
    assert not compare(kidnapped, protest).merge


def _bombing(doc: str, *sentences: str) -> Event:
    evidence = tuple(Evidence("sentence", 0, len(s), s) for s in sentences)
    return replace(
        RAID_A,
        event_id=f"ev-{doc}",
        doc_id=doc,
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Iraq)",
        actor2=None,
        fatalities=None,
        evidence=evidence,
    )


def test_events_reports_giving_clearly_different_hours_are_weighed_apart() -> None:
    night = _bombing(
        "radio-1",
        "A strong blast woke Ramadi before dawn: a bomb wrecked the building of a mothers' committee.",
        "The device exploded at 0230 [0830 GMT]; a baby was among the wounded.",
    )
    noon = _bombing(
        "wire-2",
        "A car bomb exploded in Ramadi today outside a union federation's offices, injuring three people.",
        "The explosion occurred at 1230 (1830 GMT) and caused panic.",
    )
    same_bomb = _bombing(
        "paper-3",
        "A car bomb outside the union federation's offices in Ramadi injured three people, police said.",
        "It went off at about 1:15 p.m., police said.",
    )
    apart = compare(night, noon)
    assert "different times of day (0230 / 1230)" in apart.reasons
    assert not apart.merge, apart
    untimed = replace(dedup.merge_features(night), clock=frozenset())
    unpenalised = dedup.decide(untimed, dedup.merge_features(noon))
    assert apart.score == pytest.approx(unpenalised.score - dedup._OTHER_HOUR)
    # Reports of one bombing give about the same hour (a GMT time in brackets is not the local one).
    assert not any(r.startswith("different times") for r in compare(noon, same_bomb).reasons)
    assert [part for part in cluster([night, noon, same_bomb]) if len(part) > 1] == [[1, 2]]


def test_events_clock_times_are_read_only_after_at() -> None:
    times = dedup._clock_times(
        [
            "The clashes began at 2200 last night and ended at 0500 today.",
            "A second bomb went off at 11:40 a.m. near the post, at 1500 meters from the square.",
            "About 150 rebels took part; the statement was read at 1830 GMT.",
        ]
    )
    assert times == {22 * 60, 5 * 60, 11 * 60 + 40}
    # A GMT gloss in either form, and figures after "at", are no local time of the event.
    figures = [
        "It was read at 2:30 p.m. GMT.",
        "Losses were put at 1500 people.",
        "The area stood at 1200 sq km.",
    ]
    assert dedup._clock_times(figures) == frozenset()
    # Around the clock: 2330 and 0030 are an hour apart.
    assert dedup._hours_apart(frozenset({23 * 60 + 30}), frozenset({30})) is None


def test_events_features_worked_out_once_decide_and_file_as_the_events_do() -> None:
    # What merge_features works out once per event (the interval's width and text, the latitude in
    # radians) gives the same keys, decisions, scores and reasons as the events themselves, and the
    # distance is the haversine one: Albu Bali to Rutba is about 275 km.
    undated = replace(RAID_C, date_text=None, time_precision=2, date_end=D(2024, 9, 12))
    northern = replace(AIRSTRIKE, latitude=-33.04, country=None, iso3=None)
    reports = [RAID_A, RAID_B, RAID_C, AIRSTRIKE, undated, northern]
    for a in reports:
        fa = dedup.merge_features(a)
        assert dedup.feature_keys(fa) == block_keys(a)
        for b in reports:
            assert dedup.decide(fa, dedup.merge_features(b)) == compare(a, b)
    apart = compare(replace(RAID_A, sub_event_type="Air/drone strike"), AIRSTRIKE)
    assert not apart.merge and apart.reasons == ("places 275 km apart",)
    assert compare(RAID_A, replace(AIRSTRIKE, doc_id="x", latitude=None)).reasons[:2] == (
        "dates overlap (2024-09-06 / 2024-09-06)",
        "same admin1 Anbar",
    )
