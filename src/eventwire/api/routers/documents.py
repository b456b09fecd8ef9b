"""``/api/documents``: read one stored document; ingest a new one (token required)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from eventwire.api.deps import StoreDep, require_token
from eventwire.api.errors import ApiError
from eventwire.api.ingest import Ingestor
from eventwire.api.schemas import DocumentIn, DocumentPublic, ErrorBody, Ingested, by_id_responses

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get(
    "/{doc_id}",
    response_model=DocumentPublic,
    summary="One stored document: its text, metadata and the ids of its events",
    responses=by_id_responses("document"),
)
def get_document(store: StoreDep, doc_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "origin": doc.origin,
        "language": doc.language,
        "ingested_at": doc.ingested_at,
        "duplicate_of": doc.duplicate_of,
        "events": list(doc.events),
    }


@router.post(
    "",
    response_model=Ingested,
    status_code=201,
    summary="Ingest a text, an HTML page or a URL; returns the events extracted from it",
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": Ingested, "description": "The document was already stored."},
        400: {"model": ErrorBody, "description": "The body is not a valid document."},
        401: {"model": ErrorBody, "description": "The bearer token is missing or wrong."},
        403: {"model": ErrorBody, "description": "Writing is disabled on this server."},
        413: {"model": ErrorBody, "description": "The body is larger than the server accepts."},
        422: {"model": ErrorBody, "description": "The document or the URL cannot be read."},
    },
)
def post_document(body: DocumentIn, request: Request, response: Response, store: StoreDep) -> dict[str, Any]:
    ingestor: Ingestor = request.app.state.ingestor
    result = ingestor.ingest(body, store)
    if not result.new:
        response.status_code = 200
    return {
        "doc_id": result.doc_id,
        "new": result.new,
        "duplicate_of": result.duplicate_of,
        "events": [e.to_dict() for e in result.events],
    }
