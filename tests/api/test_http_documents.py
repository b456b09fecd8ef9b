"""GET /api/documents/{id} and POST /api/documents (token, size limit, text / HTML / URL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from apihelpers import HOSTILE, TOKEN, assert_error, make_client
from fastapi.testclient import TestClient

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = (
    "MOGADISHU, Somalia — Al-Shabaab fighters killed four soldiers in an ambush near Afgooye on Monday, "
    "a military official said. Two other soldiers were wounded in the attack."
)
PAGE = (
    "<html><head><title>Ambush near Afgooye</title></head><body><nav>Home | World</nav><article>"
    f"<h1>Ambush near Afgooye</h1><p>{REPORT}</p></article><footer>© News</footer></body></html>"
)


def test_http_document_has_its_text_and_its_events(client: TestClient) -> None:
    doc = client.get("/api/documents/sample-borno-village-attack").json()
    assert "Borno" in doc["text"]
    assert doc["events"] and all(e.startswith("ev-") for e in doc["events"])
    event = client.get(f"/api/events/{doc['events'][0]}").json()["event"]
    assert event["doc_id"] == "sample-borno-village-attack"


def test_http_document_keeps_hostile_markup_as_text(client: TestClient) -> None:
    doc = client.get("/api/documents/hostile-markup-article").json()
    assert "<script>window.__pwned='script'</script>" in doc["text"]


def test_http_document_unknown_id_is_a_404(client: TestClient) -> None:
    assert_error(client.get("/api/documents/doc-nope"), 404, "doc-nope")


def test_http_post_text_ingests_and_returns_the_events(writer: TestClient) -> None:
    response = writer.post("/api/documents", json={"text": REPORT, "published": "2024-07-02"}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["new"] is True and body["events"]
    event = body["events"][0]
    assert event["country"] == "Somalia" and event["fatalities"]["best"] == 4
    assert event["event_date"] == "2024-07-01"
    stored = writer.get(f"/api/documents/{body['doc_id']}").json()
    assert stored["text"].startswith("MOGADISHU") and stored["events"]
    assert writer.get("/api/events").json()["total"] == len(body["events"])
    again = writer.post("/api/documents", json={"text": REPORT, "published": "2024-07-02"}, headers=AUTH)
    assert again.status_code == 200 and again.json()["new"] is False
    assert writer.get("/api/events").json()["total"] == len(body["events"])


def test_http_post_html_reads_the_article_not_the_page_chrome(writer: TestClient) -> None:
    body = writer.post("/api/documents", json={"html": PAGE, "published": "2024-07-02"}, headers=AUTH).json()
    doc = writer.get(f"/api/documents/{body['doc_id']}").json()
    assert "Afgooye" in doc["text"] and "Home | World" not in doc["text"]
    assert doc["title"] == "Ambush near Afgooye"
    assert body["events"][0]["fatalities"]["best"] == 4


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article":
            data = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        elif self.path == "/image":
            data = b"\x89PNG\r\n"
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
        else:
            data = b"gone"
            self.send_response(404)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_post_url_fetches_and_ingests_the_page(writer: TestClient, site: str) -> None:
    response = writer.post(
        "/api/documents", json={"url": f"{site}/article", "published": "2024-07-02"}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    doc = writer.get(f"/api/documents/{response.json()['doc_id']}").json()
    assert doc["url"] == f"{site}/article" and "Afgooye" in doc["text"]


@pytest.mark.parametrize(
    ("path", "status", "fragment"), [("/missing", 422, "HTTP 404"), ("/image", 422, "image/png")]
)
def test_http_post_url_that_is_not_an_article_is_refused(
    writer: TestClient, site: str, path: str, status: int, fragment: str
) -> None:
    assert_error(writer.post("/api/documents", json={"url": site + path}, headers=AUTH), status, fragment)


def test_http_post_needs_the_bearer_token(writer: TestClient) -> None:
    missing = assert_error(writer.post("/api/documents", json={"text": REPORT}), 401, "bearer token")
    assert missing["status"] == 401
    assert writer.post("/api/documents", json={"text": REPORT}).headers["www-authenticate"] == "Bearer"
    assert_error(
        writer.post("/api/documents", json={"text": REPORT}, headers={"Authorization": "Bearer wrong-token"}),
        401,
        "not valid",
    )
    assert_error(
        writer.post("/api/documents", json={"text": REPORT}, headers={"Authorization": f"Basic {TOKEN}"}),
        401,
        "Bearer",
    )
    assert writer.get("/api/events").json()["total"] == 0


def test_http_post_is_off_without_a_configured_token(client: TestClient) -> None:
    assert_error(
        client.post("/api/documents", json={"text": REPORT}, headers=AUTH), 403, "EVENTWIRE_API_TOKEN"
    )


def test_http_post_larger_than_the_limit_is_a_413(writer: TestClient) -> None:
    big = {"text": REPORT + " " + "More words follow here. " * 4000}
    assert_error(writer.post("/api/documents", json=big, headers=AUTH), 413, "64000 bytes")
    assert writer.get("/api/events").json()["total"] == 0


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "exactly one of text, html or url"),
        ({"text": REPORT, "url": "https://example.org/a"}, "exactly one"),
        ({"text": REPORT, "published": "last week"}, "published"),
        ({"text": REPORT, "colour": "red"}, "colour"),
        ({"url": "file:///etc/passwd"}, "http"),
        ({"url": "javascript:alert(1)"}, "http"),
        ({"text": "   \n  "}, "no text"),
    ],
)
def test_http_post_bad_bodies_get_a_clear_error(
    writer: TestClient, body: dict[str, Any], fragment: str
) -> None:
    response = writer.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code in (400, 422)
    assert_error(response, response.status_code, fragment)


def test_http_post_malformed_json_is_a_400(writer: TestClient) -> None:
    response = writer.post(
        "/api/documents", content=b'{"text": ', headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_error(response, 400, "JSON")


def test_http_post_hostile_article_is_stored_verbatim(tmp_path: Path, extractor: Any) -> None:
    import json

    article = json.loads(HOSTILE.read_text(encoding="utf-8"))
    with make_client(tmp_path / "h.db", extractor, token=TOKEN) as c:
        body = c.post(
            "/api/documents", json={"text": article["text"], "title": article["title"]}, headers=AUTH
        ).json()
        doc = c.get(f"/api/documents/{body['doc_id']}").json()
    assert "<svg onload=" in doc["text"] and doc["title"].startswith("<script>")
