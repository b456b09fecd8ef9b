"""Composes the stages: inputs → documents → events, one document at a time, errors captured per input.

Bad input never stops a run: each failure comes back as an :class:`~eventwire.errors.EventwireError` naming
the input, in order with the successes, and the caller decides what to print and how to exit.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire.documents.build import build_document
from eventwire.errors import BatchLostError, EventwireError, ExtractionError, StoreError
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
    # What each of the last documents written added to the counts (documents, duplicates, events, merged),
    # by origin: taken back if the store's transaction is lost with them (see ``_fail``).
    recent: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

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


FEATURES_KEPT = 20_000
"""At most this many events' merging features are kept (see ``DedupFunctions.compare``)."""
FINGERPRINTS_KEPT = 64
"""At most this many documents' fingerprints are kept (see ``DedupFunctions.fingerprint``)."""


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class DedupFunctions:
    """``eventwire.dedup``'s functions, handed to the store (stages do not import each other)."""

    def __init__(self) -> None:
        from eventwire.dedup import documents, events

        self._documents = documents
        self._events = events
        self._features: dict[int, tuple[Event, Any]] = {}  # id(event) -> (the event, its features)
        # digest of a text -> its fingerprint, for the last documents (a digest, not the text: texts may
        # be megabytes each)
        self._fingerprints: dict[bytes, int] = {}
        self._last_keys: tuple[int | None, list[str]] = (None, [])  # see lsh_keys

    def fingerprint(self, text: str) -> int:
        """``documents.fingerprint(text)``, kept for the last documents: with workers, the one that read a
        document hands its fingerprint to the writing process (see :meth:`remember`), which needs it again
        and would otherwise work it out a second time."""
        fp = self._fingerprints.get(_digest(text))
        if fp is None:
            fp = self.remember(text, self._documents.fingerprint(text))
        return fp

    def remembered(self, text: str) -> int | None:
        """The fingerprint of ``text`` if it was worked out lately (in this process)."""
        return self._fingerprints.get(_digest(text))

    def remember(self, text: str, fp: int) -> int:
        """Keep ``fp`` as the fingerprint of ``text`` (worked out by ``documents.fingerprint``)."""
        if len(self._fingerprints) >= FINGERPRINTS_KEPT:
            self._fingerprints.clear()
        self._fingerprints[_digest(text)] = fp
        return fp

    def lsh_keys(self, fp: int) -> list[str]:
        """``documents.lsh_keys(fp)``, kept for the last fingerprint: writing a document asks for its keys
        twice (to look for copies, then to file it)."""
        if self._last_keys[0] != fp:
            self._last_keys = (fp, self._documents.lsh_keys(fp))
        return list(self._last_keys[1])

    def near_duplicate(self, a: int, b: int) -> bool:
        return self._documents.near_duplicate(a, b)

    def block_keys(self, event: Event) -> list[str]:
        """``events.block_keys(event)`` from the event's kept features: the store files a new event, then
        compares it, and both read the same features."""
        return self._events.feature_keys(self._featured(event))

    def is_country_key(self, key: str) -> bool:
        return self._events.is_country_key(key)

    def compare_all(self, a: Event, others: Sequence[Event]) -> list[MergeVerdict]:
        """``events.compare(a, b)`` of ``a`` with each ``b`` of ``others``, in order, decided on the events'
        kept features: a new event is compared with tens of stored ones (the store hands over each stored
        one as the same object every time), and working out the same features again took most of the time
        of merging; looking the new event's up again for each took a tenth of the comparing."""
        decide, featured = self._events.decide, self._featured
        mine = featured(a)
        return [decide(mine, featured(b)) for b in others]

    def _featured(self, event: Event) -> Any:
        kept = self._features.get(id(event))
        if kept is None or kept[0] is not event:  # (kept holds the event: its id is not reused meanwhile)
            if len(self._features) >= FEATURES_KEPT:
                self._features.clear()
            kept = self._features[id(event)] = (event, self._events.merge_features(event))
        return kept[1]

    def combine(self, events: Sequence[Event]) -> Event:
        return self._events.combine(events)


