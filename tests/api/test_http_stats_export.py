"""GET /api/stats, /api/health and /api/export on the seeded store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from apihelpers import assert_error
from fastapi.testclient import TestClient


def test_http_stats_add_up_to_the_events(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    events = client.get("/api/events").json()["items"]
    assert stats["events"] == len(events)
    assert stats["fatalities"] == sum(e["fatalities"]["best"] for e in events if e["fatalities"])
    assert sum(t["events"] for t in stats["by_type"]) == stats["events"]
    assert sum(c["events"] for c in stats["by_country"]) == stats["events"]
    dated = [e for e in events if e["event_date"]]
    assert sum(d["events"] for d in stats["by_day"]) == len(dated)
    nigeria = next(c for c in stats["by_country"] if c["iso3"] == "NGA")
    assert nigeria["events"] == 2 and nigeria["fatalities"] == 18


def test_http_stats_follow_the_filters(client: TestClient) -> None:
    stats = client.get("/api/stats", params={"country": "Nigeria"}).json()
    assert stats["events"] == 2
    assert [c["iso3"] for c in stats["by_country"]] == ["NGA"]
    assert [t["event_type"] for t in stats["by_type"]] == ["Violence against civilians"]
    assert_error(client.get("/api/stats", params={"until": "2024-13-40"}), 400, "until")


def test_http_health_reports_the_store(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["ok"] is True and body["writable"] is False
    assert body["events"] == client.get("/api/events").json()["total"]
    assert body["documents"] >= 6


def test_http_export_csv_has_acled_columns_and_every_event(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0].keys() >= {"event_id_cnty", "event_date", "event_type", "actor1", "fatalities", "latitude"}
    assert len(rows) == client.get("/api/events").json()["total"]
    hostile = next(r for r in rows if r["doc_id"] == "hostile-markup-article")
    assert "<script>" in hostile["evidence_sentence"]


def test_http_export_filters_apply(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"country": "Somalia"}).text)))
    assert [r["country"] for r in rows] == ["Somalia"]


def test_http_export_geojson_is_a_feature_collection_of_located_events(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "geojson"})
    assert response.headers["content-type"].startswith("application/geo+json")
    data = json.loads(response.text)
    assert data["type"] == "FeatureCollection"
    located = [e for e in client.get("/api/events").json()["items"] if e["latitude"] is not None]
    assert len(data["features"]) == len(located)
    feature = data["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert feature["properties"]["longitude"] == lon and feature["properties"]["latitude"] == lat


def test_http_export_parquet_reads_back_with_pyarrow(client: TestClient) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    response = client.get("/api/export", params={"format": "parquet"})
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(response.content))
    assert table.num_rows == client.get("/api/events").json()["total"]
    assert "event_type" in table.column_names


def test_http_export_unknown_format_is_a_400(client: TestClient) -> None:
    assert_error(client.get("/api/export", params={"format": "xlsx"}), 400, "format")
