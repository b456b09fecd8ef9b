"""``/api/export``: every event under the filters, streamed as ACLED CSV, GeoJSON or Parquet."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Annotated, Any, BinaryIO, Literal, cast

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from eventwire.api.deps import FilterDep, StoreDep
from eventwire.api.schemas import ErrorBody
from eventwire.models.event import Event
from eventwire.store.export import writer_for

router = APIRouter(prefix="/api/export", tags=["export"])

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
CHUNK = 64 * 1024


class _Drain(io.BufferedIOBase):
    """A write-only file that hands what was written to the response as it comes."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.size += len(chunk)
        self.position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.position

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts, self.size = [], 0
        return out


def stream(events: Iterator[Event], fmt: str) -> Iterator[bytes]:
    """The bytes of ``fmt`` for ``events``, in chunks of about 64 KiB, written by the store's exporters."""
    drain = _Drain()
    binary = cast(BinaryIO, drain)
    text = (
        None
        if fmt == "parquet"
        else io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=True)
    )
    writer = writer_for(fmt, binary if text is None else text)
    for event in events:
        writer.write(event)
        if drain.size >= CHUNK:
            yield drain.take()
    writer.close()
    if text is not None:
        text.flush()
    yield drain.take()


@router.get(
    "",
    summary="Every matching event as a file: ACLED-compatible CSV, GeoJSON points or Parquet",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {media.split(";")[0]: {} for media in MEDIA.values()},
            "description": "The file, streamed.",
        },
        400: {"model": ErrorBody, "description": "A filter or the format is invalid."},
    },
)
def export_events(
    store: StoreDep,
    where: FilterDep,
    format: Annotated[Literal["csv", "geojson", "parquet"], Query()] = "csv",
) -> StreamingResponse:
    return StreamingResponse(
        stream(store.events(where), format),
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="eventwire-events.{format}"'},
    )
