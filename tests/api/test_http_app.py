"""The application around the routes: error envelope, OpenAPI and docs without a CDN, CORS, headers."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
