"""Inputs passed over on purpose (not in English, archive records that are not HTML pages) are counted as
skipped, kept apart from errors, listed by `eventwire errors --skipped`, and leave the exit status 0."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.pipeline import RunReport, ingest
from eventwire.sources.files import read_inputs
from eventwire.store import open_store

# warcio's writer leaves its temporary buffer files to the GC
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

RAID = (
    "Gunmen killed seven villagers in an attack on Gajiram in Borno State on Tuesday, residents said. "
    "The attackers also burned several houses."
)
FRENCH = (
    "Des hommes armés ont attaqué dimanche un village du centre du Mali, tuant au moins douze civils, "
    "selon des sources locales et un responsable de la sécurité qui a requis l'anonymat. Les assaillants "
    "sont arrivés à moto et ont incendié des greniers avant de se retirer vers la frontière."
)
PAGE = f"<html><head><title>Gajiram attack</title></head><body><article><p>{RAID}</p></article></body></html>"


def _archive(path: Path) -> Path:
    """A small crawl: one article, a redirect and an image (the last two are skipped, not failed)."""
    responses = [
        ("https://news.example.org/gajiram", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example.org/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
        ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
        for url, status, content_type, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
        check=False,
    )


def test_pipeline_skipped_inputs_are_counted_apart_and_recorded(tmp_path: Path, extractor: Any) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "raid.txt").write_text(RAID, encoding="utf-8")
    (inputs / "mali-fr.txt").write_text(FRENCH, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    report = RunReport()
    failed: list[Any] = []
    with open_store(tmp_path / "e.db") as store:
        ingest(read_inputs([str(inputs)]), extractor, store, report=report, on_error=failed.append)
        assert (report.documents, report.skipped, report.errors) == (1, 1, 1)
        assert [f.where for f in failed] == [str(inputs / "empty.txt")], "skipped inputs are not errors"
        assert [s["origin"] for s in store.skipped()] == [str(inputs / "mali-fr.txt")]
        assert store.skipped()[0]["reason"] == "E021" and "French" in store.skipped()[0]["message"]
        assert [e["origin"] for e in store.errors()] == [str(inputs / "empty.txt")]
    assert "1 skipped" in report.summary() and "1 error" in report.summary()


@pytest.mark.usefixtures("cache_dir")
def test_pipeline_skipped_a_good_archive_exits_0_and_lists_what_it_skipped(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "crawl.warc.gz")
    (tmp_path / "mali-fr.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "e.db"
    done = run(
        "ingest", "--db", str(db), "--published", "2024-09-06", str(archive), str(tmp_path / "mali-fr.txt")
    )
    assert done.returncode == 0, done.stderr
    assert "1 document, 1 event" in done.stderr and "3 skipped" in done.stderr and "0 errors" in done.stderr
    assert "mali-fr.txt" not in done.stderr, "a skipped input is not reported as an error line"
    skipped = run("errors", "--db", str(db), "--skipped").stdout.splitlines()
    assert len(skipped) == 3
    assert any("301" in line and "[E018]" in line for line in skipped)
    assert any("image/png" in line for line in skipped)
    assert any("mali-fr.txt" in line and "French" in line and "[E021]" in line for line in skipped)
    assert run("errors", "--db", str(db)).stdout == ""
    # a failed input still makes the exit status 1
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    failed = run("ingest", "--db", str(db), str(tmp_path / "empty.txt"), str(tmp_path / "mali-fr.txt"))
    assert failed.returncode == 1 and "1 skipped" in failed.stderr and "1 error" in failed.stderr


def test_pipeline_skipped_fetch_options_reach_the_fetcher(tmp_path: Path) -> None:
    """--timeout, --retries, --delay and --user-agent are checked and passed on; a bad value is named."""
    bad = run("ingest", "--db", str(tmp_path / "e.db"), "--timeout", "0", "x.txt")
    assert bad.returncode == 2 and "--timeout" in bad.stderr
    bad = run("ingest", "--db", str(tmp_path / "e.db"), "--retries", "-1", "x.txt")
    assert bad.returncode == 2 and "--retries" in bad.stderr
    env = {**os.environ, "EVENTWIRE_HTTP_TIMEOUT": "soon"}
    broken = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "ingest", "--db", str(tmp_path / "e.db"), "x.txt"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert broken.returncode == 1 and "EVENTWIRE_HTTP_TIMEOUT='soon'" in broken.stderr
    helped = run("ingest", "--help").stdout
    for option in ("--user-agent", "--timeout", "--retries", "--delay", "--fetch-linked"):
        assert option in helped


@pytest.mark.usefixtures("cache_dir")
def test_pipeline_skipped_user_agent_option_is_sent(tmp_path: Path) -> None:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("User-Agent", ""))
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/gajiram"
        done = run(
            "ingest", "--db", str(tmp_path / "e.db"), "--published", "2024-09-06", "--user-agent",
            "ResearchBot/2.0 (+mailto:desk@example.org)", "--timeout", "5", "--retries", "0", "--delay", "0",
            url,
        )  # fmt: skip
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr
    assert seen and set(seen) == {"ResearchBot/2.0 (+mailto:desk@example.org)"}
