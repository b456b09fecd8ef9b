"""Pages for the HTTP API on both backends: stored records served as they are when their shape is today's
(rebuilt otherwise), and remembered counts that follow every write, from this store or another."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import update

from eventwire.store import EventFilter, open_store
from eventwire.store import schema as t
from eventwire.store.sql import RECORD_KEYS, RECORD_SHAPE, SqlStore


def _records(store: Any) -> list[dict[str, Any]]:
    """Every event, read page after page as the API reads them."""
    records: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = store.page_records(EventFilter(), limit=3, cursor=cursor)
        records += [json.loads(r) for r in page.records]
        if page.next is None:
            return records
        cursor = page.next


def test_store_pages_serve_todays_records_and_rebuild_older_ones(target: str, extracted: Any) -> None:
    with open_store(target, dedup=None) as store:
        for doc, events in extracted:
            store.write(doc, events)
        expected = [e.to_dict() for e in store.events()]
        assert len(expected) >= 3 and _records(store) == expected
        # A record as an older version wrote it: without a field that records have today, and no shape.
        assert isinstance(store, SqlStore)
        old_id = expected[1]["event_id"]
        older = {k: v for k, v in expected[1].items() if k != "actor2_country"}
        with store.engine.begin() as conn:
            conn.execute(
                update(t.clusters)
                .where(t.clusters.c.cluster_id == old_id)
                .values(record=json.dumps(older), record_shape=None)
            )
        records = _records(store)
        assert all(r.keys() == RECORD_KEYS for r in records)
        assert records == expected, "the older record is rebuilt in today's shape"
        with store.engine.connect() as conn:
            shapes = set(
                conn.execute(t.clusters.select().with_only_columns(t.clusters.c.record_shape)).scalars()
            )
        assert shapes == {RECORD_SHAPE, None}


def test_store_pages_counts_follow_every_write(target: str, extracted: Any) -> None:
    """A count remembered for a filter is counted again after a write through this store, or through
    another one (another process writing the same database)."""
    first, *rest = extracted
    with open_store(target, dedup=None) as reader:
        reader.write(*first)
        everything = EventFilter()
        before = reader.page_records(everything).total
        assert before == len(first[1]) and reader.page_records(everything).total == before
        with open_store(target, dedup=None) as writer:
            writer.write(*rest[0])
        assert reader.page_records(everything).total == before + len(rest[0][1])
        for doc, events in rest[1:]:
            reader.write(doc, events)
        total = sum(len(events) for _, events in extracted)
        assert reader.page_records(everything).total == total
        assert [reader.page_records(everything).total for _ in range(3)] == [total] * 3
