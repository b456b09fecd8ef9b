"""The write path's statements sent to SQLite's driver (``sql._run``): SQLAlchemy's rows, its errors."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from eventwire.pipeline import dedup_functions
from eventwire.store import open_store, schema
from eventwire.store import sql as store_sql


def test_driver_rows_are_sqlalchemy_rows(target: str, extracted: Any) -> None:
    with open_store(target, dedup=dedup_functions()) as store:
        for doc, events in extracted:
            store.write(doc, events)
        with store.engine.connect() as conn:
            ids = [row.event_id for row in conn.execute(select(schema.events.c.event_id))]
            keys = [row.key for row in conn.execute(select(schema.event_keys.c.key))]
            doc = extracted[0][0]
            asked: list[tuple[Any, dict[str, Any]]] = [
                (store_sql._RECORDS, {"ids": ids}),  # an expanding IN of every length asked
                (store_sql._RECORDS, {"ids": ids[:1]}),
                (store_sql._CANDIDATES, {"keys": keys, "doc_id": doc.id}),
                (store_sql._SAME_TEXT_AT, {"hash": store_sql._hash(doc.text), "url": "nowhere"}),  # a LIMIT
                (store_sql._DOCUMENT_URL, {"id": doc.id}),
                (store_sql._LAST_SEQ, {}),
            ]
            assert ids and keys
            for statement, values in asked:
                expected = [tuple(row) for row in conn.execute(statement, values)]
                assert [tuple(row) for row in store_sql._run(conn, statement, values)] == expected


def test_driver_failure_is_a_sqlalchemy_error(target: str, extracted: Any) -> None:
    doc, events = next((d, e) for d, e in extracted if e)
    with open_store(target, dedup=dedup_functions()) as store:
        store.write(doc, events)
        with store.engine.connect() as conn, conn.begin():
            row = {"key": "k", "event_id": events[0].event_id}
            store_sql._run_many(conn, store_sql._ADD_EVENT_KEYS, [row])
            with pytest.raises(IntegrityError):
                store_sql._run_many(conn, store_sql._ADD_EVENT_KEYS, [row])


def test_driver_value_left_out_is_an_error_not_a_null(target: str, extracted: Any) -> None:
    with open_store(target, dedup=dedup_functions()) as store:
        store.write(*extracted[0])
        with store.engine.connect() as conn:
            if conn.dialect.name != "sqlite":
                pytest.skip("the driver path is SQLite's")
            # "url" left out: SQLAlchemy would refuse; the driver path must not bind NULL and find nothing
            with pytest.raises(store_sql.StoreError):
                store_sql._run(conn, store_sql._SAME_TEXT_AT, {"hash": "h"})
