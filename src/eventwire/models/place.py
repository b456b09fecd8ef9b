"""Places: a gazetteer entry, and a place named in a text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place.

    ``precision`` follows ACLED's ``geo_precision``: 1 a town itself, 2 near a town or part of a region,
    3 an admin1 region or wider. ``feature_class``/``feature_code`` are GeoNames' (P/PPL for towns,
    A/ADM1 for first-level divisions, A/PCLI for countries, L/RGN for regions).
    """

    name: str
    country: str | None
    iso3: str | None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int = 0
    precision: int = 3

    @property
    def is_site(self) -> bool:
        """Whether this is a town or a place as small (an airport): ACLED's ``location``, precision 1."""
        return self.feature_class == "P" or self.feature_code == "AIRP"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in a document: its offsets, its surface text and what it resolved to (or None).

    ``literal`` is False for a toponym inside the name of something that is not a place: an
    organisation, a team, a newspaper, an agreement ("Washington" in "The Washington Post", "Houston" in
    "Houston Rockets"). It is a toponym of the text, resolved like any other, but nothing happened there:
    it sets no context and is no event's location.
    """

    start: int
    end: int
    text: str
    place: Place | None
    literal: bool = True
