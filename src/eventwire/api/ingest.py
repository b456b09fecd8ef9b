"""``POST /api/documents``: a text, an HTML page or a URL → a document and its events, stored."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from eventwire.api.errors import ApiError
from eventwire.api.schemas import DocumentIn
from eventwire.api.settings import ApiSettings
from eventwire.documents.build import build_document
from eventwire.errors import EventwireError
from eventwire.extraction.pipeline import Extractor
from eventwire.models.document import RawItem
from eventwire.models.event import Event
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
        self._lock = threading.Lock()

    def extractor(self) -> Extractor:
        with self._lock:
            if self._extractor is None:
                self._extractor = Extractor.load()
            return self._extractor

    def fetch(self, url: str) -> RawItem:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ApiError(400, f"invalid url {url!r}: only http:// and https:// addresses can be fetched")
        if not self.settings.fetch_urls:
            raise ApiError(403, "fetching URLs is disabled on this server: send the text or the HTML")
        limit = self.settings.max_body_bytes
        try:
            with (
                httpx.Client(
                    timeout=self.settings.fetch_timeout, follow_redirects=True, max_redirects=5
                ) as client,
                client.stream("GET", url, headers={"User-Agent": "eventwire"}) as response,
            ):
                if response.status_code >= 400:
                    raise ApiError(422, f"fetching {url} failed: HTTP {response.status_code}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise ApiError(413, f"{url} is larger than the limit of {limit} bytes")
                media = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
                encoding = response.encoding or "utf-8"
        except httpx.HTTPError as err:
            raise ApiError(422, f"fetching {url} failed: {type(err).__name__}: {err}") from None
        if media not in ("text/html", "application/xhtml+xml", "text/plain"):
            raise ApiError(422, f"{url} is {media}, not an HTML page or plain text")
        try:
            content = bytes(body).decode(encoding)
        except (LookupError, UnicodeDecodeError):
            raise ApiError(422, f"{url} is not readable text in {encoding}") from None
        return RawItem(
            origin=url,
            content=content,
            media_type="text/plain" if media == "text/plain" else "text/html",
            meta=(("url", url),),
        )

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
        if len(doc.text) < 1:
            raise ApiError(422, "the document holds no text")
        extraction = self.extractor().run(doc)
        stored = store.write(doc, extraction.events)
        return IngestResult(stored.doc_id, stored.new, stored.duplicate_of, list(extraction.events))
