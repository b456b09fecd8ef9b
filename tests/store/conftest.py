"""Store tests run on both backends: SQLite always, PostgreSQL where EVENTWIRE_TEST_PG_URL names a server
(`make test` starts a throwaway one with scripts/test-postgres.sh)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.documents.build import build_document
from eventwire.models.document import Document
from eventwire.models.event import Event
from eventwire.sources.files import read_inputs
from support import ARTICLES

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")
PG_SKIP = "EVENTWIRE_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)"


def fresh_postgres() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    if not PG_URL:
        pytest.skip(PG_SKIP)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"ew_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(PG_URL).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store target of each backend, empty."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "events.db")
    else:
        yield from fresh_postgres()


@pytest.fixture
def pg_target() -> Iterator[str]:
    yield from fresh_postgres()


@pytest.fixture(scope="session")
def extracted(extractor: Any) -> list[tuple[Document, list[Event]]]:
    """The fixture articles (real news text) and the events eventwire extracts from them."""
    out = []
    for item in read_inputs(sorted(str(p) for p in ARTICLES.glob("*.json"))):
        assert not isinstance(item, Exception), item
        doc = build_document(item)
        out.append((doc, extractor.run(doc).events))
    return out
