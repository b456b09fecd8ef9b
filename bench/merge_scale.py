"""How the cross-document merge (``eventwire.dedup.events.cluster``) grows with the number of events.

    .venv/bin/python bench/merge_scale.py                 # N = 10k, 100k, 1M
    .venv/bin/python bench/merge_scale.py --sizes 10000 50000

Each size runs in a fresh subprocess (so peak memory is that size's own) that generates N synthetic
events with real :class:`~eventwire.models.event.Event` records, then times ``cluster`` alone. The events
are meant to look like a multi-year ACLED-style feed:

- 24 countries with 4–8 real admin1 regions each (approximate centroid coordinates) and towns scattered
  within ~40 km of the centroid; dates uniform over 2015–2024 (10 years); all 25 ACLED sub-event types,
  weighted towards battles and explosions; actors from a per-country pool (state forces, rebels,
  militias, an unidentified armed group, civilians); fatalities from a skewed distribution; a
  reporting sentence per event built from its fields plus filler words;
- 20% of the original events name one or two victims, each a given name and one or two surnames
  drawn from small pools (60 × 80 surnames: common names recur, as in real reporting, so that the
  named-victim blocks and matches are exercised at their real cost);
- 30% of the events are extra reports of an earlier event (the "duplicates"): another document, the
  date moved by 0–1 day or widened to the week, the point moved by up to ~5 km, sometimes only the
  admin1 or the country given, the fatality figure changed by ±20%, the sentence reworded in part,
  the victims' names kept, sometimes without the given name.

It reports, per N: seconds to generate, seconds to cluster, clusters found, recall of the planted
duplicates (share of planted duplicate pairs put together) and the precision of the merged pairs
against the plan, peak RSS of the process, and the growth exponent between consecutive sizes
(log(t2/t1) / log(N2/N1); 1 is linear, 2 quadratic). Results go to ``bench/results/merge_scale.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import platform
import random
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from eventwire.dedup.events import cluster
from eventwire.models.event import EVENT_TYPES, Event, Evidence, Quantity, RoleFiller

RESULTS = Path(__file__).parent / "results" / "merge_scale.json"
STORE_RESULTS = Path(__file__).parent / "results" / "merge_scale_store.json"
DUPLICATE_SHARE = 0.3

# country, iso3, [(admin1, lat, lon)] — approximate admin1 centroids.
GEOGRAPHY: list[tuple[str, str, list[tuple[str, float, float]]]] = [
    (
        "Iraq",
        "IRQ",
        [
            ("Anbar", 33.4, 42.2),
            ("Baghdad", 33.3, 44.4),
            ("Nineveh", 36.2, 43.1),
            ("Basra", 30.5, 47.8),
            ("Diyala", 33.8, 45.0),
            ("Kirkuk", 35.5, 44.4),
        ],
    ),
    (
        "Syria",
        "SYR",
        [
            ("Aleppo", 36.2, 37.2),
            ("Idlib", 35.9, 36.6),
            ("Deir ez Zor", 35.3, 40.1),
            ("Homs", 34.7, 36.7),
            ("Daraa", 32.6, 36.1),
            ("Raqqa", 35.9, 39.0),
            ("Hasakah", 36.5, 40.7),
        ],
    ),
    (
        "Afghanistan",
        "AFG",
        [
            ("Kabul", 34.5, 69.2),
            ("Kandahar", 31.6, 65.7),
            ("Helmand", 31.4, 64.0),
            ("Nangarhar", 34.2, 70.6),
            ("Kunduz", 36.7, 68.9),
            ("Herat", 34.3, 62.2),
        ],
    ),
    (
        "Yemen",
        "YEM",
        [
            ("Sanaa", 15.4, 44.2),
            ("Taiz", 13.6, 44.0),
            ("Aden", 12.8, 45.0),
            ("Marib", 15.5, 45.3),
            ("Hodeidah", 14.8, 42.9),
        ],
    ),
    (
        "Somalia",
        "SOM",
        [
            ("Banadir", 2.0, 45.3),
            ("Lower Shabelle", 1.9, 44.5),
            ("Bay", 2.6, 43.6),
            ("Hiraan", 4.3, 45.5),
            ("Gedo", 3.0, 42.2),
        ],
    ),
    (
        "Nigeria",
        "NGA",
        [
            ("Borno", 11.8, 13.1),
            ("Yobe", 12.2, 11.5),
            ("Adamawa", 9.3, 12.4),
            ("Zamfara", 12.1, 6.2),
            ("Kaduna", 10.5, 7.4),
            ("Benue", 7.3, 8.7),
            ("Plateau", 9.2, 9.5),
        ],
    ),
    (
        "Mali",
        "MLI",
        [
            ("Mopti", 14.5, -4.2),
            ("Gao", 16.3, -0.1),
            ("Timbuktu", 16.8, -3.0),
            ("Segou", 13.4, -6.3),
            ("Kidal", 18.4, 1.4),
        ],
    ),
    (
        "Burkina Faso",
        "BFA",
        [
            ("Sahel", 14.0, -0.5),
            ("Nord", 13.6, -2.4),
            ("Est", 12.1, 0.4),
            ("Centre-Nord", 13.3, -1.1),
            ("Boucle du Mouhoun", 12.3, -3.5),
        ],
    ),
    (
        "Democratic Republic of Congo",
        "COD",
        [
            ("North Kivu", -0.8, 29.0),
            ("South Kivu", -3.0, 28.3),
            ("Ituri", 1.6, 30.0),
            ("Tanganyika", -6.0, 27.9),
            ("Kasai", -5.0, 21.0),
        ],
    ),
    (
        "Sudan",
        "SDN",
        [
            ("Khartoum", 15.6, 32.5),
            ("North Darfur", 15.8, 24.9),
            ("South Darfur", 11.8, 24.9),
            ("West Darfur", 13.0, 22.6),
            ("South Kordofan", 11.0, 30.0),
            ("Gezira", 14.4, 33.5),
        ],
    ),
    (
        "Ethiopia",
        "ETH",
        [
            ("Tigray", 14.0, 38.5),
            ("Amhara", 11.6, 38.0),
            ("Oromia", 8.0, 39.0),
            ("Afar", 11.8, 41.0),
            ("Somali", 7.0, 43.5),
        ],
    ),
    (
        "Myanmar",
        "MMR",
        [
            ("Sagaing", 22.0, 95.0),
            ("Magway", 20.3, 94.4),
            ("Kachin", 26.0, 97.5),
            ("Shan", 21.5, 97.8),
            ("Rakhine", 19.8, 93.9),
            ("Kayin", 17.0, 97.8),
            ("Mandalay", 21.3, 96.0),
        ],
    ),
    (
        "Ukraine",
        "UKR",
        [
            ("Donetsk", 48.0, 37.8),
            ("Luhansk", 48.6, 39.3),
            ("Kharkiv", 49.9, 36.3),
            ("Zaporizhia", 47.8, 35.2),
            ("Kherson", 46.6, 32.6),
            ("Dnipropetrovsk", 48.5, 35.0),
            ("Sumy", 50.9, 34.8),
            ("Kyiv", 50.4, 30.5),
        ],
    ),
    (
        "Colombia",
        "COL",
        [
            ("Antioquia", 6.7, -75.6),
            ("Cauca", 2.5, -76.6),
            ("Narino", 1.3, -77.3),
            ("Norte de Santander", 7.9, -72.5),
            ("Arauca", 7.1, -70.8),
            ("Choco", 5.7, -76.6),
        ],
    ),
    (
        "Mexico",
        "MEX",
        [
            ("Guerrero", 17.6, -99.5),
            ("Michoacan", 19.2, -101.9),
            ("Jalisco", 20.7, -103.3),
            ("Guanajuato", 21.0, -101.3),
            ("Chihuahua", 28.6, -106.1),
            ("Zacatecas", 22.8, -102.6),
            ("Sinaloa", 25.0, -107.5),
        ],
    ),
    (
        "Pakistan",
        "PAK",
        [
            ("Khyber Pakhtunkhwa", 34.0, 71.5),
            ("Balochistan", 28.5, 65.0),
            ("Sindh", 25.9, 68.5),
            ("Punjab", 31.2, 72.7),
        ],
    ),
    (
        "India",
        "IND",
        [
            ("Jammu and Kashmir", 33.8, 74.8),
            ("Manipur", 24.7, 93.9),
            ("Chhattisgarh", 21.3, 81.9),
            ("Jharkhand", 23.6, 85.3),
            ("West Bengal", 22.9, 87.9),
        ],
    ),
    (
        "Philippines",
        "PHL",
        [
            ("Maguindanao", 7.0, 124.4),
            ("Sulu", 6.0, 121.0),
            ("Lanao del Sur", 7.8, 124.3),
            ("Negros Oriental", 9.6, 123.0),
            ("Samar", 11.8, 125.0),
        ],
    ),
    (
        "Cameroon",
        "CMR",
        [
            ("Far North", 10.6, 14.3),
            ("Northwest", 6.3, 10.3),
            ("Southwest", 5.0, 9.3),
            ("Adamawa", 7.0, 13.5),
        ],
    ),
    (
        "Mozambique",
        "MOZ",
        [
            ("Cabo Delgado", -12.3, 39.3),
            ("Niassa", -13.0, 36.5),
            ("Nampula", -15.1, 39.3),
            ("Sofala", -19.2, 34.5),
        ],
    ),
    (
        "Libya",
        "LBY",
        [
            ("Tripoli", 32.9, 13.2),
            ("Benghazi", 32.1, 20.1),
            ("Misrata", 32.4, 15.1),
            ("Sabha", 27.0, 14.4),
            ("Sirte", 31.2, 16.6),
        ],
    ),
    (
        "Haiti",
        "HTI",
        [("Ouest", 18.5, -72.3), ("Artibonite", 19.3, -72.5), ("Centre", 19.0, -72.0), ("Nord", 19.6, -72.3)],
    ),
    (
        "Israel",
        "ISR",
        [
            ("Gaza Strip", 31.4, 34.4),
            ("West Bank", 32.0, 35.3),
            ("Northern", 32.9, 35.4),
            ("Southern", 31.0, 34.8),
        ],
    ),
    (
        "Lebanon",
        "LBN",
        [("South", 33.3, 35.4), ("Nabatieh", 33.4, 35.5), ("Bekaa", 33.8, 35.9), ("Beirut", 33.9, 35.5)],
    ),
]

TYPE_WEIGHTS = {
    "Battles": 5,
    "Explosions/Remote violence": 5,
    "Violence against civilians": 4,
    "Protests": 4,
    "Riots": 2,
    "Strategic developments": 1,
}
WORDS = [
    "fighters",
    "clashed",
    "attacked",
    "village",
    "checkpoint",
    "convoy",
    "market",
    "mosque",
    "school",
    "road",
    "district",
    "outskirts",
    "patrol",
    "security",
    "forces",
    "gunmen",
    "militants",
    "residents",
    "witnesses",
    "officials",
    "police",
    "army",
    "shelling",
    "drone",
    "strike",
    "bomb",
    "explosion",
    "killed",
    "wounded",
    "abducted",
    "morning",
    "night",
]
START, YEARS = dt.date(2015, 1, 1), 10
NAMED_SHARE = 0.2
_SYLLABLES = ["ka", "lo", "mi", "sa", "ru", "de", "ha", "ni", "to", "be"]
# Made-up names of letters only (a name's words are letters, as a real name's are).
GIVEN_NAMES = [f"{a}{b}n".title() for a in _SYLLABLES for b in _SYLLABLES[:6]]
SURNAMES = [f"{a}{b}{c}".title() for a in _SYLLABLES[:8] for b in _SYLLABLES[:5] for c in ("r", "s")]


def _actors(country: str) -> list[tuple[str, int]]:
    return [
        (f"Military Forces of {country}", 1),
        (f"Police Forces of {country}", 1),
        (f"Rebel Front of {country}", 2),
        (f"Islamic State ({country})", 2),
        (f"Communal Militia ({country})", 4),
        (f"Unidentified Armed Group ({country})", 3),
        (f"Civilians ({country})", 7),
        (f"Protesters ({country})", 6),
    ]


def _victims(rng: random.Random) -> tuple[RoleFiller, ...]:
    if rng.random() >= NAMED_SHARE:
        return ()
    names = []
    for _ in range(rng.choice((1, 1, 2))):
        words = [rng.choice(GIVEN_NAMES), *rng.sample(SURNAMES, rng.choice((1, 2)))]
        names.append(RoleFiller(" ".join(words), 0, 0))
    return tuple(names)


def _retold(rng: random.Random, victims: tuple[RoleFiller, ...]) -> tuple[RoleFiller, ...]:
    """The victims as another report names them: sometimes without the given name."""
    return tuple(
        RoleFiller(v.text.split(" ", 1)[1], 0, 0) if v.text.count(" ") >= 2 and rng.random() < 0.3 else v
        for v in victims
    )


def _sentence(rng: random.Random, event_words: list[str]) -> str:
    return " ".join([*event_words, *rng.sample(WORDS, 6)]) + "."


def generate(n: int, seed: int = 42) -> tuple[list[Event], list[int]]:
    """``n`` events and, for each, the index of the original event it reports (itself for originals)."""
    rng = random.Random(seed)
    names_rng = random.Random(seed + 1)  # its own stream: the rest of the events as without names
    types = [(t, sub) for t, subs in EVENT_TYPES.items() for sub in subs]
    weights = [TYPE_WEIGHTS[t] for t, _ in types]
    countries = [(c, iso, admins, _actors(c)) for c, iso, admins in GEOGRAPHY]
    events: list[Event] = []
    origin: list[int] = []
    for k in range(n):
        if events and rng.random() < DUPLICATE_SHARE:
            base_index = origin[rng.randrange(len(events))]
            base = events[base_index]
            assert base.event_date is not None and base.fatalities is not None
            day = base.event_date + dt.timedelta(days=rng.choice((0, 0, 0, 1, -1)))
            start = end = day
            precision = 1
            if rng.random() < 0.1:  # "last week"
                start, end, precision = (
                    day - dt.timedelta(days=day.weekday()),
                    day + dt.timedelta(days=6 - day.weekday()),
                    2,
                )
            placing = rng.random()
            lat = (base.latitude or 0.0) + rng.uniform(-0.04, 0.04)
            lon = (base.longitude or 0.0) + rng.uniform(-0.04, 0.04)
            fatal = max(0, round(base.fatalities.best * rng.uniform(0.8, 1.2)))
            words = base.evidence[0].text.split()[:6]
            event = Event(
                event_id=f"e{k}",
                doc_id=f"d{k}",
                event_type=base.event_type,
                sub_event_type=base.sub_event_type,
                event_date=day,
                date_start=start,
                date_end=end,
                time_precision=precision,
                date_text="last week" if precision == 2 else None,  # from the text, not a fallback
                actor1=base.actor1 if rng.random() < 0.8 else None,
                actor2=base.actor2,
                inter1=base.inter1,
                country=base.country,
                iso3=base.iso3,
                admin1=base.admin1 if placing > 0.05 else None,
                location=base.location if placing > 0.3 else None,
                latitude=lat if placing > 0.3 else None,
                longitude=lon if placing > 0.3 else None,
                geo_precision=1 if placing > 0.3 else 3,
                fatalities=Quantity(fatal, fatal, fatal, str(fatal)),
                victims=_retold(names_rng, base.victims),
                evidence=(Evidence("sentence", 0, 80, _sentence(rng, words)),),
            )
            events.append(event)
            origin.append(base_index)
            continue
        country, iso, admins, actors = rng.choice(countries)
        admin1, clat, clon = rng.choice(admins)
        event_type, sub = rng.choices(types, weights)[0]
        actor1, inter1 = rng.choice(actors[:6])
        actor2 = rng.choice(actors)[0] if rng.random() < 0.7 else None
        town = rng.randrange(40)
        trng = random.Random(zlib.crc32(f"{iso}|{admin1}|{town}".encode()))
        lat, lon = clat + trng.uniform(-0.4, 0.4), clon + trng.uniform(-0.4, 0.4)
        day = START + dt.timedelta(days=rng.randrange(365 * YEARS))
        fatal = min(int(rng.expovariate(0.3)), 500)
        event_words = [admin1, f"town{town}", sub.split()[0].lower(), actor1.split()[0].lower(), str(fatal)]
        events.append(
            Event(
                event_id=f"e{k}",
                doc_id=f"d{k}",
                event_type=event_type,
                sub_event_type=sub,
                event_date=day,
                date_start=day,
                date_end=day,
                time_precision=1,
                actor1=actor1,
                actor2=actor2,
                inter1=inter1,
                country=country,
                iso3=iso,
                admin1=admin1,
                location=f"{admin1} town {town}",
                latitude=lat,
                longitude=lon,
                geo_precision=1,
                fatalities=Quantity(fatal, fatal, fatal, str(fatal)),
                victims=_victims(names_rng),
                evidence=(Evidence("sentence", 0, 80, _sentence(rng, event_words)),),
            )
        )
        origin.append(k)
    return events, origin


def _pair_quality(clusters: list[list[int]], origin: list[int]) -> tuple[float, float]:
    """Recall of planted duplicate pairs and precision of predicted pairs (counted per cluster)."""
    planted: dict[int, int] = {}
    for o in origin:
        planted[o] = planted.get(o, 0) + 1
    gold_pairs = sum(c * (c - 1) // 2 for c in planted.values())
    predicted = correct = 0
    for group in clusters:
        predicted += len(group) * (len(group) - 1) // 2
        counts: dict[int, int] = {}
        for i in group:
            counts[origin[i]] = counts.get(origin[i], 0) + 1
        correct += sum(c * (c - 1) // 2 for c in counts.values())
    return (correct / gold_pairs if gold_pairs else 1.0, correct / predicted if predicted else 1.0)


def run_one(n: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    events, origin = generate(n)
    t1 = time.perf_counter()
    clusters = cluster(events)
    t2 = time.perf_counter()
    return _run_record(n, t1 - t0, t2 - t1, clusters, origin)


def _run_record(
    n: int, generate_s: float, cluster_s: float, clusters: list[list[int]], origin: list[int]
) -> dict[str, Any]:
    """One size's result: times, clusters, the quality of the merge against the plan, peak memory."""
    recall, precision = _pair_quality(clusters, origin)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "n": n,
        "generate_s": round(generate_s, 2),
        "cluster_s": round(cluster_s, 2),
        "clusters": len(clusters),
        "planted_originals": len(set(origin)),
        "duplicate_pair_recall": round(recall, 4),
        "merged_pair_precision": round(precision, 4),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


