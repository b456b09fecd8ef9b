"""``/api/events``: pages of events under the filters of ``eventwire events``; one event with its sources."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Path, Query, Response

from eventwire.api.deps import FilterDep, StoreDep
from eventwire.api.errors import ApiError
from eventwire.api.schemas import ErrorBody, EventDetail, EventPage, by_id_responses
from eventwire.api.settings import DEFAULT_PAGE, MAX_PAGE
from eventwire.errors import StoreError
from eventwire.store.base import DocumentRecord

router = APIRouter(prefix="/api/events", tags=["events"])


def source_public(doc: DocumentRecord) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "origin": doc.origin,
        "language": doc.language,
        "ingested_at": doc.ingested_at,
        "duplicate_of": doc.duplicate_of,
        "text": doc.text,
    }


@router.get(
    "",
    response_model=EventPage,
    summary="Events matching the filters, newest first, one page at a time",
    responses={400: {"model": ErrorBody, "description": "A filter or the cursor is invalid."}},
)
def list_events(
    store: StoreDep,
    where: FilterDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")
    ] = DEFAULT_PAGE,
    cursor: Annotated[
        str | None, Query(max_length=500, description="The `next` value of the previous page.")
    ] = None,
) -> Response:
    try:
        page = store.page_records(where, limit=limit, cursor=cursor)
    except StoreError as err:
        if cursor and "cursor" in err.message:
            raise ApiError(400, f"invalid cursor: {err.message}") from None
        raise
    # The stored records are the schema's records already, in JSON: sent as they are, neither parsed nor
    # validated again field by field (that took most of a page's time).
    body = {
        "items": [orjson.Fragment(record) for record in page.records],
        "total": page.total,
        "total_exact": page.total_exact,
        "next": page.next,
    }
    return Response(orjson.dumps(body), media_type="application/json")


@router.get(
    "/{event_id}",
    response_model=EventDetail,
    summary="One event with every source document and its evidence",
    responses=by_id_responses("event"),
)
def get_event(store: StoreDep, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    record = event.to_dict()
    return {
        "event": record,
        "sources": [source_public(doc) for doc in store.event_sources(event_id)],
        "evidence": record["evidence"],
    }
