"""The shape of each cluster's stored record, so that pages can serve the stored JSON as it is.

``GET /api/events`` answers with the stored records. A record written by an older version may lack fields
that ``Event.to_dict`` gives today, so every record of every page was parsed to check its keys (and
rebuilt where they differ): most of the time of a large page. This revision adds ``record_shape``, a digest
of the record's keys that the store writes with it (``eventwire.store.sql.RECORD_SHAPE``); a record whose
shape is today's is served as stored, without parsing. Rows stored before this revision have no shape and
are checked and rebuilt as before, until they are written again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clusters", sa.Column("record_shape", sa.String))


def downgrade() -> None:
    with op.batch_alter_table("clusters") as batch:
        batch.drop_column("record_shape")
