"""HTML → the article's main text and its metadata (title, site name, date, canonical URL), with
trafilatura; an HTML fragment (a feed entry's summary) → its text, with lxml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import extractors as htmldate_extractors
from htmldate import find_date
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
def _english_date_parser() -> Any:
    """The full date parser that htmldate falls back on for a date written in the page's text, reading
    English only.

    htmldate's own reads every language dateparser knows: its first call compiles the patterns of some
    200 locales, 1.8 s of CPU in every process that meets such a page (each ingest worker), where English
    alone takes 0.2 s. eventwire keeps only English documents (``documents.language``), so a date in
    another language would be passed over with its page anyway. The settings are htmldate's intent:
    absolute dates only, strictly parsed, the past preferred.
    """
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "STRICT_PARSING": True,
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


# htmldate looks its fallback parser up by this name at each use (an lru-cached factory, no setting).
if callable(getattr(htmldate_extractors, "get_external_parser", None)):
    htmldate_extractors.get_external_parser = _english_date_parser


@lru_cache(maxsize=1)
def _options(today: str) -> Extractor:
    """trafilatura's settings for a page, built once a day (building them for every page read its
    configuration again; they hold today's date as the latest publication date a page may give)."""
    # (trafilatura types the date settings as strings; htmldate wants these booleans)
    quick_search: Any = {"original_date": True, "extensive_search": False, "max_date": today}
    return Extractor(
        output_format="python",
        with_metadata=True,
        comments=False,
        tables=False,
        recall=True,
        dedup=False,
        # htmldate's quick search: the page's metadata and markup, its URL, a bare date in its text.
        # Its extensive search (dates in free text, then any year on the page) is only a guess, worse
        # than a dateline: ``date_in_text`` runs it where neither dates the page (see build_document).
        date_params=quick_search,
    )


# A first of January written out ("1 January", "Jan. 1st", "2024-01-01", "01/01/"): htmldate gives a page
# dated only by a year ("(c) 2021") the first of January of that year.
_FIRST_OF_JANUARY = re.compile(
    r"\b(?:jan(?:uary)?\.?\s+0?1(?:st)?\b|0?1(?:st)?\s+(?:of\s+)?jan(?:uary)?\b|\d{4}-01-01|0?1/0?1/\d{2,4})",
    re.IGNORECASE,
)


def date_in_text(html: str, visible: str) -> str | None:
    """A date written in the page's text, as htmldate's extensive search finds it (``YYYY-MM-DD``): its
    free text ("Published 3 March 2024"), then any date on the page. A guess, for a page that nothing
    else dates; a page dated by a year alone (a copyright line) gives None, not the first of January
    (unless ``visible``, the page's text as read, writes a first of January out: a script's or a link's
    "2019-01-01" does not)."""
    today = dt.datetime.now().astimezone().strftime("%Y-%m-%d")
    try:
        found = find_date(html, extensive_search=True, original_date=True, max_date=today)
    except (ValueError, TypeError, etree.LxmlError):  # markup htmldate cannot read: no date, as in text
        return None
    if not found or (found[5:] == "01-01" and not _FIRST_OF_JANUARY.search(visible)):
        return None
    return str(found)


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
