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
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    MalformedInputError,
    SourceError,
    TooLargeError,
    UnsupportedInputError,
)
from eventwire.models.document import RawItem

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Larger than any news article; a bigger file is almost always the wrong file (a dump, an archive)."""

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES - {""})

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
_META_KEYS = ("id", "title", "url", "published")


Result = RawItem | SourceError


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


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


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
    return MalformedInputError(f"is not valid JSON ({err.msg} at column {err.colno})", where=where)


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


def read_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> Iterator[Result]:
    """Items from one whole input of a known kind (by its suffix)."""
    try:
        text = decode(data, name, encoding)
    except SourceError as err:
        yield err
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
    media = "text/html" if suffix in HTML_SUFFIXES or _looks_like_html(text) else "text/plain"
    yield RawItem(name, text, media)


def _walk(path: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_path(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None
) -> Iterator[Result]:
    """Items from a file or, recursively, a folder."""
    name = str(path)
    if path.is_dir():
        files = list(_walk(path))
        if not files:
            yield EmptyInputError("is an empty folder", where=name)
        for file in files:
            yield from read_path(file, max_bytes=max_bytes, encoding=encoding)
        return
    if not path.exists():
        yield SourceError("does not exist", where=name)
        return
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES:
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
    yield from read_bytes(data, name, suffix, encoding)


def read_stream(
    stream: BinaryIO,
    *,
    name: str = "<stdin>",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> Iterator[Result]:
    """Items from stdin: JSON Lines if it starts with ``{``, HTML if it looks like HTML, else text."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes and not data.lstrip().startswith(b"{"):
        yield TooLargeError(f"is over the limit of {max_bytes / 1e6:.1f} MB (see --max-bytes)", where=name)
        return
    if data.lstrip().startswith(b"{"):
        rest = stream.read()
        yield from read_jsonl_lines((data + rest).splitlines(), name, max_bytes, encoding)
        return
    yield from read_bytes(data, name, ".txt", encoding)


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> Iterator[Result]:
    """Items from every path given (``-`` is standard input), in order."""
    for path in paths:
        if path == "-":
            if stdin is None:
                yield SourceError("standard input is not available", where="<stdin>")
                continue
            yield from read_stream(stdin, max_bytes=max_bytes, encoding=encoding)
        else:
            yield from read_path(Path(path), max_bytes=max_bytes, encoding=encoding)
