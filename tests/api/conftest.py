"""Fixtures of the API tests: a real SQLite store seeded from the sample articles (and one article full of
hostile markup), and TestClients over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apihelpers import HOSTILE, SAMPLES, TOKEN, make_client, seed
from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Path:
    db = tmp_path_factory.mktemp("api") / "events.db"
    seed(db, extractor, SAMPLES, HOSTILE)
    return db


@pytest.fixture(scope="session")
def client(seeded_db: Path) -> Iterator[TestClient]:
    with make_client(seeded_db) as c:
        yield c


@pytest.fixture
def writer(tmp_path: Path, extractor: Any) -> Iterator[TestClient]:
    """A client over a fresh, empty store that accepts writes with :data:`TOKEN`."""
    with make_client(tmp_path / "write.db", extractor, token=TOKEN, max_body_bytes=64_000) as c:
        yield c
