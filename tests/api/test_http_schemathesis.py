"""Property-based run of the OpenAPI document (schemathesis): no generated request makes the server fail,
and every answer matches the status codes, media types and schemas the document declares.

schemathesis' own pytest fixture loader does not work with pytest 9, so the operations are walked here and
each gets its own hypothesis run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apihelpers import TOKEN

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPERATIONS = [
    "GET /api/events",
    "GET /api/events/{event_id}",
    "GET /api/documents/{doc_id}",
    "POST /api/documents",
    "GET /api/stats",
    "GET /api/export",
    "GET /api/health",
]


@pytest.fixture(scope="module")
def api_schema(seeded_db: Path, extractor: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from eventwire.api import ApiSettings, create_app

    db = tmp_path_factory.mktemp("fuzz") / "events.db"
    shutil.copy(seeded_db, db)  # the fuzzer's writes go to a copy
    app = create_app(ApiSettings(db=str(db), token=TOKEN, fetch_urls=False), extractor=extractor)
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app)
    app.state.stores.close()


def test_http_schema_covers_every_operation(api_schema: Any) -> None:
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == set(OPERATIONS)


@pytest.mark.slow
@pytest.mark.parametrize("label", OPERATIONS)
def test_http_schema_no_server_errors(api_schema: Any, label: str) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None, label

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: Any) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)

    run()
