"""``/api/health``: is the server up, and what does its store hold."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter

from eventwire.api.deps import SettingsDep, StoreDep
from eventwire.api.schemas import Health

router = APIRouter(prefix="/api/health", tags=["health"])


def _version() -> str:
    try:
        return version("eventwire")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        return "unknown"


@router.get("", response_model=Health, summary="Liveness and the size of the store")
def health(store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    documents, events = store.counts()
    return {
        "ok": True,
        "version": _version(),
        "documents": documents,
        "events": events,
        "writable": settings.token is not None,
    }
