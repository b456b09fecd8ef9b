"""``POST /api/documents``: a text, an HTML page or a URL → a document and its events, stored."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from eventwire.api.errors import ApiError
from eventwire.api.schemas import DocumentIn
from eventwire.api.settings import ApiSettings
from eventwire.documents.build import build_document
from eventwire.errors import EventwireError, FetchError, TooLargeError
from eventwire.extraction.pipeline import Extractor
from eventwire.models.document import RawItem
from eventwire.models.event import Event
from eventwire.sources.web import Fetcher, FetchSettings
from eventwire.store.base import Store


@dataclass(frozen=True, slots=True)
class IngestResult:
    doc_id: str
    new: bool
    duplicate_of: str | None
    events: list[Event]


class Ingestor:
    """Loads the extractor on first use (it takes seconds) and keeps it for every later request."""

    def __init__(self, settings: ApiSettings, extractor: Extractor | None = None) -> None:
        self.settings = settings
        self._extractor = extractor
        self._fetcher: Fetcher | None = None
        self._lock = threading.Lock()

    def extractor(self) -> Extractor:
        with self._lock:
            if self._extractor is None:
                self._extractor = Extractor.load()
            return self._extractor

    def fetcher(self) -> Fetcher:
        with self._lock:
            if self._fetcher is None:
                self._fetcher = Fetcher(
                    FetchSettings.from_env(
                        timeout=self.settings.fetch_timeout, retries=0, max_bytes=self.settings.max_body_bytes
                    )
                )
            return self._fetcher

    def fetch(self, url: str) -> RawItem:
        """The page at ``url``, fetched by the sources stage's :class:`Fetcher`, as raw HTML or text."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ApiError(400, f"invalid url {url!r}: only http:// and https:// addresses can be fetched")
        if not self.settings.fetch_urls:
            raise ApiError(403, "fetching URLs is disabled on this server: send the text or the HTML")
        try:
            page = self.fetcher().get(url)
        except TooLargeError as err:
            raise ApiError(413, f"{url} {err.message}") from None
        except FetchError as err:
            raise ApiError(422, f"fetching {url} failed: {err.message}") from None
        media = page.content_type or "text/html"
        if media not in ("text/html", "application/xhtml+xml", "text/plain"):
            raise ApiError(422, f"{url} is {media}, not an HTML page or plain text")
        encoding = page.charset or "utf-8"
        try:
            content = page.content.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            raise ApiError(422, f"{url} is not readable text in {encoding}") from None
        return RawItem(
            origin=url,
            content=content,
            media_type="text/plain" if media == "text/plain" else "text/html",
            meta=(("url", page.final_url or url),),
        )

    def close(self) -> None:
        with self._lock:
            if self._fetcher is not None:
                self._fetcher.close()
                self._fetcher = None

    def raw_item(self, body: DocumentIn) -> RawItem:
        meta: list[tuple[str, str]] = []
        if body.title:
            meta.append(("title", body.title))
        if body.id:
            meta.append(("id", body.id))
        if body.published:
            meta.append(("published", body.published.isoformat()))
        if body.url is not None:
            item = self.fetch(body.url)
            return RawItem(item.origin, item.content, item.media_type, (*item.meta, *meta))
        if body.html is not None:
            return RawItem("POST /api/documents", body.html, "text/html", tuple(meta))
        return RawItem("POST /api/documents", body.text or "", "text/plain", tuple(meta))

    def ingest(self, body: DocumentIn, store: Store) -> IngestResult:
        item = self.raw_item(body)
        try:
            doc = build_document(item)
        except EventwireError as err:
            raise ApiError(422, f"the document cannot be read: {err.message} [{err.code}]") from None
        extraction = self.extractor().run(doc)
        stored = store.write(doc, extraction.events)
        return IngestResult(stored.doc_id, stored.new, stored.duplicate_of, list(extraction.events))
