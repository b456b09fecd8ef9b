"""Revision 0002 on both backends: capped totals, indexed filters equal to the old ones, the upgrade of a
database written at revision 0001 (its data kept, its keys filled), and skipped inputs kept apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, insert, inspect
from sqlalchemy.engine import make_url

from eventwire.models.document import Document
from eventwire.models.event import Event
from eventwire.pipeline import dedup_functions
from eventwire.store import EventFilter, open_store
from eventwire.store import schema as t
from eventwire.store.sql import MIGRATIONS, _cluster_row, sqlite_engine

KEY_COLUMNS = ("country_key", "iso3_key", "admin1_key", "type_key", "sub_type_key")


def _engine(target: str) -> Engine:
    if target.startswith("postgresql"):
        return create_engine(make_url(target).set(drivername="postgresql+psycopg"))
    return sqlite_engine(Path(target))


def _upgrade(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()


def _write_as_revision_1(target: str, extracted: list[tuple[Document, list[Event]]]) -> None:
    """A database as eventwire wrote it before revision 0002: clusters without key columns, and skipped
    inputs among the errors."""
    engine = _engine(target)
    _upgrade(engine, "0001")
    with engine.begin() as conn:
        for n, (doc, events) in enumerate(extracted):
            conn.execute(
                insert(t.documents).values(
                    id=doc.id, content_hash=f"h{n}", canonical_url=None, url=doc.url, title=doc.title,
                    published=doc.published.isoformat() if doc.published else None, origin=doc.origin,
                    language=doc.language, text=doc.text, ingested_at="2024-01-01T00:00:00+00:00",
                )
            )  # fmt: skip
            for ev in events:
                record = json.dumps(ev.to_dict())
                conn.execute(
                    insert(t.events).values(
                        event_id=ev.event_id, doc_id=doc.id, cluster_id=ev.event_id, seq=n, record=record
                    )
                )
                row = {
                    k: v
                    for k, v in _cluster_row(ev, 1, [doc.url or doc.id]).items()
                    if k not in (*KEY_COLUMNS, "record_shape")  # revision 0002 and 0003 add these
                }
                conn.execute(insert(t.clusters).values(**row))
        conn.execute(
            insert(t.errors),
            [
                {"origin": "feeds/sahel.rss#3", "code": "E021", "message": "skipped: written in French",
                 "at": "2024-01-01T00:00:00+00:00"},
                {"origin": "empty.txt", "code": "E011", "message": "is empty",
                 "at": "2024-01-01T00:00:00+00:00"},
            ],
        )  # fmt: skip
    engine.dispose()


FILTERS = [
    EventFilter(),
    EventFilter(country="nigeria"),
    EventFilter(country="NGA"),
    EventFilter(country="iraq"),
    EventFilter(country="Atlantis"),
    EventFilter(event_type="battles"),
    EventFilter(event_type="AIR/DRONE STRIKE"),
    EventFilter(event_type="Violence against civilians"),
    EventFilter(admin1="borno"),
    EventFilter(actor="boko"),
    EventFilter(since=dt.date(2024, 1, 1)),
    EventFilter(until=dt.date(2023, 12, 31)),
    EventFilter(min_fatalities=5),
    EventFilter(bbox=(-20.0, -10.0, 60.0, 40.0)),
    EventFilter(country="Nigeria", since=dt.date(2020, 1, 1), min_fatalities=1),
]


def _expected(where: EventFilter, events: list[Event]) -> list[str]:
    """What a filter means, in Python on the records (case-insensitive names, dates, ranges)."""

    def keep(e: Event) -> bool:
        low = {k: (v or "").lower() for k, v in (("c", e.country), ("i", e.iso3), ("a", e.admin1))}
        actors = "\n".join(a.lower() for a in (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2) if a)
        checks = [
            not where.country or where.country.lower() in (low["c"], low["i"]),
            not where.admin1 or where.admin1.lower() == low["a"],
            not where.event_type
            or where.event_type.lower() in (e.event_type.lower(), e.sub_event_type.lower()),
            not where.actor or where.actor.lower() in actors,
            not where.since or (e.event_date is not None and e.event_date >= where.since),
            not where.until or (e.event_date is not None and e.event_date <= where.until),
            where.min_fatalities is None
            or (e.fatalities.best if e.fatalities else 0) >= where.min_fatalities,
        ]
        if where.bbox:
            west, south, east, north = where.bbox
            checks.append(
                e.latitude is not None
                and e.longitude is not None
                and south <= e.latitude <= north
                and west <= e.longitude <= east
            )
        return all(checks)

    return sorted(e.event_id for e in events if keep(e))


def _paged_ids(store: Any, where: EventFilter, total_limit: int = 10_000) -> tuple[list[str], int, bool]:
    ids: list[str] = []
    cursor = None
    first = None
    while True:
        page = store.page(where, limit=2, cursor=cursor, total_limit=total_limit)
        first = first or page
        ids += [e.event_id for e in page.items]
        cursor = page.next
        if cursor is None:
            return ids, first.total, first.total_exact


def test_store_indexed_filters_match_the_records_and_the_upgraded_database(
    target: str, extracted: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A store written now and the same data written at revision 0001, then upgraded on open, answer every
    filter alike, and as the filter's meaning says."""
    with open_store(target, dedup=None) as fresh:
        for doc, events in extracted:
            fresh.write(doc, events)
        events = list(fresh.events())
        assert len(events) >= 10
        fresh_answers = {w: _paged_ids(fresh, w) for w in FILTERS}
    for where, (ids, total, exact) in fresh_answers.items():
        assert sorted(ids) == _expected(where, events), where
        assert total == len(ids) and exact
    assert any(fresh_answers[w][0] for w in FILTERS[1:]), "some filter must keep some events"
    if target.startswith("postgresql"):
        old = str(request.getfixturevalue("pg_target"))  # a second empty database on the same server
    else:
        old = str(tmp_path / "old.db")
    _write_as_revision_1(old, extracted)
    with open_store(old) as upgraded:
        for where in FILTERS:
            assert _paged_ids(upgraded, where) == fresh_answers[where], where


