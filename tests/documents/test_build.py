from __future__ import annotations

import datetime as dt

from eventwire.documents.build import build_document
from eventwire.documents.dateline import read_dateline
from eventwire.documents.normalize import normalize_text
from eventwire.models.document import RawItem


def test_build_dateline_gives_the_publication_date() -> None:
    raw = RawItem("wire.txt", "LIMA, 10 JAN 90 (EFE) -- [TEXT] A BOMB EXPLODED YESTERDAY AT A BANK.")
    doc = build_document(raw)
    assert (doc.published, doc.published_source) == (dt.date(1990, 1, 10), "dateline")


def test_build_metadata_beats_dateline_beats_given_date() -> None:
    text = "LIMA, 10 JAN 90 (EFE) -- [TEXT] A BOMB EXPLODED."
    given = dt.date(2000, 1, 1)
    assert build_document(RawItem("a", text), given).published == dt.date(1990, 1, 10)
    assert build_document(RawItem("a", "A BOMB EXPLODED."), given).published == given
    meta = build_document(RawItem("a", text, meta=(("published", "2024-09-06T10:00:00Z"),)), given)
    assert (meta.published, meta.published_source) == (dt.date(2024, 9, 6), "metadata")


def test_build_no_date_anywhere_stays_none() -> None:
    doc = build_document(RawItem("a", "Gunmen attacked a village last week."))
    assert doc.published is None and doc.published_source is None


def test_build_html_keeps_the_article_and_drops_the_rest() -> None:
    html = (
        "<html><head><title>Blast in Kabul</title><script>alert('x')</script></head>"
        "<body><nav>Home | World</nav>"
        "<article><h1>Blast in Kabul</h1><p>A bomb exploded near a mosque in Kabul on Friday, killing four"
        " worshippers and wounding twelve others, police said.</p><p>No group claimed responsibility for the"
        " blast, which came days after a similar attack in the city.</p></article></body></html>"
    )
    doc = build_document(RawItem("page.html", html, "text/html"))
    assert "killing four worshippers" in doc.text
    assert "alert" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Blast in Kabul"


def test_normalize_repairs_mojibake_and_quotes() -> None:
    assert normalize_text("The militaryâ€™s â€œoperationâ€\x9d") == 'The military\'s "operation"'


def test_dateline_without_year_gives_no_date() -> None:
    dateline = read_dateline("BAGHDAD, Aug 29 (Reuters) - A car bomb exploded.")
    assert dateline is not None and dateline.place == "BAGHDAD" and dateline.date is None


def test_dateline_with_the_country_in_brackets() -> None:
    text = "SAN JOSE (COSTA RICA), 9 JUN 89 (ACAN-EFE) -- [TEXT] COSTA RICAN PRESIDENT OSCAR ARIAS SAID."
    dateline = read_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date) == ("SAN JOSE", dt.date(1989, 6, 9))
    assert text[dateline.end :].startswith("[TEXT]")
