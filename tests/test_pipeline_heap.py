"""`ingest` keeps what was loaded before it out of the garbage collector's sight while it runs."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from eventwire.pipeline import RunReport, dedup_functions, ingest
from eventwire.sources.files import read_inputs
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.json"))[0]


def _ingest(db: Path, extractor: Any, frozen: list[int]) -> RunReport:
    with open_store(db, dedup=dedup_functions()) as store:
        return ingest(
            read_inputs([str(ARTICLE)]),
            extractor,
            store,
            progress=lambda report: frozen.append(gc.get_freeze_count()),
        )


def test_pipeline_ingest_freezes_the_loaded_heap_while_it_runs(tmp_path: Path, extractor: Any) -> None:
    if gc.get_freeze_count():
        pytest.skip("an earlier test left objects frozen")
    during: list[int] = []
    report = _ingest(tmp_path / "one.db", extractor, during)
    assert report.documents == 1
    assert during and during[0] > 0  # the extractor's objects, among others
    assert gc.get_freeze_count() == 0  # given back to the collector afterwards


def test_pipeline_ingest_leaves_a_process_that_froze_its_heap_as_it_is(
    tmp_path: Path, extractor: Any
) -> None:
    # (the API server freezes its heap once started and unfreezes it when it stops)
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        during: list[int] = []
        _ingest(tmp_path / "one.db", extractor, during)
        # neither frozen again (more objects) nor unfrozen (none); a few frozen objects may be freed meanwhile
        assert len(during) == 1 and 0.99 * before < during[0] <= before
        assert 0.99 * before < gc.get_freeze_count() <= before
    finally:
        gc.unfreeze()
