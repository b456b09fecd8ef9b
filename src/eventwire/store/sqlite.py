"""The embedded default store: one SQLite file (WAL), documents and their events, written atomically.

Each document and its events are written in one transaction, keyed by the document's content id, so
ingesting the same input twice changes nothing and an interrupted run leaves no half-written document.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.models.document import Document
from eventwire.models.event import Event, event_from_dict

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    published TEXT,
    published_source TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_date TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE TABLE IF NOT EXISTS errors (
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (origin, code)
);
"""


@dataclass(frozen=True, slots=True)
class Stored:
    """What writing one document did: ``new`` is False when it was already there."""

    doc_id: str
    new: bool
    events: int


class SqliteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(SCHEMA)
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot be opened as an eventwire database: {err}", where=str(path)) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def write(self, doc: Document, events: Sequence[Event]) -> Stored:
        """Store a document and its events in one transaction; a document already stored is left as it is."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id, doc.url, doc.title, doc.published.isoformat() if doc.published else None,
                    doc.published_source, doc.origin, doc.text, now,
                ),
            )  # fmt: skip
            if cursor.rowcount == 0:
                self.conn.execute("ROLLBACK")
                return Stored(doc.id, False, 0)
            self.conn.executemany(
                "INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        e.event_id, e.doc_id,
                        e.event_date.isoformat() if e.event_date else None, e.event_type,
                        e.sub_event_type, e.country, e.admin1, e.actor1, e.actor2,
                        e.fatalities.best if e.fatalities else 0, json.dumps(e.to_dict(), ensure_ascii=False),
                    )
                    for e in events
                ],
            )  # fmt: skip
            self.conn.execute("DELETE FROM errors WHERE origin = ?", (doc.origin or doc.id,))
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"could not store document {doc.id}: {err}", where=str(self.path)) from None
        return Stored(doc.id, True, len(events))

    def record_error(self, origin: str, code: str, message: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?)", (origin, code, message, now))

    def errors(self) -> list[dict[str, Any]]:
        with closing(self.conn.execute("SELECT origin, code, message, at FROM errors ORDER BY at")) as cur:
            return [dict(zip(("origin", "code", "message", "at"), row, strict=True)) for row in cur]

    def events(
        self,
        *,
        country: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        min_fatalities: int | None = None,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """Stored events, oldest first, filtered; every value is passed as a parameter."""
        where, params = [], []
        if country:
            where.append("(country = ? COLLATE NOCASE)")
            params.append(country)
        if event_type:
            where.append("(event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE)")
            params.extend([event_type, event_type])
        if since:
            where.append("event_date >= ?")
            params.append(since)
        if until:
            where.append("event_date <= ?")
            params.append(until)
        if min_fatalities is not None:
            where.append("fatalities >= ?")
            params.append(str(min_fatalities))
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date IS NULL, event_date, event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with closing(self.conn.execute(sql, params)) as cur:
            for (record,) in cur:
                yield event_from_dict(json.loads(record))

    def counts(self) -> tuple[int, int]:
        docs = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return int(docs), int(events)
