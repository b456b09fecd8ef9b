"""The gold set in tests/fixtures/articles (see its README): each article gives exactly the records a careful
ACLED coder would write, or none. Only the fields an expectation names are compared."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from eventwire.models.document import Document

ARTICLES = sorted((Path(__file__).parents[1] / "fixtures" / "articles").glob("*.json"))
SCALARS = ("event_type", "sub_event_type", "date_start", "date_end", "time_precision", "country", "iso3",
           "geo_precision", "civilian_targeting")  # fmt: skip
RANGES = ("fatalities", "injuries", "participants", "arrested", "abducted")


def norm(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = re.sub(r"\s*\(\d{4}-(?:\d{4})?\)$", "", value)  # ACLED's "(2018-)" period suffix
    return re.sub(r"[\s\-]+", " ", value).strip().casefold()


def problems(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    found: list[str] = []

    def check(field: str, ok: bool, want: Any) -> None:
        if not ok:
            found.append(f"{field}: expected {want!r}, got {got.get(field)!r}")

    for field in SCALARS:
        if field in expected:
            check(field, norm(got.get(field)) == norm(expected[field]), expected[field])
    for field in ("actor1", "actor2", "admin1", "location"):
        accepted = []
        if field in expected:
            accepted.append(expected[field])
        accepted += expected.get(f"{field}_one_of", []) + expected.get(f"{field}_also_accepted", [])
        if field in expected or f"{field}_one_of" in expected:
            check(field, norm(got.get(field)) in {norm(a) for a in accepted}, accepted)
    if expected.get("assoc_actor_1_contains_the_other"):
        side = {norm(got.get("actor1")), *(norm(a) for a in got.get("assoc_actor_1", []))}
        check(
            "assoc_actor_1", side >= {norm(a) for a in expected["actor1_one_of"]}, expected["actor1_one_of"]
        )
    for field in RANGES:
        if field in expected:
            want = expected[field]
            have = got.get(field) or {}
            ok = all(have.get(k) == want[k] for k in ("low", "best", "high") if k in want)
            if want.get("text") is not None:
                ok = ok and have.get("text") == want["text"]
            check(field, ok, want)
    return found


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_articles_give_the_expected_records(path: Path, extractor: Any) -> None:
    from eventwire.documents.build import build_document
    from eventwire.models.document import RawItem

    case = load(path)
    published = dt.date.fromisoformat(case["published"]) if case.get("published") else None
    doc: Document = build_document(
        RawItem(path.name, case["text"], "text/plain", (("id", case["id"]),)), published
    )
    extraction = extractor.run(doc)
    got = [event.to_dict() for event in extraction.events]
    summary = [(g["event_type"], g["sub_event_type"], g["evidence"][0]["text"][:80]) for g in got]
    assert len(got) == len(case["events"]), (
        f"{case['why']}\nexpected {len(case['events'])} events, got {summary}"
    )
    mismatches = [
        f"event {i + 1}: {p}" for i, (want, have) in enumerate(zip(case["events"], got, strict=True))
        for p in problems(want, have)
    ]  # fmt: skip
    assert not mismatches, "\n".join(mismatches)
    for event in got:
        for item in event["evidence"]:
            assert doc.text[item["start"] : item["end"]] == item["text"]
