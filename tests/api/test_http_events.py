"""GET /api/events and /api/events/{id} on a store seeded from the sample articles."""

from __future__ import annotations

from typing import Any

import pytest
from apihelpers import assert_error
from fastapi.testclient import TestClient


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=query).json()
        items += page["items"]
        cursor = page["next"]
        if not cursor:
            return items


def test_http_events_lists_the_stored_events_newest_first(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert set(body) == {"items", "total", "total_exact", "next"}
    assert body["total"] == len(body["items"]) >= 5 and body["total_exact"] is True
    dates = [e["event_date"] for e in body["items"] if e["event_date"]]
    assert dates == sorted(dates, reverse=True)
    borno = next(e for e in body["items"] if e["doc_id"] == "sample-borno-village-attack")
    assert borno["country"] == "Nigeria" and borno["fatalities"]["best"] == 11
    assert any(ev["field"] == "sentence" for ev in borno["evidence"])


def test_http_events_pages_with_a_cursor_until_the_last_page(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    first = client.get("/api/events", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == total and first["next"]
    paged = all_events(client, limit=2)
    assert len(paged) == total
    assert len({e["event_id"] for e in paged}) == total


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "Nigeria"}, lambda e: e["country"] == "Nigeria"),
        ({"country": "som"}, lambda e: e["iso3"] == "SOM"),
        ({"type": "Violence against civilians"}, lambda e: e["event_type"] == "Violence against civilians"),
        ({"type": "protest with intervention"}, lambda e: e["sub_event_type"] == "Protest with intervention"),
        ({"actor": "shabaab"}, lambda e: "Shabaab" in (e["actor1"] or "") + (e["actor2"] or "")),
        ({"since": "2024-05-01"}, lambda e: e["event_date"] >= "2024-05-01"),
        ({"until": "2024-04-01"}, lambda e: e["event_date"] <= "2024-04-01"),
        ({"min_fatalities": 5}, lambda e: e["fatalities"]["best"] >= 5),
        ({"bbox": "10,5,15,15"}, lambda e: 10 <= e["longitude"] <= 15 and 5 <= e["latitude"] <= 15),
        ({"q": "buried"}, lambda e: e["doc_id"] == "hostile-markup-article"),
    ],
)
def test_http_events_filters_match_only_what_they_name(
    client: TestClient, params: dict[str, Any], check: Any
) -> None:
    everything = client.get("/api/events").json()["items"]
    body = client.get("/api/events", params=params).json()
    assert body["items"], f"no event matched {params}"
    assert body["total"] == len(body["items"]) < len(everything)
    assert all(check(e) for e in body["items"]), body["items"]


def test_http_events_a_filter_that_matches_nothing_gives_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/events", params={"country": "Iceland"}).json()
    assert body == {"items": [], "total": 0, "total_exact": True, "next": None}


@pytest.mark.parametrize(
    ("params", "status", "fragment"),
    [
        ({"limit": 0}, 400, "limit"),
        ({"limit": 100000}, 400, "limit"),
        ({"limit": "ten"}, 400, "limit"),
        ({"since": "yesterday"}, 400, "since"),
        ({"since": "2024-06-01", "until": "2024-01-01"}, 400, "after"),
        ({"min_fatalities": -1}, 400, "min_fatalities"),
        ({"bbox": "1,2,3"}, 400, "bbox"),
        ({"bbox": "a,b,c,d"}, 400, "bbox"),
        ({"bbox": "0,50,10,40"}, 400, "south"),
        ({"bbox": "0,0,200,10"}, 400, "longitudes"),
        ({"cursor": "not-a-cursor"}, 400, "cursor"),
        ({"country": "x" * 300}, 400, "country"),
    ],
)
def test_http_events_bad_parameters_get_a_400_naming_them(
    client: TestClient, params: dict[str, Any], status: int, fragment: str
) -> None:
    body = assert_error(client.get("/api/events", params=params), status, fragment)
    assert "Traceback" not in body["error"]


def test_http_event_has_its_sources_and_evidence_into_their_text(client: TestClient) -> None:
    listed = client.get("/api/events", params={"country": "Somalia"}).json()["items"][0]
    detail = client.get(f"/api/events/{listed['event_id']}").json()
    assert set(detail) == {"event", "sources", "evidence"}
    assert detail["event"]["event_id"] == listed["event_id"]
    own = next(s for s in detail["sources"] if s["id"] == detail["event"]["doc_id"])
    assert detail["evidence"], "an event without evidence"
    for item in detail["evidence"]:
        assert own["text"][item["start"] : item["end"]] == item["text"]


def test_http_event_unknown_id_is_a_404(client: TestClient) -> None:
    assert_error(client.get("/api/events/ev-does-not-exist"), 404, "ev-does-not-exist")
