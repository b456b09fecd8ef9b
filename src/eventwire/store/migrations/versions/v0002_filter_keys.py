"""Filters served by indexes: lower-cased key columns, composite indexes with the sort key, skipped inputs.

Every filter of ``eventwire events`` / ``GET /api/events`` compared ``lower(column)`` with the value, which
no index can serve, so each page scanned the table. This revision adds lower-cased copies of the filtered
columns (``country_key``, ``iso3_key``, ``admin1_key``, ``type_key``, ``sub_type_key``), fills them from
the rows already stored, and indexes each with the sort key (``sort_date``, ``cluster_id``) so a filtered
page is a walk down one index. Covering indexes serve the GROUP BYs of ``stats``; ``skipped`` keeps the
inputs that were passed over on purpose (not in English, not a response record), apart from errors.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")

SKIPPED_CODES = "('E018', 'E021')"

KEYS = {
    "country_key": "country",
    "iso3_key": "iso3",
    "admin1_key": "admin1",
    "type_key": "event_type",
    "sub_type_key": "sub_event_type",
}

INDEXES = {
    "ix_clusters_country_key": ["country_key", "sort_date", "cluster_id"],
    "ix_clusters_iso3_key": ["iso3_key", "sort_date", "cluster_id"],
    "ix_clusters_admin1_key": ["admin1_key", "sort_date", "cluster_id"],
    "ix_clusters_type_key": ["type_key", "sort_date", "cluster_id"],
    "ix_clusters_sub_type_key": ["sub_type_key", "sort_date", "cluster_id"],
    # These three hold the sort key too: a page with few matches sorts them from the index alone.
    "ix_clusters_fatalities": ["fatalities", "sort_date", "cluster_id"],
    "ix_clusters_position": ["latitude", "longitude", "sort_date", "cluster_id"],
    "ix_clusters_actors": ["actors", "sort_date", "cluster_id"],  # a substring match scans this, not rows
    # stats: each GROUP BY reads one of these instead of the table
    "ix_clusters_day_stats": ["event_date", "fatalities"],
    "ix_clusters_type_stats": ["event_type", "fatalities"],
    "ix_clusters_country_stats": ["country", "iso3", "fatalities"],
}


def _python_lower(text: str | None) -> str | None:
    return None if text is None else text.lower()


def upgrade() -> None:
    bind = op.get_bind()
    for column in KEYS:
        op.add_column("clusters", sa.Column(column, KEY))
    if bind.dialect.name == "sqlite":
        # SQLite's lower() folds ASCII only; the store writes keys with Python's str.lower().
        bind.connection.driver_connection.create_function(  # type: ignore[union-attr]
            "eventwire_lower", 1, _python_lower, deterministic=True
        )
        lower = "eventwire_lower"
    else:
        lower = "lower"
    assignments = ", ".join(f"{key} = {lower}({column})" for key, column in KEYS.items())
    op.execute(f"UPDATE clusters SET {assignments}")
    for name, columns in INDEXES.items():
        op.create_index(name, "clusters", columns)
    op.drop_index("ix_clusters_country", "clusters")  # the country_key index replaces it
    op.create_index("ix_events_seq", "events", ["seq"])  # each new report takes max(seq) + 1
    op.execute("ANALYZE clusters")  # the planner's statistics for the new indexes
    op.create_table(
        "skipped",
        sa.Column("origin", sa.Text, primary_key=True),
        sa.Column("reason", sa.String, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", sa.String, nullable=False),
    )
    # Inputs recorded as errors before this revision that were only passed over on purpose: archive
    # records that are not HTML responses (E018) and documents not in English (E021).
    op.execute(
        "INSERT INTO skipped (origin, reason, message, at) "
        f"SELECT origin, code, message, at FROM errors WHERE code IN {SKIPPED_CODES}"
    )
    op.execute(f"DELETE FROM errors WHERE code IN {SKIPPED_CODES}")


def downgrade() -> None:
    op.drop_table("skipped")
    op.drop_index("ix_events_seq", "events")
    op.create_index("ix_clusters_country", "clusters", ["country"])
    for name in INDEXES:
        op.drop_index(name, "clusters")
    with op.batch_alter_table("clusters") as batch:
        for column in KEYS:
            batch.drop_column(column)
