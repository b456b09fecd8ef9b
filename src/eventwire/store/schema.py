"""The tables, as SQLAlchemy Core sees them; the alembic migrations in ``migrations/`` create them.

``events`` holds what each document reported (one row per extracted event, its record as JSON, exactly as
:meth:`Event.to_dict` wrote it); ``clusters`` holds one row per real event: the merged record of its
members and the columns the filters use. A report of an event no other document reported is a cluster of
one, whose record is its own.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Byte-wise ordering in both databases, so pages come in the same order from SQLite and PostgreSQL.
Key = String().with_variant(String(collation="C"), "postgresql")

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("content_hash", String, nullable=False, index=True),
    Column("canonical_url", Text, index=True),
    Column("url", Text),
    Column("title", Text),
    Column("published", String),
    Column("published_source", String),
    Column("origin", Text),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("ingested_at", String, nullable=False),
    Column("fingerprint", Text),  # the dedup fingerprint as hex (wider than any integer column)
    Column("duplicate_of", String, ForeignKey("documents.id"), index=True),
)

document_keys = Table(
    "document_keys",
    metadata,
    Column("key", String, primary_key=True),
    Column("doc_id", String, ForeignKey("documents.id"), primary_key=True),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("doc_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column("cluster_id", String, nullable=False, index=True),
    Column(
        "seq", BigInteger, nullable=False, index=True
    ),  # order of storage: the earliest member names the cluster
    Column("record", Text, nullable=False),
)

event_keys = Table(
    "event_keys",
    metadata,
    Column("key", String, primary_key=True),
    Column("event_id", String, ForeignKey("events.event_id"), primary_key=True),
)

clusters = Table(
    "clusters",
    metadata,
    Column("cluster_id", Key, primary_key=True),
    Column("members", Integer, nullable=False),
    Column("sort_date", Key, nullable=False),  # event_date, or "0000-00-00" when unknown
    Column("event_date", String),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("country", String),
    Column("iso3", String),
    Column("admin1", String),
    Column("actors", Text, nullable=False),  # every actor name, lower case, one per line
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list: URL (or origin) of every member's document
    Column("record", Text, nullable=False),
    # Lower-cased copies of the filtered columns, each indexed with (sort_date, cluster_id): revision 0002.
    Column("country_key", Key),
    Column("iso3_key", Key),
    Column("admin1_key", Key),
    Column("type_key", Key),
    Column("sub_type_key", Key),
    # A digest of the record's keys when it was written (revision 0003): a page serves a record whose shape
    # is today's as it is stored, and checks (and rebuilds) any other.
    Column("record_shape", String),
)

merge_decisions = Table(
    "merge_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String, nullable=False, index=True),
    Column("cluster_id", String, nullable=False, index=True),
    Column("other_id", String),
    Column("action", String, nullable=False),  # "merge", "apart" (compared, kept apart) or "split" (by hand)
    Column("score", Float),
    Column("reasons", Text, nullable=False),  # JSON list
    Column("at", String, nullable=False),
)

merge_blocks = Table(
    "merge_blocks",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("other_id", String, primary_key=True),
)

doc_search = Table(
    "doc_search",
    metadata,
    Column("doc_id", String),
    Column("body", Text),
)
"""Full-text search: FTS5 in SQLite, a tsvector column with a GIN index in PostgreSQL."""

errors = Table(
    "errors",
    metadata,
    Column("origin", Text, primary_key=True),
    Column("code", String, primary_key=True),
    Column("message", Text, nullable=False),
    Column("at", String, nullable=False),
)

skipped = Table(
    "skipped",
    metadata,
    Column("origin", Text, primary_key=True),
    Column("reason", String, nullable=False),  # the error code that says why (E018, E021)
    Column("message", Text, nullable=False),
    Column("at", String, nullable=False),
)
"""Inputs passed over on purpose (not in English, an archive record that is not an HTML page): not errors."""
