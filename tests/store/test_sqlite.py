from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.models.document import Document
from eventwire.models.event import Event, Quantity
from eventwire.store.sqlite import SqliteStore


def make_event(doc: Document, n: int) -> Event:
    return Event(
        event_id=f"ev-{n}", doc_id=doc.id, event_type="Battles", sub_event_type="Armed clash",
        event_date=dt.date(2024, 9, n), date_start=dt.date(2024, 9, n), date_end=dt.date(2024, 9, n),
        time_precision=1, country="Iraq", fatalities=Quantity(n, n, n, f"{n} killed"),
    )  # fmt: skip


def test_sqlite_write_is_idempotent_and_round_trips(tmp_path: Path) -> None:
    doc = Document("doc-1", "text", published=dt.date(2024, 9, 6))
    with SqliteStore(tmp_path / "e.db") as store:
        assert store.write(doc, [make_event(doc, 1), make_event(doc, 2)]).new
        assert not store.write(doc, [make_event(doc, 1)]).new
        assert store.counts() == (1, 2)
        events = list(store.events(min_fatalities=2))
        assert events == [make_event(doc, 2)]
        assert list(store.events(country="iraq", since="2024-09-02")) == [make_event(doc, 2)]


def test_sqlite_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        SqliteStore(path)
