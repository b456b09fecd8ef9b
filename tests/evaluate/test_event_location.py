"""The event-location scorer on a tiny hand-made file, and its split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import SourceError
from eventwire.evaluate.event_location import evaluate_event_location, load_records, part_of
from eventwire.extraction.toponyms import find_toponyms
from eventwire.resolve.gazetteer import Gazetteer


def _record(rid: str, text: str, verb: str, locations: list[str]) -> dict[str, object]:
    spans = [{"start": text.index(verb), "end": text.index(verb) + len(verb), "label": "VERB"}]
    spans += [{"start": text.index(w), "end": text.index(w) + len(w), "label": "LOCATION"} for w in locations]
    return {"_id": rid, "text": text, "spans": spans}


def test_event_location_scores_hits_and_empty_gold(tmp_path: Path, cache_dir: Path) -> None:
    records = [
        _record("a", "Gunmen killed five people in Kirkuk on Monday.", "killed", ["Kirkuk"]),
        _record("b", "Gunmen killed five people in Kirkuk on Monday.", "killed", []),  # gold: no place
        _record("c", "Police said the suspect was arrested.", "arrested", []),
    ]
    (tmp_path / "labeled_text.json").write_text(json.dumps(records), encoding="utf-8")
    gaz = Gazetteer.load(cache_dir)
    report = evaluate_event_location(lambda t: find_toponyms(t, gaz), data_dir=tmp_path, part="all")
    assert report.accuracy.total == 3 and report.accuracy.correct == 2
    assert report.with_location.correct == 1 and report.found.correct == 1
    assert report.without_location.total == 2 and report.without_location.correct == 1
    assert report.to_dict()["accuracy"]["value"] == pytest.approx(2 / 3, abs=1e-4)


def test_event_location_split_is_stable_and_bad_input_named(tmp_path: Path) -> None:
    parts = [part_of(str(i)) for i in range(1000)]
    assert parts == [part_of(str(i)) for i in range(1000)]
    assert 150 < parts.count("held_out") < 250
    with pytest.raises(SourceError, match="not found"):
        load_records(tmp_path)
    (tmp_path / "labeled_text.json").write_text("{", encoding="utf-8")
    with pytest.raises(SourceError, match="malformed JSON"):
        load_records(tmp_path)
