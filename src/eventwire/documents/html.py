"""HTML → the article's main text and its metadata (title, site name, date, canonical URL), with
trafilatura; an HTML fragment (a feed entry's summary) → its text, with lxml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Extractor

from eventwire.errors import DocumentError

_DOCUMENT = re.compile(r"<(?:!doctype|html|head|body)[\s>]", re.IGNORECASE)
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "article",
    "section",
}


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    url: str | None  # the canonical URL the page declares, if it declares one
    published: str | None
    site: str | None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


@lru_cache(maxsize=1)
def _options(today: str) -> Extractor:
    """trafilatura's settings for a page, built once a day (building them for every page read its
    configuration again; they hold today's date as the latest publication date a page may give)."""
    return Extractor(
        output_format="python",
        with_metadata=True,
        comments=False,
        tables=False,
        recall=True,
        dedup=False,
    )


def extract_html(html: str, where: str, url: str | None = None) -> HtmlArticle:
    """The main text (boilerplate, scripts and markup removed) and metadata of an HTML page or fragment.

    ``url`` is where the page came from: its host names the outlet when the page names none.
    """
    # (today as trafilatura itself reads it for the latest date: the local date)
    options = _options(dt.datetime.now().astimezone().strftime("%Y-%m-%d"))
    result = trafilatura.bare_extraction(html, options=options)
    data = {} if result is None else (result.as_dict() if hasattr(result, "as_dict") else dict(result))
    text = (data.get("text") or "").strip()
    if not text and not _DOCUMENT.search(html[:2048]):
        text = fragment_text(html)
    if not text:
        raise DocumentError("holds no article text that could be extracted from its HTML", where=where)
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        url=data.get("url") or None,
        published=data.get("date") or None,
        site=data.get("sitename") or _host(data.get("url")) or _host(url),
    )


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, scripts and styles dropped."""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content()).strip()
