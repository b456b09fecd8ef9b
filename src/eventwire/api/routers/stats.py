"""``/api/stats``: counts and fatalities by day, by event type and by country, under the event filters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from eventwire.api.deps import FilterDep, StoreDep
from eventwire.api.schemas import ErrorBody, StatsPublic

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get(
    "",
    response_model=StatsPublic,
    summary="Events and fatalities in total, by day, by type and by country",
    responses={400: {"model": ErrorBody, "description": "A filter is invalid."}},
)
def get_stats(store: StoreDep, where: FilterDep) -> dict[str, Any]:
    return store.stats(where)
