"""Read files, folders and standard input into :class:`RawItem` s; say clearly what is wrong with bad ones.

A source yields either a RawItem or a :class:`~eventwire.errors.SourceError` naming the input (and the line
of a JSON Lines file): one bad input never stops the others.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from eventwire.errors import (
    EmptyInputError,
    MalformedInputError,
    SourceError,
    TooLargeError,
    UnsupportedInputError,
)
from eventwire.models.document import RawItem
from eventwire.sources.base import (
    DEFAULT_MAX_BYTES,
    Result,
    decode,
    decode_web,
    is_feed,
    is_url,
    looks_like_html,
    url_lines,
)
from eventwire.sources.feeds import read_feed
from eventwire.sources.warc import is_warc, read_warc
from eventwire.sources.web import Fetcher, FetchSettings

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED", "Result", "decode", "read_inputs", "read_path", "read_stream"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
URL_SUFFIXES = {".urls"}
READABLE_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | URL_SUFFIXES
)
SUPPORTED = [*sorted(READABLE_SUFFIXES - {""}), ".warc", ".warc.gz"]
_META_KEYS = ("id", "title", "url", "published")
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"}


def _meta(obj: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((key, str(obj[key])) for key in _META_KEYS if obj.get(key) not in (None, ""))


def _from_json_object(obj: Any, where: str) -> RawItem:
    if not isinstance(obj, dict):
        raise MalformedInputError(
            f"expected a JSON object with a 'text' (or 'html') field, got {type(obj).__name__}", where=where
        )
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return RawItem(where, text, "text/plain", _meta(obj))
    if isinstance(html, str) and html.strip():
        return RawItem(where, html, "text/html", _meta(obj))
    if "text" in obj or "html" in obj:
        raise EmptyInputError("has an empty 'text' field", where=where)
    raise MalformedInputError(
        f"has no 'text' or 'html' field (fields: {', '.join(sorted(obj)) or 'none'})", where=where
    )


def _json_error(err: json.JSONDecodeError, where: str) -> MalformedInputError:
    # (some of json's messages end in "at" already: "Unterminated string starting at")
    problem = err.msg.removesuffix(" at")
    return MalformedInputError(f"is not valid JSON ({problem} at column {err.colno})", where=where)


def read_jsonl_lines(
    lines: Iterable[bytes], name: str, max_bytes: int, encoding: str | None
) -> Iterator[Result]:
    """One RawItem per JSON Lines record; a bad line is an error naming ``name:line`` and the rest go on."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        seen_any = True
        if len(raw) > max_bytes:
            yield TooLargeError(f"line is {len(raw):,} bytes, over the limit of {max_bytes:,}", where=where)
            continue
        try:
            text = decode(raw, where, encoding)
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            yield _json_error(err, where)
            continue
        except SourceError as err:
            yield err
            continue
        if isinstance(obj, dict) and "id" not in obj:
            obj = {**obj, "id": None}
        try:
            yield _from_json_object(obj, where)
        except SourceError as err:
            yield err
    if not seen_any:
        yield EmptyInputError("is empty: there are no JSON lines to read", where=name)


