"""The founding article: exactly the one event in ../shared/seed/anbar-raid.expected.json, every field."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from eventwire.documents.build import build_document
from eventwire.sources.files import read_path
from support import shared_path


def test_seed_gives_exactly_the_expected_event(extractor: Any) -> None:
    seed = shared_path("seed", "anbar-raid.txt")
    expected = json.loads(shared_path("seed", "anbar-raid.expected.json").read_text(encoding="utf-8"))
    (raw,) = list(read_path(seed))
    doc = build_document(raw, dt.date.fromisoformat(expected["published"]))  # type: ignore[arg-type]
    events = [e.to_dict() for e in extractor.extract(doc)]
    assert len(events) == 1, [e["notes"] for e in events]
    (event,) = events
    (want,) = expected["events"]

    for field in ("event_type", "sub_event_type", "date_start", "date_end", "time_precision", "actor2",
                  "country", "iso3", "geo_precision"):  # fmt: skip
        assert event[field] == want[field], field
    assert event["admin1"] in [want["admin1"], *want["admin1_also_accepted"]]
    assert event["actor1"] in want["actor1_one_of"]
    assert set(want["actor1_one_of"]) <= {event["actor1"], *event["assoc_actor_1"]}
    assert 30.5 <= event["latitude"] <= 34.6 and 38.8 <= event["longitude"] <= 44.1
    for field in ("fatalities", "injuries", "participants"):
        for key, value in want[field].items():
            assert event[field][key] == value, (field, key)
    assert {f["text"] for f in event["perpetrator_orgs"]} & set(want["perpetrator_orgs_mention_one_of"])
    assert {f["text"] for f in event["victims"]} & set(want["victims_mention_one_of"])

    # Every field taken from the text carries its evidence, and the evidence quotes the document exactly.
    fields = {item["field"] for item in event["evidence"]}
    assert {"sentence", "event_type", "date", "location", "actor1", "actor2", "fatalities", "injuries",
            "participants"} <= fields  # fmt: skip
    for item in event["evidence"]:
        assert doc.text[item["start"] : item["end"]] == item["text"]

    # Background is not evidence for the event.
    sentences = " ".join(item["text"] for item in event["evidence"] if item["field"] == "sentence")
    for background in ("2,500 U.S. troops", "negotiations", "manage the ISIS threat independently"):
        assert background not in sentences
