"""`ingest` with extraction in worker processes stores exactly what one process stores, in the same order."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from eventwire.pipeline import RunReport, dedup_functions, ingest
from eventwire.sources.files import read_inputs
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.json"))

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="worker processes need fork here"
)


def _inputs(folder: Path) -> list[str]:
    """The fixture articles, one of them twice, a copy of another under a new id, and an empty file."""
    copy = json.loads(ARTICLES[3].read_text(encoding="utf-8"))
    copy["id"] = "wire-copy-of-" + ARTICLES[3].stem
    copy["url"] = "https://other.example.org/wire/" + ARTICLES[3].stem
    (folder / "copy.json").write_text(json.dumps(copy), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [*map(str, ARTICLES), str(ARTICLES[0]), str(folder / "copy.json"), str(folder / "empty.txt")]


def _run(db: Path, inputs: list[str], extractor: Any, workers: int) -> tuple[RunReport, list[Any], list[Any]]:
    report = RunReport()
    with open_store(db, dedup=dedup_functions()) as store:
        ingest(read_inputs(inputs), extractor, store, report=report, workers=workers)
        events = [e.to_dict() for e in store.events()]
        sources = [[d.id for d in store.event_sources(e["event_id"])] for e in events]
        return report, events, [*sources, store.errors()[0]["origin"]]


def test_pipeline_parallel_workers_store_what_one_process_stores(tmp_path: Path, extractor: Any) -> None:
    inputs = _inputs(tmp_path)
    one, one_events, one_sources = _run(tmp_path / "one.db", inputs, extractor, workers=1)
    two, two_events, two_sources = _run(tmp_path / "two.db", inputs, extractor, workers=2)
    assert one_events and one_events == two_events
    assert one_sources == two_sources
    counts = ("documents", "events", "merged", "known", "duplicates", "skipped", "errors")
    assert [getattr(one, c) for c in counts] == [getattr(two, c) for c in counts]
    assert (two.known, two.duplicates, two.errors) == (1, 1, 1)
    # run again: everything is stored already, and the workers say so without extracting anything
    again, again_events, _ = _run(tmp_path / "two.db", inputs, extractor, workers=2)
    assert (again.documents, again.events, again.known) == (0, 0, len(inputs) - 1)
    assert again_events == two_events


def test_pipeline_parallel_stores_what_one_process_stores_parsing_each_record_anew(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The writer keeps stored events parsed for merging, and the workers hand it the fingerprints they
    # worked out: with room for one parsed event only, merging reads the records again, to the same end.
    from eventwire.store import sql

    inputs = _inputs(tmp_path)
    _, kept_events, kept_sources = _run(tmp_path / "kept.db", inputs, extractor, workers=2)
    monkeypatch.setattr(sql, "PARSED_EVENTS", 1)
    _, anew_events, anew_sources = _run(tmp_path / "anew.db", inputs, extractor, workers=2)
    assert kept_events and kept_events == anew_events
    assert kept_sources == anew_sources


def test_pipeline_parallel_writer_takes_the_workers_fingerprints(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each worker works out the fingerprint of the document it read; the writing process uses it as
    # handed over and never works one out itself (the workers' calls happen in their own memory).
    from eventwire.dedup import documents

    calls: list[int] = []
    real = documents.fingerprint

    def counted(text: str) -> int:
        calls.append(1)
        return real(text)

    monkeypatch.setattr(documents, "fingerprint", counted)
    report, events, _ = _run(tmp_path / "fp.db", _inputs(tmp_path), extractor, workers=2)
    assert events and report.documents > 1
    assert calls == []


def _failures(db: Path, inputs: list[str], extractor: Any, workers: int) -> list[tuple[str, int]]:
    """Each failed input's file name and how many inputs were read before it failed."""
    report = RunReport()
    failed: list[tuple[str, int]] = []

    def note(err: Any) -> None:
        failed.append(((err.where or "").rsplit("/", 1)[-1], report.read - 1))

    with open_store(db, dedup=dedup_functions()) as store:
        ingest(read_inputs(inputs), extractor, store, report=report, workers=workers, on_error=note)
    return failed


def test_pipeline_parallel_hands_documents_over_in_chunks_in_input_order(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers take a few documents at a time; an input that fails before reaching them (a missing file)
    # cuts a chunk short, and every outcome is still written in input order, as one process writes it.
    import eventwire.pipeline

    inputs = _inputs(tmp_path)
    inputs[1:1] = [str(tmp_path / "missing-1.json")]
    inputs[4:4] = [str(tmp_path / "missing-2.json")]
    monkeypatch.setattr(eventwire.pipeline, "CHUNK", 2)
    one = _failures(tmp_path / "one.db", inputs, extractor, workers=1)
    two = _failures(tmp_path / "two.db", inputs, extractor, workers=2)
    assert one == two == [("missing-1.json", 1), ("missing-2.json", 4), ("empty.txt", len(inputs) - 1)]


def _held_back(items: list[Any], published: Any) -> list[Any]:
    """In a worker: the first article's chunk waits until a chunk far behind it has been worked on (or
    five seconds), and notes whether it was; every chunk notes that it was worked on."""
    import time

    import eventwire.pipeline

    marks = Path(items[0].origin).parent / "marks"
    marks.mkdir(exist_ok=True)
    name = Path(items[0].origin).name
    if name == ARTICLES[0].name:
        late = marks / ARTICLES[7].name
        deadline = time.monotonic() + 5
        while not late.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        (marks / "went-ahead").write_text(str(late.exists()), encoding="utf-8")
    (marks / name).write_text("", encoding="utf-8")
    return [eventwire.pipeline._work(item, published) for item in items]


def test_pipeline_parallel_a_slow_document_does_not_hold_the_workers_back(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Outcomes are written in input order, so the chunks after a slow one wait to be written; the other
    # workers go on with the chunks after them meanwhile (more than 2 per worker), and what is written
    # is what one process writes.
    import shutil

    import eventwire.pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    copied = [str(shutil.copy(path, folder / path.name)) for path in ARTICLES[:10]]
    inputs = [*copied, str(folder / "empty.txt")]
    monkeypatch.setattr(eventwire.pipeline, "CHUNK", 1)
    _, one_events, one_sources = _run(tmp_path / "one.db", inputs, extractor, workers=1)
    monkeypatch.setattr(eventwire.pipeline, "_work_chunk", _held_back)
    _, two_events, two_sources = _run(tmp_path / "two.db", inputs, extractor, workers=2)
    assert (folder / "marks" / "went-ahead").read_text(encoding="utf-8") == "True"
    assert one_events and one_events == two_events
    assert one_sources == two_sources
