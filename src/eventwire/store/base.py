"""What every store offers, whatever the database: the contract between ingest, the CLI and the HTTP API.

The SQLite default and PostgreSQL implement the same :class:`Store` protocol, so the CLI (`ingest`,
`events`, `errors`, `explain`) and the API read and write through these methods only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.models.document import Document
from eventwire.models.event import Event


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of `eventwire events` and `GET /api/events`; ``None`` means no constraint."""

    country: str | None = None  # country name or ISO3, case-insensitive
    admin1: str | None = None
    event_type: str | None = None  # an event type or a sub-event type
    actor: str | None = None  # matches actor1, actor2 or an associated actor (substring, case-insensitive)
    since: dt.date | None = None
    until: dt.date | None = None
    min_fatalities: int | None = None
    text: str | None = None  # full-text search over the events' source documents and notes
    bbox: tuple[float, float, float, float] | None = None  # (west, south, east, north) in degrees


@dataclass(frozen=True, slots=True)
class Page:
    """One page of events, newest first; ``next`` is the opaque cursor of the following page, if any."""

    items: list[Event]
    total: int  # how many match, counted up to a limit (10,000 by default): see ``total_exact``
    next: str | None = None
    total_exact: bool = True  # False: more than ``total`` events match


@dataclass(frozen=True, slots=True)
class RecordPage:
    """A :class:`Page` whose events are records as JSON text (``Event.to_dict``, encoded), ready to send."""

    records: list[str]
    total: int
    next: str | None = None
    total_exact: bool = True


@dataclass(frozen=True, slots=True)
class Stored:
    """What writing one document did: ``new`` is False when it was already there."""

    doc_id: str
    new: bool
    events: int
    merged: int = 0  # events that joined an event already stored from another document
    duplicate_of: str | None = None  # the stored document this one is a (near-)copy of


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A stored document as the API and `explain` show it."""

    id: str
    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    origin: str | None
    language: str | None
    ingested_at: str
    duplicate_of: str | None = None
    events: list[str] = field(default_factory=list)  # ids of the events extracted from it


class MergeVerdict(Protocol):
    """What comparing two events decided (``eventwire.dedup.events.MergeDecision`` fits)."""

    @property
    def merge(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def reasons(self) -> tuple[str, ...]: ...


class Dedup(Protocol):
    """The cross-document merging functions a store calls while writing (see ``eventwire.dedup``).

    The store does not import them (stages do not import each other): the pipeline hands them over.
    """

    def fingerprint(self, text: str) -> int: ...
    def lsh_keys(self, fp: int) -> list[str]: ...
    def near_duplicate(self, a: int, b: int) -> bool: ...
    def block_keys(self, event: Event) -> list[str]: ...
    def is_country_key(self, key: str) -> bool: ...  # a wide key: used only where one side has no admin1
    def compare_all(self, a: Event, others: Sequence[Event]) -> list[MergeVerdict]: ...  # a with each
    def combine(self, events: Sequence[Event]) -> Event: ...


@dataclass(frozen=True, slots=True)
class Decision:
    """A stored merge decision: ``action`` is "merge", "apart" (compared, kept apart) or "split" (by hand)."""

    event_id: str
    cluster_id: str
    other_id: str | None
    action: str
    score: float | None
    reasons: tuple[str, ...]
    at: str


@dataclass(frozen=True, slots=True)
class Cluster:
    """One real event: its merged record, every member report (earliest first) and the decisions about
    them: "merge" (how each joined), "split" (by hand) and "apart" (another event a member was compared with
    as it came, and kept apart from: ``cluster_id`` names that event)."""

    event: Event
    members: list[Event]
    documents: dict[str, DocumentRecord]  # doc_id -> the member's document
    decisions: list[Decision]


class Store(Protocol):
    """A place to keep documents and events; see :func:`eventwire.store.open_store`."""

    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
    def close(self) -> None: ...
    def forked(self) -> None: ...  # in a forked child: drop the parent's connections (without closing them)
    def batch(self) -> AbstractContextManager[None]: ...  # writes share a transaction (see SqlStore.batch)

    def has_document(self, doc_id: str) -> bool: ...
    def known(self, doc: Document) -> bool: ...  # same id, or same text at the same canonical URL
    def find_duplicate(self, doc: Document) -> str | None: ...  # the stored document it copies, if any
    def write(self, doc: Document, events: Sequence[Event]) -> Stored: ...
    def record_error(self, origin: str, code: str, message: str) -> None: ...
    def errors(self) -> list[dict[str, Any]]: ...
    def record_skipped(self, origin: str, reason: str, message: str) -> None: ...
    def skipped(self) -> list[dict[str, Any]]: ...

    def events(self, where: EventFilter = ..., *, limit: int | None = None) -> Iterator[Event]: ...
    def page(
        self, where: EventFilter = ..., *, limit: int = 100, cursor: str | None = None, total_limit: int = ...
    ) -> Page: ...
    def page_records(
        self, where: EventFilter = ..., *, limit: int = 100, cursor: str | None = None, total_limit: int = ...
    ) -> RecordPage: ...
    def event(self, event_id: str) -> Event | None: ...
    def event_sources(self, event_id: str) -> list[DocumentRecord]: ...
    def document(self, doc_id: str) -> DocumentRecord | None: ...
    def stats(self, where: EventFilter = ...) -> dict[str, Any]: ...
    def counts(self) -> tuple[int, int]: ...

    def cluster(self, event_id: str) -> Cluster | None: ...
    def split(self, member_id: str) -> str: ...
