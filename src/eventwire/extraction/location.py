"""Where an event happened: which of the places its sentences name, and how precisely.

ACLED's geo_precision: 1 the town itself, 2 near a town or part of a region, 3 an admin1 or wider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.extraction.context import Context, Group, places_of, specificity
from eventwire.models.place import PlaceMention

_NEAR = re.compile(
    r"(?:near|outside|outskirts\s+of|close\s+to|vicinity\s+of|part\s+of|area\s+of|road\s+(?:between|to|from)|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|\d+\s*(?:km|kilomet\w+|"
    r"miles?)\s+(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$"
)


@dataclass(frozen=True, slots=True)
class Located:
    """The mention that names the event's place (None when the text names none) and its precision."""

    mention: PlaceMention | None
    precision: int | None


def locate(group: Group, ctx: Context) -> Located:
    """The event's place: the most specific place its own sentences name, else the document's country."""
    place_mention = event_place(group, ctx) or document_place(ctx)
    place = place_mention.place if place_mention else None
    precision = place.precision if place else None
    if place_mention and place and place.feature_class == "P":
        # A headline says "in Ghazni" where the body says "on the outskirts of Ghazni city": the most
        # careful wording of the same place decides the precision, and is the evidence.
        same = [place_mention] + [
            p for p in places_of(group.mentions, ctx) if p.place == place and p is not place_mention
        ]
        near = next((p for p in same if _NEAR.search(ctx.lower[max(0, p.start - 40) : p.start])), None)
        if near is not None:
            return Located(near, 2)
    return Located(place_mention, precision)


def event_place(group: Group, ctx: Context) -> PlaceMention | None:
    strong_places = places_of(group.strong, ctx)
    all_places = places_of(group.mentions, ctx)
    if not all_places:
        return None
    anchor_places = places_of(group.strong[:1], ctx)
    countries = [p.place.iso3 for p in strong_places if p.place] or [
        p.place.iso3 for p in all_places if p.place
    ]
    home = (
        anchor_places[0].place.iso3 if anchor_places and anchor_places[0].place
        else max(countries, key=lambda c: (countries.count(c), -countries.index(c))) if countries else None
    )  # fmt: skip
    candidates = [p for p in all_places if p.place and (home is None or p.place.iso3 == home)] or all_places
    strong_ids = {id(p) for p in strong_places}
    anchor_ids = {id(p) for p in anchor_places}
    return min(
        candidates,
        key=lambda p: (
            specificity(p.place) if p.place else 9,
            0 if id(p) in anchor_ids else 1 if id(p) in strong_ids else 2,
            p.start,
        ),
    )


def document_place(ctx: Context) -> PlaceMention | None:
    """When the event's own sentences name no place: the country the document is about, if one dominates."""
    countries = [p for p in ctx.places if p.place and p.place.iso3]
    if not countries:
        return None
    codes = [p.place.iso3 for p in countries if p.place]
    top = max(set(codes), key=codes.count)
    return next(p for p in countries if p.place and p.place.iso3 == top)
