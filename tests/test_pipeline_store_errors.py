"""What `eventwire ingest` does when the store loses a batch's open transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from eventwire.models.document import RawItem
from eventwire.pipeline import dedup_functions, ingest
from eventwire.store import open_store
from eventwire.store import sql as store_sql


class _NoEvents:
    def run(self, doc: Any) -> Any:
        return SimpleNamespace(events=[])


def test_pipeline_documents_lost_with_the_transaction_are_errors_and_stored_by_a_rerun(
    tmp_path: Path, monkeypatch: Any
) -> None:
    items = [
        RawItem(f"in{i}", f"Report {i}: a bomb went off in town number {i * 7919} (case {i * i}).")
        for i in range(5)
    ]
    real_stored_as = store_sql.SqlStore._stored_as
    seen: list[str] = []

    def failing_stored_as(self: Any, conn: Any, doc: Any) -> Any:
        seen.append(doc.origin)
        if doc.origin == "in3" and seen.count("in3") == 2:  # (the first is ingest asking known())
            # The disk fails under the fourth document's write: SQLite ends the whole transaction.
            conn.connection.dbapi_connection.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")
        return real_stored_as(self, conn, doc)

    with open_store(str(tmp_path / "lost.db"), dedup=dedup_functions()) as store:
        monkeypatch.setattr(store_sql.SqlStore, "_stored_as", failing_stored_as)
        report = ingest(items, _NoEvents(), store, workers=1)  # type: ignore[arg-type]
        monkeypatch.undo()
        # Three written before the failure went with it: not counted stored, each an error by its input.
        assert (report.documents, report.errors) == (1, 4)
        assert sorted(e["origin"] for e in store.errors()) == ["in0", "in1", "in2", "in3"]
        again = ingest(items, _NoEvents(), store, workers=1)  # type: ignore[arg-type]
        assert (again.documents, again.known, again.errors) == (4, 1, 0)  # the fifth was stored
        assert store.errors() == []


def test_pipeline_events_lost_with_the_transaction_are_taken_off_the_count(
    tmp_path: Path, monkeypatch: Any, extractor: Any
) -> None:
    places = ["Kabul", "Mosul", "Gao", "Mogadishu", "Kandahar"]
    items = [
        RawItem(f"in{i}", f"Gunmen killed {i + 2} police officers in {place} on Monday, officials said.")
        for i, place in enumerate(places)
    ]
    real_stored_as = store_sql.SqlStore._stored_as
    seen: list[str] = []

    def failing_stored_as(self: Any, conn: Any, doc: Any) -> Any:
        seen.append(doc.origin)
        if doc.origin == "in3" and seen.count("in3") == 2:
            conn.connection.dbapi_connection.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")
        return real_stored_as(self, conn, doc)

    with open_store(str(tmp_path / "lost.db"), dedup=dedup_functions()) as store:
        monkeypatch.setattr(store_sql.SqlStore, "_stored_as", failing_stored_as)
        report = ingest(items, extractor, store, workers=1)
        monkeypatch.undo()
        # in0-in2 went with the transaction, in3 failed: only in4 and its event are stored.
        assert (report.documents, report.events, report.errors) == (1, 1, 4)
        assert len(list(store.events())) == 1
