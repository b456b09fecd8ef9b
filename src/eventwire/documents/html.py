"""HTML → the article's main text and its metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from eventwire.errors import DocumentError


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    url: str | None
    published: str | None
    site: str | None


def extract_html(html: str, where: str) -> HtmlArticle:
    """The main text (boilerplate, scripts and markup removed) and metadata of an HTML page."""
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        deduplicate=False,
    )
    if result is None:
        raise DocumentError("holds no article text that could be extracted from its HTML", where=where)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise DocumentError("holds no article text that could be extracted from its HTML", where=where)
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        url=data.get("url") or None,
        published=data.get("date") or None,
        site=data.get("sitename") or None,
    )
