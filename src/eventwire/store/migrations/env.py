"""Alembic's entry point: runs the revisions on the connection :func:`eventwire.store.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - only reachable from the alembic CLI
    raise SystemExit("eventwire's migrations run from eventwire.store.open_store(), not the alembic CLI")

context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Two processes opening a new database at once: the second waits, then finds it up to date.
        connection.execute(text("SELECT pg_advisory_xact_lock(7140319)"))
    context.run_migrations()
