"""Documents, events, clusters of events, merge decisions, errors and full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("canonical_url", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String),
        sa.Column("published_source", sa.String),
        sa.Column("origin", sa.Text),
        sa.Column("language", sa.String),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String, nullable=False),
        sa.Column("fingerprint", sa.Text),
        sa.Column("duplicate_of", sa.String, sa.ForeignKey("documents.id")),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_canonical_url", "documents", ["canonical_url"])
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])
    op.create_table(
        "document_keys",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id"), primary_key=True),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String, primary_key=True),
        sa.Column("doc_id", sa.String, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("cluster_id", sa.String, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_events_doc_id", "events", ["doc_id"])
    op.create_index("ix_events_cluster_id", "events", ["cluster_id"])
    op.create_table(
        "event_keys",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("event_id", sa.String, sa.ForeignKey("events.event_id"), primary_key=True),
    )
    op.create_table(
        "clusters",
        sa.Column("cluster_id", KEY, primary_key=True),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("sort_date", KEY, nullable=False),
        sa.Column("event_date", sa.String),
        sa.Column("event_type", sa.String, nullable=False),
        sa.Column("sub_event_type", sa.String, nullable=False),
        sa.Column("country", sa.String),
        sa.Column("iso3", sa.String),
        sa.Column("admin1", sa.String),
        sa.Column("actors", sa.Text, nullable=False),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_clusters_sort", "clusters", ["sort_date", "cluster_id"])
    op.create_index("ix_clusters_country", "clusters", ["country"])
    op.create_table(
        "merge_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String, nullable=False),
        sa.Column("cluster_id", sa.String, nullable=False),
        sa.Column("other_id", sa.String),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("at", sa.String, nullable=False),
    )
    op.create_index("ix_merge_decisions_event_id", "merge_decisions", ["event_id"])
    op.create_index("ix_merge_decisions_cluster_id", "merge_decisions", ["cluster_id"])
    op.create_table(
        "merge_blocks",
        sa.Column("event_id", sa.String, primary_key=True),
        sa.Column("other_id", sa.String, primary_key=True),
    )
    op.create_table(
        "errors",
        sa.Column("origin", sa.Text, primary_key=True),
        sa.Column("code", sa.String, primary_key=True),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.String, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE doc_search USING fts5(doc_id UNINDEXED, body)")
    else:
        op.execute(
            "CREATE TABLE doc_search (doc_id TEXT PRIMARY KEY, body TEXT NOT NULL, "
            "tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)"
        )
        op.execute("CREATE INDEX ix_doc_search_tsv ON doc_search USING GIN (tsv)")


def downgrade() -> None:
    for table in (
        "doc_search", "errors", "merge_blocks", "merge_decisions", "clusters", "event_keys", "events",
        "document_keys", "documents",
    ):  # fmt: skip
        op.drop_table(table)
