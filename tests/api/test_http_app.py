"""The application around the routes: error envelope, OpenAPI and docs without a CDN, CORS, headers."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from apihelpers import assert_error, make_client
from fastapi.testclient import TestClient


def test_http_unknown_path_and_method_use_the_error_envelope(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "/api/nothing-here")
    assert_error(client.delete("/api/events"), 405, "DELETE")


def test_http_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{doc_id}", "/api/stats",
        "/api/export", "/api/health",
    }  # fmt: skip
    assert spec["paths"]["/api/events"]["get"]["parameters"]
    limit = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500
    # Invalid requests are answered 400 with the error envelope: FastAPI's default 422 is not documented.
    assert "HTTPValidationError" not in json.dumps(spec)
    assert "400" in spec["paths"]["/api/events/{event_id}"]["get"]["responses"]


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_http_pages_load_only_local_assets(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets
    for asset in assets:
        assert asset.startswith(("/", "data:")), f"{path} loads {asset} from elsewhere"
        if asset.startswith("/static/"):
            assert client.get(asset).status_code == 200, asset


def test_http_static_scripts_import_only_local_modules(client: TestClient) -> None:
    static = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "web" / "static"
    for script in static.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        for target in re.findall(r'from "([^"]+)"', text):
            assert target.startswith("./"), f"{script.name} imports {target}"
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, script.name
        assert client.get(f"/static/{script.name}").status_code == 200
    world = client.get("/static/vendor/countries-50m.json").json()
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 200


def test_http_cors_is_off_unless_configured(client: TestClient, seeded_db: Path) -> None:
    headers = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.get("/api/health", headers=headers).headers
    with make_client(seeded_db, cors_origins=("https://elsewhere.example",)) as c:
        allowed = c.get("/api/health", headers=headers)
        assert allowed.headers["access-control-allow-origin"] == "https://elsewhere.example"
        other = c.get("/api/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_http_settings_from_env_reject_bad_values() -> None:
    from eventwire.api import ApiSettings
    from eventwire.errors import ConfigError

    settings = ApiSettings.from_env(
        "x.db",
        {
            "EVENTWIRE_API_TOKEN": "long-enough-token",
            "EVENTWIRE_CORS_ORIGINS": "https://a.org, https://b.org",
        },
    )
    assert settings.token == "long-enough-token" and settings.cors_origins == (
        "https://a.org",
        "https://b.org",
    )
    with pytest.raises(ConfigError, match="EVENTWIRE_MAX_BODY_BYTES"):
        ApiSettings.from_env("x.db", {"EVENTWIRE_MAX_BODY_BYTES": "lots"})
    with pytest.raises(ConfigError, match="shorter than 8"):
        ApiSettings.from_env("x.db", {"EVENTWIRE_API_TOKEN": "abc"})


def test_http_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire.cli.app import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code != 0
    assert "absent.db" in result.output and "no such database" in result.output
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("path", ["/api/events?limit=2", "/api/health", "/api/nothing-here", "/"])
def test_http_responses_carry_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.slow
def test_http_serve_with_workers_answers_like_one_process(seeded_db: Path, tmp_path: Path) -> None:
    """``eventwire serve --workers 2``: uvicorn imports the app by name in each process (``app_from_env``,
    its settings from the environment), and the pages are those of the app built in-process."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path / "serve.log"
    env = {**os.environ, "EVENTWIRE_API_TOKEN": "", "EVENTWIRE_DB": ""}
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(seeded_db), "--port", str(port)]
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--workers", "2", "--log-level", "warning"],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        with make_client(seeded_db) as local:
            expected = local.get("/api/events?limit=3").json()
        with httpx.Client(base_url=base, timeout=30) as http:  # a new connection each, to either worker
            pages = [http.get("/api/events?limit=3", headers={"Connection": "close"}) for _ in range(6)]
        assert all(p.status_code == 200 and p.json() == expected for p in pages)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