def test_store_indexed_upgrade_keeps_the_data_and_moves_skipped_inputs(
    target: str, extracted: Any, tmp_path: Path
) -> None:
    if not target.startswith("postgresql"):
        target = str(tmp_path / "old.db")
    _write_as_revision_1(target, extracted)
    with open_store(target) as store:
        docs, stored = store.counts()
        assert docs == len(extracted) and stored == sum(len(e) for _, e in extracted)
        assert [e["origin"] for e in store.errors()] == ["empty.txt"]
        assert store.skipped() == [
            {"origin": "feeds/sahel.rss#3", "reason": "E021", "message": "skipped: written in French",
             "at": "2024-01-01T00:00:00+00:00"}
        ]  # fmt: skip
        columns = {c["name"] for c in inspect(store.engine).get_columns("clusters")}
        assert set(KEY_COLUMNS) <= columns
        nigeria = list(store.events(EventFilter(country="NGA")))
        assert nigeria and all(e.iso3 == "NGA" for e in nigeria)
        assert store.stats(EventFilter(country="nga"))["events"] == len(nigeria)


def test_store_indexed_totals_are_capped_and_say_so(target: str, extracted: Any) -> None:
    with open_store(target) as store:
        for doc, events in extracted:
            store.write(doc, events)
        everything = [e.event_id for e in store.events()]
        ids, total, exact = _paged_ids(store, EventFilter(), total_limit=3)
        assert (total, exact) == (3, False), "more than 3 match: the count stops at 3 and says so"
        assert ids == everything, "a capped count changes nothing in the pages"
        ids, total, exact = _paged_ids(store, EventFilter(), total_limit=len(everything))
        assert (total, exact) == (len(everything), True)
        nigeria = EventFilter(country="Nigeria")
        ids, total, exact = _paged_ids(store, nigeria, total_limit=1)
        assert ids == [e.event_id for e in store.events(nigeria)] and len(ids) >= 2
        assert (total, exact) == (1, False)
        page = store.page_records(nigeria, limit=1, total_limit=1)
        assert json.loads(page.records[0])["event_id"] == ids[0] and page.total_exact is False
        assert json.loads(page.records[0]) == store.page(nigeria, limit=1).items[0].to_dict()


def test_store_indexed_stats_agree_with_the_records(target: str, extracted: Any) -> None:
    with open_store(target) as store:
        for doc, events in extracted:
            store.write(doc, events)
        records = list(store.events())
        for where in (EventFilter(), EventFilter(country="Nigeria"), EventFilter(min_fatalities=3)):
            kept = [e for e in records if e.event_id in set(_expected(where, records))]
            stats = store.stats(where)
            assert stats["events"] == len(kept), where
            assert stats["fatalities"] == sum(e.fatalities.best if e.fatalities else 0 for e in kept)
            by_type = {row["event_type"]: row["events"] for row in stats["by_type"]}
            assert by_type == {
                typ: sum(1 for e in kept if e.event_type == typ) for typ in {e.event_type for e in kept}
            }
            days = [row["date"] for row in stats["by_day"]]
            assert days == sorted({e.event_date.isoformat() for e in kept if e.event_date})
            counts = [row["events"] for row in stats["by_country"]]
            assert counts == sorted(counts, reverse=True) and sum(counts) == len(kept)


def test_store_indexed_skipped_inputs_are_kept_apart_from_errors(target: str, extracted: Any) -> None:
    doc, events = extracted[0]
    with open_store(target, dedup=dedup_functions()) as store:
        store.record_skipped("crawl.warc.gz#12", "E018", "is image/png, not HTML: skipped")
        store.record_skipped(doc.origin or doc.id, "E021", "skipped: written in French")
        store.record_error("empty.txt", "E011", "is empty")
        # listed by when they were skipped: the two may fall in different clock ticks
        origins = sorted(s["origin"] for s in store.skipped())
        assert origins == sorted(["crawl.warc.gz#12", doc.origin or doc.id])
        assert [e["origin"] for e in store.errors()] == ["empty.txt"]
        store.write(dataclasses.replace(doc), events)  # stored later: no longer listed as skipped
        assert [s["origin"] for s in store.skipped()] == ["crawl.warc.gz#12"]
