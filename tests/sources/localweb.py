"""A real HTTP server on 127.0.0.1 (in a thread) serving canned routes, and real articles to serve.

Imported by the tests of this folder; they import the ``server`` fixture as ``local_server``."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

# A route answers (status, headers, body); it may sleep (a slow server) or count its calls.
Route = Callable[[], tuple[int, dict[str, str], bytes]]


def article(name: str) -> dict[str, str]:
    """A real article from the fixtures (title on its first line, then the body)."""
    data: dict[str, str] = json.loads((ARTICLES / name).read_text(encoding="utf-8"))
    return data


def article_page(name: str, *, outlet: str = "Sahel Wire", canonical: str | None = None) -> bytes:
    data = article(name)
    title, _, body = data["text"].partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | {outlet}</title>{link}"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{data.get("published", "2024-01-01")}T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© Sahel Wire. All rights reserved.</footer></body></html>"
    ).encode()


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    hits: list[tuple[float, str, str]] = field(default_factory=list)  # (time, path, user agent)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(name="server")
def local_server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    hits: list[tuple[float, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path)
            status, headers, body = route() if route else (404, {"Content-Type": "text/plain"}, b"not found")
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:  # keep pytest's output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, hits)
    finally:
        httpd.shutdown()
        httpd.server_close()
