"""The public shapes of the API, distinct from the store's rows: what OpenAPI documents and clients get."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuantityPublic(Public):
    low: int
    best: int
    high: int | None
    text: str


class SpanPublic(Public):
    text: str
    start: int
    end: int


class EvidencePublic(Public):
    field: str = Field(description='The record field it supports, or "sentence" for a reporting sentence.')
    start: int = Field(description="Character offset into the text of the event's document.")
    end: int
    text: str


class EventPublic(Public):
    """The event record of docs/record.md (fields the record gains later pass through unchanged)."""

    model_config = ConfigDict(extra="allow")

    event_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    event_date: dt.date | None
    date_start: dt.date | None
    date_end: dt.date | None
    time_precision: int
    actor1: str | None
    actor2: str | None
    assoc_actor_1: list[str]
    assoc_actor_2: list[str]
    inter1: int | None
    inter2: int | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geonames_id: int | None
    fatalities: QuantityPublic | None
    injuries: QuantityPublic | None
    participants: QuantityPublic | None
    perpetrator_orgs: list[SpanPublic]
    perpetrator_individuals: list[SpanPublic]
    targets: list[SpanPublic]
    victims: list[SpanPublic]
    weapons: list[SpanPublic]
    civilian_targeting: bool
    notes: str
    evidence: list[EvidencePublic]
    confidence: float
    abducted: QuantityPublic | None = None
    arrested: QuantityPublic | None = None
    date_text: str | None = None
    actor1_country: str | None = None
    actor2_country: str | None = None


class EventPage(Public):
    items: list[EventPublic]
    total: int = Field(
        description="How many events match the filters, over all pages, counted up to 10,000: when more "
        "match, `total` is 10000 and `total_exact` is false."
    )
    total_exact: bool = Field(
        default=True, description="False when more events match than `total` says (the count stopped)."
    )
    next: str | None = Field(description="Pass as `cursor` to get the following page; null on the last.")


class SourcePublic(Public):
    """A document that reports an event, with its text (every evidence offset points into it)."""

    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    origin: str | None
    language: str | None
    ingested_at: str
    duplicate_of: str | None
    text: str


class EventDetail(Public):
    event: EventPublic
    sources: list[SourcePublic]
    evidence: list[EvidencePublic] = Field(
        description="The evidence of the event; offsets are into the text of the source `event.doc_id`."
    )


class DocumentPublic(Public):
    id: str
    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    origin: str | None
    language: str | None
    ingested_at: str
    duplicate_of: str | None
    events: list[str]


class DayCount(Public):
    date: str
    events: int
    fatalities: int


class TypeCount(Public):
    event_type: str
    events: int
    fatalities: int


class CountryCount(Public):
    country: str | None
    iso3: str | None
    events: int
    fatalities: int


class StatsPublic(Public):
    events: int
    fatalities: int
    by_day: list[DayCount]
    by_type: list[TypeCount]
    by_country: list[CountryCount]


class Health(Public):
    ok: bool
    version: str
    documents: int
    events: int
    writable: bool = Field(description="Whether POST /api/documents is enabled (a token is configured).")


class DocumentIn(Public):
    """A document to ingest: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(default=None, description="Plain text of a news report.")
    html: str | None = Field(default=None, description="An HTML page; its main text is extracted.")
    url: str | None = Field(default=None, description="An http(s) address to fetch and read as HTML.")
    title: str | None = None
    published: dt.date | None = Field(
        default=None, description="Publication date, to resolve relative dates against."
    )
    id: str | None = Field(default=None, description="Your id for the document (default: a content hash).")

    @model_validator(mode="after")
    def _one_source(self) -> DocumentIn:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                f"give exactly one of text, html or url (got {', '.join(given) if given else 'none'})"
            )
        return self


class Ingested(Public):
    doc_id: str
    new: bool = Field(description="False when the same document was already stored.")
    duplicate_of: str | None
    events: list[EventPublic]


class ErrorBody(Public):
    """Every error the API answers with."""

    ok: Literal[False] = False
    error: str
    errors: list[dict[str, Any]] = Field(default_factory=list)
    status: int


def by_id_responses(noun: str) -> dict[int | str, dict[str, Any]]:
    """The documented errors of a route that reads one ``noun`` by its id."""
    return {
        400: {"model": ErrorBody, "description": "The id is not a valid id."},
        404: {"model": ErrorBody, "description": f"No {noun} has this id."},
    }
