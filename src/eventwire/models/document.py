"""A document: the normalized text that every offset in eventwire points into."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass


def content_id(text: str) -> str:
    """A stable id for a text: the same text always gives the same id."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One news report, ready for extraction.

    ``text`` is the normalized text (mojibake repaired, line endings unified); every ``start``/``end``
    offset that eventwire emits is an index into it. ``published`` is the date relative expressions are
    resolved against, and ``published_source`` says where it came from: ``"given"`` (the caller),
    ``"metadata"`` (the file's own fields), ``"dateline"`` (e.g. "LIMA, 10 JAN 90 --"), ``"crawled"`` (when
    an archive fetched the page), ``"page"`` (a date written in a page's text) or ``None``.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_source: str | None = None
    origin: str | None = None  # where it was read from: path, path:line, URL
    language: str | None = None  # ISO 639-1, or None when the text is too short to judge
    outlet: str | None = None  # the site or feed that published it ("Reuters", "example.org")
    canonical_url: str | None = None  # the page's own <link rel="canonical"> / og:url


@dataclass(frozen=True, slots=True)
class RawItem:
    """One input as a source read it, before it becomes a :class:`Document`.

    ``media_type`` is ``"text/plain"`` or ``"text/html"``; ``meta`` holds what the input said about itself
    (``id``, ``title``, ``url``, ``published``, ``outlet``, ``canonical_url``, and ``crawled``: when an
    archive fetched the page), as strings.
    """

    origin: str
    content: str
    media_type: str = "text/plain"
    meta: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        return next((value for name, value in self.meta if name == key), None)
