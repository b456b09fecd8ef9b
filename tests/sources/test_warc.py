"""WARC and WARC.gz archives: HTML responses become items; the rest is skipped or refused by offset."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from localweb import article_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.errors import EncodingError, MalformedInputError, SkippedRecordError
from eventwire.models.document import RawItem
from eventwire.sources.files import read_inputs, read_path

# warcio's writer (used here only to build test archives) leaves its temporary buffer files to the GC
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def _write(writer: WARCWriter, record: Any) -> None:
    writer.write_record(record)
    for stream in (record.raw_stream, getattr(record, "_orig_stream", None)):
        if stream is not None:
            stream.close()  # warcio buffers records in temporary files that it leaves open


def _archive(path: Path, responses: list[tuple[str, str, str, bytes]], *, gzip: bool) -> Path:
    """(url, status line, content type, body) responses, each after its request, CC-NEWS style."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
        for url, status, content_type, body in responses:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            empty = io.BytesIO(b"")
            writer.write_record(
                writer.create_warc_record(url, "request", empty, length=0, http_headers=request)
            )
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path


RESPONSES = [
    ("https://news.example.org/borno", "200 OK", "text/html; charset=utf-8",
     article_page("01-borno-convoy-ambush.json")),
    ("https://news.example.org/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
    ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("https://news.example.org/mopti", "200 OK", "text/html; charset=iso-8859-1",
     article_page("04-mopti-villagers-killed.json").decode().replace("—", "-").encode("latin-1", "replace")),
    ("https://news.example.org/missing", "404 Not Found", "text/html", b"<html>not found</html>"),
]  # fmt: skip


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_become_items_and_the_rest_is_skipped(tmp_path: Path, gzip: bool) -> None:
    path = _archive(tmp_path / ("news.warc.gz" if gzip else "news.warc"), RESPONSES, gzip=gzip)
    borno, moved, logo, mopti, missing = list(read_inputs([str(path)]))
    assert isinstance(borno, RawItem) and borno.media_type == "text/html"
    assert borno.get("url") == "https://news.example.org/borno" and borno.get("crawled")
    assert borno.origin.startswith(f"{path}@") and "ambushed a Nigerian army convoy" in borno.content
    assert isinstance(moved, SkippedRecordError) and "301" in str(moved) and "/old" in str(moved)
    assert isinstance(logo, SkippedRecordError) and "image/png" in str(logo) and moved.skipped
    assert isinstance(mopti, RawItem) and "Mopti" in mopti.content  # decoded from its declared charset
    assert isinstance(missing, SkippedRecordError) and "404" in str(missing)
    assert len({item.where if not isinstance(item, RawItem) else item.origin for item in (borno, moved)}) == 2


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_truncated_archive_keeps_what_came_before(tmp_path: Path, gzip: bool) -> None:
    whole = _archive(tmp_path / "whole.warc", RESPONSES[:1] * 3, gzip=gzip).read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(whole[: len(whole) - 700])
    results = list(read_path(cut))
    items = [r for r in results if isinstance(r, RawItem)]
    errors = [r for r in results if isinstance(r, MalformedInputError)]
    assert len(items) == 2 and len(errors) == 1
    assert str(cut) in str(errors[0]) and "@" in (errors[0].where or "")
    assert "truncated" in str(errors[0]) or "damaged" in str(errors[0])


def test_warc_gzip_cut_in_its_last_member_trailer_is_noticed(tmp_path: Path) -> None:
    whole = _archive(tmp_path / "whole.warc.gz", RESPONSES[:1] * 2, gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:-5])  # the last record's content is whole; its gzip trailer is not
    *items, error = list(read_path(cut))
    assert len(items) == 2 and all(isinstance(item, RawItem) for item in items)
    assert (
        isinstance(error, MalformedInputError) and "truncated" in str(error) and "cut.warc.gz@" in str(error)
    )


def test_warc_many_records_read_without_false_alarms(tmp_path: Path) -> None:
    """Mid-archive, warcio may not yet have read a gzip member's trailer: that is no truncation."""
    path = _archive(tmp_path / "many.warc.gz", RESPONSES[:1] * 300, gzip=True)
    results = list(read_path(path))
    assert len(results) == 300 and all(isinstance(r, RawItem) for r in results)


def test_warc_garbage_and_empty_archives_are_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a web archive at all\n" * 20)
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    bad, nothing = list(read_inputs([str(garbage), str(empty)]))
    assert isinstance(bad, MalformedInputError) and "garbage.warc" in str(bad)
    assert isinstance(nothing, MalformedInputError) and "empty.warc.gz" in str(nothing)


def test_warc_page_in_the_wrong_charset_is_named(tmp_path: Path) -> None:
    body = ("<html><body><p>" + "Attaque à Gao: trois morts. " * 40 + "</p></body></html>").encode("latin-1")
    path = _archive(tmp_path / "a.warc.gz", [("https://x.example/a", "200 OK", "text/html; charset=utf-8",
                                                body)], gzip=True)  # fmt: skip
    (error,) = list(read_path(path))
    assert isinstance(error, EncodingError) and "utf-8" in str(error) and "https://x.example/a" in str(error)


def test_warc_record_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    big = b"<html><body>" + b"<p>words and words</p>" * 10_000 + b"</body></html>"
    path = _archive(
        tmp_path / "a.warc.gz", [("https://x.example/big", "200 OK", "text/html", big)], gzip=True
    )
    (error,) = list(read_path(path, max_bytes=50_000))
    assert "over the limit" in str(error) and "https://x.example/big" in str(error)


def test_warc_folder_mixing_archives_feeds_and_articles(tmp_path: Path) -> None:
    """One folder of every kind: each file is read by its own reader, in order."""
    _archive(tmp_path / "a-crawl.warc.gz", RESPONSES[:1], gzip=True)
    (tmp_path / "b-wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Raid</title>'
        "<description>Police raided a house in Lagos, killing two suspects.</description></item>"
        "</channel></rss>"
    )
    (tmp_path / "c-note.txt").write_text("Gunmen attacked a village last week.")
    results = list(read_inputs([str(tmp_path)]))
    assert [type(r).__name__ for r in results] == ["RawItem"] * 3
    assert [r.origin for r in results if isinstance(r, RawItem)] == [
        f"{tmp_path / 'a-crawl.warc.gz'}@{results[0].origin.rsplit('@', 1)[1]}",  # type: ignore[union-attr]
        f"{tmp_path / 'b-wire.rss'}#1",
        str(tmp_path / "c-note.txt"),
    ]
