"""Toponym recognition and resolution on real-style news sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extraction.toponyms import find_toponyms
from eventwire.models.place import PlaceMention
from eventwire.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir)


def _found(text: str, gazetteer: Gazetteer) -> dict[str, PlaceMention]:
    mentions = find_toponyms(text, gazetteer)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {m.text: m for m in mentions}


def test_toponyms_vague_places_are_regions_with_precision_3(gazetteer: Gazetteer) -> None:
    found = _found(
        "Gunmen attacked Hit, in Anbar province, and fighting spread across western Iraq.", gazetteer
    )
    assert found["Hit"].place is not None and found["Hit"].place.admin1 == "Anbar"
    assert found["Hit"].place.precision == 1
    anbar, west = found["Anbar province"].place, found["western Iraq"].place
    assert anbar is not None and anbar.feature_code == "ADM1" and anbar.precision == 3
    assert west is not None and west.feature_code == "RGN" and west.iso3 == "IRQ" and west.precision == 3


def test_toponyms_former_names_and_named_regions(gazetteer: Gazetteer) -> None:
    found = _found("Shelling hit Artemivsk in the Donbas.", gazetteer)
    place = found["Artemivsk"].place
    assert place is not None and place.name == "Bakhmut" and place.iso3 == "UKR"
    assert found["Donbas"].place is not None and found["Donbas"].place.iso3 == "UKR"


def test_toponyms_counties_and_spatial_minimality(gazetteer: Gazetteer) -> None:
    # Edmonton is a city of a million in Canada, but among Kentucky's counties it is Edmonton, Kentucky.
    text = "Deputies in Metcalfe County and Adair County said the man was found near Edmonton."
    found = _found(text, gazetteer)
    county = found["Metcalfe County"].place
    assert county is not None and county.feature_code == "ADM2" and county.admin1 == "Kentucky"
    assert county.precision == 2
    edmonton = found["Edmonton"].place
    assert edmonton is not None and (edmonton.iso3, edmonton.admin1) == ("USA", "Kentucky")
    alone = _found("The Oilers played in Edmonton on Friday.", gazetteer)["Edmonton"].place
    assert alone is not None and alone.iso3 == "CAN"


def test_toponyms_lower_case_direction_is_part_of_the_city(gazetteer: Gazetteer) -> None:
    found = _found("Protesters gathered in east London on Sunday.", gazetteer)
    assert "east London" not in found
    assert found["London"].place is not None and found["London"].place.iso3 == "GBR"


def test_toponyms_capital_before_same_named_state(gazetteer: Gazetteer) -> None:
    found = _found("The president flew from Washington to Seattle.", gazetteer)
    assert found["Washington"].place is not None
    assert found["Washington"].place.admin1 == "District of Columbia"


def test_toponyms_places_before_titles_and_after_broadcasters(gazetteer: Gazetteer) -> None:
    found = _found("Manitoba Premier Brian Pallister spoke to CBC Toronto on Monday.", gazetteer)
    assert {"Manitoba", "Toronto"} <= set(found)
    assert "Pallister" not in found


def test_toponyms_states_said_are_places_but_surnames_are_not(gazetteer: Gazetteer) -> None:
    found = _found("Officials in Oklahoma and Pennsylvania said the storm had passed.", gazetteer)
    assert {"Oklahoma", "Pennsylvania"} <= set(found)
    assert "Bank" not in _found("The Bank of Mexico raised rates in Mexico City.", gazetteer)


def test_toponyms_continents_and_seas(gazetteer: Gazetteer) -> None:
    found = _found("Boats crossed the Mediterranean from Africa to reach Europe.", gazetteer)
    assert found["Mediterranean"].place is not None and found["Mediterranean"].place.iso3 is None
    europe = found["Europe"].place
    assert europe is not None and europe.geonames_id == 6255148


def test_toponyms_demonyms_are_not_places(gazetteer: Gazetteer) -> None:
    found = _found("Iraqi commandos and Syrian troops clashed near Deir ez-Zor.", gazetteer)
    assert "Iraqi" not in found and "Syrian" not in found
    assert found["Deir ez-Zor"].place is not None and found["Deir ez-Zor"].place.iso3 == "SYR"