def dedup_functions() -> Dedup:
    """What ``open_store(..., dedup=...)`` needs to link copies and merge reports across documents."""
    return DedupFunctions()


def _fail(
    err: EventwireError,
    store: Store,
    report: RunReport,
    on_error: Callable[[EventwireError], None] | None,
) -> None:
    """Count and record a failed input, or one skipped on purpose (kept apart from the errors, and not
    told to ``on_error``)."""
    report.count(err)
    try:
        if err.skipped:
            store.record_skipped(err.where or "?", err.code, err.message)
        else:
            store.record_error(err.where or "?", err.code, err.message)
        if isinstance(err, BatchLostError):
            # Counted stored when written, gone with the transaction: errors now, stored by a rerun.
            for origin in err.lost:
                documents, duplicates, events, merged = report.recent.pop(origin, (1, 0, 0, 0))
                report.documents = max(0, report.documents - documents)
                report.duplicates = max(0, report.duplicates - duplicates)
                report.events = max(0, report.events - events)
                report.merged = max(0, report.merged - merged)
            report.errors += len(err.lost)
            for origin in err.lost:
                store.record_error(
                    origin, err.code, "not stored: lost with the batch's transaction (ingest again)"
                )
    except StoreError as again:
        report.errors += 1
        report.failures.append(again)
    if on_error is not None and not err.skipped:
        on_error(err)


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
    and not extracted again. Each document is written whole with its events or not at all, and the writes
    are committed together a fifth of a second at a time (``store.batch()``: a run killed with ``kill -9``
    redoes at most that much). An input passed over on purpose (not in English, an archive record that is
    no HTML page) is counted and recorded as skipped, not as an error, and ``on_error`` does not hear of it.

    ``workers`` > 1 reads and extracts documents in that many processes (forked, so they share the loaded
    extractor) while this one writes, in input order: the same documents, events, merges and copies as one
    process.
    """
    report = report if report is not None else RunReport()
    with _frozen_heap(), store.batch():
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
                    _store(store, doc, [], report)  # a copy: stored, linked, not extracted
                else:
                    _store(store, doc, _extract(extractor, doc), report)
            except EventwireError as err:
                _fail(err, store, report, on_error)
            if progress is not None:
                progress(report)
    return report


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep what was loaded before the run (the extractor, its models and libraries) out of the cyclic
    garbage collector's sight while it lasts (``gc.freeze``).

    The run makes many objects that live long (parsed events, merging features), so full collections come
    every few hundred documents, and each walked the ~110,000 loaded objects as well (frozen, full
    collections took 20-45% less time in one process); in forked workers the walk also wrote to the pages
    they share with this process. A process that froze objects itself (the API server) is left as it is.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _extract(extractor: Extractor, doc: Document) -> Sequence[Event]:
    try:
        return extractor.run(doc).events
    except (ValueError, IndexError, KeyError, RecursionError) as err:  # a bug must not stop the run
        raise ExtractionError(f"extraction failed: {type(err).__name__}: {err}", where=doc.origin) from err


RECENT_KEPT = 1_000
"""At most this many documents' counts are kept to be taken back (a store commits every 100 or so)."""


def _store(store: Store, doc: Document, events: Sequence[Event], report: RunReport) -> None:
    stored = store.write(doc, events)
    if stored.new and stored.duplicate_of is None:
        added = (1, 0, stored.events - stored.merged, stored.merged)
    elif stored.new:
        added = (0, 1, 0, 0)
    else:
        report.known += 1
        return
    report.documents += added[0]
    report.duplicates += added[1]
    report.events += added[2]
    report.merged += added[3]
    if len(report.recent) >= RECENT_KEPT:  # a bound: a transaction holds far fewer documents than this
        del report.recent[next(iter(report.recent))]  # (the oldest: dicts keep their order)
    report.recent[doc.origin or doc.id] = added


# -- extraction in worker processes ---------------------------------------------------------------------

# Set in the parent before forking; the children inherit them (the extractor is not loaded again).
_worker_extractor: Extractor | None = None
_worker_store: Store | None = None

