"""Geoparsing and event-location quality on the shared dev corpora, written to one JSON file.

Runs ``eventwire evaluate geo`` on GeoWebNews, TR-News and GeoVirus and ``eventwire evaluate
event-location`` on both parts of the Halterman data, and keeps each headline. Skips with a message
where ../shared is absent.

    EVENTWIRE_CACHE_DIR=/tmp/ewcache python bench/geo_eval.py [--out bench/results/geo_eval.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "benchmarks").resolve()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "geo_eval.json")
    args = parser.parse_args()
    geo_dir, loc_dir = SHARED / "geoparsing", SHARED / "event_location_halterman"
    if not geo_dir.exists():
        print(f"skipped: {geo_dir} is absent")
        return 0

    from eventwire.evaluate.event_location import evaluate_event_location
    from eventwire.evaluate.geo import CORPORA, evaluate_geo
    from eventwire.extraction.toponyms import find_toponyms
    from eventwire.models.place import PlaceMention
    from eventwire.resolve.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()

    def geoparse(text: str) -> list[PlaceMention]:
        # Every toponym of the text, as `eventwire places` reports them: the corpora count those
        # inside organisations' names ("The Washington Post") too.
        return find_toponyms(text, gazetteer, embedded=True)

    def literal(text: str) -> list[PlaceMention]:
        return find_toponyms(text, gazetteer)

    geo: dict[str, object] = {}
    locations: dict[str, object] = {}
    result: dict[str, object] = {
        "command": "python bench/geo_eval.py",
        "geo": geo,
        "event_location": locations,
    }
    for corpus in CORPORA:
        started = time.perf_counter()
        report = evaluate_geo(corpus, geoparse, gazetteer, data_dir=geo_dir)
        data = report.to_dict()
        data.pop("misses")
        data["seconds"] = round(time.perf_counter() - started, 1)
        geo[corpus] = data
        print(corpus, json.dumps(data["headline"]))
    if loc_dir.exists():
        for part in ("tuning", "held_out"):
            # Event locations are chosen among literal places, as the extractor chooses them.
            loc = evaluate_event_location(literal, data_dir=loc_dir, part=part).to_dict()
            locations[part] = loc
            print("event-location", part, json.dumps(loc["accuracy"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
