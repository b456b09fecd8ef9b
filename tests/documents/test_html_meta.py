"""HTML metadata (outlet, canonical URL, date) reaches the Document; fragments and hostile markup."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.documents.build import build_document
from eventwire.documents.html import extract_html
from eventwire.errors import DocumentError
from eventwire.models.document import RawItem

BODY = (
    "<p>A bomb exploded near a mosque in Kabul on Friday, killing four worshippers and wounding twelve "
    "others, police said.</p><p>No group claimed responsibility for the blast, which came days after a "
    "similar attack in the city.</p>"
)


def test_html_outlet_canonical_url_and_date_reach_the_document() -> None:
    page = (
        "<html><head><title>Blast in Kabul | Kabul Desk</title>"
        '<link rel="canonical" href="https://kabuldesk.example.org/2024/blast">'
        '<meta property="og:site_name" content="Kabul Desk">'
        '<meta property="article:published_time" content="2024-03-01T10:00:00Z"></head>'
        f"<body><article><h1>Blast in Kabul</h1>{BODY}</article></body></html>"
    )
    raw = RawItem(
        "a.warc.gz@12", page, "text/html", (("url", "https://kabuldesk.example.org/2024/blast?utm=x"),)
    )
    doc = build_document(raw)
    assert doc.outlet == "Kabul Desk" and doc.canonical_url == "https://kabuldesk.example.org/2024/blast"
    assert doc.url == "https://kabuldesk.example.org/2024/blast?utm=x"
    assert (doc.published, doc.published_source) == (dt.date(2024, 3, 1), "metadata")
    assert doc.text[doc.text.index("killing") :].startswith("killing four worshippers")


def test_html_outlet_falls_back_to_the_host_and_crawl_date() -> None:
    page = f"<html><body><article>{BODY}</article></body></html>"
    meta = (("url", "https://www.wire.example.com/x"), ("crawled", "2024-05-06T07:08:09Z"))
    raw = RawItem("a.warc@0", page, "text/html", meta)
    doc = build_document(raw)
    assert doc.outlet == "wire.example.com" and doc.canonical_url is None
    assert (doc.published, doc.published_source) == (dt.date(2024, 5, 6), "crawled")


def test_html_fragment_of_a_feed_summary_gives_its_text() -> None:
    doc = build_document(
        RawItem("feed.rss#1", "<p>Gunmen killed two people in Gao on Monday.</p>", "text/html")
    )
    assert doc.text == "Gunmen killed two people in Gao on Monday."


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000 + "</body></html>",
        "<html><body><script>" + "x" * 100_000 + "</script><style>p{}</style></body></html>",
        "<html><body><p title='" + "a" * 200_000 + "'></p></body></html>",
    ],
    ids=["deep-nesting", "only-script", "huge-attribute"],
)
def test_html_hostile_markup_is_a_clear_error(page: str) -> None:
    with pytest.raises(DocumentError) as caught:
        extract_html(page, "hostile.html")
    assert "hostile.html" in str(caught.value)


def test_html_settings_built_once_read_as_trafilatura_defaults() -> None:
    # extract_html builds trafilatura's settings once a day: the same page, the same result as the
    # settings trafilatura builds from its keyword arguments on every call.
    import trafilatura

    page = (
        "<html><head><title>Blast in Kabul</title>"
        '<meta property="og:site_name" content="Kabul Desk"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Blast in Kabul</h1>{BODY}</article>"
        "<footer><p>Copyright. All rights reserved.</p></footer></body></html>"
    )
    expected = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
        deduplicate=False,
    )  # fmt: skip
    assert expected is not None
    data = expected if isinstance(expected, dict) else expected.as_dict()
    for _ in range(2):
        article = extract_html(page, "kabul.html")
        assert article.text == data["text"].strip()
        assert (article.title, article.site) == (data["title"], data["sitename"])


def test_html_date_written_in_the_page_text_dates_a_page_nothing_else_dates() -> None:
    # No date in the page's metadata: htmldate's extensive search reads it from the text ("3:45 p.m. ET"
    # goes to its fallback parser, which eventwire sets to read English only). It is a guess: it dates a
    # crawled page only when at most three days before the crawl, comes after --published otherwise, and a
    # year alone (a copyright line) dates nothing.
    from htmldate import extractors

    from eventwire.documents import html

    def page(line: str) -> str:
        return (
            "<html><head><title>Blast in Kabul</title></head><body><article><h1>Blast in Kabul</h1>"
            f"<p>{line}</p>{BODY}</article></body></html>"
        )

    written = page("Jan. 5, 2024, 3:45 p.m. ET")
    assert extractors.get_external_parser is html._english_date_parser
    assert extract_html(written, "kabul.html").published is None  # not the page's metadata
    doc = build_document(RawItem("kabul.html", written, "text/html"))
    assert (doc.published, doc.published_source) == (dt.date(2024, 1, 5), "page")
    given = build_document(RawItem("kabul.html", written, "text/html"), dt.date(2024, 2, 1))
    assert (given.published, given.published_source) == (dt.date(2024, 2, 1), "given")
    for crawl, expected in (("2024-01-07", (dt.date(2024, 1, 5), "page")), ("2024-01-20", None)):
        meta = (("crawled", f"{crawl}T07:00:00Z"),)
        crawled = build_document(RawItem("a.warc@1", written, "text/html", meta))
        got = (crawled.published, crawled.published_source)
        assert got == (expected or (dt.date.fromisoformat(crawl), "crawled"))
    copyright_only = build_document(RawItem("c.html", page("&copy; 2021 Kabul Desk"), "text/html"))
    assert (copyright_only.published, copyright_only.published_source) == (None, None)
    first = page("Published 1 January 2024")
    assert html.date_in_text(first, "Published 1 January 2024") == "2024-01-01"
    # a first of January in a script or a link is not the page's words
    scripted = page("&copy; 2021 Kabul Desk") + "<script>var archive = '2019-01-01';</script>"
    assert html.date_in_text(scripted, "(c) 2021 Kabul Desk") is None
    assert html._english_date_parser().get_date_data("10 de mayo de 2021")["date_obj"] is None
