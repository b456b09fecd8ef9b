"""Bad input gets a clear error naming the input (and line); the other inputs are still read."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    EventwireError,
    MalformedInputError,
    TooLargeError,
    UnsupportedInputError,
)
from eventwire.models.document import RawItem
from eventwire.sources.files import read_inputs, read_path

ARTICLE = "KABUL, Afghanistan — A roadside bomb killed three soldiers in Helmand province on Monday."


def test_files_reads_text_html_json_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.json").write_text(f'{{"id": "c", "text": "{ARTICLE}", "published": "2024-01-02"}}')
    (tmp_path / "d.jsonl").write_text('{"id": "d1", "text": "one"}\n\n{"id": "d2", "text": "two"}\n')
    items = list(read_path(tmp_path))
    assert all(isinstance(i, RawItem) for i in items)
    media_types = [i.media_type for i in items if isinstance(i, RawItem)]
    assert media_types == ["text/plain", "text/html", "text/plain", "text/plain", "text/plain"]
    assert items[2].get("published") == "2024-01-02"  # type: ignore[union-attr]
    assert [i.get("id") for i in items[3:]] == ["d1", "d2"]  # type: ignore[union-attr]


def test_files_bad_inputs_name_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (tmp_path / "latin1.txt").write_bytes("Attaque à Gao: trois morts".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "ok", "text": "fine"}\n{"id": broken\n[1, 2]\n{"title": "x"}\n{"text": "cut short'
    )
    (tmp_path / "table.csv").write_text("a,b\n1,2\n")
    (tmp_path / "good.txt").write_text(ARTICLE)
    results = {str(getattr(r, "where", None) or r.origin): r for r in read_path(tmp_path)}  # type: ignore[union-attr]
    assert isinstance(results[str(tmp_path / "empty.txt")], EmptyInputError)
    assert isinstance(results[str(tmp_path / "binary.txt")], BinaryInputError)
    assert "PNG" in str(results[str(tmp_path / "image.txt")])
    assert isinstance(results[str(tmp_path / "latin1.txt")], EncodingError)
    assert isinstance(results[f"{tmp_path / 'lines.jsonl'}:2"], MalformedInputError)
    assert "JSON object" in str(results[f"{tmp_path / 'lines.jsonl'}:3"])
    assert "no 'text'" in str(results[f"{tmp_path / 'lines.jsonl'}:4"])
    assert "(Unterminated string starting at column 10)" in str(results[f"{tmp_path / 'lines.jsonl'}:5"])
    assert isinstance(results[f"{tmp_path / 'lines.jsonl'}:1"], RawItem)
    assert isinstance(results[str(tmp_path / "table.csv")], UnsupportedInputError)
    assert isinstance(results[str(tmp_path / "good.txt")], RawItem)


def test_files_encoding_option_reads_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Attaque à Gao".encode("latin-1"))
    (item,) = list(read_path(path, encoding="latin-1"))
    assert isinstance(item, RawItem) and item.content == "Attaque à Gao"


def test_files_too_large_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    (error,) = list(read_path(path))
    assert isinstance(error, TooLargeError)
    assert "huge.txt" in str(error) and "--max-bytes" in str(error)


def test_files_missing_path_is_an_error_not_an_exception() -> None:
    (error,) = list(read_inputs(["/nonexistent/article.txt"]))
    assert isinstance(error, EventwireError) and "does not exist" in str(error)