Failure = tuple[type[EventwireError], str, str | None]
# (document, "new" / "known" / "copy", events, its fingerprint if the worker worked it out)
Outcome = tuple[Document, str, Sequence[Event], int | None] | Failure


CHUNK = 4
"""Documents handed to a worker at once: each hand-over wakes a thread in the worker and two in this
process, which take the interpreter from the writer in turn; four at a time, this process spent about a
tenth less CPU (with the writer's own savings) in paired runs."""

HELD_PER_WORKER = 12
"""With workers, at most this many chunks per worker are held at once, done or not. A chunk is written
only once those before it are, so one slow chunk (a page whose date went to the full date parser, which
then compiled its patterns for every language on first use, a second and a half) held the others back: with
room for only ``2 * workers`` chunks in all, the other workers, their chunks done, waited for the slow one
with nothing to do (1.4 s of a 21-second run of 1,500 pages with two workers)."""

MAX_DEFAULT_WORKERS = 8
"""``default_workers`` uses at most this many: one process writes for all of them (a few ms a document)."""


def default_workers() -> int:
    """The CPU cores this process may run on (at most :data:`MAX_DEFAULT_WORKERS`): how many workers
    `eventwire ingest` starts unless told. One core gives 1, which extracts in this process."""
    try:
        cores = len(os.sched_getaffinity(0))  # the cores a container or taskset grants, not the machine's
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


FEW_DOCUMENTS = 16
"""A run of fewer inputs than this is done in one process whatever the cores (see :func:`workers_for`)."""


def workers_for(
    items: Iterable[RawItem | EventwireError],
) -> tuple[Iterator[RawItem | EventwireError], int]:
    """The inputs (all of them, in order) and how many workers to read them with unless told:
    :func:`default_workers`, but 1 for a run of fewer than :data:`FEW_DOCUMENTS` inputs.

    Workers are forked after a warm-up of the extractor (:func:`_warm`): for a handful of documents that
    costs more than they save (ingesting one short article took 6.1 s with two workers, 3.9 s in one
    process). The first inputs are read ahead to count them; none is lost or read twice.
    """
    stream = iter(items)
    head: list[RawItem | EventwireError] = []
    try:
        head.extend(itertools.islice(stream, FEW_DOCUMENTS))
    except Exception as err:  # the inputs before the failure are read as they would have been, then it
        return itertools.chain(head, _raising(err)), 1
    workers = default_workers() if len(head) >= FEW_DOCUMENTS else 1
    return itertools.chain(head, stream), workers


def _raising(err: Exception) -> Iterator[RawItem | EventwireError]:
    raise err
    yield  # (a generator: the error comes where the inputs after the head would)


# A made-up wire report for ``_warm``: a dateline, an attack with casualties and actors, a place.
_WARM_TEXT = (
    "KABUL, 3 March 2021 (Wire) -- Gunmen attacked a police checkpoint in Kandahar province on Tuesday, "
    "killing four officers and wounding two civilians, the provincial governor said.\n\n"
    "Police said the attackers fled after a gunfight, in which five members of the militia were killed. "
    "No group has claimed the attack."
)
_WARM_PAGE = (
    "<html><head><title>Checkpoint attacked</title></head><body><article><h1>Checkpoint attacked</h1>"
    "<p>Published 3 March 2021</p><p>Gunmen attacked a police checkpoint.</p></article></body></html>"
)


def _warm(extractor: Extractor) -> None:
    """Load, in this process and before forking, what the extractor and the document stage load on first
    use (the language identifier, the sentence splitter, the role model's tables, compiled patterns):
    each worker loaded them again at its first documents (about 0.8 s of CPU each, a slow first chunk),
    and forked after this they share them. Nothing is stored; what the loaders keep depends on no input.
    """
    from eventwire.documents.html import extract_html
    from eventwire.documents.language import load_identifier

    load_identifier()
    try:
        extract_html(_WARM_PAGE, "warm-up", None)
        extractor.run(build_document(RawItem("warm-up", _WARM_TEXT)))
    except (EventwireError, ValueError, IndexError, KeyError, RecursionError):
        pass  # only a warm-up: a real document meets the same failure where it is reported


