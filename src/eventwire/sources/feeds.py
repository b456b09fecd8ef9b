"""RSS, RDF and Atom feeds (files or URLs) → one item per entry, with feedparser.

Each entry gives an item with its title, link and publication date and, as text, its content (or else
its summary); with ``fetch_linked`` the article the entry links to is fetched and read instead, and the
entry's own text is kept only when that fails.
"""

from __future__ import annotations

import time
import xml.sax
from collections.abc import Iterator
from typing import Any

import feedparser

from eventwire.errors import EmptyInputError, MalformedInputError, SourceError
from eventwire.models.document import RawItem
from eventwire.sources.base import Result, decode_web, looks_like_html
from eventwire.sources.web import Fetcher

# feedparser reports these when it could still read the feed as declared: not worth an error
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)  # FeedParserDict.get would map a missing date to another, warning
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
    return None


def _body(entry: Any) -> tuple[str, str] | None:
    """The entry's richest text and its media type: full content first, then the summary."""
    candidates = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        return best["value"], best.get("type") or "text/html"
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, detail.get("type") or "text/html"
    return None


def _describe(bozo: BaseException) -> str:
    if isinstance(bozo, xml.sax.SAXParseException):
        return f"{bozo.getMessage()} at line {bozo.getLineNumber()}, column {bozo.getColumnNumber()}"
    return str(bozo) or type(bozo).__name__


def read_feed(
    data: bytes,
    name: str,
    *,
    fetcher: Fetcher | None = None,
    fetch_linked: bool = False,
) -> Iterator[Result]:
    """Items from the entries of one feed; ``name`` is its path or URL, and each entry is named
    ``name#N`` (N counts from 1) or by its link."""
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if bozo is not None and isinstance(bozo, _HARMLESS):
        bozo = None
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        reason = f" ({_describe(bozo)})" if bozo is not None else ""
        yield MalformedInputError(f"is not a readable RSS or Atom feed{reason}", where=name)
        return
    feed = parsed.get("feed") or {}
    outlet = feed.get("title") or None
    if not entries and bozo is None:
        yield EmptyInputError("is a feed with no entries", where=name)
    for number, entry in enumerate(entries, start=1):
        where = f"{name}#{number}"
        yield from _entry_items(entry, where, outlet, fetcher if fetch_linked else None)
    if bozo is not None:
        yield MalformedInputError(
            f"is not well-formed XML ({_describe(bozo)}); {len(entries)} entries could be read before it",
            where=name,
        )


def _entry_items(entry: Any, where: str, outlet: str | None, fetcher: Fetcher | None) -> Iterator[Result]:
    link = entry.get("link") or None
    meta = [
        (key, value)
        for key, value in (
            ("title", entry.get("title")),
            ("url", link),
            ("published", _date(entry)),
            ("outlet", outlet),
        )
        if value
    ]
    if fetcher is not None and link:
        try:
            page = fetcher.get(link)
            text = decode_web(page.content, link, page.charset)
        except SourceError as err:
            err.message = f"{err.message} (linked from {where}; its summary is used instead)"
            yield err
        else:
            if page.final_url != link:
                meta = [(k, page.final_url if k == "url" else v) for k, v in meta]
            html = "html" in page.content_type or looks_like_html(text)
            yield RawItem(where, text, "text/html" if html else "text/plain", tuple(meta))
            return
    body = _body(entry)
    if body is None:
        yield EmptyInputError(
            f"has no text (no content or summary){f' ({link})' if link else ''}", where=where
        )
        return
    content, media = body
    yield RawItem(where, content, "text/html" if "html" in media else "text/plain", tuple(meta))