def read_bytes(
    data: bytes,
    name: str,
    suffix: str,
    encoding: str | None = None,
    *,
    fetcher: Fetcher | None = None,
    fetch_linked: bool = False,
) -> Iterator[Result]:
    """Items from one whole input of a known kind (by its suffix, or its content: a feed, a URL list)."""
    if suffix in FEED_SUFFIXES or (suffix in TEXT_SUFFIXES and is_feed(data)):
        yield from read_feed(data, name, fetcher=fetcher, fetch_linked=fetch_linked)
        return
    try:
        text = decode(data, name, encoding)
    except SourceError as err:
        yield err
        return
    urls = url_lines(text) if suffix in TEXT_SUFFIXES | URL_SUFFIXES else None
    if suffix in URL_SUFFIXES and urls is None:
        bad = next(
            (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not is_url(line)
        )
        yield MalformedInputError(
            f"is a URL list but line {bad[0]} is not an http(s) URL: {bad[1].strip()[:80]!r}", where=name
        )
        return
    if urls is not None:
        yield from read_url_list(urls, name, fetcher=fetcher, fetch_linked=fetch_linked)
        return
    if suffix in JSON_SUFFIXES:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            yield _json_error(err, name)
            return
        objects = obj if isinstance(obj, list) else [obj]
        for index, item in enumerate(objects):
            where = f"{name}[{index}]" if isinstance(obj, list) else name
            try:
                yield _from_json_object(item, where)
            except SourceError as err:
                yield err
        return
    media = "text/html" if suffix in HTML_SUFFIXES or looks_like_html(text) else "text/plain"
    yield RawItem(name, text, media)


def read_url(url: str, fetcher: Fetcher, *, fetch_linked: bool = False) -> Iterator[Result]:
    """Items from one URL: a page (HTML or text), or the entries of a feed."""
    try:
        page = fetcher.get(url)
    except SourceError as err:
        yield err
        return
    if page.content_type in _FEED_TYPES or is_feed(page.content):
        yield from read_feed(page.content, url, fetcher=fetcher, fetch_linked=fetch_linked)
        return
    if page.content_type and page.content_type not in _PAGE_TYPES:
        yield UnsupportedInputError(f"is {page.content_type}, not an HTML page, a text or a feed", where=url)
        return
    try:
        text = decode_web(page.content, url, page.charset)
    except SourceError as err:
        yield err
        return
    html = page.content_type != "text/plain" and (page.content_type != "" or looks_like_html(text))
    meta = (("url", page.final_url),)
    yield RawItem(url, text, "text/html" if html else "text/plain", meta)


def read_url_list(
    urls: Iterable[str], name: str, *, fetcher: Fetcher | None = None, fetch_linked: bool = False
) -> Iterator[Result]:
    """Items from every URL of a list (``name`` is the list, for error messages)."""
    if fetcher is None:
        with Fetcher() as own:
            yield from read_url_list(urls, name, fetcher=own, fetch_linked=fetch_linked)
        return
    for url in urls:
        for result in read_url(url, fetcher, fetch_linked=fetch_linked):
            if isinstance(result, SourceError) and name != url:
                result.message = f"{result.message} (listed in {name})"
            yield result


def _walk(path: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    fetcher: Fetcher | None = None,
    fetch_linked: bool = False,
) -> Iterator[Result]:
    """Items from a file or, recursively, a folder (feeds, archives and URL lists included)."""
    name = str(path)
    options: dict[str, Any] = {"fetcher": fetcher, "fetch_linked": fetch_linked}
    if path.is_dir():
        files = list(_walk(path))
        if not files:
            yield EmptyInputError("is an empty folder", where=name)
        for file in files:
            yield from read_path(file, max_bytes=max_bytes, encoding=encoding, **options)
        return
    if not path.exists():
        yield SourceError("does not exist", where=name)
        return
    if is_warc(path):
        yield from read_warc(path, max_bytes=max_bytes)
        return
    suffix = path.suffix.lower()
    if (
        suffix
        not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | URL_SUFFIXES
    ):
        yield UnsupportedInputError(
            f"has an unsupported type {suffix!r} (supported: {', '.join(SUPPORTED)})", where=name
        )
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from read_jsonl_lines(handle, name, max_bytes, encoding)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield TooLargeError(
                f"is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB for one document "
                "(raise it with --max-bytes, or split the file)",
                where=name,
            )
            return
        data = path.read_bytes()
    except OSError as err:
        yield SourceError(f"cannot be read: {err.strerror or err}", where=name)
        return
    yield from read_bytes(data, name, suffix, encoding, **options)


def read_stream(
    stream: BinaryIO,
    *,
    name: str = "<stdin>",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    fetcher: Fetcher | None = None,
    fetch_linked: bool = False,
) -> Iterator[Result]:
    """Items from stdin: JSON Lines if it starts with ``{``, a feed or a URL list if it is one, HTML if it
    looks like HTML, else text."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes and not data.lstrip().startswith(b"{"):
        yield TooLargeError(f"is over the limit of {max_bytes / 1e6:.1f} MB (see --max-bytes)", where=name)
        return
    if data.lstrip().startswith(b"{"):
        rest = stream.read()
        yield from read_jsonl_lines((data + rest).splitlines(), name, max_bytes, encoding)
        return
    yield from read_bytes(data, name, ".txt", encoding, fetcher=fetcher, fetch_linked=fetch_linked)


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    fetch: FetchSettings | None = None,
    fetch_linked: bool | None = None,
) -> Iterator[Result]:
    """Items from every input given, in order: files, folders, ``-`` (standard input), http(s) URLs of
    pages or feeds, feeds, WARC archives and URL lists.

    ``fetch`` says how to fetch over HTTP (default: :meth:`FetchSettings.from_env`, with ``max_bytes``);
    ``fetch_linked`` fetches the article each feed entry links to (default: ``EVENTWIRE_FETCH_LINKED=1``).
    One HTTP client serves the whole run, so the per-host delay holds across inputs.
    """
    settings = fetch or FetchSettings.from_env(max_bytes=max_bytes)
    linked = fetch_linked if fetch_linked is not None else os.environ.get("EVENTWIRE_FETCH_LINKED") == "1"
    with Fetcher(settings) as fetcher:
        for path in paths:
            if path == "-":
                if stdin is None:
                    yield SourceError("standard input is not available", where="<stdin>")
                    continue
                yield from read_stream(
                    stdin, max_bytes=max_bytes, encoding=encoding, fetcher=fetcher, fetch_linked=linked
                )
            elif is_url(path):
                yield from read_url(path.strip(), fetcher, fetch_linked=linked)
            else:
                yield from read_path(
                    Path(path), max_bytes=max_bytes, encoding=encoding, fetcher=fetcher, fetch_linked=linked
                )
