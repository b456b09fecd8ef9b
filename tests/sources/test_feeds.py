"""RSS and Atom feeds, as files, sniffed content or URLs; malformed feeds named with the line."""

from __future__ import annotations

from pathlib import Path

from localweb import Server, article, article_page, local_server  # noqa: F401 (the server fixture)

from eventwire.errors import FetchError, MalformedInputError
from eventwire.models.document import RawItem
from eventwire.sources.files import read_inputs, read_path
from eventwire.sources.web import FetchSettings

FAST = FetchSettings(timeout=2.0, retries=0, backoff=0.0, host_delay=0.0)


def _rss(*entries: tuple[str, str, str, str]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description><![CDATA[{summary}]]></description></item>"
        for title, link, date, summary in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sahel Wire</title>'
        f"<link>https://sahel.example.org/</link><description>News</description>{items}</channel></rss>"
    )


def _paragraphs(name: str) -> list[str]:
    return article(name)["text"].split("\n\n")


def test_feeds_rss_entries_become_items_with_their_metadata(tmp_path: Path) -> None:
    mopti, kano = (
        _paragraphs("04-mopti-villagers-killed.json"),
        _paragraphs("09-kano-riot-no-publication-date.json"),
    )
    path = tmp_path / "sahel.rss"
    path.write_text(_rss(
        (mopti[0], "https://sahel.example.org/mopti", "Tue, 12 Mar 2024 09:30:00 GMT",
         "".join(f"<p>{p}</p>" for p in mopti[1:])),
        (kano[0], "https://sahel.example.org/kano", "", f"<p>{kano[1]}</p>"),
    ), encoding="utf-8")  # fmt: skip
    first, second = list(read_path(path))
    assert isinstance(first, RawItem) and first.origin == f"{path}#1"
    assert first.get("title") == mopti[0] and first.get("url") == "https://sahel.example.org/mopti"
    assert first.get("published") == "2024-03-12T09:30:00Z" and first.get("outlet") == "Sahel Wire"
    assert first.media_type == "text/html" and mopti[1][:40] in first.content
    assert isinstance(second, RawItem) and second.get("published") is None


def test_feeds_atom_file_and_a_feed_sniffed_from_its_content(tmp_path: Path) -> None:
    body = _paragraphs("05-kandahar-roadside-bomb.json")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Kabul Desk</title>"
        "<id>urn:x</id><updated>2024-05-02T10:00:00Z</updated><entry><title>Roadside bomb</title>"
        '<link href="https://kabul.example.org/a1"/><id>urn:a1</id><updated>2024-05-02T10:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;{body[1]}&lt;/p&gt;</content></entry></feed>'
    )
    for name in ("desk.atom", "desk.txt"):  # a .txt file whose content is a feed is read as one
        (tmp_path / name).write_text(atom, encoding="utf-8")
        (item,) = list(read_path(tmp_path / name))
        assert isinstance(item, RawItem) and item.get("url") == "https://kabul.example.org/a1"
        assert item.get("published") == "2024-05-02T10:00:00Z" and body[1][:30] in item.content


def test_feeds_malformed_xml_names_the_feed_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>X</title>\n'
                    "<item><title>One</title><description>Gunmen attacked a bus.</description></item>\n"
                    "<item><title>Two</title><description>unclosed <b></description>\n")  # fmt: skip
    results = list(read_path(path))
    errors = [r for r in results if isinstance(r, MalformedInputError)]
    assert len(errors) == 1 and "broken.xml" in str(errors[0]) and "line" in str(errors[0])
    assert any(isinstance(r, RawItem) and "Gunmen attacked a bus" in r.content for r in results)

    junk = tmp_path / "junk.rss"
    junk.write_text("this is { not a feed")
    (error,) = list(read_path(junk))
    assert isinstance(error, MalformedInputError) and "not a readable RSS or Atom feed" in str(error)


def test_feeds_hostile_markup_is_sanitized(tmp_path: Path) -> None:
    path = tmp_path / "hostile.rss"
    path.write_text(_rss(("Raid", "https://x.example/r", "",
                          "<script>steal()</script><p onclick='x()'>Police raided a house in Lagos.</p>"
                          "<iframe src='https://evil.example'></iframe>")))  # fmt: skip
    (item,) = list(read_path(path))
    assert isinstance(item, RawItem) and "Police raided a house" in item.content
    assert "steal()" not in item.content and "onclick" not in item.content and "iframe" not in item.content


def test_feeds_feed_url_with_linked_articles_fetched(server: Server) -> None:
    feed = _rss(
        ("Ambush near Gwoza", server.url("/borno"), "Tue, 12 Mar 2024 09:30:00 GMT", "Short summary only."),
        ("Gone", server.url("/gone"), "", "Soldiers were killed in an attack, officials said."),
    )
    server.routes["/feed"] = lambda: (200, {"Content-Type": "application/rss+xml"}, feed.encode())
    server.routes["/borno"] = lambda: (
        200,
        {"Content-Type": "text/html"},
        article_page("01-borno-convoy-ambush.json"),
    )
    plain = list(read_inputs([server.url("/feed")], fetch=FAST, fetch_linked=False))
    assert next(r.content for r in plain if isinstance(r, RawItem)) == "Short summary only."
    full = list(read_inputs([server.url("/feed")], fetch=FAST, fetch_linked=True))
    borno, gone_error, gone_summary = full
    assert isinstance(borno, RawItem) and "ambushed a Nigerian army convoy" in borno.content
    assert borno.get("title") == "Ambush near Gwoza"
    assert (
        isinstance(gone_error, FetchError)
        and "404" in str(gone_error)
        and "summary is used" in str(gone_error)
    )
    assert isinstance(gone_summary, RawItem) and "Soldiers were killed" in gone_summary.content
