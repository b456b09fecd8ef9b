"""What a document offers each of its events: the mention groups and the document-wide context.

Shared by event assembly (:mod:`eventwire.extraction.events`) and location choice
(:mod:`eventwire.extraction.location`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from eventwire.extraction.mentions import Mention
from eventwire.models.document import Document
from eventwire.models.place import Place, PlaceMention
from eventwire.text.dates import DateMention


@dataclass(slots=True)
class Group:
    """The mentions of one event."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def strong(self) -> list[Mention]:
        return [m for m in self.mentions if m.strong]

    @property
    def families(self) -> set[str]:
        return {m.family for m in self.strong}


@dataclass(frozen=True, slots=True)
class Context:
    """What the whole document offers every event: its places, dates and actors by offset."""

    doc: Document
    lower: str
    places: Sequence[PlaceMention]
    dates: Sequence[DateMention]
    datelines: Sequence[tuple[int, int]] = ()
    """Where datelines stand: the place a report was filed from is not where its event happened."""
    seat_of: Callable[[Place], Place | None] | None = None
    """An admin1 region's seat (``Gazetteer.admin1_seat``): where ACLED puts a province-level event."""
    country_named: Callable[[str], Place | None] | None = None
    """The country of that name (``Gazetteer.country_named``): an event no place locates is put in its
    local actors' country."""


def in_sentence(span_start: int, mention: Mention) -> bool:
    return mention.sentence.start <= span_start < mention.sentence.end


def specificity(place: Place) -> int:
    code = (place.feature_code or "").upper()
    if place.is_site:
        return 0
    if code.startswith(("ADM2", "ADM3")):
        return 1
    if code == "ADM1":
        return 2
    if code.startswith("PCL") or (code in {"CONT", "RGN"} and place.country is None):
        return 4
    return 3


# A place name used as a modifier ("U.S. soldiers", "Iraqi-led", "the Syria talks") is not where anything
# happened.
_MODIFIED_NOUN = re.compile(
    r"[\s-]*(?:-led|-backed|-based)?\s*(?:soldiers?|troops|forces|military|army|officials?|commandos?|police|"
    r"government|authorities|embassy|president|prime|minister|ministry|officers?|personnel|citizens?|"
    r"nationals?|allies|partners|coalition|envoy|diplomats?|navy|air\s+force|marines?|talks|negotiat\w+|"
    r"counterparts?|security|intelligence|special|defen[cs]e|state\s+media|news)\b"
)


def places_of(mentions: Sequence[Mention], ctx: Context) -> list[PlaceMention]:
    # The sentences' bounds read once, not once per place (event assembly asks this many times a text).
    spans = [(m.sentence.start, m.sentence.end) for m in mentions]
    if not spans:
        return []
    # Most of a text's places lie outside the group's first and last sentence: one comparison each.
    low, high = min(s for s, _ in spans), max(e for _, e in spans)
    return [
        p for p in ctx.places
        if p.place is not None and low <= p.start < high and any(s <= p.start < e for s, e in spans)
        and not _MODIFIED_NOUN.match(ctx.lower, p.end)
        and not any(s <= p.start < e for s, e in ctx.datelines)
    ]  # fmt: skip
