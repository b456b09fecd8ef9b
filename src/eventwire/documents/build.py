"""RawItem → Document: the stage that decides the text, the title and the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from eventwire.documents.dateline import read_dateline
from eventwire.documents.html import date_in_text, extract_html
from eventwire.documents.language import MIN_CONFIDENCE, detect_language, language_name
from eventwire.documents.normalize import normalize_text
from eventwire.errors import DocumentError, LanguageSkippedError, MalformedInputError
from eventwire.models.document import Document, RawItem, content_id


def parse_published(value: str, where: str) -> dt.date:
    """An ISO date or datetime ("2024-09-06", "2024-09-06T10:00:00Z") → a date."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise MalformedInputError(
            f"has a publication date {value!r} that is not an ISO date (YYYY-MM-DD)", where=where
        ) from None


PAGE_BEFORE_CRAWL = dt.timedelta(days=3)
"""A date written in a crawled page is its publication date when at most this long before the crawl (a
byline of the day before; not a date the story tells of)."""


def build_document(
    raw: RawItem, published: dt.date | None = None, *, languages: Collection[str] | None = ("en",)
) -> Document:
    """Normalize a raw item into a Document.

    The publication date is, in order: the item's own metadata (for a page: its meta tags and markup, its
    URL, a bare date in its text), the date in a dateline at the start of the text, a date written in a
    page's text (a guess: ``date_in_text``) where it is at most three days before the date an archive
    crawled the page, that crawl date, ``published`` (given by the caller for inputs that carry none), a
    date written in a page that was not crawled; else None, and relative dates stay unresolved. The
    document's own word comes first because one ``--published`` often covers a folder; its guesses last.

    A document judged to be in a language outside ``languages`` raises :class:`LanguageSkippedError`
    (``languages=None`` reads every language).
    """
    title = raw.get("title")
    url = raw.get("url")
    canonical = raw.get("canonical_url")
    outlet = raw.get("outlet")
    meta_published = raw.get("published")
    if raw.media_type == "text/html":
        article = extract_html(raw.content, raw.origin, url)
        body = article.text
        title = title or article.title
        canonical = canonical or article.url
        url = url or article.url
        outlet = outlet or article.site
        meta_published = meta_published or article.published
        text = normalize_text(f"{title}\n\n{body}" if title and not body.startswith(title) else body)
    else:
        text = normalize_text(raw.content)
    if not text:
        raise DocumentError("holds no text after normalization", where=raw.origin)
    language = detect_language(text)
    judged = language.code is not None and language.confidence >= MIN_CONFIDENCE
    if judged and language.code and languages is not None and language.code not in languages:
        raise LanguageSkippedError(
            f"skipped: written in {language_name(language.code)} ({language.code}, "
            f"confidence {language.confidence:.2f}), and eventwire reads "
            f"{', '.join(language_name(code) for code in sorted(languages))} only",
            where=raw.origin,
        )

    source: str | None = None
    date: dt.date | None = None
    dateline = read_dateline(text)
    if meta_published:
        date, source = parse_published(meta_published, raw.origin), "metadata"
    elif dateline and dateline.date:
        date, source = dateline.date, "dateline"
    else:
        # A date written in the page (a guess: a byline, or any date of the story) is taken where it is at
        # most three days before the archive crawled the page: news is crawled within days, and a later
        # date, or an earlier one, is more likely something the story tells of. Without a crawl it comes
        # after --published.
        crawled = parse_published(raw.get("crawled") or "", raw.origin) if raw.get("crawled") else None
        needed = raw.media_type == "text/html" and (crawled is not None or published is None)
        written = date_in_text(raw.content, text) if needed else None
        page = parse_published(written, raw.origin) if written else None
        if (
            crawled is not None
            and page is not None
            and dt.timedelta(0) <= crawled - page <= PAGE_BEFORE_CRAWL
        ):
            date, source = page, "page"
        elif crawled is not None:
            date, source = crawled, "crawled"
        elif published is not None:
            date, source = published, "given"
        elif page is not None:
            date, source = page, "page"
    return Document(
        id=raw.get("id") or content_id(text),
        text=text,
        title=normalize_text(title) if title else None,
        url=url,
        published=date,
        published_source=source,
        origin=raw.origin,
        language=language.code if judged else None,
        outlet=normalize_text(outlet) if outlet else None,
        canonical_url=canonical,
    )
