"""Batched writes (what `eventwire ingest` uses): one transaction for many documents, each still whole."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

import pytest
from sqlalchemy.engine import RootTransaction
from sqlalchemy.exc import OperationalError

from eventwire.errors import BatchLostError, StoreError
from eventwire.pipeline import dedup_functions
from eventwire.store import open_store
from eventwire.store import sql as store_sql


def snapshot(target: str) -> tuple[tuple[int, int], list[dict[str, Any]], list[list[str]]]:
    with open_store(target) as store:
        events = [e.to_dict() for e in store.events()]
        sources = [[d.id for d in store.event_sources(e["event_id"])] for e in events]
        return store.counts(), events, sources


def test_store_batch_stores_what_single_writes_store(target: str, extracted: Any, tmp_path: Any) -> None:
    one_by_one = str(tmp_path / "one-by-one.db")
    with open_store(one_by_one, dedup=dedup_functions()) as store:
        for doc, events in extracted:
            store.write(doc, events)
    with open_store(target, dedup=dedup_functions()) as store, store.batch():
        for doc, events in extracted:
            assert not store.known(doc)
            store.write(doc, events)
            assert store.known(doc)  # read in the batch's transaction: it sees what the batch wrote
    assert snapshot(target) == snapshot(one_by_one)


def test_store_batch_commits_as_it_goes(target: str, extracted: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_sql, "BATCH_DOCUMENTS", 2)
    with open_store(target, dedup=dedup_functions()) as store, open_store(target) as reader:
        with store.batch():
            for doc, events in extracted[:3]:
                store.write(doc, events)
            assert reader.counts()[0] == 2  # another connection sees what was committed: two of three
        assert reader.counts()[0] == 3


def test_store_batch_failed_write_leaves_no_part_of_its_document(
    target: str, extracted: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (first, first_events), (second, second_events), *_ = [x for x in extracted if x[1]]
    with open_store(target, dedup=dedup_functions()) as store:
        with store.batch():
            store.write(first, first_events)
            broken = dataclasses.replace(second_events[-1], event_id=first_events[0].event_id + "x")
            real_add = store._add_event

            def fail_late(conn: Any, ev: Any, source: str, batch: Any) -> bool | None:
                if ev.event_id == broken.event_id:  # after the document and its other events went in
                    conn.exec_driver_sql("SELECT * FROM no_such_table")
                return real_add(conn, ev, source, batch)

            monkeypatch.setattr(store, "_add_event", fail_late)
            with pytest.raises(StoreError):
                store.write(second, [*second_events[:-1], broken])
            monkeypatch.undo()
            assert not store.known(second)
            store.record_error(second.origin or second.id, "E000", "failed on purpose")
        assert store.known(first) and not store.known(second)
        assert [e["origin"] for e in store.errors()] == [second.origin or second.id]
        stored = {e.doc_id for e in store.events()}
    assert stored == {first.id}


def test_store_batch_an_error_that_ends_the_transaction_says_what_was_lost(
    target: str, extracted: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where an error takes SQLite's whole transaction with it, the documents the batch wrote since its
    # last commit are gone: the store says so instead of counting them stored, and the batch goes on.
    docs = [x for x in extracted if x[1]][:3]
    with open_store(target, dedup=dedup_functions()) as store:
        if store.dialect != "sqlite":
            pytest.skip("the batch's savepoints are SQLite's own")
        with store.batch():
            store.write(*docs[0])
            real_flush = store_sql.SqlStore._flush

            def end_transaction(conn: Any, batch: Any) -> None:
                conn.connection.dbapi_connection.execute("ROLLBACK")
                raise sqlite3.OperationalError("disk I/O error")

            monkeypatch.setattr(store_sql.SqlStore, "_flush", staticmethod(end_transaction))
            with pytest.raises(BatchLostError, match="were not stored; ingest them again") as lost:
                store.write(*docs[1])
            assert lost.value.lost == (docs[0][0].origin or docs[0][0].id,)  # the one written before
            monkeypatch.setattr(store_sql.SqlStore, "_flush", staticmethod(real_flush))
            store.write(*docs[2])
        assert [store.known(doc) for doc, _ in docs] == [False, False, True]


def test_store_batch_a_failed_commit_names_the_documents_it_lost(
    target: str, extracted: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [x for x in extracted if x[1]][:3]
    monkeypatch.setattr(store_sql, "BATCH_DOCUMENTS", 2)
    real_commit = RootTransaction.commit
    failures = ["disk full"]

    def failing_commit(self: Any) -> None:
        if failures:
            raise OperationalError("COMMIT", {}, Exception(failures.pop()))
        real_commit(self)

    with open_store(target, dedup=dedup_functions()) as store:
        with store.batch():
            store.write(*docs[0])
            monkeypatch.setattr(RootTransaction, "commit", failing_commit)
            with pytest.raises(BatchLostError, match="were not stored; ingest them again") as lost:
                store.write(*docs[1])  # its write commits the batch, which fails
            # The failing document is the error's own; the one before it is named as lost with it.
            assert lost.value.where == (docs[1][0].origin or docs[1][0].id)
            assert lost.value.lost == (docs[0][0].origin or docs[0][0].id,)
            store.write(*docs[2])
        assert [store.known(doc) for doc, _ in docs] == [False, False, True]


def test_store_batch_keeps_its_savepoint_journals_in_memory_and_gives_the_connection_back_as_it_was(
    target: str, extracted: Any
) -> None:
    # A document's savepoint journal stays in memory while the batch lasts (SQLite wrote it to a temporary
    # file a page at a time), and the write-ahead log is copied back less often; the connection goes back
    # to the pool with SQLite's own settings.
    with open_store(target, dedup=dedup_functions()) as store:
        if store.dialect != "sqlite":
            pytest.skip("temp_store and wal_autocheckpoint are SQLite's")

        def setting(conn: Any, name: str) -> int:
            return int(conn.connection.dbapi_connection.execute(f"PRAGMA {name}").fetchone()[0])

        with store.batch():
            batch = store._batch
            assert batch is not None and setting(batch.conn, "temp_store") == 2  # MEMORY
            assert setting(batch.conn, "wal_autocheckpoint") == store_sql.BATCH_CHECKPOINT_PAGES
            for doc, events in extracted[:3]:
                store.write(doc, events)
        with store.engine.connect() as conn:  # the pool hands the batch's connection out again (LIFO)
            assert setting(conn, "temp_store") == 0  # DEFAULT
            assert setting(conn, "wal_autocheckpoint") == 1000
        assert store.counts()[0] == 3
