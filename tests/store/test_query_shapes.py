"""Pages under filters on both backends: statements built once per filter shape answer each filter with its
own values (page after page), LIKE's wildcards in an actor are taken literally, and revision 0004's sort
index (with the position and the toll) is in place after an upgrade."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import inspect

from eventwire.models.event import Event
from eventwire.store import EventFilter, open_store
from eventwire.store.sql import SqlStore


def _pages(store: Any, where: EventFilter) -> list[str]:
    """The ids of every event under ``where``, read page after page as the API reads them."""
    ids: list[str] = []
    cursor = None
    while True:
        page = store.page_records(where, limit=2, cursor=cursor)
        ids += [json.loads(r)["event_id"] for r in page.records]
        if page.next is None:
            return ids
        cursor = page.next


def _matches(event: Event, where: EventFilter) -> bool:
    """The filter, in Python: what the SQL must give."""
    if where.country and where.country.lower() not in {
        (event.country or "").lower(),
        (event.iso3 or "").lower(),
    }:
        return False
    actors = [
        a.lower() for a in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2) if a
    ]
    if where.actor and not any(where.actor.lower() in a for a in actors):
        return False
    if (
        where.min_fatalities is not None
        and (event.fatalities.best if event.fatalities else 0) < where.min_fatalities
    ):
        return False
    if where.bbox:
        west, south, east, north = where.bbox
        if event.latitude is None or event.longitude is None:
            return False
        if not (south <= event.latitude <= north and west <= event.longitude <= east):
            return False
    return True


def test_query_shapes_each_filter_gets_its_own_values(target: str, extracted: Any) -> None:
    with open_store(target, dedup=None) as store:
        for doc, events in extracted:
            store.write(doc, events)
        everything = list(store.events())  # newest first: the pages' order
        assert len(everything) >= 3
        countries = sorted({e.country for e in everything if e.country})
        actors = sorted({e.actor1.split()[0].lower() for e in everything if e.actor1})
        placed = [e for e in everything if e.latitude is not None and e.longitude is not None]
        filters = [EventFilter(country=c) for c in countries]
        filters += [EventFilter(country=e.iso3) for e in everything[:2] if e.iso3]
        filters += [EventFilter(actor=a) for a in actors]
        filters += [EventFilter(min_fatalities=n) for n in (0, 1, 5, 1000)]
        filters += [
            EventFilter(bbox=(e.longitude - 1, e.latitude - 1, e.longitude + 1, e.latitude + 1))  # type: ignore[operator]
            for e in placed[:3]
        ]
        assert len(filters) > 8
        found = 0
        for where in filters:  # same shapes, other values, in turn: nothing leaks from one to the next
            expected = [e.event_id for e in everything if _matches(e, where)]
            assert _pages(store, where) == expected, where
            found += 0 < len(expected) < len(everything)
        assert found >= len(filters) // 2, "most filters keep some events and drop others"


def test_query_shapes_actor_wildcards_are_literal(target: str, extracted: Any) -> None:
    with open_store(target, dedup=None) as store:
        for doc, events in extracted[:4]:
            store.write(doc, events)
        assert store.page_records(EventFilter(), limit=5).records
        for wildcard in ("%", "_", "/", "%%"):
            assert store.page_records(EventFilter(actor=wildcard), limit=5).records == [], wildcard


def test_query_shapes_sort_index_holds_position_and_toll(target: str) -> None:
    with open_store(target, dedup=None) as store:
        assert isinstance(store, SqlStore)
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(store.engine).get_indexes("clusters")}
    assert indexes["ix_clusters_sort_cover"] == [
        "sort_date",
        "cluster_id",
        "latitude",
        "longitude",
        "fatalities",
    ]
    assert "ix_clusters_sort" not in indexes, "the cover index replaces it"
