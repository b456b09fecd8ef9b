"""WARC and WARC.gz web archives (e.g. Common Crawl's CC-NEWS) → one item per archived HTML page.

Response records with status 200 and an HTML (or plain text) body become items, named
``archive.warc.gz@OFFSET`` (the record's byte offset, as in a CDX index) and carrying the page's URL and
crawl date. Other responses are skipped with the reason recorded (:class:`SkippedRecordError`); requests,
metadata and warcinfo records are not pages and are passed over. A record cut short (a truncated
download) is an error naming its offset, and the records before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.errors import MalformedInputError, SkippedRecordError, SourceError, TooLargeError
from eventwire.models.document import RawItem
from eventwire.sources.base import DEFAULT_MAX_BYTES, Result, decode_web

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_READABLE = {"text/html": "text/html", "application/xhtml+xml": "text/html", "text/plain": "text/plain"}


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _truncated(record: Any) -> bool:
    """True if the record's bytes ended before its declared length.

    (A gzip member cut in its 8-byte trailer is noticed at the end of the archive instead: mid-archive,
    warcio may not have read a member's trailer yet when its content has been read.)
    """
    return bool(getattr(record.raw_stream, "limit", 0) > 0)


def read_warc_stream(
    stream: BinaryIO, name: str, *, size: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Result]:
    """Items from the records of one archive read from ``stream`` (``size``: its length, to notice
    a truncated end)."""
    arc = name.lower().endswith((".arc", ".arc.gz"))
    iterator = ArchiveIterator(stream, arc2warc=arc)
    seen = 0
    last_member: Any = None  # the gzip decompressor of the last record read, to check that it ended
    cut_short = False  # the last record was already reported as truncated
    try:
        for record in iterator:
            offset = iterator.offset  # (get_record_offset() would read the record to its end first)
            if not arc and record.format != "warc":
                yield MalformedInputError(
                    "is not a WARC archive (its records do not start with a WARC/1.x header)",
                    where=f"{name}@{offset}",
                )
                return
            seen += 1
            last_member = getattr(iterator.reader, "decompressor", None)
            result = _record(record, f"{name}@{offset}", max_bytes)
            cut_short = isinstance(result, MalformedInputError)
            if result is not None:
                yield result
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, TypeError) as err:
        # warcio reports a damaged record in several ways; whatever it says, name the offset
        where = f"{name}@{iterator.offset}"
        detail = str(err).strip().splitlines()[0][:160] if str(err).strip() else type(err).__name__
        yield MalformedInputError(
            f"is not a readable WARC record ({detail}); the archive is damaged or truncated here, "
            f"{seen} records were read before it",
            where=where,
        )
        return
    if seen == 0:
        yield MalformedInputError("holds no WARC records", where=name)
    elif last_member is not None and not getattr(last_member, "eof", True) and not cut_short:
        yield MalformedInputError(
            f"ends in the middle of a gzip member: the archive is truncated (after {seen} records)",
            where=f"{name}@{iterator.offset}",
        )
    elif size is not None and iterator.offset < size:
        yield MalformedInputError(
            f"ends with {size - iterator.offset:,} bytes that are not a complete WARC record "
            f"(truncated after {seen} records?)",
            where=f"{name}@{iterator.offset}",
        )


def _record(record: Any, where: str, max_bytes: int) -> Result | None:
    if record.rec_type not in {"response", "resource"}:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    label = f" ({url})" if url else ""
    status = 200
    content_type = record.rec_headers.get_header("Content-Type") or ""
    if record.http_headers is not None and record.rec_type == "response":
        code = str(record.http_headers.get_statuscode() or "")
        status = int(code) if code.isdigit() else 0
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "response":
        return SkippedRecordError(f"is a response without HTTP headers{label}: skipped", where=where)
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    if status != 200:
        return SkippedRecordError(f"has HTTP status {status}, not 200{label}: skipped", where=where)
    if media not in _READABLE:
        return SkippedRecordError(
            f"is {media or 'of no declared type'}, not HTML{label}: skipped", where=where
        )
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return TooLargeError(f"is over the limit of {max_bytes:,} bytes{label}", where=where)
    if _truncated(record):
        return MalformedInputError(
            f"is truncated: the record ends before its declared length{label}", where=where
        )
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    try:
        text = decode_web(data, f"{where}{label}", charset)
    except SourceError as err:
        err.where = where
        err.message = f"{err.message}{label}"
        return err
    meta = [("url", url)] if url else []
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        meta.append(("crawled", crawled))
    return RawItem(where, text, _READABLE[media], tuple(meta))


def read_warc(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Items from a .warc or .warc.gz file (records are streamed, never the whole archive in memory)."""
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield SourceError(f"cannot be read: {err.strerror or err}", where=name)
        return
    with handle:
        size = path.stat().st_size
        if size == 0:
            yield MalformedInputError("is empty: there are no WARC records", where=name)
            return
        yield from read_warc_stream(handle, name, size=size, max_bytes=max_bytes)
