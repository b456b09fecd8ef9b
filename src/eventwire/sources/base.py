"""What every source shares: the result type, byte → text decoding that refuses binary data, and sniffing
what kind of input a blob of bytes is (a feed, an HTML page, a list of URLs, plain text)."""

from __future__ import annotations

import re

from eventwire.errors import BinaryInputError, EmptyInputError, EncodingError, SourceError
from eventwire.models.document import RawItem

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Larger than any news article; a bigger file is almost always the wrong file (a dump, an archive)."""

Result = RawItem | SourceError
"""A source yields, in input order, an item it read or an error naming the input it could not read."""

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(?:rss|feed|RDF)[\s>/]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_URL_LINE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Bytes → text, refusing binary data and text that is not in the expected encoding."""
    if not data.strip():
        raise EmptyInputError("is empty: there is no text to read", where=where)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"is {what}, not text", where=where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise BinaryInputError("is binary data (it contains NUL bytes), not text", where=where)
    try:
        return data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as err:
        raise EncodingError(
            f"is not valid {encoding or 'UTF-8'} text "
            f"(byte {err.start}: {data[err.start : err.start + 1]!r}); "
            "re-encode it as UTF-8 or name its encoding with --encoding (e.g. --encoding latin-1)",
            where=where,
        ) from None
    except LookupError:
        raise EncodingError(f"unknown encoding {encoding!r}", where=where) from None


def decode_web(data: bytes, where: str, charset: str | None = None, *, tolerance: float = 0.001) -> str:
    """Bytes of a page from the web → text, in the charset the server declared, else the one the page
    declares in a ``<meta>`` tag, else UTF-8.

    Pages in the wild often hold a stray byte that is not valid in their charset; a few such bytes
    (at most ``tolerance`` of the page) become U+FFFD, more mean the page is not in that charset at all
    and it is refused naming the charset.
    """
    if not data.strip():
        raise EmptyInputError("is empty: there is no text to read", where=where)
    if charset is None:
        match = _CHARSET.search(data[:4096])
        charset = match.group(1).decode("ascii") if match else None
    name = (charset or "utf-8").strip().lower()
    if name in {"utf-8", "utf8"}:
        name = "utf-8-sig"
    try:
        strict = data.decode(name)
    except LookupError:
        raise EncodingError(f"declares an unknown charset {charset!r}", where=where) from None
    except UnicodeDecodeError as err:
        text = data.decode(name, errors="replace")
        bad = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")
        if bad > max(3, tolerance * len(data)):
            raise EncodingError(
                f"is not valid {charset or 'UTF-8'} text ({bad} invalid bytes, "
                f"the first at byte {err.start}: {data[err.start : err.start + 1]!r})",
                where=where,
            ) from None
        return text
    if "\x00" in strict[:8192]:
        raise BinaryInputError("is binary data (it contains NUL bytes), not text", where=where)
    return strict


def is_feed(data: bytes) -> bool:
    """True if the bytes are an RSS, RDF or Atom feed (judged from the root element)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_ROOT.search(head[:512]):
        return False
    return bool(_FEED_ROOT.search(head))


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def url_lines(text: str) -> list[str] | None:
    """The URLs of a text that is a list of URLs (one per line; blank lines and ``#`` comments allowed),
    else None."""
    urls = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not _URL_LINE.match(line):
            return None
        urls.append(line)
    return urls or None


def is_url(value: str) -> bool:
    return bool(_URL_LINE.match(value.strip()))
