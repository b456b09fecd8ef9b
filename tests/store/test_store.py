"""The store on both backends: idempotent writes, round trips, filters, pages, copies, merges."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from eventwire.errors import StoreError
from eventwire.models.document import Document
from eventwire.models.event import Event
from eventwire.pipeline import dedup_functions
from eventwire.store import EventFilter, open_store
from eventwire.store import schema as t
from eventwire.store.export import export


def fill(target: str, extracted: list[tuple[Document, list[Event]]]) -> None:
    with open_store(target, dedup=dedup_functions()) as store:
        for doc, events in extracted:
            store.write(doc, events)


def test_store_write_is_idempotent_and_round_trips(target: str, extracted: Any) -> None:
    fill(target, extracted)
    with open_store(target, dedup=dedup_functions()) as store:
        before = (store.counts(), [e.to_dict() for e in store.events()])
        for doc, events in extracted:
            again = store.write(doc, events)
            assert not again.new and again.events == 0
            assert store.known(doc)
        assert (store.counts(), [e.to_dict() for e in store.events()]) == before
        for doc, events in extracted:
            for ev in events:
                back = store.event(ev.event_id)
                assert back is not None
                if back.event_id == ev.event_id and back.extras["members"] == 1:
                    assert back.to_dict() == ev.to_dict()  # the record, as stored, loses nothing
            record = store.document(doc.id)
            assert record is not None and record.text == doc.text
            assert record.events == [e.event_id for e in events] or record.duplicate_of


def test_store_copies_are_linked_not_doubled(target: str) -> None:
    text = (
        "Gunmen killed seven villagers in an attack on Gajiram in Borno State on Tuesday, residents said. "
        "The attackers also burned several houses and stole livestock before fleeing into the bush."
    )
    first = Document("doc-a", text, url="https://www.example.org/news/gajiram/?utm_source=rss#top")
    same = Document("doc-a2", text, url="http://example.org/news/gajiram")
    copy = Document("doc-b", text, url="https://wire.example.com/gajiram")
    with open_store(target, dedup=dedup_functions()) as store:
        assert store.write(first, []).new
        assert store.known(same)  # same text at the same canonical URL: the same document
        assert not store.write(same, []).new
        assert store.find_duplicate(copy) == "doc-a"
        stored = store.write(copy, [])
        assert stored.new and stored.duplicate_of == "doc-a"
        assert store.counts()[0] == 2


def test_store_filters_agree_with_the_records(target: str, extracted: Any) -> None:
    fill(target, extracted)
    with open_store(target) as store:
        everything = list(store.events())
        assert everything, "the fixture articles hold events"

        def ids(where: EventFilter) -> list[str]:
            return [e.event_id for e in store.events(where)]

        def expect(keep: Any) -> list[str]:
            return [e.event_id for e in everything if keep(e)]

        some = next(e for e in everything if e.country and e.admin1 and e.actor1)
        assert ids(EventFilter(country=some.country.upper())) == expect(lambda e: e.country == some.country)
        assert ids(EventFilter(country=some.iso3)) == expect(lambda e: e.iso3 == some.iso3)
        assert ids(EventFilter(admin1=some.admin1)) == expect(lambda e: e.admin1 == some.admin1)
        assert ids(EventFilter(event_type="battles")) == expect(lambda e: e.event_type == "Battles")
        assert ids(EventFilter(event_type=some.sub_event_type)) == expect(
            lambda e: e.sub_event_type == some.sub_event_type
        )
        word = some.actor1.split()[-1].lower()
        assert ids(EventFilter(actor=word)) == expect(
            lambda e: any(
                word in (a or "").lower() for a in (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2)
            )
        )
        since, until = dt.date(2024, 1, 1), dt.date(2024, 6, 30)
        assert ids(EventFilter(since=since, until=until)) == expect(
            lambda e: e.event_date is not None and since <= e.event_date <= until
        )
        assert ids(EventFilter(min_fatalities=5)) == expect(lambda e: e.fatalities and e.fatalities.best >= 5)
        box = (0.0, 0.0, 50.0, 40.0)
        assert ids(EventFilter(bbox=box)) == expect(
            lambda e: e.latitude is not None and 0 <= e.latitude <= 40 and 0 <= e.longitude <= 50
        )
        texts = {doc.id: doc.text.lower() for doc, _ in extracted}
        assert ids(EventFilter(text="convoy Gwoza")) == expect(
            lambda e: "convoy" in texts[e.doc_id] and "gwoza" in texts[e.doc_id]
        )
        assert len(ids(EventFilter(text="convoy Gwoza"))) == 1
        assert ids(EventFilter(text="'; DROP TABLE events; --")) == []
        assert store.counts()[1] == len(everything)
        stats = store.stats()
        assert stats["events"] == len(everything)
        assert stats["fatalities"] == sum(e.fatalities.best for e in everything if e.fatalities)
        assert sum(d["events"] for d in stats["by_type"]) == len(everything)


def test_store_pages_newest_first_with_a_cursor(target: str, extracted: Any) -> None:
    fill(target, extracted)
    with open_store(target) as store:
        everything = [e.event_id for e in store.events()]
        dates = [e.event_date for e in store.events() if e.event_date]
        assert dates == sorted(dates, reverse=True)
        seen: list[str] = []
        cursor = None
        while True:
            page = store.page(limit=4, cursor=cursor)
            assert page.total == len(everything)
            seen += [e.event_id for e in page.items]
            if page.next is None:
                break
            cursor = page.next
        assert seen == everything
        with pytest.raises(StoreError, match="cursor"):
            store.page(cursor="not-a-cursor")


def _exports(target: str) -> dict[str, Any]:
    with open_store(target) as store:
        out: dict[str, Any] = {}
        for fmt in ("jsonl", "csv", "geojson"):
            buffer = io.StringIO()
            export(store.events(), fmt, buffer)
            out[fmt] = buffer.getvalue()
        out["stats"] = store.stats()
        out["pages"] = [[e.event_id for e in store.page(limit=5).items]]
        out["texts"] = [e.event_id for e in store.events(EventFilter(text="killed soldiers"))]
        return out


def test_store_sqlite_and_postgresql_give_the_same_results(
    tmp_path: Path, pg_target: str, extracted: Any
) -> None:
    sqlite_target = str(tmp_path / "same.db")
    fill(sqlite_target, extracted)
    fill(pg_target, extracted)
    lite, pg = _exports(sqlite_target), _exports(pg_target)
    assert lite["jsonl"].count("\n") > 5
    assert lite == pg


def test_store_merges_reports_of_one_event_and_splits_them(target: str, extracted: Any) -> None:
    doc, events = next((d, evs) for d, evs in extracted if d.id == "01-borno-convoy-ambush")
    ev = events[0]
    other_text = doc.text.replace("fourteen soldiers", "fifteen soldiers").replace("Insurgents", "Jihadists")
    other = Document("other-outlet", "A second outlet's report. " + other_text[::-1])  # not a copy
    twin = dataclasses.replace(
        ev, event_id="ev-other", doc_id=other.id,
        fatalities=dataclasses.replace(ev.fatalities, low=15, best=15, high=15) if ev.fatalities else None,
    )  # fmt: skip
    with open_store(target, dedup=dedup_functions()) as store:
        store.write(doc, events)
        stored = store.write(other, [twin])
        assert stored.merged == 1, "the same ambush reported by another document joins the stored event"
        merged = store.event("ev-other")
        assert merged is not None and merged.event_id == ev.event_id
        assert {d.id for d in store.event_sources(ev.event_id)} == {doc.id, other.id}
        cluster = store.cluster(ev.event_id)
        assert cluster is not None and [m.event_id for m in cluster.members] == [ev.event_id, "ev-other"]
        assert any(d.action == "merge" and d.event_id == "ev-other" for d in cluster.decisions)
        total = store.counts()[1]
        assert store.split("ev-other") == ev.event_id
        assert store.counts()[1] == total + 1
        alone = store.event("ev-other")
        assert alone is not None and alone.event_id == "ev-other" and alone.fatalities == twin.fatalities
        with pytest.raises(StoreError, match="not merged"):
            store.split("ev-other")


def test_store_merge_updates_the_cluster_row_as_writing_it_anew_would(target: str, extracted: Any) -> None:
    # A new member updates the stored cluster row in its changed columns only (an index holding a column
    # left as it was is not rewritten): the row is the one that writing it anew gives.
    doc, events = next((d, evs) for d, evs in extracted if d.id == "01-borno-convoy-ambush")
    ev = events[0]
    other = Document("other-outlet", "A second outlet's report. " + doc.text[::-1])
    twin = dataclasses.replace(ev, event_id="ev-other", doc_id=other.id)
    clusters = t.clusters

    def row(store: Any) -> dict[str, Any]:
        with store.engine.connect() as conn:
            found = conn.execute(select(clusters).where(clusters.c.cluster_id == ev.event_id)).one()
        return dict(found._mapping)

    with open_store(target, dedup=dedup_functions()) as store:
        store.write(doc, events)
        alone = row(store)
        assert store.write(other, [twin]).merged == 1
        updated = row(store)
        with store.engine.begin() as conn:
            conn.execute(delete(clusters).where(clusters.c.cluster_id == ev.event_id))
            store._refresh(conn, ev.event_id)  # no row to update: written anew
        assert row(store) == updated
    assert updated["members"] == 2 and updated["sources"] != alone["sources"]


def test_store_split_of_the_report_that_names_the_event_leaves_two_events(
    target: str, extracted: Any
) -> None:
    # The earliest report names the merged event; split off, it is an event of its own again, and the
    # other report goes by its own id.
    doc, events = next((d, evs) for d, evs in extracted if d.id == "01-borno-convoy-ambush")
    ev = events[0]
    other = Document("other-outlet", "A second outlet's report. " + doc.text[::-1])
    twin = dataclasses.replace(ev, event_id="ev-other", doc_id=other.id)
    with open_store(target, dedup=dedup_functions()) as store:
        store.write(doc, events)
        assert store.write(other, [twin]).merged == 1
        total = store.counts()[1]
        assert store.split(ev.event_id) == "ev-other"
        assert store.counts()[1] == total + 1
        for event_id in (ev.event_id, "ev-other"):
            alone = store.cluster(event_id)
            assert alone is not None and [m.event_id for m in alone.members] == [event_id]
            found = store.event(event_id)
            assert found is not None and found.event_id == event_id


def test_store_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        open_store(path)
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.db", create=False)


def test_store_records_errors_and_forgets_them_once_stored(target: str) -> None:
    with open_store(target) as store:
        store.record_error("feeds/a.jsonl:3", "E015", "is not JSON")
        store.record_error("feeds/a.jsonl:3", "E015", "is not JSON")
        assert [(r["origin"], r["code"]) for r in store.errors()] == [("feeds/a.jsonl:3", "E015")]
        store.write(Document("doc-x", "Police arrested three men in Lima.", origin="feeds/a.jsonl:3"), [])
        assert store.errors() == []
        assert json.dumps(store.stats())


def test_store_never_clusters_two_events_of_one_document(target: str, extracted: Any) -> None:
    doc, events = next((d, evs) for d, evs in extracted if d.id == "01-borno-convoy-ambush")
    ev = events[0]
    other = Document("other-outlet", "A second outlet's report. " + doc.text[::-1])
    report = dataclasses.replace(ev, event_id="ev-report", doc_id=other.id)
    # A third document whose extractor found the same ambush twice (two events it told apart):
    # the report from elsewhere may join one of them, never both.
    third = Document(
        "third-outlet", "A third outlet's report, told twice. " + " ".join(sorted(set(doc.text.split())))
    )
    first, second = (dataclasses.replace(ev, event_id=f"ev-third-{n}", doc_id=third.id) for n in (1, 2))
    with open_store(target, dedup=dedup_functions()) as store:
        store.write(doc, events)
        store.write(other, [report])
        assert store.write(third, [first, second]).merged == 1
        joined, apart = store.event("ev-third-1"), store.event("ev-third-2")
        assert joined is not None and joined.event_id == ev.event_id
        assert apart is not None and apart.event_id == "ev-third-2"


def test_store_a_vague_report_does_not_chain_two_events_together(target: str, extracted: Any) -> None:
    doc, events = next((d, evs) for d, evs in extracted if d.id == "01-borno-convoy-ambush")
    ev = events[0]
    assert ev.date_start is not None
    day = ev.date_start
    # The ambush; a later round-up that dates it only by its week; then a second ambush on the same road
    # nine days after the first. The round-up matches both, the second ambush the round-up only: it must
    # not join the first ambush's event through it.
    week = dataclasses.replace(
        ev, event_id="ev-week", doc_id="week", date_start=day, date_end=day + dt.timedelta(days=9),
        time_precision=2,
    )  # fmt: skip
    later = dataclasses.replace(
        ev, event_id="ev-later", doc_id="later", date_start=day + dt.timedelta(days=9),
        date_end=day + dt.timedelta(days=9), event_date=day + dt.timedelta(days=9),
    )  # fmt: skip
    with open_store(target, dedup=dedup_functions()) as store:
        decide = dedup_functions().compare_all
        assert [v.merge for v in decide(week, [ev, later])] == [True, True]
        assert not decide(later, [ev])[0].merge
        store.write(doc, events)
        assert store.write(Document("week", "A round-up of the week. " + doc.text[::-1]), [week]).merged == 1
        assert store.write(Document("later", "Another ambush. " + doc.text[::2]), [later]).merged == 0
        alone = store.event("ev-later")
        assert alone is not None and alone.event_id == "ev-later"
        # `eventwire explain ev-later` can say which event it was kept apart from, and why.
        cluster = store.cluster("ev-later")
        assert cluster is not None
        (kept,) = [d for d in cluster.decisions if d.action == "apart" and d.cluster_id == ev.event_id]
        assert "unlike the event's first report" in kept.reasons[-1]
