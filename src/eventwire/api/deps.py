"""What the routes depend on: the store (one, shared by the worker threads), the filters, the write token."""

from __future__ import annotations

import datetime as dt
import hmac
import math
import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from starlette.concurrency import run_in_threadpool

from eventwire.api.errors import ApiError
from eventwire.api.settings import ApiSettings
from eventwire.store.base import EventFilter, Store

StoreFactory = Callable[[], Store]


class StorePool:
    """The app's store, opened on first use and shared by the worker threads (FastAPI runs plain ``def``
    routes in a thread pool; the SQL store hands each thread its own connection from its engine's pool)."""

    def __init__(self, factory: StoreFactory) -> None:
        self.factory = factory
        self._store: Store | None = None
        self._lock = threading.Lock()

    @property
    def opened(self) -> bool:
        return self._store is not None

    def get(self) -> Store:
        store = self._store
        if store is None:
            with self._lock:
                if self._store is None:
                    self._store = self.factory()
                store = self._store
        return store

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()


def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


async def get_store(request: Request) -> Store:
    # Dependencies declared with ``async def`` run on the event loop; a plain ``def`` one is sent to the
    # thread pool and back, which cost more than a remembered page. Only opening the store (migrations)
    # blocks, so that alone, on the first request, goes to a thread.
    pool: StorePool = request.app.state.stores
    if pool.opened:
        return pool.get()
    return await run_in_threadpool(pool.get)


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``"west,south,east,north"`` in degrees → a tuple, or a 400 naming what is wrong.

    West greater than east is a box that crosses the antimeridian."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ApiError(400, f"invalid bbox {value!r}: give four numbers west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ApiError(400, f"invalid bbox {value!r}: give four numbers west,south,east,north") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ApiError(400, f"invalid bbox {value!r}: the numbers must be finite")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise ApiError(400, f"invalid bbox {value!r}: longitudes lie in -180..180, latitudes in -90..90")
    if south > north:
        raise ApiError(400, f"invalid bbox {value!r}: south must not exceed north")
    return west, south, east, north


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if "\x00" in value:
        raise ApiError(400, "a filter contains a NUL character")
    return value or None


async def event_filter(  # async: it only parses (see ``get_store``)
    country: Annotated[str | None, Query(max_length=200, description="Country name or ISO3.")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="First-level region.")] = None,
    type: Annotated[  # the public name, as in `eventwire events --type`
        str | None, Query(max_length=200, description="An event type or a sub-event type.")
    ] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of an actor's name.")] = None,
    since: Annotated[dt.date | None, Query(description="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[dt.date | None, Query(description="Last event date, YYYY-MM-DD.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    q: Annotated[
        str | None, Query(max_length=500, description="Words in the source documents or the notes.")
    ] = None,
    bbox: Annotated[
        str | None, Query(max_length=200, description="west,south,east,north in degrees.")
    ] = None,
) -> EventFilter:
    if since and until and since > until:
        raise ApiError(400, f"invalid dates: since {since} is after until {until}")
    return EventFilter(
        country=_text(country),
        admin1=_text(admin1),
        event_type=_text(type),
        actor=_text(actor),
        since=since,
        until=until,
        min_fatalities=min_fatalities,
        text=_text(q),
        bbox=parse_bbox(bbox) if bbox else None,
    )


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def require_token(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    """Writing needs ``Authorization: Bearer $EVENTWIRE_API_TOKEN``; with no token configured it is off."""
    if settings.token is None:
        raise ApiError(403, "writing is disabled: start the server with EVENTWIRE_API_TOKEN set")
    challenge = {"WWW-Authenticate": "Bearer"}
    if not authorization:
        raise ApiError(401, "this request needs a bearer token (Authorization: Bearer …)", headers=challenge)
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "the Authorization header must be 'Bearer <token>'", headers=challenge)
    if not hmac.compare_digest(token.strip().encode(), settings.token.encode()):
        raise ApiError(401, "the bearer token is not valid", headers=challenge)
