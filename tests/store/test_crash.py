"""Never lose, never double: `eventwire ingest` killed with SIGKILL mid-run leaves whole documents only,
and the next run picks up where it stopped, ending with exactly what one uninterrupted run stores."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.json"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture articles, each paragraph a document of its own: enough real text (about a hundred
    documents) that a run is still going some seconds after its first commit."""
    path = tmp_path_factory.mktemp("inputs") / "paragraphs.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in ARTICLES:
            record = json.loads(article.read_text(encoding="utf-8"))
            paragraphs = [p.strip() for p in record["text"].split("\n\n") if len(p.strip()) >= 80]
            for n, paragraph in enumerate(paragraphs):
                line = {"id": f"{record['id']}-{n}", "published": record.get("published"), "text": paragraph}
                out.write(json.dumps(line) + "\n")
    return path


def ingest(target: str, log: Path, inputs: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "eventwire.cli", "ingest", "--db", target, str(inputs)],
            stdout=subprocess.DEVNULL, stderr=err, env={**os.environ},
        )  # fmt: skip


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path, inputs: Path) -> str:
    """What one uninterrupted run stores."""
    folder = tmp_path_factory.mktemp("reference")
    target = str(folder / "reference.db")
    done = ingest(target, folder / "log", inputs)
    assert done.wait(timeout=300) == 0, (folder / "log").read_text()
    return target


def stored_documents(target: str) -> int:
    url = make_url(target).set(drivername="postgresql+psycopg") if "://" in target else f"sqlite:///{target}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    except Exception:  # the schema is not there yet
        return 0
    finally:
        engine.dispose()


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux; none elsewhere)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def snapshot(target: str) -> tuple[dict[str, list[str]], list[dict[str, object]]]:
    """Every stored document with the ids of its events, and every event record."""
    with open_store(target) as store:
        events = [e.to_dict() for e in store.events()]
        docs: dict[str, list[str]] = {}
        for ev in store.events():
            for doc in store.event_sources(ev.event_id):
                docs[doc.id] = doc.events
        return docs, events


@pytest.mark.slow
@pytest.mark.usefixtures("cache_dir")
def test_store_ingest_killed_mid_run_loses_and_doubles_nothing(
    target: str, reference: str, inputs: Path, tmp_path: Path
) -> None:
    expected_docs, expected_events = snapshot(reference)
    total = stored_documents(reference)
    assert total >= 25

    run = ingest(target, tmp_path / "killed.log", inputs)
    deadline = time.monotonic() + 240
    # Documents are committed together, a fifth of a second's worth at a time: kill after the first.
    while stored_documents(target) < 1 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if run.poll() is not None:
        pytest.fail("the ingest finished before it could be killed: give it more inputs")
    workers = children(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL
    gone = time.monotonic() + 10  # the extraction workers leave once they see their parent is gone
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < gone:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers outlived their parent"
    partial = stored_documents(target)
    assert 1 <= partial < total

    docs, _ = snapshot(target)
    for doc_id, event_ids in docs.items():  # each stored document has all of its events, no fewer
        assert event_ids == expected_docs[doc_id], doc_id

    resumed = ingest(target, tmp_path / "resumed.log", inputs)
    assert resumed.wait(timeout=300) == 0
    summary = (tmp_path / "resumed.log").read_text(encoding="utf-8")
    assert f"{partial} already stored" in summary
    assert stored_documents(target) == total
    assert snapshot(target) == (expected_docs, expected_events)
