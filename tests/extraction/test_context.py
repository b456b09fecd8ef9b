"""The document context's lookups: places and dates by the spans they start in, spans by the offsets
they hold, and what is read once per document."""

from __future__ import annotations

import random
from dataclasses import dataclass

from eventwire.extraction.context import ByStart, Context, Spans, places_of
from eventwire.extraction.mentions import Mention
from eventwire.extraction.sentences import Sentence
from eventwire.models.document import Document
from eventwire.models.place import Place, PlaceMention


@dataclass(frozen=True)
class _Item:
    start: int
    name: str


def _random_spans(rng: random.Random, count: int, longest: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        start = rng.randrange(0, 300)
        spans.append((start, start + rng.randrange(0, longest)))
    return spans


def test_items_within_spans_are_those_a_scan_finds_in_their_own_order() -> None:
    rng = random.Random(7)
    for _ in range(200):
        # unsorted, with shared starts, asked with overlapping and empty spans
        items = [_Item(rng.randrange(0, 300), f"i{k}") for k in range(rng.randrange(0, 40))]
        spans = _random_spans(rng, rng.randrange(0, 6), 60)
        expected = [x for x in items if any(s <= x.start < e for s, e in spans)]
        assert ByStart(items).within(spans) == expected


def test_spans_holding_an_offset_are_those_a_scan_finds() -> None:
    rng = random.Random(11)
    for _ in range(200):
        spans = _random_spans(rng, rng.randrange(0, 30), 80)
        index = Spans(spans)
        for at in range(-5, 400, 7):
            expected = [k for k, (s, e) in enumerate(spans) if s <= at < e]
            assert index.holding(at) == expected
            assert (at in index) == bool(expected)


def test_what_every_event_asks_of_the_document_is_read_once() -> None:
    ctx = Context(Document(id="d", text="Gunmen attacked Kidal."), "gunmen attacked kidal.", [], [])
    reads: list[Context] = []

    def read(context: Context) -> int:
        reads.append(context)
        return len(reads)

    assert [ctx.once(read) for _ in range(3)] == [1, 1, 1]
    assert reads == [ctx]


def test_places_of_sentences_asked_again_are_the_same_and_the_caller_s_own() -> None:
    text = "Gunmen attacked Kidal. Troops left Gao. U.S. soldiers came."
    doc = Document(id="d", text=text)
    kidal, gao = Place("Kidal", "Mali", "MLI"), Place("Gao", "Mali", "MLI")
    usa = Place("United States", "United States", "USA")
    places = [
        PlaceMention(start=35, end=38, text="Gao", place=gao),
        PlaceMention(start=16, end=21, text="Kidal", place=kidal),
        PlaceMention(start=40, end=44, text="U.S.", place=usa),  # a modifier: "U.S. soldiers"
    ]
    ctx = Context(doc, text.lower(), places, [])
    first, second = _mention(0, 22), _mention(23, 39)
    both = places_of([first, second, first], ctx)
    assert [p.text for p in both] == ["Gao", "Kidal"]  # in the context's order
    both.clear()  # a caller's list is its own
    assert [p.text for p in places_of([second, first], ctx)] == ["Gao", "Kidal"]
    assert [p.text for p in places_of([first], ctx)] == ["Kidal"]
    assert places_of([_mention(40, 59)], ctx) == []


def _mention(start: int, end: int) -> Mention:
    return Mention(Sentence(start, end), [])
