"""Composes the stages: inputs → documents → events, one document at a time, errors captured per input.

Bad input never stops a run: each failure comes back as an :class:`~eventwire.errors.EventwireError` naming
the input, in order with the successes, and the caller decides what to print and how to exit.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.documents.build import build_document
from eventwire.errors import EventwireError, ExtractionError, StoreError
from eventwire.extraction.pipeline import Extraction, Extractor
from eventwire.models.document import Document, RawItem
from eventwire.models.event import Event

if TYPE_CHECKING:
    from eventwire.store.base import Dedup, MergeVerdict, Store


@dataclass(slots=True)
class RunReport:
    """Counts for the one-line summary at the end of a run."""

    documents: int = 0
    events: int = 0
    errors: int = 0
    skipped: int = 0  # inputs passed over on purpose (not in English, not an HTML response): not errors
    known: int = 0  # documents already stored
    duplicates: int = 0  # copies of stored documents: stored and linked, not extracted again
    merged: int = 0  # events that joined an event another document reported
    failures: list[EventwireError] = field(default_factory=list)
    passed_over: list[EventwireError] = field(default_factory=list)  # the skipped inputs, with the reason
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """Documents read per second so far (stored, already stored, copies, skipped and failures)."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return self.read / elapsed

    @property
    def read(self) -> int:
        """Inputs read so far, whatever came of them."""
        return self.documents + self.known + self.duplicates + self.skipped + self.errors

    def count(self, err: EventwireError) -> None:
        """Count a failure, or an input passed over on purpose (``err.skipped``), which is no failure."""
        if err.skipped:
            self.skipped += 1
            self.passed_over.append(err)
        else:
            self.errors += 1
            self.failures.append(err)

    def summary(self) -> str:
        parts = [
            f"{self.documents} document{'s' if self.documents != 1 else ''}",
            f"{self.events} event{'s' if self.events != 1 else ''}",
        ]
        if self.merged:
            parts.append(f"{self.merged} merged with other reports")
        if self.known:
            parts.append(f"{self.known} already stored")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        return ", ".join(parts)


def process(
    items: Iterable[RawItem | EventwireError],
    extractor: Extractor,
    *,
    published: dt.date | None = None,
    report: RunReport | None = None,
) -> Iterator[Extraction | EventwireError]:
    """Extract every readable item; yield an error (and count it) for every one that is not.

    An input passed over on purpose (``err.skipped``: not in English, an archive record that is no HTML
    page) is yielded too, and counted as skipped, not as an error.
    """
    report = report if report is not None else RunReport()
    for item in items:
        if isinstance(item, EventwireError):
            report.count(item)
            yield item
            continue
        try:
            doc = build_document(item, published)
            extraction = extractor.run(doc)
        except EventwireError as err:
            report.count(err)
            yield err
            continue
        except (ValueError, IndexError, KeyError, RecursionError) as err:  # a bug must not stop the run
            failure = ExtractionError(f"extraction failed: {type(err).__name__}: {err}", where=item.origin)
            report.count(failure)
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
    """Count and record a failed input, or one skipped on purpose (kept apart from the errors)."""
    report.count(err)
    try:
        if err.skipped:
            store.record_skipped(err.where or "?", err.code, err.message)
        else:
            store.record_error(err.where or "?", err.code, err.message)
    except StoreError as again:
        report.errors += 1
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
    workers: int = 1,
) -> RunReport:
    """Read, extract and store every item; a failure is recorded in the store and the run goes on.

    A document already stored is skipped before extraction (the check is cheap), and so is a copy of a
    stored document (the same text elsewhere, or a near-duplicate): it is stored, linked to the original,
    and not extracted again. Each document is written with its events in one transaction. An input passed
    over on purpose (not in English, an archive record that is no HTML page) is counted and recorded as
    skipped, not as an error, and ``on_error`` does not hear of it.

    ``workers`` > 1 reads and extracts documents in that many processes (forked, so they share the loaded
    extractor) while this one writes, in input order: the same documents, events, merges and copies as one
    process, each document still in its own transaction.
    """
    report = report if report is not None else RunReport()
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        _ingest_parallel(items, extractor, store, published, report, on_error, progress, workers)
        return report
    for item in items:
        try:
            if isinstance(item, EventwireError):
                raise item
            doc = build_document(item, published)
            if store.known(doc):
                report.known += 1
            elif store.find_duplicate(doc) is not None:
                store.write(doc, [])
                report.duplicates += 1
            else:
                _store(store, doc, _extract(extractor, doc), report)
        except EventwireError as err:
            _fail(err, store, report)
            if on_error is not None and not err.skipped:
                on_error(err)
        if progress is not None:
            progress(report)
    return report


