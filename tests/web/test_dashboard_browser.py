"""The dashboard in a real browser: Debian's chromium, headless, driven by npm's playwright-core.

`eventwire serve` runs on a store seeded from the sample articles and an article full of hostile markup;
tests/web/dashboard.mjs loads /, filters by country, opens an event, checks its highlighted evidence and
that no markup from the article ran, and writes screenshots into this test's tmp folder (and into
$EVENTWIRE_SCREENSHOT_DIR when set). `make test` installs chromium and playwright-core first.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PLAYWRIGHT = Path(
    os.environ.get("EVENTWIRE_PLAYWRIGHT_CORE", ROOT / ".venv/node/node_modules/playwright-core")
)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium(tmp: Path) -> tuple[str, str]:
    """Node and a chromium that starts, or a skip that says what is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (make web-test-deps installs it): the browser test cannot run")
    if not (PLAYWRIGHT / "package.json").exists():
        pytest.skip(f"playwright-core is not in {PLAYWRIGHT} (make web-test-deps installs it)")
    chromium = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed (make web-test-deps installs it)")
    probe = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'probe-profile'}", "--dump-dom", "about:blank"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if probe.returncode != 0 or "<html" not in probe.stdout:
        pytest.skip(f"chromium cannot start here (exit {probe.returncode}): {probe.stderr.strip()[-400:]}")
    return node, chromium


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def seeded(tmp_path: Path, extractor: Any) -> Path:
    from eventwire.errors import EventwireError
    from eventwire.pipeline import process
    from eventwire.sources.files import read_inputs
    from eventwire.store import open_store

    db = tmp_path / "dashboard.db"
    inputs = [str(ROOT / "examples" / "articles"), str(HERE / "hostile-article.json")]
    with open_store(db) as store:
        for outcome in process(read_inputs(inputs), extractor):
            assert not isinstance(outcome, EventwireError), outcome
            store.write(outcome.document, outcome.events)
    return db


@pytest.fixture
def server(seeded: Path, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "EVENTWIRE_API_TOKEN": ""}
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(seeded), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"eventwire serve did not start: {(tmp_path / 'serve.log').read_text()}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def _expectations(base: str) -> dict[str, Any]:
    """What the page must show, read from the API of the same server."""

    def get(path: str, **params: Any) -> Any:
        return httpx.get(f"{base}{path}", params=params, timeout=10).json()

    events = get("/api/events", limit=500)["items"]
    country = "Nigeria"
    in_country = [e for e in events if e["country"] == country]
    chosen = next(e for e in in_country if e["doc_id"] == "sample-borno-village-attack")
    detail = get(f"/api/events/{chosen['event_id']}")
    field = next(ev for ev in detail["evidence"] if ev["field"] != "sentence")
    return {
        "total": len(events),
        "located": sum(e["latitude"] is not None for e in events),
        "dated": sum(e["event_date"] is not None for e in events),
        "country": country,
        "countryEvents": len(in_country),
        "countryLocated": sum(e["latitude"] is not None for e in in_country),
        "countryDated": sum(e["event_date"] is not None for e in in_country),
        "rowText": chosen["location"],
        "evidence": field["text"],
        "hostileQuery": "buried",
    }


@pytest.mark.slow
def test_dashboard_filters_and_shows_evidence_in_chromium(server: str, tmp_path: Path) -> None:
    node, chromium = _chromium(tmp_path)
    expect = _expectations(server)
    assert expect["total"] >= 5 and expect["countryEvents"] == 2
    out = tmp_path / "browser"
    out.mkdir()
    run = subprocess.run(
        [node, str(HERE / "dashboard.mjs"), server, str(out), chromium, str(PLAYWRIGHT), json.dumps(expect)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads((out / "report.json").read_text()) if (out / "report.json").exists() else None
    assert run.returncode == 0, f"{run.stdout[-4000:]}\n{run.stderr[-4000:]}"
    assert report is not None and report["problems"] == []
    assert all(step["ok"] for step in report["steps"]) and len(report["steps"]) >= 15
    for name in ("dashboard.png", "event.png", "hostile.png"):
        assert (out / name).stat().st_size > 20_000, name
    keep = os.environ.get("EVENTWIRE_SCREENSHOT_DIR")
    if keep:
        for name in ("dashboard.png", "event.png"):
            shutil.copy(out / name, Path(keep) / name)
