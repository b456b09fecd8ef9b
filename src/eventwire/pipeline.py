"""Composes the stages: inputs → documents → events, one document at a time, errors captured per input.

Bad input never stops a run: each failure comes back as an :class:`~eventwire.errors.EventwireError` naming
the input, in order with the successes, and the caller decides what to print and how to exit.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.documents.build import build_document
from eventwire.errors import EventwireError, ExtractionError, StoreError
from eventwire.extraction.pipeline import Extraction, Extractor
from eventwire.models.document import RawItem
from eventwire.models.event import Event

if TYPE_CHECKING:
    from eventwire.store.base import Dedup, MergeVerdict, Store


@dataclass(slots=True)
class RunReport:
    """Counts for the one-line summary at the end of a run."""

    documents: int = 0
    events: int = 0
    errors: int = 0
    skipped: int = 0
    duplicates: int = 0  # copies of stored documents: stored and linked, not extracted again
    merged: int = 0  # events that joined an event another document reported
    failures: list[EventwireError] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """Documents read per second so far (stored, skipped, copies and failures)."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (self.documents + self.skipped + self.duplicates + self.errors) / elapsed

    def summary(self) -> str:
        parts = [
            f"{self.documents} document{'s' if self.documents != 1 else ''}",
            f"{self.events} event{'s' if self.events != 1 else ''}",
        ]
        if self.merged:
            parts.append(f"{self.merged} merged with other reports")
        if self.skipped:
            parts.append(f"{self.skipped} already stored")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}")
        parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        return ", ".join(parts)


def process(
    items: Iterable[RawItem | EventwireError],
    extractor: Extractor,
    *,
    published: dt.date | None = None,
    report: RunReport | None = None,
) -> Iterator[Extraction | EventwireError]:
    """Extract every readable item; yield an error (and count it) for every one that is not."""
    report = report if report is not None else RunReport()
    for item in items:
        if isinstance(item, EventwireError):
            report.errors += 1
            report.failures.append(item)
            yield item
            continue
        try:
            doc = build_document(item, published)
            extraction = extractor.run(doc)
        except EventwireError as err:
            report.errors += 1
            report.failures.append(err)
            yield err
            continue
        except (ValueError, IndexError, KeyError, RecursionError) as err:  # a bug must not stop the run
            failure = ExtractionError(f"extraction failed: {type(err).__name__}: {err}", where=item.origin)
            report.errors += 1
            report.failures.append(failure)
            yield failure
            continue
        report.documents += 1
        report.events += len(extraction.events)
        yield extraction


class DedupFunctions:
    """``eventwire.dedup``'s functions, handed to the store (stages do not import each other)."""

    def __init__(self) -> None:
        from eventwire.dedup import documents, events

        self._documents = documents
        self._events = events

    def fingerprint(self, text: str) -> int:
        return self._documents.fingerprint(text)

    def lsh_keys(self, fp: int) -> list[str]:
        return self._documents.lsh_keys(fp)

    def near_duplicate(self, a: int, b: int) -> bool:
        return self._documents.near_duplicate(a, b)

    def block_keys(self, event: Event) -> list[str]:
        return self._events.block_keys(event)

    def is_country_key(self, key: str) -> bool:
        return self._events.is_country_key(key)

    def compare(self, a: Event, b: Event) -> MergeVerdict:
        return self._events.compare(a, b)

    def combine(self, events: Sequence[Event]) -> Event:
        return self._events.combine(events)


def dedup_functions() -> Dedup:
    """What ``open_store(..., dedup=...)`` needs to link copies and merge reports across documents."""
    return DedupFunctions()


def _fail(err: EventwireError, store: Store, report: RunReport) -> None:
    report.errors += 1
    report.failures.append(err)
    try:
        store.record_error(err.where or "?", err.code, err.message)
    except StoreError as again:
        report.failures.append(again)


def ingest(
    items: Iterable[RawItem | EventwireError],
    extractor: Extractor,
    store: Store,
    *,
    published: dt.date | None = None,
    report: RunReport | None = None,
    on_error: Callable[[EventwireError], None] | None = None,
    progress: Callable[[RunReport], None] | None = None,
) -> RunReport:
    """Read, extract and store every item; a failure is recorded in the store and the run goes on.

    A document already stored is skipped before extraction (the check is cheap), and so is a copy of a
    stored document (the same text elsewhere, or a near-duplicate): it is stored, linked to the original,
    and not extracted again. Each document is written with its events in one transaction.
    """
    report = report if report is not None else RunReport()
    for item in items:
        try:
            if isinstance(item, EventwireError):
                raise item
            doc = build_document(item, published)
            if store.known(doc):
                report.skipped += 1
            elif store.find_duplicate(doc) is not None:
                store.write(doc, [])
                report.duplicates += 1
            else:
                try:
                    extraction = extractor.run(doc)
                except (
                    ValueError,
                    IndexError,
                    KeyError,
                    RecursionError,
                ) as err:  # a bug must not stop the run
                    raise ExtractionError(
                        f"extraction failed: {type(err).__name__}: {err}", where=doc.origin
                    ) from err
                stored = store.write(doc, extraction.events)
                if stored.new and stored.duplicate_of is None:
                    report.documents += 1
                    report.events += stored.events - stored.merged
                    report.merged += stored.merged
                elif stored.new:
                    report.duplicates += 1
                else:
                    report.skipped += 1
        except EventwireError as err:
            _fail(err, store, report)
            if on_error is not None:
                on_error(err)
        if progress is not None:
            progress(report)
    return report