def _extract(extractor: Extractor, doc: Document) -> Sequence[Event]:
    try:
        return extractor.run(doc).events
    except (ValueError, IndexError, KeyError, RecursionError) as err:  # a bug must not stop the run
        raise ExtractionError(f"extraction failed: {type(err).__name__}: {err}", where=doc.origin) from err


def _store(store: Store, doc: Document, events: Sequence[Event], report: RunReport) -> None:
    stored = store.write(doc, events)
    if stored.new and stored.duplicate_of is None:
        report.documents += 1
        report.events += stored.events - stored.merged
        report.merged += stored.merged
    elif stored.new:
        report.duplicates += 1
    else:
        report.known += 1


# -- extraction in worker processes ---------------------------------------------------------------------

# Set in the parent before forking; the children inherit them (the extractor is not loaded again).
_worker_extractor: Extractor | None = None
_worker_store: Store | None = None

Failure = tuple[type[EventwireError], str, str | None]
Outcome = tuple[Document, str, Sequence[Event]] | Failure  # (document, "new" / "known" / "copy", events)


def _start_worker() -> None:
    if _worker_store is not None:
        _worker_store.forked()  # its own connections, not the parent's


def _work(item: RawItem, published: dt.date | None) -> Outcome:
    """In a worker: the document, whether it is stored already or a copy, and else its events."""
    assert _worker_extractor is not None and _worker_store is not None
    try:
        doc = build_document(item, published)
        if _worker_store.known(doc):
            return doc, "known", ()
        if _worker_store.find_duplicate(doc) is not None:
            return doc, "copy", ()
        return doc, "new", _extract(_worker_extractor, doc)
    except EventwireError as err:  # sent back as its parts: the keyword-only ``where`` does not pickle
        return type(err), err.message, err.where


def _ingest_parallel(
    items: Iterable[RawItem | EventwireError],
    extractor: Extractor,
    store: Store,
    published: dt.date | None,
    report: RunReport,
    on_error: Callable[[EventwireError], None] | None,
    progress: Callable[[RunReport], None] | None,
    workers: int,
) -> None:
    """Workers build and extract documents; this process writes them in input order.

    Workers skip documents already stored and copies of stored ones, as one process does; a copy of a
    document still in flight is extracted, and ``write`` (which decides in its transaction anyway) stores
    it linked, its events dropped. At most ``4 * workers`` documents are in flight, so memory stays
    bounded whatever the input size.
    """
    global _worker_extractor, _worker_store
    _worker_extractor, _worker_store = extractor, store
    pending: deque[Future[Outcome] | EventwireError] = deque()
    window = 4 * workers

    def settle() -> None:
        outcome = pending.popleft()
        try:
            if isinstance(outcome, EventwireError):
                raise outcome
            result = outcome.result()
            if not isinstance(result[0], Document):
                kind, message, where = result
                raise kind(message, where=where)
            doc, state, events = result
            if state == "known":
                report.known += 1
            else:
                _store(store, doc, events, report)
        except EventwireError as err:
            _fail(err, store, report)
            if on_error is not None and not err.skipped:
                on_error(err)
        if progress is not None:
            progress(report)

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
        try:
            for item in items:
                if isinstance(item, EventwireError):
                    pending.append(item)
                else:
                    pending.append(pool.submit(_work, item, published))
                while len(pending) >= window:
                    settle()
            while pending:
                settle()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            _worker_extractor, _worker_store = None, None
