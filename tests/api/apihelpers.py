"""Helpers of the API tests: seeding a real store, clients over it, and the error-envelope check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "examples" / "articles"
HOSTILE = ROOT / "tests" / "web" / "hostile-article.json"
TOKEN = "test-token-0123456789"


def seed(db: Path, extractor: Any, *paths: Path) -> None:
    """Ingest ``paths`` into the store at ``db`` through the real pipeline."""
    from eventwire.errors import EventwireError
    from eventwire.pipeline import process
    from eventwire.sources.files import read_inputs
    from eventwire.store import open_store

    with open_store(db) as store:
        for outcome in process(read_inputs([str(p) for p in paths]), extractor):
            assert not isinstance(outcome, EventwireError), outcome
            store.write(outcome.document, outcome.events)


def make_client(db: Path, extractor: Any = None, **settings: Any) -> TestClient:
    from eventwire.api import ApiSettings, create_app

    return TestClient(create_app(ApiSettings(db=str(db), **settings), extractor=extractor))


def assert_error(response: Any, status: int, *fragments: str) -> dict[str, Any]:
    """The response is the API's error envelope with ``status`` and a message naming ``fragments``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    for fragment in fragments:
        assert fragment in body["error"], body
    return body