def _start_worker(parent: int) -> None:
    if _worker_store is not None:
        _worker_store.forked()  # its own connections, not the parent's
    # A worker waits for work on a pipe that it holds open itself: were the parent killed (kill -9, the
    # OOM killer), it would wait for ever. It leaves once it sees that its parent is gone.
    threading.Thread(target=_leave_with, args=(parent,), name="eventwire-parent-watch", daemon=True).start()


def _leave_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _dedup_of(store: Store | None) -> DedupFunctions | None:
    """The store's merging functions when they are ours (they keep the fingerprints worked out lately)."""
    dedup = getattr(store, "dedup", None)
    return dedup if isinstance(dedup, DedupFunctions) else None


def _work(item: RawItem, published: dt.date | None) -> Outcome:
    """In a worker: the document, whether it is stored already or a copy, and else its events; and the
    document's fingerprint, which finding copies worked out and writing needs again."""
    assert _worker_extractor is not None and _worker_store is not None
    try:
        doc = build_document(item, published)
        if _worker_store.known(doc):
            return doc, "known", (), None
        dedup = _dedup_of(_worker_store)
        if _worker_store.find_duplicate(doc) is not None:
            return doc, "copy", (), dedup.remembered(doc.text) if dedup else None
        events = _extract(_worker_extractor, doc)
        return doc, "new", events, dedup.remembered(doc.text) if dedup else None
    except EventwireError as err:  # sent back as its parts: the keyword-only ``where`` does not pickle
        return type(err), err.message, err.where


def _work_chunk(items: Sequence[RawItem], published: dt.date | None) -> list[Outcome]:
    """In a worker: :func:`_work` for each item, in order."""
    return [_work(item, published) for item in items]


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
    it linked, its events dropped. Documents go to the workers :data:`CHUNK` at a time, ``2 * workers``
    chunks at most being worked on or waiting for a worker, and at most :data:`HELD_PER_WORKER` times
    ``workers`` chunks held in all (done ones wait to be written in input order), so memory stays bounded
    whatever the input size.
    """
    global _worker_extractor, _worker_store
    _warm(extractor)
    _worker_extractor, _worker_store = extractor, store
    pending: deque[Future[list[Outcome]] | EventwireError] = deque()
    window, held = 2 * workers, HELD_PER_WORKER * workers
    dedup = _dedup_of(store)
    chunk: list[RawItem] = []

    def make_room() -> None:
        """Write what is done at the head of the queue; wait while the workers have enough to do."""
        while pending:
            head = pending[0]
            if isinstance(head, EventwireError) or head.done() or len(pending) >= held:
                settle()
                continue
            working = [f for f in pending if isinstance(f, Future) and not f.done()]
            if len(working) < window:
                return
            wait(working, return_when=FIRST_COMPLETED)

    def settle() -> None:
        entry = pending.popleft()
        if isinstance(entry, EventwireError):
            write(entry)
            return
        for result in entry.result():
            write(result)

    def write(outcome: Outcome | EventwireError) -> None:
        try:
            if isinstance(outcome, EventwireError):
                raise outcome
            if not isinstance(outcome[0], Document):
                kind, message, where = outcome
                raise kind(message, where=where)
            doc, state, events, fp = outcome
            if state == "known":
                report.known += 1
            else:
                if dedup is not None and fp is not None:
                    dedup.remember(doc.text, fp)
                _store(store, doc, events, report)
        except EventwireError as err:
            _fail(err, store, report, on_error)
        if progress is not None:
            progress(report)

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        try:
            for item in items:
                if isinstance(item, RawItem):
                    chunk.append(item)
                if chunk and (len(chunk) >= CHUNK or isinstance(item, EventwireError)):
                    pending.append(pool.submit(_work_chunk, chunk, published))
                    chunk = []
                if isinstance(item, EventwireError):  # after the items before it, in input order
                    pending.append(item)
                make_room()
            if chunk:
                pending.append(pool.submit(_work_chunk, chunk, published))
            while pending:
                settle()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            _worker_extractor, _worker_store = None, None
