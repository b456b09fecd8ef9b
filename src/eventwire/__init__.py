"""eventwire: conflict and political-violence event data from news text, offline, with evidence.

    >>> from eventwire import extract
    >>> events = extract("Gunmen killed five villagers in Borno State on Tuesday.", published="2024-09-06")

``extract`` loads the default extractor once (the gazetteer index is built on first use and cached) and
returns :class:`Event` records; see docs/record.md for every field.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import EventwireError
from eventwire.models.document import Document, RawItem, content_id
from eventwire.models.event import Event

if TYPE_CHECKING:
    from eventwire.extraction.pipeline import Extractor

__all__ = ["Document", "Event", "EventwireError", "extract", "load_extractor"]


@functools.lru_cache(maxsize=1)
def load_extractor() -> Extractor:
    """The default extractor, loaded once per process."""
    from eventwire.extraction.pipeline import Extractor

    return Extractor.load()


def extract(
    source: str | Path | Document,
    *,
    published: str | dt.date | None = None,
    doc_id: str | None = None,
) -> list[Event]:
    """Events reported by one document: a text, a path to a .txt/.html/.json file, or a Document."""
    from eventwire.documents.build import build_document
    from eventwire.sources.files import read_path

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, Path):
        items = list(read_path(source))
        for item in items:
            if isinstance(item, EventwireError):
                raise item
        raw = items[0]
        assert isinstance(raw, RawItem)
        doc = build_document(raw, published)
    else:
        meta = (("id", doc_id),) if doc_id else ()
        doc = build_document(RawItem("<text>", source, "text/plain", meta), published)
        if not doc_id:
            doc = Document(
                content_id(doc.text), doc.text, doc.title, doc.url, doc.published, doc.published_source
            )
    return load_extractor().extract(doc)
