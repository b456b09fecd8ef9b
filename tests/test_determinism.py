"""The same input gives the same events in every process, whatever Python's string hash salt.

Python salts the hash of every ``str`` per process (``PYTHONHASHSEED``), so a set of strings, or a dict
built from one, iterates in an order that changes from run to run. Code that lets that order decide
anything (the first of a set, a tie in ``sorted`` or ``max``) extracts or merges differently in two
runs of the same input: an ingest of MUC-4 texts once gave 279 events in one process and 278 in
another. Each test here ingests the same folder in two subprocesses with different seeds, into two
fresh databases, and compares the stored events.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ARTICLES, shared_path

SEEDS = ("1", "2")  # two salts known to order small sets of strings differently


def _run(seed: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        timeout=600,
        check=False,
    )


def _ingested_events(inputs: Path, db: Path, seed: str) -> list[str]:
    """The events an ingest of ``inputs`` into the fresh ``db`` stores, one JSON line each."""
    ingest = _run(seed, "ingest", "--db", str(db), str(inputs))
    assert ingest.returncode in (0, 1), ingest.stderr  # 1: some inputs failed, which is recorded
    listing = _run(seed, "events", "--db", str(db), "--format", "jsonl")
    assert listing.returncode == 0, listing.stderr
    return listing.stdout.splitlines()


def _first_difference(a: list[str], b: list[str]) -> str:
    for x, y in zip(a, b, strict=False):
        if x != y:
            left, right = json.loads(x), json.loads(y)
            fields = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
            return f"event {left.get('event_id')} / {right.get('event_id')} differs in {fields}"
    return f"{len(a)} events in one run, {len(b)} in the other"


def _assert_same_in_two_processes(inputs: Path, tmp_path: Path) -> None:
    runs = [_ingested_events(inputs, tmp_path / f"seed-{seed}.db", seed) for seed in SEEDS]
    assert runs[0], "the input should give events"
    assert runs[0] == runs[1], _first_difference(*runs)


@pytest.mark.slow
def test_determinism_ingest_of_the_fixture_articles(tmp_path: Path) -> None:
    _assert_same_in_two_processes(ARTICLES, tmp_path)


@pytest.mark.slow
@pytest.mark.shared
def test_determinism_ingest_of_muc4_texts(tmp_path: Path) -> None:
    # The first 400 MUC-4 train texts: wire copy in capitals, where sentences often carry triggers of
    # several event families at once (the tie that once made two runs differ).
    source = shared_path("benchmarks", "muc4", "full_templates", "train.jsonl")
    inputs = tmp_path / "in"
    inputs.mkdir()
    with source.open(encoding="utf-8") as lines:
        for _, line in zip(range(400), lines, strict=False):
            record = json.loads(line)
            (inputs / f"{record['docid']}.txt").write_text(record["text"], encoding="utf-8")
    _assert_same_in_two_processes(inputs, tmp_path)
