"""The application factory: routers, the error envelope, limits, CORS, and the dashboard at ``/``."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from eventwire.api.deps import StoreFactory, StorePool
from eventwire.api.errors import install_error_handlers
from eventwire.api.ingest import Ingestor
from eventwire.api.limits import BodySizeLimit, SecurityHeaders
from eventwire.api.routers import documents, events, export, health, stats
from eventwire.api.settings import ApiSettings
from eventwire.extraction.pipeline import Extractor
from eventwire.store.base import Store
from eventwire.web import install_dashboard

OPENAPI_URL = "/api/openapi.json"


def _open_store_factory(target: str) -> StoreFactory:
    from eventwire.pipeline import dedup_functions
    from eventwire.store import open_store

    def factory() -> Store:
        # Documents posted to the API are linked to their copies and merged like `eventwire ingest` does.
        return open_store(target, dedup=dedup_functions())

    return factory


def _document_errors_as_sent(app: FastAPI) -> None:
    """Invalid requests get a 400 with the error envelope, never FastAPI's default 422 body: take that
    default out of the OpenAPI document so that it describes what the server really sends."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for operation in (op for path in schema["paths"].values() for op in path.values()):
                default = operation.get("responses", {}).get("422")
                if default and "HTTPValidationError" in json.dumps(default):
                    del operation["responses"]["422"]
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


SWITCH_INTERVAL = 0.0005  # seconds; see ``lifespan``
THREADS = 16
"""Worker threads for the routes (Starlette's default is 40). Each thread that runs a query holds a pooled
SQLite connection, and each new connection starts cold (opening it and its empty page cache cost about
as much as five pages): on two cores more threads add no throughput, only cold connections and GIL
hand-overs when a burst queues up."""


def create_app(
    settings: ApiSettings, *, store_factory: StoreFactory | None = None, extractor: Extractor | None = None
) -> FastAPI:
    """The API and the dashboard over the store ``settings.db`` (or ``store_factory``).

    ``extractor`` is the loaded extractor for ``POST /api/documents``; without one it is loaded on the first
    such request."""
    pool = StorePool(store_factory or _open_store_factory(settings.db))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Routes run in worker threads and hand their answer back to the event loop: with Python's default
        # 5 ms GIL switch interval each hand-over waits up to 5 ms, which halved the requests/s served.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = min(limiter.total_tokens, THREADS)
        # Open the store now (its migrations, its first connection), not on the first request.
        await run_in_threadpool(pool.get)
        # Everything built so far lives as long as the server: moved out of the collector's sight, a full
        # collection no longer walks the ~140,000 objects of the imported libraries (measured: 50-150 ms
        # pauses of every request in flight, a few a minute under load, on a busy machine).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            sys.setswitchinterval(interval)
            pool.close()
            app.state.ingestor.close()

    app = FastAPI(
        title="eventwire",
        summary="Conflict and political-violence events from news text, with the evidence for every field.",
        version=health._version(),
        openapi_url=OPENAPI_URL,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = pool
    app.state.ingestor = Ingestor(settings, extractor)
    install_error_handlers(app)
    for router in (events.router, documents.router, stats.router, export.router, health.router):
        app.include_router(router)
    install_dashboard(app, openapi_url=OPENAPI_URL)
    _document_errors_as_sent(app)

    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app


def app_from_env() -> FastAPI:
    """The app of each worker process of ``eventwire serve --workers N`` (uvicorn imports it by name, so
    everything it needs comes from the environment: ``EVENTWIRE_DB`` and :meth:`ApiSettings.from_env`)."""
    return create_app(ApiSettings.from_env(os.environ.get("EVENTWIRE_DB") or "eventwire.db"))
