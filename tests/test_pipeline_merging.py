"""The dedup functions the pipeline hands to the store decide exactly as ``eventwire.dedup`` does."""

from __future__ import annotations

import dataclasses
import os
from typing import Any

import pytest

from eventwire.dedup import events as dedup_events
from eventwire.documents.build import build_document
from eventwire.pipeline import (
    FEW_DOCUMENTS,
    MAX_DEFAULT_WORKERS,
    dedup_functions,
    default_workers,
    workers_for,
)
from eventwire.sources.files import read_inputs
from support import ARTICLES


def test_pipeline_compare_remembers_features_and_decides_as_dedup(extractor: Any) -> None:
    found = []
    for item in read_inputs(sorted(str(p) for p in ARTICLES.glob("*.json"))):
        assert not isinstance(item, Exception), item
        found += extractor.run(build_document(item)).events
    assert len(found) >= 10
    dedup = dedup_functions()
    for _ in range(2):  # the second time from the features remembered
        for a in found:
            for b in found:
                assert dedup.compare_all(a, [b]) == [dedup_events.compare(a, b)]
    # an event changed into a new object is not taken for the one it was made from
    moved = dataclasses.replace(found[0], doc_id=found[1].doc_id)
    assert dedup.compare_all(moved, [found[1]]) == [dedup_events.compare(moved, found[1])]
    # compared with many at once, filed by the same features
    for a in found:
        assert dedup.compare_all(a, found) == [dedup_events.compare(a, b) for b in found]
        assert dedup.block_keys(a) == dedup_events.block_keys(a)


def test_pipeline_default_workers_are_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert default_workers() == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert default_workers() == MAX_DEFAULT_WORKERS
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert default_workers() == 1


def test_pipeline_a_few_inputs_are_read_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.errors import SourceError
    from eventwire.models.document import RawItem

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    few = [RawItem("a.txt", "Gunmen killed two people in Gao."), SourceError("unreadable", where="b.txt")]
    inputs, workers = workers_for(iter(few))
    assert workers == 1 and list(inputs) == few
    many = (RawItem(f"{n}.txt", f"Report {n}.") for n in range(FEW_DOCUMENTS + 5))
    inputs, workers = workers_for(many)
    assert workers == 2 and [item.origin for item in inputs] == [f"{n}.txt" for n in range(FEW_DOCUMENTS + 5)]


def test_pipeline_inputs_that_fail_while_counted_are_read_up_to_the_failure() -> None:
    from eventwire.errors import SourceError
    from eventwire.models.document import RawItem

    def failing() -> Any:
        yield RawItem("a.txt", "Gunmen killed two people in Gao.")
        raise SourceError("the feed went away", where="feed.xml")

    inputs, workers = workers_for(failing())
    assert workers == 1
    assert next(inputs).origin == "a.txt"
    with pytest.raises(SourceError):
        next(inputs)


def test_pipeline_fingerprint_is_the_documents_and_can_be_handed_over() -> None:
    from eventwire.dedup import documents as dedup_documents
    from eventwire.pipeline import DedupFunctions

    item = next(iter(read_inputs([str(sorted(ARTICLES.glob("*.json"))[0])])))
    assert not isinstance(item, Exception), item
    text = build_document(item).text
    reader, writer = DedupFunctions(), DedupFunctions()
    assert reader.remembered(text) is None
    fp = reader.fingerprint(text)
    assert fp == dedup_documents.fingerprint(text) and reader.remembered(text) == fp
    # As a worker's fingerprint reaches the writing process: the writer uses the value it is handed (one
    # it could not work out itself, to tell) and works out none.
    writer.remember(text, fp ^ 1)
    assert writer.fingerprint(text) == fp ^ 1
    # the keys of the last fingerprint are kept, each caller getting a list of its own
    keys = reader.lsh_keys(fp)
    assert keys == dedup_documents.lsh_keys(fp) and keys
    keys.clear()
    assert reader.lsh_keys(fp) == dedup_documents.lsh_keys(fp)
    assert reader.lsh_keys(fp ^ 1) == dedup_documents.lsh_keys(fp ^ 1)