# Words for the synthetic documents' texts: a vocabulary of a real text's size, so that the full-text
# index grows as it would (every word new would make it grow with every document).
_VOCABULARY = [f"w{zlib.crc32(str(k).encode()):x}" for k in range(5000)]


def _document_text(doc_id: str, sentence: str) -> str:
    """A text of its own for each synthetic report's document: reports of one event share their words, and
    the store would take their documents for copies of one another and drop the later one's events."""
    rng = random.Random(zlib.crc32(doc_id.encode()))
    return sentence + " " + " ".join(rng.choices(_VOCABULARY, k=40))


def run_one_store(n: int) -> dict[str, Any]:
    """As :func:`run_one`, but through the store, as `eventwire ingest` merges: every event is written as its
    own document to a new SQLite store, in order, and joins a stored cluster or starts its own."""
    import tempfile

    from sqlalchemy import text as sql

    from eventwire.models.document import Document
    from eventwire.pipeline import _frozen_heap, dedup_functions
    from eventwire.store import open_store

    t0 = time.perf_counter()
    events, origin = generate(n)
    docs = [Document(e.doc_id, _document_text(e.doc_id, e.evidence[0].text)) for e in events]
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eventwire-merge-scale-") as folder:
        # As `eventwire ingest` writes (``pipeline.ingest``): in one batch, with what was made before the
        # run kept out of the garbage collector's sight; here that is the generated events and documents,
        # which an ingest reads one at a time and does not hold (full collections walked all N of them).
        with (
            open_store(Path(folder) / "merge.db", dedup=dedup_functions()) as store,
            _frozen_heap(),
            store.batch(),
        ):
            for doc, event in zip(docs, events, strict=True):
                store.write(doc, [event])
        t2 = time.perf_counter()
        with open_store(Path(folder) / "merge.db") as store, store.engine.connect() as conn:
            cluster_of: dict[str, str] = dict(
                conn.execute(sql("SELECT event_id, cluster_id FROM events")).all()
            )
    index = {e.event_id: i for i, e in enumerate(events)}
    groups: dict[str, list[int]] = {}
    for event_id, cluster_id in cluster_of.items():
        groups.setdefault(cluster_id, []).append(index[event_id])
    return _run_record(n, t1 - t0, t2 - t1, list(groups.values()), origin)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a single size, in this process
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument(
        "--store", action="store_true", help="merge through a SQLite store, as `eventwire ingest` does"
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one_store(args.one) if args.store else run_one(args.one)))
        return
    runs: list[dict[str, Any]] = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--one", str(n), *(["--store"] if args.store else [])]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        run = json.loads(out.strip().splitlines()[-1])
        if runs:
            prev = runs[-1]
            run["growth_exponent"] = round(
                math.log(run["cluster_s"] / prev["cluster_s"]) / math.log(n / prev["n"]), 3
            )
        runs.append(run)
        print(json.dumps(run), flush=True)
    total = runs[-1]
    overall = (
        round(math.log(total["cluster_s"] / runs[0]["cluster_s"]) / math.log(total["n"] / runs[0]["n"]), 3)
        if len(runs) > 1
        else None
    )
    result = {
        "benchmark": "merge_scale",
        "what": (
            "the store's incremental merge (each event written as its own document to a new SQLite store, "
            "as `eventwire ingest` merges) on synthetic events (see bench/merge_scale.py)"
            if args.store
            else "eventwire.dedup.events.cluster on synthetic events (see bench/merge_scale.py)"
        ),
        "duplicate_share": DUPLICATE_SHARE,
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        "date": dt.date.today().isoformat(),
        "runs": runs,
        "growth_exponent_overall": overall,
    }
    output = args.output or (STORE_RESULTS if args.store else RESULTS)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
