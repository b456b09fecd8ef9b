"""Choosing the event's place among a sentence's toponyms (``place_for_trigger``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extraction.location import place_for_trigger
from eventwire.extraction.toponyms import find_toponyms
from eventwire.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir)


def _choose(text: str, verb: str, gazetteer: Gazetteer) -> str | None:
    start = text.index(verb)
    choice = place_for_trigger(text, (start, start + len(verb)), find_toponyms(text, gazetteer))
    return choice.mention.text if choice.mention else None


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        (
            "Shelling hit a trolleybus in Donetsk on Thursday killing 8 people, an official said.",
            "hit",
            "Donetsk",
        ),
        ("Protesters marched through the centre of Nairobi in support of Kibaki.", "marched", "Nairobi"),
        ("Iraqi forces killed 14 militants near Hit, in Anbar province, on Friday.", "killed", "Hit"),
        ("Russia said its jets struck targets outside Idlib overnight.", "struck", "Idlib"),
        ("Two journalists were killed Saturday in the capital Mogadishu.", "killed", "Mogadishu"),
    ],
)
def test_location_place_for_trigger_picks_the_events_place(
    text: str, verb: str, where: str, gazetteer: Gazetteer
) -> None:
    assert _choose(text, verb, gazetteer) == where


def test_location_place_for_trigger_ignores_actors_and_topics(gazetteer: Gazetteer) -> None:
    # "Syria" is a speaker and "U.S." a modifier: neither is where anything happened.
    assert _choose("Syria said U.S.-led strikes killed 12 civilians.", "killed", gazetteer) is None
    assert _choose("France condemned the attack.", "attack", gazetteer) is None
