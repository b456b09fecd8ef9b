"""What a document offers each of its events: the mention groups and the document-wide context.

Shared by event assembly (:mod:`eventwire.extraction.events`) and location choice
(:mod:`eventwire.extraction.location`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, cast

from eventwire.extraction.mentions import Mention
from eventwire.models.document import Document
from eventwire.models.place import Place, PlaceMention
from eventwire.resolve.actors import STATE_ACTS
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


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


_T = TypeVar("_T", bound=_Spanned)
_R = TypeVar("_R")


class ByStart(Generic[_T]):
    """Items that start at an offset (places, dates), found by the spans they start in.

    Events ask for the places and dates of their sentences over and over; scanning all of a text's items
    for each ask made a long text's cost grow with the square of its length. Sorted once, each ask costs
    a binary search and the items it finds.
    """

    __slots__ = ("_items", "_order", "_starts")

    def __init__(self, items: Sequence[_T]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]

    def within(self, spans: Iterable[tuple[int, int]]) -> list[_T]:
        """The items that start inside any of ``spans`` (end exclusive), in their own order."""
        starts, order = self._starts, self._order
        found: set[int] = set()
        for start, end in spans:
            # (the items starting in [start, end) are one run of the sorted starts)
            found.update(order[bisect_left(starts, start) : bisect_left(starts, end)])
        return [self._items[i] for i in sorted(found)]


class Spans:
    """Spans (start, end), asked which of them hold an offset.

    Sorted once by start; an ask looks only at the spans that start less than the longest span's length
    before the offset (spans of one sentence or clause each), not at all of a long text's.
    """

    __slots__ = ("_order", "_reach", "_spans", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._reach = max((end - start for start, end in spans), default=0)

    def holding(self, at: int) -> list[int]:
        """The indices of the spans with ``start <= at < end``, in their own order."""
        low = bisect_left(self._starts, at - self._reach + 1)
        high = bisect_right(self._starts, at)
        return sorted(i for i in self._order[low:high] if at < self._spans[i][1])

    def __contains__(self, at: int) -> bool:
        """Whether any span holds ``at``."""
        low = bisect_left(self._starts, at - self._reach + 1)
        high = bisect_right(self._starts, at)
        return any(at < self._spans[i][1] for i in self._order[low:high])


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
    lead: int = -1
    """Where the document's first sentence starts, after any dateline (-1: not known)."""
    places_by_start: ByStart[PlaceMention] = field(init=False, repr=False, compare=False)
    dates_by_start: ByStart[DateMention] = field(init=False, repr=False, compare=False)

    _known: dict[Callable[[Context], Any], Any] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    # places_of by the sentence spans asked about: an event's sentences are asked about again and again
    # (by its assembly, its location, each of its mentions), two times in three for spans already asked.
    _places_in: dict[frozenset[tuple[int, int]], list[PlaceMention]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    # event_place by the ids of a group's mentions, with the mentions themselves (see event_place).
    _event_places: dict[tuple[int, ...], tuple[tuple[Mention, ...], PlaceMention | None]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "places_by_start", ByStart(self.places))
        object.__setattr__(self, "dates_by_start", ByStart(self.dates))

    def once(self, read: Callable[[Context], _R]) -> _R:
        """``read(self)``, read once per document: what every event asks of the whole text (the country
        it is about, its foreign homonyms) is the same for each, and a long text has hundreds of events.
        ``read`` must be a pure function of the context, and its result is shared: never change it."""
        if read not in self._known:
            self._known[read] = read(self)
        return cast(_R, self._known[read])


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
    r"counterparts?|security|intelligence|special|defen[cs]e|state\s+media|news"
    # an agreement named after where it was signed: "the Minsk agreements", "the Oslo accords"
    r"|agreements?|accords?|protocols?|treat(?:y|ies)|summit|declaration|peace\s+process|format)\b"
)
# A country named as the one who acts: "Russia fired 40 missiles at Ukraine" happened in Ukraine (not "the
# city of Juliaca fired": a town is where its police acted).
_STATE_ACTS = re.compile(
    # (and its allies named after it: "the US and Britain struck Houthi targets")
    r"(?:\s+and\s+(?:the\s+)?(?:[\w.]+\s+){0,2}?[\w.]+|,\s*(?:meanwhile|however|also|then|again|separately)\s*,)?"
    rf"\s+(?:{'|'.join(sorted(STATE_ACTS))})\b"
)


def _acting_state(p: PlaceMention, lower: str) -> bool:
    """Whether the place is a country named as the one who acts ("Russia fired ...") or speaks ("..., Russia
    said"), not after "in" or another preposition ("youths in Senegal attacked")."""
    if p.place is None or specificity(p.place) != 4:
        return False
    if not (_STATE_ACTS.match(lower, p.end) or _STATE_SAYS.match(lower, p.end)):
        return False
    return _AFTER_PREPOSITION.search(lower, max(0, p.start - 12), p.start) is None


# ... or as a sponsor: "fighters backed by Iran attacked US troops in Syria" happened in Syria.
_BACKED_BY = re.compile(r"\b(?:backed|supported|funded|armed|sponsored|trained)\s+by\s+$")
# ... or as the one who speaks of it: "Ukraine launched a drone attack on the bridge, Russia said".
_STATE_SAYS = re.compile(r"\s+(?:said|says|claimed|claims|reported|announced|accused)\b")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|from|of|near|across|at|to|by|into|on|over|inside|throughout)\s+$")


def places_of(mentions: Sequence[Mention], ctx: Context) -> list[PlaceMention]:
    """The resolved places of the mentions' sentences, in the context's order, but those used as
    modifiers ("U.S. soldiers") or named as a sponsor ("backed by Iran"), those of datelines, and countries
    named as the one who acts or speaks ("Russia fired ...") where another place is named."""
    spans = frozenset((m.sentence.start, m.sentence.end) for m in mentions)
    found = ctx._places_in.get(spans)
    if found is None:
        found = [
            p for p in ctx.places_by_start.within(spans)
            if p.place is not None and not _MODIFIED_NOUN.match(ctx.lower, p.end)
            and not _BACKED_BY.search(ctx.lower, max(0, p.start - 20), p.start)
            and not any(s <= p.start < e for s, e in ctx.datelines)
        ]  # fmt: skip
        acting = [p for p in found if _acting_state(p, ctx.lower)]
        if acting and len(acting) < len(found):
            found = [p for p in found if p not in acting]  # (where no other place is named, it is the one)
        ctx._places_in[spans] = found
    return list(found)  # a copy: the caller may change its list, never the one kept
